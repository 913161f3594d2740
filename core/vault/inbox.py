"""The coordinator's inbox: enrolled devices, received packets and imported interviews.

The only SQL for ``enrolled_devices``, ``packets_received`` and the ``inbox_*`` tables.
Import decisions (what is a duplicate, a conflict, a supersede) are made by
``core.coordinator.inbox`` inside one ``InboxRepo.transaction()``, so the look-up and the
write of one packet can never interleave with another import of the same id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from core.vault import auditlog
from core.vault.db import Connection, Vault, now_iso

# packets_received.status values
IMPORTED = "imported"        # the current version of an interview
SUPERSEDED = "superseded"    # kept as history; a later packet replaced it
QUARANTINED = "quarantined"  # from a device not (yet) enrolled; raw packet kept, never opened


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

    @property
    def header_digest(self) -> str:
        return str(self.header.get("header_digest", ""))


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
                "payload_sha256, received_at, reason")


def _packet(row: tuple[Any, ...]) -> ReceivedPacket:
    return ReceivedPacket(row[0], row[1], row[2], row[3], row[4], json.loads(row[5] or "{}"),
                          row[6], row[7], row[8])


class InboxTx:
    """Inbox reads and writes inside one open transaction (from ``InboxRepo.transaction``)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, packet_id: str) -> ReceivedPacket | None:
        row = self.conn.execute(f"SELECT {_PACKET_COLS} FROM packets_received WHERE packet_id = ?",
                                (packet_id,)).fetchone()
        return _packet(row) if row else None

    def replaced_by(self, packet_id: str) -> ReceivedPacket | None:
        """The opened packet (imported or history) that names ``packet_id`` as superseded."""
        row = self.conn.execute(
            f"SELECT {_PACKET_COLS} FROM packets_received WHERE supersedes = ? AND status != ?"
            " ORDER BY received_at LIMIT 1", (packet_id, QUARANTINED)).fetchone()
        return _packet(row) if row else None

    def trusted_devices(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT fingerprint, public_key FROM enrolled_devices")}

    def quarantine(self, header: dict[str, Any], packet: bytes, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO packets_received (packet_id, device_fingerprint, status, supersedes, header,"
            " payload_sha256, packet, received_at, reason) VALUES (?,?,?,?,?,?,?,?,?)",
            (header["packet_id"], header["device_fingerprint"], QUARANTINED, header.get("supersedes"),
             json.dumps(header, sort_keys=True), header["payload_sha256"], packet, now_iso(), reason))

    def drop_quarantined(self, packet_id: str) -> None:
        self.conn.execute("DELETE FROM packets_received WHERE packet_id = ? AND status = ?",
                          (packet_id, QUARANTINED))

    def mark_superseded(self, packet_id: str, by: str) -> None:
        self.conn.execute("UPDATE packets_received SET status = ?, superseded_by = ? WHERE packet_id = ?",
                          (SUPERSEDED, by, packet_id))
        self.conn.execute("UPDATE inbox_interviews SET is_current = 0 WHERE packet_id = ?", (packet_id,))

    def store(self, header: dict[str, Any], packet: bytes, interview: dict[str, Any],
              *, superseded_by: str | None = None, reason: str = "") -> None:
        """Store an opened packet and its decoded interview (current unless ``superseded_by``)."""
        pid = header["packet_id"]
        self.drop_quarantined(pid)
        status = SUPERSEDED if superseded_by else IMPORTED
        now = now_iso()
        self.conn.execute(
            "INSERT INTO packets_received (packet_id, device_fingerprint, status, supersedes,"
            " superseded_by, header, payload_sha256, packet, received_at, reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (pid, header["device_fingerprint"], status, header.get("supersedes"), superseded_by,
             json.dumps(header, sort_keys=True), header["payload_sha256"], packet, now, reason))
        meta = interview.get("interview") or {}
        consent = meta.get("consent") or {}
        guide = interview.get("guide") or {}
        deid = interview.get("deid") or {}
        self.conn.execute(
            "INSERT INTO inbox_interviews (packet_id, device_fingerprint, code, site, month, language,"
            " consent_method, consent_witnessed, guide_id, guide_version, guide_title, signed_off_at,"
            " redactions, app_version, is_current, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (pid, header["device_fingerprint"], str(meta.get("code", "")), str(meta.get("site", "")),
             str(meta.get("month", "")), str(meta.get("language", "")), str(consent.get("method", "")),
             int(bool(consent.get("witnessed"))), str(guide.get("id", "")), str(guide.get("version", "")),
             str(guide.get("title", "")), str(deid.get("signed_off_at", "")),
             json.dumps(deid.get("redactions") or {}, sort_keys=True),
             str((interview.get("app") or {}).get("version", "")), 0 if superseded_by else 1, now))
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_questions (packet_id, question_id, position, text, section)"
            " VALUES (?,?,?,?,?)",
            [(pid, str(q["id"]), n, str(q.get("text", "")), str(q.get("section") or ""))
             for n, q in enumerate(interview.get("questions") or [])])
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_codebook (packet_id, theme_id, position, label, description,"
            " parent) VALUES (?,?,?,?,?,?)",
            [(pid, str(t["id"]), n, str(t.get("label") or t["id"]), str(t.get("description") or ""),
              t.get("parent")) for n, t in enumerate(interview.get("codebook") or [])])
        self.conn.executemany(
            "INSERT OR REPLACE INTO inbox_segments (packet_id, idx, question_id, speaker, start_ms, end_ms,"
            " text) VALUES (?,?,?,?,?,?,?)",
            [(pid, int(s["index"]), s.get("question_id"), str(s.get("speaker") or ""),
              int(s.get("start_ms") or 0), int(s.get("end_ms") or 0), str(s.get("text", "")))
             for s in interview.get("segments") or []])
        self.conn.executemany(
            "INSERT INTO inbox_tags (packet_id, segment_idx, theme_id, start_char, end_char, source)"
            " VALUES (?,?,?,?,?,?)",
            [(pid, int(t["segment"]), str(t["theme"]), t.get("start"), t.get("end"), str(t.get("source") or ""))
             for t in interview.get("tags") or []])
        self.conn.executemany(
            "INSERT INTO inbox_memos (packet_id, segment_idx, text) VALUES (?,?,?)",
            [(pid, m.get("segment"), str(m.get("text", ""))) for m in interview.get("memos") or []])

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
        return {r[0]: r[1] for r in self.vault.conn.execute(sql + " GROUP BY status", args)}

    # --- packets -------------------------------------------------------------------------
    def get(self, packet_id: str) -> ReceivedPacket | None:
        return InboxTx(self.vault.conn).get(packet_id)

    def list_packets(self, status: str | None = None) -> list[ReceivedPacket]:
        sql, args = f"SELECT {_PACKET_COLS} FROM packets_received", tuple[str, ...]()
        if status:
            sql, args = sql + " WHERE status = ?", (status,)
        return [_packet(r) for r in self.vault.conn.execute(sql + " ORDER BY received_at, packet_id", args)]

    def packet_bytes(self, packet_id: str) -> bytes | None:
        row = self.vault.conn.execute("SELECT packet FROM packets_received WHERE packet_id = ?",
                                      (packet_id,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def events(self, limit: int = 200) -> list[InboxEvent]:
        return [InboxEvent(*r) for r in self.vault.conn.execute(
            "SELECT id, at, packet_id, file_name, verdict, code, reason FROM inbox_events"
            " ORDER BY id DESC LIMIT ?", (limit,))]

    # --- imported interviews -------------------------------------------------------------
    def current_interviews(self, *, include_history: bool = False) -> list[dict[str, Any]]:
        """The imported interviews as interview.json dicts (current ones unless asked)."""
        conn = self.vault.conn
        where = "" if include_history else " WHERE i.is_current = 1"
        rows = conn.execute(
            "SELECT i.packet_id, i.code, i.site, i.month, i.language, i.consent_method,"
            " i.consent_witnessed, i.guide_id, i.guide_version, i.guide_title, i.signed_off_at,"
            " i.redactions, i.app_version, p.supersedes FROM inbox_interviews i"
            " JOIN packets_received p ON p.packet_id = i.packet_id" + where +
            " ORDER BY i.site, i.month, i.code, i.packet_id").fetchall()
        join = ("" if include_history else
                " JOIN inbox_interviews i ON i.packet_id = t.packet_id AND i.is_current = 1")
        parts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for pid, qid, text, section in conn.execute(
                "SELECT t.packet_id, t.question_id, t.text, t.section FROM inbox_questions t" + join +
                " ORDER BY t.packet_id, t.position"):
            parts[pid]["questions"].append({"id": qid, "text": text, "section": section})
        for pid, tid, label, desc, parent in conn.execute(
                "SELECT t.packet_id, t.theme_id, t.label, t.description, t.parent FROM inbox_codebook t"
                + join + " ORDER BY t.packet_id, t.position"):
            parts[pid]["codebook"].append({"id": tid, "label": label, "description": desc, "parent": parent})
        for pid, idx, qid, speaker, start, end, text in conn.execute(
                "SELECT t.packet_id, t.idx, t.question_id, t.speaker, t.start_ms, t.end_ms, t.text"
                " FROM inbox_segments t" + join + " ORDER BY t.packet_id, t.idx"):
            parts[pid]["segments"].append({"index": idx, "question_id": qid, "speaker": speaker,
                                           "start_ms": start, "end_ms": end, "text": text})
        for pid, seg, theme, start, end, source in conn.execute(
                "SELECT t.packet_id, t.segment_idx, t.theme_id, t.start_char, t.end_char, t.source"
                " FROM inbox_tags t" + join + " ORDER BY t.packet_id, t.id"):
            parts[pid]["tags"].append({"segment": seg, "theme": theme, "start": start, "end": end,
                                       "source": source})
        for pid, seg, text in conn.execute(
                "SELECT t.packet_id, t.segment_idx, t.text FROM inbox_memos t" + join +
                " ORDER BY t.packet_id, t.id"):
            parts[pid]["memos"].append({"segment": seg, "text": text})
        out = []
        for (pid, code, site, month, language, method, witnessed, gid, gver, gtitle, signed,
             redactions, app_version, supersedes) in rows:
            p = parts.get(pid, {})
            out.append({
                "format": "confidant-interview/1", "packet_id": pid, "supersedes": supersedes,
                "interview": {"code": code, "site": site, "month": month, "language": language,
                              "consent": {"method": method, "witnessed": bool(witnessed)}},
                "guide": {"id": gid, "version": gver, "title": gtitle},
                "codebook": p.get("codebook", []), "questions": p.get("questions", []),
                "segments": p.get("segments", []), "tags": p.get("tags", []),
                "memos": p.get("memos", []),
                "deid": {"signed_off_at": signed, "redactions": json.loads(redactions or "{}")},
                "app": {"name": "confidant", "version": app_version},
            })
        return out
