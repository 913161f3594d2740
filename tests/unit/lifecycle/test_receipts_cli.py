"""`confidant coordinator receipts --out DIR`, `receipts trust|import`, and `interview show` saying so."""

from __future__ import annotations

from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.packets import keys
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.packets import SentPacket, SentPacketRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_data import make_interview as coordinator_doc
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
from tests.unit.cli.test_vault_cli import assert_user_error, cli


def test_receipts_through_the_cli(tmp_path):
    rfolder, cfolder, synced = tmp_path / "r", tmp_path / "c", tmp_path / "synced"
    synced.mkdir()
    v, _ = Vault.create(rfolder, PASSPHRASE, kdf=FAST_KDF)
    c, _ = Vault.create(cfolder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    iv = InterviewRepo(v).create("P-001", "SITE-A")
    pid = hex_id("cli-receipt")
    device = Device(v)
    SentPacketRepo(v).record(SentPacket(pid, iv.id, "2026-11-30T10:00:00+00:00", None, "0" * 64, "p.cpkt"),
                             device_fingerprint=device.fingerprint)
    (synced / "p.cpkt").write_bytes(seal_interview(coordinator_doc(packet_id=pid), device, [keys.age_recipient(c)]))
    enrol(c, keys.device_public_key(v), "laptop")
    assert run_job(make_import_job(c, [synced / "p.cpkt"]))[0].verdict == "imported"
    coordinator_key = keys.device_public_key(c)
    v.close()
    c.close()
    out = cli("--vault", str(cfolder), "coordinator", "receipts", "--out", str(synced))
    assert out.returncode == 0 and "Wrote 1 receipts file(s)" in out.stdout, out.stderr
    untrusted = cli("--vault", str(rfolder), "receipts", "import", str(synced))
    assert_user_error(untrusted, "This receipts file was not accepted: it is signed by a coordinator")
    key_file = tmp_path / "coordinator.key"
    key_file.write_text(f"# coordinator device key\n{coordinator_key}\n")
    trusted = cli("--vault", str(rfolder), "receipts", "trust", str(key_file))
    assert trusted.returncode == 0 and "Fingerprint words" in trusted.stdout, trusted.stderr
    done = cli("--vault", str(rfolder), "receipts", "import", str(synced))
    assert done.returncode == 0 and "1 of your packets confirmed received" in done.stdout, done.stderr
    shown = cli("--vault", str(rfolder), "interview", "show", iv.id)
    assert "Received by the coordinator on 20" in shown.stdout
    listed = cli("--vault", str(rfolder), "interview", "list")
    assert "Received by the coordinator on" in listed.stdout
