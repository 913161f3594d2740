"""The whole researcher → coordinator path through the screens, offscreen, real parts:
SQLCipher vault, fake microphone playing real speech, Whisper tiny.en, Presidio, age."""

from __future__ import annotations

import pytest

from core.audio.fake import fake_input_factory
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle


@pytest.mark.slow
def test_main_path_end_to_end(qtbot, tmp_path, shown_errors, answers, files, jfk_signal):
    import numpy as np

    from core.packets import keys
    from core.vault import Vault
    # The coordinator's vault exists first: the researcher needs its key.
    cfolder = tmp_path / "coordinator"
    cv, _ = Vault.create(cfolder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    coordinator_key = keys.age_recipient(cv)
    cv.close()

    # 1. Create the researcher's vault through the screens.
    window = make_window(qtbot, tmp_path, tmp_path / "vault")
    view = window.unlock_view
    view.welcome.create_button.click()
    view.create.passphrase.setText(PASSPHRASE)
    view.create.confirm.setText(PASSPHRASE)
    view.create.create_button.click()
    qtbot.waitUntil(lambda: view.currentWidget() is view.recovery, timeout=20000)
    view.recovery.kept.setChecked(True)
    view.recovery.continue_button.click()
    wait_idle(qtbot)

    # 2. Add the coordinator in Settings.
    window._select_nav("settings")
    wait_idle(qtbot)
    sharing = window.settings.sharing
    sharing.new_label.setText("Union office")
    sharing.new_key.setText(coordinator_key)
    sharing.add_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: sharing.recipients.count() == 1, timeout=10000)
    device_key = sharing.device_key.text()
    assert device_key

    # 3. New interview with consent and a name to protect.
    window._select_nav("interviews")
    window.interviews.new_button.click()
    wait_idle(qtbot)
    form = window.new_interview
    assert form.code.text() == "P-001"
    assert form.guide.count() >= 2 and form.script.toPlainText()
    form.site.setEditText("SITE-A")
    form.names.set_entries([("Maria Lopez", "participant")])
    assert not form.create_button.isEnabled()     # consent must be confirmed first
    form.script_read.setChecked(True)
    form.create_button.click()
    wait_idle(qtbot)
    assert window.pages.currentWidget() is window.interview

    # 4. Record: real speech from a fake microphone, two next-question presses, off the record.
    signal = np.concatenate([jfk_signal, np.zeros(16000, np.float32)])
    window.ctx.overrides["stream_factory"] = fake_input_factory(signal, speed=2.0)
    rec = window.record
    rec.record_button.click()
    qtbot.waitUntil(lambda: rec.recorder is not None, timeout=10000)
    first_question = rec.guide_panel.current_id
    assert first_question and rec.guide_panel.question.text()
    qtbot.waitUntil(lambda: rec.recorder.elapsed_s > 3.0, timeout=10000)
    rec.guide_panel.next_button.click()
    qtbot.waitUntil(lambda: rec.recorder.elapsed_s > 5.0, timeout=10000)
    rec.off_button.click()
    assert rec.off_banner.isVisible() and "OFF THE RECORD" in rec.off_banner.text()
    qtbot.waitUntil(lambda: rec.recorder.elapsed_s > 6.0 or not rec.recorder.capture_off_record,
                    timeout=10000)
    qtbot.wait(1000)
    rec.off_button.click()
    assert not rec.off_banner.isVisible()
    rec.guide_panel.advance()                      # the second press (as Space/N would)
    assert rec.guide_panel.index == 2
    qtbot.waitUntil(lambda: rec.recorder.elapsed_s > 8.0, timeout=15000)
    recording_id = rec.recorder.recording_id
    rec.record_button.click()                      # Stop
    qtbot.waitUntil(lambda: rec.recorder is None, timeout=20000)
    wait_idle(qtbot)
    assert rec.transcribe_button.isVisible()
    from core.vault.recordings import RecordingRepo
    kinds = [m.kind for m in RecordingRepo(window.ctx.session.vault).markers(recording_id)]
    assert kinds.count("next_question") == 3 and "off_record_start" in kinds

    # 5. Type it up (real tiny model) and suggested themes.
    window.interview.tabs.setCurrentWidget(window.transcript)
    wait_idle(qtbot)
    tv = window.transcript
    tv.transcribe_button.click()
    qtbot.waitUntil(lambda: not tv.job.is_busy, timeout=240000)
    wait_idle(qtbot, 60000)
    assert tv.widgets, "the transcript appears"
    text = " ".join(w.text.toPlainText() for w in tv.widgets).lower()
    assert "fellow" in text or "country" in text

    # 6. Accept one theme (a suggested chip, else add one to selected words).
    chips = [c for w in tv.widgets for c in w.chip_buttons() if c.property("chip") == "suggested"]
    if chips:
        chips[0].click()
    else:
        seg = tv.widgets[0]
        seg.text.setFocus()
        cursor = seg.text.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(min(10, len(seg.text.toPlainText())), cursor.MoveMode.KeepAnchor)
        seg.text.setTextCursor(cursor)
        tv.current = seg
        tv.side.add_theme_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: any(c.property("chip") == "accepted"
                                for w in tv.widgets for c in w.chip_buttons()), timeout=10000)
    accepted_label = next(c.text() for w in tv.widgets for c in w.chip_buttons()
                          if c.property("chip") == "accepted")

    # 7. Review: find names, hide them, sign off, save a copy for the coordinator.
    window.interview.tabs.setCurrentWidget(window.review)
    wait_idle(qtbot)
    rv = window.review
    rv.detect_button.click()
    qtbot.waitUntil(lambda: not rv.job.is_busy, timeout=120000)
    wait_idle(qtbot)
    if rv.accept_all_button.isEnabled():
        rv.accept_all_button.click()
        wait_idle(qtbot)
    assert not rv.save_button.isEnabled()           # not before sign-off
    rv.confirm.setChecked(True)
    rv.signoff_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: rv.save_button.isEnabled(), timeout=10000)
    out = tmp_path / "usb"
    out.mkdir()
    files.chosen_folder = out
    rv.save_button.click()
    qtbot.waitUntil(lambda: not rv.job.is_busy, timeout=60000)
    wait_idle(qtbot)
    assert not shown_errors, [e.message for e in shown_errors]
    packets = list(out.glob("*.cpkt"))
    assert len(packets) == 1 and "fingerprint" in rv.packet_info.text()
    stop_everything(qtbot, window)
    window.close()

    # 8. The coordinator enrols the laptop, imports the copy, and sees the theme.
    cwin = make_window(qtbot, tmp_path, cfolder)
    unlock(qtbot, cwin)
    assert cwin.pages.currentWidget() is cwin.coordinator
    co = cwin.coordinator
    co.device_label.setText("Researcher A")
    co.device_key.setText(device_key)
    co.enrol_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: co.devices.count() == 1, timeout=10000)
    files.opens = packets
    co.import_button.click()
    qtbot.waitUntil(lambda: co.verdicts.count() == 1, timeout=60000)
    wait_idle(qtbot)
    assert "added" in co.verdicts.item(0).text()
    # One interview: the shareable dashboard (the default) shows no site and no figure...
    qtbot.waitUntil(lambda: "interviews counted" in co.summary.text(), timeout=10000)
    assert co.chart.rows == [] and co.chart.sites == []
    # ...the research team view shows it, marked.
    co.audience.setCurrentIndex(co.audience.findData("team"))
    co.audience.activated.emit(co.audience.currentIndex())
    qtbot.waitUntil(lambda: bool(co.chart.rows), timeout=10000)
    assert not co.team_banner.isHidden()
    labels = [label for label, _ in co.chart.rows]
    assert accepted_label in labels
    assert co.chart.sites == ["SITE-A"]
    assert not shown_errors, [e.message for e in shown_errors]
    stop_everything(qtbot, cwin)
