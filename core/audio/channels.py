"""Two channels, one voice each: the level of each channel over time, and whether they differ.

A phone-call recorder or a two-microphone interview setup often writes a stereo file with
one person per channel. Mixed down, that is just a conversation for the speaker step to
untangle; kept apart, the channels say who spoke when almost for free. Import measures the
level of the first two channels every 10 ms on the stored (16 kHz) clock (``ChannelMeter``)
and keeps it only when the channels carry different voices (``carries_two_voices``): loud
in turn, each well above the other most of the time. Ordinary stereo (the same sound in both,
or a room recorded by two close microphones) is left as before. Pure numpy; no vault.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FRAME_MS = 10
FLOOR_DB = -100.0
SPEECH_BELOW_PEAK_DB = 30.0   # a frame is sound when its louder channel is within this of the loud level
SPEECH_MIN_DB = -60.0         # ...and above this (absolute, dBFS)
EXCLUSIVE_DB = 10.0           # one channel this much louder than the other: that channel's voice alone
MIN_EXCLUSIVE_SHARE = 0.7     # share of sound frames that must be one channel's alone
MIN_CHANNEL_SHARE = 0.1       # each channel must have at least this share of them (two voices, not one)


@dataclass(frozen=True)
class ChannelLevels:
    """Level in dBFS of channels 0 and 1, one row per ``frame_ms`` of the stored clock."""

    levels_db: np.ndarray          # (frames, 2) float32
    frame_ms: int = FRAME_MS

    @property
    def frames(self) -> int:
        return int(self.levels_db.shape[0])


class ChannelMeter:
    """Measures channels 0 and 1 of a stream of (frames, channels) blocks at ``rate_hz``.

    Frame k covers source samples [k·rate/100, (k+1)·rate/100), so the frames stay on the
    stored 16 kHz clock whatever the file's rate (no drift over an hour at 22,050 Hz).
    """

    def __init__(self, rate_hz: int, frame_ms: int = FRAME_MS) -> None:
        self.rate_hz = rate_hz
        self.frame_ms = frame_ms
        self._per_s = 1000 // frame_ms
        self._pending = np.zeros((0, 2), dtype=np.float64)
        self._consumed = 0        # source samples already turned into frames
        self._k = 0               # frames made
        self._out: list[np.ndarray] = []

    def _edge(self, k: int) -> int:
        return k * self.rate_hz // self._per_s

    def push(self, block: np.ndarray) -> None:
        a = np.asarray(block, dtype=np.float64)
        if a.ndim != 2 or a.shape[1] < 2 or not len(a):
            return
        self._pending = np.concatenate([self._pending, a[:, :2]])
        end = self._consumed + len(self._pending)
        edges: list[int] = []
        while self._edge(self._k + len(edges) + 1) <= end:
            edges.append(self._edge(self._k + len(edges) + 1) - self._consumed)
        if not edges:
            return
        starts = np.array([self._edge(self._k) - self._consumed, *edges[:-1]])
        sq = np.concatenate([np.zeros((1, 2)), np.cumsum(self._pending ** 2, axis=0)])
        ends = np.array(edges)
        mean_sq = (sq[ends] - sq[starts]) / np.maximum(ends - starts, 1)[:, None]
        self._out.append((10 * np.log10(np.maximum(mean_sq, 10 ** (FLOOR_DB / 10)))).astype(np.float32))
        self._k += len(edges)
        self._pending = self._pending[edges[-1]:]
        self._consumed += edges[-1]

    def result(self) -> ChannelLevels:
        levels = np.concatenate(self._out) if self._out else np.zeros((0, 2), dtype=np.float32)
        return ChannelLevels(levels, self.frame_ms)


def sound_frames(levels: ChannelLevels) -> np.ndarray:
    """Frames where someone is heard on either channel (bool per frame)."""
    loud = levels.levels_db.max(axis=1) if levels.frames else np.zeros(0, dtype=np.float32)
    if not len(loud):
        return np.zeros(0, dtype=bool)
    peak = float(np.percentile(loud, 95))
    return loud > max(peak - SPEECH_BELOW_PEAK_DB, SPEECH_MIN_DB)


def carries_two_voices(levels: ChannelLevels) -> bool:
    """True when the channels take turns: mostly one loud and the other quiet, each in its turn."""
    sound = sound_frames(levels)
    if sound.sum() < 100:   # under a second of sound: nothing to tell
        return False
    diff = levels.levels_db[sound, 0] - levels.levels_db[sound, 1]
    left, right = float(np.mean(diff >= EXCLUSIVE_DB)), float(np.mean(diff <= -EXCLUSIVE_DB))
    return left + right >= MIN_EXCLUSIVE_SHARE and min(left, right) >= MIN_CHANNEL_SHARE
