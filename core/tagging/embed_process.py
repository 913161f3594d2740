"""Sentence embeddings for theme suggestions, computed in a child process.

Why a child process: importing torch and loading MiniLM holds the GIL for up to ~0.5 s at a
time, and a worker *thread* doing that freezes the desktop's window (measured; decision 0073).
A child process has its own interpreter; the thread that runs the tag job only blocks on a
pipe read, which releases the GIL. Messages are the typed ones of ``embed_protocol``.

One child serves the whole session; it exits with the parent (daemon), on ``Shutdown``, or
when the pipe closes. Nothing here imports Qt, so the child starts light.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import multiprocessing as mp
import sys
import threading
import time
from typing import Any

import numpy as np

from core.errors import CoreError, Msg
from core.tagging.embed_protocol import EmbedErrorMsg, EncodeRequest, Ready, Shutdown, VectorsMsg

log = logging.getLogger(__name__)
DIMENSIONS = 384  # all-MiniLM-L6-v2


def _error(request_id: int, kind: str, exc: BaseException) -> EmbedErrorMsg:
    if isinstance(exc, CoreError):
        return EmbedErrorMsg(request_id, kind, type(exc).__name__, exc.user_message, exc.hint,
                             type(exc).__module__)
    return EmbedErrorMsg(request_id, kind, type(exc).__name__)


def serve(conn: Any) -> None:
    """The child's loop: ``EncodeRequest`` in, ``VectorsMsg`` or ``EmbedErrorMsg`` out."""
    from core.tagging.embed import MiniLMEmbedder  # torch loads here, in the child only
    started = time.perf_counter()
    try:
        embedder = MiniLMEmbedder()
    except Exception as exc:  # noqa: BLE001 - the parent is told why, then the child ends
        conn.send(_error(-1, "model", exc))
        return
    conn.send(Ready(time.perf_counter() - started))
    while True:
        try:
            msg = conn.recv()
        except EOFError:  # the parent closed its end
            return
        if isinstance(msg, Shutdown):
            return
        if not isinstance(msg, EncodeRequest):
            continue
        try:
            vectors = np.asarray(embedder.encode(list(msg.texts)), dtype=np.float32)
            conn.send(VectorsMsg(msg.request_id, vectors))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            conn.send(_error(msg.request_id, "encode", exc))


class ProcessEmbedder:
    """``core.tagging.embed.Embedder`` backed by one long-lived child process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()   # one request at a time on the pipe
        self._conn: Any = None
        self._process: Any = None
        self._ids = itertools.count(1)

    def _ensure(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        ctx = mp.get_context("spawn")  # never fork a process that runs Qt threads
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=serve, args=(child,), daemon=True, name="confidant-embeddings")
        self._process.start()
        child.close()
        self._conn = parent
        log.info("embedding process started pid=%s", self._process.pid)
        first = self._receive()
        if isinstance(first, EmbedErrorMsg):
            self._forget()
            raise self._as_error(first)
        if isinstance(first, Ready):
            log.info("embedding model loaded in %.1fs", first.load_s)

    def _receive(self) -> Any:
        try:
            return self._conn.recv()
        except (EOFError, OSError) as exc:
            self._forget()
            raise CoreError(Msg("tagging.theme_suggester_stopped_unexpectedly"), Msg("tagging.theme_suggester_failed.hint")) from exc

    def _forget(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = self._process = None

    @staticmethod
    def _as_error(msg: EmbedErrorMsg) -> CoreError:
        """The child's error as the same ``CoreError`` class (looked up, never unpickled)."""
        log.warning("embedding child reported %s (%s)", msg.error_type, msg.kind)
        if not msg.user_message:
            return CoreError(Msg("tagging.theme_suggester_failed", error_type=msg.error_type), Msg("tagging.theme_suggester_failed.hint"))
        cls: Any = CoreError
        if msg.error_module.startswith("core."):
            module = sys.modules.get(msg.error_module) or importlib.import_module(msg.error_module)
            found = getattr(module, msg.error_type, None)
            if isinstance(found, type) and issubclass(found, CoreError):
                cls = found
        error: CoreError = cls.__new__(cls)
        CoreError.__init__(error, msg.user_message, msg.hint)
        return error

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            self._ensure()
            request_id = next(self._ids)
            try:
                self._conn.send(EncodeRequest(request_id, tuple(texts)))
            except (OSError, ValueError) as exc:
                self._forget()
                raise CoreError(Msg("tagging.theme_suggester_stopped_unexpectedly"), Msg("tagging.theme_suggester_failed.hint")) from exc
            reply = self._receive()
        if isinstance(reply, EmbedErrorMsg):
            raise self._as_error(reply)
        if not isinstance(reply, VectorsMsg) or reply.request_id != request_id:
            raise CoreError(Msg("tagging.theme_suggester_answered_out"), Msg("tagging.theme_suggester_failed.hint"))
        return reply.vectors

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
                try:
                    self._conn.send(Shutdown())
                except (OSError, ValueError):
                    pass
            if self._process is not None:
                self._process.join(2)
            self._forget()


_shared: ProcessEmbedder | None = None
_shared_lock = threading.Lock()


def shared_embedder() -> ProcessEmbedder:
    """The session's one embedding process (started on first use, from a worker thread)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ProcessEmbedder()
        return _shared
