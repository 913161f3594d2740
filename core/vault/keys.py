"""This vault's own keys and the coordinators it seals packets to: the repository.

``device_keys`` holds one row per kind ("ed25519" device signing key, "age" X25519 identity);
the secrets live only inside the encrypted vault. ``recipients`` holds coordinators' age
recipients (public). The crypto is in ``core.packets.keys``; this module only stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import InvalidInput, Msg
from core.vault import auditlog
from core.vault.db import Vault, now_iso


@dataclass(frozen=True)
class DeviceKey:
    kind: str
    secret: str
    public: str
    created_at: str


@dataclass(frozen=True)
class Recipient:
    label: str
    recipient: str
    fingerprint: str
    id: int = 0
    added_at: str = ""


class DeviceKeyRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def get(self, kind: str) -> DeviceKey | None:
        row = self.vault.conn.execute(
            "SELECT kind, secret, public, created_at FROM device_keys WHERE kind = ?", (kind,)).fetchone()
        return DeviceKey(*row) if row else None

    def create_once(self, kind: str, secret: str, public: str, fingerprint: str) -> DeviceKey:
        """Store a new key unless one of this kind exists; returns the stored one either way.

        Two threads racing to make the first key both end up with the same (first) key.
        """
        with self.vault.transaction() as conn:
            cur = conn.execute("INSERT OR IGNORE INTO device_keys (kind, secret, public, created_at)"
                               " VALUES (?,?,?,?)", (kind, secret, public, now_iso()))
            if cur.rowcount:
                auditlog.append(conn, "device_key_created", {"kind": kind, "fingerprint": fingerprint})
        stored = self.get(kind)
        assert stored is not None
        return stored


class RecipientRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def add(self, label: str, recipient: str, fingerprint: str) -> Recipient:
        """Add a coordinator recipient; adding the same one again only updates its label."""
        label = label.strip() or "coordinator"
        with self.vault.transaction() as conn:
            existing = conn.execute("SELECT id FROM recipients WHERE recipient = ?", (recipient,)).fetchone()
            if existing:
                conn.execute("UPDATE recipients SET label = ? WHERE id = ?", (label, existing[0]))
            else:
                conn.execute("INSERT INTO recipients (label, recipient, fingerprint, added_at)"
                             " VALUES (?,?,?,?)", (label, recipient, fingerprint, now_iso()))
                auditlog.append(conn, "recipient_added", {"fingerprint": fingerprint})
        return self.get(recipient)

    def get(self, recipient: str) -> Recipient:
        row = self.vault.conn.execute(
            "SELECT label, recipient, fingerprint, id, added_at FROM recipients WHERE recipient = ?",
            (recipient,)).fetchone()
        if row is None:
            raise InvalidInput(Msg("vault.coordinator_not_added"),
                               Msg("vault.coordinator_not_added.hint"))
        return Recipient(*row)

    def list(self) -> list[Recipient]:
        rows = self.vault.conn.execute(
            "SELECT label, recipient, fingerprint, id, added_at FROM recipients ORDER BY id")
        return [Recipient(*r) for r in rows]

    def remove(self, recipient_id: int) -> None:
        with self.vault.transaction() as conn:
            row = conn.execute("SELECT fingerprint FROM recipients WHERE id = ?", (recipient_id,)).fetchone()
            if row is None:
                return
            conn.execute("DELETE FROM recipients WHERE id = ?", (recipient_id,))
            auditlog.append(conn, "recipient_removed", {"fingerprint": row[0]})
