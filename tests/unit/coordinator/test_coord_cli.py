"""The `confidant coordinator ...` commands, end to end: init, enrol, import, report."""

from __future__ import annotations

import json
import zipfile

import pytest
from lxml import etree

from core.cli import main
from tests.conftest import FAST_KDF, PASSPHRASE, SHARED_DATA
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview


@pytest.fixture
def setup(tmp_path):
    """A coordinator vault (made a coordinator by the CLI) and a researcher vault's key file."""
    from core.packets import keys
    from core.vault import Vault
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    coord = tmp_path / "coord"
    Vault.create(coord, PASSPHRASE, kdf=FAST_KDF)[0].close()
    researcher, _ = Vault.create(tmp_path / "researcher", PASSPHRASE, kdf=FAST_KDF)
    device = Device(researcher)
    key_file = tmp_path / "device.key"
    key_file.write_text(f"# a researcher's device\n{keys.device_public_key(researcher)}\n")

    def run(*argv: str) -> int:
        return main(["--vault", str(coord), "--passphrase-file", str(pw), *argv])

    yield run, device, key_file, tmp_path
    researcher.close()


def test_cli_end_to_end(setup, capsys):
    run, device, key_file, tmp = setup
    assert run("coordinator", "init") == 0
    out = capsys.readouterr().out
    assert "coordinator vault" in out and "age1" in out
    assert run("coordinator", "export-recipient", str(tmp / "recipient.txt")) == 0
    recipient = next(ln for ln in (tmp / "recipient.txt").read_text().splitlines() if ln.startswith("age1"))

    inbox = tmp / "usb"
    inbox.mkdir()
    for i, site in enumerate(["SITE-A", "SITE-A", "SITE-B"]):
        iv = make_interview(packet_id=hex_id("cli", i), code=f"P-{i:03d}", site=site, seed=i)
        (inbox / f"p{i}.cpkt").write_bytes(seal_interview(iv, device, [recipient]))
    capsys.readouterr()

    # before enrolment: held in quarantine
    assert run("coordinator", "import", str(inbox)) == 0
    assert "3 quarantined" in capsys.readouterr().out
    # enrolling releases them
    assert run("coordinator", "enrol", str(key_file), "--label", "Org A – laptop 3", "--yes") == 0
    out = capsys.readouterr().out
    assert "Enrolled Org A – laptop 3" in out and "Released 3 packet(s)" in out
    assert run("coordinator", "devices", "--json") == 0
    [dev] = json.loads(capsys.readouterr().out)
    assert dev["label"] == "Org A – laptop 3" and len(dev["words"].split()) == 8
    assert dev["packets"] == {"imported": 3}

    # re-import: a no-op, exit 0
    assert run("coordinator", "import", str(inbox), "--json") == 0
    assert {r["verdict"] for r in json.loads(capsys.readouterr().out)} == {"already_imported"}

    assert run("coordinator", "themes", "--json") == 0
    themes = json.loads(capsys.readouterr().out)
    assert themes["interviews"] == 3
    assert run("coordinator", "themes", "--site", "SITE-B", "--json") == 0
    assert json.loads(capsys.readouterr().out)["interviews"] == 1

    report = tmp / "report"
    # row-level outputs are for the research team: refused without --audience team, saying how
    assert run("coordinator", "report", "--csv", str(report)) != 0
    err = capsys.readouterr().err
    assert "research team only" in err and "--audience team" in err and not report.exists()
    assert run("coordinator", "report", "--audience", "team", "--pdf", str(tmp / "r.pdf"),
               "--csv", str(report), "--qdpx", str(tmp / "r.qdpx")) == 0
    assert (report / "RESEARCH-TEAM-ONLY.txt").exists()
    assert (tmp / "r.pdf").read_bytes().startswith(b"%PDF")
    assert (report / "interviews.csv").read_text().count("\n") == 4
    schema = etree.XMLSchema(etree.parse(str(SHARED_DATA / "refi-qda" / "Project-mrt2019.xsd")))
    schema.assertValid(etree.fromstring(zipfile.ZipFile(tmp / "r.qdpx").read("project.qde")))
    cb_schema = etree.XMLSchema(etree.parse(str(SHARED_DATA / "refi-qda" / "Codebook.xsd")))
    cb_schema.assertValid(etree.parse(str(tmp / "r.qdc")))


def test_cli_reports_bad_packets_and_exits_non_zero(setup, capsys):
    run, device, key_file, tmp = setup
    assert run("coordinator", "init") == 0
    assert run("coordinator", "enrol", str(key_file), "--label", "laptop", "--yes") == 0
    assert run("coordinator", "export-recipient", str(tmp / "r.txt")) == 0
    recipient = (tmp / "r.txt").read_text().splitlines()[-1]
    good = tmp / "good.cpkt"
    good.write_bytes(seal_interview(make_interview(packet_id=hex_id("g")), device, [recipient]))
    bad = tmp / "bad.cpkt"
    bad.write_bytes(good.read_bytes()[:-10])
    capsys.readouterr()
    assert run("coordinator", "import", str(bad), str(good)) == 1
    out = capsys.readouterr().out
    assert "rejected" in out and "the file is incomplete" in out  # a reason a person can read
    assert "Summary: 1 imported, 1 rejected." in out


