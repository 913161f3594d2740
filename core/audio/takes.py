"""Takes: an interview's recordings side by side (Take 1, Take 2, …), never hiding earlier work.

Recording again does not replace anything (decision 0120). A take's transcript is made
current only when the interview has no current transcript or the current one is of that
same take (re-typing a take); otherwise it waits beside the current one until the person
chooses it with ``choose_take``. The CLI refuses a second take unless asked for one
(``check_new_take``), so nobody starts one by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import CoreError, Msg, NotFound
from core.vault.db import Vault
from core.vault.recordings import Recording, RecordingRepo
from core.vault.transcripts import Transcript, TranscriptRepo


class AlreadyRecorded(CoreError):
    """The interview has a recording; a new one would be another take."""

    user_message = "This interview already has a recording."
    hint = ("Recording again makes another take beside it; nothing is replaced. Add --another-take "
            "to do that, or create a new interview for a different conversation.")


@dataclass(frozen=True)
class Take:
    number: int                     # 1, 2, … in the order they were made
    recording: Recording
    transcript: Transcript | None   # the take's newest transcript, if any
    is_current: bool                # its transcript is the one everything else works on

    @property
    def duration_s(self) -> float:
        return self.recording.duration_s


def list_takes(vault: Vault, interview_id: str) -> list[Take]:
    """Every take of an interview, oldest first, with its newest transcript."""
    transcripts = TranscriptRepo(vault)
    current = transcripts.current(interview_id)
    takes = []
    for n, rec in enumerate(RecordingRepo(vault).for_interview(interview_id), 1):
        t = transcripts.latest_for_recording(rec.id)
        if current is not None and current.recording_id == rec.id:
            t = current
        takes.append(Take(n, rec, t, current is not None and current.recording_id == rec.id))
    return takes


def becomes_current(vault: Vault, interview_id: str, recording_id: int | None) -> bool:
    """Whether a new transcript of this recording should become the interview's current one."""
    current = TranscriptRepo(vault).current(interview_id)
    if current is None or recording_id is None:
        return True
    if current.recording_id == recording_id:
        return True
    # The current transcript has no words (an abandoned live one): nothing to hide.
    return not TranscriptRepo(vault).segments(current.id)


def check_new_take(vault: Vault, interview_id: str, *, another_take: bool) -> None:
    """Raise ``AlreadyRecorded`` when the interview has a recording and no second take was asked for."""
    if another_take:
        return
    if any(r.total_samples > 0 or r.state == "recording" for r in RecordingRepo(vault).for_interview(interview_id)):
        raise AlreadyRecorded()


def choose_take(vault: Vault, interview_id: str, recording_id: int) -> Transcript:
    """Make this take's transcript the interview's current one (the other takes stay as they are)."""
    from core.vault.interviews import InterviewRepo

    rec = RecordingRepo(vault).get(recording_id)
    if rec.interview_id != interview_id:
        raise NotFound(Msg("audio.recording_not_part_interview", recording_id=recording_id, interview_id=interview_id),
                       Msg("audio.recording_not_part_interview.hint", interview_id=interview_id))
    repo = TranscriptRepo(vault)
    transcript = repo.latest_for_recording(recording_id)
    if transcript is None:
        raise NotFound(Msg("audio.take_not_typed_up"),
                       Msg("audio.take_not_typed_up.hint"))
    repo.set_current(transcript.id)
    # The work done on another take (themes, sign-off) stays with that take's transcript; this
    # one starts again from "transcribed" unless it was already further along.
    InterviewRepo(vault).set_state(interview_id, "transcribed")
    return repo.get(transcript.id)


def damage_notes(vault: Vault, interview_id: str) -> list[Msg]:
    """What a person is told about takes whose audio the vault cannot fully read back (one
    message per damaged take, oldest first; empty when every take reads whole). The Transcript
    tab shows these above the player; typing up still works on the rest (decision 0157).

    Reads every chunk of every take (``check_recording``): call it from a job."""
    from core.audio.source import check_recording
    from core.errors import AudioDamaged
    notes: list[Msg] = []
    for n, rec in enumerate(RecordingRepo(vault).for_interview(interview_id), 1):
        if rec.total_samples <= 0:
            continue
        try:
            message = check_recording(vault, rec.id).message()
        except AudioDamaged:
            notes.append(Msg("audio.check_unreadable", take=n, recording=rec.id))
            continue
        if message is not None:
            notes.append(Msg("audio.check_take", take=n, recording=rec.id, message=message))
    return notes
