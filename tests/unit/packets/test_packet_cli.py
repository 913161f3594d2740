"""The packet commands, in-process through core.cli.main (real vaults, real packets)."""

from __future__ import annotations

import json

import pytest

from core.cli import main
from core.packets import keys
from tests.conftest import PASSPHRASE
from tests.helpers.packets import make_interview, review_and_sign


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def coordinator(coordinator_vault, tmp_path):
    identity, recipient = keys.age_identity(coordinator_vault), keys.age_recipient(coordinator_vault)
    (tmp_path / "coordinator.agekey").write_text(f"# test\n{identity}\n")
    (tmp_path / "coordinator.age").write_text(f"{recipient}\n")
    return tmp_path / "coordinator.agekey", tmp_path / "coordinator.age", recipient


def test_keys_show_and_device_export(capsys, vault, vault_dir, tmp_path):
    public = keys.device_public_key(vault)
    vault.close()
    code, out, _ = run(capsys, "--vault", str(vault_dir), "keys", "show", "--json")
    info = json.loads(out)
    assert code == 0 and info["device_key"] == public and len(info["words"].split()) == 8
    assert "age_recipient" not in info  # a researcher vault has no coordinator identity
    code, out, _ = run(capsys, "--vault", str(vault_dir), "device", "export-key", str(tmp_path / "me.pub"))
    assert code == 0 and info["words"].split()[0] in out
    assert public in (tmp_path / "me.pub").read_text()


def test_recipients_add_needs_confirmation(capsys, vault, vault_dir, coordinator, monkeypatch):
    vault.close()
    _, recipient_file, recipient = coordinator
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "--vault", str(vault_dir), "recipients", "add", str(recipient_file))
    assert code != 0 and "--yes" in err and keys.fingerprint_words(recipient) in err
    code, out, _ = run(capsys, "--vault", str(vault_dir), "recipients", "add", str(recipient_file),
                       "--label", "Org A", "--yes")
    assert code == 0 and keys.fingerprint_words(recipient).split()[0] in out
    code, out, _ = run(capsys, "--vault", str(vault_dir), "recipients", "list", "--json")
    assert [r["recipient"] for r in json.loads(out)] == [recipient]


def test_recipients_add_on_a_tty_asks_for_the_words(capsys, vault, vault_dir, coordinator, monkeypatch):
    vault.close()
    _, recipient_file, _ = coordinator
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": "no")
    code, out, _ = run(capsys, "--vault", str(vault_dir), "recipients", "add", str(recipient_file))
    assert code == 1 and "Not added" in out
    monkeypatch.setattr("builtins.input", lambda prompt="": "yes")
    code, out, _ = run(capsys, "--vault", str(vault_dir), "recipients", "add", str(recipient_file))
    assert code == 0 and "Added" in out


@pytest.mark.slow
def test_export_inspect_verify(capsys, vault, vault_dir, coordinator, tmp_path):
    identity_file, _, recipient = coordinator
    iv = make_interview(vault)
    keys.add_recipient(vault, recipient)
    review_and_sign(vault, iv.id)
    (tmp_path / "device.pub").write_text(keys.device_public_key(vault) + "\n")
    vault.close()
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    code, out, err = run(capsys, "--vault", str(vault_dir), "export", iv.id, "--out", str(out_dir), "--json")
    assert code == 0, err
    result = json.loads(out)
    packet = out_dir / result["path"].rsplit("/", 1)[-1]
    assert packet.exists() and "P-007" not in packet.name

    code, out, _ = run(capsys, "packet", "inspect", str(packet), "--json")
    header = json.loads(out)
    assert code == 0 and header["packet_id"] == result["packet_id"] and header["verified"] is False

    code, out, _ = run(capsys, "packet", "verify", str(packet), "--device-key", str(tmp_path / "device.pub"))
    assert code == 0 and "Signature OK" in out and "Not opened" in out
    code, out, _ = run(capsys, "packet", "verify", str(packet), "--device-key", str(tmp_path / "device.pub"),
                       "--identity", str(identity_file), "--json")
    assert code == 0 and json.loads(out)["interview"]["code"] == "P-007"
    code, out, _ = run(capsys, "--vault", str(vault_dir), "packet", "verify", str(packet))  # own device key
    assert code == 0 and "Signature OK" in out

    data = bytearray(packet.read_bytes())
    data[-10] ^= 1
    (tmp_path / "bad.cpkt").write_bytes(bytes(data))
    code, _, err = run(capsys, "packet", "verify", str(tmp_path / "bad.cpkt"), "--device-key",
                       str(tmp_path / "device.pub"))
    assert code != 0 and "altered" in err and "hint:" in err

    code, _, err = run(capsys, "--vault", str(vault_dir), "export", iv.id, "--out", str(tmp_path / "y.cpkt"),
                       "--supersedes", "ff" * 16)
    assert code != 0 and "error:" in err and "Traceback" not in err
