"""A guide being edited: the editor's operations and their checks, in plain words.

The desktop's guide editor only shows a ``GuideDraft`` and calls these methods; every rule
(ids, versions, what a valid guide needs) lives here, so the CLI or a test can do the same.
A draft becomes a guide only through ``finish``, which also runs the YAML loader on the text
it will store, so the editor can never save a guide the loader would refuse.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from core.errors import GuideInvalid, Join, Msg
from core.guide.loader import load_guide
from core.guide.model import Guide, Question, Section, Theme
from core.guide.writer import dump_guide

LANGUAGES = ("en", "es")


@dataclass
class QuestionDraft:
    id: str
    text: str
    probes: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass
class SectionDraft:
    id: str
    title: str
    questions: list[QuestionDraft] = field(default_factory=list)


@dataclass
class ThemeDraft:
    id: str
    label: str
    description: str = ""
    examples: list[str] = field(default_factory=list)
    parent: str | None = None


def slug(text: str, taken: Iterable[str], fallback: str = "item") -> str:
    """A stable id from words ("How is your supervisor?" -> "how_is_your_supervisor")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = "_".join(re.findall(r"[a-z0-9]+", plain)[:5])[:40] or fallback
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def next_version(version: str, taken: Iterable[str], *, local: bool = False) -> str:
    """The next free version: "1.0" -> "1.1"; a study's guide adapted here -> "1.0-local.1"."""
    taken = set(taken)
    if local:
        base = version.split("-local.")[0]
        n = 1
        while f"{base}-local.{n}" in taken:
            n += 1
        return f"{base}-local.{n}"
    parts = version.split(".")
    if parts and parts[-1].isdigit():
        head, last = parts[:-1], int(parts[-1])
        while True:
            last += 1
            candidate = ".".join([*head, str(last)]) if head else str(last)
            if candidate not in taken:
                return candidate
    n = 2
    while f"{version}.{n}" in taken:
        n += 1
    return f"{version}.{n}"


