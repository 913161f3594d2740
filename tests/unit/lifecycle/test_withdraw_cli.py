"""`confidant interview withdraw ID --out NOTICE.cpkt` through the CLI, then the coordinator imports it."""

from __future__ import annotations

from core.coordinator.devices import enrol
from core.packets import keys
from core.vault import Vault
from core.vault.packets import SentPacket, SentPacketRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_data import make_interview as coordinator_doc
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
from tests.unit.cli.test_vault_cli import assert_user_error, cli
from tests.unit.vault.erase_fixtures import GONE, make_interview


def test_withdraw_through_the_cli(tmp_path):
    rfolder, cfolder, synced = tmp_path / "r", tmp_path / "c", tmp_path / "synced"
    synced.mkdir()
    v, _ = Vault.create(rfolder, PASSPHRASE, kdf=FAST_KDF)
    c, _ = Vault.create(cfolder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    keys.add_recipient(v, keys.age_recipient(c))
    enrol(c, keys.device_public_key(v), "laptop")
    made = make_interview(v, GONE, None)
    pid = hex_id("cli-withdraw")
    SentPacketRepo(v).record(SentPacket(pid, made.interview_id, "2026-11-30T10:00:00+00:00", None, "0" * 64,
                                        "p.cpkt"), device_fingerprint=keys.device_fingerprint(v))
    (synced / "p.cpkt").write_bytes(seal_interview(coordinator_doc(packet_id=pid), Device(v), [keys.age_recipient(c)]))
    v.close()
    c.close()
    assert cli("--vault", str(cfolder), "coordinator", "import", str(synced)).returncode == 0
    no_out = cli("--vault", str(rfolder), "interview", "withdraw", made.interview_id, "--yes")
    assert_user_error(no_out, "This interview was shared, so the coordinators need a withdrawal notice.")
    notice = synced / "withdraw.cpkt"
    done = cli("--vault", str(rfolder), "interview", "withdraw", made.interview_id, "--yes", "--out", str(notice))
    assert done.returncode == 0, done.stderr
    assert "Wrote the withdrawal notice" in done.stdout and "none is left" in done.stdout
    imported = cli("--vault", str(cfolder), "coordinator", "import", str(notice))
    assert imported.returncode == 0 and "withdrawn" in imported.stdout, imported.stdout + imported.stderr
    again = cli("--vault", str(cfolder), "coordinator", "import", str(synced / "p.cpkt"))
    assert again.returncode == 1 and "withdrew this interview" in again.stdout
    listed = cli("--vault", str(cfolder), "coordinator", "withdrawals")
    assert pid[:12] in listed.stdout and "nothing of it is kept" in listed.stdout
