"""Alignment without markers on interviews worded unlike the guide (decision 0205): the
interviewer's own paraphrases, questions typed without a '?', a follow-up about the answer just
given, and Spanish questions that share words with another guide question. Real sentence models
(MiniLM for English, multilingual-e5-small for Spanish), no markers."""

from __future__ import annotations

import pytest

from core.guide.loader import load_guide
from core.tagging.questions import align_by_wording
from core.tagging.text import is_question_like
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments


def _guide(lang: str):
    return load_guide((default_guides_dir() / f"job-quality.{lang}.yaml").read_text(encoding="utf-8"))


def _answers_under(turns: list[tuple[str, str]], guide, embedder) -> dict[str, str | None]:
    """Align ``(kind, text)`` turns (kind "ask" or "say") and give each answer's question."""
    result = align_by_wording(build_segments([t for _, t in turns]), guide, embedder)
    out = {}
    for seg in result.segments:
        for kind, text in turns:
            if kind == "say" and seg.text and seg.text in text:
                out.setdefault(text, seg.question_id)
    return out


@pytest.mark.parametrize("text", ["what's the hardest part for you", "how's your boss and like"])
def test_contracted_openers_read_as_questions(text):
    assert is_question_like(text)


def test_english_paraphrases_and_a_follow_up_land_under_the_right_questions(embedder):
    turns = [
        ("ask", "So walk me through a regular day with your clients."),
        ("say", ("I have three clients. I start at eight with breakfast and meds, then I drive across "
                 "town to the second one, and evenings I do dinner and bed for the third.")),
        ("ask", "And the driving isn't paid?"),
        ("say", "Only the miles between clients, not from my house."),
        ("ask", "what's the hardest part for you"),
        ("say", "My back. I lift a grown woman out of bed twice a day and there is no lift in the house."),
        ("ask", "Is there any path to move up, get certified, anything?"),
        ("say", "They talk about a nursing assistant class. I signed up and they cancelled it twice."),
    ]
    under = _answers_under(turns, _guide("en"), embedder)
    got = [under[t] for k, t in turns if k == "say"]
    assert got == ["current_job", "current_job", "barriers", "advancement"]


@pytest.fixture(scope="module")
def e5():
    from core.tagging import embed_e5
    if not embed_e5.is_available():
        pytest.skip("multilingual sentence model not installed")
    e = embed_e5.E5Embedder()
    e.encode(["calentar"])
    return e


def test_spanish_questions_sharing_words_with_another_go_to_their_own(e5):
    # "¿Qué haces en el almacén?" shares "hace" with the motivation question ("¿Qué te hace
    # seguir en este trabajo?"); "crecer aquí adentro" once went to the previous job.
    turns = [
        ("ask", "¿Qué haces en el almacén?"),
        ("say", "Surto pedidos con el escáner, diez horas, y la cuota sube cada mes."),
        ("ask", "¿Y el encargado cómo los trata?"),
        ("say", "Grita mucho y a sus amigos les da los mejores turnos."),
        ("ask", "¿Hay manera de crecer aquí adentro?"),
        ("say", "Dicen que hay puestos de líder, pero siempre se los dan a los mismos."),
    ]
    under = _answers_under(turns, _guide("es"), e5)
    got = [under[t] for k, t in turns if k == "say"]
    assert got == ["current_job", "leadership", "advancement"]


def test_a_paraphrased_question_at_a_marker_is_the_interviewers_and_its_theme_goes_on_the_answer(embedder):
    from core.tagging.align import Boundary
    from core.tagging.questions import align_with_markers
    from core.tagging.suggest import ThemeIndex, suggest

    guide = _guide("en")
    turns = ["How do you feel about the work, like, overall?",
             "I love the people I take care of. The work is good.",
             "What's your coordinator like with you guys?",
             "She means well but she has never done the work. She gives the good clients to the girls she likes."]
    segs = build_segments(turns)
    marks = [Boundary(segs[0].start_ms, "satisfaction"), Boundary(segs[2].start_ms, "leadership")]
    result = align_with_markers(segs, marks, guide, embedder)
    asking = [s.text for s in result.segments if s.speaker == "interviewer"]
    assert "What's your coordinator like with you guys?" in asking
    found = suggest([s.text for s in result.segments], [s.question_id for s in result.segments],
                    [s.speaker for s in result.segments], {q.id: q.themes for q in guide.questions()},
                    ThemeIndex(guide.themes, embedder), embedder)
    on = {(result.segments[f.segment].text.split(".")[0], f.code_id) for f in found}
    assert ("She means well but she has never done the work", "leadership_power") in on


def test_a_late_marker_snaps_back_to_a_question_glued_onto_an_unpunctuated_answer(e5):
    from core.tagging.align import Boundary
    from core.tagging.questions import align_with_markers

    answer = "por los clientes sí una señora me trae bizcocho todos los meses y la compañía nada"
    turns = ["las vacunas nos miden por cuántas ponemos como si fuera ventas te sientes valorada", answer]
    segs = build_segments(turns)
    asked_at = segs[0].words[-2].start_ms                 # "te sientes valorada"
    late = segs[1].words[2].start_ms                      # pressed three words into the answer
    marks = [Boundary(0, "policies"), Boundary(late, "valued")]
    result = align_with_markers(segs, marks, _guide("es"), e5)
    under = [s.question_id for s in result.segments if s.start_ms >= segs[1].start_ms]
    assert set(under) == {"valued"}
    assert any(s.start_ms <= asked_at < s.end_ms and s.question_id == "valued" for s in result.segments)
