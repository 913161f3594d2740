"""Recordings, their audio chunks and markers: the repository (the only SQL for them).

A recording is a run of about-one-second chunks (mono, 16 kHz, encoded by ``codec``)
committed as they are captured, so a crash loses at most the chunk being filled. Markers are
rows with sample offsets on the recording's own sample clock (stored samples only: paused or
uncaptured off-the-record time does not advance it).

The capture writer thread uses its own connection: pass ``conn=vault.connect()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from core.errors import AudioDamaged, InvalidInput, Msg, NotFound
from core.vault.db import Connection, Vault, is_damaged_page, now_iso

SOURCES = ("mic", "import")
STATES = ("recording", "complete", "recovered", "failed")
# No chunk is longer than this (writers make about one second), so a range read can seek by
# start_sample with the (recording_id, start_sample) index.
MAX_CHUNK_SAMPLES = 1 << 18
MARKER_KINDS = ("next_question", "off_record_start", "off_record_end", "pause", "resume", "bookmark")


@dataclass(frozen=True)
class Recording:
    id: int
    interview_id: str
    source: str              # mic | import
    source_name: str         # file name for imports (no folder); '' for the microphone
    device_name: str
    sample_rate_hz: int
    codec: str               # flac | pcm16
    state: str               # recording | complete | recovered | failed
    started_at: str
    ended_at: str | None
    total_samples: int
    capture_off_record: bool
    error: str               # '' or a short code: disk_full | device_lost | ...

    @property
    def duration_s(self) -> float:
        return self.total_samples / self.sample_rate_hz if self.sample_rate_hz else 0.0


@dataclass(frozen=True)
class Marker:
    id: int
    recording_id: int
    kind: str
    sample_offset: int
    question_id: str | None
    label: str
    created_at: str


@dataclass(frozen=True)
class ChunkRow:
    seq: int
    start_sample: int
    n_samples: int
    data: bytes


@dataclass(frozen=True)
class ChunkSpan:
    """Where a chunk lies, without its audio (read from the table row, not its overflow pages)."""

    seq: int
    start_sample: int
    n_samples: int


@dataclass(frozen=True)
class ChunkKey:
    """Where a chunk lies as a listing found it: row id, number, start and length (-1: unknown)."""

    rowid: int
    seq: int
    start_sample: int
    n_samples: int


@contextmanager
def _reading_audio() -> Iterator[None]:
    """Turn a page SQLite cannot read into ``AudioDamaged`` (a raw DatabaseError tells nobody what to do)."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        if is_damaged_page(exc):
            raise AudioDamaged() from exc
        raise


_REC_COLS = ("id, interview_id, source, source_name, device_name, sample_rate_hz, codec, state,"
             " started_at, ended_at, total_samples, capture_off_record, error")


def _recording(row: Any) -> Recording:
    return Recording(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                     row[10], bool(row[11]), row[12])


def _marker(row: Any) -> Marker:
    return Marker(row[0], row[1], row[2], row[3], row[4], row[5], row[6])


def insert_chunk(conn: Any, recording_id: int, seq: int, start_sample: int, n_samples: int,
                 data: bytes) -> None:
    """Insert one chunk and move the recording's total on (caller holds the transaction).

    A plain function so the benchmark can run the very same SQL on a plain SQLite file.
    """
    conn.execute("INSERT INTO audio_chunks (recording_id, seq, start_sample, n_samples, data)"
                 " VALUES (?,?,?,?,?)", (recording_id, seq, start_sample, n_samples, data))
    conn.execute("UPDATE recordings SET total_samples = ? WHERE id = ?",
                 (start_sample + n_samples, recording_id))


# Chunks overlapping [start, end): no chunk is longer than MAX_CHUNK_SAMPLES, so the
# (recording_id, start_sample) index bounds the scan from below.
_OVERLAPS = (" WHERE recording_id = ? AND start_sample < ? AND start_sample >= ?"
             " AND start_sample + n_samples > ?")


def _overlap_args(recording_id: int, start_sample: int, end_sample: int | None) -> tuple[int, ...]:
    end = end_sample if end_sample is not None else (1 << 62)
    return (recording_id, end, start_sample - MAX_CHUNK_SAMPLES, start_sample)


