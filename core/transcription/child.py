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

from core.transcription.engine import EngineOptions, EngineResult
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

# HF_HUB_OFFLINE: nothing may reach a hub. ORT_DISABLE_TELEMETRY: onnxruntime (Silero VAD)
# otherwise starts a telemetry session that writes a ".ses" file into the temp dir.
CHILD_ENV = {"HF_HUB_OFFLINE": "1", "ORT_DISABLE_TELEMETRY": "1"}


class _Stop(Exception):
    """Raised inside the engine's loop when the parent asked to cancel."""


def _receive_audio(conn: Connection, n_samples: int) -> np.ndarray:
    audio = np.empty(n_samples, dtype=np.float32)
    view = memoryview(audio.data).cast("B")
    pos = 0
    while pos < len(view):
        pos += conn.recv_bytes_into(view[pos:pos + AUDIO_FRAME_BYTES])
    return audio


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
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if isinstance(msg, Shutdown):
            return
        if isinstance(msg, DetectRequest):
            audio = _receive_audio(conn, msg.n_samples)
            try:
                conn.send(DetectedMsg(msg.request_id, runner.detect_language(audio)))
            except Exception as exc:  # noqa: BLE001
                conn.send(ErrorMsg("engine", f"{type(exc).__name__}"[:200]))
            continue
        if not isinstance(msg, TranscribeRequest):
            continue  # a late cancel for a request that already finished
        audio = _receive_audio(conn, msg.n_samples)
        rid = msg.request_id

        def progress(done_s: float, total_s: float, rid: int = rid) -> None:
            while conn.poll():
                incoming = conn.recv()
                if isinstance(incoming, (CancelRequest, Shutdown)):
                    raise _Stop()
            conn.send(ProgressMsg(rid, done_s, total_s))

        t0 = time.monotonic()
        try:
            segments, language = runner.transcribe(audio, msg.options, progress)
        except _Stop:
            conn.send(CancelledMsg(rid))
            continue
        except Exception as exc:  # noqa: BLE001
            conn.send(ErrorMsg("engine", f"{type(exc).__name__}"[:200]))
            continue
        audio_s = len(audio) / 16000
        del audio
        conn.send(ResultMsg(rid, EngineResult(segments, language, audio_s, time.monotonic() - t0,
                                              float(getattr(runner, "language_probability", 0.0)))))
