"""Interview guides stored in the vault: the repository (the only SQL for them).

One row per (guide id, version) holding the exact YAML text imported, so an interview's
``guide_pk`` always points at the guide as it was when the interview used it. Importing an
edited guide under the same version is refused: change the version, and past interviews keep
theirs.

This repository parses guides with ``core.guide.loader`` (a pure function over text with no
vault access); decision 0030 records why ``core.vault.guides`` may import ``core.guide``.
"""

from __future__ import annotations

import builtins
import hashlib
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from core.errors import InvalidInput, Msg, NotFound
from core.guide.loader import load_guide
from core.guide.model import Guide
from core.vault.db import Vault, now_iso
from core.vault.themes import upsert_guide_themes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredGuide:
    pk: int
    guide_id: str
    version: str
    sha256: str
    guide: Guide
    imported_at: str = ""
    yaml: str = ""


def default_guides_dir() -> Path:
    """resources/guides beside the code (or inside a frozen installer bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "guides"


DEFAULT_GUIDES = {"en": "job-quality", "es": "job-quality-es"}  # the bundled guide per language


def default_guide_id(language: str | None) -> str:
    """The bundled guide for a language (English for one without its own)."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    return DEFAULT_GUIDES.get(lang, DEFAULT_GUIDES["en"])


def preferred_guide(guides: builtins.list[StoredGuide], language: str | None) -> StoredGuide | None:
    """The guide a new interview starts with for a person working in ``language``: the newest
    bundled guide of that language, else the newest guide in it; English when there is none."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    for code in dict.fromkeys((lang, "en")):
        for wanted in (lambda g, c=code: g.guide_id == default_guide_id(c) and g.guide.language == c,
                       lambda g, c=code: g.guide.language.split("-")[0] == c):
            found = [g for g in guides if wanted(g)]
            if found:
                return max(found, key=lambda g: _version_key(g.version))
    return guides[0] if guides else None


def _version_key(version: str) -> tuple:
    # "1.10" sorts after "1.9"; non-numeric parts sort as text after numbers.
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-_]", version))


class GuideRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def import_yaml(self, text: str, source_name: str = "guide.yaml") -> StoredGuide:
        """Validate and store a guide version; the same text again is a no-op."""
        guide = load_guide(text, source_name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        row = self.vault.conn.execute("SELECT id, sha256 FROM guides WHERE guide_id = ? AND version = ?",
                                      (guide.id, guide.version)).fetchone()
        if row is not None:
            if row[1] == digest:
                return self.get(row[0])
            raise InvalidInput(
                Msg("vault.guide_version_already_vault", guide_id=guide.id, version=guide.version),
                Msg("vault.guide_version_already_vault.hint"))
        with self.vault.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO guides (guide_id, version, title, language, yaml, sha256, imported_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (guide.id, guide.version, guide.title, guide.language, text, digest, now_iso()))
            pk = int(cur.lastrowid)
            added = upsert_guide_themes(conn, guide.themes)
        self.vault.audit("guide_imported", {"guide": guide.id, "version": guide.version, "pk": pk,
                                            "themes_added": added})
        log.info("guide imported id=%s version=%s pk=%d", guide.id, guide.version, pk)
        return self.get(pk)

    def get(self, pk: int) -> StoredGuide:
        r = self.vault.conn.execute(
            "SELECT id, guide_id, version, sha256, yaml, imported_at FROM guides WHERE id = ?",
            (pk,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_guide_vault", pk=pk), Msg("vault.no_guide_vault.hint"))
        return StoredGuide(r[0], r[1], r[2], r[3], load_guide(r[4], f"{r[1]}@{r[2]}"), r[5], r[4])

    def resolve(self, ref: str) -> StoredGuide:
        """Find ``"id"`` (its newest version) or ``"id@version"``."""
        guide_id, _, version = ref.strip().partition("@")
        rows = self.vault.conn.execute("SELECT id, version FROM guides WHERE guide_id = ?",
                                       (guide_id,)).fetchall()
        if not rows and guide_id in ("job-quality", "job-quality-es"):
            self.ensure_defaults()  # a fresh vault: the bundled guides are always available
            rows = self.vault.conn.execute("SELECT id, version FROM guides WHERE guide_id = ?",
                                           (guide_id,)).fetchall()
        if version:
            rows = [r for r in rows if r[1] == version]
        if not rows:
            known = sorted({r[0] for r in self.vault.conn.execute("SELECT guide_id FROM guides")})
            raise NotFound(Msg("vault.no_guide_vault_2", ref=ref),
                           Msg("vault.no_guide_vault_2.hint",
                               guides=", ".join(known) or Msg("vault.none")))
        best = max(rows, key=lambda r: (_version_key(r[1]), r[0]))
        return self.get(best[0])

    def list(self) -> list[StoredGuide]:
        pks = [r[0] for r in self.vault.conn.execute("SELECT id FROM guides ORDER BY guide_id, id")]
        return [self.get(pk) for pk in pks]

    def for_interview(self, interview_id: str) -> StoredGuide | None:
        row = self.vault.conn.execute("SELECT guide_pk FROM interviews WHERE id = ?",
                                      (interview_id,)).fetchone()
        if row is None:
            raise NotFound(Msg("vault.no_interview", interview_id=interview_id))
        return self.get(row[0]) if row[0] is not None else None

    def ensure_defaults(self, folder: Path | None = None) -> builtins.list[StoredGuide]:
        """Import the bundled guides whose (id, version) the vault lacks; returns those added."""
        added = []
        for path in sorted((folder or default_guides_dir()).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            guide = load_guide(text, path.name)
            exists = self.vault.conn.execute("SELECT 1 FROM guides WHERE guide_id = ? AND version = ?",
                                             (guide.id, guide.version)).fetchone()
            if not exists:
                added.append(self.import_yaml(text, path.name))
        return added
