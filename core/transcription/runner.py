"""The parent side of the engine child process: start, feed audio, follow, cancel, clean up.

Cancel is graceful first (a message the child sees between segments), then ``terminate``,
then ``kill``: the process is gone within ``CANCEL_GRACE_S + TERMINATE_WAIT_S`` (under 2 s).
A child that dies without an answer becomes ``EngineCrashed``, never a hang.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any, Self

import numpy as np

from core.errors import Cancelled, EngineCrashed, ModelNotInstalled, Msg, TranscriptionError
from core.jobs import CancelToken
from core.transcription.engine import ENGINES, DetectedLanguage, EngineOptions, EngineResult
from core.transcription.protocol import (
    AUDIO_FRAME_BYTES,
    CancelledMsg,
    CancelRequest,
    DetectedMsg,
    DetectRequest,
    ErrorMsg,
    ProgressMsg,
    Ready,
    ResultMsg,
    Shutdown,
    TranscribeRequest,
)
from core.transcription.registry import ModelInfo

log = logging.getLogger(__name__)

CANCEL_GRACE_S = 0.8
TERMINATE_WAIT_S = 0.6
POLL_S = 0.1
# openai-whisper's beam search on CPU swings 2-5x with glibc's default malloc thresholds;
# these make it steady (RECIPES.md). Read by glibc at start-up, so set for the spawn only.
OPENAI_MALLOC_ENV = {"MALLOC_MMAP_THRESHOLD_": "33554432", "MALLOC_TRIM_THRESHOLD_": "2147483647"}
_ENV_LOCK = threading.Lock()

ProgressCallback = Callable[[float, float], None]


@contextlib.contextmanager
def _spawn_env(extra: dict[str, str]):
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


class EngineProcess:
    """One engine with one model loaded in a child process; serves several requests."""

    def __init__(self, engine: str, model: ModelInfo, options: EngineOptions | None = None, *,
                 nice: int = 0) -> None:
        if engine not in ENGINES:
            raise TranscriptionError(Msg("transcription.no_transcription_engine_called", engine=engine),
                                     Msg("transcription.no_transcription_engine_called.hint", engines=', '.join(ENGINES)))
        if engine not in model.engines():
            raise ModelNotInstalled(Msg("transcription.model_cannot_run", model_name=model.name, engine=engine),
                                    Msg("transcription.model_cannot_run.hint", engines=' or '.join(model.engines()), engine=engine))
        self.engine, self.model = engine, model
        self.options = options or EngineOptions()
        self.nice = nice
        self._proc: Any = None
        self._conn: Any = None
        self._next_id = 0
        self.load_s: float | None = None

    # --- life cycle ------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def is_alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def start(self, cancel: CancelToken | None = None, timeout_s: float = 300.0) -> None:
        """Spawn the child and wait until its model is loaded."""
        from core.transcription import child

        ctx = mp.get_context("spawn")
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=child.main, name=f"confidant-{self.engine}", daemon=True,
                           args=(child_conn, self.engine, self.model, self.options, self.nice))
        env = dict(child.CHILD_ENV, **(OPENAI_MALLOC_ENV if self.engine == "openai-whisper" else {}))
        with _spawn_env(env):
            proc.start()
        child_conn.close()
        self._proc, self._conn = proc, parent_conn
        deadline = time.monotonic() + timeout_s
        while True:
            msg = self._next_message(cancel, deadline)
            if isinstance(msg, Ready):
                self.load_s = msg.load_s
                log.info("engine %s ready model=%s load_s=%.2f pid=%s", self.engine, self.model.name,
                         msg.load_s, proc.pid)
                return
            if isinstance(msg, ErrorMsg):
                log.warning("engine %s could not load model %s: %s", self.engine, self.model.name, msg.detail)
                self.close()
                raise ModelNotInstalled(Msg("transcription.model_could_not_loaded", model_name=self.model.name),
                                        Msg("transcription.model_could_not_loaded.hint"))

    def close(self) -> None:
        """Stop the child (politely, then by force) and release the pipe."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is None:
            return
        if proc.is_alive() and conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send(Shutdown())
            proc.join(0.3)
        self._kill(proc)
        if conn is not None:
            conn.close()

    @staticmethod
    def _kill(proc: Any) -> None:
        if proc.is_alive():
            proc.terminate()
            proc.join(TERMINATE_WAIT_S)
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)
        with contextlib.suppress(ValueError):
            proc.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- work --------------------------------------------------------------------------------
    def transcribe(self, audio: np.ndarray, options: EngineOptions | None = None, *,
                   on_progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None) -> EngineResult:
        """Transcribe float32 mono 16 kHz audio; raises Cancelled or EngineCrashed."""
        if self._proc is None:
            self.start(cancel)
        self._next_id += 1
        rid = self._next_id
        samples = np.ascontiguousarray(audio, dtype=np.float32)
        try:
            self._conn.send(TranscribeRequest(rid, len(samples), options or self.options))
            raw = memoryview(samples.data).cast("B")
            for pos in range(0, len(raw), AUDIO_FRAME_BYTES):
                self._conn.send_bytes(raw[pos:pos + AUDIO_FRAME_BYTES])
        except (OSError, ValueError) as exc:
            self._crashed()
            raise EngineCrashed() from exc
        while True:
            msg = self._next_message(cancel, None, rid)
            if isinstance(msg, ProgressMsg) and msg.request_id == rid:
                if on_progress is not None:
                    on_progress(msg.done_s, msg.total_s)
            elif isinstance(msg, ResultMsg) and msg.request_id == rid:
                return msg.result
            elif isinstance(msg, CancelledMsg) and msg.request_id == rid:
                raise Cancelled()
            elif isinstance(msg, ErrorMsg):
                log.warning("engine %s failed: %s", self.engine, msg.detail)
                raise EngineCrashed(Msg("transcription.transcription_engine_failed_audio"))

    def detect_language(self, audio: np.ndarray, *, cancel: CancelToken | None = None,
                        seconds: float = 30.0) -> DetectedLanguage:
        """The language spoken in the first ``seconds`` of speech of float32 16 kHz audio."""
        if self._proc is None:
            self.start(cancel)
        self._next_id += 1
        rid = self._next_id
        # Enough audio for 30 s of speech after silence is skipped, not the whole recording.
        samples = np.ascontiguousarray(audio[:int(seconds * 4 * 16000)], dtype=np.float32)
        try:
            self._conn.send(DetectRequest(rid, len(samples)))
            raw = memoryview(samples.data).cast("B")
            for pos in range(0, len(raw), AUDIO_FRAME_BYTES):
                self._conn.send_bytes(raw[pos:pos + AUDIO_FRAME_BYTES])
        except (OSError, ValueError) as exc:
            self._crashed()
            raise EngineCrashed() from exc
        while True:
            msg = self._next_message(cancel, None, rid)
            if isinstance(msg, DetectedMsg) and msg.request_id == rid:
                return msg.detected
            if isinstance(msg, ErrorMsg):
                log.warning("engine %s failed to detect the language: %s", self.engine, msg.detail)
                raise EngineCrashed(Msg("transcription.transcription_engine_failed_audio"))

    def _next_message(self, cancel: CancelToken | None, deadline: float | None, rid: int | None = None) -> Any:
        """The next message from the child; handles cancel, crashes and time-outs."""
        while True:
            if cancel is not None and cancel.is_cancelled:
                self._cancel(rid)
                raise Cancelled()
            ready = wait([self._conn, self._proc.sentinel], POLL_S)
            if self._conn in ready:
                try:
                    return self._conn.recv()
                except (EOFError, OSError) as exc:
                    self._crashed()
                    raise EngineCrashed() from exc
            if self._proc.sentinel in ready:
                self._crashed()
                raise EngineCrashed()
            if deadline is not None and time.monotonic() > deadline:
                self.close()
                raise EngineCrashed(Msg("transcription.transcription_engine_did_not"),
                                    Msg("transcription.transcription_engine_did_not.hint"))

    def _crashed(self) -> None:
        proc = self._proc
        code = proc.exitcode if proc is not None else None
        log.warning("engine %s child died exitcode=%s", self.engine, code)
        self.close()

    def _cancel(self, rid: int | None) -> None:
        """Ask the child to stop, wait briefly for it, then end it by force."""
        proc, conn = self._proc, self._conn
        started = time.monotonic()
        if rid is not None and proc is not None and proc.is_alive():
            with contextlib.suppress(OSError, ValueError):
                conn.send(CancelRequest(rid))
            deadline = started + CANCEL_GRACE_S
            while time.monotonic() < deadline:
                if not conn.poll(max(0.0, deadline - time.monotonic())):
                    break
                try:
                    if isinstance(conn.recv(), (CancelledMsg, ResultMsg)):
                        break
                except (EOFError, OSError):
                    break
        # The child is not reused after a cancel: its state is unknown and memory goes back.
        self.close()
        log.info("engine %s cancelled in %.2fs", self.engine, time.monotonic() - started)
