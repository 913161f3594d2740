"""Alignment without markers: asking form, out-of-order questions, skips, unpunctuated text."""

from __future__ import annotations

import numpy as np

from core.guide.loader import load_guide
from core.tagging.questions import align_by_wording
from core.tagging.unmarked import asking_form, viterbi_places
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments

GUIDE = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))


def _align(turns: list[tuple[str | None, str]], embedder) -> list[str | None]:
    """The question each turn's last word ends up under (a lead-in may be split off)."""
    segs = build_segments([t for _, t in turns])
    result = align_by_wording(segs, GUIDE, embedder)
    by_word = {w.start_ms: s.question_id for s in result.segments for w in s.words}
    return [by_word[seg.words[-1].start_ms] for seg in segs]


def test_asking_form_reads_unpunctuated_questions():
    assert asking_form("so tell me what your shift looks like from when you clock in") >= 0.9
    assert asking_form("and where were you working before you came here") == 1.0
    assert asking_form("Is there any way to move up here?") == 1.0
    assert asking_form("i clock in at six and i have twelve residents on my hall") < 0.6


def test_viterbi_goes_back_only_on_strong_evidence():
    # units x questions; question 0 is placed late and strongly, question 1 early.
    strong = np.array([[0.0, 0.9], [0.0, 0.0], [0.9, 0.0]], dtype=np.float32)
    assert [(u, q) for u, q, _ in viterbi_places(strong)] == [(0, 1), (2, 0)]
    weak = np.array([[0.0, 0.9], [0.0, 0.0], [0.5, 0.0]], dtype=np.float32)
    assert [(u, q) for u, q, _ in viterbi_places(weak)] == [(0, 1)]


def test_heavily_paraphrased_question_is_found(embedder):
    turns = [
        ("current_job", "So what's it like in the kitchen these days?"),
        ("current_job", "Crazy. We are down two cooks and I work fifty hour weeks with no breaks."),
        ("leadership", "What about the chef and the owners, how do they treat you guys?"),
        ("leadership", "The chef is fair. The owner yells at whoever is closest and plays favourites."),
        ("ideal_job", "Dream scenario, what does a good kitchen job look like to you?"),
        ("ideal_job", "A full crew, health insurance and two days off in a row."),
    ]
    assert _align(turns, embedder) == [q for q, _ in turns]


def test_question_asked_out_of_guide_order_is_found(embedder):
    turns = [
        ("current_job", "What do you do at the store, day to day?"),
        ("current_job", "I'm on the register most of the time and my shifts change every week."),
        ("barriers", "What are the biggest challenges you face at work?"),
        ("barriers", "Standing for eight hours. My knees are shot and customers yell at us."),
        ("previous_job", "Oh, I forgot to ask earlier. What did you do before the store?"),
        ("previous_job", "Fast food for two years. The store is better, it pays a dollar more."),
    ]
    assert _align(turns, embedder) == [q for q, _ in turns]


def test_skipped_question_does_not_steal_answers(embedder):
    turns = [
        ("satisfaction", "Overall, how satisfied are you with your job?"),
        ("satisfaction", "I like my crew, but the nights are long and I'm tired all the time."),
        ("voice", "If you see a problem, can you say something about it?"),
        ("voice", "You can, but nothing happens. We told them about the broken conveyor twice."),
        ("ideal_job", "If you could design a good job, what would it look like?"),
        ("ideal_job", "Steady hours and a manager who listens to us."),
    ]
    got = _align(turns, embedder)
    assert got == [q for q, _ in turns]
    # Questions never asked (psych_safety, leadership...) own no answer words.
    assert set(got) == {"satisfaction", "voice", "ideal_job"}


def test_question_glued_to_an_unpunctuated_answer_is_split_out(embedder):
    segs = build_segments([
        "so tell me about your job right now what does a normal day look like",
        ("mostly concrete we pour foundations ten hours a day and saturdays too that's a lot of "
        "hours what's the hardest thing about it"),
        "the heat in the summer and my back hurts after every shift",
    ])
    result = align_by_wording(segs, GUIDE, embedder)
    asked = next(s for s in result.segments if s.text.startswith("what's the hardest thing"))
    assert asked.question_id == "barriers"
    answer = [s for s in result.segments if "that's a lot of hours" in s.text]
    assert len(answer) == 1 and answer[0].question_id == "current_job"
    assert result.segments[-1].question_id == "barriers"


def test_a_wh_word_inside_an_unpunctuated_question_does_not_cut_it():
    from core.tagging.align import Unit
    from core.tagging.unmarked import split_plain
    question = "so um just walk me through a day like today what did you have"
    assert [u.text for u in split_plain([Unit(0, 0, len(question), question)])] == [question]
    question = "can you decide the order like which rows or when you take a break"
    assert [u.text for u in split_plain([Unit(0, 0, len(question), question)])] == [question]
    # A question glued onto an answer still starts its own unit, also after an answer that
    # opened with a wh-word cut off by mistake ("how i want").
    glued = ("split them between me and ray no raise no nothing and i kind of do it how i want nobody's "
             "checking until the morning and i do bathrooms first then trash then vacuum last "
             "do you have the stuff the machines the chemicals")
    pieces = [u.text for u in split_plain([Unit(0, 0, len(glued), glued)])]
    assert pieces[-1] == "do you have the stuff the machines the chemicals"
