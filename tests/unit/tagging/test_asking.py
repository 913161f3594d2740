"""The trained question scorer used without markers (decision 0180): the participant asks
nothing, a split never cuts a word, and the fitting finds the question that stands out
(real sentence model)."""

from __future__ import annotations

import numpy as np
import pytest

from core.guide.loader import load_guide
from core.tagging import asking
from core.tagging.align import ask_scores, units_of
from core.tagging.questions import align_by_wording
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments

GUIDE_EN = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))


def test_the_participant_asks_nothing(embedder):
    texts = ["What do you do at the store, day to day?", "What are the biggest challenges you face at work?"]
    segs = build_segments(texts)
    uv = embedder.encode(texts)
    units = units_of(segs)
    wording = ask_scores(units, GUIDE_EN.questions(), embedder, uv, form=False)
    p = asking.asked_probabilities(texts, ["interviewer", "participant"], wording, uv, GUIDE_EN, embedder)
    assert p[0].max() > asking.PLACE_THRESHOLD
    assert p[1].max() == 0.0


def test_a_question_after_another_in_one_segment_is_split_between_words(embedder):
    turns = [
        "What do you do at the bank, day to day?",
        ("I count money and sell products. Every teller has a sales goal each week. "
         "Do tellers get promoted? What would it take?"),
        "You can become a banker if you hit your sales goals for two quarters.",
    ]
    result = align_by_wording(build_segments(turns), GUIDE_EN, embedder)
    words = " ".join(turns).split()
    pieces = [w for s in result.segments for w in s.text.split()]
    assert pieces == words  # every word whole, none lost or cut in two


def test_fit_learns_to_pick_the_question_that_stands_out():
    # Two questions; the gold one is the unit's higher "text" similarity, or none for units
    # whose best similarity is low and that do not read like asking.
    rng = np.random.default_rng(1)
    blocks = []
    for _ in range(4):
        n, m = 30, 2
        qf = np.zeros((n, m, len(asking.QUESTION_FEATURES)), dtype=np.float32)
        nf = np.zeros((n, len(asking.NONE_FEATURES)), dtype=np.float32)
        nf[:, asking.NONE_FEATURES.index("bias")] = 1.0
        gold = np.full(n, -1)
        for u in range(n):
            if u % 3 == 0:
                q = int(rng.integers(m))
                qf[u, q, 0], qf[u, 1 - q, 0] = 0.9, 0.2
                nf[u, 0] = 1.0
                gold[u] = q
            else:
                qf[u, :, 0] = 0.1
        blocks.append((qf, nf, gold))
    qw, nw = asking.fit(blocks, steps=1500)
    qf, nf, gold = blocks[0]
    chosen = asking.probabilities(qf, nf, qw, nw).argmax(axis=1)
    assert list(np.where(chosen == 2, -1, chosen)) == list(gold)


def test_a_question_placed_twice_keeps_its_stronger_place_and_the_other_takes_a_free_question():
    from core.tagging.questions import asked_once
    # Units 0 and 5 both read as question 2; unit 5 is far surer. Unit 0's next best is
    # question 1 (already placed at unit 3), then question 0 (free).
    scores = np.zeros((8, 4), dtype=np.float32)
    scores[0] = [0.3, 0.35, 0.5, 0.0]
    scores[3] = [0.0, 0.9, 0.0, 0.0]
    scores[5] = [0.0, 0.0, 0.95, 0.0]
    scores[6] = [0.0, 0.0, 0.0, 0.8]
    places = [(0, 2, 0.5), (3, 1, 0.9), (5, 2, 0.95), (6, 3, 0.8)]
    assert asked_once(places, scores) == [(0, 0, pytest.approx(0.3)), (3, 1, 0.9), (5, 2, 0.95), (6, 3, 0.8)]
    # A question asked again right away (a probe) is one asking: nothing changes.
    repeat = [(0, 2, 0.5), (1, 2, 0.6), (3, 1, 0.9)]
    assert asked_once(repeat, scores) == repeat


