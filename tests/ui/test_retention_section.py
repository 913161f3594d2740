"""Settings → Retention: save a rule, see what is due, delete it; the Interviews screen reminds."""

from __future__ import annotations

from core.vault.recordings import RecordingRepo
from tests.ui.conftest import wait_idle


def test_rule_reminder_and_delete(qtbot, researcher_window, answers, jfk_path, shown_errors):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.deid import DeidRepo
    window = researcher_window
    vault = window.ctx.session.vault
    iid = window.test_interview_id
    run_job(make_import_job(vault, iid, jfk_path))
    DeidRepo(vault).add_signoff(iid, "0" * 64)
    window._select_nav("settings")
    wait_idle(qtbot)
    section = window.settings.retention
    assert section.after_signoff.text() == "Keep" and not section.apply_button.isEnabled()
    section.after_signoff.setValue(0)
    section.save_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "1 interview(s) is past its date" in section.due.text(), timeout=5000)
    window.show_interviews()
    wait_idle(qtbot)
    assert "past the date your retention rule" in window.interviews.reminder.text()
    assert "Settings \u2192 Retention" in window.interviews.reminder.text()
    window._select_nav("settings")
    wait_idle(qtbot)
    answers.queue = [True]
    section.apply_button.click()
    wait_idle(qtbot)
    assert "Deleted 1 take(s)" in section.job.label.text()
    assert RecordingRepo(vault).for_interview(iid) == []
    assert not shown_errors
