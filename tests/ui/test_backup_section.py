"""Back up now from Settings, and the reminder on the Interviews screen."""

from __future__ import annotations

from core.jobs import run_job
from core.lifecycle.backup import make_restore_job
from tests.conftest import PASSPHRASE
from tests.ui.conftest import wait_idle


def test_reminder_shows_until_a_backup_is_made(qtbot, researcher_window, files, tmp_path, shown_errors):
    window = researcher_window
    window.show_interviews()
    wait_idle(qtbot)
    assert window.interviews.reminder.isVisible()
    assert "backed up yet" in window.interviews.reminder.text()

    stick = tmp_path / "stick"
    stick.mkdir()
    files.chosen_folder = stick
    window._select_nav("settings")
    wait_idle(qtbot)
    section = window.settings.backup
    assert "No backup yet" in section.last.text()
    section.backup_button.click()
    wait_idle(qtbot)
    assert not shown_errors
    made = [p for p in stick.iterdir() if p.suffix == ".cbak"]
    assert len(made) == 1 and str(made[0]) in section.job.label.text()
    qtbot.waitUntil(lambda: "Last backup:" in section.last.text(), timeout=5000)
    window.show_interviews()
    wait_idle(qtbot)
    assert not window.interviews.reminder.isVisible()
    restored = run_job(make_restore_job(made[0], tmp_path / "restored", passphrase=PASSPHRASE))
    assert restored.interviews == 1
