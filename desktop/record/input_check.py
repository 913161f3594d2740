"""Decides when to warn that the input is silent or clipping (pure logic, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

SILENT_RMS = 0.003      # about -50 dBFS: a muted or unplugged microphone
SILENT_AFTER_S = 4.0    # warn after this long without sound
CLIP_PEAK = 0.98
CLIP_HOLD_S = 2.0       # keep the clipping warning up this long after the last clip


@dataclass
class InputCheck:
    """Feed it (peak, rms, now_s) at each poll; read ``state``: "ok", "silent" or "clipping"."""

    last_sound_s: float | None = None
    last_clip_s: float | None = None
    started_s: float | None = None

    def reset(self, now_s: float) -> None:
        self.started_s = now_s
        self.last_sound_s = now_s
        self.last_clip_s = None

    def update(self, peak: float, rms: float, now_s: float) -> str:
        if self.started_s is None:
            self.reset(now_s)
        if rms >= SILENT_RMS:
            self.last_sound_s = now_s
        if peak >= CLIP_PEAK:
            self.last_clip_s = now_s
        return self.state(now_s)

    def state(self, now_s: float) -> str:
        if self.last_clip_s is not None and now_s - self.last_clip_s <= CLIP_HOLD_S:
            return "clipping"
        if self.last_sound_s is not None and now_s - self.last_sound_s >= SILENT_AFTER_S:
            return "silent"
        return "ok"
