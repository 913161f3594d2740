"""Choosing a handful of representative quotes for a theme.

"Representative" here is deliberately simple and explainable: participants' words (not the
interviewer's), passages a researcher coded by hand before machine suggestions they
accepted, a readable length, and spread — at most one quote per interview, taken round-robin
across sites so one large site does not fill every slot. Deterministic, so a report made
twice from the same inbox is the same report.
"""

from __future__ import annotations

from collections import defaultdict

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
    if limit <= 0 or not candidates:
        return []
    best_per_interview: dict[str, tuple[tuple[int, ...], Quote]] = {}
    for interview, segment, tag in candidates:
        text = passage_text(segment, tag)
        if len(text) < 12:  # fragments like "yes, that" say nothing on their own
            continue
        pid = interview.packet_id
        score = _score(segment, tag, text)
        key: tuple[int, ...] = score + (-segment.index,)
        one = f"{pid}@{interview.device_fingerprint}"  # ids are per device (spec §8)
        current = best_per_interview.get(one)
        if current is not None and current[0] >= key:
            continue
        meta = interview.interview
        qid = segment.question_id or NO_QUESTION
        question = interview.question(qid)
        qtext = question.text if question is not None else ""
        best_per_interview[one] = (key, Quote(theme_id, shorten(text), meta.code, meta.site, qid,
                                              qtext, pid))
    by_site: dict[str, list[tuple[tuple[int, ...], Quote]]] = defaultdict(list)
    for rank, quote in best_per_interview.values():
        by_site[quote.site].append((rank, quote))
    queues = []
    for site in sorted(by_site):
        items = sorted(by_site[site], key=lambda kq: (tuple(-k for k in kq[0]), kq[1].interview_code,
                                                      kq[1].packet_id))
        queues.append([q for _k, q in items])
    chosen: list[Quote] = []
    said: set[str] = set()  # the same words from two interviews are shown once
    while len(chosen) < limit and any(queues):
        for queue in queues:
            while queue and len(chosen) < limit:
                quote = queue.pop(0)
                words = " ".join(quote.text.lower().split())
                if words not in said:
                    said.add(words)
                    chosen.append(quote)
                    break
    return chosen
