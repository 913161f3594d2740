"""`confidant deid scan` on bad input: empty, too big, binary, another language, all capitals;
and the interview path reads a Spanish interview with the Spanish pipeline."""

from __future__ import annotations

import io
import json

from core.cli import main


def test_empty_input_says_so(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    assert main(["deid", "scan", "-", "--json", "--no-presidio"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "empty" in err


def test_five_megabytes_is_refused_with_a_reason(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("my supervisor dana said no. " * 190_000, encoding="utf-8")  # ~5.3 MB
    assert main(["deid", "scan", str(big), "--json"]) != 0
    err = capsys.readouterr().err
    assert "5 MB" in err and "hint:" in err and "Traceback" not in err


def test_binary_file_is_refused(tmp_path, capsys):
    f = tmp_path / "x.txt"
    f.write_bytes(b"\x00\x01\x02binary\x00")
    assert main(["deid", "scan", str(f)]) != 0
    assert "binary" in capsys.readouterr().err


def test_spanish_text_scanned_as_english_gets_a_note_and_results(monkeypatch, capsys, presidio):
    monkeypatch.setattr("sys.stdin", io.StringIO("pues mi jefa la señora lupe me dijo que no, y que llamara "
                                                 "al cinco cinco cinco, cero uno nueve dos"))
    assert main(["deid", "scan", "-", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "--language es" in err
    assert {s["entity_type"] for s in json.loads(out)} >= {"PERSON", "PHONE"}


def test_language_flag_and_mixed_text(monkeypatch, capsys, presidio):
    text = "my boss tyrell said que no, y la señora guadalupe martínez nos grita, call 217-555-0192"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["deid", "scan", "-", "--language", "es", "--json"]) == 0
    spans = json.loads(capsys.readouterr().out)
    got = {text[s["start"]:s["end"]] for s in spans}
    assert {"tyrell", "guadalupe martínez", "217-555-0192"} <= got


def test_interview_with_a_spanish_guide_is_read_in_spanish(vault, presidio):
    from core.deid import review
    from core.jobs import run_job
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    guides = GuideRepo(vault)
    guides.ensure_defaults()
    iv = InterviewRepo(vault).create("P-031", "SITE-A", guide_pk=guides.resolve("job-quality-es").pk)
    TranscriptRepo(vault).create(iv.id, [Segment(0, 4000, "mi supervisora doña maricela ibarra me dijo que "
                                                          "vivo en la calle hidalgo 214")])
    assert review.interview_language(vault, iv.id) == "es"
    run_job(review.make_detect_job(vault, iv.id))
    found = {(r.entity_type, r.original) for r in review.list_redactions(vault, iv.id)}
    assert ("PERSON", "maricela ibarra") in found and ("ADDRESS", "la calle hidalgo 214") in found


def test_interview_in_the_other_language_gets_a_note(tmp_path, capsys, monkeypatch, presidio):
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    from tests.conftest import FAST_KDF, PASSPHRASE
    v, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    iv = InterviewRepo(v).create("P-051", "SITE-A")  # no guide, English transcript language
    TranscriptRepo(v).create(iv.id, [Segment(0, 3000, "pues mi jefa la señora lupe me dijo que no hay "
                                                      "descanso y que trabajamos el sábado")], language="en")
    v.close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(tmp_path / "v"), "deid", iv.id]) == 0
    out, err = capsys.readouterr()
    assert "reads as Spanish" in err and "new proposal" in out
