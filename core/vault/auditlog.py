"""Append-only, hash-chained security log kept inside the vault.

Each entry's hash is SHA-256 over the previous hash and the entry's canonical JSON, and the
head (count and last hash) is kept in ``meta``; so an altered, removed, reordered or
truncated entry is detected by ``verify``. Details hold ids and counts, never content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from core.errors import Msg

GENESIS = "0" * 64
# Keys a detail may never carry (belt and braces: callers pass ids and counts only).
_FORBIDDEN_KEYS = {"text", "name", "names", "passphrase", "key", "secret", "words"}


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    event: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    problem: str | Msg = ""  # what is wrong (a Msg: shown in the person's language)
    bad_seq: int | None = None


def _entry_hash(prev_hash: str, seq: int, at: str, event: str, details_json: str) -> str:
    canonical = json.dumps([seq, at, event, details_json], separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def append(conn: Any, event: str, details: dict[str, Any]) -> None:
    """Append an entry; the caller holds a write transaction."""
    bad = _FORBIDDEN_KEYS.intersection(details)
    if bad:
        raise ValueError(f"audit details may not carry {sorted(bad)}")
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    details_json = json.dumps(details, sort_keys=True, separators=(",", ":"))
    digest = _entry_hash(prev, seq, at, event, details_json)
    conn.execute("INSERT INTO audit_log (seq, at, event, details, prev_hash, hash) VALUES (?,?,?,?,?,?)",
                 (seq, at, event, details_json, prev, digest))
    conn.execute("INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (f"{seq}:{digest}",))


def entries(conn: Any) -> list[AuditEntry]:
    rows = conn.execute("SELECT seq, at, event, details, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    return [AuditEntry(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]


def verify(conn: Any) -> ChainReport:
    """Recompute the chain and compare with the stored head."""
    rows = conn.execute("SELECT seq, at, event, details, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    prev, expected_seq = GENESIS, 1
    for seq, at, event, details_json, prev_hash, digest in rows:
        if seq != expected_seq:
            return ChainReport(False, len(rows), Msg("vault.log_entry_missing", seq=expected_seq), expected_seq)
        if prev_hash != prev or _entry_hash(prev, seq, at, event, details_json) != digest:
            return ChainReport(False, len(rows), Msg("vault.log_entry_altered", seq=seq), seq)
        prev, expected_seq = digest, seq + 1
    head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if not rows and head is not None:
        # Every vault logs its creation, so an empty log with a head means it was emptied.
        return ChainReport(False, 0, Msg("vault.log_all_removed"), 1)
    if rows and (head is None or head[0] != f"{expected_seq - 1}:{prev}"):
        return ChainReport(False, len(rows), Msg("vault.log_newest_removed"), expected_seq)
    return ChainReport(True, len(rows))
