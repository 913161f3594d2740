"""The Interviews screen says "received by the coordinator on …" once a receipt is read from the
synced folder chosen in Settings."""

from __future__ import annotations

from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.lifecycle.receipts import trust_signer, write_receipts
from core.packets import keys
from core.vault import Vault
from core.vault.interviews import Consent, InterviewRepo
from core.vault.packets import SentPacket, SentPacketRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_data import make_interview as coordinator_doc
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle


def test_receipt_shows_on_the_interviews_screen(qtbot, tmp_path, shown_errors, answers, files):
    folder, synced = tmp_path / "vault", tmp_path / "synced"
    synced.mkdir()
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    c, _ = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    iv = InterviewRepo(v).create("P-001", "SITE-A", consent=Consent("verbal", "2025-01-01T10:00"))
    pid = hex_id("ui-receipt")
    device = Device(v)
    SentPacketRepo(v).record(SentPacket(pid, iv.id, "2026-11-30T10:00:00+00:00", None, "0" * 64, "p.cpkt"),
                             device_fingerprint=device.fingerprint)
    (synced / "p.cpkt").write_bytes(seal_interview(coordinator_doc(packet_id=pid), device, [keys.age_recipient(c)]))
    enrol(c, keys.device_public_key(v), "laptop")
    assert run_job(make_import_job(c, [synced / "p.cpkt"]))[0].verdict == "imported"
    write_receipts(c, synced)
    trust_signer(v, keys.device_public_key(c))
    c.close()
    v.close()

    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    try:
        window.show_interviews()
        wait_idle(qtbot)
        assert "no receipt from the coordinator yet" in window.interviews.table.item(0, 3).text()
        files.chosen_folder = synced
        window._select_nav("settings")
        wait_idle(qtbot)
        window.settings.receipts.choose_button.click()
        wait_idle(qtbot)
        assert "1 of your interviews confirmed received" in window.settings.receipts.job.label.text()
        window.show_interviews()
        wait_idle(qtbot)
        assert "received by the coordinator on 20" in window.interviews.table.item(0, 3).text()
        assert not shown_errors
    finally:
        stop_everything(qtbot, window)
