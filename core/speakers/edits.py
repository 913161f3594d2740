"""A person's changes to voices: rename a voice, change its role, move passages to a voice.

One core function per user action (the editor and the CLI call these). Every change is kept
when the recording is transcribed again: renamed voices are marked manual in the interview's
voices, moved passages carry ``voice_manual`` and are put back like edited text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.errors import InvalidInput, Msg
from core.speakers.assign import FLAG_VOICE_MANUAL
from core.speakers.roles import FLAG_SPEAKER_AUTO, FLAG_SPEAKER_VOICE, INTERVIEWER, PARTICIPANT
from core.vault.db import Vault
from core.vault.transcripts import TranscriptRepo
from core.vault.voices import InterviewVoice, VoiceRepo

ROLES = (INTERVIEWER, PARTICIPANT)
MAX_LABEL = 40


def voices(vault: Vault, interview_id: str) -> list[InterviewVoice]:
    """The interview's voices with their role and label (V1 first)."""
    return VoiceRepo(vault).voices(interview_id)


def _known(vault: Vault, interview_id: str, voice: str) -> InterviewVoice:
    for v in VoiceRepo(vault).voices(interview_id):
        if v.voice == voice:
            return v
    raise InvalidInput(Msg("speakers.interview_no_voice_called", voice=voice), Msg("speakers.interview_no_voice_called.hint"))


def rename_voice(vault: Vault, interview_id: str, voice: str, label: str) -> None:
    """Give a voice a name people see (e.g. "Maria" or "Steward"); the role stays."""
    label = " ".join(label.split())
    if not label or len(label) > MAX_LABEL:
        raise InvalidInput(Msg("speakers.voice_needs_short_name"), Msg("speakers.voice_needs_short_name.hint", max_label=MAX_LABEL))
    _known(vault, interview_id, voice)
    VoiceRepo(vault).set_voice(interview_id, voice, label=label)
    vault.audit("voice_renamed", {"interview": interview_id, "voice": voice})


def set_voice_role(vault: Vault, interview_id: str, voice: str, role: str) -> int:
    """Say whether a voice is the interviewer or a participant; its passages follow."""
    if role not in ROLES:
        raise InvalidInput(Msg("speakers.not_role", role=role), Msg("speakers.not_role.hint"))
    _known(vault, interview_id, voice)
    VoiceRepo(vault).set_voice(interview_id, voice, role=role)
    repo = TranscriptRepo(vault)
    changed = 0
    for seg in repo.current_segments(interview_id):
        if seg.voice == voice and seg.speaker != role and seg.id is not None:
            flags = [f for f in seg.flags if f not in (FLAG_SPEAKER_AUTO, FLAG_SPEAKER_VOICE)] + [FLAG_SPEAKER_VOICE]
            repo.update_fields(seg.id, speaker=role, flags=flags)
            changed += 1
    return changed


def move_to_voice(vault: Vault, interview_id: str, segment_ids: Sequence[int], voice: str) -> int:
    """Move the selected passages to ``voice`` (their words too); they take its role."""
    target = _known(vault, interview_id, voice)
    repo = TranscriptRepo(vault)
    current = {s.id: s for s in repo.current_segments(interview_id)}
    moved = 0
    for sid in segment_ids:
        seg = current.get(sid)
        if seg is None:
            raise InvalidInput(Msg("speakers.passage_not_interview_transcript"))
        flags = [f for f in seg.flags if f not in (FLAG_SPEAKER_AUTO, FLAG_SPEAKER_VOICE, FLAG_VOICE_MANUAL)]
        repo.update_fields(sid, voice=voice, speaker=target.role or seg.speaker,
                           words=[replace(w, voice=voice) for w in seg.words],
                           flags=[*flags, FLAG_VOICE_MANUAL])
        moved += 1
    if moved:
        vault.audit("passages_moved_to_voice", {"interview": interview_id, "voice": voice, "segments": moved})
    return moved
