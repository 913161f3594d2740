"""Fixtures for the speaker tests: the real GE2E encoder and real recordings.

The recordings are the benchmark's (benchmarks/speakers/data, provenance in its README):
real voices, so these tests say what the speaker step does with real speech.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "speakers" / "data"


def load(name: str) -> np.ndarray:
    import soundfile as sf

    audio, sr = sf.read(str(DATA / name), dtype="float32", always_2d=True)
    assert sr == 16000
    return audio.mean(axis=1)


def rttm(name: str) -> list[tuple[int, int, str]]:
    out = []
    for line in (DATA / name).read_text().splitlines():
        f = line.split()
        out.append((round(float(f[3]) * 1000), round((float(f[3]) + float(f[4])) * 1000), f[7]))
    return out


@pytest.fixture(scope="session")
def encoder():
    # No skip: the voice model is part of the install (make setup), so its absence is a failure.
    from core.speakers.encoder import load_encoder
    return load_encoder(threads=1)


@pytest.fixture(scope="session")
def joined4():
    return load("joined4.flac"), rttm("joined4.rttm")


@pytest.fixture(scope="session")
def conversation():
    return load("pyannote_sample.flac"), rttm("pyannote_sample.rttm")


@pytest.fixture(scope="session")
def one_reader():
    return load("one_voice_librivox.flac")
