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
