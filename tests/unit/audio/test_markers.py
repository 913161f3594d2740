"""off_record_spans and question_spans: pure arithmetic on the sample clock."""

from __future__ import annotations

from dataclasses import dataclass

from core.audio.markers import is_off_record, off_record_spans, question_spans


@dataclass
class M:
    kind: str
    sample_offset: int
    question_id: str | None = None
    label: str = ""


def test_closed_and_unclosed_spans():
    ms = [M("off_record_start", 100), M("off_record_end", 200), M("off_record_start", 500)]
    assert off_record_spans(ms, 1000) == [(100, 200), (500, 1000)]


def test_empty_spans_dropped_and_overlaps_merged():
    ms = [M("off_record_start", 100), M("off_record_end", 100),       # not captured: no audio
          M("off_record_start", 300), M("off_record_start", 350),   # repeated start ignored
          M("off_record_end", 400), M("pause", 420)]
    assert off_record_spans(ms, 1000) == [(300, 400)]
    assert off_record_spans([], 10) == []


def test_offsets_clipped_to_total():
    assert off_record_spans([M("off_record_start", 900), M("off_record_end", 5000)], 1000) == [(900, 1000)]


def test_is_off_record():
    spans = [(100, 200)]
    assert is_off_record(spans, 150, 160) and is_off_record(spans, 50, 101)
    assert not is_off_record(spans, 200, 300)


def test_question_spans():
    ms = [M("next_question", 100, "q1"), M("bookmark", 150), M("next_question", 400, "q2")]
    spans = question_spans(ms, 1000)
    assert [(s.question_id, s.start_sample, s.end_sample) for s in spans] == [
        (None, 0, 100), ("q1", 100, 400), ("q2", 400, 1000)]