def test_cli_refuses_reports_with_nothing_in_them(setup, capsys):
    run, *_ = setup
    assert run("coordinator", "init") == 0
    assert run("coordinator", "report", "--pdf", "x.pdf") != 0
    assert "nothing to report" in capsys.readouterr().err
    assert run("coordinator", "themes", "--from", "May 2025") != 0


def test_init_refuses_a_vault_with_interviews(tmp_path, capsys):
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    v, _ = Vault.create(tmp_path / "r", PASSPHRASE, kdf=FAST_KDF)
    InterviewRepo(v).create("P-001", "SITE-A")
    v.close()
    (tmp_path / "pw").write_text(PASSPHRASE)
    assert main(["--vault", str(tmp_path / "r"), "--passphrase-file", str(tmp_path / "pw"),
                 "coordinator", "init"]) != 0
    assert "researcher" in capsys.readouterr().err


def test_researcher_vault_cannot_import(tmp_path, capsys):
    from core.vault import Vault
    Vault.create(tmp_path / "r", PASSPHRASE, kdf=FAST_KDF)[0].close()
    (tmp_path / "pw").write_text(PASSPHRASE)
    code = main(["--vault", str(tmp_path / "r"), "--passphrase-file", str(tmp_path / "pw"),
                 "coordinator", "import", str(tmp_path)])
    assert code != 0 and "coordinator init" in capsys.readouterr().err



def test_cli_quarantine_list_and_purge(setup, capsys):
    run, device, _key_file, tmp = setup
    assert run("coordinator", "init") == 0
    assert run("coordinator", "export-recipient", str(tmp / "recipient.txt")) == 0
    recipient = next(ln for ln in (tmp / "recipient.txt").read_text().splitlines() if ln.startswith("age1"))
    inbox = tmp / "synced"
    inbox.mkdir()
    for i in range(2):
        iv = make_interview(packet_id=hex_id("q", i), code=f"P-{i:03d}", seed=i)
        (inbox / f"q{i}.cpkt").write_bytes(seal_interview(iv, device, [recipient]))
    assert run("coordinator", "import", str(inbox)) == 0
    capsys.readouterr()
    assert run("coordinator", "quarantine", "list") == 0
    out = capsys.readouterr().out
    assert f"device {device.fingerprint[:16]}: 2 packet(s)" in out and "purge" in out
    assert run("coordinator", "quarantine", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["packets"] for d in listed["devices"]] == [2]
    assert run("coordinator", "quarantine", "purge", "--device", "xyz") == 1
    assert "not a device fingerprint" in capsys.readouterr().err
    assert run("coordinator", "quarantine", "purge", "--device", device.fingerprint[:8]) == 0
    assert "Removed 2 packet(s)" in capsys.readouterr().out
    assert run("coordinator", "quarantine", "list") == 0
    assert "Quarantine is empty." in capsys.readouterr().out


def _pdf_text(path) -> str:
    import io

    from pypdf import PdfReader
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_cli_writes_reports_in_the_language_asked_or_kept(setup, capsys):
    run, device, key_file, tmp = setup
    assert run("coordinator", "init") == 0
    assert run("coordinator", "export-recipient", str(tmp / "recipient.txt")) == 0
    recipient = next(ln for ln in (tmp / "recipient.txt").read_text().splitlines() if ln.startswith("age1"))
    inbox = tmp / "usb"
    inbox.mkdir()
    for i in range(6):
        iv = make_interview(packet_id=hex_id("lang", i), code=f"P-{i:03d}", site="SITE-A", seed=i)
        (inbox / f"p{i}.cpkt").write_bytes(seal_interview(iv, device, [recipient]))
    assert run("coordinator", "enrol", str(key_file), "--label", "Laptop", "--yes") == 0
    assert run("coordinator", "import", str(inbox)) == 0
    # one report in Spanish on request; the default stays English
    assert run("coordinator", "report", "--pdf", str(tmp / "es.pdf"), "--language", "es") == 0
    assert run("coordinator", "report", "--audience", "team", "--pdf", str(tmp / "en.pdf")) == 0
    assert "Qué oculta este informe" in _pdf_text(tmp / "es.pdf")
    english = _pdf_text(tmp / "en.pdf")
    assert "Research team only" in english and "Página" not in english
    # kept with the report rules: every report after is Spanish until changed
    assert run("coordinator", "rules", "--language", "es") == 0
    assert "Reports are written in: es" in capsys.readouterr().out
    assert run("coordinator", "brief", "--pdf", str(tmp / "brief.pdf")) == 0
    assert run("coordinator", "report", "--audience", "team", "--pdf", str(tmp / "team.pdf")) == 0
    assert "Temas principales" in _pdf_text(tmp / "brief.pdf")
    team = _pdf_text(tmp / "team.pdf")
    assert "Solo para el equipo de investigación" in team and "Research team only" not in team
    # a language reports are not written in is refused by argparse with the choices
    with pytest.raises(SystemExit):
        run("coordinator", "report", "--pdf", str(tmp / "fr.pdf"), "--language", "fr")
    assert "invalid choice: 'fr'" in capsys.readouterr().err
