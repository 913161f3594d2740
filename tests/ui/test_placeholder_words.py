"""Settings → Placeholder words in Spanish interviews: a researcher sees how each role reads,
changes it with a live preview, is told plainly why a word cannot be one, and the words they
save are the ones a Spanish interview's placeholders then use — in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import wait_idle


def _type(qtbot, box, text: str) -> None:
    box.lineEdit().selectAll()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(box.lineEdit(), text)
    else:  # QTest cannot type accented letters: paste them, as a person may
        box.lineEdit().insert(text)


def test_role_words_are_shown_previewed_checked_and_kept(qtbot, researcher_window, shown_errors):
    from core.deid.placeholder_words import words_for
    from core.deid.pseudonyms import PseudonymBook
    from core.vault.interviews import InterviewRepo
    window = researcher_window
    vault = window.ctx.session.vault
    InterviewRepo(vault).add_protected_name(window.test_interview_id, "Rosa Díaz", "supervisor")
    window._select_nav("settings")
    wait_idle(qtbot)
    section = window.settings.placeholders
    qtbot.waitUntil(lambda: "SUPERVISOR" in section.words, timeout=10000)
    supervisor, coworker = section.words["SUPERVISOR"], section.words["CO-WORKER"]
    assert section.isVisible() and supervisor.isVisible()
    texts = [label.text() for label in section.findChildren(QLabel)]
    assert any("woman or a man" in t and "placeholders already given keep theirs" in t for t in texts)
    assert supervisor.currentText() == "SUPERVISORA/SUPERVISOR"
    assert section.previews["SUPERVISOR"].text().startswith("[SUPERVISORA/SUPERVISOR 1]")
    assert [supervisor.itemText(i) for i in range(supervisor.count())] == [
        "SUPERVISORA/SUPERVISOR", "SUPERVISORA", "SUPERVISOR"]

    # a word that would break the brackets: the preview says so and nothing can be saved
    _type(qtbot, supervisor, "jefa]")
    assert "would break it" in section.problem.text() and "Supervisor" in section.problem.text()
    assert not section.save_button.isEnabled()
    _type(qtbot, supervisor, "")
    assert "cannot be empty" in section.problem.text() and not section.save_button.isEnabled()

    # a good word, typed in lower case, previews as the placeholder will read
    _type(qtbot, supervisor, "supervisora")
    _type(qtbot, coworker, "compañera de línea")
    assert section.problem.text() == "" and section.save_button.isEnabled()
    assert section.previews["SUPERVISOR"].text() == "[SUPERVISORA 1], [SUPERVISORA 2]"
    assert section.previews["CO-WORKER"].text().startswith("[COMPAÑERA DE LÍNEA 1]")
    section.save_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "Saved" in section.status.text(), timeout=5000)
    book = PseudonymBook(words=words_for("es", vault))
    assert book.placeholder("SUPERVISOR", "Ana") == "[SUPERVISORA 1]"
    assert book.placeholder("CO-WORKER", "Luis") == "[COMPAÑERA DE LÍNEA 1]"

    # core refuses a listed name even though it reads like a placeholder; nothing changes
    _type(qtbot, supervisor, "supervisora díaz")
    section.save_button.click()
    wait_idle(qtbot)
    assert shown_errors and "name listed in one of your interviews" in shown_errors[-1].message
    assert words_for("es", vault)[0]["SUPERVISOR"] == "SUPERVISORA"

    # back to the defaults: the screen shows what core now keeps
    section.reset_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: supervisor.currentText() == "SUPERVISORA/SUPERVISOR", timeout=5000)
    assert coworker.currentText() == "COMPAÑERA/COMPAÑERO"
    assert words_for("es", vault)[0]["CO-WORKER"] == "COMPAÑERA/COMPAÑERO"


def test_the_screen_and_its_refusals_speak_spanish_in_the_spanish_interface(qtbot, spanish, researcher_window):
    window = researcher_window
    window._select_nav("settings")
    wait_idle(qtbot)
    section = window.settings.placeholders
    qtbot.waitUntil(lambda: "SUPERVISOR" in section.words, timeout=10000)
    assert section.title() == "Palabras de las marcas en entrevistas en español"
    texts = [label.text() for label in section.findChildren(QLabel)]
    assert "Supervisora o supervisor" in texts and any("mujer u hombre" in t for t in texts)
    _type(qtbot, section.words["SUPERVISOR"], "jefa 2")
    assert section.problem.text().startswith("Supervisora o supervisor: Esa palabra no puede ir dentro de una marca")
