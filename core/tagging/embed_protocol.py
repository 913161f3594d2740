"""Typed messages between Confidant and the embedding child process (the same shape as
``core.transcription.protocol``: frozen data classes over a pipe, never bare tuples).

Sentences travel in memory over an OS pipe, never through a file; an error carries the
person-readable message and hint of a ``CoreError`` (or the exception's type name), never
the sentences it was given.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


# --- parent → child ----------------------------------------------------------------------
@dataclass(frozen=True)
class EncodeRequest:
    request_id: int
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Shutdown:
    pass


# --- child → parent ----------------------------------------------------------------------
@dataclass(frozen=True)
class Ready:
    load_s: float


@dataclass(frozen=True)
class VectorsMsg:
    request_id: int
    vectors: np.ndarray   # float32, one unit row per text


@dataclass(frozen=True)
class EmbedErrorMsg:
    request_id: int          # -1 when the model could not load
    kind: str                # "model" (cannot load) | "encode" (failed on a request)
    error_type: str          # the exception's class name (for the log, and to raise the same one)
    user_message: str = ""   # set when the child met a CoreError (e.g. the model is missing)
    hint: str = ""
    error_module: str = ""   # the CoreError's module, so the parent raises the same class
