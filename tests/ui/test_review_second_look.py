"""Review: a sign-off that the second look stops shows the error and lists each flag (⚑) to
decide one by one; once each is decided the sign-off goes through (decision 0108)."""

from __future__ import annotations

from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def test_second_look_flags_are_listed_and_must_be_decided(qtbot, researcher_window, shown_errors):
    window = researcher_window
    vault = window.ctx.session.vault
    iid = window.test_interview_id
    InterviewRepo(vault).add_protected_name(iid, "Dana Ruiz", "supervisor")
    TranscriptRepo(vault).create(iid, [Segment(0, 4000, "Dana and Quillon went to lunch, then to room 4471.")])
    window.open_interview(iid, 2)
    wait_idle(qtbot)
    rv = window.review
    rv.detect_button.click()
    wait_idle(qtbot, 120000)
    if rv.accept_all_button.isEnabled():
        rv.accept_all_button.click()
        wait_idle(qtbot)
    rv.confirm.setChecked(True)
    rv.signoff_button.click()
    wait_idle(qtbot, 60000)
    qtbot.waitUntil(lambda: any(rv.redactions.item(i).text().startswith("\u2691")
                                for i in range(rv.redactions.count())), timeout=20000)
    assert shown_errors and not shown_errors[-1].is_bug  # a plain message and hint, not a crash
    assert not rv.save_button.isEnabled()
    flagged = [i for i in range(rv.redactions.count()) if rv.redactions.item(i).text().startswith("\u2691")]
    # "room 4471" is proposed by the first pass (the learned tagger, decision 0236); the
    # capitalised name nobody listed is left to the second look.
    assert any("Quillon" in rv.redactions.item(i).text() for i in flagged)
    for i in flagged:  # hide each one
        rv.redactions.setCurrentRow(i)
        rv.hide_button.click()
        wait_idle(qtbot)
    rv.confirm.setChecked(True)
    rv.signoff_button.click()
    wait_idle(qtbot, 60000)
    qtbot.waitUntil(lambda: rv.save_button.isEnabled(), timeout=20000)
    assert "Quillon" not in rv.deidentified.toPlainText()
    assert "4471" not in rv.deidentified.toPlainText()
