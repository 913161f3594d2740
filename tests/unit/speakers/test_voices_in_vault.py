"""Voices in a real vault: transcribe gives voices and roles, manual changes survive a re-run,
and the voice sample is kept encrypted, never exported, and deletable."""

from __future__ import annotations

import pytest

from core.jobs import CancelToken
from tests.unit.speakers.conftest import DATA, load


@pytest.fixture
def two_voice_interview(vault):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo

    interview = InterviewRepo(vault).create("P-200", "SITE-S")
    run_job(make_import_job(vault, interview.id, DATA / "pyannote_sample.flac"))
    return interview.id


def _transcribe(vault, interview_id, **options):
    from core.transcription.service import make_transcribe_job
    job = make_transcribe_job(vault, interview_id, options={"beam_size": 1, **options})
    return job(lambda p: None, CancelToken())


def test_transcribe_gives_voices_roles_and_splits_at_every_change(vault, two_voice_interview):
    from core.vault.transcripts import TranscriptRepo
    from core.vault.voices import VoiceRepo

    transcript = _transcribe(vault, two_voice_interview)
    segments = TranscriptRepo(vault).segments(transcript.id)
    assert {s.voice for s in segments} == {"V1", "V2"}
    assert {s.speaker for s in segments} == {"interviewer", "participant"}
    for seg in segments:  # no segment spans a change of voice
        assert {w.voice for w in seg.words} <= {seg.voice}
    assert transcript.options["voices"]["role_source"] == "wording"
    assert [v.voice for v in VoiceRepo(vault).voices(two_voice_interview)] == ["V1", "V2"]


def test_manual_changes_are_kept_when_transcribed_again(vault, two_voice_interview):
    from core.speakers import edits
    from core.vault.transcripts import TranscriptRepo

    first = _transcribe(vault, two_voice_interview)
    repo = TranscriptRepo(vault)
    segments = repo.segments(first.id)
    moved = next(s for s in segments if s.voice == "V1")
    edits.move_to_voice(vault, two_voice_interview, [moved.id], "V2")
    edits.rename_voice(vault, two_voice_interview, "V1", "Sheila")
    edits.set_voice_role(vault, two_voice_interview, "V1", "interviewer")

    second = _transcribe(vault, two_voice_interview)
    again = repo.segments(second.id)
    kept = [s for s in again if s.start_ms == moved.start_ms and s.text == moved.text]
    assert kept and kept[0].voice == "V2", "the moved passage went back to its old voice"
    voices = {v.voice: v for v in edits.voices(vault, two_voice_interview)}
    assert voices["V1"].label == "Sheila" and voices["V1"].role == "interviewer" and voices["V1"].is_manual
    assert all(s.speaker == "interviewer" for s in again if s.voice == "V1" and s is not kept[0])


def test_the_voice_sample_names_the_interviewer_and_can_be_deleted(vault):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.speakers.sample import delete_sample, has_sample, make_voice_sample_job
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo
    from tests.unit.speakers.conftest import rttm

    interview = InterviewRepo(vault).create("P-201", "SITE-S")
    run_job(make_import_job(vault, interview.id, DATA / "joined4.flac"))
    ref = rttm("joined4.rttm")
    # The researcher is the "librivox" reader; their sample is a separate reading of theirs.
    run_job(make_voice_sample_job(vault, load("one_voice_librivox.flac")))
    assert has_sample(vault)
    transcript = _transcribe(vault, interview.id, speakers=4)
    assert transcript.options["voices"]["role_source"] == "sample"
    words = right = 0
    for seg in TranscriptRepo(vault).segments(transcript.id):
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2
            who = {k for s, e, k in ref if s <= mid < e}
            if len(who) == 1:
                words += 1
                right += (seg.speaker == "interviewer") == (who == {"librivox"})
    assert words > 60 and right / words >= 0.9
    assert delete_sample(vault) and not has_sample(vault)
    raw = b"".join(p.read_bytes() for p in vault.folder.glob("vault.db*"))
    assert b"voice_samples" not in raw  # the file is encrypted: not even table names show
