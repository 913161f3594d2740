"""The tagging job: align the current transcript with the guide, then suggest themes.

Human decisions survive every re-run: accepted and rejected tags are never touched (a
rejected suggestion is not made again), a question a person set on a segment (flag
``question_manual``) stays, and a speaker a person or an imported transcript set stays
(only speakers this job set itself, flag ``speaker_auto``, are worked out again).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

from core.errors import InvalidInput, Msg
from core.guide.model import Guide
from core.jobs import CancelToken, Progress, ReportFn
from core.tagging.embed import Embedder, default_embedder, embedder_for
from core.tagging.questions import (
    SPEAKER_AUTO,
    Alignment,
    align_by_wording,
    align_with_markers,
    boundaries_from_markers,
)
from core.tagging.suggest import DEFAULT_THRESHOLD, ThemeIndex, suggest
from core.vault.db import Vault
from core.vault.guides import GuideRepo, StoredGuide, default_guide_id
from core.vault.interviews import InterviewRepo
from core.vault.tags import TagRepo
from core.vault.themes import Theme, ThemeRepo
from core.vault.transcripts import Segment, TranscriptRepo

log = logging.getLogger(__name__)

QUESTION_MANUAL = "question_manual"


@dataclass(frozen=True)
class TagSummary:
    interview_id: str
    guide: str                 # id@version
    method: str                # markers | wording
    segments: int
    splits: int
    questions_placed: int
    questions_total: int
    suggested: int             # suggestions now waiting for review
    added: int
    removed: int
    kept: int                  # human decisions left as they were
    seconds: float


def guide_for(vault: Vault, interview_id: str, language: str = "") -> StoredGuide:
    """The interview's guide; an interview without one gets the default guide for its
    language, recorded on the interview so later runs use the same version."""
    repo = GuideRepo(vault)
    stored = repo.for_interview(interview_id)
    if stored is not None:
        return stored
    repo.ensure_defaults()
    stored = repo.resolve(default_guide_id(language))
    InterviewRepo(vault).set_guide(interview_id, stored.pk)
    log.info("interview %s had no guide; using %s", interview_id, stored.guide.ref)
    return stored


def localised_codebook(vault: Vault, guide: Guide) -> list[Theme]:
    """The vault's codebook in the guide's language: a theme the researcher has not renamed
    (its label is still one a guide gave it) shows the guide's label, description and
    examples, so a Spanish interview is tagged and shown with Spanish theme names."""
    themes = ThemeRepo(vault).list()
    own = {t.id: t for t in guide.themes}
    guide_labels: dict[str, set[str]] = {}
    for stored in GuideRepo(vault).list():
        for t in stored.guide.themes:
            guide_labels.setdefault(t.id, set()).add(t.label)
    out = []
    for t in themes:
        g = own.get(t.id)
        if g is not None and t.label in guide_labels.get(t.id, set()) and t.label != g.label:
            t = replace(t, label=g.label, description=g.description, examples=list(g.examples))
        out.append(t)
    return out


def interview_codebook(vault: Vault, interview_id: str) -> list[Theme]:
    """The codebook as this interview's screens should show it (its guide's language)."""
    stored = GuideRepo(vault).for_interview(interview_id)
    return localised_codebook(vault, stored.guide) if stored is not None else ThemeRepo(vault).list()


def _markers(vault: Vault, recording_id: int | None) -> list[object]:
    if recording_id is None:
        return []
    from core.vault.recordings import RecordingRepo
    return list(RecordingRepo(vault).markers(recording_id))


def align(vault: Vault, segments: list[Segment], guide: Guide, recording_id: int | None,
          embedder: Embedder | None) -> Alignment:
    """Markers when the recording has next-question markers, else the guide's wording."""
    prepared = [replace(s, speaker="") if SPEAKER_AUTO in s.flags else s for s in segments]
    boundaries = boundaries_from_markers(_markers(vault, recording_id), guide)
    if boundaries:
        result = align_with_markers(prepared, boundaries, guide, embedder)
    else:
        result = align_by_wording(prepared, guide, embedder)
    for i, seg in enumerate(result.segments):
        if QUESTION_MANUAL in seg.flags and seg.id is not None:
            old = next(s for s in segments if s.id == seg.id)
            result.segments[i] = replace(seg, question_id=old.question_id, question_score=old.question_score)
    return result


def _store(repo: TranscriptRepo, transcript_id: int, result: Alignment) -> list[Segment]:
    """Write the alignment back: splits first (one transaction), then changed fields only."""
    if result.splits:
        repo.replace_segments(transcript_id, result.segments)
    stored = repo.segments(transcript_id)
    for seg, new in zip(stored, result.segments):
        fields: dict[str, object] = {}
        if (new.question_id, new.question_score) != (seg.question_id, seg.question_score):
            fields.update(question_id=new.question_id, question_score=new.question_score)
        if new.speaker != seg.speaker:
            fields["speaker"] = new.speaker
        if new.flags != seg.flags:
            fields["flags"] = new.flags
        if fields:
            repo.update_fields(seg.id, **fields)  # type: ignore[arg-type]
    return repo.segments(transcript_id)


