"""A clip recorded into memory (the voice sample): the samples heard, the limit, a lost device.

The real microphone is driven by tests/ui/test_voice_sample.py (virtual mic); here a fake
microphone pins down what the clip recorder keeps of whatever the device delivers.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from core.audio.clip import ClipRecorder
from core.audio.fake import fake_input_factory
from core.audio.resample import resample
from core.errors import DeviceLost
from tests.unit.audio.conftest import noise


def _wait_for(pred, timeout_s=10.0):
    deadline = time.monotonic() + timeout_s
    while not pred():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_the_clip_is_the_signal_and_stops_growing_at_the_limit():
    sig = noise(6.0)
    rec = ClipRecorder(4.0, stream_factory=fake_input_factory(sig, speed=20))
    rec.start()
    _wait_for(lambda: rec.is_full)
    assert rec.level[0] > 0.1 and rec.error is None
    time.sleep(0.1)   # blocks keep coming after the limit: they are not kept
    clip = rec.stop()
    assert len(clip) == 4 * 16000
    np.testing.assert_array_equal(clip, sig[:len(clip)])


def test_a_device_at_its_own_rate_is_resampled_to_16_khz():
    sig48 = noise(3.0, rate_hz=48000)
    rec = ClipRecorder(10.0, stream_factory=fake_input_factory(sig48, signal_rate_hz=48000, speed=20))
    rec.start()
    _wait_for(lambda: rec.elapsed_s >= 2.9)
    clip = rec.stop()
    expected = resample(sig48, 48000)   # the fake goes on with silence after the signal
    assert len(clip) >= len(expected) - 1600
    n = min(len(clip), len(expected)) - 800
    assert np.corrcoef(clip[800:n], expected[800:n])[0, 1] > 0.99


@pytest.mark.parametrize("mode", ["stall", "finish"])
def test_a_lost_device_stops_the_clip_and_keeps_what_was_heard(mode):
    rec = ClipRecorder(10.0, stream_factory=fake_input_factory(noise(10.0), speed=10, lose_after_s=2.0,
                                                                lose_mode=mode))
    rec.stall_s = 0.5
    rec.start()
    _wait_for(lambda: rec.error is not None)
    assert isinstance(rec.error, DeviceLost) and not rec.is_full
    assert len(rec.stop()) == 2 * 16000


def test_discard_forgets_the_clip():
    rec = ClipRecorder(10.0, stream_factory=fake_input_factory(noise(3.0), speed=20))
    rec.start()
    _wait_for(lambda: rec.elapsed_s > 1)
    rec.discard()
    assert rec.elapsed_s == 0 and len(rec.stop()) == 0
