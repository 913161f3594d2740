"""Typed messages between Confidant and the engine child process.

Audio never travels as a file: after a ``TranscribeRequest`` the parent sends the float32
samples as raw bytes frames on the same pipe, and the child reads them into one array.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.transcription.engine import DetectedLanguage, EngineOptions, EngineResult

AUDIO_FRAME_BYTES = 4 << 20  # 4 MiB per pipe frame


# --- parent → child ----------------------------------------------------------------------
@dataclass(frozen=True)
class TranscribeRequest:
    request_id: int
    n_samples: int
    options: EngineOptions


@dataclass(frozen=True)
class DetectRequest:
    """Which language is spoken? Followed by the samples (the first 30 s of speech count)."""

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


@dataclass(frozen=True)
class ProgressMsg:
    request_id: int
    done_s: float
    total_s: float


@dataclass(frozen=True)
class ResultMsg:
    request_id: int
    result: EngineResult


@dataclass(frozen=True)
class DetectedMsg:
    request_id: int
    detected: DetectedLanguage


@dataclass(frozen=True)
class CancelledMsg:
    request_id: int


@dataclass(frozen=True)
class ErrorMsg:
    kind: str        # "model" (cannot load) | "engine" (failed while decoding)
    detail: str      # exception type and message from engine code; never transcript text
