"""The planted-address interview of issue 14, through the real path: a text transcript imported
with the CLI, `deid`, accept-all, sign-off, export, the coordinator's import and every report
(PDF, CSV, REFI-QDA). No part of the street address may reach the coordinator."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from core.cli import main
from tests.conftest import FAST_KDF, PASSPHRASE

# Presidio, spaCy and two vaults; the whole detector, learned tagger included (decision 0236).
pytestmark = [pytest.mark.slow, pytest.mark.learned]

TRANSCRIPT = """\
Interviewer: Where does the company send your paperwork?
Participant: they send everything to 2231 East 14th Street, Apartment 3B, Oakland. it takes me an hour to get
there on the bus, and my supervisor Dana never answers the phone.
Participant: when the schedule changes nobody tells us, we find out an hour before the shift.
"""
SECRETS = ["2231", "14th", "east 14th street", "apartment 3b", "oakland"]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_planted_address_never_reaches_the_coordinator(tmp_path, capsys, presidio):
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    researcher_dir, coord_dir = tmp_path / "researcher", tmp_path / "coord"
    researcher, _ = Vault.create(researcher_dir, PASSPHRASE, kdf=FAST_KDF)
    iv = InterviewRepo(researcher).create("P-014", "SITE-A")
    InterviewRepo(researcher).add_protected_name(iv.id, "Dana Ruiz", "supervisor")
    researcher.close()
    Vault.create(coord_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()

    def r(*argv: str) -> tuple[int, str, str]:
        code = main(["--vault", str(researcher_dir), "--passphrase-file", str(pw), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    def c(*argv: str) -> tuple[int, str, str]:
        code = main(["--vault", str(coord_dir), "--passphrase-file", str(pw), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert c("coordinator", "init")[0] == 0
    assert c("coordinator", "export-recipient", str(tmp_path / "recipient.txt"))[0] == 0
    assert r("recipients", "add", str(tmp_path / "recipient.txt"), "--yes")[0] == 0
    assert r("device", "export-key", str(tmp_path / "device.pub"))[0] == 0
    assert c("coordinator", "enrol", str(tmp_path / "device.pub"), "--label", "laptop", "--yes")[0] == 0

    (tmp_path / "t.txt").write_text(TRANSCRIPT, encoding="utf-8")
    code, _, err = r("transcript", "import", iv.id, str(tmp_path / "t.txt"))
    assert code == 0, err
    code, out, err = r("deid", iv.id, "--json")
    assert code == 0, err
    proposed = json.loads(out)["proposed"]
    addresses = [p["original"] for p in proposed if p["entity_type"] == "ADDRESS"]
    assert any("2231 East 14th Street" in a and "Apartment 3B" in a for a in addresses), addresses
    assert not [p for p in proposed if p["original"].lower() == "hour"]  # "hour" is never a person

    assert r("deid", "accept-all", iv.id)[0] == 0
    code, _, err = r("deid", "signoff", iv.id)
    assert code == 0, err
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    code, out, err = r("export", iv.id, "--out", str(out_dir), "--json")
    assert code == 0, err

    code, out, err = c("coordinator", "import", str(out_dir))
    assert code == 0 and "1 imported" in out, out + err
    report = tmp_path / "report"
    code, _, err = c("coordinator", "report", "--audience", "team", "--pdf", str(tmp_path / "r.pdf"),
                     "--csv", str(report), "--qdpx", str(tmp_path / "r.qdpx"))
    assert code == 0, err
    seen = {"report.pdf": _pdf_text((tmp_path / "r.pdf").read_bytes())}
    seen |= {f"csv/{p.name}": p.read_text(encoding="utf-8") for p in report.glob("*.csv")}
    with zipfile.ZipFile(tmp_path / "r.qdpx") as z:
        seen |= {f"qdpx/{n}": z.read(n).decode("utf-8", "replace") for n in z.namelist()}
    assert any("[ADDRESS]" in text for text in seen.values())  # the passage itself did arrive
    for name, text in seen.items():
        for secret in SECRETS:
            assert secret not in text.lower(), f"{secret!r} reached the coordinator in {name}"
