"""Employers said by a brand alone after a work cue (issue 14, decision 0216), in English and
Spanish, and the same brands as products or shops, which stay readable. Sentences are written
for these tests, not copied from a set.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect


def _workplaces(text: str) -> list[str]:
    return [f.text.lower() for f in detect(text, use_presidio=False) if f.entity_type == "WORKPLACE"]


@pytest.mark.parametrize(("text", "brand"), [
    ("i work at kroger on the weekends", "kroger"),
    ("my husband drives for doordash at night", "doordash"),
    ("I've worked at Target since the pandemic", "target"),
    ("she got a job at the home depot in the garden part", "home depot"),
    ("trabajo en el walmart de la 5, en el deli", "walmart"),
    ("el año pasado me pasé a amazon porque pagaban más", "amazon"),
    ("yo manejo para uber cuando no hay trabajo", "uber"),
    ("mi prima trabaja en la Dollar General del pueblo", "dollar general"),
    ("he was a packer at swift for ten years", "swift"),
    ("we work for Brightwater Senior Living, the one by the lake", "brightwater senior living"),
    ("i work for zelvana now, the cleaning company", "zelvana"),
    ("I'm still at HNL, the same warehouse", "hnl"),
    ("before that she was at a family dollar in modesto", "family dollar"),
    ("on weekends i drive lyft, or i do instacart", "lyft"),
    ("en la noche hago doordash para completar", "doordash"),
    ("antes estaba en un h-e-b, de cajera", "h-e-b"),
])
def test_a_brand_after_a_work_cue_is_a_workplace(text, brand):
    assert any(brand in w for w in _workplaces(text))


@pytest.mark.parametrize("text", [
    "after the shift i took an uber home",
    "i bought the shoes at target, they were cheap",
    "she orders everything on amazon for the baby",
    "I work at night and sleep in the morning",
    "we work in the fields, in the strawberries",
    "i work for a family in the hills, a nice lady",
    "I work for maria, she has three kids",
    "trabajo en la mañana y en la tarde descanso",
    "trabajo en un vivero, una nursery de plantas",
    "me pasé a la línea de empaque",
    "yo trabajo con maría en la cocina",
    "I work at a nail salon near the mall",
    "I work in Stockton, at the port",
    "she is a cashier in the booth, the exit one",
    "el sábado hacemos fiesta para la niña",
    "we did target practice with the cadets",
    "antes estaba en un rancho, en la pizca",
])
def test_brands_as_products_and_work_said_without_a_name_are_not_workplaces(text):
    assert _workplaces(text) == []


def test_later_mentions_of_a_cued_employer_are_found_too():
    text = "i was at Target for two years. target was fine, the pay at target was not. our target is 90 an hour."
    found = [f for f in detect(text, use_presidio=False) if f.entity_type == "WORKPLACE"]
    assert [f.start for f in found] == [text.index("Target"), text.index("target was"), text.index("target was not")]


@pytest.mark.parametrize(("text", "brand"), [
    ("i've been at costco going on six years", "costco"),
    ("he works amazon nights, the one in the valley", "amazon"),
    ("mi esposo está en la planta de tyson, en el deshuese", "tyson"),
    ("the fedex hub out by the airport is where i sort", "fedex"),
])
def test_more_work_cues_before_a_brand(text, brand):
    assert any(brand in w for w in _workplaces(text))


@pytest.mark.parametrize(("text", "brand", "found"), [
    ("I'm a CNA at Brookdale, the one on the hill", "brookdale", True),
    ("she is a cook at Zaxby's near the school", "zaxby's", True),
    ("I'm a regular at Starbucks, every morning", "starbucks", False),
    ("she's a patient at Kaiser for her knee", "kaiser", False),
])
def test_a_job_said_before_at(text, brand, found):
    assert any(brand in w for w in _workplaces(text)) is found
