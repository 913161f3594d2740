"""`coordinator export-identity`: a reviewer opens a real packet with the standard `age` CLI."""

from __future__ import annotations

import io
import json
import shutil
import stat
import subprocess
import zipfile

import pytest

from core.cli import main
from core.packets.format import PAYLOAD_OFFSET
from core.vault import auditlog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import Device, seal_interview


@pytest.fixture
def coord(tmp_path):
    from core.vault import Vault
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    Vault.create(tmp_path / "coord", PASSPHRASE, kdf=FAST_KDF)[0].close()

    def run(*argv: str) -> int:
        return main(["--vault", str(tmp_path / "coord"), "--passphrase-file", str(pw), *argv])

    assert run("coordinator", "init") == 0
    return run, tmp_path


def test_age_cli_decrypts_a_packet_with_the_exported_identity(coord, vault, capsys):
    run, tmp = coord
    age = shutil.which("age")
    assert age, "the age CLI is needed for this check (make setup installs it)"
    from core.packets.keys import age_recipient
    from core.vault import Vault
    with Vault.open(tmp / "coord", PASSPHRASE) as cv:
        recipient = age_recipient(cv)
    interview = make_interview(code="P-777")
    packet = seal_interview(interview, Device(vault), [recipient])
    identity = tmp / "reviewer.age-identity"
    capsys.readouterr()
    assert run("coordinator", "export-identity", str(identity), "--yes") == 0
    out = capsys.readouterr().out
    assert "Anyone who has it can open every packet" in out
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    payload = tmp / "payload.age"
    payload.write_bytes(packet[PAYLOAD_OFFSET:])
    result = subprocess.run([age, "-d", "-i", str(identity), str(payload)], capture_output=True,
                            check=True)
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as zf:
        doc = json.loads(zf.read("interview.json"))
    assert doc["interview"]["code"] == "P-777"
    with Vault.open(tmp / "coord", PASSPHRASE) as cv:
        events = [e.event for e in auditlog.entries(cv.conn)]
    assert "identity_exported" in events


def test_refuses_without_confirmation_and_never_overwrites(coord, capsys, monkeypatch):
    run, tmp = coord
    identity = tmp / "id.txt"
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert run("coordinator", "export-identity", str(identity)) != 0
    assert not identity.exists()
    identity.write_text("something precious")
    assert run("coordinator", "export-identity", str(identity), "--yes") != 0
    assert identity.read_text() == "something precious"
    assert "never written over" in capsys.readouterr().err
