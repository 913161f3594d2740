"""Voices as a recording goes: each new stretch is diarized on its own and its voices are
matched to the voices heard so far (centroid cosine), so live segments have a voice at once.

The final pass after stop (``core.speakers.service.label_voices`` on the whole recording)
sees everything at once and may correct these; this only has to be right enough to show.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.speakers.diarize import Diarization, VoiceTurn

MATCH_COS = 0.80        # a stretch's voice this close to a known voice is that voice
MAX_VOICES = 6


class OnlineVoices:
    """Running voices (V1, V2, ...) with centroids weighted by seconds of speech."""

    def __init__(self) -> None:
        self.sums: dict[str, np.ndarray] = {}
        self.seconds: dict[str, float] = {}

    def centroids(self) -> dict[str, list[float]]:
        return {v: (s / max(float(np.linalg.norm(s)), 1e-8)).tolist() for v, s in self.sums.items()}

    def add(self, part: Diarization, offset_ms: int = 0) -> list[VoiceTurn]:
        """Turns of one stretch (its own clock) as turns on the recording's clock with global voices."""
        names: dict[str, str] = {}
        known = self.centroids()
        for v in sorted(part.centroids, key=lambda x: -part.speech_s.get(x, 0.0)):
            vec = np.asarray(part.centroids[v], dtype=np.float32)
            best = max(known, key=lambda k: float(np.dot(known[k], vec)), default=None)
            taken = set(names.values())
            if best is not None and best not in taken and float(np.dot(known[best], vec)) >= MATCH_COS:
                names[v] = best
            elif len(self.sums) < MAX_VOICES:
                names[v] = f"V{len(self.sums) + 1}"
                self.sums[names[v]] = np.zeros_like(vec)
                self.seconds[names[v]] = 0.0
            else:  # no room for a new voice: the closest one it is
                names[v] = max(known, key=lambda k: float(np.dot(known[k], vec)))
            weight = max(0.1, part.speech_s.get(v, 0.0))
            self.sums[names[v]] = self.sums[names[v]] + weight * vec
            self.seconds[names[v]] += part.speech_s.get(v, 0.0)
        return [replace(t, start_ms=t.start_ms + offset_ms, end_ms=t.end_ms + offset_ms, voice=names[t.voice])
                for t in part.turns]

    def as_diarization(self, turns: list[VoiceTurn]) -> Diarization:
        return Diarization(turns, self.centroids(), {v: round(s, 2) for v, s in self.seconds.items()},
                           "voices" if len(self.sums) > 1 else "one_voice")
