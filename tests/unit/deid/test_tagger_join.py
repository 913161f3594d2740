"""The learned tagger's precision checks and its second pass (decisions 0245-0247): a learned
span that no rule finding backs must be sure of itself and pass the rules' own checks; a word
form read as a name once in an interview is read as one where it is said again; the export
gate asks about the tagger's weaker spans that nobody decided on."""

from __future__ import annotations

import pytest

from core.deid import tagger
from core.deid.findings import Finding
from core.deid.gate import second_look

pytestmark = pytest.mark.learned


def _span(text: str, word: str, etype: str = "PERSON", score: float = 0.9, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding(start, start + len(word), etype, word, score, tagger.RECOGNIZER, word.lower())


def _texts(found: list[Finding]) -> list[str]:
    return [f.text for f in found]


def test_a_lone_learned_person_that_the_rules_read_otherwise_is_dropped():
    text = "my coworker is hmong, she talks to everybody at the plant"
    hmong = _span(text, "hmong", score=0.6)
    # a people, not a name: the rules' own check (other_readings) says so
    assert tagger.lone_checked(text, [hmong], []) == []
    # with a rule finding under it the join decides, not this check
    assert tagger.lone_checked(text, [hmong], [(hmong.start, hmong.end)]) == [hmong]
    # the checks can be left out (the benchmark's "as shipped" row)
    assert tagger.lone_checked(text, [hmong], [], checks=False) == [hmong]


def test_a_description_the_model_is_sure_is_used_as_a_name_is_kept():
    text = "todo es por el mayordomo, por el güero, y el güero dice lo que hay que hacer"
    sure, unsure = _span(text, "güero", score=0.95, nth=1), _span(text, "güero", score=0.6, nth=1)
    assert tagger.lone_checked(text, [sure], []) == [sure]
    assert tagger.lone_checked(text, [unsure], []) == []


def test_a_lone_learned_span_needs_the_lone_threshold_but_one_the_rules_back_does_not():
    text = "then yesenia told me the code, seven seven four one"
    name = _span(text, "yesenia", score=0.45)
    number = _span(text, "seven seven four one", "ID_NUMBER", score=0.45)
    assert _texts(tagger.lone_checked(text, [name, number], [], lone_threshold=0.5)) == []
    assert _texts(tagger.lone_checked(text, [name, number], [], lone_threshold=0.4)) == ["yesenia",
                                                                                       "seven seven four one"]
    assert _texts(tagger.lone_checked(text, [name, number], [(name.start, name.end)], lone_threshold=0.5)) == [
        "yesenia"]


def test_a_lone_learned_person_that_is_a_town_is_dropped_unless_a_cue_says_person():
    text = "we moved from yuma in the spring"
    assert tagger.lone_checked(text, [_span(text, "yuma")], []) == []
    cued = "i told yuma about the schedule"
    assert _texts(tagger.lone_checked(cued, [_span(cued, "yuma")], [])) == ["yuma"]


def test_a_name_read_once_is_read_everywhere_it_is_said_again():
    text = "the boss, lily, she knows. lily always calls at night. ask lily."
    toks, probs = tagger.marginals(text)
    starts = [s for s, _ in toks]
    lilies = [starts.index(i) for i in range(len(text)) if text.startswith("lily", i)]
    inside = [1 - probs[i]["O"] for i in lilies]
    assert max(inside) > 0.9 and min(inside) < tagger.THRESHOLD  # the model alone misses one
    pooled = tagger.pooled(text, toks, probs, pool_min=0.9, weight=1.0, floor=0.05)
    assert all(1 - pooled[i]["O"] >= tagger.THRESHOLD for i in lilies)
    spans = tagger.proposals(text, toks, pooled)
    assert [text[s:e] for s, e, t, _ in spans if t == "PERSON"] == ["lily", "lily", "lily"]
    # every other token is as the model read it
    assert all(pooled[i] == probs[i] for i in range(len(toks)) if i not in lilies)


def test_a_word_read_as_a_word_stays_a_word_when_the_same_form_is_a_name_elsewhere():
    text = "my lead, sunny, said no. sunny is strict. it was sunny outside."
    toks, probs = tagger.marginals(text)
    pooled = tagger.pooled(text, toks, probs, pool_min=0.5, weight=1.0, floor=0.05)
    spans = [(s, text[s:e]) for s, e, _, _ in tagger.proposals(text, toks, pooled)]
    assert spans == [(9, "sunny"), (25, "sunny")]  # the lead said again, not "it was sunny outside"


def test_the_gate_asks_about_the_taggers_weaker_spans_nobody_decided_on():
    text = "he said ask for goyo at the back, goyo knows the code"
    band = [_span(text, "goyo", score=0.2), _span(text, "goyo", score=0.2, nth=1)]
    first = band[0]
    got = second_look(text, [], [], lambda t: [], band=band)
    assert [(s.text, s.reason) for s in got if s.reason == "second_look_tagger"] == [("goyo", "second_look_tagger")] * 2
    # one was marked fine, the other hidden: neither is asked again
    got = second_look(text, [(first.start, first.end, "[PERSON 1]")], [(first.start, first.end), (band[1].start, band[1].end)],
                      lambda t: [], band=band)
    assert [s for s in got if s.reason == "second_look_tagger"] == []


def test_sign_off_asks_about_a_name_only_the_taggers_band_sees(vault, interview, presidio):
    from core.deid import review
    from core.errors import SecondLookFlags
    from core.jobs import run_job
    from core.vault.transcripts import Segment, TranscriptRepo
    TranscriptRepo(vault).create(interview.id, [Segment(0, 4000, "the guy at the gate, big mo, he waves everybody in")])
    run_job(review.make_detect_job(vault, interview.id))
    review.accept_all(vault, interview.id)
    with pytest.raises(SecondLookFlags):
        review.sign_off(vault, interview.id)
    flags = [r for r in review.list_redactions(vault, interview.id, "proposed") if r.source == review.SECOND_LOOK]
    assert [r.original for r in flags] == ["big mo"]
    review.reject(vault, flags[0].id)  # marked fine: the sign-off holds and it is not asked again
    review.sign_off(vault, interview.id)
    assert review.is_signed_off(vault, interview.id)
