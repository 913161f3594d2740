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


def test_participant_withdrew_writes_the_notice_and_deletes(qtbot, researcher_window, answers, files, tmp_path,
                                                           shown_errors):
    from core.coordinator.devices import enrol
    from core.coordinator.inbox import make_import_job
    from core.jobs import run_job
    from core.packets import keys
    from core.vault import Vault
    from core.vault.packets import SentPacket, SentPacketRepo
    from tests.conftest import FAST_KDF, PASSPHRASE
    from tests.helpers.coordinator_packets import hex_id
    window = researcher_window
    vault = window.ctx.session.vault
    coordinator, _ = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    keys.add_recipient(vault, keys.age_recipient(coordinator))
    pid = hex_id("ui-withdraw")
    SentPacketRepo(vault).record(SentPacket(pid, window.test_interview_id, "2026-11-30T10:00:00+00:00", None,
                                            "0" * 64, "p.cpkt"), device_fingerprint=keys.device_fingerprint(vault))
    window.open_interview(window.test_interview_id)
    wait_idle(qtbot)
    files.save = tmp_path / "notice.cpkt"
    answers.queue = [True]
    window.interview.withdraw_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.interviews, timeout=10000)
    assert not shown_errors
    assert "withdrawal notice" in answers.asked[-1] and "P-001" in answers.asked[-1]
    assert InterviewRepo(vault).list() == []
    enrol(coordinator, keys.device_public_key(vault), "laptop")
    try:
        (result,) = run_job(make_import_job(coordinator, [files.save]))
        assert result.verdict == "withdrawn"
    finally:
        coordinator.close()


def test_delete_one_take_from_the_takes_bar(qtbot, researcher_window, answers, jfk_path, shown_errors, tmp_path):
    import numpy as np
    import soundfile as sf

    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.recordings import RecordingRepo
    window = researcher_window
    vault = window.ctx.session.vault
    iid = window.test_interview_id
    noise = tmp_path / "noise.wav"
    sf.write(noise, (0.2 * np.sin(np.arange(16000 * 3) / 7)).astype("float32"), 16000)
    run_job(make_import_job(vault, iid, jfk_path))
    run_job(make_import_job(vault, iid, noise))
    _first, second = RecordingRepo(vault).for_interview(iid)
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    bar = window.transcript.takes
    qtbot.waitUntil(lambda: len(bar.takes) == 2, timeout=10000)
    bar.combo.setCurrentIndex(0)
    answers.queue = [True]
    bar.delete_button.click()
    wait_idle(qtbot)
    assert "Take 1" in answers.asked[-1] and "transcript stays" in answers.asked[-1]
    assert [r.id for r in RecordingRepo(vault).for_interview(iid)] == [second.id]
    assert not shown_errors
