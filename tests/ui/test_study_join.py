"""Settings > Your study: a researcher joins the coordinator's study file in the window (real
signed file from a real coordinator vault), and a tampered file is refused with its reason."""

from __future__ import annotations

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import wait_idle
from tests.ui.test_settings import open_settings


@pytest.fixture
def study_file(tmp_path):
    from core.study.service import new_study
    from core.vault import Vault
    coord, _ = Vault.create(tmp_path / "coord", PASSPHRASE, kdf=FAST_KDF, role="coordinator")
    data = new_study(coord, title="Care homes 2027", guide_refs=["job-quality", "job-quality-es"],
                     sites=["NORTH", "SOUTH"], settings={"share.k": 5})
    coord.close()
    path = tmp_path / "handed" / "care.cstudy"
    path.parent.mkdir()
    path.write_bytes(data)
    return path


def test_join_from_settings_sets_up_sites_and_coordinator(qtbot, researcher_window, files, answers,
                                                          shown_errors, study_file, tmp_path):
    section = open_settings(qtbot, researcher_window).study
    assert "not joined" in section.summary.text()
    files.opens = [study_file]
    files.save = tmp_path / "handed" / "device-key.txt"
    answers.queue = [True]  # the eight words match
    section.join_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "Care homes 2027" in section.summary.text(), timeout=20000)
    assert not shown_errors, [e.message for e in shown_errors]
    assert "NORTH, SOUTH" in section.summary.text()
    assert "device-key.txt" in section.status.text()
    assert files.save.read_text().count("confidant-device-ed25519:") == 1
    assert any("eight words" in q for q in answers.asked)
    from core.packets import keys
    recipients = keys.list_recipients(researcher_window.ctx.session.vault)
    assert len(recipients) == 1


def test_words_that_do_not_match_join_nothing(qtbot, researcher_window, files, answers, study_file):
    section = open_settings(qtbot, researcher_window).study
    files.opens = [study_file]
    answers.queue = [False]
    section.join_button.click()
    wait_idle(qtbot)
    assert "not joined" in section.summary.text()
    assert researcher_window.ctx.session.vault.get_setting("study.id") is None


def test_a_tampered_file_is_refused_with_its_reason(qtbot, researcher_window, files, answers,
                                                    shown_errors, study_file):
    data = study_file.read_bytes().replace(b"SOUTH", b"SOUTX")
    study_file.write_bytes(data)
    section = open_settings(qtbot, researcher_window).study
    files.opens = [study_file]
    section.join_button.click()
    wait_idle(qtbot)
    assert shown_errors and "signature does not match" in shown_errors[0].message
    assert not answers.asked  # refused before any question
    assert researcher_window.ctx.session.vault.get_setting("study.id") is None


@pytest.fixture
def empty_window(qtbot, tmp_path, shown_errors, answers, files):
    """A window on a researcher vault with no interview yet (a first start)."""
    from core.vault import Vault
    from tests.ui.conftest import make_window, stop_everything, unlock
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    yield window
    stop_everything(qtbot, window)


def test_first_start_joins_the_study_and_the_form_offers_its_sites(qtbot, empty_window, files, answers,
                                                                  shown_errors, study_file, tmp_path):
    view = empty_window.interviews
    qtbot.waitUntil(lambda: view.study_button.isVisible(), timeout=10000)
    files.opens = [study_file]
    files.save = tmp_path / "device-key.txt"
    answers.queue = [True]
    view.study_button.click()
    wait_idle(qtbot)
    assert not shown_errors, [e.message for e in shown_errors]
    assert not view.study_button.isVisible()
    assert "device-key.txt" in view.status.text()

    view.new_button.click()
    wait_idle(qtbot)
    form = empty_window.new_interview
    assert [form.site.itemText(i) for i in range(form.site.count())] == ["NORTH", "SOUTH"]
    # A site outside the study is refused with the study's list; nothing is created.
    form.site.setEditText("EAST")
    form.script_read.setChecked(True)
    form.create_button.click()
    wait_idle(qtbot)
    assert shown_errors and "NORTH, SOUTH" in shown_errors[-1].message
    from core.vault.interviews import InterviewRepo
    assert InterviewRepo(empty_window.ctx.session.vault).list() == []


def test_the_studys_auto_lock_is_the_longest_the_laptop_waits(qtbot, tmp_path, shown_errors, answers, files):
    """A study with autolock_minutes=3 shortens the laptop's 10 minutes; a shorter choice stays."""
    from core.study.service import join, new_study
    from core.vault import Vault
    from tests.ui.conftest import make_window, stop_everything, unlock
    coord, _ = Vault.create(tmp_path / "coord", PASSPHRASE, kdf=FAST_KDF, role="coordinator")
    data = new_study(coord, title="Short locks", guide_refs=["job-quality"], sites=["A"],
                     settings={"autolock_minutes": 3})
    coord.close()
    laptop, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    join(laptop, data)
    laptop.close()
    window = make_window(qtbot, tmp_path, tmp_path / "vault")
    unlock(qtbot, window)
    try:
        assert window.ctx.prefs.autolock_minutes == 10
        assert window.idle.limit_s == 3 * 60
        window.settings.general.autolock.setValue(2)
        assert window.idle.limit_s == 2 * 60
        window.settings.general.autolock.setValue(20)
        assert window.idle.limit_s == 3 * 60
    finally:
        stop_everything(qtbot, window)
