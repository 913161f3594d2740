"""A recording is never lost: locking keeps it running, closing asks first."""

from __future__ import annotations

from core.audio.fake import fake_input_factory
from tests.conftest import PASSPHRASE
from tests.ui.conftest import wait_idle


def _start(qtbot, window, signal):
    window.ctx.overrides["stream_factory"] = fake_input_factory(signal, speed=1.0)
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    window.record.record_button.click()
    qtbot.waitUntil(lambda: window.record.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.record.recorder.elapsed_s > 1.0, timeout=10000)
    return window.record.recorder


def test_lock_keeps_recording_and_unlock_returns_to_it(qtbot, researcher_window, jfk_signal):
    window = researcher_window
    recorder = _start(qtbot, window, jfk_signal)
    qtbot.waitUntil(lambda: window.interview.title.text().endswith("Recording\u2026"), timeout=10000)
    window.lock_button.click()
    assert not window.ctx.session.is_unlocked
    assert window.outer.currentWidget() is window.unlock_view
    before = recorder.elapsed_s
    qtbot.waitUntil(lambda: recorder.elapsed_s > before + 1.0, timeout=10000)
    assert recorder.is_recording                       # still recording behind the lock
    assert window.ctx.session.held_vault is not None   # kept open only for the recording
    page = window.unlock_view.unlock
    page.passphrase.setText("wrong passphrase")
    page.unlock_button.click()
    assert not window.ctx.session.is_unlocked
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    assert window.ctx.session.is_unlocked
    assert window.pages.currentWidget() is window.interview  # straight back to the recording
    assert recorder.is_recording


def test_stop_from_lock_screen_keeps_audio_and_closes_vault(qtbot, researcher_window, jfk_signal):
    window = researcher_window
    recorder = _start(qtbot, window, jfk_signal)
    window.lock_button.click()
    qtbot.waitUntil(lambda: recorder.elapsed_s > 2.0, timeout=10000)
    window.unlock_view.unlock.stop_recording_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None, timeout=20000)  # then closed
    from core.vault import Vault
    from core.vault.recordings import RecordingRepo
    with Vault.open(window.ctx.session.folder, PASSPHRASE) as v:
        rec = RecordingRepo(v).latest(window.test_interview_id)
        assert rec.state == "complete"
        assert rec.total_samples >= 2 * 16000


def test_closing_while_recording_asks_and_never_discards(qtbot, researcher_window, jfk_signal,
                                                         answers):
    window = researcher_window
    recorder = _start(qtbot, window, jfk_signal)
    answers.queue = [False]             # "Keep recording"
    assert not window.close()
    assert "recording is running" in answers.asked[-1]
    assert recorder.is_recording and window.isVisible()
    folder = window.ctx.session.folder
    answers.queue = [True]              # "Stop recording and close"
    rid = recorder.recording_id
    window.close()
    wait_idle(qtbot, 30000)
    assert not recorder.is_recording
    from core.vault import Vault
    from core.vault.recordings import RecordingRepo
    qtbot.waitUntil(lambda: window.ctx.session.held_vault is None and not window.ctx.session.is_unlocked,
                    timeout=10000)
    with Vault.open(folder, PASSPHRASE) as v:
        rec = RecordingRepo(v).get(rid)
        assert rec.total_samples > 16000
