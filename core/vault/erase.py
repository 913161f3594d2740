"""Erasing an interview or one recording so that nothing of it is left in vault.db or its WAL.

A plain DELETE is not enough in SQLite (docs/decisions/0135-erase-without-remnants.md):

* ``secure_delete`` (set on every connection) zeroes deleted cells and freed pages;
* the FTS5 index keeps every deleted word in its segment b-trees until it is rebuilt, so
  each full-text index is rebuilt from its content in the same transaction;
* earlier page versions stay in vault.db-wal until a checkpoint copies the zeroed pages over
  them and the WAL is truncated (``wal_checkpoint(TRUNCATE)``).

Rows are found by column name as well as by foreign key, so a table a later capability adds
with an ``interview_id`` or ``recording_id`` column is swept too. ``packets_sent`` (ids and
hashes only) and the security log are kept on purpose: a withdrawal notice needs the packet
ids after the interview is gone.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from core.errors import CoreError, InvalidInput, Msg, NotFound
from core.vault import auditlog
from core.vault.db import Vault

log = logging.getLogger(__name__)

# Tables that keep an erased interview's id on purpose (ids, dates and hashes; no content).
KEPT_TABLES = frozenset({"packets_sent", "audit_log", "erased_items", "receipts", "withdrawals"})
CHECKPOINT_TRIES = 50


class EraseIncomplete(CoreError):
    user_message = "The interview was deleted, but old copies of its pages could not be cleared yet."
    hint = ("Another window or command is reading the vault. Close it, then run "
            "`confidant audit` (or delete again) to finish clearing.")


@dataclass(frozen=True)
class EraseCounts:
    """What an erase removed (counts only; safe to log and show)."""

    interview_id: str
    recordings: int = 0
    audio_chunks: int = 0
    transcripts: int = 0
    segments: int = 0
    wal_truncated: bool = False


def _tables(conn: Any) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").fetchall()
    return [name for name, sql in rows
            if not name.startswith("sqlite_") and not (sql or "").upper().startswith("CREATE VIRTUAL")]


def _columns(conn: Any, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}


def fts_tables(conn: Any) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").fetchall()
    return [name for name, sql in rows if "USING FTS5" in (sql or "").upper()]


def rebuild_fts(conn: Any) -> None:
    """Rebuild every FTS5 index from its content (drops the deleted words it still holds)."""
    for table in fts_tables(conn):
        try:
            conn.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
        except sqlcipher3.Error:  # a contentless index cannot be rebuilt; merging drops deleted rows
            conn.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')')


def checkpoint_truncate(vault: Vault) -> bool:
    """Copy the WAL into vault.db and truncate it; False if readers kept it busy throughout."""
    conn = vault.conn
    for attempt in range(CHECKPOINT_TRIES):
        busy, _log_frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return True
        time.sleep(min(0.02 * (attempt + 1), 0.2))
    log.warning("wal checkpoint stayed busy after %d tries", CHECKPOINT_TRIES)
    return False


def _mark_pending(conn: Any) -> None:
    # Cleared once the WAL is truncated; while set, old page copies may still be in the WAL.
    conn.execute("INSERT INTO meta (key, value) VALUES ('erase_pending', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = '1'")


def finish_pending(vault: Vault) -> bool:
    """Truncate the WAL after an erase; clear the pending mark once done. False if still busy."""
    if not checkpoint_truncate(vault):
        return False
    with vault.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = 'erase_pending'")
    return True


def is_erase_pending(vault: Vault) -> bool:
    return vault.meta("erase_pending") is not None


def scrub(vault: Vault) -> bool:
    """Rebuild the text indexes and clear the WAL (finishes an interrupted or busy erase)."""
    with vault.transaction() as conn:
        rebuild_fts(conn)
        _mark_pending(conn)
    return finish_pending(vault)


def _sweep(conn: Any, column: str, ids: list[Any], skip: set[str]) -> None:
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    for table in _tables(conn):
        if table in KEPT_TABLES or table in skip or column not in _columns(conn, table):
            continue
        conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({marks})', ids)


def _recording_rows(conn: Any, column: str, value: Any) -> tuple[list[int], int]:
    ids = [r[0] for r in conn.execute(f"SELECT id FROM recordings WHERE {column} = ?", (value,))]
    chunks = 0
    for rid in ids:
        chunks += conn.execute("SELECT COUNT(*) FROM audio_chunks WHERE recording_id = ?", (rid,)).fetchone()[0]
    return ids, chunks


def erase_interview(vault: Vault, interview_id: str, *, event: str = "interview_deleted",
                    extra: dict[str, Any] | None = None) -> EraseCounts:
    """Remove every row of an interview, rebuild the text index, clear the WAL; log the id only."""
    with vault.transaction() as conn:
        row = conn.execute("SELECT state FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise NotFound(Msg("vault.no_interview", interview_id=interview_id),
                           Msg("vault.no_interview.hint"))
        if conn.execute("SELECT 1 FROM recordings WHERE interview_id = ? AND state = 'recording'",
                        (interview_id,)).fetchone():
            raise InvalidInput(Msg("vault.interview_being_recorded"), Msg("vault.interview_being_recorded.hint"))
        rec_ids, chunks = _recording_rows(conn, "interview_id", interview_id)
        tids = [r[0] for r in conn.execute("SELECT id FROM transcripts WHERE interview_id = ?", (interview_id,))]
        segments = 0
        for tid in tids:
            segments += conn.execute("SELECT COUNT(*) FROM segments WHERE transcript_id = ?", (tid,)).fetchone()[0]
        # Children first: a later table may reference recordings or segments without a cascade.
        _sweep(conn, "recording_id", rec_ids, skip={"recordings"})
        _sweep(conn, "interview_id", [interview_id], skip=set())
        conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
        rebuild_fts(conn)
        counts = EraseCounts(interview_id, len(rec_ids), chunks, len(tids), segments)
        auditlog.append(conn, event, {"interview": interview_id, "recordings": len(rec_ids),
                                      "transcripts": len(tids), "segments": segments, **(extra or {})})
        _mark_pending(conn)
    truncated = finish_pending(vault)
    log.info("erased interview=%s recordings=%d segments=%d wal_truncated=%s",
             interview_id, len(rec_ids), segments, truncated)
    return EraseCounts(counts.interview_id, counts.recordings, counts.audio_chunks, counts.transcripts,
                       counts.segments, truncated)


def erase_recording(vault: Vault, recording_id: int, *, event: str = "recording_deleted",
                    extra: dict[str, Any] | None = None) -> EraseCounts:
    """Remove one recording's audio and markers; its transcripts stay (they no longer point to it)."""
    with vault.transaction() as conn:
        row = conn.execute("SELECT interview_id, state FROM recordings WHERE id = ?", (recording_id,)).fetchone()
        if row is None:
            raise NotFound(Msg("vault.no_recording", recording_id=recording_id),
                           Msg("vault.no_recording.hint"))
        interview_id, state = row
        if state == "recording":
            raise InvalidInput(Msg("vault.take_still_being_recorded"), Msg("vault.interview_being_recorded.hint"))
        chunks = conn.execute("SELECT COUNT(*) FROM audio_chunks WHERE recording_id = ?",
                              (recording_id,)).fetchone()[0]
        conn.execute("UPDATE transcripts SET recording_id = NULL WHERE recording_id = ?", (recording_id,))
        _sweep(conn, "recording_id", [recording_id], skip={"recordings", "transcripts"})
        conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))
        auditlog.append(conn, event, {"interview": interview_id, "recording": recording_id,
                                      "chunks": chunks, **(extra or {})})
        _mark_pending(conn)
    truncated = finish_pending(vault)
    log.info("erased recording=%d chunks=%d wal_truncated=%s", recording_id, chunks, truncated)
    return EraseCounts(interview_id, 1, chunks, 0, 0, truncated)