@dataclass
class GuideDraft:
    id: str
    version: str
    title: str
    language: str
    consent_script: str
    sections: list[SectionDraft]
    themes: list[ThemeDraft]
    # Themes added in this draft: their id still follows their name. Ids already in the
    # guide never change, because tags in interviews point at them.
    new_theme_ids: set[str] = field(default_factory=set)

    # --- from and to guides -------------------------------------------------------------
    @classmethod
    def from_guide(cls, guide: Guide) -> GuideDraft:
        return cls(guide.id, guide.version, guide.title, guide.language, guide.consent_script,
                   [SectionDraft(s.id, s.title, [QuestionDraft(q.id, q.text, list(q.probes), list(q.themes))
                                                 for q in s.questions]) for s in guide.sections],
                   [ThemeDraft(t.id, t.label, t.description, list(t.examples), t.parent)
                    for t in guide.themes])

    def to_guide(self) -> Guide:
        return Guide(self.id.strip(), self.version.strip(), self.title.strip(), self.language.strip(),
                     [Section(s.id, s.title.strip(),
                              [Question(q.id, q.text.strip(), [p.strip() for p in q.probes if p.strip()],
                                        list(dict.fromkeys(q.themes))) for q in s.questions])
                      for s in self.sections],
                     [Theme(t.id, t.label.strip(), t.description.strip(),
                            [e.strip() for e in t.examples if e.strip()], t.parent or None)
                      for t in self.themes],
                     self.consent_script.strip() + "\n" if self.consent_script.strip() else "")

    # --- questions ---------------------------------------------------------------------
    def question_ids(self) -> list[str]:
        return [q.id for s in self.sections for q in s.questions]

    def add_section(self, title: str) -> SectionDraft:
        section = SectionDraft(slug(title, [s.id for s in self.sections], "section"), title)
        self.sections.append(section)
        return section

    def add_question(self, section: int, text: str, *, after: int | None = None) -> QuestionDraft:
        """A new question in ``section`` (at the end, or just after question ``after``)."""
        question = QuestionDraft(slug(text, self.question_ids(), "question"), text)
        questions = self.sections[section].questions
        questions.insert(len(questions) if after is None else after + 1, question)
        return question

    def move_question(self, section: int, index: int, delta: int) -> tuple[int, int]:
        """Move a question up (-1) or down (+1), across sections at the edges; its new place."""
        questions = self.sections[section].questions
        question = questions[index]
        target = index + delta
        if 0 <= target < len(questions):
            questions[index], questions[target] = questions[target], questions[index]
            return section, target
        neighbour = section + (1 if delta > 0 else -1)
        if not 0 <= neighbour < len(self.sections):
            return section, index
        questions.pop(index)
        dest = self.sections[neighbour].questions
        place = 0 if delta > 0 else len(dest)
        dest.insert(place, question)
        return neighbour, place

    def delete_question(self, section: int, index: int) -> None:
        self.sections[section].questions.pop(index)

    # --- themes ------------------------------------------------------------------------
    def add_theme(self, label: str, description: str = "") -> ThemeDraft:
        theme = ThemeDraft(slug(label, [t.id for t in self.themes], "theme"), label, description)
        self.themes.append(theme)
        self.new_theme_ids.add(theme.id)
        return theme

    def rename_theme(self, theme_id: str, label: str) -> ThemeDraft:
        """Change a theme's name; a theme new in this draft also gets an id from the new name."""
        theme = next(t for t in self.themes if t.id == theme_id)
        theme.label = label
        if theme_id in self.new_theme_ids and label.strip():
            new_id = slug(label, [t.id for t in self.themes if t is not theme], "theme")
            if new_id != theme_id:
                self.new_theme_ids.discard(theme_id)
                self.new_theme_ids.add(new_id)
                theme.id = new_id
                for t in self.themes:
                    if t.parent == theme_id:
                        t.parent = new_id
                for s in self.sections:
                    for q in s.questions:
                        q.themes = [new_id if t == theme_id else t for t in q.themes]
        return theme

    def delete_theme(self, theme_id: str) -> None:
        """Remove a theme from the codebook and from every question that expected it."""
        self.themes = [t for t in self.themes if t.id != theme_id]
        for t in self.themes:
            if t.parent == theme_id:
                t.parent = None
        for s in self.sections:
            for q in s.questions:
                q.themes = [t for t in q.themes if t != theme_id]

    # --- checks ------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stops this draft from being saved, in plain English (empty: it can be saved)."""
        return [str(m) for m in self.problem_messages()]

    def problem_messages(self) -> list[Msg]:
        """The same as messages with ids, for showing in the person's language."""
        out: list[Msg] = []
        if not self.title.strip():
            out.append(Msg("guide.draft.needs_title"))
        if self.language.strip() not in LANGUAGES:
            out.append(Msg("guide.draft.choose_language"))
        if not self.version.strip():
            out.append(Msg("guide.draft.needs_version"))
        if not self.themes:
            out.append(Msg("guide.draft.needs_theme"))
        for n, t in enumerate(self.themes, 1):
            if not t.label.strip():
                out.append(Msg("guide.draft.theme_no_name", n=n))
        labels = [t.label.strip().casefold() for t in self.themes if t.label.strip()]
        for label in sorted({x for x in labels if labels.count(x) > 1}):
            out.append(Msg("guide.draft.two_themes_called", label=label))
        if not any(s.questions for s in self.sections):
            out.append(Msg("guide.draft.needs_question"))
        number = 0
        for s in self.sections:
            if not s.title.strip():
                out.append(Msg("guide.draft.section_no_title"))
            if not s.questions:
                out.append(Msg("guide.draft.section_no_questions",
                               title=s.title or Msg("guide.draft.untitled")))
            for q in s.questions:
                number += 1
                if not q.text.strip():
                    out.append(Msg("guide.draft.question_no_text", number=number))
        return out

    def finish(self, version: str) -> tuple[str, Guide]:
        """The YAML text and guide of this draft saved as ``version``; GuideInvalid if not valid."""
        self.version = version
        problems = self.problem_messages()
        if problems:
            raise GuideInvalid(problems, Msg("guide.draft.cannot_save",
                                             problems=Join(problems, "\n  - ")))
        text = dump_guide(self.to_guide())
        return text, load_guide(text, f"{self.id}@{version}")
