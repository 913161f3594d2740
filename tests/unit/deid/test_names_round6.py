"""Names after the held-out run of test v5 (issue 14, names round 6, seen): turn labels that
are role words, and the usual short forms of a listed given name. Every sentence is written for
these tests (none is copied from a set); each class has near misses that must keep their other
reading. Through the real detector.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.findings import is_person_type


def persons(text: str, names=(), language: str = "en", use_presidio: bool = False) -> list[str]:
    return [f.text for f in detect(text, names=names, use_presidio=use_presidio, language=language)
            if is_person_type(f.entity_type)]


# --- 1. a turn's role label ("HABLANTE 2:", "Entrevistadora:") is who speaks, not a name ---------
def test_role_label_is_not_a_surname_of_the_name_before_it():
    text = "muchas gracias, domingo, gracias matilde HABLANTE 3: gracias a ustedes"
    found = persons(text, names=[("Matilde Cux", "participant")], language="es")
    assert "matilde" in found
    assert not any("HABLANTE" in f for f in found)


def test_capitalised_word_after_a_name_is_still_a_surname():
    # near miss: no colon after it, so "Ferreira" stays part of the name
    found = persons("ayer vino matilde Ferreira a la planta", language="es")
    assert any("Ferreira" in f for f in found)


def test_a_real_name_used_as_a_turn_label_is_still_found():
    text = "Matilde: yo entro a las seis. Entrevistadora: ¿y sale a qué hora?"
    found = persons(text, names=[("Matilde Cux", "participant")], language="es", use_presidio=True)
    assert "Matilde" in found
    assert "Entrevistadora" not in found


@pytest.mark.parametrize("label", ["Entrevistadora", "ESPOSA", "HABLANTE"])
def test_role_label_read_by_the_spanish_model_is_not_a_person(presidio, label):
    text = f"nos pagan los viernes, en cheque. {label}: ¿y le descuentan el uniforme? sí, cada mes."
    assert label not in persons(text, language="es", use_presidio=True)


# --- 2. the usual short forms of a listed given name --------------------------------------------
@pytest.mark.parametrize(("listed", "text", "secret"), [
    ("Ernesto Paredes", "el que manda es neto, y neto no tiene la culpa", "neto"),
    ("Rosalba Quiroz", "at the hotel they say rosy, it's easier. rosy cleans fourth floor", "rosy"),
    ("Gonzalo Pérez", "el mayordomo es chalo. chalo no es malo", "chalo"),
    ("Josefa Ruiz", "a mí me dicen chepa desde niña, la chepa", "chepa"),
    ("Caridad Ortega", "cachita trae café los lunes, y cachita no falla", "cachita"),
    ("Herminia Salas", "call me mina, everybody does. mina is fine", "mina"),
    ("Jacinto Vélez", "el único que veo es chinto, en el piso de arriba", "chinto"),
    ("Terrell Banks", "rell been there fifteen years, rell knows the ramp", "rell"),
])
def test_short_form_of_a_listed_given_name(listed, text, secret):
    lang = "en" if secret in ("rosy", "mina", "rell") else "es"
    found = [f.lower() for f in persons(text, names=[(listed, "co-worker")], language=lang)]
    assert found.count(secret) == text.count(secret)


@pytest.mark.parametrize(("text", "secret", "language"), [
    ("el precio neto es de doce dólares", "neto", "es"),           # no Ernesto listed
    ("the sky was rosy when we got off the night shift", "rosy", "en"),  # no Rosalba listed
    ("trabajo en la mina de cobre desde hace años", "mina", "es"),  # no Herminia listed
])
def test_short_form_without_the_listed_person_stays_a_word(text, secret, language):
    found = [f.lower() for f in persons(text, names=[("Dana Ruiz", "supervisor")], language=language)]
    assert secret not in found
