"""The coordinator's inbox: enrolled devices, received packets and imported interviews.

The only SQL for ``enrolled_devices``, ``packets_received`` and the ``inbox_*`` tables.
Import decisions (what is a duplicate, a conflict, a supersede) are made by
``core.coordinator.inbox`` inside one ``InboxRepo.transaction()``, so the look-up and the
write of one packet can never interleave with another import of the same id.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from core.documents.interview import INTERVIEW_FORMAT, InterviewDoc, InvalidInterviewDoc
from core.vault import auditlog
from core.vault.db import Connection, Vault, now_iso

log = logging.getLogger(__name__)

# packets_received.status values
IMPORTED = "imported"        # the current version of an interview
SUPERSEDED = "superseded"    # kept as history; a later packet replaced it
QUARANTINED = "quarantined"  # listed from inbox_quarantine: unknown device, never opened
INTERVIEW_PAGE = 200         # interviews read per page by ``iter_interviews``


@dataclass(frozen=True)
class Device:
    id: int
    label: str
    public_key: str
    fingerprint: str
    enrolled_at: str


@dataclass(frozen=True)
class ReceivedPacket:
    packet_id: str
    device_fingerprint: str
    status: str
    supersedes: str | None
    superseded_by: str | None
    header: dict[str, Any]
    payload_sha256: str
    received_at: str
    reason: str
    pk: int = 0  # the row's key; packets are unique by (device_fingerprint, packet_id)

    @property
    def header_digest(self) -> str:
        return str(self.header.get("header_digest", ""))


@dataclass(frozen=True)
class QuarantinedPacket:
    """One unverified packet held for a device that is not enrolled (its claims are unchecked)."""

    id: int
    device_fingerprint: str
    packet_id: str
    file_sha256: str
    header: dict[str, Any]
    size_bytes: int
    has_bytes: bool     # False: only the header is kept; the file must still be at source_path
    source_path: str
    received_at: str
    reason: str

    def as_received(self) -> ReceivedPacket:
        return ReceivedPacket(self.packet_id, self.device_fingerprint, QUARANTINED,
                              self.header.get("supersedes"), None, self.header,
                              str(self.header.get("payload_sha256", "")), self.received_at,
                              self.reason, 0)


@dataclass(frozen=True)
class QuarantineUsage:
    packets: int
    bytes_kept: int


@dataclass(frozen=True)
class InboxEvent:
    id: int
    at: str
    packet_id: str
    file_name: str
    verdict: str
    code: str
    reason: str


_PACKET_COLS = ("packet_id, device_fingerprint, status, supersedes, superseded_by, header, "
                "payload_sha256, received_at, reason, id")
# inbox_quarantine.header_digest holds the SHA-256 of the whole file: two files with the same
# header but different signatures or payloads (a forger copying a real header) are two entries,
# so a forged copy can never make the real one look "already held".
_QUARANTINE_COLS = ("id, device_fingerprint, packet_id, header_digest, header, size_bytes, "
                    "packet IS NOT NULL, source_path, received_at, reason")


def _packet(row: tuple[Any, ...]) -> ReceivedPacket:
    return ReceivedPacket(row[0], row[1], row[2], row[3], row[4], json.loads(row[5] or "{}"),
                          row[6], row[7], row[8], row[9])


def _held(row: tuple[Any, ...]) -> QuarantinedPacket:
    return QuarantinedPacket(row[0], row[1], row[2], row[3], json.loads(row[4] or "{}"), row[5],
                             bool(row[6]), row[7], row[8], row[9])


class InboxTx:
    """Inbox reads and writes inside one open transaction (from ``InboxRepo.transaction``)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, device_fingerprint: str, packet_id: str) -> ReceivedPacket | None:
        """The opened packet this device sent under this id (ids are per device, spec §8)."""
        row = self.conn.execute(f"SELECT {_PACKET_COLS} FROM packets_received"
                                " WHERE device_fingerprint = ? AND packet_id = ?",
                                (device_fingerprint, packet_id)).fetchone()
        return _packet(row) if row else None

    def held_by_others(self, device_fingerprint: str, packet_id: str) -> list[ReceivedPacket]:
        """Opened packets with this id from *other* devices."""
        return [_packet(r) for r in self.conn.execute(
            f"SELECT {_PACKET_COLS} FROM packets_received WHERE packet_id = ? AND device_fingerprint != ?"
            " ORDER BY id", (packet_id, device_fingerprint))]

    def replaced_by(self, device_fingerprint: str, packet_id: str) -> ReceivedPacket | None:
        """The opened packet of the same device that names ``packet_id`` as superseded."""
        row = self.conn.execute(
            f"SELECT {_PACKET_COLS} FROM packets_received WHERE device_fingerprint = ? AND supersedes = ?"
            " ORDER BY id LIMIT 1", (device_fingerprint, packet_id)).fetchone()
        return _packet(row) if row else None

    def claims_from_others(self, device_fingerprint: str, packet_id: str) -> list[ReceivedPacket]:
        """Packets of other devices whose SUPERSEDES names this id (they never change it)."""
        return [_packet(r) for r in self.conn.execute(
            f"SELECT {_PACKET_COLS} FROM packets_received WHERE supersedes = ? AND device_fingerprint != ?"
            " ORDER BY id", (packet_id, device_fingerprint))]

    def trusted_devices(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT fingerprint, public_key FROM enrolled_devices")}

    # --- quarantine ----------------------------------------------------------------------
    def held(self, file_sha256: str) -> QuarantinedPacket | None:
        row = self.conn.execute(f"SELECT {_QUARANTINE_COLS} FROM inbox_quarantine WHERE header_digest = ?",
                                (file_sha256,)).fetchone()
        return _held(row) if row else None

    def quarantine_usage(self, device_fingerprint: str | None = None) -> QuarantineUsage:
        sql, args = "SELECT COUNT(*), COALESCE(SUM(length(packet)), 0) FROM inbox_quarantine", tuple[str, ...]()
        if device_fingerprint is not None:
            sql, args = sql + " WHERE device_fingerprint = ?", (device_fingerprint,)
        count, kept = self.conn.execute(sql, args).fetchone()
        return QuarantineUsage(int(count), int(kept))

    def quarantine(self, header: dict[str, Any], file_sha256: str, size_bytes: int,
                   packet: bytes | None, source_path: str, reason: str) -> None:
        """Hold an unverified packet; ``packet`` None keeps only its header and where it lies."""
        self.conn.execute(
            "INSERT INTO inbox_quarantine (device_fingerprint, packet_id, header_digest, header,"
            " size_bytes, packet, source_path, received_at, reason) VALUES (?,?,?,?,?,?,?,?,?)",
            (header["device_fingerprint"], header["packet_id"], file_sha256,
             json.dumps(header, sort_keys=True), size_bytes, packet, source_path, now_iso(), reason))

    def drop_held(self, entry_id: int) -> None:
        """Drop one quarantine entry (the very one that was tried), never others with its id."""
        self.conn.execute("DELETE FROM inbox_quarantine WHERE id = ?", (entry_id,))

    def drop_held_copies(self, file_sha256: str) -> None:
        """Drop a held copy of a packet that has now been verified and stored (same bytes)."""
        self.conn.execute("DELETE FROM inbox_quarantine WHERE header_digest = ?", (file_sha256,))

    # --- opened packets ------------------------------------------------------------------
    def mark_superseded(self, device_fingerprint: str, packet_id: str, by: str) -> None:
        self.conn.execute("UPDATE packets_received SET status = ?, superseded_by = ?"
                          " WHERE device_fingerprint = ? AND packet_id = ?",
                          (SUPERSEDED, by, device_fingerprint, packet_id))
        # by packet_pk (the key): a WHERE on device and id would scan inbox_interviews
        self.conn.execute("UPDATE inbox_interviews SET is_current = 0 WHERE packet_pk IN (SELECT id FROM"
                          " packets_received WHERE device_fingerprint = ? AND packet_id = ?)",
                          (device_fingerprint, packet_id))

    def store(self, header: dict[str, Any], packet: bytes, interview: InterviewDoc,
              *, superseded_by: str | None = None, reason: str = "") -> int:
        """Store an opened packet and its validated interview (current unless ``superseded_by``)."""
        pid, dev = header["packet_id"], header["device_fingerprint"]
        status = SUPERSEDED if superseded_by else IMPORTED
        now = now_iso()
        cur = self.conn.execute(
            "INSERT INTO packets_received (packet_id, device_fingerprint, status, supersedes,"
            " superseded_by, header, payload_sha256, packet, received_at, reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (pid, dev, status, header.get("supersedes"), superseded_by,
             json.dumps(header, sort_keys=True), header["payload_sha256"], packet, now, reason))
        pk = int(cur.lastrowid)
        meta, guide, deid = interview.interview, interview.guide, interview.deid
        self.conn.execute(
            "INSERT INTO inbox_interviews (packet_pk, packet_id, device_fingerprint, code, site, month,"
            " language, consent_method, consent_witnessed, guide_id, guide_version, guide_title,"
            " signed_off_at, redactions, app_version, is_current, imported_at, study_id, study_version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (pk, pid, dev, meta.code, meta.site, meta.month, meta.language, meta.consent.method,
             int(meta.consent.witnessed), guide.id, guide.version, guide.title, deid.signed_off_at,
             json.dumps(deid.redaction_counts(), sort_keys=True), interview.app.version,
             0 if superseded_by else 1, now,
             interview.study.id if interview.study else None,
             interview.study.version if interview.study else None))
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_questions (packet_pk, question_id, position, text, section)"
            " VALUES (?,?,?,?,?)",
            [(pk, q.id, n, q.text, q.section) for n, q in enumerate(interview.questions)])
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_codebook (packet_pk, theme_id, position, label, description,"
            " parent) VALUES (?,?,?,?,?,?)",
            [(pk, t.id, n, t.label, t.description, t.parent) for n, t in enumerate(interview.codebook)])
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_segments (packet_pk, idx, question_id, speaker, start_ms, end_ms,"
            " text) VALUES (?,?,?,?,?,?,?)",
            [(pk, s.index, s.question_id, s.speaker, s.start_ms, s.end_ms, s.text)
             for s in interview.segments])
        self.conn.executemany(
            "INSERT INTO inbox_tags (packet_pk, segment_idx, theme_id, start_char, end_char, source)"
            " VALUES (?,?,?,?,?,?)",
            [(pk, t.segment, t.theme, t.start, t.end, t.source) for t in interview.tags])
        self.conn.executemany(
            "INSERT INTO inbox_memos (packet_pk, segment_idx, text) VALUES (?,?,?)",
            [(pk, m.segment, m.text) for m in interview.memos])
        return pk

    def log_event(self, packet_id: str, file_name: str, verdict: str, code: str = "",
                  reason: str = "") -> None:
        self.conn.execute(
            "INSERT INTO inbox_events (at, packet_id, file_name, verdict, code, reason)"
            " VALUES (?,?,?,?,?,?)", (now_iso(), packet_id, file_name, verdict, code, reason))
        if verdict in ("imported", "superseded", "conflict", "rejected"):
            auditlog.append(self.conn, f"packet_{verdict}", {"packet": packet_id, "code": code})


class InboxRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    @contextmanager
    def transaction(self) -> Iterator[InboxTx]:
        with self.vault.transaction() as conn:
            yield InboxTx(conn)

    # --- devices -------------------------------------------------------------------------
    def add_device(self, label: str, public_key: str, fingerprint: str) -> tuple[Device, bool]:
        """Enrol a device; returns it and whether it is new (enrolling again keeps the first label)."""
        with self.vault.transaction() as conn:
            cur = conn.execute("INSERT OR IGNORE INTO enrolled_devices (label, public_key, fingerprint,"
                               " enrolled_at) VALUES (?,?,?,?)", (label, public_key, fingerprint, now_iso()))
            is_new = bool(cur.rowcount)
            if is_new:
                auditlog.append(conn, "device_enrolled", {"fingerprint": fingerprint})
        device = self.device(fingerprint)
        assert device is not None
        return device, is_new

    def device(self, fingerprint: str) -> Device | None:
        row = self.vault.conn.execute(
            "SELECT id, label, public_key, fingerprint, enrolled_at FROM enrolled_devices"
            " WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return Device(*row) if row else None

    def list_devices(self) -> list[Device]:
        return [Device(*r) for r in self.vault.conn.execute(
            "SELECT id, label, public_key, fingerprint, enrolled_at FROM enrolled_devices ORDER BY id")]

    def remove_device(self, fingerprint: str) -> bool:
        """Stop trusting a device (packets already imported from it stay)."""
        with self.vault.transaction() as conn:
            cur = conn.execute("DELETE FROM enrolled_devices WHERE fingerprint = ?", (fingerprint,))
            if cur.rowcount:
                auditlog.append(conn, "device_removed", {"fingerprint": fingerprint})
        return bool(cur.rowcount)

    def packet_counts(self, fingerprint: str | None = None) -> dict[str, int]:
        sql, args = "SELECT status, COUNT(*) FROM packets_received", tuple[str, ...]()
        if fingerprint:
            sql, args = sql + " WHERE device_fingerprint = ?", (fingerprint,)
        counts = {r[0]: r[1] for r in self.vault.conn.execute(sql + " GROUP BY status", args)}
        held = InboxTx(self.vault.conn).quarantine_usage(fingerprint).packets
        if held:
            counts[QUARANTINED] = held
        return counts

    # --- packets -------------------------------------------------------------------------
    def get(self, packet_id: str, device_fingerprint: str | None = None) -> ReceivedPacket | None:
        """An opened packet by id (and device; without one, the first that arrived with the id)."""
        if device_fingerprint is not None:
            return InboxTx(self.vault.conn).get(device_fingerprint, packet_id)
        row = self.vault.conn.execute(f"SELECT {_PACKET_COLS} FROM packets_received WHERE packet_id = ?"
                                      " ORDER BY id LIMIT 1", (packet_id,)).fetchone()
        return _packet(row) if row else None

    def list_packets(self, status: str | None = None) -> list[ReceivedPacket]:
        """Received packets (quarantined ones included unless another status is asked for)."""
        out: list[ReceivedPacket] = []
        if status != QUARANTINED:
            sql, args = f"SELECT {_PACKET_COLS} FROM packets_received", tuple[str, ...]()
            if status:
                sql, args = sql + " WHERE status = ?", (status,)
            out = [_packet(r) for r in self.vault.conn.execute(sql + " ORDER BY received_at, id", args)]
        if status in (None, QUARANTINED):
            out += [h.as_received() for h in self.quarantined()]
        return out

    def quarantined(self, device_fingerprint: str | None = None) -> list[QuarantinedPacket]:
        sql, args = f"SELECT {_QUARANTINE_COLS} FROM inbox_quarantine", tuple[str, ...]()
        if device_fingerprint is not None:
            sql, args = sql + " WHERE device_fingerprint = ?", (device_fingerprint,)
        return [_held(r) for r in self.vault.conn.execute(sql + " ORDER BY id", args)]

    def held_bytes(self, entry_id: int) -> bytes | None:
        row = self.vault.conn.execute("SELECT packet FROM inbox_quarantine WHERE id = ?",
                                      (entry_id,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def purge_quarantine(self, device_prefix: str | None = None) -> QuarantineUsage:
        """Delete held packets (of devices whose fingerprint starts with the prefix, or all)."""
        where, args = "", tuple[Any, ...]()
        if device_prefix:
            where, args = " WHERE substr(device_fingerprint, 1, ?) = ?", (len(device_prefix), device_prefix)
        with self.vault.transaction() as conn:
            count, kept = conn.execute("SELECT COUNT(*), COALESCE(SUM(length(packet)), 0)"
                                       " FROM inbox_quarantine" + where, args).fetchone()
            conn.execute("DELETE FROM inbox_quarantine" + where, args)
            if count:
                auditlog.append(conn, "quarantine_purged", {"packets": int(count)})
        return QuarantineUsage(int(count), int(kept))

    def remove_packet(self, device_fingerprint: str, packet_id: str) -> ReceivedPacket | None:
        """Delete an opened packet and its interview rows (the foreign keys cascade).

        If it was the current version of an interview, the packet of the same device it
        replaced (if here) becomes current again; if it was history, the chain skips over it.
        """
        with self.vault.transaction() as conn:
            tx = InboxTx(conn)
            gone = tx.get(device_fingerprint, packet_id)
            if gone is None:
                return None
            conn.execute("DELETE FROM packets_received WHERE id = ?", (gone.pk,))
            same_device = " WHERE device_fingerprint = ? AND superseded_by = ?"
            if gone.status == IMPORTED:
                conn.execute("UPDATE packets_received SET status = ?, superseded_by = NULL" + same_device,
                             (IMPORTED, device_fingerprint, packet_id))
                conn.execute("UPDATE inbox_interviews SET is_current = 1 WHERE packet_pk IN (SELECT id FROM"
                             " packets_received WHERE device_fingerprint = ? AND packet_id = ? AND status = ?)",
                             (device_fingerprint, gone.supersedes or "", IMPORTED))
            else:
                conn.execute("UPDATE packets_received SET superseded_by = ?" + same_device,
                             (gone.superseded_by, device_fingerprint, packet_id))
            tx.log_event(packet_id, "", "removed", "removed", f"removed by the coordinator (was {gone.status})")
            auditlog.append(conn, "packet_removed", {"packet": packet_id, "device": device_fingerprint,
                                                     "status": gone.status})
        return gone

    def packet_bytes(self, packet_id: str, device_fingerprint: str | None = None) -> bytes | None:
        found = self.get(packet_id, device_fingerprint)
        if found is None:
            return None
        row = self.vault.conn.execute("SELECT packet FROM packets_received WHERE id = ?",
                                      (found.pk,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def events(self, limit: int = 200) -> list[InboxEvent]:
        return [InboxEvent(*r) for r in self.vault.conn.execute(
            "SELECT id, at, packet_id, file_name, verdict, code, reason FROM inbox_events"
            " ORDER BY id DESC LIMIT ?", (limit,))]

    # --- imported interviews -------------------------------------------------------------
    def current_interviews(self, *, include_history: bool = False,
                           left_out: list[str] | None = None) -> list[InterviewDoc]:
        """The imported interviews as typed documents (current ones unless asked), all in a list.

        For a report over the whole inbox use ``iter_interviews``: it holds one page at a time.
        """
        return list(self.iter_interviews(include_history=include_history, left_out=left_out))

    def current_keys(self, *, include_history: bool = False) -> list[int]:
        """The row keys of the imported interviews (current ones unless asked), in report order
        (site, month, participant code, packet id): a few bytes an interview."""
        where = "" if include_history else " WHERE i.is_current = 1"
        return [int(r[0]) for r in self.vault.conn.execute(
            "SELECT i.packet_pk FROM inbox_interviews i" + where +
            " ORDER BY i.site, i.month, i.code, i.packet_id, i.packet_pk")]

    def iter_interviews(self, *, include_history: bool = False, left_out: list[str] | None = None,
                        keys: list[int] | None = None, page: int | None = None) -> Iterator[InterviewDoc]:
        """The imported interviews as typed documents, read ``page`` at a time, in report order
        (site, month, participant code, packet id).

        Only the list of row keys is read up front (``current_keys``, or ``keys`` to read the
        very interviews of an earlier pass again, even if a packet came or was replaced since);
        each page's rows are then read by key and the page's documents handed out before the next page is read,
        so memory stays flat however large the inbox. Each is rebuilt from its rows and parsed by
        ``InterviewDoc.from_json``, the same validator as at import, so a row stored by an older,
        laxer version cannot break a report: such an interview is left out, logged, and its
        packet id appended to ``left_out`` (once, however many passes) for the caller to tell
        the person (never dropped silently).
        """
        if keys is None:
            keys = self.current_keys(include_history=include_history)
        size = page or INTERVIEW_PAGE
        for n in range(0, len(keys), size):
            yield from self._interviews_by_key(keys[n:n + size], left_out)

    def _interviews_by_key(self, keys: list[int], left_out: list[str] | None) -> list[InterviewDoc]:
        conn = self.vault.conn
        marks = ",".join("?" * len(keys))
        rows = {r[0]: r for r in conn.execute(
            "SELECT i.packet_pk, i.packet_id, i.device_fingerprint, i.code, i.site, i.month, i.language,"
            " i.consent_method, i.consent_witnessed, i.guide_id, i.guide_version, i.guide_title,"
            " i.signed_off_at, i.redactions, i.app_version, p.supersedes, i.study_id, i.study_version"
            " FROM inbox_interviews i JOIN packets_received p ON p.id = i.packet_pk"
            f" WHERE i.packet_pk IN ({marks})", keys)}
        parts: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        where = f" WHERE t.packet_pk IN ({marks})"
        for pk, qid, text, section in conn.execute(
                "SELECT t.packet_pk, t.question_id, t.text, t.section FROM inbox_questions t" + where +
                " ORDER BY t.packet_pk, t.position", keys):
            parts[pk]["questions"].append({"id": qid, "text": text, "section": section})
        for pk, tid, label, desc, parent in conn.execute(
                "SELECT t.packet_pk, t.theme_id, t.label, t.description, t.parent FROM inbox_codebook t"
                + where + " ORDER BY t.packet_pk, t.position", keys):
            parts[pk]["codebook"].append({"id": tid, "label": label, "description": desc, "parent": parent})
        for pk, idx, qid, speaker, start, end, text in conn.execute(
                "SELECT t.packet_pk, t.idx, t.question_id, t.speaker, t.start_ms, t.end_ms, t.text"
                " FROM inbox_segments t" + where + " ORDER BY t.packet_pk, t.idx", keys):
            parts[pk]["segments"].append({"index": idx, "question_id": qid, "speaker": speaker,
                                          "start_ms": start, "end_ms": end, "text": text})
        for pk, seg, theme, start, end, source in conn.execute(
                "SELECT t.packet_pk, t.segment_idx, t.theme_id, t.start_char, t.end_char, t.source"
                " FROM inbox_tags t" + where + " ORDER BY t.packet_pk, t.id", keys):
            parts[pk]["tags"].append({"segment": seg, "theme": theme, "start": start, "end": end,
                                      "source": source})
        for pk, seg, text in conn.execute(
                "SELECT t.packet_pk, t.segment_idx, t.text FROM inbox_memos t" + where +
                " ORDER BY t.packet_pk, t.id", keys):
            parts[pk]["memos"].append({"segment": seg, "text": text})
        out = []
        for key in keys:
            row = rows.get(key)
            if row is None:  # removed since the list of keys was read
                continue
            (pk, pid, device, code, site, month, language, method, witnessed, gid, gver, gtitle, signed,
             redactions, app_version, supersedes, study_id, study_version) = row
            p = parts.get(pk, {})
            doc = {
                "format": INTERVIEW_FORMAT, "packet_id": pid, "supersedes": supersedes,
                "interview": {"code": code, "site": site, "month": month, "language": language,
                              "consent": {"method": method, "witnessed": bool(witnessed)}},
                "guide": {"id": gid, "version": gver, "title": gtitle},
                "codebook": p.get("codebook", []), "questions": p.get("questions", []),
                "segments": p.get("segments", []), "tags": p.get("tags", []),
                "memos": p.get("memos", []),
                "deid": {"signed_off_at": signed, "redactions": _json_or_none(redactions)},
                "app": {"name": "confidant", "version": app_version},
            }
            if study_id is not None:
                doc["study"] = {"id": study_id, "version": study_version}
            try:
                out.append(InterviewDoc.from_json(doc, device_fingerprint=device))
            except InvalidInterviewDoc as exc:
                log.warning("stored interview of packet %s left out: %d problem(s)", pid, len(exc.problems))
                if left_out is not None and pid not in left_out:
                    left_out.append(pid)
        return out


def _json_or_none(text: str | None) -> Any:
    try:
        return json.loads(text or "{}")
    except ValueError:
        return None
