"""Spoken numbers after the test v5 run (issue 14, round 5): a number said again, spoken groups
with pauses, ages said without "years", codes with a letter prefix, short IDs after a cue.
Each class has near misses that must stay ordinary speech. Sentences are written for these
tests, not copied from a set.
"""

from __future__ import annotations

from core.deid.detect import detect
from core.deid.numbers import number_runs


def _types(text: str, secret: str) -> list[str]:
    """Entity types of the findings that cover every character of ``secret`` (its first place)."""
    start = text.index(secret)
    return [f.entity_type for f in detect(text, use_presidio=False)
            if f.start <= start and f.end >= start + len(secret)]


def _anything_on(text: str, piece: str) -> list[str]:
    start = text.index(piece)
    return [f.entity_type for f in detect(text, use_presidio=False)
            if f.start < start + len(piece) and start < f.end]


# --- runs: a pause or a sentence end between the written and the spoken form --------------------
def test_a_number_said_twice_is_two_runs_and_a_comma_closes_a_spoken_group():
    runs = number_runs("my cell is (414) 555-0137. four one four, five five five, oh one three seven.")
    assert [r.digits for r in runs] == ["4145550137", "4145550137"]
    runs = number_runs("el celular, seiscientos dos, cinco cinco cinco, cero uno cuatro uno, ese")
    assert [r.digits for r in runs] == ["6025550141"]
    runs = number_runs("novecientos uno, quinientos cincuenta y cinco, cero ciento veinte")
    assert [r.digits for r in runs] == ["9015550120"]
    # still one number: spaced dots, a bracketed area code, dots with no space
    assert [r.digits for r in number_runs("es 312 . 555 . 0190 ok")] == ["3125550190"]
    assert [r.digits for r in number_runs("phone, (502) five five five, zero one one nine")] == ["5025550119"]
    assert [r.digits for r in number_runs("06.71.22.90.13")] == ["0671229013"]


def test_a_phone_said_in_words_after_its_digits_is_found_both_times():
    text = "text me at (414) 555-0137. four one four, five five five, oh one three seven. thanks"
    assert "PHONE" in _types(text, "four one four, five five five, oh one three seven")
    text = "mi celular, seis cero dos, cinco cinco cinco, cero uno cuatro uno. seis cero dos. y ya"
    assert "PHONE" in _types(text, "seis cero dos, cinco cinco cinco, cero uno cuatro uno")
    text = "al celular, el seiscientos dos, cinco cinco cinco, cero uno cuatro uno, es el mío"
    assert "PHONE" in _types(text, "seiscientos dos, cinco cinco cinco, cero uno cuatro uno")


# --- a number said again ----------------------------------------------------------------------
def test_a_phone_tail_said_again_is_the_phone():
    text = "it's four one four, five five five, zero one three two. no, three seven. zero one three seven."
    assert "PHONE" in _types(text, "zero one three seven")
    # near miss: the same four digits with no phone in the interview are a count
    assert _anything_on("we packed zero one three seven, no, I mean a lot of boxes", "zero one three seven") == []
    text = "it's four one four, five five five, zero one three two. no, we did 1300 boxes that day."
    assert _anything_on(text, "1300") == []


def test_an_id_said_again_in_words_is_the_id():
    text = "my employee number is 51872. on the radio they say five one eight seven two, come to dock b."
    assert "ID_NUMBER" in _types(text, "five one eight seven two")
    text = "el número de gafete es 306719, tres cero seis siete uno nueve, así sale."
    assert "ID_NUMBER" in _types(text, "tres cero seis siete uno nueve")
    text = "employee number is KR-40261. K R dash four oh two six one. okay."
    assert "ID_NUMBER" in _types(text, "K R dash four oh two six one")
    # near miss: other digits said after an ID are not it
    text = "my employee number is 51872. we did five one eight seven cases that night, no, four hundred."
    assert "ID_NUMBER" not in _anything_on(text, "five one eight seven cases")


def test_an_age_said_again_is_the_age():
    text = "la señora tiene noventa y tres años, noventa y tres, y todavía cocina."
    found = [f.text for f in detect(text, use_presidio=False) if f.entity_type == "AGE"]
    assert len(found) == 2
    text = "my aunt turned ninety-two in may. ninety-two, and she still drives."
    assert len([f for f in detect(text, use_presidio=False) if f.entity_type == "AGE"]) == 2
    # near miss: the same number as a quantity
    text = "my aunt turned ninety-two in may. we cooked ninety-two tamales for her."
    assert len([f for f in detect(text, use_presidio=False) if f.entity_type == "AGE"]) == 1


