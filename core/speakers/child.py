"""The speaker child process: loads the voice encoder once, then diarizes or embeds audio.

Spawned (a fresh interpreter: no vault keys, no inherited threads). torch stays out of the
desktop process, a cancel can end it at once, and its memory goes back when it exits.
"""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection

import numpy as np

from core.childproc import ErrorMsg, ProgressCallback, Ready, serve
from core.speakers.protocol import DiarizeRequest, DiarizeResult, EmbedRequest, EmbedResult

# Set for the spawn (read when numpy's BLAS and torch load): one thread per runtime; the
# encoder runs whole batches on its own threads instead (core.speakers.encoder._Batched).
CHILD_ENV = {"HF_HUB_OFFLINE": "1", "ORT_DISABLE_TELEMETRY": "1", "OMP_NUM_THREADS": "1",
             "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def embed_clip(audio: np.ndarray, encoder) -> tuple[np.ndarray, float]:
    """Mean unit vector of the clip's speech windows, and its seconds of speech."""
    from core.speakers.diarize import _windows, speech_mels, window_starts
    from core.speakers.vad import frame_mask, speech_regions

    regions = speech_regions(audio)
    speech_s = sum(e - s for s, e in regions) / 16000
    if speech_s < 1.0:
        return np.zeros(0, dtype=np.float32), speech_s
    mels = speech_mels(audio, regions)
    starts = window_starts(frame_mask(regions, len(mels)))
    if not len(starts):
        return np.zeros(0, dtype=np.float32), speech_s
    vectors = encoder.embed(_windows(mels, starts))
    mean = vectors.mean(axis=0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-8)).astype(np.float32), speech_s


def main(conn: Connection, threads: int, nice: int) -> None:
    """Child entry point."""
    os.environ.update(CHILD_ENV)
    if nice:
        os.nice(nice)
    started = time.monotonic()
    try:
        from core.speakers.encoder import load_encoder
        encoder = load_encoder(threads)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a typed error
        conn.send(ErrorMsg("model", type(exc).__name__))
        return
    conn.send(Ready(time.monotonic() - started, encoder.name))
    from core.speakers.diarize import diarize

    def diarize_request(msg: DiarizeRequest, audio: np.ndarray, progress: ProgressCallback) -> DiarizeResult:
        return DiarizeResult(msg.request_id, diarize(audio, encoder, msg.options, progress))

    def embed_request(msg: EmbedRequest, audio: np.ndarray, _progress: ProgressCallback) -> EmbedResult:
        vector, speech_s = embed_clip(audio, encoder)
        return EmbedResult(msg.request_id, tuple(float(x) for x in vector), speech_s)

    serve(conn, {DiarizeRequest: diarize_request, EmbedRequest: embed_request})
