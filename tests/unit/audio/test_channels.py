"""Per-channel levels at import, and telling one-voice-per-channel stereo from ordinary stereo."""

from __future__ import annotations

import numpy as np

from core.audio.channels import ChannelMeter, carries_two_voices
from core.audio.resample import resample
from tests.helpers.stereo import conversation, ordinary


def _levels(stereo: np.ndarray, rate_hz: int = 16000, block: int | None = None):
    meter = ChannelMeter(rate_hz)
    step = block or rate_hz
    for i in range(0, len(stereo), step):
        meter.push(stereo[i:i + step])
    return meter.result()


def test_levels_are_per_channel_every_10_ms_on_the_stored_clock():
    t = np.arange(22050 * 3) / 22050
    left = 0.5 * np.sin(2 * np.pi * 440 * t)            # -9 dBFS RMS
    stereo = np.stack([left, np.zeros_like(left)], axis=1).astype(np.float32)
    levels = _levels(stereo, 22050, block=7000)          # odd rate, odd blocks: no drift
    assert levels.frames == 300 and levels.frame_ms == 10
    assert np.allclose(levels.levels_db[:, 0], 20 * np.log10(0.5 / np.sqrt(2)), atol=0.2)
    assert np.all(levels.levels_db[:, 1] <= -99)


def test_two_voices_one_per_channel_are_told_from_ordinary_stereo():
    stereo, _ref = conversation()
    assert carries_two_voices(_levels(stereo))
    up = np.stack([resample(stereo[:, c], 16000, 44100) for c in (0, 1)], axis=1)
    assert carries_two_voices(_levels(up, 44100))               # the file's rate does not matter
    mix = stereo.mean(axis=1)
    assert not carries_two_voices(_levels(ordinary(stereo)))    # the same sound in both
    assert not carries_two_voices(_levels(np.stack([mix, mix * 0.7], axis=1)))   # panned, 3 dB apart
    assert not carries_two_voices(_levels(np.stack([mix, mix * 0], axis=1)))     # one channel used
    assert not carries_two_voices(_levels(np.zeros((16000 * 5, 2), dtype=np.float32)))  # silence
