"""Brand employers said as the place someone works, and brands said as things (issue 14, decision 0253).

"one year at foxwoods", "i do the qfc on the weekends", "that's more than heb" (pay compared),
"the love's down the road pays thirteen", "the starbucks in concourse b": the brand is where
someone works. "a ups box", "ordered it on doordash", "the walmart run", "went to walmart for
groceries" stay things and errands. The sentences are written for these tests, not copied from
a set.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect


def _workplaces(text: str) -> list[str]:
    return [f.text for f in detect(text, use_presidio=False) if f.entity_type == "WORKPLACE"]


@pytest.mark.parametrize(("text", "employer"), [
    ("before the plant i spent two years at mohegan sun, dealing", "mohegan sun"),
    ("on saturdays i do the hy-vee, night stock", "hy-vee"),
    ("it's nineteen an hour here, that's more than whataburger pays, more than anybody", "whataburger"),
    ("the flying j down the road pays fifteen", "flying j"),
    ("i'm a cashier, i work the panda express in terminal two", "panda express in terminal two"),
    ("she spent three seasons with trident seafoods up north", "trident seafoods"),
    ("i clean for jetblue at night", "jetblue"),
])
def test_a_brand_said_as_where_someone_works_is_a_workplace(text, employer):
    assert any(employer in w for w in _workplaces(text)), _workplaces(text)


@pytest.mark.parametrize("text", [
    "my cousin left a ups box on the porch",
    "i ordered it on doordash because i was too tired",
    "i did the walmart run after my shift",
    "we went to walmart for groceries on sunday",
    "i do the dishes and then i sleep",
])
def test_a_brand_said_as_a_thing_or_an_errand_is_no_workplace(text):
    assert _workplaces(text) == []
