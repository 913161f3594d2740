"""Detection in conversational, lower-case text: every identifier type, written and spoken."""

from __future__ import annotations

import itertools

import pytest

from core.deid.detect import detect

NAMES = [("Maria Gonzalez", "person"), ("Dana Ruiz", "supervisor"), ("Robert Smith (Bobby)", "person"),
         ("Will Turner", "person")]
WORKPLACES = ["Riverside Distribution Center"]


def found(text, **kw):
    kw.setdefault("names", NAMES)
    kw.setdefault("workplaces", WORKPLACES)
    kw.setdefault("use_presidio", False)
    return [(f.entity_type, f.text) for f in detect(text, **kw)]


@pytest.mark.parametrize("text, span", [
    ("so maria gonzalez told me no", "maria gonzalez"),
    ("MARIA GONZALEZ told me no", "MARIA GONZALEZ"),
    ("maria's shift ended", "maria"),
    ("gonzalez was late", "gonzalez"),
    ("ms. gonzalez was late", "gonzalez"),
    ("i asked gonzales again", "gonzales"),          # Whisper's misspelling
])
def test_listed_names_in_any_case_and_form(text, span):
    assert ("PERSON", span) in found(text)


def test_role_label_and_nicknames():
    got = found("dana said bob smith and bobby were out, rob too")
    assert ("SUPERVISOR", "dana") in got
    assert ("PERSON", "bob smith") in got
    assert ("PERSON", "bobby") in got


def test_ambiguous_given_name_needs_a_cue_in_lower_case():
    got = found("i will tell you. will said no, and i told will")
    assert got == [("PERSON", "will"), ("PERSON", "will")]


def test_workplace_names_and_parts():
    got = found("i started at riverside distribution center, riverside was hiring")
    assert got == [("WORKPLACE", "riverside distribution center"), ("WORKPLACE", "riverside")]


@pytest.mark.parametrize("text, span", [
    ("call me at two one seven, five five five, oh one nine two ok", "two one seven, five five five, oh one nine two"),
    ("my cell is 217-555-0192.", "217-555-0192"),
    ("it's (217) 555 0192", "(217) 555 0192"),
    ("it's two seventeen, five five five, zero one nine two", "two seventeen, five five five, zero one nine two"),
    ("her number is five five five oh one nine two", "five five five oh one nine two"),
])
def test_phones_written_and_spoken(text, span):
    assert ("PHONE", span) in found(text)


@pytest.mark.parametrize("text, span", [
    ("email me at maria.g@gmail.com thanks", "maria.g@gmail.com"),
    ("it's maria dot gonzalez at gmail dot com", "maria dot gonzalez at gmail dot com"),
    ("write to dgr77 at yahoo.com", "dgr77 at yahoo.com"),
])
def test_emails_written_and_spoken(text, span):
    assert ("EMAIL", span) in [(t, s) for t, s in found(text, names=()) if t == "EMAIL"]


@pytest.mark.parametrize("text, span", [
    ("i live at 1422 N. Maple Ave, Springfield, IL 62704 now", "1422 N. Maple Ave, Springfield, IL 62704"),
    ("she's at fourteen twenty two maple avenue apartment 3b", "fourteen twenty two maple avenue apartment 3b"),
    ("we moved to 88 oak street last year", "88 oak street"),
    ("i live on cherry lane", "cherry lane"),
])
def test_street_addresses(text, span):
    assert ("ADDRESS", span) in found(text)


def test_numbers_that_are_not_addresses_or_phones():
    assert found("i worked 12 hours for 15 dollars, 40 people on the line since 2019") == []


def test_exact_dates_keep_month_and_year():
    got = detect("i got hurt on march 3rd, 2024 and again the twenty-first of june", use_presidio=False)
    assert [(f.text, f.label) for f in got] == [("march 3rd, 2024", "March 2024"),
                                                ("the twenty-first of june", "June")]
    assert detect("back in march we had a march to city hall", use_presidio=False) == []


def test_ages_over_89_only():
    assert found("my grandma is ninety two years old") == [("AGE", "ninety two")]
    assert found("she turned 94 in may") == [("AGE", "94")]
    assert found("i'm 45 years old") == []


def test_employee_and_badge_numbers():
    got = found("my badge number is four eight two one three and employee id E-48213")
    assert got == [("ID_NUMBER", "four eight two one three"), ("ID_NUMBER", "E-48213")]


def test_findings_never_overlap():
    got = detect("maria gonzalez's email is maria.gonzalez@riverside.com", names=NAMES,
                 workplaces=WORKPLACES, use_presidio=False)
    assert [f.entity_type for f in got] == ["PERSON", "EMAIL"]
    for a, b in itertools.pairwise(got):
        assert a.end <= b.start


def test_unlisted_people_are_proposed(presidio):
    got = found("I worked with Jennifer Lopez and a guy named Tiago", names=(), use_presidio=True)
    assert ("PERSON", "Jennifer Lopez") in got
    assert ("PERSON", "Tiago") in got


def test_presidio_and_ours_together_on_lowercase_text(presidio):
    text = ("yeah so dana ruiz, my supervisor, she calls me at two one seven five five five oh one "
            "nine two and says maria you're late")
    got = found(text, use_presidio=True)
    assert ("SUPERVISOR", "dana ruiz") in got
    assert ("PHONE", "two one seven five five five oh one nine two") in got
    assert ("PERSON", "maria") in got
