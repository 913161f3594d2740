"""Classes of miss seen in the blind set v3 (issue 14, round 3), one test per class, through the
real detector on sentences written for these tests (not copied from the blind set). Each class
has its near miss: the same shape used as ordinary speech stays unflagged.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect


def found(text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, f.text) for f in detect(text, use_presidio=False)]


def covered(text: str, secret: str, etype: str) -> bool:
    """True when one finding of ``etype`` covers every letter and digit of ``secret``."""
    start = text.index(secret)
    return any(f.entity_type == etype and f.start <= start and f.end >= start + len(secret)
               for f in detect(text, use_presidio=False))


# --- 1. a brand or chain said with "in/at" and the town ----------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("i load trucks at the fedex hub in stockton, nights mostly", "fedex hub in stockton"),
    ("before that i was at the safeway in concord for two years", "safeway in concord"),
    ("trabajé cinco años en el costco en hayward", "costco en hayward"),
    ("i clean rooms at the Hampton Suites Inn in Fremont, days", "Hampton Suites Inn in Fremont"),
])
def test_brand_in_a_town_is_a_workplace(text: str, secret: str) -> None:
    assert covered(text, secret, "WORKPLACE")


@pytest.mark.parametrize("text", [
    "we had a meeting at the store in march about the schedule",
    "i started at the warehouse in the summer",
    "they trained us at the office in person",
])
def test_a_site_at_a_time_is_not_a_workplace(text: str) -> None:
    assert not [t for e, t in found(text) if e == "WORKPLACE"]


# --- 2. crossings where someone lives or works --------------------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("i live near fruitvale and foothill, by the school", "fruitvale and foothill"),
    ("mi casa queda en la 16 y valencia, cerca del parque", "16 y valencia"),
    ("vivo en la brookside y la alameda desde hace años", "brookside y la alameda"),
    ("vivo en la calle 7 poniente número 318, cerca del mercado", "calle 7 poniente número 318"),
    ("mi tía vive en la urbanización los pinos, calle 2, casa C 7 desde hace años",
     "urbanización los pinos, calle 2, casa C 7"),
    ("vivo en avenida juárez 220, apartamento 4", "avenida juárez 220, apartamento 4"),
])
def test_crossing_near_home_is_an_address(text: str, secret: str) -> None:
    assert covered(text, secret, "ADDRESS")


@pytest.mark.parametrize("text", [
    "trabajo en la mañana y la tarde",
    "vivo con mi mamá y mi hermana",
    "we had rice and beans at home and coffee",
])
def test_plain_pairs_are_not_crossings(text: str) -> None:
    assert not [t for e, t in found(text) if e == "ADDRESS"]


# --- 3. ID numbers with a letter prefix, in groups, or a few words after the cue ----------------
@pytest.mark.parametrize(("text", "secret"), [
    ("my locker number, if you ever need it, is H 20931 by the door", "H 20931"),
    ("mi número de gafete, el de la entrada, es el R 55012 0773", "R 55012 0773"),
    ("my badge is Q 5820 1147 3306 ok", "Q 5820 1147 3306"),
    # the digits alone read as a phone number; the code after the cue keeps its letters
    ("my clock number is Q 5820 1147 3306 ok", "Q 5820 1147 3306"),
    ("my door card number is, hold on, it's T 2281904, on the lanyard", "T 2281904"),
    ("saqué la CDL, número W 3390 1172 5528, en texas", "W 3390 1172 5528"),
    ("mi número de empleado es el cero cero cuatro uno dos siete", "cero cero cuatro uno dos siete"),
])
def test_id_after_a_cue_is_caught_whole(text: str, secret: str) -> None:
    assert covered(text, secret, "ID_NUMBER")


@pytest.mark.parametrize("text", [
    "my badge number, i got it in 2019, so it's old",
    "mi licencia, la saqué en 2015, es de texas",
])
def test_a_year_after_an_id_cue_is_not_an_id(text: str) -> None:
    assert not [t for e, t in found(text) if e == "ID_NUMBER"]


# --- 4. Spanish ages over 89 in words ------------------------------------------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("mi suegra tiene noventa y un años y todavía cocina", "noventa y un"),
    ("su papá ya tiene cien años, imagínese", "cien"),
])
def test_spanish_age_in_words_is_caught(text: str, secret: str) -> None:
    assert covered(text, secret, "AGE")


def test_a_count_of_years_is_not_an_age() -> None:
    assert not [t for e, t in found("hace noventa años que abrió la fábrica") if e == "AGE"]
