"""A study file is the researcher's whole set-up: `coordinator study new` -> `study join` ->
interview at a study site -> share -> the coordinator imports it, with no other step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.slow  # Presidio + spaCy for the researcher's review

TRANSCRIPT = """Interviewer: What is a normal shift like for you?
Participant: Busy. My supervisor Dana Whitfield changes the rota every week and nobody is asked.
Interviewer: Do you feel you can speak up?
Participant: Not really, people who complain get the worst shifts.
"""


@pytest.fixture
def two_vaults(tmp_path):
    from core.vault import Vault
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    for name in ("coord", "laptop"):
        Vault.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)[0].close()

    def as_(name: str):
        return lambda *argv: main(["--vault", str(tmp_path / name), "--passphrase-file", str(pw), *argv])

    return as_("coord"), as_("laptop"), tmp_path


def _study(coord, tmp, *extra: str) -> str:
    assert coord("coordinator", "init") == 0
    out = tmp / "study.cstudy"
    assert coord("coordinator", "study", "new", "--title", "Job quality 2027", "--guide", "job-quality",
                 "--guide", "job-quality-es", "--site", "SITE-A", "--site", "SITE-B",
                 "--setting", "share.k=5", "--setting", "transcription.model.es=base",
                 "--out", str(out), *extra) == 0
    return str(out)


def _settings(tmp, name="laptop") -> dict[str, str]:
    from core.vault import Vault
    with Vault.open(tmp / name, PASSPHRASE) as v:
        return dict(v.conn.execute("SELECT key, value FROM settings").fetchall())


def test_join_sets_everything_up_and_a_shared_interview_reaches_the_coordinator(two_vaults, capsys):
    coord, laptop, tmp = two_vaults
    study = _study(coord, tmp)
    assert laptop("study", "join", study, "--yes", "--enrolment-out", str(tmp / "device.txt")) == 0
    out = capsys.readouterr().out
    assert "Joined." in out and "Job quality 2027" in out
    settings = _settings(tmp)
    assert json.loads(settings["study.sites"]) == ["SITE-A", "SITE-B"]
    assert settings["share.k"] == "5" and settings["transcription.model.es"] == "base"

    # A site outside the study is refused with the list; a study site (any case) is accepted.
    assert laptop("interview", "new", "--participant-code", "P-101", "--site", "SITE-Z") != 0
    err = capsys.readouterr().err
    assert "SITE-A, SITE-B" in err
    assert laptop("interview", "new", "--participant-code", "P-101", "--site", "site-a",
                  "--guide", "job-quality", "--protect", "Dana Whitfield") == 0
    iid = capsys.readouterr().out.strip().splitlines()[-1]
    (tmp / "t.txt").write_text(TRANSCRIPT)
    assert laptop("transcript", "import", iid, str(tmp / "t.txt")) == 0
    assert laptop("deid", iid) == 0
    assert laptop("deid", "accept-all", iid) == 0
    assert laptop("deid", "signoff", iid) == 0
    # No recipient was added by hand: the study brought the coordinator's.
    assert laptop("export", iid, "--out", str(tmp / "p.cpkt")) == 0

    assert coord("coordinator", "enrol", str(tmp / "device.txt"), "--label", "Laptop", "--yes") == 0
    capsys.readouterr()
    assert coord("coordinator", "import", str(tmp / "p.cpkt")) == 0
    assert "imported" in capsys.readouterr().out


def test_a_tampered_file_is_refused_and_changes_nothing(two_vaults, capsys):
    coord, laptop, tmp = two_vaults
    study = _study(coord, tmp)
    data = bytearray(Path(study).read_bytes())
    at = data.index(b"SITE-B")
    data[at:at + 6] = b"SITE-X"
    bad = tmp / "tampered.cstudy"
    bad.write_bytes(bytes(data))
    before = _settings(tmp)
    assert laptop("study", "join", str(bad), "--yes") != 0
    assert "signature does not match" in capsys.readouterr().err
    assert _settings(tmp) == before
    assert laptop("recipients", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    (tmp / "junk.cstudy").write_bytes(b"\x00\x01 not a study")
    assert laptop("study", "join", str(tmp / "junk.cstudy"), "--yes") != 0
    assert "not a Confidant study file" in capsys.readouterr().err


def test_a_newer_version_updates_and_another_coordinators_file_is_refused(two_vaults, tmp_path, capsys):
    coord, laptop, tmp = two_vaults
    study = _study(coord, tmp)
    assert laptop("study", "join", study, "--yes") == 0
    v2 = tmp / "study-v2.cstudy"
    assert coord("coordinator", "study", "new", "--title", "Job quality 2027", "--guide", "job-quality",
                 "--site", "SITE-A", "--site", "SITE-B", "--site", "SITE-C", "--update", study,
                 "--out", str(v2)) == 0
    assert laptop("study", "join", str(v2)) == 0  # an update from the same signer needs no words again
    assert "Updated to version 2" in capsys.readouterr().out
    assert json.loads(_settings(tmp)["study.sites"]) == ["SITE-A", "SITE-B", "SITE-C"]
    assert laptop("study", "join", study, "--yes") != 0  # an older version
    # A different coordinator vault signs a study: this laptop already belongs to another study.
    from core.vault import Vault
    Vault.create(tmp / "other", PASSPHRASE, kdf=FAST_KDF)[0].close()
    other = lambda *a: main(["--vault", str(tmp / "other"), "--passphrase-file", str(tmp / "pw"), *a])
    assert other("coordinator", "init") == 0
    assert other("coordinator", "study", "new", "--title", "Other", "--guide", "job-quality",
                 "--site", "X", "--out", str(tmp / "other.cstudy")) == 0
    capsys.readouterr()
    assert laptop("study", "join", str(tmp / "other.cstudy"), "--yes") != 0
    assert "already belongs to the study" in capsys.readouterr().err