class RecordingRepo:
    """Recordings of interviews. ``conn``: use this connection (a writer thread's own)."""

    def __init__(self, vault: Vault, conn: Connection | None = None) -> None:
        self.vault = vault
        self._conn = conn

    @property
    def conn(self) -> Connection:
        return self._conn if self._conn is not None else self.vault.conn

    # --- recordings ----------------------------------------------------------------------
    def create(self, interview_id: str, source: str, *, source_name: str = "", device_name: str = "",
               capture_off_record: bool = False, sample_rate_hz: int = 16000,
               codec: str = "flac") -> Recording:
        if source not in SOURCES:
            raise ValueError(source)
        with self.vault.transaction(self.conn) as conn:
            if conn.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound(Msg("vault.no_interview", interview_id=interview_id),
                               Msg("vault.no_interview.hint"))
            cur = conn.execute(
                "INSERT INTO recordings (interview_id, source, source_name, device_name, sample_rate_hz,"
                " codec, state, started_at, capture_off_record) VALUES (?,?,?,?,?,?,?,?,?)",
                (interview_id, source, source_name, device_name, sample_rate_hz, codec, "recording",
                 now_iso(), int(capture_off_record)))
            rid = int(cur.lastrowid)
        return self.get(rid)

    def get(self, recording_id: int) -> Recording:
        row = self.conn.execute(f"SELECT {_REC_COLS} FROM recordings WHERE id = ?",
                                (recording_id,)).fetchone()
        if row is None:
            raise NotFound(Msg("vault.no_recording", recording_id=recording_id),
                           Msg("vault.no_recording_2.hint"))
        return _recording(row)

    def for_interview(self, interview_id: str) -> list[Recording]:
        rows = self.conn.execute(f"SELECT {_REC_COLS} FROM recordings WHERE interview_id = ? ORDER BY id",
                                 (interview_id,)).fetchall()
        return [_recording(r) for r in rows]

    def latest(self, interview_id: str) -> Recording | None:
        recs = self.for_interview(interview_id)
        return recs[-1] if recs else None

    def unfinished(self) -> list[Recording]:
        rows = self.conn.execute(f"SELECT {_REC_COLS} FROM recordings WHERE state = 'recording'"
                                 " ORDER BY id").fetchall()
        return [_recording(r) for r in rows]

    def finish(self, recording_id: int, state: str = "complete", error: str = "") -> None:
        """Close a recording: its total becomes exactly what the committed chunks hold."""
        if state not in STATES:
            raise ValueError(state)
        with self.vault.transaction(self.conn) as conn:
            total = conn.execute("SELECT COALESCE(MAX(start_sample + n_samples), 0) FROM audio_chunks"
                                 " WHERE recording_id = ?", (recording_id,)).fetchone()[0]
            conn.execute("UPDATE recordings SET state = ?, ended_at = ?, total_samples = ?, error = ?"
                         " WHERE id = ?", (state, now_iso(), total, error, recording_id))

    def delete(self, recording_id: int) -> None:
        with self.vault.transaction(self.conn) as conn:
            conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))

    # --- chunks --------------------------------------------------------------------------
    def add_chunk(self, recording_id: int, seq: int, start_sample: int, n_samples: int,
                  data: bytes) -> None:
        """Commit one chunk in its own transaction (durable once this returns)."""
        with self.vault.transaction(self.conn) as conn:
            insert_chunk(conn, recording_id, seq, start_sample, n_samples, data)

    def add_chunks(self, recording_id: int, chunks: list[ChunkRow]) -> None:
        """Commit several chunks in one transaction (imports)."""
        with self.vault.transaction(self.conn) as conn:
            for c in chunks:
                insert_chunk(conn, recording_id, c.seq, c.start_sample, c.n_samples, c.data)

    def committed_samples(self, recording_id: int) -> int:
        with _reading_audio():
            return int(self.conn.execute(
                "SELECT COALESCE(MAX(start_sample + n_samples), 0) FROM audio_chunks WHERE recording_id = ?",
                (recording_id,)).fetchone()[0])

    def chunk_count(self, recording_id: int) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM audio_chunks WHERE recording_id = ?",
                                     (recording_id,)).fetchone()[0])

    def chunks(self, recording_id: int, start_sample: int = 0,
               end_sample: int | None = None) -> Iterator[ChunkRow]:
        """Chunks overlapping [start_sample, end_sample), in order (fetched lazily).

        Raises ``AudioDamaged`` at the first chunk whose pages cannot be read.
        """
        with _reading_audio():
            cur = self.conn.execute(
                "SELECT seq, start_sample, n_samples, data FROM audio_chunks" + _OVERLAPS + " ORDER BY seq",
                _overlap_args(recording_id, start_sample, end_sample))
            for row in cur:
                yield ChunkRow(row[0], row[1], row[2], bytes(row[3]))

    def chunk_spans(self, recording_id: int, start_sample: int = 0,
                    end_sample: int | None = None) -> list[ChunkSpan]:
        """Where the chunks overlapping [start_sample, end_sample) lie, in order, without their audio."""
        with _reading_audio():
            rows = self.conn.execute(
                "SELECT seq, start_sample, n_samples FROM audio_chunks" + _OVERLAPS + " ORDER BY seq",
                _overlap_args(recording_id, start_sample, end_sample)).fetchall()
        return [ChunkSpan(r[0], r[1], r[2]) for r in rows]

    def chunk_list(self, recording_id: int, how: str, start_sample: int = 0,
                   end_sample: int | None = None) -> list[ChunkKey]:
        """The chunks of a recording (overlapping the range, for ``range``), in order, without
        their audio, read ``how`` — for when some page on the usual way is damaged:

        - ``range``: the (recording_id, start_sample) index, then the rows (the usual way);
        - ``scan``: the table's rows alone, no index (a damaged index page);
        - ``by_start``: that index alone (the table's pages listing the chunks are damaged):
          ``seq`` is unknown (-1) and ``n_samples`` runs to the next chunk's start;
        - ``by_seq``: the primary-key index alone: only row ids and numbers (start -1).

        A chunk is then read by its row id (``chunk_by_rowid``), so only the chunks whose own
        pages are damaged are lost. ``AudioDamaged`` if this way cannot be read either.
        """
        queries = {
            "range": ("SELECT rowid, seq, start_sample, n_samples FROM audio_chunks" + _OVERLAPS + " ORDER BY seq",
                      _overlap_args(recording_id, start_sample, end_sample)),
            "scan": (("SELECT rowid, seq, start_sample, n_samples FROM audio_chunks NOT INDEXED"
                     " WHERE recording_id = ? ORDER BY seq"), (recording_id,)),
            "by_start": (("SELECT rowid, -1, start_sample, -1 FROM audio_chunks INDEXED BY audio_chunks_by_start"
                         " WHERE recording_id = ? ORDER BY start_sample"), (recording_id,)),
            "by_seq": (("SELECT rowid, seq, -1, -1 FROM audio_chunks INDEXED BY sqlite_autoindex_audio_chunks_1"
                       " WHERE recording_id = ? ORDER BY seq"), (recording_id,)),
        }
        sql, args = queries[how]
        with _reading_audio():
            rows = self.conn.execute(sql, args).fetchall()
        self.check_readable()
        keys = [ChunkKey(*map(int, r)) for r in rows]
        if how == "by_start":
            total = self.get(recording_id).total_samples
            ends = [k.start_sample for k in keys[1:]] + [max(total, keys[-1].start_sample if keys else 0)]
            keys = [ChunkKey(k.rowid, -1, k.start_sample, max(0, min(e - k.start_sample, MAX_CHUNK_SAMPLES)))
                    for k, e in zip(keys, ends, strict=True)]
        return keys

    def chunk_by_rowid(self, rowid: int) -> ChunkRow:
        """One chunk by its row id (see ``chunk_keys``); ``AudioDamaged`` if it cannot be read.

        After ``AudioDamaged`` this connection fails every read: close it.
        """
        with _reading_audio():
            row = self.conn.execute("SELECT seq, start_sample, n_samples, data FROM audio_chunks"
                                    " WHERE rowid = ?", (rowid,)).fetchone()
        self.check_readable()
        if row is None:
            raise AudioDamaged()
        return ChunkRow(row[0], row[1], row[2], bytes(row[3]))

    def chunk_data(self, recording_id: int, seq: int) -> bytes:
        """One chunk's encoded audio; ``AudioDamaged`` if any of its pages cannot be read.

        After ``AudioDamaged`` this connection fails every read: close it.
        """
        with _reading_audio():
            row = self.conn.execute("SELECT data FROM audio_chunks WHERE recording_id = ? AND seq = ?",
                                    (recording_id, seq)).fetchone()
        self.check_readable()
        if row is None:
            raise NotFound(Msg("vault.no_chunk_recording", seq=seq, recording_id=recording_id))
        return bytes(row[0])

    def check_readable(self) -> None:
        """``AudioDamaged`` if this connection has met a damaged page since it opened.

        SQLCipher hands back a page that fails its check as zeros and fails only the *next*
        read, so a read that returned may still hold zeros. Dropping the cache first makes
        this check really read a page.
        """
        with _reading_audio():
            self.conn.execute("PRAGMA shrink_memory")
            self.conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()

    # --- markers -------------------------------------------------------------------------
    def add_marker(self, recording_id: int, kind: str, sample_offset: int, question_id: str | None = None,
                   label: str = "") -> Marker:
        if kind not in MARKER_KINDS:
            raise InvalidInput(Msg("vault.unknown_marker_kind", kind=kind), Msg("vault.unknown_marker_kind.hint", marker_kinds=', '.join(MARKER_KINDS)))
        with self.vault.transaction(self.conn) as conn:
            cur = conn.execute(
                "INSERT INTO markers (recording_id, kind, sample_offset, question_id, label, created_at)"
                " VALUES (?,?,?,?,?,?)", (recording_id, kind, int(sample_offset), question_id, label, now_iso()))
            mid = int(cur.lastrowid)
        row = self.conn.execute("SELECT id, recording_id, kind, sample_offset, question_id, label, created_at"
                                " FROM markers WHERE id = ?", (mid,)).fetchone()
        return _marker(row)

    def markers(self, recording_id: int) -> list[Marker]:
        rows = self.conn.execute(
            "SELECT id, recording_id, kind, sample_offset, question_id, label, created_at FROM markers"
            " WHERE recording_id = ? ORDER BY sample_offset, id", (recording_id,)).fetchall()
        return [_marker(r) for r in rows]
