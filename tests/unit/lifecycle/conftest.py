"""Lifecycle fixtures: synthetic audio distinct from jfk.flac (so a kept take never shares bytes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


@pytest.fixture
def noise_wav(tmp_path: Path) -> Path:
    import soundfile as sf
    rng = np.random.default_rng(7)
    t = np.arange(16000 * 4) / 16000
    signal = 0.3 * np.sin(2 * np.pi * 220 * t) + 0.05 * rng.standard_normal(t.size)
    path = tmp_path / "synthetic-take.wav"
    sf.write(path, signal.astype("float32"), 16000)
    return path
