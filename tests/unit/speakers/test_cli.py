"""`confidant transcribe --speakers`, `confidant voice` and `confidant voices` (real vault, real models)."""

from __future__ import annotations

import pytest

from core.cli import main
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.speakers.conftest import DATA


@pytest.fixture
def two_voice_vault(tmp_path, monkeypatch):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo

    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iid = InterviewRepo(v).create("P-400", "SITE-C").id
    run_job(make_import_job(v, iid, DATA / "pyannote_sample.flac"))
    v.close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    return folder, iid


def test_transcribe_names_the_voices_and_voices_can_be_renamed(two_voice_vault, capsys):
    folder, iid = two_voice_vault
    assert main(["--vault", str(folder), "transcribe", iid, "--beam-size", "1"]) == 0
    out = capsys.readouterr().out
    assert "Voices: V1" in out and "V2" in out and "who asks the questions" in out
    assert main(["--vault", str(folder), "voices", "rename", iid, "V2", "Sheila"]) == 0
    assert main(["--vault", str(folder), "voices", "list", iid]) == 0
    assert "Sheila" in capsys.readouterr().out
    assert main(["--vault", str(folder), "transcript", "show", iid, "--vtt"]) == 0
    vtt = capsys.readouterr().out
    assert "<v Interviewer>" in vtt and "<v Participant>" in vtt   # VTT voices are roles


def test_bad_speaker_counts_and_the_voice_sample_commands(two_voice_vault, capsys):
    folder, iid = two_voice_vault
    assert main(["--vault", str(folder), "transcribe", iid, "--speakers", "9"]) != 0
    err = capsys.readouterr().err
    assert "number from 1 to 6" in err and "Traceback" not in err
    assert main(["--vault", str(folder), "voice", "text"]) == 0
    assert "identifies you" in capsys.readouterr().out
    assert main(["--vault", str(folder), "voice", "teach", str(DATA / "pyannote_sample.rttm")]) != 0
    assert "Traceback" not in capsys.readouterr().err   # not audio: a clear message
    assert main(["--vault", str(folder), "voice", "teach", str(DATA / "one_voice_librivox.flac")]) == 0
    assert main(["--vault", str(folder), "voice", "show"]) == 0
    assert "Voice sample kept" in capsys.readouterr().out
    assert main(["--vault", str(folder), "voice", "forget"]) == 0
    assert main(["--vault", str(folder), "voice", "show"]) == 0
    assert "No voice sample" in capsys.readouterr().out
