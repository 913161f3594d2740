"""From engine output to vault segments, and keeping the researcher's edits on re-transcription.

Engine times are on the clock of the clip the engine saw (off-the-record spans cut out); here
they go back to the recording's clock. Re-transcribing makes a new current transcript; each
segment the researcher edited is carried over in place of the new segments it overlaps,
unless they chose to discard their edits. Speakers they assigned are carried by overlap.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from core.transcription.engine import RawSegment
from core.transcription.guardrails import confidence, flag_all
from core.transcription.timemap import TimeMap
from core.vault.db import Vault
from core.vault.transcripts import Segment, Transcript, TranscriptRepo, Word

FLAG_KEPT_EDIT = "kept_edit"  # a researcher's edit carried over from an earlier transcript
FLAG_VOICE_MANUAL = "voice_manual"  # = core.speakers.assign: a person moved it to a voice


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def to_segments(raw: list[RawSegment], timemap: TimeMap | None = None, *, offset_s: float = 0.0) -> list[Segment]:
    """Vault segments on the recording's clock (``offset_s`` + clip time mapped through ``timemap``)."""

    def clock(t: float, is_end: bool = False) -> int:
        return _ms(offset_s + (timemap.to_source_s(t, is_end=is_end) if timemap is not None else t))

    out: list[Segment] = []
    for seg, flags in zip(raw, flag_all(raw)):
        if not seg.text.strip():
            continue
        words = [Word(clock(w.start_s), clock(w.end_s, True), w.word, round(w.probability, 4)) for w in seg.words]
        start, end = clock(seg.start_s), clock(seg.end_s, True)
        out.append(Segment(start_ms=start, end_ms=max(start, end), text=seg.text.strip(),
                           avg_logprob=seg.avg_logprob, no_speech_prob=seg.no_speech_prob,
                           confidence=round(confidence(seg), 4), words=words, flags=flags,
                           original_text=seg.text.strip()))
    return out


def _overlap(a: Segment, b: Segment) -> int:
    return max(0, min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms))


def carry_edits(old: list[Segment], new: list[Segment]) -> list[Segment]:
    """``new`` with every edited ``old`` segment put back in place of what it overlaps.

    A passage a person moved to another voice counts as their version too (re-runs never
    lose manual changes)."""
    edited = [s for s in old if s.is_edited or FLAG_VOICE_MANUAL in s.flags]
    result: list[Segment] = []
    for seg in new:
        mid = (seg.start_ms + seg.end_ms) // 2
        if any(e.start_ms <= mid <= e.end_ms or _overlap(e, seg) * 2 > max(1, seg.end_ms - seg.start_ms)
               for e in edited):
            continue  # replaced by the researcher's version below
        if not seg.speaker:
            best = max(old, key=lambda o: _overlap(o, seg), default=None)
            if best is not None and best.speaker and _overlap(best, seg) > 0:
                seg = dataclasses.replace(seg, speaker=best.speaker)
        result.append(seg)
    for e in edited:
        result.append(dataclasses.replace(e, id=None, transcript_id=None,
                                          flags=sorted(set(e.flags) | {FLAG_KEPT_EDIT})))
    result.sort(key=lambda s: (s.start_ms, s.end_ms))
    return result


def save_transcript(vault: Vault, interview_id: str, segments: list[Segment], *, recording_id: int | None,
                    engine: str, model: str, model_sha256: str, language: str, options: dict[str, Any],
                    keep_edits: bool = True) -> Transcript:
    """Store a new current transcript; carries the previous one's edits unless told not to."""
    from core.audio.takes import becomes_current

    repo = TranscriptRepo(vault)
    make_current = becomes_current(vault, interview_id, recording_id)
    previous = repo.current(interview_id)
    if previous is not None and previous.recording_id != recording_id and recording_id is not None:
        # Another take: carry that take's own earlier transcript's edits, never the current one's.
        previous = repo.latest_for_recording(recording_id)
    kept = 0
    if previous is not None and keep_edits:
        old = repo.segments(previous.id)
        kept = sum(1 for s in old if s.is_edited)
        if any(s.is_edited or s.speaker or FLAG_VOICE_MANUAL in s.flags for s in old):
            segments = carry_edits(old, segments)
    transcript = repo.create(interview_id, segments, recording_id=recording_id, source="engine",
                             engine=engine, model=model, model_sha256=model_sha256, language=language,
                             options={**options, "kept_edits": kept}, make_current=make_current)
    return transcript
