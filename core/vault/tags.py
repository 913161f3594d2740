"""Tags (themes applied to segments or spans of them): the repository (the only SQL for them).

A tag is ``auto`` (suggested by the tagger) or ``manual`` (a person applied it), and is
``suggested``, ``accepted`` or ``rejected``. Accepted tags are what exports carry. Re-running
the tagger only touches tags that are still ``suggested``: a human decision is never
overwritten, and a rejected suggestion is never suggested again.

Span tags keep character offsets inside their own segment, so editing another segment cannot
move them; they also keep the tagged words (``quote``) so that after an edit of their own
segment the span is found again (``anchor_span``).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, replace
from typing import Any

from core.errors import InvalidInput, Msg, NotFound
from core.vault.db import Vault, now_iso

STATES = ("suggested", "accepted", "rejected")
SOURCES = ("auto", "manual")


@dataclass(frozen=True)
class Tag:
    id: int
    interview_id: str
    segment_id: int
    start_char: int | None
    end_char: int | None
    code_id: str
    source: str
    score: float | None
    state: str
    quote: str = ""

    @property
    def is_span(self) -> bool:
        return self.start_char is not None and self.end_char is not None


_COLS = "t.id, t.interview_id, t.segment_id, t.start_char, t.end_char, t.code_id, t.source, t.score, t.state, t.quote"


def anchor_span(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` now sits in ``text``: the same place if unchanged, else the occurrence
    nearest the old start, else a close fuzzy match; None if the words are gone."""
    if not quote or text[start:end] == quote:
        return (start, end) if 0 <= start <= end <= len(text) else None
    hits, pos = [], text.find(quote)
    while pos >= 0:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    if hits:
        best = min(hits, key=lambda p: abs(p - start))
        return best, best + len(quote)
    from rapidfuzz import fuzz  # lazy: only edited spans need it
    match = fuzz.partial_ratio_alignment(quote, text, score_cutoff=80)
    if match is not None:
        return match.dest_start, match.dest_end
    return None


class TagRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    # --- reading -------------------------------------------------------------------------
    def list(self, interview_id: str, state: str | None = None) -> list[Tag]:
        """Tags on the interview's current transcript, in segment order.

        Span offsets are re-anchored to the current segment text on the way out, so a reader
        never sees a span pointing at the wrong words after an edit.
        """
        sql = (f"SELECT {_COLS}, s.text FROM tags t JOIN segments s ON s.id = t.segment_id"
               " JOIN transcripts tr ON tr.id = s.transcript_id"
               " WHERE t.interview_id = ? AND tr.is_current = 1")
        args: list[Any] = [interview_id]
        if state is not None:
            if state not in STATES:
                raise ValueError(state)
            sql += " AND t.state = ?"
            args.append(state)
        out = []
        for r in self.vault.conn.execute(sql + " ORDER BY s.idx, t.start_char, t.id", args):
            tag = Tag(*r[:10])
            out.append(self._anchored(tag, r[10]))
        return out

    @staticmethod
    def _anchored(tag: Tag, text: str) -> Tag:
        if not tag.is_span:
            return tag
        assert tag.start_char is not None and tag.end_char is not None
        span = anchor_span(text, tag.start_char, tag.end_char, tag.quote)
        if span is None:  # the words were deleted: keep the code on the whole segment
            return replace(tag, start_char=None, end_char=None)
        return replace(tag, start_char=span[0], end_char=span[1])

    def get(self, tag_id: int) -> Tag:
        r = self.vault.conn.execute(
            f"SELECT {_COLS}, s.text FROM tags t JOIN segments s ON s.id = t.segment_id WHERE t.id = ?",
            (tag_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_tag", tag_id=tag_id), Msg("vault.no_tag.hint"))
        return self._anchored(Tag(*r[:10]), r[10])

    # --- decisions -----------------------------------------------------------------------
    def set_state(self, tag_id: int, state: str) -> Tag:
        if state not in STATES:
            raise ValueError(state)
        self.get(tag_id)
        with self.vault.transaction() as conn:
            conn.execute("UPDATE tags SET state = ?, updated_at = ? WHERE id = ?", (state, now_iso(), tag_id))
        return self.get(tag_id)

    def accept(self, tag_id: int) -> Tag:
        return self.set_state(tag_id, "accepted")

    def reject(self, tag_id: int) -> Tag:
        return self.set_state(tag_id, "rejected")

    def delete(self, tag_id: int) -> None:
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))

    def add_manual(self, interview_id: str, segment_id: int, code_id: str,
                   start_char: int | None = None, end_char: int | None = None) -> Tag:
        """A person applies a theme to a segment, or to characters [start, end) of it (accepted)."""
        conn = self.vault.conn
        seg = conn.execute(
            "SELECT s.text FROM segments s JOIN transcripts tr ON tr.id = s.transcript_id"
            " WHERE s.id = ? AND tr.interview_id = ?", (segment_id, interview_id)).fetchone()
        if seg is None:
            raise NotFound(Msg("vault.no_segment_interview", segment_id=segment_id, interview_id=interview_id))
        theme = conn.execute("SELECT merged_into FROM themes WHERE code_id = ?", (code_id,)).fetchone()
        if theme is None:
            raise NotFound(Msg("vault.no_theme_vault_codebook", code_id=code_id),
                           Msg("vault.no_theme_vault_codebook.hint"))
        if theme[0]:
            code_id = theme[0]  # the theme was merged: tag the one it lives on in
        text = seg[0]
        if (start_char is None) != (end_char is None):
            raise InvalidInput(Msg("vault.span_needs_both_start"), Msg("vault.span_needs_both_start.hint"))
        quote = ""
        if start_char is not None and end_char is not None:
            if not 0 <= start_char < end_char <= len(text):
                raise InvalidInput(Msg("vault.span_outside_segment_text"),
                                   Msg("vault.span_outside_segment_text.hint", count=len(text)))
            quote = text[start_char:end_char]
        now = now_iso()
        with self.vault.transaction() as c:
            cur = c.execute(
                "INSERT INTO tags (interview_id, segment_id, start_char, end_char, code_id, source, score,"
                " state, quote, created_at, updated_at) VALUES (?,?,?,?,?,'manual',NULL,'accepted',?,?,?)",
                (interview_id, segment_id, start_char, end_char, code_id, quote, now, now))
            tag_id = int(cur.lastrowid)
        return self.get(tag_id)

    def reanchor(self, interview_id: str) -> int:
        """Store the re-anchored offsets of span tags whose segment text changed; returns count."""
        stored = {r[0]: (r[1], r[2]) for r in self.vault.conn.execute(
            "SELECT id, start_char, end_char FROM tags WHERE interview_id = ? AND start_char IS NOT NULL",
            (interview_id,))}
        updates = [(t.start_char, t.end_char, t.id) for t in self.list(interview_id)
                   if t.id in stored and stored[t.id] != (t.start_char, t.end_char)]
        if updates:
            with self.vault.transaction() as conn:
                conn.executemany("UPDATE tags SET start_char = ?, end_char = ? WHERE id = ?", updates)
        return len(updates)

    # --- the tagger's suggestions ---------------------------------------------------------
    def replace_suggestions(self, interview_id: str, suggestions: builtins.list[tuple[int, str, float]]) -> dict[str, int]:
        """Make the auto suggestions for these segments exactly ``suggestions`` (segment_id,
        code_id, score), leaving every accepted or rejected tag as it is.

        Returns counts: added, updated, removed, kept (human decisions left alone).
        """
        wanted = {(seg, code): score for seg, code, score in suggestions}
        now = now_iso()
        counts = {"added": 0, "updated": 0, "removed": 0, "kept": 0}
        with self.vault.transaction() as conn:
            existing = conn.execute(
                "SELECT id, segment_id, code_id, state FROM tags WHERE interview_id = ? AND start_char IS NULL",
                (interview_id,)).fetchall()
            decided = set()
            for tag_id, seg, code, state in existing:
                if state != "suggested":
                    decided.add((seg, code))  # manual or reviewed: never touched, never re-suggested
                    counts["kept"] += 1
            for tag_id, seg, code, state in existing:
                if state != "suggested":
                    continue
                if (seg, code) in wanted and (seg, code) not in decided:
                    conn.execute("UPDATE tags SET score = ?, updated_at = ? WHERE id = ?",
                                 (wanted.pop((seg, code)), now, tag_id))
                    counts["updated"] += 1
                else:
                    conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
                    counts["removed"] += 1
            rows = [(interview_id, seg, code, score, now, now) for (seg, code), score in wanted.items()
                    if (seg, code) not in decided]
            conn.executemany(
                "INSERT INTO tags (interview_id, segment_id, start_char, end_char, code_id, source, score,"
                " state, created_at, updated_at) VALUES (?,?,NULL,NULL,?,'auto',?,'suggested',?,?)", rows)
            counts["added"] = len(rows)
        return counts
