"""Choosing a handful of representative quotes for a theme.

"Representative" here is deliberately simple and explainable: participants' words (not the
interviewer's), passages a researcher coded by hand before machine suggestions they
accepted, a readable length, and spread — at most one quote per interview, taken round-robin
across sites so one large site does not fill every slot. Deterministic, so a report made
twice from the same inbox is the same report.
"""

from __future__ import annotations

from typing import Any

from core.documents.interview import InterviewDoc, Segment, Tag
from core.reports.model import NO_QUESTION, Quote

MIN_SPAN_CHARS = 30     # a coded span shorter than this is quoted with its whole segment
MAX_QUOTE_CHARS = 320   # longer passages are cut at a word boundary
IDEAL_CHARS = (80, 260)

Candidate = tuple[InterviewDoc, Segment, Tag]


def passage_text(segment: Segment, tag: Tag) -> str:
    """The coded passage: the tag's span if it has a useful one, else the segment."""
    text = segment.text
    span = tag.span(text)
    if span is not None:
        passage = text[span[0]:span[1]].strip()
        if len(passage) >= MIN_SPAN_CHARS:
            return passage
    return text.strip()


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def _score(segment: Segment, tag: Tag, text: str) -> tuple[int, int, int]:
    by_participant = 0 if segment.speaker == "interviewer" else 1
    manual = 1 if tag.source == "manual" else 0
    low, high = IDEAL_CHARS
    length_fit = 1 if low <= len(text) <= high else 0
    return (by_participant, manual, length_fit)


def pick_quotes(theme_id: str, candidates: list[Candidate], *, limit: int = 5) -> list[Quote]:
    """Up to ``limit`` quotes for ``theme_id``: best-scored first, one per interview,
    round-robin across sites."""
    picker = QuotePicker(theme_id, limit)
    by_interview: dict[tuple[str, str], list[tuple[Segment, Tag]]] = {}
    first: dict[tuple[str, str], InterviewDoc] = {}
    for interview, segment, tag in candidates:
        by_interview.setdefault(interview.key, []).append((segment, tag))
        first.setdefault(interview.key, interview)
    for key, items in by_interview.items():
        picker.add(first[key], items)
    return picker.quotes()


class QuotePicker:
    """``pick_quotes`` over interviews given one at a time, in report order.

    Only what the round-robin could ever reach is kept: per site, the best passage of each
    distinct wording, and at most ``2 * limit`` of those — a site gives at most ``limit``
    quotes and passes over fewer than ``limit`` wordings another site already gave. So memory
    stays the same however many interviews there are, and the quotes are those
    ``pick_quotes`` would choose from all the candidates at once.
    """

    def __init__(self, theme_id: str, limit: int) -> None:
        self.theme_id, self.limit = theme_id, limit
        self._room = 2 * max(limit, 0)
        # site -> wording -> (order within the site, quote); order: best first, then code,
        # packet id, and the interview's place (what a stable sort of all of them would give)
        self._sites: dict[str, dict[str, tuple[tuple[Any, ...], Quote]]] = {}
        self._worst: dict[str, tuple[Any, ...]] = {}  # a full site's worst order kept
        self._n = 0

    def add(self, interview: InterviewDoc, passages: list[tuple[Segment, Tag]]) -> None:
        """One interview's passages coded with this theme (its best one may be kept)."""
        n, self._n = self._n, self._n + 1
        if self.limit <= 0:
            return
        best: tuple[tuple[int, ...], Segment, str] | None = None
        for segment, tag in passages:
            text = passage_text(segment, tag)
            if len(text) < 12:  # fragments like "yes, that" say nothing on their own
                continue
            key: tuple[int, ...] = _score(segment, tag, text) + (-segment.index,)
            if best is None or key > best[0]:
                best = (key, segment, text)
        if best is None:
            return
        rank, segment, text = best
        meta = interview.interview
        order = (tuple(-k for k in rank), meta.code, interview.packet_id, n)
        site = self._sites.setdefault(meta.site, {})
        worst = self._worst.get(meta.site)
        if worst is not None and order > worst:
            return  # the site is full of better ones (a kept wording's best is better still)
        quote_text = shorten(text)
        words = " ".join(quote_text.lower().split())
        held = site.get(words)
        if held is not None and held[0] <= order:
            return
        qid = segment.question_id or NO_QUESTION
        question = interview.question(qid)
        site[words] = (order, Quote(self.theme_id, quote_text, meta.code, meta.site, qid,
                                    question.text if question is not None else "", interview.packet_id,
                                    interview.device_fingerprint))
        if len(site) > self._room:
            del site[max(site, key=lambda w: site[w][0])]
        if len(site) >= self._room:
            self._worst[meta.site] = max(o for o, _q in site.values())

    def quotes(self) -> list[Quote]:
        """The quotes: round-robin across sites (in name order), best first within each, the
        same words from two interviews shown once."""
        queues = [[q for _o, q in sorted(self._sites[site].values(), key=lambda oq: oq[0])]
                  for site in sorted(self._sites)]
        chosen: list[Quote] = []
        said: set[str] = set()
        while len(chosen) < self.limit and any(queues):
            for queue in queues:
                while queue and len(chosen) < self.limit:
                    quote = queue.pop(0)
                    words = " ".join(quote.text.lower().split())
                    if words not in said:
                        said.add(words)
                        chosen.append(quote)
                        break
        return chosen
