"""The guide editor: a researcher edits a copy of the default guide in the window, saves it
as a new version, and a new interview then uses that version (real vault, real window)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle
from tests.ui.test_settings import open_settings


def _open_editor(qtbot, window):
    section = open_settings(qtbot, window).guides
    qtbot.waitUntil(lambda: section.list.count() >= 2, timeout=20000)
    rows = [section.list.item(i).text() for i in range(section.list.count())]
    section.list.setCurrentRow(next(i for i, r in enumerate(rows) if "(en)" in r))
    section.edit_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: section.editor is not None and section.editor.isVisible(), timeout=10000)
    return section, section.editor


def test_edit_a_copy_save_a_new_version_and_use_it(qtbot, researcher_window, shown_errors):
    section, editor = _open_editor(qtbot, researcher_window)
    assert "1.1" in editor.version_label.text()
    # A new question after the first one, with a probe and a new theme.
    editor.questions.setCurrentRow(1)
    editor.add_question.click()
    assert not editor.save_button.isEnabled() and "has no text" in editor.problems.text()
    editor.question_text.setPlainText("What is it like to work nights here?")
    editor.probes.setPlainText("Who decides who works nights?\n")
    editor.tabs.setCurrentIndex(1)
    editor.add_theme.click()
    editor.theme_label.setText("Night work")
    editor.theme_description.setPlainText("What changes on night shifts.")
    editor.tabs.setCurrentIndex(0)
    editor.questions.setCurrentRow(2)
    item = next(editor.question_themes.item(i) for i in range(editor.question_themes.count())
                if editor.question_themes.item(i).text() == "Night work")
    item.setCheckState(Qt.CheckState.Checked)
    editor.up_button.click()  # the new question becomes the first
    assert editor.save_button.isEnabled(), editor.problems.text()
    editor.save_button.click()
    wait_idle(qtbot)
    assert not shown_errors, [e.message for e in shown_errors]
    qtbot.waitUntil(lambda: "version 1.1" in section.status.text(), timeout=10000)

    from core.vault.guides import GuideRepo
    stored = GuideRepo(researcher_window.ctx.session.vault).resolve("job-quality@1.1")
    first = stored.guide.questions()[0]
    assert first.text == "What is it like to work nights here?"
    assert first.probes == ["Who decides who works nights?"] and first.themes == ["night_work"]
    assert stored.guide.theme("night_work").label == "Night work"

    # A new interview picks the new version, and the interview keeps it.
    window = researcher_window
    window._select_nav("interviews")
    window.interviews.new_button.click()
    wait_idle(qtbot)
    form = window.new_interview
    index = next(i for i in range(form.guide.count()) if form.guide.itemData(i) == stored.pk)
    form.guide.setCurrentIndex(index)
    form.code.setText("P-002")
    form.site.setEditText("SITE-A")
    form.script_read.setChecked(True)
    form.create_button.click()
    wait_idle(qtbot)
    assert not shown_errors, [e.message for e in shown_errors]
    from core.vault.interviews import InterviewRepo
    new = next(iv for iv in InterviewRepo(window.ctx.session.vault).list() if iv.participant_code == "P-002")
    assert GuideRepo(window.ctx.session.vault).for_interview(new.id).guide.version == "1.1"


def test_the_old_version_is_kept_and_nothing_invalid_is_saved(qtbot, researcher_window):
    _section, editor = _open_editor(qtbot, researcher_window)
    editor.title.setText("")
    assert not editor.save_button.isEnabled() and "needs a title" in editor.problems.text()
    editor.close_button.click()
    from core.vault.guides import GuideRepo
    versions = {g.guide.version for g in GuideRepo(researcher_window.ctx.session.vault).list()
                if g.guide.id == "job-quality"}
    assert versions == {"1.0"}
