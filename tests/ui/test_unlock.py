"""Create, unlock, recover and auto-lock through the screens (real vault, fast KDF)."""

from __future__ import annotations

from pypdf import PdfReader

from desktop.unlock.unlock_view import DEMO_PASSPHRASE
from tests.conftest import PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle


def test_create_shows_recovery_code_once_then_opens(qtbot, tmp_path, shown_errors, answers, files):
    window = make_window(qtbot, tmp_path, tmp_path / "vault")
    view = window.unlock_view
    assert view.currentWidget() is view.welcome
    view.welcome.create_button.click()
    page = view.create
    page.passphrase.setText("password1")
    assert not page.create_button.isEnabled()          # weak: refused with advice
    assert page.meter.label.text()
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE)
    assert page.create_button.isEnabled()
    page.create_button.click()
    qtbot.waitUntil(lambda: view.currentWidget() is view.recovery, timeout=20000)
    code = view.recovery.code_label.text()
    assert len(code.replace("-", "")) == 30
    files.save = tmp_path / "code.pdf"
    view.recovery.pdf_button.click()
    text = "".join(p.extract_text() for p in PdfReader(str(files.save)).pages)
    assert code in text
    assert not view.recovery.continue_button.isEnabled()  # must confirm it was kept
    view.recovery.kept.setChecked(True)
    view.recovery.continue_button.click()
    assert window.ctx.session.is_unlocked
    assert view.recovery.code_label.text() == ""           # not kept on screen
    assert window.outer.currentWidget() is window.workspace
    wait_idle(qtbot)
    # Lock, a wrong passphrase, then the right one.
    window.lock_button.click()
    qtbot.waitUntil(lambda: not window.ctx.session.is_unlocked)
    assert window.outer.currentWidget() is window.unlock_view
    window.unlock_view.unlock.passphrase.setText("not the passphrase")
    window.unlock_view.unlock.unlock_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=20000)
    assert "does not unlock" in shown_errors[-1].message
    assert not window.ctx.session.is_unlocked
    unlock(qtbot, window)
    # Forgot the passphrase: the recovery code sets a new one.
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=10000)
    view.unlock.forgot_button.click()
    forgot = view.forgot
    forgot.code.setText(code.lower())
    forgot.passphrase.setText("a brand new long passphrase")
    forgot.confirm.setText("a brand new long passphrase")
    forgot.recover_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.is_unlocked, timeout=20000)
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=10000)
    unlock(qtbot, window, "a brand new long passphrase")
    stop_everything(qtbot, window)


def test_auto_lock_after_idle(qtbot, researcher_window):
    window = researcher_window
    window.idle.set_minutes(0.5 / 60)   # half a second
    window.idle._timer.setInterval(50)
    window.idle.start()
    qtbot.waitUntil(lambda: not window.ctx.session.is_unlocked, timeout=5000)
    assert window.outer.currentWidget() is window.unlock_view
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=5000)  # keys dropped


def test_sample_interview_fills_a_new_vault(qtbot, tmp_path, shown_errors, answers, files):
    """First start: "Try it with a sample interview" builds a vault a newcomer can explore."""
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo
    window = make_window(qtbot, tmp_path, tmp_path / "vault")
    window.unlock_view.welcome.sample_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.is_unlocked or bool(shown_errors), timeout=240000)
    assert not shown_errors, shown_errors[-1].message
    wait_idle(qtbot, 60000)
    vault = window.ctx.session.vault
    [iv] = InterviewRepo(vault).list()
    assert iv.participant_code == "P-DEMO-01"
    assert iv.state == "tagged"
    assert len(TranscriptRepo(vault).current_segments(iv.id)) > 20
    qtbot.waitUntil(lambda: window.interviews.table.rowCount() == 1, timeout=10000)
    assert "P-DEMO-01" in window.interviews.table.item(0, 0).text()
    # After Lock now the sample can be reopened: the screen says it is the sample and how.
    view = window.unlock_view
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=10000)
    assert view.currentWidget() is view.unlock
    assert view.unlock.sample_button.isVisibleTo(view) and DEMO_PASSPHRASE in view.unlock.sample_note.text()
    view.unlock.sample_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.is_unlocked, timeout=20000)
    wait_idle(qtbot)
    # Back to the start, then the sample again: the same vault opens, none is rebuilt.
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=10000)
    view.unlock.back_button.click()
    assert view.currentWidget() is view.welcome
    view.welcome.sample_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.is_unlocked or bool(shown_errors), timeout=20000)
    assert not shown_errors, shown_errors[-1].message
    wait_idle(qtbot)
    assert [iv.participant_code for iv in InterviewRepo(window.ctx.session.vault).list()] == ["P-DEMO-01"]
    stop_everything(qtbot, window)


def test_lock_screen_goes_back_to_the_welcome_page(qtbot, researcher_window):
    window = researcher_window
    view = window.unlock_view
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=10000)
    assert view.currentWidget() is view.unlock and "Vault" not in view.unlock.folder_label.text()
    view.unlock.back_button.click()
    assert view.currentWidget() is view.welcome
    assert view.welcome.open_button.isVisibleTo(view) and not view.welcome.create_button.isVisibleTo(view)
    view.welcome.open_button.click()
    assert view.currentWidget() is view.unlock
    unlock(qtbot, window)
