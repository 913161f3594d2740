"""Theme suggestions on answers as the speaker marking leaves them (decision 0224): a follow-up
question taken for the participant's, a fragment of the question at the start of the answer,
and a two-word reply. The real MiniLM model."""

from __future__ import annotations

import pytest

from core.guide.loader import load_guide
from core.tagging.suggest import ThemeIndex, suggest
from core.vault.guides import default_guides_dir

I, P = "interviewer", "participant"


@pytest.fixture(scope="module")
def guide():
    return load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def e5():
    from core.tagging import embed_e5
    if not embed_e5.is_available():
        pytest.skip("multilingual sentence model not installed")
    return embed_e5.E5Embedder()


def _tags(turns: list[tuple[str, str, str]], guide, embedder) -> set[tuple[str, str]]:
    """(speaker, question id, text) turns -> {(text of the tagged segment, theme)}."""
    texts = [t for _, _, t in turns]
    found = suggest(texts, [q for _, q, _ in turns], [s for s, _, _ in turns],
                    {q.id: q.themes for q in guide.questions()}, ThemeIndex(guide.themes, embedder), embedder)
    return {(texts[f.segment], f.code_id) for f in found}


def test_the_answer_to_a_follow_up_gets_the_questions_theme_too(guide, embedder):
    first = "No. The schedule comes from the office and if you say no to a client they cut your hours."
    second = "Yes. I asked to have Tuesdays off for my daughter's class and it took two months."
    follow_up = "Wait, they cut your hours just for saying no?"
    tags = _tags([(I, "autonomy", "Can you switch your clients around or move a shift if you need to?"),
                  (P, "autonomy", first), (P, "autonomy", follow_up), (P, "autonomy", second)], guide, embedder)
    assert (first, "autonomy") in tags
    assert (second, "autonomy") in tags
    assert not any(text == follow_up for text, _ in tags)


def test_the_questions_theme_goes_on_the_answer_not_on_a_fragment_of_the_question(guide, embedder):
    fragment = "and the supervisor, how she treats people"
    answer = ("She's alright with me. She's got her people though, and her people get the easy floors, "
              "the low floors with no kitchens, and the rest of us get whatever is left.")
    tags = _tags([(I, "leadership", "ok so"), (P, "leadership", fragment), (P, "leadership", answer)],
                 guide, embedder)
    assert (answer, "leadership_power") in tags
    assert (fragment, "leadership_power") not in tags


def test_a_two_word_reply_gets_no_theme(guide, embedder):
    tags = _tags([(I, "autonomy", "Can you choose your own hours?"), (P, "autonomy", "Not really.")],
                 guide, embedder)
    assert tags == set()


@pytest.mark.parametrize("reply", ["Uh, I'd rather not talk about that one. It's a sore spot. Next question.",
                                   "Mira, de eso prefiero no hablar, todavía está abierto, así que mejor lo dejamos."])
def test_a_reply_that_declines_the_question_gets_no_theme(guide, embedder, reply):
    tags = _tags([(I, "leadership", "How would you describe the way your supervisor treats people?"),
                  (P, "leadership", reply)], guide, embedder)
    assert tags == set()


def test_a_long_answer_that_says_rather_not_still_gets_its_theme(guide, embedder):
    answer = ("I'd rather not work weekends, but the office makes the schedule and puts me on every "
              "Saturday since March, and nobody asks what I want.")
    tags = _tags([(I, "autonomy", "Do you get any say in your schedule?"), (P, "autonomy", answer)],
                 guide, embedder)
    assert (answer, "autonomy") in tags


def test_a_spanish_follow_up_cut_before_its_question_mark_still_ends_the_answer(e5):
    guide = load_guide((default_guides_dir() / "job-quality.es.yaml").read_text(encoding="utf-8"))
    first = "No. El horario lo hace la oficina y si dices que no a un cliente te bajan las horas."
    follow_up = "¿y eso te lo cambian si lo pides con tiempo"
    second = "Pedí los martes libres por la clase de mi hija y tardaron dos meses en cambiarlo."
    tags = _tags([(I, "autonomy", "¿Puedes elegir tus horarios o cambiar un turno si lo necesitas?"),
                  (P, "autonomy", first), (P, "autonomy", follow_up), (P, "autonomy", second)], guide, e5)
    assert (first, "autonomy") in tags
    assert (second, "autonomy") in tags
    assert not any(text == follow_up for text, _ in tags)
