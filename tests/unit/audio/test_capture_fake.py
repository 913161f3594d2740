"""Recorder logic with a fake microphone (fast): samples, resampling, markers, faults.

The real-microphone path is tested in test_capture_vmic.py; these pin down what the writer
does with whatever the device delivers.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from core.audio.capture import Recorder
from core.audio.fake import fake_input_factory
from core.audio.markers import off_record_spans
from core.audio.resample import resample
from core.audio.source import read_audio
from core.errors import DeviceLost, DiskFull, NoInputDevice
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from tests.unit.audio.conftest import noise


def _wait_for(pred, timeout_s=10.0):
    deadline = time.monotonic() + timeout_s
    while not pred():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_stored_samples_equal_the_signal(vault, interview):
    sig = noise(4.0)
    factory = fake_input_factory(sig, speed=20)
    rec = Recorder(vault, interview.id, stream_factory=factory)
    rec.start()
    assert rec.is_recording and rec.wait_for_first_audio(5)
    _wait_for(lambda: rec.elapsed_s >= 3.5)
    assert rec.level[0] > 0.1
    rid = rec.stop()
    got = read_audio(vault, rid)
    n = min(len(got), len(sig))
    assert n >= 3.5 * 16000
    np.testing.assert_array_equal(got[:n], sig[:n])
    r = RecordingRepo(vault).get(rid)
    assert (r.state, r.source, r.total_samples) == ("complete", "mic", len(got))
    assert RecordingRepo(vault).chunk_count(rid) == -(-len(got) // 16000)
    assert InterviewRepo(vault).get(interview.id).state == "recorded"
    assert not rec.is_recording and rec.error is None


def test_native_rate_is_resampled(vault, interview):
    t = np.arange(48000 * 3) / 48000
    sig = (0.4 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32)
    factory = fake_input_factory(sig, signal_rate_hz=48000, speed=20)  # refuses 16 kHz
    rec = Recorder(vault, interview.id, stream_factory=factory)
    rec.start()
    _wait_for(lambda: rec.elapsed_s >= 2.5)
    rid = rec.stop()
    assert rec.native_rate_hz == 48000
    got = read_audio(vault, rid)
    want = resample(sig, 48000)
    n = min(len(got), len(want)) - 100
    np.testing.assert_allclose(got[:n], want[:n], atol=2e-4)


def test_markers_pause_and_off_record_not_captured(vault, interview):
    sig = noise(30.0)
    rec = Recorder(vault, interview.id, stream_factory=fake_input_factory(sig, speed=10),
                   capture_off_record=False)
    rec.start()
    rec.next_question("q1")
    _wait_for(lambda: rec.elapsed_s >= 1.0)
    rec.set_off_record(True)
    assert rec.is_off_record
    time.sleep(0.2)                       # ~2 s of audio offered, none kept
    at_off = rec.elapsed_s
    rec.set_off_record(False)
    rec.pause()
    time.sleep(0.2)
    rec.resume()
    rec.bookmark("laugh")
    _wait_for(lambda: rec.elapsed_s >= at_off + 1.0)
    rid = rec.stop()
    repo = RecordingRepo(vault)
    marks = repo.markers(rid)
    kinds = [m.kind for m in marks]
    assert kinds == ["next_question", "off_record_start", "off_record_end", "pause", "resume", "bookmark"]
    offsets = [m.sample_offset for m in marks]
    assert offsets[0] < 8000 and offsets[1] == offsets[2] == offsets[3] == offsets[4] == offsets[5]
    assert abs(offsets[1] / 16000 - at_off) < 0.1
    total = repo.get(rid).total_samples
    assert off_record_spans(marks, total) == []   # nothing off the record was kept
    got = read_audio(vault, rid)
    # The kept audio is the signal with the off-the-record and paused stretches cut out.
    np.testing.assert_array_equal(got[:offsets[1]], sig[:offsets[1]])
    assert not np.array_equal(got[offsets[1]:offsets[1] + 1000], sig[offsets[1]:offsets[1] + 1000])


def test_off_record_captured_when_interview_says_so(vault):
    iv = InterviewRepo(vault).create("P-002", "SITE-A", capture_off_record=True)
    sig = noise(30.0)
    rec = Recorder(vault, iv.id, stream_factory=fake_input_factory(sig, speed=10))
    rec.start()
    _wait_for(lambda: rec.elapsed_s >= 0.5)
    rec.set_off_record(True)
    time.sleep(0.2)
    rec.set_off_record(False)
    _wait_for(lambda: rec.elapsed_s >= 3.0)
    rid = rec.stop()
    repo = RecordingRepo(vault)
    assert repo.get(rid).capture_off_record
    spans = off_record_spans(repo.markers(rid), repo.get(rid).total_samples)
    assert len(spans) == 1 and spans[0][1] - spans[0][0] > 8000
    got = read_audio(vault, rid)
    np.testing.assert_array_equal(got, sig[:len(got)])   # nothing cut at capture time


@pytest.mark.parametrize("mode", ["stall", "finish"])
def test_device_lost_keeps_audio(vault, interview, mode):
    factory = fake_input_factory(noise(10.0), speed=10, lose_after_s=2.0, lose_mode=mode)
    rec = Recorder(vault, interview.id, stream_factory=factory)
    rec.stall_after_first_s = 0.5
    rec.start()
    _wait_for(lambda: not rec.is_recording)
    assert isinstance(rec.error, DeviceLost)
    rid = rec.stop()
    r = RecordingRepo(vault).get(rid)
    assert (r.state, r.error) == ("failed", "device_lost")
    assert r.total_samples == 32000           # every sample delivered is kept, the last partial second too
    assert len(read_audio(vault, rid)) == 32000


def test_disk_full_stops_cleanly_keeping_committed_chunks(vault, interview, full_disk_after):
    full_disk_after(3)
    sig = noise(20.0)
    rec = Recorder(vault, interview.id, stream_factory=fake_input_factory(sig, speed=20))
    rec.start()
    _wait_for(lambda: not rec.is_recording)
    assert isinstance(rec.error, DiskFull)
    assert "Everything saved so far is kept" in rec.error.user_message
    rid = rec.stop()
    assert rec.elapsed_s == 3.0
    got = read_audio(vault, rid)
    assert len(got) == 48000
    np.testing.assert_array_equal(got, sig[:48000])
    assert RecordingRepo(vault).get(rid).state == "recording"  # could not even be closed: recovery will


def test_no_device_is_a_clear_error(vault, interview):
    def broken_factory(**kwargs):
        raise OSError("no such device")

    with pytest.raises(NoInputDevice):
        Recorder(vault, interview.id, stream_factory=broken_factory).start()
    assert RecordingRepo(vault).for_interview(interview.id) == []
