"""Names after the held-out run of test v5 (issue 14, names round 6, seen): turn labels that
are role words, and the usual short forms of a listed given name. Every sentence is written for
these tests (none is copied from a set); each class has near misses that must keep their other
reading. Through the real detector.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.findings import is_person_type


def persons(text: str, names=(), language: str = "en", use_presidio: bool = False) -> list[str]:
    return [f.text for f in detect(text, names=names, use_presidio=use_presidio, language=language)
            if is_person_type(f.entity_type)]


# --- 1. a turn's role label ("HABLANTE 2:", "Entrevistadora:") is who speaks, not a name ---------
def test_role_label_is_not_a_surname_of_the_name_before_it():
    text = "muchas gracias, domingo, gracias matilde HABLANTE 3: gracias a ustedes"
    found = persons(text, names=[("Matilde Cux", "participant")], language="es")
    assert "matilde" in found
    assert not any("HABLANTE" in f for f in found)


def test_capitalised_word_after_a_name_is_still_a_surname():
    # near miss: no colon after it, so "Ferreira" stays part of the name
    found = persons("ayer vino matilde Ferreira a la planta", language="es")
    assert any("Ferreira" in f for f in found)


def test_a_real_name_used_as_a_turn_label_is_still_found():
    text = "Matilde: yo entro a las seis. Entrevistadora: ¿y sale a qué hora?"
    found = persons(text, names=[("Matilde Cux", "participant")], language="es", use_presidio=True)
    assert "Matilde" in found
    assert "Entrevistadora" not in found


@pytest.mark.parametrize("label", ["Entrevistadora", "ESPOSA", "HABLANTE"])
def test_role_label_read_by_the_spanish_model_is_not_a_person(presidio, label):
    text = f"nos pagan los viernes, en cheque. {label}: ¿y le descuentan el uniforme? sí, cada mes."
    assert label not in persons(text, language="es", use_presidio=True)


# --- 2. the usual short forms of a listed given name --------------------------------------------
@pytest.mark.parametrize(("listed", "text", "secret"), [
    ("Ernesto Paredes", "el que manda es neto, y neto no tiene la culpa", "neto"),
    ("Rosalba Quiroz", "at the hotel they say rosy, it's easier. rosy cleans fourth floor", "rosy"),
    ("Gonzalo Pérez", "el mayordomo es chalo. chalo no es malo", "chalo"),
    ("Josefa Ruiz", "a mí me dicen chepa desde niña, la chepa", "chepa"),
    ("Caridad Ortega", "cachita trae café los lunes, y cachita no falla", "cachita"),
    ("Herminia Salas", "call me mina, everybody does. mina is fine", "mina"),
    ("Jacinto Vélez", "el único que veo es chinto, en el piso de arriba", "chinto"),
    ("Terrell Banks", "rell been there fifteen years, rell knows the ramp", "rell"),
])
def test_short_form_of_a_listed_given_name(listed, text, secret):
    lang = "en" if secret in ("rosy", "mina", "rell") else "es"
    found = [f.lower() for f in persons(text, names=[(listed, "co-worker")], language=lang)]
    assert found.count(secret) == text.count(secret)


@pytest.mark.parametrize(("text", "secret", "language"), [
    ("el precio neto es de doce dólares", "neto", "es"),           # no Ernesto listed
    ("the sky was rosy when we got off the night shift", "rosy", "en"),  # no Rosalba listed
    ("trabajo en la mina de cobre desde hace años", "mina", "es"),  # no Herminia listed
])
def test_short_form_without_the_listed_person_stays_a_word(text, secret, language):
    found = [f.lower() for f in persons(text, names=[("Dana Ruiz", "supervisor")], language=language)]
    assert secret not in found


# --- 3. what a nickname cue is followed by that names nobody ------------------------------------
@pytest.mark.parametrize(("text", "word", "language"), [
    ("interviewer: what should i call you participant: everybody call me lulu", "participant", "en"),
    ("estamos en el área sucia, lo que le dicen soiled, donde llega la ropa", "soiled", "es"),
    ("el turno partido, el split shift, le dicen. nadie lo quiere", "split shift", "es"),
    ("en la evaluación me pusieron needs improvement en todo", "needs improvement", "es"),
    ("el supervisor te llama y te dice, mira, yo sé que es mucho", "mira", "es"),
    ("porque el que la puso la puso mal, y se cayó", "puso", "es"),
    ("se lo aprendió y me dice happy birthday cada año", "happy birthday", "es"),
    ("she's the owner, but everybody call her tita, like an auntie", "tita", "en"),
])
def test_a_nickname_cue_followed_by_no_name(text, word, language):
    assert not any(word in f.lower() for f in persons(text, language=language))


@pytest.mark.parametrize(("text", "secret", "language"), [
    ("what should i call you? everybody call me lulu, since school", "lulu", "en"),
    ("a la de la caja le dicen la güera, y la güera no se deja", "la güera", "es"),
    ("el del montacargas, le dicen chispa, ya se fue", "chispa", "es"),
    ("my sister goes by coco, she runs line two", "coco", "en"),
])
def test_a_nickname_cue_still_finds_the_nickname(text, secret, language):
    assert secret in [f.lower() for f in persons(text, language=language)]


# --- 4. a Spanish verb's or article's place is no name's ----------------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("mi mujer, mercedes, se ríe, dice que eso vale poco", "ríe"),
    ("pero yo no he ido, me da miedo que se enteren", "ido"),
    ("yo le dije al güero que lo llevaran al doctor", "al"),
])
def test_spanish_verb_slot_is_no_name(text, word):
    assert word not in [f.lower() for f in persons(text, language="es")]


def test_a_name_after_a_verb_in_spanish_is_still_found():
    # near miss: "le dije a mercedes": the name follows the preposition, not the clitic
    assert "mercedes" in [f.lower() for f in persons("yo le dije a mercedes que no", language="es")]


# --- 5. a listed name with accents met without them as a function word --------------------------
def test_listed_accented_name_is_not_the_pronoun():
    text = "la señora lê no escucha. uno le dice algo y ella okay, se va. así le decimos, la señora lê"
    found = [f for f in detect(text, names=[("Lê Thị Hoa", "supervisor")], use_presidio=False, language="es")
             if is_person_type(f.entity_type)]
    assert [text[f.start:f.end] for f in found].count("lê") == 2
    assert not any(text[f.start:f.end] == "le" for f in found)


# --- 6. "everybody say X.": how a name is said --------------------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("her name is długosz but here everybody say bo. he say bo, i know", "bo"),
    ("the supervisor was russell. everybody say rusty. he don't yell much", "rusty"),
])
def test_everybody_say_a_name(text, secret):
    found = [f.lower() for f in persons(text)]
    assert found.count(secret) == text.count(f" {secret}")


@pytest.mark.parametrize("text", [
    "we got the raise and everybody said great. then nothing",
    "everybody say the same thing about the manager",
    "when the truck come everybody say okay, let's go",
    "everybody said yes.",
])
def test_everybody_say_what_is_no_name(text):
    assert persons(text) == []


# --- 7. names spelled out -----------------------------------------------------------------------
def test_a_listed_name_spelled_with_a_sentence_word_on_its_edge():
    text = "mi apellido es ibáñez, sin tilde, i-b-a-n-e-z. y el teléfono es el mismo"
    found = [f for f in detect(text, names=[("Rocío Ibáñez", "participant")], use_presidio=False, language="es")
             if is_person_type(f.entity_type)]
    assert any(text[f.start:f.end] == "i-b-a-n-e-z" for f in found)


@pytest.mark.parametrize(("text", "secret"), [
    ("the username is odalys. Odalys, O-D-A-L-Y-S, all small letters", "O-D-A-L-Y-S"),
    ("write it like this, Y E S E N I A, yesenia, with the y", "Y E S E N I A"),
])
def test_a_word_said_and_spelled_beside_it(text, secret):
    found = persons(text)
    assert secret in found
    assert secret.replace("-", "").replace(" ", "").lower() in [f.lower() for f in found]


@pytest.mark.parametrize("text", [
    "there is no i in T-E-A-M, team, that's what he say",
    "the sign on the wall, S-A-F-E-T-Y, safety first, and nobody reads it",
])
def test_an_everyday_word_spelled_to_make_a_point(text):
    assert persons(text) == []


# --- 8. a middle initial inside a listed name ---------------------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("the write-up says employee, kendrick t. oduya, department ramp", "kendrick t. oduya"),
    ("my lead Kendrick T Oduya signed it", "Kendrick T Oduya"),
])
def test_listed_name_with_a_middle_initial(text, secret):
    assert secret in persons(text, names=[("Kendrick Oduya", "co-worker")])


def test_a_word_between_given_name_and_surname_is_no_initial():
    # near miss: "y" (and) between two listed parts joins nothing
    found = persons("kendrick y oduya llegaron tarde", names=[("Kendrick Oduya", "co-worker")], language="es")
    assert "kendrick y oduya" not in found


# --- 9. the nickname just before "her real name is ..." -----------------------------------------
def test_nickname_before_her_real_name():
    text = ("ask about biscuit. oh, biscuit is, her real name marlene. biscuit runs the grill "
            "and biscuit don't get no rest")
    assert [f.lower() for f in persons(text)].count("biscuit") == 4


@pytest.mark.parametrize("text", [
    "okay. her real name is on the badge",
    "the owner. her real name is on the sign",
    "i know. his real name is on the check",
    "that is fine, her real name is on the form",
])
def test_no_nickname_before_her_real_name(text):
    assert persons(text) == []


def test_a_name_after_name_is_still_found():
    # near miss of "is on the badge": one word after "her name is" stays a name
    assert "may" in persons("her name is may, she works nights")
