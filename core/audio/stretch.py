"""Time-stretching for playback at 0.5×–2× without changing the voice's pitch (WSOLA).

Waveform-similarity overlap-add: output frames of ``FRAME`` samples are laid down every
``HOP`` samples with a Hann window; each frame is taken from the source near where the
speed says it should be, shifted by up to ``TOLERANCE`` samples to the place that best
continues the previous frame (highest cross-correlation). That keeps speech intelligible
and at its natural pitch, unlike plain resampling, which would make voices squeak or growl.
Streamed: ``push`` source blocks, get output back.
"""

from __future__ import annotations

import numpy as np

FRAME = 512        # 32 ms at 16 kHz
HOP = FRAME // 2   # synthesis hop; a periodic Hann window at half overlap sums to 1
TOLERANCE = 128    # ±8 ms search for the best-continuing frame
MIN_SPEED, MAX_SPEED = 0.5, 2.0


class TimeStretcher:
    """Streaming WSOLA at a fixed ``speed`` (1.0 passes samples through unchanged)."""

    def __init__(self, speed: float) -> None:
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise ValueError(f"speed must be within {MIN_SPEED}..{MAX_SPEED}")
        self.speed = float(speed)
        self.is_identity = abs(self.speed - 1.0) < 1e-9
        self._win = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FRAME) / FRAME)).astype(np.float32)
        self._src = np.zeros(0, dtype=np.float32)
        self._base = 0            # source index of _src[0]
        self._ana = 0.0           # nominal source position of the next frame
        self._prev: int | None = None   # where the previous frame was actually taken
        self._acc = np.zeros(FRAME, dtype=np.float32)
        self.consumed = 0         # source samples fully used (for position reporting)

    def push(self, block: np.ndarray) -> np.ndarray:
        x = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.is_identity:
            self.consumed += len(x)
            return x
        self._src = np.concatenate([self._src, x])
        out = []
        end = self._base + len(self._src)
        while int(self._ana) + TOLERANCE + FRAME <= end and (
                self._prev is None or self._prev + HOP + FRAME <= end):
            out.append(self._frame())
        keep = min(int(self._ana) - TOLERANCE, self._prev if self._prev is not None else int(self._ana)) - 1
        if keep > self._base:
            self._src = self._src[keep - self._base:]
            self._base = keep
        self.consumed = int(self._ana)
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)

    def _frame(self) -> np.ndarray:
        nominal = int(self._ana)
        if self._prev is None:
            pos = nominal
        else:
            lo = max(self._base, nominal - TOLERANCE)
            region = self._src[lo - self._base: nominal + TOLERANCE + FRAME - self._base]
            t0 = self._prev + HOP - self._base
            template = self._src[t0: t0 + FRAME]
            scores = np.correlate(region, template, mode="valid")
            pos = lo + int(np.argmax(scores))
        frame = self._src[pos - self._base: pos - self._base + FRAME]
        self._acc += self._win * frame
        ready = self._acc[:HOP].copy()
        self._acc = np.concatenate([self._acc[HOP:], np.zeros(HOP, dtype=np.float32)])
        self._prev = pos
        self._ana += HOP * self.speed
        return ready
