"""Names nobody listed and names that are words (issue 14, names round 5): nicknames introduced
by a cue, letters and initials, word-names with a person signal. Every sentence is written for
these tests (none is copied from a set); each class has near misses that must keep their other
reading. Through the real detector (spaCy off, so the classes are ours).
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.findings import is_person_type


def persons(text: str, names=(), language: str = "en") -> list[str]:
    return [f.text for f in detect(text, names=names, use_presidio=False, language=language)
            if is_person_type(f.entity_type)]


def covered(text: str, secret: str, language: str = "en", nth: int = 0, names=()) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = text.index(secret, start + 1)
    return any(is_person_type(f.entity_type) and f.start <= start and f.end >= start + len(secret)
               for f in detect(text, names=names, use_presidio=False, language=language))


# --- 1. nicknames introduced by a cue, then every mention -------------------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("the night lead, we all call him moose, he never sits down", "moose", "en"),
    ("everybody call her peaches at the plant. peaches runs line four", "peaches", "en"),
    ("my coworker goes by tj, and tj drives the reach truck", "tj", "en"),
    ("he's known as big tony around the dock", "big tony", "en"),
    ("they call him Q. Q knows every machine", "Q", "en"),
    ("en la cocina le decimos el flaco. el flaco llega primero", "el flaco", "es"),
    ("a la cajera le dicen la güera, y la güera no se deja", "la güera", "es"),
    ("todos me dicen memo, hasta mi jefe", "memo", "es"),
    ("su apodo es el tigre, por cómo trabaja", "el tigre", "es"),
    ("el del montacargas, alias cacho, ya se fue", "cacho", "es"),
    ("panchito le dicen, pero se llama francisco", "panchito", "es"),
])
def test_a_cued_nickname_is_a_person(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "secret", "nth", "language"), [
    ("we call him moose. i asked moose for help and moose said fine", "moose", 2, "en"),
    ("le decimos el flaco. ayer el flaco me cubrió el turno", "el flaco", 1, "es"),
    ("everybody calls him Z. To Z, yeah, not to the manager", "Z", 1, "en"),
])
def test_every_later_mention_of_the_nickname_is_found(text: str, secret: str, nth: int, language: str) -> None:
    assert covered(text, secret, language, nth)


@pytest.mark.parametrize(("text", "word", "language"), [
    # the nickname as an everyday word elsewhere keeps its reading
    ("le decimos el gordo. ya no está tan gordo, bajó de peso", "gordo", "es"),
    ("we call him bear. there was a bear near the dumpster", "bear", "en"),
])
def test_a_nickname_word_used_as_a_word_stays(text: str, word: str, language: str) -> None:
    second = text.index(word, text.index(word) + len(word) + 1)
    found = [f for f in detect(text, use_presidio=False, language=language) if is_person_type(f.entity_type)]
    assert any(f.start <= text.index(word) < f.end for f in found)
    assert not any(f.start <= second < f.end for f in found)


@pytest.mark.parametrize(("text", "language"), [
    ("call me back tomorrow, i'm on the line", "en"),
    ("during the strike they called us essential", "en"),
    ("he called her lazy in front of everybody", "en"),
    ("they call him out when he's late", "en"),
    ("me dicen que no hay horas esta semana", "es"),
    ("a los gerentes les dicen coach, como en el futbol", "es"),
    ("le decimos el míster porque es gringo", "es"),
    ("me dice \"apúrese\" cada cinco minutos", "es"),
    ("nos dicen groserías cuando no llegamos a la cuota", "es"),
    ("el supervisor me dice \"what's up\" y ya", "es"),
])
def test_calling_that_names_nobody(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- 2. letters and initials ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("I went to Mr. D about the schedule", "D", "en"),
    ("Miss K said we could switch shifts", "K", "en"),
    ("so ms. j. told me to wait", "j.", "en"),
    ("la seño M nos revisa las tarjetas", "M", "es"),
    ("V said the line was too fast", "V", "en"),
    ("J.R. was the one who trained me", "J.R.", "en"),
    ("then t.j. said no", "t.j.", "en"),
    ("we asked mister dee and he said sure", "dee", "en"),
    ("la seño jota nos dio permiso", "jota", "es"),
])
def test_a_letter_or_initials_for_a_person(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "language"), [
    ("we start at 6 a.m. and the u.s. office calls at 9", "en"),
    ("plan B said nothing about overtime", "en"),
    ("i miss a day and they write me up", "en"),
    ("take her to the doctor. Q: and your supervisor?", "en"),
    ("la señora y el señor de la tienda", "es"),
    ("the p.o. box is in the lobby", "en"),
])
def test_letters_that_name_nobody(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- 3. word-names with a person signal and no cue word before them ---------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("grace laughed and walked off the floor", "grace", "en"),
    ("hope quit on us in the middle of the rush", "hope", "en"),
    ("will retired in june after thirty years", "will", "en"),
    ("bill got fired over a missing pallet", "bill", "en"),
    ("amber texted me at midnight about the schedule", "amber", "en"),
    ("mercedes renunció el año pasado", "mercedes", "es"),
    ("consuelo me explicó cómo llenar la forma", "consuelo", "es"),
    ("dolores se quejó con recursos humanos", "dolores", "es"),
    # named together with a person already found
    ("me and tiffany and joy cover the weekend", "joy", "en"),
    ("i clean rooms with yesenia and rose", "rose", "en"),
    ("sunny and farida take the early bus", "sunny", "en"),
    ("trabajo con lupita y rocío en empaque", "rocío", "es"),
    ("luz y yesenia limpian los baños", "luz", "es"),
    # a role set off after the name
    ("grace, the night lead, never lets us sit", "grace", "en"),
    ("consuelo, la encargada, nos cambió el turno", "consuelo", "es"),
])
def test_a_word_name_with_a_person_signal(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "language"), [
    ("the grace period is five minutes", "en"),
    ("i hope so, honestly", "en"),
    ("the bill got paid late again", "en"),
    ("an amber light came on in the truck", "en"),
    ("hope and faith are what keep me going", "en"),
    ("the joy of the job is the people", "en"),
    ("es un consuelo saber que no estoy sola", "es"),
    ("apagamos la luz y nos fuimos", "es"),
    ("los dolores de espalda no se quitan", "es"),
    ("will quit if they cut the hours again", "en"),
])
def test_word_names_that_stay_words(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- 5. compound surnames after a title ---------------------------------------------------------------
def test_a_particle_surname_after_a_title_and_a_place_after_one() -> None:
    assert covered("la señora de la cruz nos dio las llaves", "de la cruz", "es")
    assert persons("el señor de la tienda nos dio las llaves", language="es") == []
