"""Streaming resampling equals one-shot resampling and keeps frequencies."""

from __future__ import annotations

import numpy as np
import pytest

from core.audio.resample import StreamResampler, resample


@pytest.mark.parametrize("rate", [44100, 48000, 22050, 8000, 16000])
def test_stream_equals_one_shot(rate):
    rng = np.random.default_rng(rate)
    x = (rng.standard_normal(rate * 2 + 77) * 0.1).astype(np.float32)
    r = StreamResampler(rate)
    parts, i = [], 0
    while i < len(x):
        n = int(rng.integers(1, 4000))
        parts.append(r.push(x[i:i + n]))
        i += n
    parts.append(r.flush())
    got = np.concatenate(parts)
    want = resample(x, rate)
    assert len(got) == len(want)
    assert np.max(np.abs(got - want)) < 1e-5


def test_tone_keeps_its_frequency():
    t = np.arange(48000) / 48000
    y = resample(np.sin(2 * np.pi * 440 * t).astype(np.float32), 48000)
    spectrum = np.abs(np.fft.rfft(y))
    assert len(y) == 16000
    assert abs(np.argmax(spectrum) * 16000 / len(y) - 440) <= 1
