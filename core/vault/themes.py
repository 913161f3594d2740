"""The vault's codebook (themes): the repository (the only SQL for them).

Guides bring their themes in when imported; after that the codebook belongs to the
researcher, who may rename, merge and split themes. Tags refer to themes by ``code_id``, so
a rename changes nothing in tags, and a merge moves every tag to the surviving theme. A
merged theme keeps its row (``merged_into``) so old guide versions still resolve.
"""

from __future__ import annotations

import builtins
import json
import re
from dataclasses import dataclass
from typing import Any

from core.errors import InvalidInput, Msg, NotFound
from core.guide.model import Theme
from core.vault.db import Vault, now_iso

__all__ = ["NewTheme", "Theme", "ThemeRepo", "upsert_guide_themes"]

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class NewTheme:
    """A theme to create when splitting one."""

    id: str
    label: str
    description: str = ""


def _row(r: Any) -> Theme:
    return Theme(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5])


def upsert_guide_themes(conn: Any, themes: list[Any]) -> int:
    """Add a guide's themes that the codebook lacks (caller holds a transaction).

    Existing themes are left alone: the researcher's renames win over a re-imported guide.
    Returns how many were added.
    """
    added = 0
    for t in themes:
        cur = conn.execute(
            "INSERT OR IGNORE INTO themes (code_id, label, description, parent_id, examples, created_at)"
            " VALUES (?,?,?,?,?,?)",
            (t.id, t.label, t.description, t.parent, json.dumps(list(t.examples)), now_iso()))
        added += cur.rowcount
    return added


class ThemeRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def list(self, *, include_merged: bool = False) -> list[Theme]:
        sql = "SELECT code_id, label, description, examples, parent_id, merged_into FROM themes"
        if not include_merged:
            sql += " WHERE merged_into IS NULL"
        return [_row(r) for r in self.vault.conn.execute(sql + " ORDER BY rowid")]

    def get(self, code_id: str) -> Theme:
        r = self.vault.conn.execute(
            "SELECT code_id, label, description, examples, parent_id, merged_into FROM themes"
            " WHERE code_id = ?", (code_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_theme_vault_codebook", code_id=code_id),
                           Msg("vault.no_theme_vault_codebook_2.hint"))
        return _row(r)

    def resolve(self, code_id: str) -> str:
        """Follow merges: the id that tags of ``code_id`` now carry."""
        seen = set()
        theme = self.get(code_id)
        while theme.merged_into and theme.id not in seen:
            seen.add(theme.id)
            theme = self.get(theme.merged_into)
        return theme.id

    def add(self, code_id: str, label: str, description: str = "", parent: str | None = None,
            examples: builtins.list[str] | None = None) -> Theme:
        if not _ID_RE.match(code_id):
            raise InvalidInput(Msg("vault.not_usable_theme_id", code_id=code_id),
                               Msg("vault.not_usable_theme_id.hint"))
        if not label.strip():
            raise InvalidInput(Msg("vault.theme_needs_label"), Msg("vault.theme_needs_label.hint"))
        if parent is not None:
            self.get(parent)
        with self.vault.transaction() as conn:
            if conn.execute("SELECT 1 FROM themes WHERE code_id = ?", (code_id,)).fetchone():
                raise InvalidInput(Msg("vault.theme_id_already_used", code_id=code_id), Msg("vault.theme_id_already_used.hint"))
            conn.execute("INSERT INTO themes (code_id, label, description, parent_id, examples, created_at)"
                         " VALUES (?,?,?,?,?,?)",
                         (code_id, label.strip(), description, parent, json.dumps(examples or []), now_iso()))
        self.vault.audit("theme_added", {"theme": code_id})
        return self.get(code_id)

    def rename(self, code_id: str, label: str, description: str | None = None) -> Theme:
        """Change what people see; the id (and so every tag) stays."""
        self.get(code_id)
        if not label.strip():
            raise InvalidInput(Msg("vault.theme_needs_label"), Msg("vault.theme_needs_label.hint"))
        with self.vault.transaction() as conn:
            conn.execute("UPDATE themes SET label = ? WHERE code_id = ?", (label.strip(), code_id))
            if description is not None:
                conn.execute("UPDATE themes SET description = ? WHERE code_id = ?", (description, code_id))
        self.vault.audit("theme_renamed", {"theme": code_id})
        return self.get(code_id)

    def merge(self, sources: builtins.list[str], target: str) -> int:
        """Fold ``sources`` into ``target``: their tags move over. Returns how many tags moved.

        Where a segment ends up with two tags of the same theme on the same span, one is kept:
        an accepted one before a suggested one, and a rejected one never wins over an accepted.
        """
        self.get(target)
        for s in sources:
            if s == target:
                raise InvalidInput(Msg("vault.theme_cannot_merged_into"), Msg("vault.theme_cannot_merged_into.hint"))
            self.get(s)
        moved = 0
        with self.vault.transaction() as conn:
            for s in sources:
                moved += conn.execute("UPDATE tags SET code_id = ?, updated_at = ? WHERE code_id = ?",
                                      (target, now_iso(), s)).rowcount
                conn.execute("UPDATE themes SET merged_into = ? WHERE code_id = ?", (target, s))
                conn.execute("UPDATE themes SET parent_id = ? WHERE parent_id = ?", (target, s))
            _dedupe_tags(conn, target)
        self.vault.audit("themes_merged", {"sources": len(sources), "target": target, "tags": moved})
        return moved

    def split(self, code_id: str, new_themes: builtins.list[NewTheme],
              assignments: dict[int, str] | None = None) -> builtins.list[Theme]:
        """Create ``new_themes`` as children of ``code_id`` and move the tags listed in
        ``assignments`` (tag id -> new theme id). Unassigned tags stay on the original theme,
        which remains as the parent, so nothing is lost while the researcher sorts them.
        """
        self.get(code_id)
        ids = [t.id for t in new_themes]
        if not ids:
            raise InvalidInput(Msg("vault.splitting_needs_least_one"), Msg("vault.splitting_needs_least_one.hint"))
        for target in (assignments or {}).values():
            if target not in ids:
                raise InvalidInput(Msg("vault.not_one_new_themes", target=target),
                                   Msg("vault.not_one_new_themes.hint", ids=', '.join(ids)))
        for t in new_themes:
            self.add(t.id, t.label, t.description, parent=code_id)
        with self.vault.transaction() as conn:
            for tag_id, target in (assignments or {}).items():
                conn.execute("UPDATE tags SET code_id = ?, updated_at = ? WHERE id = ? AND code_id = ?",
                             (target, now_iso(), tag_id, code_id))
        self.vault.audit("theme_split", {"theme": code_id, "into": len(ids),
                                         "tags": len(assignments or {})})
        return [self.get(i) for i in ids]


_STATE_RANK = "CASE state WHEN 'accepted' THEN 0 WHEN 'rejected' THEN 1 ELSE 2 END"


def _dedupe_tags(conn: Any, code_id: str) -> None:
    rows = conn.execute(
        f"SELECT id, segment_id, COALESCE(start_char, -1), COALESCE(end_char, -1) FROM tags"
        f" WHERE code_id = ? ORDER BY {_STATE_RANK}, source = 'auto', id", (code_id,)).fetchall()
    seen: set[tuple[int, int, int]] = set()
    for tag_id, seg, start, end in rows:
        key = (seg, start, end)
        if key in seen:
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
        seen.add(key)