# --- ages said without "years" ----------------------------------------------------------------
def test_an_age_after_she_was_or_with_no_verb_is_found():
    assert "AGE" in _types("one patient, she was ninety three, she held my hand", "ninety three")
    assert "AGE" in _types("and my grandma, she ninety seven, she live with us", "ninety seven")
    assert "AGE" in _types("mi abuela vivió hasta los ciento dos, trabajando", "ciento dos")
    assert "AGE" in _types("an old lady, she's like ninety, she comes every friday", "ninety")
    # near misses: a correction, a quantity, a speed
    assert "AGE" not in _anything_on("my grandma, she ninety... no, she eighty-one", "ninety")
    assert "AGE" not in _anything_on("the van, she was ninety miles an hour", "ninety")
    assert "AGE" not in _anything_on("that shift, she was ninety, ninety-five percent done", "ninety")
    assert "AGE" not in _anything_on("the truck, he's like ninety feet away from the dock", "ninety")


# --- codes with a letter prefix; short IDs after a Spanish cue ----------------------------------
def test_a_code_of_capitals_and_five_digits_is_an_id():
    for code in ("MT-40215", "KX-19-550231", "RQ30917", "BLU-88213"):
        assert "ID_NUMBER" in _types(f"the one from the agency is {code}, that is what they know", code)
    # near misses: names of things with few digits
    for thing in ("COVID-19", "N95", "I-94", "SB-1383", "W-2"):
        assert _anything_on(f"they talked about the {thing} all week", thing) == []


def test_a_short_id_after_a_spanish_cue_or_in_the_answer_is_found():
    assert "ID_NUMBER" in _types("mi número de cajera es el 5823, lo pongo en la caja", "5823")
    text = "¿tiene número de reloj o algo, para la paga? R: ¿el mío? es el 6614, así sale"
    assert "ID_NUMBER" in _types(text, "6614")
    text = "mi número del reloj también si lo necesitan, el 3095. gracias"
    assert "ID_NUMBER" in _types(text, "3095")
    # near misses: the clock's time, a year after a cue
    assert "ID_NUMBER" not in _anything_on("el reloj marca las 1130 y nos vamos", "1130")
    assert "ID_NUMBER" not in _anything_on("mi número de cajera me lo dieron, el 2019, en enero", "2019")


# --- e-mails said with number words, a pause, an accent, or no ".com" ---------------------------
def test_spoken_emails_with_number_words_or_a_provider_alone():
    text = "el correo es lupita punto flores noventa y uno arroba hotmail punto com, con ele"
    assert "EMAIL" in _types(text, "lupita punto flores noventa y uno arroba hotmail punto com")
    text = "lo escribo así: nayeli ortega ochenta y tres, arroba yahoo punto com, todo junto"
    assert "EMAIL" in _types(text, "ortega ochenta y tres, arroba yahoo punto com")
    text = "y el correo es toño punto ibáñez arroba gmail punto com"
    assert "EMAIL" in _types(text, "toño punto ibáñez arroba gmail punto com")
    text = "mi correo, dani punto reyes punto m arroba gmail y ya"
    assert "EMAIL" in _types(text, "dani punto reyes punto m arroba gmail")
    text = "the email is better. it's darnell kq forty one at yahoo dot com."
    assert "EMAIL" in _types(text, "darnell kq forty one at yahoo dot com")
    # near misses: a provider as an employer, "at" a place
    assert "EMAIL" not in _anything_on("my sister works at yahoo now, in the office", "yahoo")
    assert "EMAIL" not in _anything_on("i was at gmail for two years, then google fired us", "gmail")


# --- dates: a weekday, a cardinal day, a day before a month, a birthday on a holiday -------------
def test_dates_with_a_weekday_a_cardinal_day_or_a_birthday():
    assert "DATE" in _types("fue el martes diecinueve de noviembre, en la mañana", "martes diecinueve de noviembre")
    assert "DATE" in _types("el sábado 8 de febrero me caí", "sábado 8 de febrero")
    assert "DATE" in _types("he pushed me. october seventeen, last year.", "october seventeen")
    assert "DATE" in _types("the heat, 9 august, it was bad", "9 august")
    assert "DATE" in _types("yo nací el veinticinco de diciembre, imagínate", "veinticinco de diciembre")
    # near misses: a spoken year, a count, a holiday by its name
    assert "DATE" not in _anything_on("back in june twenty twenty-two we moved", "june twenty")
    assert "DATE" not in _anything_on("in july twelve people quit", "july twelve")
    assert "DATE" not in _anything_on("el veinticinco de diciembre hacemos tamales", "veinticinco de diciembre")


def test_an_age_over_a_hundred_said_again_and_a_second_persons_id():
    text = "one resident, mrs. okafor, she's 102, a hundred and two, she still knits."
    assert "AGE" in _types(text, "a hundred and two")
    text = "¿y su número de empleado? R: el mío es el 2264, sale en el talón, y el de ella es el 2719 R: gracias"
    assert "ID_NUMBER" in _types(text, "2719")
    # near misses: a hundred as a count after an age; a number after "el de ella" with no ID before
    text = "she's 102, a hundred and two boxes we packed for her party."
    assert "AGE" not in _anything_on(text, "a hundred and two boxes")
    assert "ID_NUMBER" not in _anything_on("la casa de ella es la 2719 de la calle ocho", "2719")
