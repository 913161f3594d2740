"""Encoding of one chunk for storage: FLAC (16-bit, lossless) or raw PCM16, in memory only.

Each chunk is self-contained (its own FLAC header), so any chunk can be decoded alone and a
crash can never leave a half-written stream. See docs/decisions/0010-audio-chunk-format.md.
"""

from __future__ import annotations

import io

import numpy as np
import soundfile as sf

from core.audio import SAMPLE_RATE_HZ
from core.errors import AudioDamaged

FLAC = "flac"
PCM16 = "pcm16"
CODECS = (FLAC, PCM16)
DEFAULT_CODEC = FLAC


def to_int16(samples: np.ndarray) -> np.ndarray:
    """float32 in [-1, 1) (or int16) → int16, clipped, rounded; the inverse of x / 32768."""
    if samples.dtype == np.int16:
        return samples
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


def encode(samples: np.ndarray, codec: str = DEFAULT_CODEC) -> bytes:
    """Encode mono samples (float32 or int16) as one chunk."""
    pcm = to_int16(np.asarray(samples).reshape(-1))
    if codec == PCM16:
        return pcm.astype("<i2").tobytes()
    if codec == FLAC:
        buf = io.BytesIO()  # in memory: no temp file ever holds audio
        sf.write(buf, pcm, SAMPLE_RATE_HZ, format="FLAC", subtype="PCM_16")
        return buf.getvalue()
    raise ValueError(f"unknown codec {codec}")


def decode(data: bytes, codec: str) -> np.ndarray:
    """Decode one chunk to int16 mono; ``AudioDamaged`` if the bytes are not a valid chunk."""
    if codec == PCM16:
        if len(data) % 2:
            raise AudioDamaged()
        return np.frombuffer(data, dtype="<i2").astype(np.int16)
    if codec == FLAC:
        try:
            pcm, _rate = sf.read(io.BytesIO(data), dtype="int16", always_2d=False)
        except sf.SoundFileError as exc:
            raise AudioDamaged() from exc
        return np.asarray(pcm, dtype=np.int16).reshape(-1)
    raise ValueError(f"unknown codec {codec}")
