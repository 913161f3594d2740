"""Voices and roles for a transcript: the step ``transcribe`` runs after the words are in.

The clip the engine heard (off-the-record spans already cut) goes to the speaker child; its
turns come back on the clip's clock and are mapped onto the recording's. New voices take the
ids of the interview's earlier voices they sound like (so a re-run does not shuffle V1 and
V2, and a person's rename stays with the right voice); then words and segments get their
voices and segments their roles. A failure here never costs the transcript: it is kept
without voices and the reason is recorded.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from core.errors import Cancelled, CoreError
from core.jobs import CancelToken
from core.speakers.assign import voice_segments
from core.speakers.diarize import Diarization, DiarizeOptions, VoiceTurn
from core.speakers.roles import VoiceRole, apply_roles, roles_from_sample, roles_from_wording
from core.speakers.runner import SpeakerProcess
from core.vault.db import Vault
from core.vault.transcripts import Segment
from core.vault.voices import InterviewVoice, VoiceRepo

log = logging.getLogger(__name__)

SR = 16000
SETTING_INTERVIEWERS = "speakers.interviewers"   # "2" for worker-researcher pairs


@dataclass
class VoiceSummary:
    method: str                   # voices | one_voice | no_speech | off | failed
    voices: list[dict[str, Any]] = field(default_factory=list)   # voice, role, label, source, speech_s
    splits: int = 0
    role_source: str = ""         # sample | wording | manual | single
    elapsed_s: float = 0.0
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "voices": self.voices, "splits": self.splits,
                "role_source": self.role_source, "elapsed_s": round(self.elapsed_s, 3),
                **({"error": self.error} if self.error else {})}


def map_turns(turns: Sequence[VoiceTurn], to_source_s: Callable[..., float] | None,
              offset_ms: int = 0) -> list[VoiceTurn]:
    """Turns from the clip's clock onto the recording's."""
    if to_source_s is None:
        return [replace(t, start_ms=t.start_ms + offset_ms, end_ms=t.end_ms + offset_ms) for t in turns]
    return [VoiceTurn(offset_ms + round(to_source_s(t.start_ms / 1000) * 1000),
                      offset_ms + round(to_source_s(t.end_ms / 1000, is_end=True) * 1000), t.voice) for t in turns]


def stable_names(new: dict[str, list[float]], old: Sequence[InterviewVoice]) -> dict[str, str]:
    """New voice id -> id to use: an earlier voice's id when it sounds like it (Hungarian match)."""
    from scipy.optimize import linear_sum_assignment

    known = [(v.voice, v.centroid) for v in old if v.centroid is not None and len(v.centroid)]
    names = {v: v for v in new}
    if not known or not new:
        return names
    new_ids = list(new)
    sims = np.array([[float(np.dot(np.asarray(new[n]), c)) for _v, c in known] for n in new_ids])
    rows, cols = linear_sum_assignment(-sims)
    taken = {}
    for r, c in zip(rows, cols):
        if sims[r, c] >= 0.75:
            taken[new_ids[r]] = known[c][0]
    used = set(taken.values())
    spare = (f"V{i}" for i in range(1, 100) if f"V{i}" not in used)
    for n in new_ids:
        names[n] = taken[n] if n in taken else next(spare)
    return names


def decide_roles(vault: Vault, segments: Sequence[Segment], diarization: Diarization,
                 previous: Sequence[InterviewVoice]) -> dict[str, VoiceRole]:
    """Manual roles first, then the voice sample, then who asks the questions."""
    voices = diarization.voices
    sample = VoiceRepo(vault).sample()
    interviewers = int(vault.get_setting(SETTING_INTERVIEWERS) or "1")
    if sample is not None and len(voices) >= 1:
        roles = roles_from_sample(diarization.centroids, sample.vector, diarization.speech_s, interviewers)
    else:
        roles = roles_from_wording(segments, voices, diarization.speech_s)
    for old in previous:
        if old.is_manual and old.voice in roles:
            roles[old.voice] = VoiceRole(old.voice, old.role or roles[old.voice].role,
                                         old.label or roles[old.voice].label, "manual")
    return roles


def label_voices(vault: Vault, interview_id: str, segments: list[Segment], clip: np.ndarray, *,
                 to_source_s: Callable[..., float] | None = None, n_speakers: int | None = None,
                 cancel: CancelToken | None = None,
                 on_progress: Callable[[float, float], None] | None = None) -> tuple[list[Segment], VoiceSummary]:
    """Diarize ``clip`` and give ``segments`` voices and roles; stores the interview's voices."""
    started = time.monotonic()
    options = DiarizeOptions(n_speakers=n_speakers)
    try:
        with SpeakerProcess() as proc:
            proc.start(cancel)
            diarization = proc.diarize(clip, options, on_progress=on_progress, cancel=cancel)
    except Cancelled:
        raise
    except CoreError as exc:
        log.warning("voices not found for interview=%s: %s", interview_id, type(exc).__name__)
        return segments, VoiceSummary("failed", elapsed_s=time.monotonic() - started, error=exc.user_message)
    return apply_diarization(vault, interview_id, segments, diarization, to_source_s=to_source_s,
                             started=started)


def apply_diarization(vault: Vault, interview_id: str, segments: list[Segment], diarization: Diarization, *,
                      to_source_s: Callable[..., float] | None = None, offset_ms: int = 0,
                      started: float | None = None) -> tuple[list[Segment], VoiceSummary]:
    """The pure-ish second half of ``label_voices`` (also used by live transcription's final pass)."""
    started = started if started is not None else time.monotonic()
    if not diarization.turns:
        return segments, VoiceSummary(diarization.method, elapsed_s=time.monotonic() - started)
    repo = VoiceRepo(vault)
    previous = repo.voices(interview_id)
    names = stable_names(diarization.centroids, previous)
    diarization = Diarization(
        [replace(t, voice=names[t.voice]) for t in map_turns(diarization.turns, to_source_s, offset_ms)],
        {names[v]: c for v, c in diarization.centroids.items()},
        {names[v]: s for v, s in diarization.speech_s.items()}, diarization.method, diarization.model,
        diarization.elapsed_s)
    voiced, splits = voice_segments(segments, diarization.turns)
    roles = decide_roles(vault, voiced, diarization, previous)
    voiced = apply_roles(voiced, roles)
    manual = {v.voice for v in previous if v.is_manual}
    repo.replace_voices(interview_id, [
        InterviewVoice(v, roles[v].role, roles[v].label, v in manual,
                       np.asarray(diarization.centroids[v], dtype=np.float32), diarization.speech_s.get(v, 0.0))
        for v in diarization.voices if v in roles])
    sources = {r.source for r in roles.values()}
    summary = VoiceSummary(
        diarization.method,
        [{"voice": v, "role": roles[v].role, "label": roles[v].label, "source": roles[v].source,
          "speech_s": diarization.speech_s.get(v, 0.0)} for v in diarization.voices if v in roles],
        splits, "sample" if "sample" in sources else (min(sources) if sources else ""),
        time.monotonic() - started)
    log.info("voices interview=%s method=%s voices=%d splits=%d roles=%s in %.2fs", interview_id,
             diarization.method, len(diarization.voices), splits, summary.role_source, summary.elapsed_s)
    return voiced, summary
