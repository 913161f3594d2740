"""A coordinator saves the secret identity for a reviewer from Settings: warned first, nothing
written on "no", and the saved file opens a real packet with the `age` CLI."""

from __future__ import annotations

import shutil
import stat
import subprocess

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock
from tests.ui.test_settings import open_settings


def test_coordinator_saves_the_identity_after_a_warning(qtbot, tmp_path, shown_errors, answers, files):
    from core.packets import keys
    from core.packets.format import PAYLOAD_OFFSET
    from core.vault import Vault
    from tests.helpers.coordinator_data import make_interview
    from tests.helpers.coordinator_packets import Device, seal_interview
    folder = tmp_path / "coordinator"
    vault, _ = Vault.create(folder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    packet = seal_interview(make_interview(code="P-321"), Device(), [keys.age_recipient(vault)])
    vault.close()
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    try:
        row = open_settings(qtbot, window).sharing.identity_export
        qtbot.waitUntil(lambda: row.isVisible(), timeout=10000)
        files.save = tmp_path / "reviewer-identity.txt"
        answers.queue = [False]
        row.export_button.click()
        assert "Anyone who has it can open every copy" in answers.asked[-1]
        assert not files.save.exists()  # "Do not save" writes nothing
        answers.queue = [True]
        row.export_button.click()
        qtbot.waitUntil(lambda: files.save.exists() and "Saved to" in row.status.text(), timeout=10000)
        assert not shown_errors
        assert stat.S_IMODE(files.save.stat().st_mode) == 0o600
        age = shutil.which("age")
        assert age, "the age CLI is needed (make setup installs it)"
        (tmp_path / "payload.age").write_bytes(packet[PAYLOAD_OFFSET:])
        out = subprocess.run([age, "-d", "-i", str(files.save), str(tmp_path / "payload.age")],
                             capture_output=True, check=True).stdout
        assert out.startswith(b"PK")  # the payload zip
    finally:
        stop_everything(qtbot, window)


def test_researchers_do_not_see_it(qtbot, researcher_window):
    row = open_settings(qtbot, researcher_window).sharing.identity_export
    assert not row.isVisible()
