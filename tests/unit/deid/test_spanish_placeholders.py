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
    # a word of the researcher's own, tidied to how a placeholder reads
    assert choose_word(vault, "es", "MANAGER", "  encargada  de   turno ") == "ENCARGADA DE TURNO"
    assert PseudonymBook(words=words_for("es", vault)).placeholder("MANAGER", "Ana") == "[ENCARGADA DE TURNO 1]"
    with pytest.raises(InvalidInput, match="Choose one of"):
        choose_word(vault, "es", "PHONE", "CELULAR")  # not a role: its label is fixed


@pytest.mark.parametrize("word, says", [
    ("", "cannot be empty"), ("   ", "cannot be empty"),
    ("JEFA]", "would break it"), ("[JEFA", "would break it"), ("JEFA 2", "would break it"),
    ("JEFA: TURNO", "would break it"), ("/JEFA", "would break it"), ("X" * 41, "too long"),
])
def test_a_word_that_would_break_the_placeholder_is_refused_plainly(vault, word, says):
    with pytest.raises(InvalidInput, match=says) as info:
        choose_word(vault, "es", "SUPERVISOR", word)
    assert info.value.hint  # what to do instead
    assert words_for("es", vault)[0]["SUPERVISOR"] == "SUPERVISORA/SUPERVISOR"  # nothing was kept


def test_a_name_listed_in_an_interview_cannot_become_a_placeholder_word(vault):
    from core.vault.interviews import InterviewRepo
    repo = InterviewRepo(vault)
    iid = repo.create("P-031", "SITE-E").id
    repo.add_protected_name(iid, "Rosa Díaz", "supervisor")
    with pytest.raises(InvalidInput, match="name listed in one of your interviews"):
        choose_word(vault, "es", "SUPERVISOR", "SUPERVISORA DIAZ")


def test_a_word_goes_back_to_the_default_and_every_role_is_listed(vault):
    from core.deid.placeholder_words import preview, reset_word, role_words
    choose_word(vault, "es", "CO-WORKER", "COMPAÑERA")
    roles = {r.entity_type: r for r in role_words(vault, "es")}
    assert set(roles) == {"SUPERVISOR", "MANAGER", "CO-WORKER", "FAMILY", "PARTICIPANT", "OTHER"}
    assert roles["CO-WORKER"].word == "COMPAÑERA" and not roles["CO-WORKER"].is_default
    assert "COMPAÑERO" in roles["CO-WORKER"].suggestions and preview("COMPAÑERA") == "[COMPAÑERA 1]"
    assert reset_word(vault, "es", "CO-WORKER") == "COMPAÑERA/COMPAÑERO"
    assert words_for("es", vault)[0]["CO-WORKER"] == "COMPAÑERA/COMPAÑERO"


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
    assert main(["--vault", str(folder), "deid", "placeholder-word", "SUPERVISOR", "[JEFA"]) != 0
    assert "would break it" in capsys.readouterr().err
    assert main(["--vault", str(folder), "deid", "placeholder-word"]) == 0
    assert "[SUPERVISORA 1]  (default [SUPERVISORA/SUPERVISOR 1])" in capsys.readouterr().out
    assert main(["--vault", str(folder), "deid", "placeholder-word", "SUPERVISOR", "--default"]) == 0
    assert "[SUPERVISORA/SUPERVISOR 1]" in capsys.readouterr().out


def test_several_words_are_kept_together_or_not_at_all(vault):
    from core.deid.placeholder_words import choose_words
    with pytest.raises(InvalidInput, match="cannot be empty"):
        choose_words(vault, "es", {"SUPERVISOR": "SUPERVISORA", "MANAGER": ""})
    assert words_for("es", vault)[0]["SUPERVISOR"] == "SUPERVISORA/SUPERVISOR"  # the good one was not kept
    roles = {r.entity_type: r for r in choose_words(vault, "es", {"SUPERVISOR": "supervisora",
                                                                 "MANAGER": "GERENTE"})}
    assert roles["SUPERVISOR"].word == "SUPERVISORA" and roles["MANAGER"].is_default
