"""Classes of miss found by the blind evaluation set v1 (decision 0045), one test per class.

The sentences here are new (not copied from the blind set), so these tests check the general
cause, not the strings the blind set happened to use. Each class also has its near miss:
the same word used as a word must stay unflagged.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.names import fold

NAMES = [("Noor Hamid", "participant"), ("June Alcott", "co-worker"), ("Mark Riordan", "supervisor"),
         ("Rich Olander", "manager"), ("Hope Ibarra", "co-worker"), ("Inés Muñoz", "co-worker"),
         ("Theo Grant", "co-worker"), ("Terrell Vance (T)", "co-worker")]
WORKPLACES = ["Lakeshore Metals Plant 3", "Corbel Freight DC12", "Crossroads Market", "Pinecrest Bakery"]


def found(text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, f.text) for f in detect(text, names=NAMES, workplaces=WORKPLACES,
                                                     use_presidio=False)]


def texts(text: str) -> list[str]:
    return [t for _, t in found(text)]


# --- 1. A listed name that is also a word, at a clause start before a verb -------------------

@pytest.mark.parametrize("text, name", [
    ("so june covers the weekend shifts now", "june"),
    ("and mark walked off the floor", "mark"),
    ("yeah. hope drives the pallet jack", "hope"),
])
def test_word_like_listed_name_before_a_verb_is_found(text, name):
    assert name in texts(text)


@pytest.mark.parametrize("text", [
    "we got paid late in june again",
    "i mark the pallets with a sharpie",
    "my hope is that somebody listens",
    "the rich guys upstairs never come down",
])
def test_the_same_words_used_as_words_stay(text):
    assert texts(text) == []


# --- 2. A word-like name in apposition to the full name ------------------------------------

def test_word_like_name_next_to_the_full_name_is_found():
    got = texts("the boss is rich, rich olander, and he is not rich at all")
    assert got.count("rich") == 1  # the apposition, not the adjective at the end
    assert "rich olander" in got


# --- 3. Accents: listed with them, spoken without (and back) --------------------------------

def test_accent_folding_both_ways():
    assert "ines munoz" in texts("i work next to ines munoz on nights")
    got = found("theo and Inés Muñoz")
    assert ("CO-WORKER", "Inés Muñoz") in got
    assert fold("Mejía Muñoz") == "Mejia Munoz" and len(fold("Ñandú")) == len("Ñandú")


# --- 4. Workplace site designators, written and spoken --------------------------------------

@pytest.mark.parametrize("text, span", [
    ("before that i was at plant 3 for a year", "plant 3"),
    ("before that i was at plant three for a year", "plant three"),
    ("they moved me to dc12 last fall", "dc12"),
    ("they moved me to dc 12 last fall", "dc 12"),
    ("they moved me to dc twelve last fall", "dc twelve"),
])
def test_site_designator_alone_is_the_workplace(text, span):
    assert ("WORKPLACE", span) in found(text)


def test_single_word_workplace_after_an_article_is_the_word():
    assert found("honestly i'm at a crossroads with this job") == []
    assert ("WORKPLACE", "crossroads") in found("i've worked at crossroads for two years")


# --- 5. Short aliases and letters inside contractions ---------------------------------------

def test_one_letter_alias_needs_a_cue_and_never_matches_inside_a_contraction():
    assert texts("you can't plan nothing and i don't t-shirt") == []
    assert "T" in texts("we call him T and he knows it")


# --- 6. Unlisted people named in pairs ("me and X") -----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("me and deandre went to hr about it", "deandre"),
    ("so kasimir and i covered the line", "kasimir"),
    ("ravi and me and oksana signed it", "oksana"),   # two pairs sharing one "me"
    ("ravi and me and oksana signed it", "ravi"),
])
def test_unlisted_name_in_a_pair_with_me(text, name):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize("text", [
    "me and everybody else on nights",
    "me and my wife both work there",
    "working and i get no break",
])
def test_pairs_that_are_not_people(text):
    assert [t for t in found(text) if t[0] == "PERSON"] == []


def test_called_an_agency_is_not_a_person():
    assert found("somebody called osha and then corporate came") == []


# --- 7. Ages over 89 after "who's" / "who was" ----------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("a patient who was ninety-four fell twice", "ninety-four"),
    ("my neighbor, who's 96, still gardens", "96"),
    ("the client who is now ninety two lives alone", "ninety two"),
])
def test_age_after_who(text, span):
    assert ("AGE", span) in found(text)


def test_who_with_a_small_number_or_a_temperature_is_not_an_age():
    assert [t for t in found("a guy who was 45 and it was ninety degrees") if t[0] == "AGE"] == []


# --- 8. ID numbers after document words (card, permit, certificate) -------------------------

@pytest.mark.parametrize("text, span", [
    ("my forklift cert number is FL-77120", "FL-77120"),
    ("the food handler card is 4418-2290", "4418-2290"),
    ("my work permit number is W 30215", "W 30215"),
])
def test_document_numbers_are_ids(text, span):
    assert ("ID_NUMBER", span) in found(text)


def test_card_without_a_number_is_nothing():
    assert found("they gave me a card with 2 stamps on it") == []
