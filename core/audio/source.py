"""Reading audio back: any sample range of a recording as float32 numpy, decrypted in memory.

Used for Whisper, click-to-play in the transcript, and the waveform overview. Nothing is
written anywhere: chunks come out of SQLCipher and are decoded in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from core.audio import SAMPLE_RATE_HZ, codec
from core.errors import AudioDamaged
from core.vault.db import Connection, Vault
from core.vault.recordings import RecordingRepo

log = logging.getLogger(__name__)


@contextmanager
def _own_connection(vault: Vault) -> Iterator[Connection]:
    """A connection for one read: SQLCipher leaves a connection that met a damaged page
    failing every later read, and that must not be this thread's ``vault.conn``."""
    conn = vault.connect()
    try:
        yield conn
    finally:
        vault.release(conn)


def _each_chunk(vault: Vault, recording_id: int, codec_name: str, start: int, end: int | None,
                use: Callable[[int, int, np.ndarray | None], None]) -> None:
    """Call ``use(start_sample, n_samples, pcm)`` for each chunk overlapping [start, end).

    ``pcm`` is int16, or None for a chunk that cannot be read. A damaged page (a bad sector,
    a byte flipped by a failing disk) loses the second of audio it holds, not the interview:
    the rest still transcribes and plays. The usual pass reads with one cursor and checks the
    connection once at the end; only if that fails is the range read again chunk by chunk,
    checking each, so ``use`` may see a chunk twice (the second call is the one that holds).
    """
    try:
        with _own_connection(vault) as conn:
            repo = RecordingRepo(vault, conn)
            for chunk in repo.chunks(recording_id, start, end):
                use(chunk.start_sample, chunk.n_samples, codec.decode(chunk.data, codec_name))
            repo.check_readable()
        return
    except AudioDamaged:
        pass
    damaged: list[tuple[int, int]] = []
    with _own_connection(vault) as conn:
        spans = RecordingRepo(vault, conn).chunk_spans(recording_id, start, end)
    conn = vault.connect()
    try:
        for span in spans:
            try:
                pcm: np.ndarray | None = codec.decode(
                    RecordingRepo(vault, conn).chunk_data(recording_id, span.seq), codec_name)
            except AudioDamaged:
                damaged.append((span.start_sample, span.start_sample + span.n_samples))
                pcm = None
                vault.release(conn)
                conn = vault.connect()
            use(span.start_sample, span.n_samples, pcm)
    finally:
        vault.release(conn)
    log.warning("recording %d: %d damaged chunks read as silence (samples %s)", recording_id,
                len(damaged), damaged[:10])


def read_audio(vault: Vault, recording_id: int, start_sample: int = 0,
               end_sample: int | None = None) -> np.ndarray:
    """Samples [start_sample, end_sample) as float32 mono 16 kHz in [-1, 1].

    ``end_sample`` None means to the end of what is committed. The range is clipped to the
    recording; a gap (which a healthy recording never has) or a damaged chunk reads as
    silence. Raises ``AudioDamaged`` if not even the list of chunks can be read.
    """
    with _own_connection(vault) as conn:
        repo = RecordingRepo(vault, conn)
        rec = repo.get(recording_id)
        total = repo.committed_samples(recording_id)
    start = max(0, int(start_sample))
    end = total if end_sample is None else max(start, min(int(end_sample), total))
    out = np.zeros(max(0, end - start), dtype=np.float32)

    def put(chunk_start: int, n_samples: int, pcm: np.ndarray | None) -> None:
        a = max(start, chunk_start)
        b = min(end, chunk_start + (n_samples if pcm is None else len(pcm)))
        if b > a:
            out[a - start: b - start] = 0.0 if pcm is None else pcm[a - chunk_start: b - chunk_start] / 32768.0

    _each_chunk(vault, recording_id, rec.codec, start, end, put)
    return out


def read_seconds(vault: Vault, recording_id: int, start_s: float, end_s: float | None = None) -> np.ndarray:
    """Like ``read_audio`` with times in seconds."""
    end = None if end_s is None else round(end_s * SAMPLE_RATE_HZ)
    return read_audio(vault, recording_id, round(start_s * SAMPLE_RATE_HZ), end)


def waveform_overview(vault: Vault, recording_id: int, n_bins: int = 1000) -> np.ndarray:
    """Peak level per bin (float32, 0..1) across the whole recording, read chunk by chunk."""
    with _own_connection(vault) as conn:
        repo = RecordingRepo(vault, conn)
        rec = repo.get(recording_id)
        total = repo.committed_samples(recording_id)
    peaks = np.zeros(max(1, n_bins), dtype=np.float32)
    if total == 0:
        return peaks

    def peak(chunk_start: int, _n_samples: int, pcm16: np.ndarray | None) -> None:
        # A chunk seen again after a damaged read only raises peaks it really has; a damaged
        # one (None) adds nothing.
        if pcm16 is None:
            return
        pcm = np.abs(pcm16.astype(np.float32)) / 32768.0
        bins = (np.arange(chunk_start, chunk_start + len(pcm)) * n_bins) // total
        bins = np.clip(bins, 0, n_bins - 1)
        np.maximum.at(peaks, bins, pcm)

    _each_chunk(vault, recording_id, rec.codec, 0, None, peak)
    return peaks
