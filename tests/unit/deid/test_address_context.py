"""What a found address makes of the words around it and later (issue 14, decision 0251).

A flat said a sentence later or corrected, the house number said again in words, the street's
name said again, a crossing with it, a spoken house number before it; and two Spanish forms that
need no street first ("el quince treinta de la kearney", "la esquina de lamar y burnet"). Each
class has near misses that must stay ordinary speech. The sentences are written for these tests,
not copied from a set.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.numbers import number_runs


def _covered(text: str, secret: str, language: str = "en") -> bool:
    start = text.index(secret)
    return any(f.start <= start and f.end >= start + len(secret) and f.entity_type == "ADDRESS"
               for f in detect(text, use_presidio=False, language=language))


def _addresses(text: str, language: str = "en") -> list[str]:
    return [f.text for f in detect(text, use_presidio=False, language=language) if f.entity_type == "ADDRESS"]


@pytest.mark.parametrize(("text", "secret", "language"), [
    # a flat said after the street, a sentence later
    ("we rent off of dunmore avenue, the brick ones. it's unit 7 b, top floor", "unit 7 b", "en"),
    ("vivimos en la calle ocotillo, en los apartamentos nuevos, la casita d, atrás", "casita d", "es"),
    ("mi casa es en la calle mezquite, al fondo. número diecisiete, la del portón", "número diecisiete", "es"),
    # a flat corrected right after it
    ("we're on tolliver street, apartment 4 c. no, sorry, 4 d. since march", "4 d", "en"),
    # the house or flat number said again in words
    ("send it to 3307 pacific highway, apartment 419. four one nine, upstairs", "four one nine", "en"),
    # the street's name said again: after a where-word, after a house number, in a crossing
    ("1442 ridgecrest avenue, by the laundromat. yeah we moved onto ridgecrest last year", "ridgecrest", "en"),
    ("we're out on caddo fork road. 5120 caddo fork, the white mailbox", "5120 caddo fork", "en"),
    ("2210 kessler avenue is the house, right at kessler and whitlock", "kessler and whitlock", "en"),
    # a spoken house number before a street found without one
    ("the mail goes to nine four one zero holloway avenue south", "nine four one zero holloway avenue south", "en"),
    # Spanish: a house number before "de la" and a street; a corner; the number said wrong first
    ("mándelo a la casa, el quince treinta de la kearney, la de las rosas", "quince treinta de la kearney", "es"),
    ("es el dieciocho veinte... no, perdón, el dieciocho veintidós de la kearney", "dieciocho veinte", "es"),
    ("el mil doscientos cinco de la culebra road, atrás de la tienda", "mil doscientos cinco de la culebra road", "es"),
    ("trabajamos en la esquina de lamar y burnet, en un edificio nuevo", "lamar y burnet", "es"),
    ("la taquería, la de pico y hoover, esa es la buena", "pico y hoover", "es"),
    ("estoy en el siete-c de los apartamentos del centro", "siete-c", "es"),
    # a spoken PO box and a ZIP said after a pause
    ("mejor al p.o. box trescientos doce, en laredo", "p.o. box trescientos doce", "es"),
    ("the zip is, uh, 78520 for that one", "78520", "en"),
    ("el código postal es veintiún mil ciento veinte", "veintiún mil ciento veinte", "es"),
    # a numbered street after a direction; a house number after a road said before it
    ("la dirección es 7740 northwest 36 street, unit 12, en doral", "7740 northwest 36 street, unit 12", "es"),
    ("we're off of the farm road, 725, 4418 mesquite lane, past the church", "4418 mesquite lane", "en"),
    # a house number before "de la calle X" with no "el"; a park's name before its lot; a building
    ("sí, es doscientos ocho de la calle pemberton, apartamento 2", "doscientos ocho de la calle pemberton", "es"),
    ("we're behind the gas station, cedar meadows, lot 14, the blue one", "cedar meadows, lot 14", "en"),
    ("our place is apartment 6, building 14, by the pool", "apartment 6, building 14", "en"),
    # a crossing said with "con" on a found street
    ("nos juntamos en la murfreesboro pike, la de murfreesboro pike con thompson", "murfreesboro pike con thompson", "es"),
    # a ZIP after the town and the state; a numbered street crossing another
    ("al p.o. box doscientos uno, alpine, texas, siete nueve ocho tres cero, ahí", "siete nueve ocho tres cero", "es"),
    ("vivo en la treinta y uno y la cuarenta, en un basement", "treinta y uno y la cuarenta", "es"),
    # a crossing given as the answer to an address or mail cue
    ("and the address, if you want it, west kearny and tulare, the duplex", "west kearny and tulare", "en"),
    ("mail it to the apartment, fondren and bissonnet, the tall one", "fondren and bissonnet", "en"),
])
def test_what_a_found_address_makes_readable_is_part_of_it(text, secret, language):
    assert _covered(text, secret, language), _addresses(text, language)


@pytest.mark.parametrize(("text", "language"), [
    # a flat word with no address anywhere in the interview
    ("we worked three hours in unit 5 of the plant, then lunch", "en"),
    # a number cue near an address that is a phone or a count
    ("i live on tolliver street. my number is 555 0143 if you need it", "en"),
    # "la de X y Y" that is food or things, and a year before "de la"
    ("la de jamón y queso es la que más se vende", "es"),
    ("en el dos mil veinte de la pandemia cerraron todo", "es"),
    # a street's name that is a building or a town said alone
    ("212 church street is the house. we go to the church on sunday", "en"),
    # an address cue answered with everyday words
    ("the address is, um, bread and butter, i don't know", "en"),
    # a lot said after people, not a park's name
    ("i came with my mom, lot 27 is where we park", "en"),
])
def test_near_misses_stay_ordinary_speech(text, language):
    found = _addresses(text, language)
    for word in ("unit 5", "555", "jamón", "dos mil veinte", "the church on", "my mom", "bread"):
        assert not any(word in f for f in found), found


def test_spanish_thousands_read_as_one_number():
    assert [r.digits for r in number_runs("el mil ciento ocho de la calle")] == ["1108"]
    assert [r.digits for r in number_runs("código veintiún mil ciento veinte")] == ["21120"]
    assert number_runs("mil gracias, de verdad") == []
