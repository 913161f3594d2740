"""The parent side of the engine child process: start, feed audio, follow, cancel, clean up.

The life cycle is ``core.childproc.ChildProcess``'s (the one the speaker child uses too):
cancel is graceful first (a message the child sees between segments), then ``terminate``,
then ``kill``, so the process is gone within 2 s; a child that dies without an answer
becomes ``EngineCrashed``, never a hang.
"""

from __future__ import annotations

import logging
import time
from typing import Self

import numpy as np

from core.childproc import ChildProcess, ErrorMsg, ProgressCallback, Ready
from core.errors import EngineCrashed, ModelNotInstalled, Msg, TranscriptionError
from core.jobs import CancelToken
from core.transcription.engine import ENGINES, DetectedLanguage, EngineOptions, EngineResult
from core.transcription.protocol import DetectedMsg, DetectRequest, ResultMsg, TranscribeRequest
from core.transcription.registry import ModelInfo

log = logging.getLogger(__name__)

# openai-whisper's beam search on CPU swings 2-5x with glibc's default malloc thresholds;
# these make it steady (RECIPES.md). Read by glibc at start-up, so set for the spawn only.
OPENAI_MALLOC_ENV = {"MALLOC_MMAP_THRESHOLD_": "33554432", "MALLOC_TRIM_THRESHOLD_": "2147483647"}


def _too_slow() -> EngineCrashed:
    return EngineCrashed(Msg("transcription.transcription_engine_did_not"),
                         Msg("transcription.transcription_engine_did_not.hint"))


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
        self._child = ChildProcess(f"confidant-{engine}", EngineCrashed, _too_slow)
        self.load_s: float | None = None

    # --- life cycle ------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        return self._child.pid

    @property
    def is_alive(self) -> bool:
        return self._child.is_alive

    def start(self, cancel: CancelToken | None = None, timeout_s: float = 300.0) -> None:
        """Spawn the child and wait until its model is loaded."""
        from core.transcription import child

        env = dict(child.CHILD_ENV, **(OPENAI_MALLOC_ENV if self.engine == "openai-whisper" else {}))
        self._child.spawn(child.main, (self.engine, self.model, self.options, self.nice), env)
        deadline = time.monotonic() + timeout_s
        while True:
            msg = self._child.next_message(cancel, deadline)
            if isinstance(msg, Ready):
                self.load_s = msg.load_s
                log.info("engine %s ready model=%s load_s=%.2f pid=%s", self.engine, self.model.name,
                         msg.load_s, self.pid)
                return
            if isinstance(msg, ErrorMsg):
                log.warning("engine %s could not load model %s: %s", self.engine, self.model.name, msg.detail)
                self.close()
                raise ModelNotInstalled(Msg("transcription.model_could_not_loaded", model_name=self.model.name),
                                        Msg("transcription.model_could_not_loaded.hint"))

    def close(self) -> None:
        """Stop the child (politely, then by force) and release the pipe."""
        self._child.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- work --------------------------------------------------------------------------------
    def transcribe(self, audio: np.ndarray, options: EngineOptions | None = None, *,
                   on_progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None) -> EngineResult:
        """Transcribe float32 mono 16 kHz audio; raises Cancelled or EngineCrashed."""
        if self._child.proc is None:
            self.start(cancel)
        rid = self._child.send(lambda rid, n: TranscribeRequest(rid, n, options or self.options), audio)
        msg = self._child.answer(rid, (ResultMsg,), cancel, on_progress)
        if isinstance(msg, ErrorMsg):
            log.warning("engine %s failed: %s", self.engine, msg.detail)
            raise EngineCrashed(Msg("transcription.transcription_engine_failed_audio"))
        assert isinstance(msg, ResultMsg)
        return msg.result

    def detect_language(self, audio: np.ndarray, *, cancel: CancelToken | None = None,
                        seconds: float = 30.0) -> DetectedLanguage:
        """The language spoken in the first ``seconds`` of speech of float32 16 kHz audio."""
        if self._child.proc is None:
            self.start(cancel)
        # Enough audio for 30 s of speech after silence is skipped, not the whole recording.
        rid = self._child.send(lambda rid, n: DetectRequest(rid, n), audio[:int(seconds * 4 * 16000)])
        msg = self._child.answer(rid, (DetectedMsg,), cancel)
        if isinstance(msg, ErrorMsg):
            log.warning("engine %s failed to detect the language: %s", self.engine, msg.detail)
            raise EngineCrashed(Msg("transcription.transcription_engine_failed_audio"))
        assert isinstance(msg, DetectedMsg)
        return msg.detected
