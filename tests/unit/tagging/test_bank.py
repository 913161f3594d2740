"""Alignment without markers reads how real interviewers asked each guide question (the wording
bank, decision 0239) and, with diarization's voices, where a voice's turn starts (decision 0240).
Real MiniLM and e5; the wordings here are in no labelled set."""

from __future__ import annotations

from dataclasses import replace

from core.guide.loader import load_guide
from core.tagging import asking
from core.tagging.asking_bank import WORDINGS
from core.tagging.questions import align_by_wording
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments

EN_TURNS = [
    ("ask", "So to start, what do you do at the bakery all day?"),
    ("say", ("I run the ovens from four in the morning. Bread first, then the pastries, then I clean "
             "everything. It's hot and it's a lot of lifting but I like the quiet before the store opens.")),
    ("ask", "And the owner, how is she?"),
    ("say", ("She's okay. She yells when the orders are late but she covers for us with the owner. "
             "She never says thank you though.")),
    ("ask", "If you could change one thing, what would it be?"),
    ("say", "More people on the early shift. Two of us doing the work of four."),
]


def _guide(name: str = "job-quality.en.yaml"):
    return load_guide((default_guides_dir() / name).read_text(encoding="utf-8"))


def _answers(turns, guide, embedder, voiced: bool = False) -> list[str | None]:
    segments = build_segments([t for _, t in turns])
    if voiced:
        segments = [replace(s, voice="V1" if kind == "ask" else "V2") for s, (kind, _) in zip(segments, turns)]
    result = align_by_wording(segments, guide, embedder)
    said = [t for kind, t in turns if kind == "say"]
    return [next(s.question_id for s in reversed(result.segments) if s.text and s.text in text)
            for text in said]


def _edited(guide):
    """The same guide with every question's text edited a little: the bank knows none of them."""
    sections = [replace(sec, questions=[replace(q, text=q.text + " (edited)") for q in sec.questions])
                for sec in guide.sections]
    return replace(guide, sections=sections)


def test_the_bank_knows_every_default_question_and_no_edited_one():
    for name in ("job-quality.en.yaml", "job-quality.es.yaml"):
        guide = _guide(name)
        bank = asking.bank_for(guide)
        assert bank is not None and all(bank), name
        assert asking.bank_for(_edited(guide)) is None
    # No wording so short it says nothing ("¿no?"), none given to two questions.
    owners: dict[str, set[str]] = {}
    for question, wordings in WORDINGS.items():
        for w in wordings:
            assert len(w.split()) >= 2, w
            owners.setdefault(w.lower(), set()).add(question)
    assert all(len(q) == 1 for q in owners.values())


def test_a_short_question_is_placed_by_how_interviewers_ask_it(embedder):
    # "And the owner, how is she?" shares no word with the guide's supervisor question; the
    # labelled sets' interviewers asked it as "and the boss?", "How's your team lead?", "and
    # the supervisor" (an owner comes up once, "the chef and the owners").
    assert _answers(EN_TURNS, _guide(), embedder) == ["current_job", "leadership", "ideal_job"]


def test_without_the_bank_the_short_question_is_missed(embedder):
    # The same transcript with an edited guide (the bank knows none of its questions): the
    # scorer reads only the guide's own wording, and the manager answer stays under the job.
    got = _answers(EN_TURNS, _edited(_guide()), embedder)
    assert got[1] != "leadership"


def test_voice_features_read_where_each_voice_turn_starts_and_how_long_the_other_voice_answers():
    texts = ["Okay, thanks.", "And the owner, how is she?", "She's fine.", "She pays on time, mostly.", "Good."]
    voices = ["V1", "V1", "V2", "V2", "V1"]
    form = asking.np.array([0.55, 1.0, 0.55, 0.55, 0.55])
    f = asking.voice_features(texts, voices, form)
    assert f[:, 0].tolist() == [1, 0, 1, 0, 1]            # opens a voice's turn
    assert f[:, 1].tolist() == [0, 1, 0, 0, 0]            # first asking sentence of its turn
    assert abs(f[1, 2] - asking.np.log1p(7) / 3) < 1e-6   # the other voice then says seven words
    # Text alone (one voice or none): nothing is read from voices.
    assert not asking.voice_features(texts, ["V1"] * 5, form).any()
    assert not asking.voice_features(texts, None, form).any()


def test_the_nearest_wordings_vote_so_one_odd_wording_does_not_decide(embedder):
    bank = [("and the boss?",),
            ("and your supervisor?", "how's your manager?", "and the managers?", "what about your boss?",
             "how is the supervisor with you?")]
    votes = asking._bank_votes(embedder.encode(["and the boss?"]), bank, embedder)
    assert asking.np.allclose(votes, [[0.2, 0.8]])
