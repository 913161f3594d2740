"""The engine child process: loads one model, then serves transcription requests.

Started with the ``spawn`` method (a fresh interpreter: no inherited threads, locks or vault
keys). It imports only the engine it runs; audio arrives as bytes on the pipe. Between
segments it polls the pipe for a cancel request so a stop is graceful; the parent terminates
it if that takes too long. Its memory is returned to the system when it exits.
"""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection

import numpy as np

from core.childproc import ErrorMsg, ProgressCallback, Ready, serve
from core.transcription.engine import EngineOptions, EngineResult
from core.transcription.protocol import DetectedMsg, DetectRequest, ResultMsg, TranscribeRequest
from core.transcription.registry import ModelInfo

# HF_HUB_OFFLINE: nothing may reach a hub. ORT_DISABLE_TELEMETRY: onnxruntime (Silero VAD)
# otherwise starts a telemetry session that writes a ".ses" file into the temp dir.
CHILD_ENV = {"HF_HUB_OFFLINE": "1", "ORT_DISABLE_TELEMETRY": "1"}


def _load(engine: str, model: ModelInfo, options: EngineOptions):  # -> engine object
    if engine == "faster-whisper":
        from core.transcription.engines.faster import FasterWhisperEngine
        return FasterWhisperEngine(model, options)
    from core.transcription.engines.openai import OpenAIWhisperEngine
    return OpenAIWhisperEngine(model, options)


def main(conn: Connection, engine: str, model: ModelInfo, options: EngineOptions, nice: int) -> None:
    """Child entry point (the target of the spawned process)."""
    os.environ.update(CHILD_ENV)  # before any engine import reads them
    if nice:
        os.nice(nice)  # live transcription yields the CPU to audio capture
    started = time.monotonic()
    try:
        runner = _load(engine, model, options)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a typed error
        conn.send(ErrorMsg("model", f"{type(exc).__name__}: {exc}"[:500]))
        return
    conn.send(Ready(time.monotonic() - started))

    def detect(msg: DetectRequest, audio: np.ndarray, _progress: ProgressCallback) -> DetectedMsg:
        return DetectedMsg(msg.request_id, runner.detect_language(audio))

    def transcribe(msg: TranscribeRequest, audio: np.ndarray, progress: ProgressCallback) -> ResultMsg:
        t0 = time.monotonic()
        segments, language = runner.transcribe(audio, msg.options, progress)
        return ResultMsg(msg.request_id, EngineResult(segments, language, len(audio) / 16000, time.monotonic() - t0,
                                                      float(getattr(runner, "language_probability", 0.0))))

    serve(conn, {DetectRequest: detect, TranscribeRequest: transcribe})
