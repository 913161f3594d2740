"""Names listed for an interview are hidden from the start, with their role as the placeholder."""

from __future__ import annotations

import pytest

from core.cli import main
from core.deid import review
from core.errors import InvalidInput
from core.jobs import run_job
from core.vault.interviews import PROTECTED_ROLES, InterviewRepo, parse_protected
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE


def test_parse_protected_takes_a_role():
    assert parse_protected("Kevin Walsh=supervisor") == ("Kevin Walsh", "supervisor")
    assert parse_protected(" Ana Ruiz = Co-worker ") == ("Ana Ruiz", "co-worker")
    assert parse_protected("Deshawn") == ("Deshawn", "other")
    assert set(PROTECTED_ROLES) == {"participant", "supervisor", "manager", "co-worker", "family", "other"}
    with pytest.raises(InvalidInput) as err:
        parse_protected("Kevin Walsh=boss")
    assert "supervisor" in err.value.hint


def test_listed_names_are_accepted_with_role_placeholders(vault, interview, presidio):
    repo = InterviewRepo(vault)
    repo.add_protected_name(interview.id, "Kevin Walsh", "supervisor")
    repo.add_protected_name(interview.id, "Maria Lopez", "participant")
    repo.add_workplace_name("Hilltop Care Home")
    TranscriptRepo(vault).create(interview.id, [
        Segment(0, 4000, "I'm Maria Lopez and I work nights at Hilltop Care Home."),
        Segment(4000, 9000, "Kevin Walsh is my supervisor. Kevin never lets us sit down."),
        Segment(9000, 12000, "Walsh said the rota is final."),
    ])
    run_job(review.make_detect_job(vault, interview.id))
    found = {(r.original, r.placeholder, r.state) for r in review.list_redactions(vault, interview.id)}
    assert ("Kevin Walsh", "[SUPERVISOR 1]", "accepted") in found
    assert ("Kevin", "[SUPERVISOR 1]", "accepted") in found          # first name alone: same person
    assert ("Walsh", "[SUPERVISOR 1]", "accepted") in found          # surname alone: same person
    assert ("Maria Lopez", "[PARTICIPANT 1]", "accepted") in found
    assert ("Hilltop Care Home", "[WORKPLACE 1]", "accepted") in found
    text = " ".join(s.text for s in review.deidentified_segments(vault, interview.id))
    for secret in ("Kevin", "Walsh", "Maria", "Hilltop"):
        assert secret not in text


def test_cli_interview_new_protect_with_role(tmp_path, monkeypatch, capsys):
    from core.vault import Vault
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(folder), "interview", "new", "--participant-code", "P-009", "--site", "SITE-A",
                 "--protect", "Kevin Walsh=supervisor", "--protect", "Ana=co-worker",
                 "--workplace", "Hilltop Care Home"]) == 0
    iid = capsys.readouterr().out.strip().splitlines()[-1]
    with Vault.open(folder, PASSPHRASE) as v:
        iv = InterviewRepo(v).get(iid)
        assert [(p.name, p.role) for p in iv.protected_names] == [("Kevin Walsh", "supervisor"),
                                                                   ("Ana", "co-worker")]
        assert InterviewRepo(v).workplace_names() == ["Hilltop Care Home"]
    assert main(["--vault", str(folder), "interview", "new", "--participant-code", "P-010", "--site", "SITE-A",
                 "--protect", "Kevin Walsh=boss"]) != 0
    assert "supervisor, manager" in capsys.readouterr().err
