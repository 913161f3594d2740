"""The Spanish interface end to end: a new interview starts with the Spanish guide and its
consent script (real vault, real catalogue, real Qt offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.app import install_translator
from tests.ui.conftest import wait_idle


@pytest.fixture
def spanish():
    app = QCoreApplication.instance()
    before = QLocale()
    translator = install_translator(app, "es")
    assert translator is not None
    yield
    app.removeTranslator(translator)
    QLocale.setDefault(before)


def test_a_new_interview_in_the_spanish_interface_starts_with_the_spanish_guide(
        qtbot, spanish, researcher_window):
    window = researcher_window
    window.show_new_interview()
    wait_idle(qtbot)
    form = window.new_interview
    chosen = next(sg for sg in form.data.guides if sg.pk == form.guide.currentData())
    assert chosen.guide_id == "job-quality-es" and chosen.guide.language == "es"
    assert form.script.toPlainText().startswith("Gracias por tomarte el tiempo")


def test_a_new_interview_in_the_english_interface_starts_with_the_english_guide(qtbot, researcher_window):
    window = researcher_window
    window.show_new_interview()
    wait_idle(qtbot)
    form = window.new_interview
    chosen = next(sg for sg in form.data.guides if sg.pk == form.guide.currentData())
    assert chosen.guide_id == "job-quality" and chosen.guide.language == "en"
