"""Cutting spans out of audio while remembering where every kept sample came from.

Off-the-record spans are cut out before anything reaches an engine, and openai-whisper gets
only the speech that VAD found; both give the engine a shorter clip, and every timestamp the
engine returns must be mapped back to the recording's clock.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE_HZ = 16000


@dataclass(frozen=True)
class TimeMap:
    """Kept pieces ``[(start_sample, end_sample), ...]`` of a source, in order."""

    pieces: tuple[tuple[int, int], ...]
    sample_rate_hz: int = SAMPLE_RATE_HZ

    @classmethod
    def keep_all(cls, n_samples: int, sample_rate_hz: int = SAMPLE_RATE_HZ) -> TimeMap:
        return cls(((0, n_samples),) if n_samples else (), sample_rate_hz)

    @classmethod
    def cutting(cls, n_samples: int, cut: list[tuple[int, int]],
                sample_rate_hz: int = SAMPLE_RATE_HZ) -> TimeMap:
        """The pieces of ``[0, n_samples)`` left after removing the ``cut`` ranges."""
        pieces, pos = [], 0
        for start, end in sorted(cut):
            start, end = max(0, min(start, n_samples)), max(0, min(end, n_samples))
            if start > pos:
                pieces.append((pos, start))
            pos = max(pos, end)
        if pos < n_samples:
            pieces.append((pos, n_samples))
        return cls(tuple(pieces), sample_rate_hz)

    @property
    def kept_samples(self) -> int:
        return sum(e - s for s, e in self.pieces)

    def apply(self, audio: np.ndarray) -> np.ndarray:
        """The kept audio, concatenated (a view when nothing is cut)."""
        if len(self.pieces) == 1 and self.pieces[0] == (0, len(audio)):
            return audio
        if not self.pieces:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([audio[s:e] for s, e in self.pieces]).astype(np.float32, copy=False)

    def _starts(self) -> list[int]:
        out, pos = [], 0
        for s, e in self.pieces:
            out.append(pos)
            pos += e - s
        return out

    def to_source_s(self, t_s: float, *, is_end: bool = False) -> float:
        """Map a time on the kept clip back to the source's clock (seconds)."""
        if not self.pieces:
            return t_s
        sample = round(t_s * self.sample_rate_hz)
        starts = self._starts()
        # An end time exactly at a piece border belongs to the piece before it.
        i = (bisect.bisect_left(starts, sample) - 1) if is_end else (bisect.bisect_right(starts, sample) - 1)
        i = max(0, min(i, len(self.pieces) - 1))
        src_start, src_end = self.pieces[i]
        mapped = src_start + (sample - starts[i])
        return min(mapped, src_end) / self.sample_rate_hz