def make_tag_job(vault: Vault, interview_id: str, *, embedder: Embedder | None = None,
                 threshold: float | None = None):  # -> Job[TagSummary]
    """Align questions and suggest themes for the interview's current transcript.

    The guide's language picks the sentence model: ``embedder`` (MiniLM, often in a child
    process) serves English; any other language gets the multilingual model (decision 0131).
    ``threshold``: None for the model's own (MiniLM 0.4; multilingual e5 0.45).
    """

    def job(report: ReportFn, cancel: CancelToken) -> TagSummary:
        started = time.monotonic()
        transcripts = TranscriptRepo(vault)
        transcript = transcripts.require_current(interview_id)
        segments = transcripts.segments(transcript.id)
        if not segments:
            raise InvalidInput(Msg("tagging.interview_transcript_empty_nothing"),
                               Msg("tagging.interview_transcript_empty_nothing.hint"))
        stored = guide_for(vault, interview_id, transcript.language)
        guide = stored.guide
        report(Progress(0, 4, "Loading the theme model"))
        language = (guide.language or transcript.language or "en").lower().split("-")[0]
        emb = (embedder or default_embedder()) if language == "en" else embedder_for(language)
        limit = threshold if threshold is not None else float(getattr(emb, "suggest_threshold", DEFAULT_THRESHOLD))
        cancel.raise_if_cancelled()
        report(Progress(1, 4, "Finding the questions"))
        result = align(vault, segments, guide, transcript.recording_id, emb)
        cancel.raise_if_cancelled()
        segments = _store(transcripts, transcript.id, result)
        report(Progress(2, 4, "Suggesting themes"))
        themes = ThemeRepo(vault)
        codebook = localised_codebook(vault, guide)
        known = {t.id for t in themes.list(include_merged=True)}
        expected = {q.id: [themes.resolve(t) for t in q.themes if t in known] for q in guide.questions()}
        index = ThemeIndex(codebook, emb)
        speakers = ["off_record" if s.off_record else s.speaker for s in segments]
        found = suggest([s.text for s in segments], [s.question_id for s in segments], speakers,
                        expected, index, emb, limit)
        cancel.raise_if_cancelled()
        report(Progress(3, 4, "Saving suggestions"))
        tags = TagRepo(vault)
        counts = tags.replace_suggestions(
            interview_id, [(segments[s.segment].id, s.code_id, s.score) for s in found])  # type: ignore[misc]
        tags.reanchor(interview_id)
        InterviewRepo(vault).advance_state(interview_id, "tagged")
        waiting = len(tags.list(interview_id, state="suggested"))
        summary = TagSummary(interview_id, guide.ref, result.method, len(segments), result.splits,
                             len(result.placed), len(guide.questions()), waiting, counts["added"],
                             counts["removed"], counts["kept"], round(time.monotonic() - started, 2))
        vault.audit("interview_tagged", {"interview": interview_id, "method": result.method,
                                         "segments": len(segments), "suggested": waiting,
                                         "kept": counts["kept"]})
        log.info("tagged interview=%s method=%s segments=%d placed=%d/%d suggested=%d in %.2fs",
                 interview_id, result.method, len(segments), len(result.placed), len(guide.questions()),
                 waiting, summary.seconds)
        report(Progress(4, 4, "Done"))
        return summary

    return job


def set_question(vault: Vault, segment_id: int, question_id: str | None) -> None:
    """A person ties a segment to a question; later runs keep it."""
    repo = TranscriptRepo(vault)
    seg = repo.segment(segment_id)
    flags = seg.flags if QUESTION_MANUAL in seg.flags else [*seg.flags, QUESTION_MANUAL]
    repo.update_fields(segment_id, question_id=question_id, question_score=1.0, flags=flags)


def set_speaker(vault: Vault, segment_id: int, speaker: str) -> None:
    """A person says who spoke; later runs keep it."""
    if speaker not in ("interviewer", "participant", ""):
        raise InvalidInput(Msg("tagging.not_speaker", speaker=speaker), Msg("tagging.not_speaker.hint"))
    repo = TranscriptRepo(vault)
    seg = repo.segment(segment_id)
    # voice_manual: a re-transcription puts this passage back as the person left it (#17).
    flags = [f for f in seg.flags if f not in (SPEAKER_AUTO, "speaker_voice", "voice_manual")]
    repo.update_fields(segment_id, speaker=speaker, flags=[*flags, "voice_manual"])


def move_to_question(vault: Vault, segment_id: int, question_id: str | None) -> None:
    """A person says which question a passage answers (None: before the first question).

    Flagged ``question_manual``, so a later tagging run keeps it where the person put it.
    """
    repo = TranscriptRepo(vault)
    seg = repo.segment(segment_id)
    flags = sorted(set(seg.flags) | {QUESTION_MANUAL})
    repo.update_fields(segment_id, question_id=question_id, question_score=1.0, flags=flags)
