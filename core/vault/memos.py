"""Memos (the researcher's notes on a segment or on the whole interview): the repository.

Memos are private unless marked shared; only shared memos travel in an export packet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.errors import InvalidInput, Msg, NotFound
from core.vault.db import Vault, now_iso


@dataclass(frozen=True)
class Memo:
    id: int
    interview_id: str
    segment_id: int | None  # None: about the whole interview
    text: str
    is_shared: bool
    created_at: str = ""
    updated_at: str = ""


_COLS = "id, interview_id, segment_id, text, is_shared, created_at, updated_at"


def _row(r: Any) -> Memo:
    return Memo(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6])


class MemoRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def list(self, interview_id: str, *, shared_only: bool = False) -> list[Memo]:
        sql = f"SELECT {_COLS} FROM memos WHERE interview_id = ?"
        if shared_only:
            sql += " AND is_shared = 1"
        return [_row(r) for r in self.vault.conn.execute(sql + " ORDER BY id", (interview_id,))]

    def get(self, memo_id: int) -> Memo:
        r = self.vault.conn.execute(f"SELECT {_COLS} FROM memos WHERE id = ?", (memo_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_memo", memo_id=memo_id))
        return _row(r)

    def add(self, interview_id: str, text: str, *, segment_id: int | None = None,
            is_shared: bool = False) -> Memo:
        """Add a memo to the interview, or to one of its segments."""
        if not text.strip():
            raise InvalidInput(Msg("vault.memo_empty"), Msg("vault.memo_empty.hint"))
        conn = self.vault.conn
        if conn.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
            raise NotFound(Msg("vault.no_interview", interview_id=interview_id))
        if segment_id is not None and conn.execute(
                "SELECT 1 FROM segments s JOIN transcripts t ON t.id = s.transcript_id"
                " WHERE s.id = ? AND t.interview_id = ?", (segment_id, interview_id)).fetchone() is None:
            raise NotFound(Msg("vault.no_segment_interview", segment_id=segment_id, interview_id=interview_id))
        now = now_iso()
        with self.vault.transaction() as c:
            cur = c.execute("INSERT INTO memos (interview_id, segment_id, text, is_shared, created_at, updated_at)"
                            " VALUES (?,?,?,?,?,?)", (interview_id, segment_id, text.strip(), int(is_shared), now, now))
            memo_id = int(cur.lastrowid)
        return self.get(memo_id)

    def update(self, memo_id: int, *, text: str | None = None, is_shared: bool | None = None) -> Memo:
        self.get(memo_id)
        with self.vault.transaction() as conn:
            if text is not None:
                if not text.strip():
                    raise InvalidInput(Msg("vault.memo_empty"), Msg("vault.memo_empty_2.hint"))
                conn.execute("UPDATE memos SET text = ?, updated_at = ? WHERE id = ?", (text.strip(), now_iso(), memo_id))
            if is_shared is not None:
                conn.execute("UPDATE memos SET is_shared = ?, updated_at = ? WHERE id = ?",
                             (int(is_shared), now_iso(), memo_id))
        return self.get(memo_id)

    def delete(self, memo_id: int) -> None:
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM memos WHERE id = ?", (memo_id,))
