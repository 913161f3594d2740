"""Identifiers spelled out letter by letter (decision 0189), one class per test, each with the
near misses that must stay speech. Sentences are written for these tests, through the real
detector."""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.findings import is_person_type
from core.deid.spelled import runs


def covered(text: str, secret: str, etype: str | None = None, names=(), language: str = "en",
            use_presidio: bool = False) -> bool:
    start = text.index(secret)
    return any(f.start <= start and f.end >= start + len(secret)
               and (etype is None or f.entity_type == etype or etype == "PERSON" and is_person_type(f.entity_type))
               for f in detect(text, names=names, use_presidio=use_presidio, language=language))


def found(text: str, language: str = "en", names=(), use_presidio: bool = False) -> list[str]:
    return [f.text for f in detect(text, names=names, use_presidio=use_presidio, language=language)]


def test_runs_join_hyphens_spaces_commas_and_spanish_letter_names():
    assert [r.joined for r in runs("it's P-A-H-O-U-A, okay")] == ["pahoua"]
    assert [r.joined for r in runs("es jota, o, ese, e")] == ["jose"]
    assert [r.joined for r in runs("badge P 0 1 9 4")] == ["p0194"]
    assert [r.joined for r in runs("con doble u, i griega, zeta")] == ["wyz"]
    assert runs("a T-shirt and a-a-and then") == []


def test_a_listed_name_spelled_out_is_that_person():
    text = "you can reach me there, P-A-H-O-U-A. and my address is on the form"
    assert covered(text, "P-A-H-O-U-A", "PERSON", names=["Pahoua Vang"])
    # A name listed in two words ("Pa Houa") is spelled as one.
    assert covered(text, "P-A-H-O-U-A", "PERSON", names=["Pa Houa Vang"])
    assert covered("she's my supervisor, v a n g, you know", "v a n g", "SUPERVISOR",
                   names=[("Pahoua Vang", "supervisor")])


def test_a_listed_name_in_spanish_letter_names():
    text = "me llamo José, es jota, o, ese, e, con acento"
    assert covered(text, "jota, o, ese, e", "PERSON", names=["José Pérez"], language="es")


def test_letters_that_spell_no_listed_name_and_have_no_cue_stay():
    # Near misses: letters said as letters, not names.
    for text in ("it's easy as a b c", "that's the A-B-C of it", "a T-shirt from the U-S-A",
                 "i, i don't know", "a-a-and then she left", "she's a CNA now"):
        assert found(text, names=["Pahoua Vang"]) == [], text
    for text in ("o sea, no sé", "y o y, siempre igual", "que te de ese o te de eso"):
        assert found(text, language="es", names=["José Pérez"]) == [], text


def test_a_spelled_run_next_to_an_email_is_part_of_it():
    text = "write me, K-B-R-Z underscore nine seven at gmail dot com"
    assert covered(text, "K-B-R-Z underscore nine seven at gmail dot com", "EMAIL")
    text = "it's keisha m o n r o e 2 1 at gmail dot com"
    assert covered(text, "keisha m o n r o e 2 1 at gmail dot com", "EMAIL")


def test_letters_and_digits_after_an_id_cue_are_an_id():
    text = "my badge number is P 0 1 9 4 4 7 2 8 1 and they scan it"
    assert covered(text, "P 0 1 9 4 4 7 2 8 1", "ID_NUMBER")
    # Near miss: single digits with no ID cue are a count, not an ID ("1 2 3 4 go").
    assert found("and then we count 1 2 3 4 and lift") == []


@pytest.mark.parametrize("text,secret", [
    ("and I spell it t, s, e, g, a, y, e", "t, s, e, g, a, y, e"),
    ("se escribe be, e, ele, te, ere, a, ene", "be, e, ele, te, ere, a, ene"),
    ("it's D-A-W-I-T, letter by letter", "D-A-W-I-T"),
])
def test_a_cued_spelling_of_four_or_more_is_proposed(text, secret):
    assert covered(text, secret, "PERSON", language="es" if "escribe" in text else "en")


def test_a_cue_needs_four_letters_and_not_only_spanish_words():
    assert found("how do you spell it, a b c?") == []
    # "de ese de te": four letter names that are all everyday Spanish words, no single letter.
    assert found("no sé cómo se escribe, de ese de te lo digo", language="es") == []


def test_near_misses_stay_with_spacy_on(presidio):
    text = "honestly, a-a-and the T-shirt, i, i don't know, it's the A-B-C of it"
    assert not any(f.start <= text.index("A-B-C") < f.end for f in detect(text, names=["Pahoua Vang"]))
    assert covered("you can write it P-A-H-O-U-A, that's me", "P-A-H-O-U-A", "PERSON",
                   names=["Pahoua Vang"], use_presidio=True)
