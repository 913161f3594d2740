"""Import (jfk.flac and generated WAV/OGG/MP3) and reading ranges back."""

from __future__ import annotations

import hashlib
import os

import numpy as np
import pytest
import soundfile as sf

from core.audio import codec
from core.audio.importer import can_delete_source, make_import_job
from core.audio.resample import downmix, resample
from core.audio.source import read_audio, waveform_overview
from core.errors import Cancelled, UnsupportedAudio
from core.jobs import CancelToken, run_job
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo


def test_jfk_round_trip(vault, interview, jfk_path):
    before = hashlib.sha256(jfk_path.read_bytes()).hexdigest()
    progress = []
    rid = run_job(make_import_job(vault, interview.id, jfk_path), progress.append)
    rec = RecordingRepo(vault).get(rid)
    assert (rec.source, rec.source_name, rec.state) == ("import", "jfk.flac", "complete")
    src, rate = sf.read(jfk_path, dtype="float32")
    want = resample(downmix(src), rate)
    got = read_audio(vault, rid)
    assert len(got) == len(want) == rec.total_samples
    assert np.max(np.abs(got - want)) < 2 / 32768  # 16-bit storage, nothing more lost
    assert progress[-1].fraction == 1.0 and any(0 < (p.fraction or 0) < 1 for p in progress)
    assert hashlib.sha256(jfk_path.read_bytes()).hexdigest() == before  # source untouched
    assert can_delete_source(jfk_path) == os.access(jfk_path.parent, os.W_OK | os.X_OK)
    assert InterviewRepo(vault).get(interview.id).state == "recorded"
    # Ranges across chunk boundaries read the same samples as the whole.
    np.testing.assert_array_equal(read_audio(vault, rid, 15990, 32010), got[15990:32010])
    assert len(read_audio(vault, rid, rec.total_samples - 5, rec.total_samples + 100)) == 5
    peaks = waveform_overview(vault, rid, 50)
    assert peaks.shape == (50,) and peaks.max() > 0.3


@pytest.mark.parametrize("fmt,suffix,tol", [("WAV", ".wav", 2e-4), ("OGG", ".ogg", None),
                                            ("MP3", ".mp3", None)])
def test_formats_import(vault, interview, tmp_path, fmt, suffix, tol):
    t = np.arange(22050 * 3) / 22050
    tone = (0.5 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
    path = tmp_path / f"tone{suffix}"
    sf.write(path, np.stack([tone, tone], axis=1), 22050, format=fmt)
    rid = run_job(make_import_job(vault, interview.id, path))
    got = read_audio(vault, rid)
    assert abs(len(got) - 48000) < 2000  # lossy decoders may pad a little
    spectrum = np.abs(np.fft.rfft(got))
    assert abs(np.argmax(spectrum) * 16000 / len(got) - 300) < 3
    if tol:
        np.testing.assert_allclose(got, resample(tone, 22050), atol=tol)


def test_cancel_leaves_nothing(vault, interview, jfk_path):
    token = CancelToken()

    def report(p):
        if p.done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        run_job(make_import_job(vault, interview.id, jfk_path), report, token)
    assert RecordingRepo(vault).for_interview(interview.id) == []


def test_not_audio_is_refused(vault, interview, tmp_path):
    bad = tmp_path / "notes.mp3"
    bad.write_text("this is not audio")
    with pytest.raises(UnsupportedAudio):
        run_job(make_import_job(vault, interview.id, bad))
    assert RecordingRepo(vault).for_interview(interview.id) == []


@pytest.mark.parametrize("name", [codec.FLAC, codec.PCM16])
def test_codec_round_trip(name):
    x = (np.random.default_rng(0).standard_normal(16000) * 0.2).astype(np.float32)
    pcm = codec.to_int16(x)
    np.testing.assert_array_equal(codec.decode(codec.encode(x, name), name), pcm)


def test_can_delete_source_only_for_an_existing_file(tmp_path):
    path = tmp_path / "talk.wav"
    assert not can_delete_source(path)
    path.write_bytes(b"RIFF")
    assert can_delete_source(path)
