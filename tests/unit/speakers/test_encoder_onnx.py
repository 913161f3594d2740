"""The installer's ONNX export of the voice encoder gives torch's vectors (decision 0125)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from core.speakers.diarize import DiarizeOptions, _windows, diarize, window_starts
from core.speakers.encoder import OnnxEncoder
from core.speakers.mel import mel_frames
from core.speakers.vad import frame_mask, speech_regions

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def onnx_encoder(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("export_voice_onnx", REPO / "installer" / "export_voice_onnx.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    folder = module.export(tmp_path_factory.mktemp("voice-onnx"))
    return OnnxEncoder(folder, threads=1)


def test_onnx_vectors_match_torch_on_real_speech(encoder, onnx_encoder, joined4):
    audio, _ = joined4
    mels = mel_frames(audio)
    starts = window_starts(frame_mask(speech_regions(audio), len(mels)))
    windows = _windows(mels, starts[::5])
    a, b = encoder.embed(windows), onnx_encoder.embed(windows)
    assert a.shape == b.shape == (len(windows), 256) and len(windows) > 20
    assert float(np.min(np.sum(a * b, axis=1))) >= 0.9999
    assert float(np.max(np.abs(a - b))) < 1e-3
    # A batch of one and a shorter window go through the dynamic axes too.
    assert np.allclose(onnx_encoder.embed(windows[:1, :100]), encoder.embed(windows[:1, :100]), atol=1e-3)


def test_onnx_diarization_gives_the_same_turns(encoder, onnx_encoder, conversation):
    audio, _ = conversation
    t, o = diarize(audio, encoder, DiarizeOptions()), diarize(audio, onnx_encoder, DiarizeOptions())
    assert [x.voice for x in t.turns] == [x.voice for x in o.turns]
    assert all(abs(x.start_ms - y.start_ms) <= 20 for x, y in zip(t.turns, o.turns))
