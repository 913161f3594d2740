"""Numbers that identify with no cue of their own (issue 14, decision 0252).

A number said twice near itself in two forms is a code ("clock number, 5512 ... five five one
two"); a person or a site called by a number ("yo soy el 2764 en el reloj", "we're store
20931"); a phone's last group corrected ("sesenta y uno, no, sesenta y dos") is part of the
phone and its corrected tail said later is the phone; ages said with "she'll be" or a hyphen.
Near misses (counts, years, wages, amounts) stay ordinary speech. The sentences are written
for these tests, not copied from a set.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(f.text, f.entity_type) for f in detect(text, use_presidio=False, language=language)]


def _covered(text: str, secret: str, language: str = "en", kinds: tuple[str, ...] = ()) -> bool:
    start = text.index(secret)
    return any(f.start <= start and f.end >= start + len(secret) and (not kinds or f.entity_type in kinds)
               for f in detect(text, use_presidio=False, language=language))


@pytest.mark.parametrize(("text", "secrets", "language"), [
    ("she wants you to know her number at the plant, 5512. five five one two, yes", ("5512", "five five one two"), "en"),
    ("en la lista soy la tres mil doscientos diez, así gritan, tres dos uno cero, y ya",
     ("tres mil doscientos diez", "tres dos uno cero"), "es"),
    ("the grievance was 31-208, thirty-one dash two oh eight, and we won it", ("31-208", "thirty-one dash two oh eight"), "en"),
    ("yo soy el 2764 en el reloj, nadie me llama por mi nombre", ("2764",), "es"),
    ("en la caja el mío es 5532. el de ella no sé", ("5532",), "es"),
    ("to corporate we're store 20931, that's all we are", ("20931",), "en"),
    ("to them i'm thirty one forty on the sheet, not a name", ("thirty one forty",), "en"),
    # an ID's name and number word, then a pause
    ("the write-up says team member number, 0 0 4 7 1 9 3. then the date", ("0 0 4 7 1 9 3",), "en"),
    ("el talón dice employee ID, cero cero cuatro uno ocho ocho. y la fecha", ("cero cero cuatro uno ocho ocho",), "es"),
])
def test_a_number_said_as_a_code_is_an_id(text, secrets, language):
    for secret in secrets:
        assert _covered(text, secret, language), (secret, _found(text, language))


def test_a_phone_corrected_mid_way_is_one_phone_and_its_new_tail_is_the_phone():
    text = ("apúntalo: tres uno dos, cinco cinco cinco, cero cuatro, sesenta y uno, no, sesenta y dos. "
            "o sea que termina en cero cuatro seis dos, ¿sí?")
    assert _covered(text, "tres uno dos, cinco cinco cinco, cero cuatro, sesenta y uno, no, sesenta y dos", "es", ("PHONE",))
    assert _covered(text, "cero cuatro seis dos", "es", ("PHONE",))


@pytest.mark.parametrize(("text", "secret"), [
    ("my grandma, in june she'll be ninety-three! still cooking", "ninety-three"),
    ("my aunt, she's ninety-one now, still driving", "ninety-one"),
    ("she turned a hundred in april. a hundred! can you believe it", "a hundred! can"),
])
def test_ages_said_with_a_hyphen_a_future_or_again(text, secret):
    secret = secret.split("!")[0] if "!" in secret else secret
    starts = [i for i in range(len(text)) if text.startswith(secret, i)]
    found = detect(text, use_presidio=False)
    for start in starts:
        assert any(f.start <= start and f.end >= start + len(secret) and f.entity_type == "AGE" for f in found), found


@pytest.mark.parametrize("text", [
    "we did 1450 cases monday and 1450 cases tuesday, same as always",
    "that was in 2019, twenty nineteen, before the new manager",
    "we started at sixteen fifty. now i'm seventeen twenty five. the rent went up too",
    "the rent was $1200, twelve hundred, and then more",
    "in that case, 500 people came to the meeting",
])
def test_counts_years_wages_and_amounts_are_no_ids(text):
    assert not [f for f in detect(text, use_presidio=False) if f.entity_type == "ID_NUMBER"], _found(text)
