"""Placeholders in a Spanish interview are Spanish, and a role reads as the researcher chose
([PERSONA 1], [SUPERVISORA/SUPERVISOR 1] or [SUPERVISORA 1]); real vault, real detection."""

from __future__ import annotations

import pytest

from core.deid.placeholder_words import choose_word, words_for
from core.deid.pseudonyms import PseudonymBook
from core.errors import InvalidInput


def test_spanish_words_numbered_and_fixed():
    book = PseudonymBook(words=words_for("es"))
    assert book.placeholder("PERSON", "María González") == "[PERSONA 1]"
    assert book.placeholder("PERSON", "María") == "[PERSONA 1]"  # the same person throughout
    assert book.placeholder("PERSON", "Kevin") == "[PERSONA 2]"
    assert book.placeholder("SUPERVISOR", "Luis Pérez") == "[SUPERVISORA/SUPERVISOR 1]"
    assert book.placeholder("WORKPLACE", "Hotel Sol") == "[LUGAR DE TRABAJO 1]"
    assert book.placeholder("PHONE", "555 123 4567") == "[TELÉFONO]"
    assert book.placeholder("DATE", "3 de marzo", "marzo 2024") == "[FECHA: marzo 2024]"
    english = PseudonymBook(words=words_for("en"))
    assert english.placeholder("PERSON", "Maria") == "[PERSON 1]" and english.placeholder("PHONE", "5") == "[PHONE]"


def test_the_researcher_chooses_how_a_role_reads(vault):
    assert words_for("es", vault)[0]["SUPERVISOR"] == "SUPERVISORA/SUPERVISOR"
    choose_word(vault, "es", "supervisor", "supervisora")
    book = PseudonymBook(words=words_for("es", vault))
    assert book.placeholder("SUPERVISOR", "Rosa Díaz") == "[SUPERVISORA 1]"
    with pytest.raises(InvalidInput, match="Choose one of"):
        choose_word(vault, "es", "SUPERVISOR", "JEFAZA")


def test_a_spanish_interview_is_redacted_with_spanish_placeholders(vault):
    from core.deid.review import list_redactions, make_detect_job
    from core.jobs import run_job
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo

    repo = GuideRepo(vault)
    repo.ensure_defaults()
    interviews = InterviewRepo(vault)
    iid = interviews.create("P-020", "SITE-E", guide_pk=repo.resolve("job-quality-es").pk).id
    interviews.add_protected_name(iid, "Rosa Díaz", "supervisor")
    TranscriptRepo(vault).create(iid, [
        Segment(0, 5000, "Mi supervisora, Rosa Díaz, nos grita delante de todos."),
        Segment(5000, 9000, "Llámame al 555 123 4567 si quieres saber más."),
    ], language="es")
    run_job(make_detect_job(vault, iid))
    placeholders = {r.placeholder for r in list_redactions(vault, iid)}
    assert "[SUPERVISORA/SUPERVISOR 1]" in placeholders, placeholders
    assert not any(p.startswith(("[PERSON ", "[SUPERVISOR ", "[PHONE")) for p in placeholders), placeholders


def test_the_cli_sets_how_a_role_reads(tmp_path, monkeypatch, capsys):
    from core.cli import main
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE

    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(folder), "deid", "placeholder-word", "SUPERVISOR", "SUPERVISORA"]) == 0
    assert "[SUPERVISORA 1]" in capsys.readouterr().out
    with Vault.open(folder, PASSPHRASE) as vault:
        assert words_for("es", vault)[0]["SUPERVISOR"] == "SUPERVISORA"
    assert main(["--vault", str(folder), "deid", "placeholder-word", "SUPERVISOR", "JEFAZA"]) != 0
    assert "Choose one of" in capsys.readouterr().err
