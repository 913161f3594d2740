"""`confidant deid ...` in-process (Presidio stays warm): scan without a vault, then the whole
review flow on a real vault."""

from __future__ import annotations

import io
import json

import pytest

from core.cli import main
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE


def test_scan_stdin_json(monkeypatch, capsys, presidio):
    monkeypatch.setattr("sys.stdin", io.StringIO("call maria at two one seven five five five oh one nine two"))
    assert main(["deid", "scan", "-", "--names", "Maria Gonzalez,Dana", "--json"]) == 0
    spans = json.loads(capsys.readouterr().out)
    assert [(s["entity_type"], s["start"], s["end"]) for s in spans] == [("PERSON", 5, 10), ("PHONE", 14, 58)]
    assert all(0 < s["score"] <= 1 for s in spans)


def test_scan_file_redacted(tmp_path, capsys, presidio):
    f = tmp_path / "t.txt"
    f.write_text("dana said hi to maria on march 3rd 2024", encoding="utf-8")
    assert main(["deid", "scan", str(f), "--names", "Maria Gonzalez,Dana Ruiz", "--redact"]) == 0
    assert capsys.readouterr().out.strip() == "[PERSON 1] said hi to [PERSON 2] on [DATE: March 2024]"


def test_scan_missing_file_is_a_user_error(capsys):
    assert main(["deid", "scan", "/nonexistent/file.txt"]) != 0
    err = capsys.readouterr().err
    assert "error:" in err and "hint:" in err


@pytest.fixture
def cli_vault(tmp_path, monkeypatch):
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    repo = InterviewRepo(vault)
    iv = repo.create("P-002", "SITE-B")
    repo.add_protected_name(iv.id, "Maria Gonzalez")
    TranscriptRepo(vault).create(iv.id, [Segment(0, 1000, "maria said call two one seven five five five oh one "
                                                          "nine two"),
                                         Segment(1000, 2000, "secret stuff about maria", off_record=True)])
    vault.close()  # the CLI opens it itself (one holder at a time)
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    return folder, iv.id


def test_review_flow(cli_vault, capsys, presidio):
    folder, iid = cli_vault
    v = ["--vault", str(folder)]
    assert main([*v, "deid", iid]) == 0
    assert "2 new proposal(s)" in capsys.readouterr().out
    assert main([*v, "deid", "signoff", iid]) != 0
    assert "not been accepted or rejected" in capsys.readouterr().err
    assert main([*v, "deid", "accept-all", iid]) == 0
    assert main([*v, "deid", "signoff", iid]) == 0
    capsys.readouterr()
    assert main([*v, "deid", "show", iid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["signed_off"] is True
    assert [s["text"] for s in shown["segments"]] == ["[PERSON 1] said call [PHONE]"]
    assert main([*v, "deid", "map", iid]) == 0
    assert "[PERSON 1]" in capsys.readouterr().out


def test_scan_marks_a_town_alone_as_a_place_note_and_redact_keeps_it(tmp_path, capsys, presidio):
    f = tmp_path / "t.txt"
    f.write_text("dana moved to Fresno, and she lives at 2231 East 14th Street, Apartment 3B, Oakland", encoding="utf-8")
    assert main(["deid", "scan", str(f), "--names", "Dana Ruiz", "--json"]) == 0
    spans = json.loads(capsys.readouterr().out)
    assert [s["text"] for s in spans if s.get("place_note")] == ["Fresno"]
    assert main(["deid", "scan", str(f), "--names", "Dana Ruiz", "--redact"]) == 0
    assert capsys.readouterr().out.strip() == "[PERSON 1] moved to Fresno, and she lives at [ADDRESS]"
