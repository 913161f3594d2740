"""The export gate: a second look over the de-identified text flags what still looks like a
person, an address or a number; each flag needs a decision (hide or mark fine) before sign-off,
and the packet writer refuses while one is open."""

from __future__ import annotations

import pytest

from core.deid import review
from core.deid.gate import second_look
from core.errors import SecondLookFlags
from core.jobs import run_job


def _look(text, hidden=(), decided=()):
    return [(s.entity_type, s.text) for s in second_look(text, list(hidden), list(decided), lambda t: [])]


def test_suspicions_in_text_that_would_leave():
    text = "then Ortega moved us to unit 4471 on maple street, and we went with hope to the Kroger"
    got = _look(text)
    assert ("PERSON", "Ortega") in got and ("ID_NUMBER", "4471") in got
    assert ("ADDRESS", "maple street") in got and ("PERSON", "hope") in got
    assert ("PERSON", "Kroger") in got  # a capital mid-sentence: a person or a place, a person decides


def test_counts_years_and_money_are_not_asked_about():
    text = "in 2019 they paid 1,200 dollars for 300 hours, about 15 an hour, 40 percent of it"
    assert _look(text) == []


def test_placeholders_and_decided_spans_are_not_asked_again():
    text = "dana ruiz told me that ortega was there"
    # "dana ruiz" is hidden; "ortega" was marked fine by the researcher.
    assert _look(text, hidden=[(0, 9, "[SUPERVISOR 1]")], decided=[(0, 9), (23, 29)]) == []
    assert _look(text, hidden=[(0, 9, "[SUPERVISOR 1]")], decided=[(0, 9)]) == [("PERSON", "ortega")]


@pytest.fixture
def flagged(vault, interview, presidio):
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    InterviewRepo(vault).add_protected_name(interview.id, "Dana Ruiz", "supervisor")
    TranscriptRepo(vault).create(interview.id, [
        Segment(0, 4000, "dana told me to go see Ortega about it, he sits in room 4471 by the bluebird sign")])
    run_job(review.make_detect_job(vault, interview.id))
    review.accept_all(vault, interview.id)
    return interview


def test_sign_off_files_flags_and_each_needs_a_decision(vault, flagged):
    with pytest.raises(SecondLookFlags) as info:
        review.sign_off(vault, flagged.id)
    assert "second look" in info.value.user_message and "hint" not in info.value.user_message
    flags = [r for r in review.list_redactions(vault, flagged.id, "proposed") if r.source == review.SECOND_LOOK]
    assert {r.original for r in flags} >= {"4471"}
    assert not review.is_signed_off(vault, flagged.id)
    # accept-all does not clear them: nothing passes without its own decision
    review.accept_all(vault, flagged.id)
    assert [r for r in review.list_redactions(vault, flagged.id, "proposed")] == flags
    # hide one, mark the rest fine: now the sign-off holds, and nothing is asked again
    review.accept(vault, flags[0].id)
    for r in flags[1:]:
        review.reject(vault, r.id)
    review.sign_off(vault, flagged.id)
    assert review.is_signed_off(vault, flagged.id)
    text = " ".join(s.text for s in review.deidentified_segments(vault, flagged.id))
    assert flags[0].original not in text and "[SUPERVISOR 1]" in text


def test_packet_writer_refuses_an_open_flag(vault, flagged, coordinator_vault, tmp_path):
    from core.packets import keys
    from core.packets.writer import make_export_job
    from core.vault.interviews import InterviewRepo
    keys.add_recipient(vault, keys.age_recipient(coordinator_vault), label="Coordinator")
    with pytest.raises(SecondLookFlags):
        review.sign_off(vault, flagged.id)
    for r in review.list_redactions(vault, flagged.id, "proposed"):
        review.reject(vault, r.id)
    review.sign_off(vault, flagged.id)
    # A workplace listed after the sign-off is still in the text: the second look at export stops it.
    InterviewRepo(vault).add_workplace_name("Bluebird")
    with pytest.raises(SecondLookFlags):
        run_job(make_export_job(vault, flagged.id, tmp_path / "x.cpkt"))
    assert not (tmp_path / "x.cpkt").exists()
