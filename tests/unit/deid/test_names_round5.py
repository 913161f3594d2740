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


# --- 1b. nickname said before its cue, and more ways to say it ----------------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("her name is rochelle but shelly, we call her. shelly does payroll", "shelly", "en"),
    ("his name is marcus, moe for short, and moe drives", "moe", "en"),
    ("they nicknamed him smokey after the fire drill", "smokey", "en"),
    ("le pusieron de apodo el güero por lo blanco", "el güero", "es"),
    ("lo conocen como el profe flaco en el almacén", "el profe flaco", "es"),
    ("beto, así le dicen, maneja el montacargas", "beto", "es"),
    ("my best friend there is hope, she trained me", "hope", "en"),
    ("mi mejor amiga ahí es fe, es filipina", "fe", "es"),
])
def test_more_ways_to_give_a_nickname(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "language"), [
    ("she goes by the book, always", "en"),
    ("he was known as a hard worker", "en"),
    ("i call her when i'm late", "en"),
    ("my boss is rich but cheap", "en"),
    ("mi supervisor es somalí, muy serio", "es"),
    ("la conocen como una buena trabajadora", "es"),
    ("eso le dicen, lo que me dicen a mí", "es"),
])
def test_ways_of_calling_that_give_no_nickname(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- a nickname given once is the person in the whole interview ------------------------------------
def test_the_interview_path_finds_a_nickname_given_many_segments_earlier(vault):
    from core.deid import review
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    # 45 segments: more than one detection chunk, so the cue and the late mention are read
    # in different detector calls.
    texts = ["en la bodega le decimos el chapulín, brinca de un lado a otro."] + \
            ["cargamos las trocas y luego esperamos." for _ in range(43)] + \
            ["y el chapulín otra vez con el horario. está chapulín el clima."]
    iv = InterviewRepo(vault).create("P-500", "SITE-A")
    TranscriptRepo(vault).create(iv.id, [Segment(i * 1000, (i + 1) * 1000, t) for i, t in enumerate(texts)])
    run_job(review.make_detect_job(vault, iv.id))
    found = review.list_redactions(vault, iv.id)
    last_segment = max(r.segment_id for r in found)
    assert [r.original for r in found if r.segment_id == last_segment] == ["el chapulín"]


def test_a_long_text_finds_a_nickname_in_every_piece() -> None:
    from core.deid.detect import CHUNK_CHARS
    filler = "we load the trucks and then we wait for the next load. " * (CHUNK_CHARS // 50)
    text = "everybody calls him moose. " + filler + "then moose said the dock was closed."
    found = [f for f in detect(text, use_presidio=False) if is_person_type(f.entity_type)]
    assert [text[f.start:f.end] for f in found] == ["moose", "moose"]
    assert found[1].start > CHUNK_CHARS


# --- 5b. a name as a form's value or as the answer to a name question -------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("Shift report\nName: Oksana Bilyk\nBadge: on file", "Oksana Bilyk", "en"),
    ("Q: and what's your last name? A: Thibodeaux", "Thibodeaux", "en"),
    ("Hoja de incidente\nNombre: rocío paz\nTurno: noche", "rocío paz", "es"),
])
def test_a_name_given_as_a_value(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Form name: Maintenance Request", "en"),
    ("Name: the one on the badge.", "en"),
    ("what was his name? i forget.", "en"),
    ("Nombre: Taller Mecánico", "es"),
])
def test_a_name_field_with_no_name(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- 5c. a surname after a work title; Spanish "de apodo" ---------------------------------------------
@pytest.mark.parametrize(("text", "secret", "language"), [
    ("coach brown is the one who schedules us", "brown", "en"),
    ("officer price came by the loading dock", "price", "en"),
    ("sergeant ruiz wrote the report", "ruiz", "en"),
    ("le dicen de apodo el tigre", "el tigre", "es"),
    ("le decimos de cariño la güera, y la güera se ríe", "la güera", "es"),
    ("su sobrenombre es chato", "chato", "es"),
])
def test_titles_and_nickname_fillers(text: str, secret: str, language: str) -> None:
    assert covered(text, secret, language)


@pytest.mark.parametrize(("text", "language"), [
    ("the coach bus was late again", "en"),
    ("an officer came by the dock", "en"),
    ("my father works nights too", "en"),
    ("we sat in coach class", "en"),
    ("le decimos de todo cuando llega tarde", "es"),
])
def test_titles_and_fillers_that_name_nobody(text: str, language: str) -> None:
    assert persons(text, language=language) == []


# --- 3b. a word-name taken as a person once is the person when said again ---------------------------
def test_a_word_name_found_once_is_the_person_again_unless_it_reads_as_the_word() -> None:
    text = "my coworker rose trains the new people. rose is strict. the rose bush died. i rose early."
    found = [text[f.start:f.end] for f in detect(text, use_presidio=False) if is_person_type(f.entity_type)]
    starts = [f.start for f in detect(text, use_presidio=False) if is_person_type(f.entity_type)]
    assert found == ["rose", "rose"]
    assert starts == [text.index("rose"), text.index("rose is")]


def test_a_spanish_word_name_after_an_article_stays_the_word() -> None:
    text = "mi compañera consuelo me enseñó todo. consuelo es buena gente. es un consuelo tenerla."
    found = [text[f.start:f.end] for f in detect(text, use_presidio=False, language="es")
             if is_person_type(f.entity_type)]
    assert found == ["consuelo", "consuelo"]


# --- 5d. honorifics of workers' other languages ---------------------------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("on the night shift gurpreet ji checks the labels", "gurpreet"),
    ("and simran bhenji said to drink water", "simran"),
    ("kuya jun drives the forklift", "jun"),
    ("ate weng covers my breaks", "weng"),
])
def test_a_name_with_an_honorific(text: str, secret: str) -> None:
    assert covered(text, secret)


@pytest.mark.parametrize("text", ["i ate rice at lunch", "we ate lunch early", "yes ji, okay"])
def test_honorific_words_that_name_nobody(text: str) -> None:
    assert persons(text) == []
