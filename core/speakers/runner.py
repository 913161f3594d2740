"""The parent side of the speaker child: start, send audio, follow progress, cancel, clean up.

The life cycle is ``core.childproc.ChildProcess``'s (the one the engine child uses too):
cancel is a message first, then terminate, then kill; a child that dies without answering is
a ``SpeakerError``, never a hang.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Self

import numpy as np

from core.childproc import POLL_S, ChildProcess, ErrorMsg, ProgressCallback, Ready
from core.errors import Cancelled, Msg, SpeakerError, VoiceModelMissing
from core.jobs import CancelToken
from core.speakers.diarize import Diarization, DiarizeOptions
from core.speakers.protocol import DiarizeRequest, DiarizeResult, EmbedRequest, EmbedResult

log = logging.getLogger(__name__)

ANSWERS = (DiarizeResult, EmbedResult)


def _too_slow() -> SpeakerError:
    return SpeakerError(Msg("speakers.voice_model_did_not"), Msg("speakers.voice_model_did_not.hint"))


class SpeakerProcess:
    """The voice encoder loaded in a child process; serves several requests."""

    def __init__(self, *, threads: int = 1, nice: int = 0) -> None:
        self.threads, self.nice = threads, nice
        self._child = ChildProcess("confidant-speakers", SpeakerError, _too_slow)
        self._ready = False
        self.model = ""
        self.load_s: float | None = None

    @property
    def pid(self) -> int | None:
        return self._child.pid

    def spawn(self) -> None:
        """Start the child without waiting for its model (live transcription must not wait)."""
        from core.speakers import child

        self._child.spawn(child.main, (self.threads, self.nice), child.CHILD_ENV)
        self._ready = False

    def ready(self, wait_s: float = 0.0, cancel: CancelToken | None = None) -> bool:
        """True once the model is loaded (waits up to ``wait_s``); a failed load raises."""
        if self._child.proc is None:
            self.spawn()
        if self._ready:
            return True
        if not self._child.conn.poll(wait_s) and self._child.is_alive:
            return False
        msg = self._child.next_message(cancel, time.monotonic() + 1.0)
        if isinstance(msg, Ready):
            self.model, self.load_s, self._ready = msg.model, msg.load_s, True
            log.info("speaker model ready model=%s load_s=%.2f pid=%s", msg.model, msg.load_s, self.pid)
            return True
        self.close()
        if isinstance(msg, ErrorMsg) and msg.kind == "model":
            raise VoiceModelMissing()
        raise SpeakerError()

    def start(self, cancel: CancelToken | None = None, timeout_s: float = 120.0) -> None:
        """Spawn the child (unless it is already starting) and wait until its model is loaded."""
        if self._child.proc is None:
            self.spawn()
        deadline = time.monotonic() + timeout_s
        while not self.ready(POLL_S, cancel):
            if cancel is not None and cancel.is_cancelled:
                self.close()
                raise Cancelled()
            if time.monotonic() > deadline:
                self.close()
                raise _too_slow()

    def close(self) -> None:
        self._child.close()
        self._ready = False

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
        if not self._ready or self._child.proc is None:  # never started, or ended by a crash or cancel
            self._ready = False
            self.start(cancel)
        rid = self._child.send(make, audio)
        msg = self._child.answer(rid, ANSWERS, cancel, on_progress)
        if isinstance(msg, ErrorMsg):
            log.warning("speaker child failed: %s", msg.detail)
            raise SpeakerError()
        return msg
