"""Sample-rate conversion to the storage rate, whole or streamed block by block.

Uses scipy's polyphase resampler (``resample_poly``, Kaiser-windowed FIR, anti-aliased).
The streaming form cuts the input at points where the input and output grids coincide and
overlaps each piece by ``_PAD`` aligned input samples on both sides, far more than the
filter's half length, so its output equals a one-shot conversion of the whole signal.
"""

from __future__ import annotations

from math import gcd

import numpy as np
from scipy.signal import resample_poly

from core.audio import SAMPLE_RATE_HZ


def ratio(from_hz: int, to_hz: int = SAMPLE_RATE_HZ) -> tuple[int, int]:
    g = gcd(int(from_hz), int(to_hz))
    return int(to_hz) // g, int(from_hz) // g


def resample(samples: np.ndarray, from_hz: int, to_hz: int = SAMPLE_RATE_HZ) -> np.ndarray:
    """One-shot conversion of a mono float32 signal."""
    x = np.asarray(samples, dtype=np.float32).reshape(-1)
    if int(from_hz) == int(to_hz):
        return x
    up, down = ratio(from_hz, to_hz)
    return resample_poly(x, up, down).astype(np.float32)


def downmix(block: np.ndarray) -> np.ndarray:
    """(frames, channels) or (frames,) → mono float32."""
    a = np.asarray(block)
    if a.dtype == np.int16:
        a = a.astype(np.float32) / 32768.0
    if a.ndim == 2:
        a = a.mean(axis=1) if a.shape[1] > 1 else a[:, 0]
    return a.astype(np.float32, copy=False)


class StreamResampler:
    """Converts a stream of mono blocks; ``push`` returns what is ready, ``flush`` the rest."""

    def __init__(self, from_hz: int, to_hz: int = SAMPLE_RATE_HZ) -> None:
        self.up, self.down = ratio(from_hz, to_hz)
        self.is_identity = self.up == self.down
        # Aligned overlap: a multiple of `down` input samples covering the filter's half length
        # (resample_poly's half length is 10*max(up, down) taps at the up-sampled rate).
        half_in = 10 * max(self.up, self.down) // self.up + 1
        self._pad = self.down * (-(-max(half_in, 64) // self.down))
        self._buf = np.zeros(0, dtype=np.float32)
        self._buf_start = 0       # global input index of _buf[0]
        self._in_done = 0         # global input index up to which output was produced (aligned)
        self._n_in = 0

    def push(self, block: np.ndarray) -> np.ndarray:
        x = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.is_identity:
            return x
        self._buf = np.concatenate([self._buf, x])
        self._n_in += len(x)
        # Produce up to an aligned end that leaves _PAD samples of right context.
        end = ((self._n_in - self._pad) // self.down) * self.down
        if end <= self._in_done:
            return np.zeros(0, dtype=np.float32)
        return self._produce(end, right_context=True)

    def flush(self) -> np.ndarray:
        if self.is_identity or self._n_in <= self._in_done:
            return np.zeros(0, dtype=np.float32)
        out = self._produce(self._n_in, right_context=False)
        return out

    def _produce(self, end: int, *, right_context: bool) -> np.ndarray:
        start = self._in_done
        left = min(self._pad, start)
        seg_from = start - left
        seg_to = min(end + self._pad, self._n_in) if right_context else self._n_in
        seg = self._buf[seg_from - self._buf_start: seg_to - self._buf_start]
        y = resample_poly(seg, self.up, self.down)
        skip = left * self.up // self.down
        if right_context:
            n_out = (end - start) * self.up // self.down
        else:
            # Total output of a one-shot conversion is ceil(n_in * up / down).
            n_out = -(-self._n_in * self.up // self.down) - start * self.up // self.down
        out = y[skip: skip + n_out].astype(np.float32)
        self._in_done = end
        keep_from = max(0, end - self._pad)
        self._buf = self._buf[keep_from - self._buf_start:]
        self._buf_start = keep_from
        return out
