"""Work in a spawned child process, one way for every heavy model (transcription, voices).

The child is started with ``spawn`` (a fresh interpreter: no inherited threads, locks or vault
keys). Parent and child talk in typed messages (frozen dataclasses, never bare tuples) on one
duplex pipe; audio never travels as a file: after a request that carries ``n_samples`` the
parent sends the float32 samples as raw byte frames. The child reports progress, and while it
does so it looks for a cancel on the pipe. Cancel is a message first, then ``terminate``, then
``kill``: the child is gone within ``CANCEL_GRACE_S + TERMINATE_WAIT_S`` (under 2 s). A child
that dies without an answer, or does not start in time, raises the caller's own error, never
hangs. Used by ``core.transcription.runner`` and ``core.speakers.runner`` (decision 0169).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

import numpy as np

from core.errors import Cancelled, CoreError
from core.jobs import CancelToken

log = logging.getLogger(__name__)

AUDIO_FRAME_BYTES = 4 << 20  # 4 MiB per pipe frame
CANCEL_GRACE_S = 0.8
TERMINATE_WAIT_S = 0.6
POLL_S = 0.1

ProgressCallback = Callable[[float, float], None]
_ENV_LOCK = threading.Lock()


# --- messages both kinds of child use ----------------------------------------------------
@dataclass(frozen=True)
class CancelRequest:
    request_id: int


@dataclass(frozen=True)
class Shutdown:
    pass


@dataclass(frozen=True)
class Ready:
    load_s: float
    model: str = ""


@dataclass(frozen=True)
class ProgressMsg:
    request_id: int
    done_s: float
    total_s: float


@dataclass(frozen=True)
class CancelledMsg:
    request_id: int


@dataclass(frozen=True)
class ErrorMsg:
    kind: str        # "model" (cannot load) | "work" (failed on this audio)
    detail: str      # exception type (and engine message); never audio or transcript text


# --- child side --------------------------------------------------------------------------
class Stop(Exception):
    """Raised inside the child's work when the parent asked to cancel (or to shut down)."""


def receive_audio(conn: Connection, n_samples: int) -> np.ndarray:
    """The float32 samples that follow a request, read straight into one array."""
    audio = np.empty(n_samples, dtype=np.float32)
    view = memoryview(audio.data).cast("B")
    pos = 0
    while pos < len(view):
        pos += conn.recv_bytes_into(view[pos:pos + AUDIO_FRAME_BYTES])
    return audio


def progress_sender(conn: Connection, request_id: int) -> ProgressCallback:
    """A progress callback for one request; it raises ``Stop`` when a cancel has arrived."""

    def progress(done_s: float, total_s: float) -> None:
        while conn.poll():
            if isinstance(conn.recv(), (CancelRequest, Shutdown)):
                raise Stop()
        conn.send(ProgressMsg(request_id, done_s, total_s))

    return progress


Handler = Callable[[Any, np.ndarray, ProgressCallback], object]


def serve(conn: Connection, handlers: dict[type, Handler], *, detail: Callable[[Exception], str] | None = None) -> None:
    """The child's request loop: each request's audio, its handler's answer (or a cancel or an
    error message) sent back, until ``Shutdown`` or the parent goes away."""
    describe = detail or (lambda exc: type(exc).__name__)
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if isinstance(msg, Shutdown):
            return
        handler = handlers.get(type(msg))
        if handler is None:
            continue  # a late cancel for a request that already finished
        audio = receive_audio(conn, msg.n_samples)
        rid = msg.request_id
        try:
            answer = handler(msg, audio, progress_sender(conn, rid))
        except Stop:
            answer = CancelledMsg(rid)
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a typed error
            answer = ErrorMsg("work", describe(exc)[:200])
        del audio
        conn.send(answer)


# --- parent side -------------------------------------------------------------------------
@contextlib.contextmanager
def spawn_env(extra: dict[str, str]) -> Iterator[None]:
    """Environment variables set for one spawn only (the child reads them at start-up)."""
    with _ENV_LOCK:
        saved = {k: os.environ.get(k) for k in extra}
        os.environ.update(extra)
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