def test_chat_before_the_first_question_taken_for_a_question_asked_later_is_dropped():
    from core.tagging.questions import asked_once
    # "Can you hear me okay?" (unit 0) read as question 0, which is really asked at unit 4
    # after question 1; nothing else fits unit 0 (every free question under 0.1): no question yet.
    scores = np.zeros((7, 3), dtype=np.float32)
    scores[0] = [0.3, 0.05, 0.02]
    scores[2] = [0.0, 0.8, 0.0]
    scores[4] = [0.9, 0.0, 0.0]
    places = [(0, 0, 0.3), (2, 1, 0.8), (4, 0, 0.9)]
    assert asked_once(places, scores, min_score=0.1) == [(2, 1, 0.8), (4, 0, 0.9)]
    # Without the floor, and when any free question may take a repeat, it becomes the best
    # free question, as before decision 0254.
    assert asked_once(places, scores, keep_share=0.0) == [(0, 2, pytest.approx(0.02)), (2, 1, 0.8), (4, 0, 0.9)]
    # Later in the transcript a weaker repeat takes a free question only when that question
    # reads at least a quarter as well there (decision 0254); else it was asked again.
    scores[6] = [0.0, 0.3, 0.05]
    later = [(2, 1, 0.8), (4, 0, 0.9), (6, 1, 0.3)]
    assert asked_once(later, scores, min_score=0.1, keep_share=0.0) == [(2, 1, 0.8), (4, 0, 0.9),
                                                                        (6, 2, pytest.approx(0.05))]
    assert asked_once(later, scores, min_score=0.1) == later


def test_a_question_asked_again_later_stays_that_question():
    from core.tagging.questions import asked_once
    # Question 1 (the supervisor) at unit 2, then questions 2 and 3; at unit 8 the interviewer
    # goes back to the supervisor (p 0.6). The only free question (0) reads 0.05 there: the
    # repeat is the supervisor again, and its answer stays under it, not under question 0.
    scores = np.zeros((10, 4), dtype=np.float32)
    scores[2] = [0.0, 0.9, 0.0, 0.0]
    scores[4] = [0.0, 0.0, 0.8, 0.0]
    scores[6] = [0.0, 0.0, 0.0, 0.85]
    scores[8] = [0.05, 0.6, 0.1, 0.1]
    places = [(2, 1, 0.9), (4, 2, 0.8), (6, 3, 0.85), (8, 1, 0.6)]
    assert asked_once(places, scores, min_score=0.1) == places
    # A free question that reads at least a quarter as well there takes it (decision 0205).
    scores[8, 0] = 0.2
    assert asked_once(places, scores, min_score=0.1)[-1] == (8, 0, pytest.approx(0.2))


def test_weak_chat_before_the_first_question_asked_clearly_soon_after_is_dropped():
    from core.tagging.questions import opening_places
    # "Okay, it's recording, I think." read weakly as the first question (0.18), which is asked
    # clearly three units later (0.9): the place starts at the clear asking.
    places = [(0, 0, 0.18), (3, 0, 0.9), (9, 1, 0.7)]
    assert opening_places(places) == [(3, 0, 0.9), (9, 1, 0.7)]
    # A real first question followed by a probe not twice as strong keeps its place...
    assert opening_places([(0, 0, 0.5), (3, 0, 0.9), (9, 1, 0.7)]) == [(0, 0, 0.5), (3, 0, 0.9), (9, 1, 0.7)]
    # ...and so does a weak one whose clear asking comes much later (over 8 units).
    assert opening_places([(0, 0, 0.18), (12, 0, 0.9)]) == [(0, 0, 0.18), (12, 0, 0.9)]
    # Only the transcript's first question: a later question is never trimmed.
    assert opening_places([(0, 1, 0.9), (4, 2, 0.2), (6, 2, 0.9)]) == [(0, 1, 0.9), (4, 2, 0.2), (6, 2, 0.9)]
