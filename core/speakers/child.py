"""The speaker child process: loads the voice encoder once, then diarizes or embeds audio.

Spawned (a fresh interpreter: no vault keys, no inherited threads). torch stays out of the
desktop process, a cancel can end it at once, and its memory goes back when it exits.
"""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection

import numpy as np

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

CHILD_ENV = {"HF_HUB_OFFLINE": "1", "ORT_DISABLE_TELEMETRY": "1", "OMP_NUM_THREADS": "1"}


class _Stop(Exception):
    pass


def _receive_audio(conn: Connection, n_samples: int) -> np.ndarray:
    audio = np.empty(n_samples, dtype=np.float32)
    view = memoryview(audio.data).cast("B")
    pos = 0
    while pos < len(view):
        pos += conn.recv_bytes_into(view[pos:pos + AUDIO_FRAME_BYTES])
    return audio


def embed_clip(audio: np.ndarray, encoder) -> tuple[np.ndarray, float]:
    """Mean unit vector of the clip's speech windows, and its seconds of speech."""
    from core.speakers.diarize import _windows, normalise_level, window_starts
    from core.speakers.mel import mel_frames
    from core.speakers.vad import frame_mask, speech_regions

    regions = speech_regions(audio)
    speech_s = sum(e - s for s, e in regions) / 16000
    if speech_s < 1.0:
        return np.zeros(0, dtype=np.float32), speech_s
    mels = mel_frames(normalise_level(audio, regions))
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

    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if isinstance(msg, Shutdown):
            return
        if not isinstance(msg, (DiarizeRequest, EmbedRequest)):
            continue  # a late cancel
        audio = _receive_audio(conn, msg.n_samples)
        rid = msg.request_id

        def progress(done_s: float, total_s: float, rid: int = rid) -> None:
            while conn.poll():
                if isinstance(conn.recv(), (CancelRequest, Shutdown)):
                    raise _Stop()
            conn.send(ProgressMsg(rid, done_s, total_s))

        try:
            if isinstance(msg, DiarizeRequest):
                conn.send(DiarizeResult(rid, diarize(audio, encoder, msg.options, progress)))
            else:
                vector, speech_s = embed_clip(audio, encoder)
                conn.send(EmbedResult(rid, tuple(float(x) for x in vector), speech_s))
        except _Stop:
            conn.send(CancelledMsg(rid))
        except Exception as exc:  # noqa: BLE001
            conn.send(ErrorMsg("work", type(exc).__name__))
        del audio
