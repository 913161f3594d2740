"""Typed messages between Confidant and the engine child process.

The request and answer types of transcription; the messages every child shares (cancel,
shutdown, ready, progress, error) and the audio framing are ``core.childproc``'s. After a
``TranscribeRequest`` or ``DetectRequest`` the float32 samples follow as raw byte frames.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.transcription.engine import DetectedLanguage, EngineOptions, EngineResult


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


# --- child → parent ----------------------------------------------------------------------
@dataclass(frozen=True)
class ResultMsg:
    request_id: int
    result: EngineResult


@dataclass(frozen=True)
class DetectedMsg:
    request_id: int
    detected: DetectedLanguage
