"""What the coordinator's reports are drawn from: an ``Aggregate`` over imported interviews.

The data classes live here, below ``core.coordinator`` in the layer order, so the report
writers (PDF, CSV, REFI-QDA) can take an ``Aggregate`` without importing the coordinator;
``core.coordinator.aggregate`` computes it. Every text in it is de-identified (it comes from
packets' validated interview documents) and interviews are named only by participant code and site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from core.documents.interview import CodebookEntry, InterviewDoc

NO_QUESTION = ""  # the question key of segments not tied to any guide question


class InterviewStream:
    """Interviews read a page at a time, as often as a writer needs them, never all at once.

    Iterating opens a fresh pass (``open_pass`` re-reads the vault), so an aggregate and every
    file made from it see the same interviews while memory stays flat however large the inbox.
    Each interview comes once (the inbox is keyed by device and packet id) and in report order
    (site, month, participant code, packet id), so no writer needs to sort or de-duplicate.
    """

    def __init__(self, open_pass: Callable[[], Iterator[InterviewDoc]],
                 keep: Callable[[InterviewDoc], bool] | None = None) -> None:
        self._open = open_pass
        self._keep = keep

    def __iter__(self) -> Iterator[InterviewDoc]:
        keep = self._keep
        for doc in self._open():
            if keep is None or keep(doc):
                yield doc

    def filtered(self, keep: Callable[[InterviewDoc], bool]) -> InterviewStream:
        """The same stream keeping only interviews that ``keep`` accepts (and this one did)."""
        before = self._keep
        return InterviewStream(self._open, keep if before is None else (lambda d: before(d) and keep(d)))


def ordered_unique(interviews: Iterable[InterviewDoc]) -> Iterable[InterviewDoc]:
    """Interviews once each (by device and packet id), in report order: a stream as it is,
    anything else de-duplicated and sorted in memory (lists in tests and small callers)."""
    if isinstance(interviews, InterviewStream):
        return interviews
    seen: dict[tuple[str, str], InterviewDoc] = {}
    for item in interviews:
        seen.setdefault(item.key, item)
    return sorted(seen.values(), key=report_order)


def report_order(interview: InterviewDoc) -> tuple[str, str, str, str]:
    meta = interview.interview
    return (meta.site, meta.month, meta.code, interview.packet_id)


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
    device: str = ""   # the signing device's fingerprint: packet ids are unique per device only


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
    # The interviews included, in report order: a list, or an ``InterviewStream`` that reads
    # them again from the vault for each file written (never all in memory).
    interviews: Iterable[InterviewDoc]
    themes: list[ThemeStat]
    sites: list[SiteStat]
    questions: list[QuestionStat]
    theme_ids: list[str]  # the order of rows and columns in ``cooccurrence``
    cooccurrence: list[list[int]]
    guide_versions: dict[str, int]  # "guide-id@version" -> interviews
    months: tuple[str, str] | None
    redactions: dict[str, int]
    total_answers: int
    warnings: list[str] = field(default_factory=list)   # in English (logs, JSON)
    warning_msgs: list[Any] = field(default_factory=list)  # the same as messages with ids (Msg)
    count: int | None = None  # how many ``interviews`` holds (None: a list, its length)
    # The codebook merged over the interviews (a later interview's entry wins, first-seen order),
    # for the REFI-QDA project; None when not computed.
    codebook: list[CodebookEntry] | None = None

    @property
    def n_interviews(self) -> int:
        if self.count is not None:
            return self.count
        return len(self.interviews) if isinstance(self.interviews, list) else sum(1 for _ in self.interviews)

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