def leftover_rows(vault: Vault, interview_ids: list[str], recording_ids: list[int]) -> dict[str, int]:
    """Rows that still carry an erased interview's or recording's id: {table: count} (empty = none)."""
    conn = vault.conn
    out: dict[str, int] = {}
    for column, ids in (("interview_id", interview_ids), ("recording_id", recording_ids)):
        if not ids:
            continue
        marks = ",".join("?" * len(ids))
        for table in _tables(conn):
            if table in KEPT_TABLES or column not in _columns(conn, table):
                continue
            n = conn.execute(f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" IN ({marks})', ids).fetchone()[0]
            if n:
                out[table] = out.get(table, 0) + n
    if interview_ids:
        marks = ",".join("?" * len(interview_ids))
        n = conn.execute(f"SELECT COUNT(*) FROM interviews WHERE id IN ({marks})", interview_ids).fetchone()[0]
        if n:
            out["interviews"] = n
    if recording_ids:
        marks = ",".join("?" * len(recording_ids))
        n = conn.execute(f"SELECT COUNT(*) FROM recordings WHERE id IN ({marks})", recording_ids).fetchone()[0]
        if n:
            out["recordings"] = out.get("recordings", 0) + n
    return out


def erased_ids(vault: Vault) -> tuple[list[str], list[int]]:
    """Interview and recording ids the security log says were erased."""
    interviews: list[str] = []
    recordings: list[int] = []
    for entry in auditlog.entries(vault.conn):
        if entry.event in ("interview_deleted", "interview_withdrawn"):
            interviews.append(str(entry.details.get("interview", "")))
        elif entry.event in ("recording_deleted", "audio_retention_deleted"):
            recordings.append(int(entry.details.get("recording", 0)))
    return [i for i in interviews if i], [r for r in recordings if r]


# --- coordinator: withdrawn packets -------------------------------------------------------------
@dataclass(frozen=True)
class WithdrawOutcome:
    removed: list[str]          # packet ids whose data was erased now
    recorded: list[str]         # packet ids tombstoned without data here (not arrived yet)
    refused: list[str]          # packet ids held only from other devices: not this device's to withdraw
    already: list[str]          # packet ids withdrawn before


def withdrawn_at(conn: Any, device_fingerprint: str, packet_id: str) -> str | None:
    """The day a packet of this device was withdrawn, or None."""
    row = conn.execute("SELECT withdrawn_at FROM withdrawals WHERE device_fingerprint = ? AND packet_id = ?",
                       (device_fingerprint, packet_id)).fetchone()
    return str(row[0]) if row else None


def erase_withdrawn(conn: Any, device_fingerprint: str, packet_ids: list[str], notice_id: str,
                    withdrawn_on: str, received_at: str) -> WithdrawOutcome:
    """Inside the caller's transaction: erase this device's packets and keep only tombstones.

    Only (device, packet id) pairs of the notice's own device are touched: a packet id another
    device sent is refused (the notice cannot withdraw what its device did not send). The
    caller commits and then calls ``finish_pending`` to clear the WAL.
    """
    removed, recorded, refused, already = [], [], [], []
    for pid in packet_ids:
        if withdrawn_at(conn, device_fingerprint, pid) is not None:
            already.append(pid)
            continue
        mine = conn.execute("SELECT id FROM packets_received WHERE device_fingerprint = ? AND packet_id = ?",
                            (device_fingerprint, pid)).fetchone()
        held = conn.execute("SELECT COUNT(*) FROM inbox_quarantine WHERE device_fingerprint = ? AND packet_id = ?",
                            (device_fingerprint, pid)).fetchone()[0]
        others = conn.execute("SELECT 1 FROM packets_received WHERE packet_id = ? AND device_fingerprint != ?",
                              (pid, device_fingerprint)).fetchone()
        if mine is None and not held and others is not None:
            refused.append(pid)
            continue
        if mine is not None:
            conn.execute("DELETE FROM packets_received WHERE id = ?", (mine[0],))   # inbox rows cascade
            removed.append(pid)
        else:
            recorded.append(pid)
        conn.execute("DELETE FROM inbox_quarantine WHERE device_fingerprint = ? AND packet_id = ?",
                     (device_fingerprint, pid))
        conn.execute("INSERT INTO withdrawals (device_fingerprint, packet_id, notice_id, withdrawn_at, received_at)"
                     " VALUES (?,?,?,?,?)", (device_fingerprint, pid, notice_id, withdrawn_on, received_at))
    if removed:
        # A packet that replaced or was replaced by a withdrawn one keeps no link to it.
        marks = ",".join("?" * len(removed))
        conn.execute(f"UPDATE packets_received SET superseded_by = NULL WHERE device_fingerprint = ?"
                     f" AND superseded_by IN ({marks})", (device_fingerprint, *removed))
        rebuild_fts(conn)
        _mark_pending(conn)
    auditlog.append(conn, "packets_withdrawn", {
        "device": device_fingerprint, "notice": notice_id, "removed": len(removed),
        "recorded": len(recorded), "refused": len(refused)})
    return WithdrawOutcome(removed, recorded, refused, already)


def leftover_withdrawn(vault: Vault) -> int:
    """Rows of withdrawn packets still in the inbox or quarantine (0 when every withdrawal is clean)."""
    conn = vault.conn
    n = 0
    for table in ("packets_received", "inbox_quarantine"):
        n += conn.execute(f"SELECT COUNT(*) FROM {table} t JOIN withdrawals w ON w.device_fingerprint ="
                          f" t.device_fingerprint AND w.packet_id = t.packet_id").fetchone()[0]
    return int(n)
