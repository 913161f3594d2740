"""The typed interview document: ``from_json`` accepts what the spec allows and nothing else."""

from __future__ import annotations

import copy
import json

import pytest

from core.documents.interview import InterviewDoc, InvalidInterviewDoc
from tests.helpers.coordinator_data import make_interview


def _doc() -> dict:
    return make_interview(packet_id="ab" * 16, seed=3)


def test_round_trip_is_exact():
    raw = _doc()
    doc = InterviewDoc.from_json(raw)
    assert doc.to_json() == json.loads(json.dumps(raw))  # same keys, same values
    assert InterviewDoc.from_json(doc.to_json()) == doc
    assert doc.deid.redaction_counts() == {"PERSON": 1, "SUPERVISOR": 1}


def test_unknown_keys_are_ignored():
    raw = _doc()
    raw["later_field"] = {"anything": [1, 2]}
    raw["segments"][0]["emotion"] = "calm"
    assert InterviewDoc.from_json(raw) == InterviewDoc.from_json(_doc())


def _set(path: str, value):
    def change(doc: dict) -> None:
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return change


_DELETE = object()

# Each case: how a hostile or buggy sender breaks §5.2, and where the parser must say it is.
CASES = [
    ("deid.redactions", ["PERSON"], "deid.redactions: expected an object of counts, got a list"),
    ("deid.redactions", {"PERSON": "3"}, "deid.redactions.PERSON: expected a whole number"),
    ("deid.redactions", {"PERSON": True}, "deid.redactions.PERSON: expected a whole number"),
    ("deid.redactions", {"PERSON": -1}, "deid.redactions.PERSON: expected a whole number"),
    ("deid", [], "deid: expected an object, got a list"),
    ("deid.signed_off_at", 5, "deid.signed_off_at: expected text, got a number"),
    ("interview.consent", "verbal", "interview.consent: expected an object, got text"),
    ("interview.consent.witnessed", "yes", "interview.consent.witnessed: expected true or false"),
    ("interview.code", None, "interview.code: expected text, got null"),
    ("interview.site", _DELETE, "interview.site: missing"),
    ("app", "confidant", "app: expected an object, got text"),
    ("app.version", 1.5, "app.version: expected text, got a fractional number"),
    ("guide.version", 1, "guide.version: expected text, got a number"),
    ("codebook", {"pay": "Pay"}, "codebook: expected a list, got an object"),
    ("codebook.0.parent", 7, "codebook[0].parent: expected text or null, got a number"),
    ("questions.0", "q1", "questions[0]: expected an object, got text"),
    ("segments.0.index", "0", "segments[0].index: expected a whole number from 0, got text"),
    ("segments.0.start_ms", 2**63, "segments[0].start_ms: expected a whole number"),
    ("segments.0.text", ["a"], "segments[0].text: expected text, got a list"),
    ("segments.1.index", 0, "segments: two segments have the same index"),
    ("tags.0.segment", 999, "tags: a tag points at a segment that is not in the transcript"),
    ("tags.0.start", "0", "tags[0].start: expected a whole number from 0, got text"),
    ("memos.0.segment", 999, "memos: a memo points at a segment that is not in the transcript"),
    ("memos", _DELETE, "memos: missing"),
    ("supersedes", 3, "supersedes: expected text or null, got a number"),
]


@pytest.mark.parametrize(("path", "value", "problem"), CASES, ids=[c[0] + ":" + repr(c[1])[:12] for c in CASES])
def test_a_field_of_the_wrong_type_is_refused_with_where(path, value, problem):
    raw = copy.deepcopy(_doc())
    _set(path, value)(raw)
    with pytest.raises(InvalidInterviewDoc) as caught:
        InterviewDoc.from_json(raw)
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems
    assert "does not follow the packet format" in caught.value.user_message


def test_not_an_object_or_wrong_format():
    for raw in ([], "x", None, {"format": "confidant-interview/2"}):
        with pytest.raises(InvalidInterviewDoc):
            InterviewDoc.from_json(raw)


def test_every_problem_is_listed_not_only_the_first():
    raw = _doc()
    raw["deid"]["redactions"] = []
    raw["app"] = None
    raw["segments"][2]["speaker"] = 1
    problems = pytest.raises(InvalidInterviewDoc, InterviewDoc.from_json, raw).value.problems
    assert len(problems) == 3
