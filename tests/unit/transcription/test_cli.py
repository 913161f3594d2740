"""The CLI: `confidant transcribe`, `transcript show`, `models list|import` (real model, real vault)."""

from __future__ import annotations

import json

import pytest

from core.cli import main
from tests.conftest import FAST_KDF, JFK_FLAC, PASSPHRASE


@pytest.fixture
def closed_vault_with_jfk(tmp_path, monkeypatch):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    if not JFK_FLAC.exists():
        pytest.skip("test data missing")
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iid = InterviewRepo(v).create("P-300", "SITE-C").id
    run_job(make_import_job(v, iid, JFK_FLAC))
    v.close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    return folder, iid


@pytest.mark.slow
def test_transcribe_then_show_in_every_format(closed_vault_with_jfk, capsys):
    folder, iid = closed_vault_with_jfk
    assert main(["--vault", str(folder), "transcribe", iid, "--beam-size", "2", "--prompt", "Kennedy"]) == 0
    out = capsys.readouterr().out
    assert "Transcribed" in out and "faster-whisper (tiny.en)" in out
    assert main(["--vault", str(folder), "transcript", "show", iid, "--vtt"]) == 0
    vtt = capsys.readouterr().out
    assert vtt.startswith("WEBVTT") and "-->" in vtt and "country" in vtt.lower()
    assert main(["--vault", str(folder), "transcript", "show", iid, "--srt"]) == 0
    assert "00:00:00," in capsys.readouterr().out
    assert main(["--vault", str(folder), "transcript", "show", iid, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["transcript"]["options"]["beam_size"] == 2 and data["transcript"]["options"]["initial_prompt"]
    assert data["segments"][0]["words"][0]["probability"] > 0
    assert main(["--vault", str(folder), "transcript", "show", iid]) == 0
    assert capsys.readouterr().out.startswith("[00:00:00]")


def test_models_list_and_errors(closed_vault_with_jfk, capsys, tmp_path):
    folder, iid = closed_vault_with_jfk
    assert main(["--vault", str(folder), "models", "list"]) == 0
    out = capsys.readouterr().out
    assert "tiny.en" in out and "base" in out and "ctranslate2" in out
    assert main(["--vault", str(folder), "models", "list", "--json"]) == 0
    names = {m["name"]: m for m in json.loads(capsys.readouterr().out)}
    assert names["tiny.en"]["engines"] == ["faster-whisper", "openai-whisper"]
    # A missing model is a user error with a hint, not a traceback.
    assert main(["--vault", str(folder), "transcribe", iid, "--model", "large-v3"]) != 0
    err = capsys.readouterr().err
    assert "not installed" in err and "hint:" in err and "models import" in err
    (tmp_path / "x.txt").write_text("x")
    assert main(["--vault", str(folder), "models", "import", str(tmp_path / "x.txt")]) != 0
    assert main(["--vault", str(folder), "transcript", "show", iid]) != 0  # none yet
    assert "Transcribe it first" in capsys.readouterr().err