class ChildProcess:
    """One spawned child and its pipe. ``crashed`` and ``too_slow`` make the caller's errors
    (the child died or broke the pipe; the model did not load in time)."""

    def __init__(self, name: str, crashed: Callable[[], CoreError], too_slow: Callable[[], CoreError]) -> None:
        self.name = name
        self._crashed, self._too_slow = crashed, too_slow
        self.proc: Any = None
        self.conn: Any = None
        self._next_id = 0

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    @property
    def is_alive(self) -> bool:
        return self.proc is not None and self.proc.is_alive()

    def spawn(self, target: Callable[..., None], args: tuple, env: dict[str, str] | None = None) -> None:
        """Start ``target(child_conn, *args)`` in a fresh interpreter; returns at once."""
        ctx = mp.get_context("spawn")
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=target, name=self.name, daemon=True, args=(child_conn, *args))
        with spawn_env(env or {}):
            proc.start()
        child_conn.close()
        self.proc, self.conn = proc, parent_conn

    def close(self) -> None:
        """Stop the child (politely, then by force) and release the pipe."""
        proc, conn = self.proc, self.conn
        self.proc = self.conn = None
        if proc is None:
            return
        if proc.is_alive() and conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send(Shutdown())
            proc.join(0.3)
        if proc.is_alive():
            proc.terminate()
            proc.join(TERMINATE_WAIT_S)
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)
        with contextlib.suppress(ValueError):
            proc.close()
        if conn is not None:
            conn.close()

    def crashed(self) -> CoreError:
        """Close after the child died; the caller's error to raise."""
        code = self.proc.exitcode if self.proc is not None else None
        log.warning("%s child died exitcode=%s", self.name, code)
        self.close()
        return self._crashed()

    def send(self, make: Callable[[int, int], object], audio: np.ndarray) -> int:
        """Send a request (``make(request_id, n_samples)``) and then its audio; the request id."""
        self._next_id += 1
        rid = self._next_id
        samples = np.ascontiguousarray(audio, dtype=np.float32)
        try:
            self.conn.send(make(rid, len(samples)))
            raw = memoryview(samples.data).cast("B")
            for pos in range(0, len(raw), AUDIO_FRAME_BYTES):
                self.conn.send_bytes(raw[pos:pos + AUDIO_FRAME_BYTES])
        except (OSError, ValueError) as exc:
            raise self.crashed() from exc
        return rid

    def answer(self, rid: int, answers: tuple[type, ...], cancel: CancelToken | None,
               on_progress: ProgressCallback | None = None) -> object:
        """The child's answer to request ``rid`` (one of ``answers``, or an ``ErrorMsg``);
        progress goes to ``on_progress``; a cancel raises ``Cancelled``."""
        while True:
            msg = self.next_message(cancel, None, rid, answers)
            if isinstance(msg, ProgressMsg) and msg.request_id == rid:
                if on_progress is not None:
                    on_progress(msg.done_s, msg.total_s)
            elif isinstance(msg, answers) and getattr(msg, "request_id", rid) == rid:
                return msg
            elif isinstance(msg, CancelledMsg) and msg.request_id == rid:
                raise Cancelled()
            elif isinstance(msg, ErrorMsg):
                return msg

    def next_message(self, cancel: CancelToken | None, deadline: float | None, rid: int | None = None,
                     answers: tuple[type, ...] = ()) -> Any:
        """The next message from the child; handles cancel, a dead child and the deadline."""
        while True:
            if cancel is not None and cancel.is_cancelled:
                self.cancel(rid, answers)
                raise Cancelled()
            ready = wait([self.conn, self.proc.sentinel], POLL_S)
            if self.conn in ready:
                try:
                    return self.conn.recv()
                except (EOFError, OSError) as exc:
                    raise self.crashed() from exc
            if self.proc.sentinel in ready:
                raise self.crashed()
            if deadline is not None and time.monotonic() > deadline:
                self.close()
                raise self._too_slow()

    def cancel(self, rid: int | None, answers: tuple[type, ...] = ()) -> None:
        """Ask the child to stop, wait briefly for it, then end it by force (a cancelled child
        is not reused: its state is unknown, and its memory goes back)."""
        proc, conn = self.proc, self.conn
        started = time.monotonic()
        if rid is not None and proc is not None and proc.is_alive():
            with contextlib.suppress(OSError, ValueError):
                conn.send(CancelRequest(rid))
            deadline = started + CANCEL_GRACE_S
            while time.monotonic() < deadline:
                if not conn.poll(max(0.0, deadline - time.monotonic())):
                    break
                try:
                    if isinstance(conn.recv(), (CancelledMsg, *answers)):
                        break
                except (EOFError, OSError):
                    break
        self.close()
        log.info("%s cancelled in %.2fs", self.name, time.monotonic() - started)
