"""De-identification records: the repository (the only SQL for them).

Redactions (proposed, accepted or rejected spans of segment text), the pseudonym map (who is
``[PERSON 1]``), detection runs and sign-offs. All of it stays in the encrypted vault; the
pseudonym map never leaves the laptop.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.errors import Msg, NotFound
from core.vault.db import Vault, now_iso

REDACTION_STATES = ("proposed", "accepted", "rejected")


@dataclass(frozen=True)
class Redaction:
    id: int
    interview_id: str
    segment_id: int
    start_char: int
    end_char: int
    entity_type: str
    original: str
    placeholder: str
    score: float | None
    source: str          # auto | manual | second_look | place_note
    state: str           # proposed | accepted | rejected
    created_at: str


@dataclass(frozen=True)
class NewRedaction:
    segment_id: int
    start_char: int
    end_char: int
    entity_type: str
    original: str
    placeholder: str
    score: float | None
    source: str = "auto"
    state: str = "proposed"


@dataclass(frozen=True)
class Pseudonym:
    entity_type: str
    original: str
    placeholder: str


@dataclass(frozen=True)
class SignOff:
    id: int
    interview_id: str
    text_sha256: str
    signed_at: str
    signed_by: str
    is_void: bool


@dataclass(frozen=True)
class Scan:
    id: int
    interview_id: str
    text_sha256: str
    findings: int
    scanned_at: str


_RED_COLS = ("id, interview_id, segment_id, start_char, end_char, entity_type, original, placeholder,"
             " score, source, state, created_at")


def _redaction(r: Any) -> Redaction:
    return Redaction(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11])


class DeidRepo:
    """Redactions, pseudonyms, scans and sign-offs of interviews."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    # --- redactions ------------------------------------------------------------------------
    def redactions(self, interview_id: str, state: str | None = None) -> list[Redaction]:
        sql = f"SELECT {_RED_COLS} FROM redactions WHERE interview_id = ?"
        params: tuple[Any, ...] = (interview_id,)
        if state is not None:
            sql += " AND state = ?"
            params += (state,)
        rows = self.vault.conn.execute(sql + " ORDER BY segment_id, start_char, id", params)
        return [_redaction(r) for r in rows]

    def redaction(self, redaction_id: int) -> Redaction:
        r = self.vault.conn.execute(f"SELECT {_RED_COLS} FROM redactions WHERE id = ?",
                                    (redaction_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_redaction", redaction_id=redaction_id),
                           Msg("vault.no_redaction.hint"))
        return _redaction(r)

    def add_redactions(self, interview_id: str, items: Iterable[NewRedaction]) -> list[int]:
        now, ids = now_iso(), []
        with self.vault.transaction() as conn:
            for it in items:
                cur = conn.execute(
                    "INSERT INTO redactions (interview_id, segment_id, start_char, end_char, entity_type,"
                    " original, placeholder, score, source, state, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (interview_id, it.segment_id, it.start_char, it.end_char, it.entity_type, it.original,
                     it.placeholder, it.score, it.source, it.state, now))
                ids.append(int(cur.lastrowid))
        return ids

    def set_state(self, redaction_id: int, state: str) -> None:
        if state not in REDACTION_STATES:
            raise ValueError(state)
        with self.vault.transaction() as conn:
            cur = conn.execute("UPDATE redactions SET state = ? WHERE id = ?", (state, redaction_id))
            if cur.rowcount == 0:
                raise NotFound(Msg("vault.no_redaction", redaction_id=redaction_id))

    def set_state_where(self, interview_id: str, from_state: str, to_state: str) -> int:
        with self.vault.transaction() as conn:
            cur = conn.execute("UPDATE redactions SET state = ? WHERE interview_id = ? AND state = ?",
                               (to_state, interview_id, from_state))
            return int(cur.rowcount)

    def move(self, redaction_id: int, start_char: int, end_char: int) -> None:
        """Move a span after the text around it was edited (same original text)."""
        with self.vault.transaction() as conn:
            conn.execute("UPDATE redactions SET start_char = ?, end_char = ? WHERE id = ?",
                         (start_char, end_char, redaction_id))

    def delete(self, redaction_ids: Iterable[int]) -> int:
        ids = list(redaction_ids)
        with self.vault.transaction() as conn:
            conn.executemany("DELETE FROM redactions WHERE id = ?", [(i,) for i in ids])
        return len(ids)

    # --- pseudonyms ------------------------------------------------------------------------
    def pseudonyms(self, interview_id: str) -> list[Pseudonym]:
        rows = self.vault.conn.execute(
            "SELECT entity_type, original, placeholder FROM pseudonyms WHERE interview_id = ? ORDER BY id",
            (interview_id,))
        return [Pseudonym(r[0], r[1], r[2]) for r in rows]

    def add_pseudonym(self, interview_id: str, entity_type: str, original: str, placeholder: str) -> None:
        with self.vault.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO pseudonyms (interview_id, entity_type, original, placeholder)"
                         " VALUES (?,?,?,?)", (interview_id, entity_type, original, placeholder))

    # --- scans -----------------------------------------------------------------------------
    def record_scan(self, interview_id: str, text_sha256: str, findings: int) -> None:
        with self.vault.transaction() as conn:
            conn.execute("INSERT INTO deid_scans (interview_id, text_sha256, findings, scanned_at)"
                         " VALUES (?,?,?,?)", (interview_id, text_sha256, findings, now_iso()))

    def last_scan(self, interview_id: str) -> Scan | None:
        r = self.vault.conn.execute(
            "SELECT id, interview_id, text_sha256, findings, scanned_at FROM deid_scans"
            " WHERE interview_id = ? ORDER BY id DESC LIMIT 1", (interview_id,)).fetchone()
        return Scan(r[0], r[1], r[2], r[3], r[4]) if r else None

    # --- sign-offs -------------------------------------------------------------------------
    def add_signoff(self, interview_id: str, text_sha256: str, signed_by: str = "") -> SignOff:
        with self.vault.transaction() as conn:
            conn.execute("UPDATE signoffs SET is_void = 1 WHERE interview_id = ?", (interview_id,))
            cur = conn.execute(
                "INSERT INTO signoffs (interview_id, text_sha256, signed_at, signed_by, is_void)"
                " VALUES (?,?,?,?,0)", (interview_id, text_sha256, now_iso(), signed_by))
            sid = int(cur.lastrowid)
        latest = self.latest_signoff(interview_id)
        assert latest is not None and latest.id == sid
        return latest

    def latest_signoff(self, interview_id: str) -> SignOff | None:
        r = self.vault.conn.execute(
            "SELECT id, interview_id, text_sha256, signed_at, signed_by, is_void FROM signoffs"
            " WHERE interview_id = ? ORDER BY id DESC LIMIT 1", (interview_id,)).fetchone()
        return SignOff(r[0], r[1], r[2], r[3], r[4], bool(r[5])) if r else None

    def void_signoffs(self, interview_id: str) -> int:
        with self.vault.transaction() as conn:
            cur = conn.execute("UPDATE signoffs SET is_void = 1 WHERE interview_id = ? AND is_void = 0",
                               (interview_id,))
            return int(cur.rowcount)
