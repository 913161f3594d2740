"""Deleting an interview from its page: the question names what goes; "Keep it" keeps it."""

from __future__ import annotations

from core.vault.interviews import InterviewRepo
from tests.ui.conftest import wait_idle


def test_keep_it_keeps_the_interview(qtbot, researcher_window, answers):
    window = researcher_window
    window.open_interview(window.test_interview_id)
    wait_idle(qtbot)
    answers.queue = [False]
    window.interview.delete_button.click()
    wait_idle(qtbot)
    assert answers.asked and "P-001" in answers.asked[-1] and "cannot be undone" in answers.asked[-1]
    assert [iv.id for iv in InterviewRepo(window.ctx.session.vault).list()] == [window.test_interview_id]


def test_delete_for_good_removes_it_and_returns_to_the_list(qtbot, researcher_window, answers, shown_errors):
    window = researcher_window
    window.open_interview(window.test_interview_id)
    wait_idle(qtbot)
    answers.queue = [True]
    window.interview.delete_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.interviews, timeout=10000)
    wait_idle(qtbot)
    assert not shown_errors
    assert InterviewRepo(window.ctx.session.vault).list() == []
    assert window.interviews.table.rowCount() == 0
    assert "nothing of it is left" in window.interview.life_status.text()
