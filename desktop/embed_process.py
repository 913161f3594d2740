"""Sentence embeddings for theme suggestions, computed in a child process.

Why a child process: importing torch and loading MiniLM holds the GIL for up to ~0.5 s at a
time, and a worker *thread* doing that freezes the window (measured; decision 0073). A child
process has its own interpreter, so the window's thread never waits for it; the worker
thread that runs the tag job only blocks on a pipe read, which releases the GIL.

Transcript sentences travel over an OS pipe (memory only, never a file) and the vectors come
back the same way. One child serves the whole app session; it exits with the app (daemon)
or when the pipe closes. Nothing here imports Qt, so the child starts light.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from typing import Any

import numpy as np

from core.errors import CoreError

log = logging.getLogger(__name__)


def _serve(conn: Any) -> None:
    """The child's loop: lists of sentences in, unit vectors (or the error) out."""
    from core.tagging.embed import MiniLMEmbedder
    embedder = MiniLMEmbedder()
    while True:
        try:
            texts = conn.recv()
        except EOFError:  # the app closed its end
            return
        try:
            conn.send(("ok", embedder.encode(texts)))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            try:
                conn.send(("err", exc))
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled
                conn.send(("err", RuntimeError(type(exc).__name__)))


class ProcessEmbedder:
    """``core.tagging.embed.Embedder`` backed by one long-lived child process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()   # one request at a time on the pipe
        self._conn: Any = None
        self._process: Any = None

    def _ensure(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        ctx = mp.get_context("spawn")  # never fork a process that runs Qt threads
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child,), daemon=True,
                                    name="confidant-embeddings")
        self._process.start()
        child.close()
        self._conn = parent
        log.info("embedding process started pid=%s", self._process.pid)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            self._ensure()
            try:
                self._conn.send(list(texts))
                kind, value = self._conn.recv()
            except (EOFError, OSError) as exc:
                self._process = None
                raise CoreError("The theme suggester stopped unexpectedly.",
                                "Try Suggest themes again.") from exc
        if kind == "err":
            raise value
        return np.asarray(value, dtype=np.float32)

    def warm_up(self) -> None:
        """Start the child and load the model now, in the background (while recording), so
        typing up never waits ~70 s on "Loading the theme model" (issue 16)."""
        def warm() -> None:
            try:
                self.encode(["warm up"])
            except Exception:  # noqa: BLE001 - a failure shows when the themes are asked for
                log.warning("theme model warm-up failed")
        threading.Thread(target=warm, name="confidant-embeddings-warmup", daemon=True).start()

    @property
    def is_warm(self) -> bool:
        return self._process is not None and self._process.is_alive() and not self._lock.locked()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
            if self._process is not None:
                self._process.join(2)
            self._conn = self._process = None


_shared: ProcessEmbedder | None = None
_shared_lock = threading.Lock()


def shared_embedder() -> ProcessEmbedder:
    """The app's one embedding process (started on first use, from a worker thread)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ProcessEmbedder()
        return _shared
