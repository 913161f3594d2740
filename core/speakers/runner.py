"""The parent side of the speaker child: start, send audio, follow progress, cancel, clean up.

The same life cycle as ``core.transcription.runner.EngineProcess``: cancel is a message first,
then terminate, then kill; a child that dies without answering is a ``SpeakerError``, never
a hang.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any, Self

import numpy as np

from core.errors import Cancelled, Msg, SpeakerError, VoiceModelMissing
from core.jobs import CancelToken
from core.speakers.diarize import Diarization, DiarizeOptions
from core.speakers.protocol import (
    AUDIO_FRAME_BYTES,
    CancelledMsg,
    CancelRequest,
    DiarizeRequest,
    DiarizeResult,
    EmbedRequest,
    EmbedResult,
    ErrorMsg,
    ProgressMsg,
    Ready,
    Shutdown,
)

log = logging.getLogger(__name__)

CANCEL_GRACE_S = 0.8
TERMINATE_WAIT_S = 0.6
POLL_S = 0.1

ProgressCallback = Callable[[float, float], None]


class SpeakerProcess:
    """The voice encoder loaded in a child process; serves several requests."""

    def __init__(self, *, threads: int = 1, nice: int = 0) -> None:
        self.threads, self.nice = threads, nice
        self._proc: Any = None
        self._conn: Any = None
        self._next_id = 0
        self._ready = False
        self.model = ""
        self.load_s: float | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def spawn(self) -> None:
        """Start the child without waiting for its model (live transcription must not wait)."""
        from core.speakers import child

        ctx = mp.get_context("spawn")
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=child.main, name="confidant-speakers", daemon=True,
                           args=(child_conn, self.threads, self.nice))
        proc.start()
        child_conn.close()
        self._proc, self._conn = proc, parent_conn
        self._ready = False

    def ready(self, wait_s: float = 0.0, cancel: CancelToken | None = None) -> bool:
        """True once the model is loaded (waits up to ``wait_s``); a failed load raises."""
        if self._proc is None:
            self.spawn()
        if self._ready:
            return True
        if not self._conn.poll(wait_s) and self._proc.is_alive():
            return False
        msg = self._next_message(cancel, time.monotonic() + 1.0)
        if isinstance(msg, Ready):
            self.model, self.load_s, self._ready = msg.model, msg.load_s, True
            log.info("speaker model ready model=%s load_s=%.2f pid=%s", msg.model, msg.load_s, self.pid)
            return True
        self.close()
        if isinstance(msg, ErrorMsg) and msg.kind == "model":
            raise VoiceModelMissing()
        raise SpeakerError()

    def start(self, cancel: CancelToken | None = None, timeout_s: float = 120.0) -> None:
        """Spawn the child and wait until its model is loaded."""
        self.spawn()
        deadline = time.monotonic() + timeout_s
        while not self.ready(POLL_S, cancel):
            if cancel is not None and cancel.is_cancelled:
                self.close()
                raise Cancelled()
            if time.monotonic() > deadline:
                self.close()
                raise SpeakerError(Msg("speakers.voice_model_did_not"),
                                   Msg("speakers.voice_model_did_not.hint"))

    def close(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- work --------------------------------------------------------------------------------
    def diarize(self, audio: np.ndarray, options: DiarizeOptions | None = None, *,
                on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> Diarization:
        """Voice turns of float32 mono 16 kHz audio; raises Cancelled or SpeakerError."""
        msg = self._request(lambda rid, n: DiarizeRequest(rid, n, options or DiarizeOptions()), audio,
                            on_progress, cancel)
        assert isinstance(msg, DiarizeResult)
        return msg.diarization

    def embed(self, audio: np.ndarray, *, cancel: CancelToken | None = None) -> tuple[np.ndarray, float]:
        """One unit voice vector for the clip (empty if too little speech) and its speech seconds."""
        msg = self._request(lambda rid, n: EmbedRequest(rid, n), audio, None, cancel)
        assert isinstance(msg, EmbedResult)
        return np.asarray(msg.vector, dtype=np.float32), msg.speech_s

    def _request(self, make: Callable[[int, int], object], audio: np.ndarray,
                 on_progress: ProgressCallback | None, cancel: CancelToken | None) -> object:
        if self._proc is None or not self._ready:
            self.start(cancel) if self._proc is None else self._wait_ready(cancel)
        self._next_id += 1
        rid = self._next_id
        samples = np.ascontiguousarray(audio, dtype=np.float32)
        try:
            self._conn.send(make(rid, len(samples)))
            raw = memoryview(samples.data).cast("B")
            for pos in range(0, len(raw), AUDIO_FRAME_BYTES):
                self._conn.send_bytes(raw[pos:pos + AUDIO_FRAME_BYTES])
        except (OSError, ValueError) as exc:
            self.close()
            raise SpeakerError() from exc
        while True:
            msg = self._next_message(cancel, None, rid)
            if isinstance(msg, ProgressMsg) and msg.request_id == rid:
                if on_progress is not None:
                    on_progress(msg.done_s, msg.total_s)
            elif isinstance(msg, (DiarizeResult, EmbedResult)) and msg.request_id == rid:
                return msg
            elif isinstance(msg, CancelledMsg) and msg.request_id == rid:
                raise Cancelled()
            elif isinstance(msg, ErrorMsg):
                log.warning("speaker child failed: %s", msg.detail)
                raise SpeakerError()

    def _wait_ready(self, cancel: CancelToken | None) -> None:
        deadline = time.monotonic() + 120.0
        while not self.ready(POLL_S, cancel):
            if time.monotonic() > deadline:
                self.close()
                raise SpeakerError()

    def _next_message(self, cancel: CancelToken | None, deadline: float | None, rid: int | None = None) -> Any:
        while True:
            if cancel is not None and cancel.is_cancelled:
                self._cancel(rid)
                raise Cancelled()
            ready = wait([self._conn, self._proc.sentinel], POLL_S)
            if self._conn in ready:
                try:
                    return self._conn.recv()
                except (EOFError, OSError) as exc:
                    self.close()
                    raise SpeakerError() from exc
            if self._proc.sentinel in ready:
                log.warning("speaker child died exitcode=%s", self._proc.exitcode)
                self.close()
                raise SpeakerError()
            if deadline is not None and time.monotonic() > deadline:
                self.close()
                raise SpeakerError(Msg("speakers.voice_model_did_not"),
                                   Msg("speakers.voice_model_did_not.hint"))

    def _cancel(self, rid: int | None) -> None:
        proc, conn = self._proc, self._conn
        if rid is not None and proc is not None and proc.is_alive():
            with contextlib.suppress(OSError, ValueError):
                conn.send(CancelRequest(rid))
            deadline = time.monotonic() + CANCEL_GRACE_S
            while time.monotonic() < deadline and conn.poll(max(0.0, deadline - time.monotonic())):
                try:
                    if isinstance(conn.recv(), (CancelledMsg, DiarizeResult, EmbedResult)):
                        break
                except (EOFError, OSError):
                    break
        self.close()
