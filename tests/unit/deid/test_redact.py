"""Placeholders replace spans; offsets map from the original text to the result."""

from __future__ import annotations

from core.deid.pseudonyms import PseudonymBook
from core.deid.redact import Replacement, apply


def test_apply_and_offset_map():
    text = "so maria told dana about it"
    new, omap = apply(text, [Replacement(3, 8, "[PERSON 1]"), Replacement(14, 18, "[SUPERVISOR 1]")])
    assert new == "so [PERSON 1] told [SUPERVISOR 1] about it"
    assert omap(0) == 0
    assert omap(3) == 3 and omap(8) == 13            # the span maps onto its placeholder
    assert omap(5) == 3                              # inside a span: its placeholder's start
    assert new[omap(9):omap(13)] == "told"           # text between spans keeps its place
    assert new[omap(19):omap(len(text))] == "about it"


def test_overlapping_replacements_merge():
    new, _ = apply("maria gonzalez said", [Replacement(0, 5, "[P 1]"), Replacement(0, 14, "[P 2]")])
    assert new == "[P 2] said"


def test_pseudonyms_are_consistent_and_join_first_names():
    book = PseudonymBook()
    assert book.placeholder("PERSON", "Maria Gonzalez") == "[PERSON 1]"
    assert book.placeholder("PERSON", "Tom Lee") == "[PERSON 2]"
    assert book.placeholder("PERSON", "maria") == "[PERSON 1]"
    assert book.placeholder("PERSON", "MARIA GONZALEZ's") == "[PERSON 1]"
    assert book.placeholder("SUPERVISOR", "Dana Ruiz") == "[SUPERVISOR 1]"
    assert book.placeholder("WORKPLACE", "Acme") == "[WORKPLACE 1]"
    assert book.placeholder("WORKPLACE", "Riverside") == "[WORKPLACE 2]"
    assert book.placeholder("PHONE", "217 555 0192") == "[PHONE]"
    assert book.placeholder("DATE", "march 3rd 2024", "March 2024") == "[DATE: March 2024]"
    reloaded = PseudonymBook(book.added)
    assert reloaded.placeholder("PERSON", "tom lee") == "[PERSON 2]"
    assert reloaded.placeholder("PERSON", "Ana Ruiz") == "[PERSON 3]"
