"""Typed messages between Confidant and the speaker child process.

The request and answer types of voices; the messages every child shares (cancel, shutdown,
ready, progress, error) and the audio framing are ``core.childproc``'s. After a request the
float32 samples follow as raw byte frames, never a file.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.speakers.diarize import Diarization, DiarizeOptions


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


# --- child → parent ----------------------------------------------------------------------
@dataclass(frozen=True)
class DiarizeResult:
    request_id: int
    diarization: Diarization


@dataclass(frozen=True)
class EmbedResult:
    request_id: int
    vector: tuple[float, ...]      # unit vector; empty when the clip had too little speech
    speech_s: float
