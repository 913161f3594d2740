"""Packets this vault has exported: the repository (``packets_sent``)."""

from __future__ import annotations

from dataclasses import dataclass

from core.vault import auditlog
from core.vault.db import Vault


@dataclass(frozen=True)
class SentPacket:
    packet_id: str
    interview_id: str
    created_at: str
    supersedes: str | None
    payload_sha256: str
    file_name: str


_COLS = "packet_id, interview_id, created_at, supersedes, payload_sha256, file_name"


class SentPacketRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def record(self, packet: SentPacket, *, device_fingerprint: str) -> None:
        """Store an exported packet and its audit event (ids only) in one transaction."""
        with self.vault.transaction() as conn:
            conn.execute(f"INSERT INTO packets_sent ({_COLS}) VALUES (?,?,?,?,?,?)",
                         (packet.packet_id, packet.interview_id, packet.created_at, packet.supersedes,
                          packet.payload_sha256, packet.file_name))
            auditlog.append(conn, "packet_exported", {
                "interview": packet.interview_id, "packet": packet.packet_id,
                "supersedes": packet.supersedes, "device": device_fingerprint})

    def get(self, packet_id: str) -> SentPacket | None:
        row = self.vault.conn.execute(f"SELECT {_COLS} FROM packets_sent WHERE packet_id = ?",
                                      (packet_id,)).fetchone()
        return SentPacket(*row) if row else None

    def list(self, interview_id: str | None = None) -> list[SentPacket]:
        if interview_id is None:
            rows = self.vault.conn.execute(f"SELECT {_COLS} FROM packets_sent ORDER BY created_at, rowid")
        else:
            rows = self.vault.conn.execute(
                f"SELECT {_COLS} FROM packets_sent WHERE interview_id = ? ORDER BY created_at, rowid",
                (interview_id,))
        return [SentPacket(*r) for r in rows]

    def latest(self, interview_id: str) -> SentPacket | None:
        packets = self.list(interview_id)
        return packets[-1] if packets else None
