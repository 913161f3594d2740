"""Takes: a second recording never hides the first take's transcript, themes or sign-off."""

from __future__ import annotations

import numpy as np
import pytest

from core.audio import codec
from core.audio.takes import AlreadyRecorded, check_new_take, choose_take, list_takes
from core.cli import main
from core.jobs import run_job
from core.transcription.store import save_transcript
from core.vault.recordings import RecordingRepo
from core.vault.tags import TagRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE


def _take(vault, interview_id: str, seconds: int = 2) -> int:
    repo = RecordingRepo(vault)
    rec = repo.create(interview_id, "mic")
    block = np.zeros(16000, dtype=np.float32)
    for i in range(seconds):
        repo.add_chunk(rec.id, i, i * 16000, 16000, codec.encode(block, rec.codec))
    repo.finish(rec.id)
    return rec.id


def _typed(vault, interview_id: str, rid: int, text: str):
    return save_transcript(vault, interview_id, [Segment(0, 1000, text)], recording_id=rid,
                           engine="faster-whisper", model="tiny.en", model_sha256="", language="en", options={})


def test_second_take_keeps_first_transcript_until_chosen(vault, interview):
    iid = interview.id
    first = _take(vault, iid)
    t1 = _typed(vault, iid, first, "we talked about the night shifts")
    seg = TranscriptRepo(vault).segments(t1.id)[0]
    from core.vault.guides import GuideRepo
    from core.vault.themes import ThemeRepo
    GuideRepo(vault).ensure_defaults()
    theme_ids = [t.id for t in ThemeRepo(vault).list()]
    TagRepo(vault).add_manual(iid, seg.id, theme_ids[0], None, None)
    second = _take(vault, iid)
    t2 = _typed(vault, iid, second, "a nine second take")
    repo = TranscriptRepo(vault)
    assert repo.current(iid).id == t1.id                     # the first take's work is still in front
    assert [s.text for s in repo.current_segments(iid)] == ["we talked about the night shifts"]
    assert repo.search("night")                              # and search still finds it
    takes = list_takes(vault, iid)
    assert [(t.number, t.is_current) for t in takes] == [(1, True), (2, False)]
    assert takes[1].transcript.id == t2.id
    choose_take(vault, iid, second)
    assert [s.text for s in repo.current_segments(iid)] == ["a nine second take"]
    assert repo.get(t1.id).is_current is False and repo.segments(t1.id)  # kept, not dropped
    choose_take(vault, iid, first)
    assert repo.current(iid).id == t1.id
    assert TagRepo(vault).list(iid)                          # themes came back with it


def test_retyping_the_current_take_replaces_its_transcript(vault, interview):
    iid = interview.id
    rid = _take(vault, iid)
    _typed(vault, iid, rid, "first try")
    t2 = _typed(vault, iid, rid, "second try")
    assert TranscriptRepo(vault).current(iid).id == t2.id


def test_new_take_is_refused_unless_asked(vault, interview):
    check_new_take(vault, interview.id, another_take=False)  # nothing recorded yet: fine
    _take(vault, interview.id)
    with pytest.raises(AlreadyRecorded) as err:
        check_new_take(vault, interview.id, another_take=False)
    assert "--another-take" in err.value.hint
    check_new_take(vault, interview.id, another_take=True)


def test_cli_import_refuses_a_second_take_without_the_flag(tmp_path, monkeypatch, capsys):
    import soundfile as sf

    from core.audio.importer import make_import_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    wav = tmp_path / "take.wav"
    sf.write(str(wav), np.full(16000, 0.1, dtype=np.float32), 16000)
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iid = InterviewRepo(v).create("P-310", "SITE-C").id
    run_job(make_import_job(v, iid, wav))
    v.close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(folder), "audio", "import", iid, str(wav)]) != 0
    err = capsys.readouterr().err
    assert "already has a recording" in err and "--another-take" in err
    assert main(["--vault", str(folder), "record", iid, "--seconds", "1"]) != 0
    assert "--another-take" in capsys.readouterr().err
    assert main(["--vault", str(folder), "audio", "import", iid, str(wav), "--another-take"]) == 0
    capsys.readouterr()
    assert main(["--vault", str(folder), "audio", "takes", iid]) == 0
    out = capsys.readouterr().out
    assert "Take 1" in out and "Take 2" in out
    assert main(["--vault", str(folder), "audio", "use-take", iid, "2"]) != 0   # not typed up yet
    assert "not been typed up" in capsys.readouterr().err
