"""Quote screening: each kind of quasi-identifier is flagged, with the words that raised it,
and ordinary complaints are not."""

from __future__ import annotations

import pytest

from core.reports.quote_screen import (
    DAY_TIME,
    EVENT,
    JOB_TITLE,
    ROLE_PLACEHOLDER,
    TENURE,
    UNIQUE,
    job_titles,
    quote_key,
    screen,
    title_counts,
)


def kinds(text, **kw):
    return {f.kind for f in screen(text, **kw)}


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("As the forklift mechanic I see every broken truck first.", JOB_TITLE, "forklift mechanic"),
    ("I'm the only woman on the loading crew.", UNIQUE, "the only woman on the loading"),
    ("I have been here twenty-three years and never got a raise.", TENURE, "been here twenty-three years"),
    ("Nothing changed after the fire in the warehouse.", EVENT, "the fire"),
    ("They cut the hours right before Christmas.", EVENT, "Christmas"),
    ("It happens every Tuesday when the truck comes.", DAY_TIME, "Tuesday"),
    ("The line stops at 3 am for cleaning.", DAY_TIME, "3 am"),
    ("[SUPERVISOR 1] on nights never lets us take a break.", ROLE_PLACEHOLDER, "[SUPERVISOR 1] on nights"),
    ("The night lead [PERSON 2] gives the good spots to friends.", ROLE_PLACEHOLDER, "lead [PERSON 2]"),
    # Spanish
    ("Como montacarguista me pagan menos que a los choferes.", JOB_TITLE, "montacarguista"),
    ("Soy la única mujer en la línea de empaque.", UNIQUE, "la única mujer"),
    ("Llevo quince años aquí y nunca me subieron el sueldo.", TENURE, "Llevo quince años"),
    ("Después del incendio nadie arregló nada.", EVENT, "del incendio"),
    ("Nos cambian el horario cada viernes sin avisar.", DAY_TIME, "viernes"),
    ("Trabajo en el turno de noche desde el principio.", DAY_TIME, "turno de noche"),
    ("[SUPERVISOR 1] del turno de noche no nos deja descansar.", ROLE_PLACEHOLDER, "[SUPERVISOR 1] del turno"),
])
def test_each_kind_is_flagged_with_its_words(text, kind, words):
    flags = [f for f in screen(text) if f.kind == kind]
    assert flags and any(words.lower() in f.words.lower() for f in flags), screen(text)


@pytest.mark.parametrize("text", [
    "The pay has not gone up even though rent keeps climbing.",
    "[SUPERVISOR 1] yells at people in front of the whole crew.",
    "Nobody says thank you, they only notice when something goes wrong.",
    "My supervisor changes the schedule and nobody tells us.",
    "El sueldo no alcanza para pagar la renta.",
    "[SUPERVISOR 1] nos grita enfrente de todos.",
    "Nadie nos da las gracias, solo se fijan cuando algo sale mal.",
    "Mi supervisora cambia el horario y nadie nos dice nada.",
])
def test_ordinary_complaints_are_not_flagged(text):
    assert screen(text) == []


def test_a_job_title_is_flagged_only_when_few_interviews_name_it():
    text = "Every forklift driver here knows the brakes are bad."
    assert JOB_TITLE in kinds(text, titles={"forklift driver": 2, "driver": 9}, k=5)
    assert JOB_TITLE not in kinds(text, titles={"forklift driver": 7, "driver": 9}, k=5)


def test_title_counts_count_interviews_not_mentions():
    counts = title_counts([["the mechanic", "the mechanic again"], ["a forklift mechanic"], ["no titles"]])
    assert counts == {"mechanic": 2, "forklift mechanic": 1}
    assert job_titles("my supervisor") == set()  # generic on its own
    assert job_titles("the night supervisor") == {"night supervisor"}


def test_quote_key_follows_the_wording_and_the_packet():
    assert quote_key("p1", "a  b") == quote_key("p1", "a b")
    assert quote_key("p1", "a b") != quote_key("p2", "a b") != quote_key("p1", "a c")
    assert quote_key("p1", "a b", "dev-a") != quote_key("p1", "a b", "dev-b")
