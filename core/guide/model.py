"""The interview guide and its codebook, as plain values.

A guide has sections of questions (each with optional probes and the theme ids its answers
are expected to touch) and a codebook of themes. Values are immutable once loaded: a changed
guide is a new version, so an interview always points at exactly the guide it used.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Theme:
    """One code of the codebook: a stable id, a label people see, and what it means.

    The one theme type: a guide's codebook and the vault's (``core.vault.themes``) both hold
    these. ``merged_into`` is set only in a vault, for a theme the researcher merged into
    another (the row stays so old guide versions still resolve).
    """

    id: str
    label: str
    description: str = ""
    examples: list[str] = field(default_factory=list)
    parent: str | None = None
    merged_into: str | None = None


@dataclass(frozen=True)
class Question:
    """A question as written in the guide; interviewers may paraphrase it when asking."""

    id: str
    text: str
    probes: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: list[Question] = field(default_factory=list)


@dataclass(frozen=True)
class Guide:
    """A whole guide: ``id`` + ``version`` identify it; ``language`` is an ISO code (en, es)."""

    id: str
    version: str
    title: str
    language: str
    sections: list[Section]
    themes: list[Theme]
    consent_script: str = ""

    def questions(self) -> list[Question]:
        """Every question in guide order."""
        return [q for s in self.sections for q in s.questions]

    def question(self, qid: str) -> Question:
        """The question with id ``qid`` (KeyError if the guide has none)."""
        for q in self.questions():
            if q.id == qid:
                return q
        raise KeyError(qid)

    def theme(self, tid: str) -> Theme:
        """The theme with id ``tid`` (KeyError if the codebook has none)."""
        for t in self.themes:
            if t.id == tid:
                return t
        raise KeyError(tid)

    def section_of(self, qid: str) -> Section:
        """The section holding question ``qid`` (KeyError if none)."""
        for s in self.sections:
            if any(q.id == qid for q in s.questions):
                return s
        raise KeyError(qid)

    def theme_ids(self) -> list[str]:
        return [t.id for t in self.themes]

    @property
    def ref(self) -> str:
        """``id@version``, the form people type on the command line."""
        return f"{self.id}@{self.version}"
