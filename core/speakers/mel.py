"""The mel spectrogram the GE2E voice encoder was trained on, in numpy.

resemblyzer computes it with librosa (``melspectrogram``: 25 ms Hann window, 10 ms hop,
40 Slaney mel bands, power 2, centred frames, not logged); this is the same computation so
that neither librosa nor torch is needed at run time.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

SAMPLE_RATE_HZ = 16000
N_FFT = 400          # 25 ms
HOP = 160            # 10 ms: one mel frame per 10 ms of audio
N_MELS = 40


def _hz_to_mel(hz: np.ndarray | float) -> np.ndarray:
    # Slaney's scale: linear below 1 kHz, logarithmic above (librosa's htk=False).
    hz = np.asarray(hz, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = hz / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(hz >= min_log_hz, min_log_mel + np.log(np.maximum(hz, 1e-10) / min_log_hz) / logstep, mels)


def _mel_to_hz(mels: np.ndarray | float) -> np.ndarray:
    mels = np.asarray(mels, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(mels >= min_log_mel, min_log_hz * np.exp(logstep * (mels - min_log_mel)), f_sp * mels)


@lru_cache(maxsize=1)
def mel_basis() -> np.ndarray:
    """(40, 201) Slaney-normalised triangular filters, as librosa.filters.mel builds them."""
    fft_freqs = np.linspace(0, SAMPLE_RATE_HZ / 2, 1 + N_FFT // 2)
    mel_f = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE_HZ / 2), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    weights = np.zeros((N_MELS, len(fft_freqs)))
    for i in range(N_MELS):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS]))[:, None]
    return weights.astype(np.float32)


@lru_cache(maxsize=1)
def _window() -> np.ndarray:
    n = np.arange(N_FFT)
    return (0.5 - 0.5 * np.cos(2 * np.pi * n / N_FFT)).astype(np.float32)  # periodic Hann


def mel_frames(audio: np.ndarray, block_frames: int = 30000) -> np.ndarray:
    """(n_frames, 40) float32 power mel frames; frame i is centred on sample ``i * HOP``."""
    audio = np.asarray(audio, dtype=np.float32)
    half = N_FFT // 2
    n_frames = 1 + len(audio) // HOP if len(audio) + 2 * half >= N_FFT else 0
    out = np.empty((n_frames, N_MELS), dtype=np.float32)
    basis, window = mel_basis(), _window()
    # In blocks (each padded on its own) so a three-hour recording is never copied whole.
    for start in range(0, n_frames, block_frames):
        stop = min(n_frames, start + block_frames)
        lo, hi = start * HOP - half, (stop - 1) * HOP + half
        block = audio[max(0, lo):min(len(audio), hi)]
        block = np.pad(block, (max(0, -lo), max(0, hi - len(audio))))
        frames = np.lib.stride_tricks.as_strided(
            block, shape=(stop - start, N_FFT), strides=(block.strides[0] * HOP, block.strides[0]), writeable=False)
        spec = np.fft.rfft(frames * window, axis=1)
        power = (spec.real ** 2 + spec.imag ** 2).astype(np.float32)
        out[start:stop] = power @ basis.T
    return out
