"""Typed messages between Confidant and the speaker child process (the style of
``core.transcription.protocol``: frozen dataclasses, audio as raw float32 frames after the
request, never a file, never a bare tuple).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.speakers.diarize import Diarization, DiarizeOptions

AUDIO_FRAME_BYTES = 4 << 20


# --- parent → child ----------------------------------------------------------------------
@dataclass(frozen=True)
class DiarizeRequest:
    request_id: int
    n_samples: int
    options: DiarizeOptions


@dataclass(frozen=True)
class EmbedRequest:
    """One voice vector for a whole clip (a voice sample, or a stretch of live audio)."""

    request_id: int
    n_samples: int


@dataclass(frozen=True)
class CancelRequest:
    request_id: int


@dataclass(frozen=True)
class Shutdown:
    pass


# --- child → parent ----------------------------------------------------------------------
@dataclass(frozen=True)
class Ready:
    load_s: float
    model: str


@dataclass(frozen=True)
class ProgressMsg:
    request_id: int
    done_s: float
    total_s: float


@dataclass(frozen=True)
class DiarizeResult:
    request_id: int
    diarization: Diarization


@dataclass(frozen=True)
class EmbedResult:
    request_id: int
    vector: tuple[float, ...]      # unit vector; empty when the clip had too little speech
    speech_s: float


@dataclass(frozen=True)
class CancelledMsg:
    request_id: int


@dataclass(frozen=True)
class ErrorMsg:
    kind: str        # "model" (cannot load) | "work" (failed on this audio)
    detail: str      # exception type only; never audio or text
