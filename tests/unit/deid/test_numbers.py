"""Spoken and written numbers become the digits a person would dial."""

from __future__ import annotations

import pytest

from core.deid.numbers import number_runs


@pytest.mark.parametrize("text, digits", [
    ("two one seven, five five five, oh one nine two", "2175550192"),
    ("two seventeen five five five zero one nine two", "2175550192"),
    ("(217) 555-0192", "2175550192"),
    ("217.555.0192", "2175550192"),
    ("two one seven dash five five five dash oh one nine two", "2175550192"),
    ("one eight hundred five five five twelve twelve", "18005551212"),
    ("double five five, oh one nine two", "5550192"),
    ("fourteen twenty two", "1422"),
    ("twenty twenty four", "2024"),
    ("ninety two", "92"),
    ("five hundred twelve", "512"),
])
def test_runs_turn_into_dialled_digits(text, digits):
    runs = number_runs(text)
    assert len(runs) == 1
    assert runs[0].digits == digits
    assert runs[0].start <= 1 and runs[0].end == len(text)  # a leading bracket is not a number


def test_oh_is_zero_only_inside_a_run():
    runs = number_runs("oh, one thing: five five five oh")
    assert [r.digits for r in runs] == ["1", "555"]


def test_words_between_numbers_end_a_run():
    runs = number_runs("i worked there from two thousand nine to two thousand twelve")
    assert [r.digits for r in runs] == ["2009", "2012"]
