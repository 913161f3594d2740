"""Reading audio back: any sample range of a recording as float32 numpy, decrypted in memory.

Used for Whisper, click-to-play in the transcript, and the waveform overview. Nothing is
written anywhere: chunks come out of SQLCipher and are decoded in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from core.audio import SAMPLE_RATE_HZ, codec
from core.errors import AudioDamaged, Msg
from core.vault.db import Connection, Vault
from core.vault.recordings import Recording, RecordingRepo

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


Span = tuple[int, int]  # [start_sample, end_sample)


def _each_chunk(vault: Vault, recording_id: int, codec_name: str, start: int, end: int | None,
                use: Callable[[int, int, np.ndarray | None], None], total: int) -> list[Span]:
    """Call ``use(start_sample, n_samples, pcm)`` for each chunk overlapping [start, end);
    return the sample spans of the chunks that could not be read.

    ``pcm`` is int16, or None for a chunk that cannot be read. A damaged page (a bad sector,
    a byte flipped by a failing disk) loses the second of audio it holds, not the interview:
    the rest still transcribes and plays. The usual pass reads with one cursor and checks the
    connection once at the end; only if that fails is the range read again chunk by chunk,
    checking each, so ``use`` may see a chunk twice (the second call is the one that holds).
    If the pages that list the chunks are damaged too (an index's, or the table's own), they
    are listed another way (``RecordingRepo.chunk_list``) and read by row id, so only the
    chunks on damaged pages are lost. ``total``: the recording's length in samples.
    """
    try:
        with _own_connection(vault) as conn:
            repo = RecordingRepo(vault, conn)
            for chunk in repo.chunks(recording_id, start, end):
                use(chunk.start_sample, chunk.n_samples, codec.decode(chunk.data, codec_name))
            repo.check_readable()
        return []
    except AudioDamaged:
        pass
    listed = None
    for how in ("range", "scan", "by_start", "by_seq"):  # the usual way first; see chunk_list
        try:
            with _own_connection(vault) as conn:
                listed = RecordingRepo(vault, conn).chunk_list(recording_id, how, start, end)
            break
        except AudioDamaged:
            continue
    if listed is None:
        raise AudioDamaged()
    stop = end if end is not None else 1 << 62
    read: list[tuple[int, int] | None] = []  # per listed chunk: (start, n), None if lost
    damaged: list[Span] = []
    conn = vault.connect()
    try:
        for key in listed:
            try:
                row = RecordingRepo(vault, conn).chunk_by_rowid(key.rowid)
                pcm: np.ndarray | None = codec.decode(row.data, codec_name)
                chunk_start, n_samples = row.start_sample, row.n_samples
            except AudioDamaged:
                vault.release(conn)
                conn = vault.connect()
                pcm, chunk_start, n_samples = None, key.start_sample, key.n_samples
            read.append(None if pcm is None else (chunk_start, n_samples))
            if pcm is None and chunk_start >= 0 and n_samples >= 0:
                damaged.append((chunk_start, chunk_start + n_samples))
            if chunk_start >= 0 and chunk_start < stop and chunk_start + max(n_samples, 0) > start:
                use(chunk_start, n_samples, pcm)
    finally:
        vault.release(conn)
    # A lost chunk whose place no listing gave lies between its readable neighbours.
    for i, got in enumerate(read):
        if got is None and (listed[i].start_sample < 0 or listed[i].n_samples < 0):
            earlier = [g for g in read[:i] if g is not None]
            later = [g for g in read[i + 1:] if g is not None]
            before = earlier[-1][0] + earlier[-1][1] if earlier else 0
            after = later[0][0] if later else total
            if after > before:
                damaged.append((before, after))
    damaged = [(max(a, start), min(b, stop)) for a, b in damaged if min(b, stop) > max(a, start)]
    log.warning("recording %d: %d damaged chunks read as silence (samples %s)", recording_id,
                len(damaged), damaged[:10])
    return _merged(damaged)


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class AudioCheck:
    """What of a recording could be read back: the spans lost to damage, in samples."""

    recording_id: int
    total_samples: int
    lost: tuple[Span, ...] = ()

    @property
    def seconds_lost(self) -> float:
        return sum(b - a for a, b in self.lost) / SAMPLE_RATE_HZ

    @property
    def is_intact(self) -> bool:
        return not self.lost

    def message(self) -> Msg | None:
        """What a person is told: how much was lost and where; None when nothing was."""
        if not self.lost:
            return None
        shown = ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in self.lost[:5])
        more = len(self.lost) - 5
        return Msg("audio.damaged_lost", seconds=f"{self.seconds_lost:.1f}",
                   where=shown + (f" (+{more})" if more > 0 else ""),
                   total=f"{self.total_samples / SAMPLE_RATE_HZ:.1f}")


def _clock(sample: int) -> str:
    seconds = int(sample // SAMPLE_RATE_HZ)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def check_recording(vault: Vault, recording_id: int) -> AudioCheck:
    """Read every chunk of a recording (decoding each) and say what damage lost.

    Raises ``AudioDamaged`` only if not even the list of chunks can be read, from the table or
    from its indexes."""
    with _own_connection(vault) as conn:
        repo = RecordingRepo(vault, conn)
        rec = repo.get(recording_id)
        total = rec.total_samples
    lost = _each_chunk(vault, recording_id, rec.codec, 0, None, lambda _a, _n, _pcm: None, total)
    return AudioCheck(recording_id, total, tuple(lost))


def _recording_length(vault: Vault, recording_id: int) -> tuple[Recording, int]:
    """The recording and its committed length (from its row if the chunks' index is damaged)."""
    with _own_connection(vault) as conn:
        rec = RecordingRepo(vault, conn).get(recording_id)
    try:
        with _own_connection(vault) as conn:
            return rec, RecordingRepo(vault, conn).committed_samples(recording_id)
    except AudioDamaged:
        return rec, rec.total_samples


def read_audio(vault: Vault, recording_id: int, start_sample: int = 0,
               end_sample: int | None = None, *, lost: list[Span] | None = None) -> np.ndarray:
    """Samples [start_sample, end_sample) as float32 mono 16 kHz in [-1, 1].

    ``end_sample`` None means to the end of what is committed. The range is clipped to the
    recording; a gap (which a healthy recording never has) or a damaged chunk reads as
    silence, and its sample span is added to ``lost`` (see ``AudioCheck`` for what to tell
    the person). Raises ``AudioDamaged`` if not even the list of chunks can be read.
    """
    rec, total = _recording_length(vault, recording_id)
    start = max(0, int(start_sample))
    end = total if end_sample is None else max(start, min(int(end_sample), total))
    out = np.zeros(max(0, end - start), dtype=np.float32)

    def put(chunk_start: int, n_samples: int, pcm: np.ndarray | None) -> None:
        a = max(start, chunk_start)
        b = min(end, chunk_start + (n_samples if pcm is None else len(pcm)))
        if b > a:
            out[a - start: b - start] = 0.0 if pcm is None else pcm[a - chunk_start: b - chunk_start] / 32768.0

    damaged = _each_chunk(vault, recording_id, rec.codec, start, end, put, total)
    if lost is not None:
        lost.extend((max(a, start), min(b, end)) for a, b in damaged if min(b, end) > max(a, start))
    return out


def read_seconds(vault: Vault, recording_id: int, start_s: float, end_s: float | None = None) -> np.ndarray:
    """Like ``read_audio`` with times in seconds."""
    end = None if end_s is None else round(end_s * SAMPLE_RATE_HZ)
    return read_audio(vault, recording_id, round(start_s * SAMPLE_RATE_HZ), end)


def waveform_overview(vault: Vault, recording_id: int, n_bins: int = 1000) -> np.ndarray:
    """Peak level per bin (float32, 0..1) across the whole recording, read chunk by chunk."""
    rec, total = _recording_length(vault, recording_id)
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

    _each_chunk(vault, recording_id, rec.codec, 0, None, peak, total)
    return peaks
