"""De-identification fixtures: Presidio is loaded once per test session (it takes seconds)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def presidio():
    """The process-wide analyzer, warmed up once; tests that run Presidio depend on it."""
    from core.deid import engine
    return engine.analyzer()


@pytest.fixture
def transcript(vault, interview):
    """An interview with protected names, a workplace and a four-segment transcript."""
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    repo = InterviewRepo(vault)
    repo.add_protected_name(interview.id, "Maria Gonzalez", "participant")
    repo.add_protected_name(interview.id, "Dana Ruiz", "supervisor")
    repo.add_protected_name(interview.id, "Robert Smith (Bobby)")
    repo.add_workplace_name("Riverside Distribution Center")
    segments = [
        Segment(0, 4000, "so my name is maria gonzalez and i pick orders at riverside", speaker="participant"),
        Segment(4000, 9000, "dana told me, maria, you can't take a break. bob smith saw it too",
                speaker="participant", question_id="q1"),
        Segment(9000, 12000, "off the record, dana's cell is two one seven five five five oh one nine two",
                off_record=True),
        Segment(12000, 20000, "i've been there eleven years. bobby and dana ruiz's crew, "
                              "they email me at maria dot g at gmail dot com", speaker="participant"),
    ]
    TranscriptRepo(vault).create(interview.id, segments)
    return interview


@pytest.fixture(autouse=True)
def rules_alone(request, monkeypatch):
    """The tests of the rules read what the rules find: the learned tagger (decision 0236) is
    left out of ``detect`` unless a test is marked ``learned`` or is in test_tagger.py. What the
    tagger adds is tested there and measured by benchmarks/deid/bench_tagger.py."""
    if request.node.get_closest_marker("learned") or request.node.path.name == "test_tagger.py":
        return
    from core.deid import detect
    monkeypatch.setattr(detect, "LEARNED_MODELS", ())
