"""A real two-person stereo file, one speaker per channel, built from two real recordings.

JFK's inaugural line (../shared/data/audio/jfk.flac, public domain) and a LibriVox reader
(benchmarks/speakers/data/one_voice_librivox.flac, BSD-2) are cut at their own pauses and
laid out as a conversation: JFK on the left channel, the reader on the right, taking turns,
each channel carrying the other at -30 dB (the bleed of a phone line or two headsets).
``ordinary`` is the same conversation as ordinary stereo: the mix in both channels.
The reference turns are known by construction.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.conftest import JFK_FLAC

SR = 16000
LIBRIVOX = Path(__file__).resolve().parents[1].parent / "benchmarks" / "speakers" / "data" / "one_voice_librivox.flac"
JFK_CUTS_S = (0.0, 2.7, 4.8, 7.85, 11.0)           # at JFK's pauses
READER_CUTS_S = (0.0, 7.5, 11.8, 17.6, 24.1)        # at the reader's pauses (the last sentence is left out)
GAP_S = 0.3
BLEED = 10 ** (-30 / 20)


def _load(path: Path) -> np.ndarray:
    import soundfile as sf

    from core.audio.resample import resample
    data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    mono = resample(data.mean(axis=1), int(rate))
    speech = mono[np.abs(mono) > 0.01]
    return (mono * (0.1 / float(np.sqrt(np.mean(speech ** 2))))).astype(np.float32)   # levels matched


def conversation(turns: int = 4) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
    """(frames x 2 float32 at 16 kHz, reference turns (start_ms, end_ms, "jfk"|"reader")).

    ``turns`` (1-4) each: the reader's later sentences are then left for a voice sample.
    """
    jfk, reader = _load(JFK_FLAC), _load(LIBRIVOX)
    pieces = []
    for i in range(turns):
        pieces.append(("jfk", jfk[int(JFK_CUTS_S[i] * SR):int(JFK_CUTS_S[i + 1] * SR)]))
        pieces.append(("reader", reader[int(READER_CUTS_S[i] * SR):int(READER_CUTS_S[i + 1] * SR)]))
    total = sum(len(p) for _, p in pieces) + int(GAP_S * SR) * len(pieces)
    out = np.zeros((total, 2), dtype=np.float32)
    ref, pos = [], 0
    for who, piece in pieces:
        ch = 0 if who == "jfk" else 1
        out[pos:pos + len(piece), ch] += piece
        out[pos:pos + len(piece), 1 - ch] += piece * BLEED
        loud = np.flatnonzero(np.abs(piece) > 0.02)
        ref.append((int(pos + loud[0]) * 1000 // SR, int(pos + loud[-1]) * 1000 // SR, who))
        pos += len(piece) + int(GAP_S * SR)
    return out, ref


def reader_after(turns: int) -> np.ndarray:
    """The reader's sentences a ``conversation(turns)`` leaves out, at 16 kHz (a voice sample)."""
    return _load(LIBRIVOX)[int(READER_CUTS_S[turns] * SR):]


def write(path: Path, stereo: np.ndarray, rate_hz: int = SR) -> Path:
    import soundfile as sf
    sf.write(str(path), stereo, rate_hz, subtype="PCM_16")
    return path


def ordinary(stereo: np.ndarray) -> np.ndarray:
    """The same conversation as ordinary stereo: the mix in both channels."""
    mix = stereo.mean(axis=1)
    return np.stack([mix, mix], axis=1)


def resample_to(mono: np.ndarray, rate_hz: int) -> np.ndarray:
    """16 kHz samples at another rate (to import a file at a common device rate)."""
    from core.audio.resample import resample
    return resample(mono, SR, rate_hz)
