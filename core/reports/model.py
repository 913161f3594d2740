"""What the coordinator's reports are drawn from: an ``Aggregate`` over imported interviews.

The data classes live here, below ``core.coordinator`` in the layer order, so the report
writers (PDF, CSV, REFI-QDA) can take an ``Aggregate`` without importing the coordinator;
``core.coordinator.aggregate`` computes it. Every text in it is de-identified (it comes from
packets' validated interview documents) and interviews are named only by participant code and site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.documents.interview import InterviewDoc

NO_QUESTION = ""  # the question key of segments not tied to any guide question


@dataclass(frozen=True)
class Quote:
    """A de-identified passage tagged with a theme, with where it came from."""

    theme_id: str
    text: str
    interview_code: str
    site: str
    question_id: str
    question_text: str
    packet_id: str


@dataclass
class ThemeStat:
    """How often one theme came up (interviews, answers and coded passages)."""

    theme_id: str
    label: str
    description: str = ""
    parent: str | None = None
    interviews: int = 0
    answers: int = 0
    passages: int = 0
    interviews_by_site: dict[str, int] = field(default_factory=dict)
    answers_by_question: dict[str, int] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class SiteStat:
    site: str
    interviews: int = 0
    answers: int = 0


@dataclass
class QuestionStat:
    """One guide question: how many interviews answered it and which themes came up."""

    question_id: str
    text: str
    section: str = ""
    interviews: int = 0
    answers: int = 0
    segments: int = 0
    themes: dict[str, int] = field(default_factory=dict)  # theme id -> answers tagged


@dataclass
class Aggregate:
    """Counts, co-occurrence and quotes over the current (not superseded) interviews.

    An *answer* is one interview's talk under one guide question (all its segments with
    that ``question_id``); co-occurrence counts answers where both themes were coded.
    """

    filters: dict[str, str | None]
    generated_at: str
    interviews: list[InterviewDoc]  # the interviews included, in a stable order
    themes: list[ThemeStat]
    sites: list[SiteStat]
    questions: list[QuestionStat]
    theme_ids: list[str]  # the order of rows and columns in ``cooccurrence``
    cooccurrence: list[list[int]]
    guide_versions: dict[str, int]  # "guide-id@version" -> interviews
    months: tuple[str, str] | None
    redactions: dict[str, int]
    total_answers: int
    warnings: list[str] = field(default_factory=list)

    @property
    def n_interviews(self) -> int:
        return len(self.interviews)

    def theme(self, theme_id: str) -> ThemeStat:
        for stat in self.themes:
            if stat.theme_id == theme_id:
                return stat
        raise KeyError(theme_id)

    def label(self, theme_id: str) -> str:
        try:
            return self.theme(theme_id).label
        except KeyError:
            return theme_id
