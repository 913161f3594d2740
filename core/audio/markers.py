"""Marker arithmetic on the recording's sample clock (pure functions, no I/O).

Other capabilities use ``off_record_spans`` to cut off-the-record audio out before
transcription and to drop off-the-record segments from exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


class _MarkerLike(Protocol):
    # Read-only members, so frozen dataclasses (core.vault.recordings.Marker) match.
    @property
    def kind(self) -> str: ...
    @property
    def sample_offset(self) -> int: ...
    @property
    def question_id(self) -> str | None: ...


def off_record_spans(markers: Iterable[_MarkerLike], total_samples: int) -> list[tuple[int, int]]:
    """Sample ranges [start, end) that are off the record; an unclosed span runs to the end.

    Empty spans (off the record while audio was not captured, so the clock did not move)
    are left out: there is no audio to cut. Overlapping or repeated starts merge.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in sorted(markers, key=lambda m: m.sample_offset):
        pos = max(0, min(int(m.sample_offset), total_samples))
        if m.kind == "off_record_start" and open_at is None:
            open_at = pos
        elif m.kind == "off_record_end" and open_at is not None:
            spans.append((open_at, pos))
            open_at = None
    if open_at is not None:
        spans.append((open_at, total_samples))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def is_off_record(spans: Sequence[tuple[int, int]], start_sample: int, end_sample: int) -> bool:
    """True when [start_sample, end_sample) overlaps any off-the-record span."""
    return any(s < end_sample and start_sample < e for s, e in spans)


@dataclass(frozen=True)
class QuestionSpan:
    question_id: str | None
    label: str
    start_sample: int
    end_sample: int


def question_spans(markers: Iterable[_MarkerLike], total_samples: int) -> list[QuestionSpan]:
    """The stretch of audio after each next-question marker, up to the next one (or the end).

    Audio before the first marker has question_id None (introductions, consent).
    """
    marks = sorted((m for m in markers if m.kind == "next_question"), key=lambda m: m.sample_offset)
    spans: list[QuestionSpan] = []
    start, qid, label = 0, None, ""
    for m in marks:
        pos = max(0, min(int(m.sample_offset), total_samples))
        if pos > start or spans or qid is not None:
            spans.append(QuestionSpan(qid, label, start, pos))
        start, qid, label = pos, m.question_id, getattr(m, "label", "")
    spans.append(QuestionSpan(qid, label, start, total_samples))
    return [s for s in spans if s.end_sample > s.start_sample]
