"""What the Transcript tab asks of the core, as plain functions run inside jobs.

Nothing here touches Qt; each function takes the vault first and runs on a worker thread.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

from core.errors import CoreError
from core.vault.memos import MemoRepo
from core.vault.tags import TagRepo
from core.vault.transcripts import Segment, TranscriptRepo


def load(vault: Any, interview_id: str) -> Any:
    from desktop.transcript.transcript_view import TranscriptData
    repo = TranscriptRepo(vault)
    transcript = repo.current(interview_id)
    data = TranscriptData(transcript=transcript)
    if transcript is not None:
        data.segments = [s for s in repo.segments(transcript.id) if not s.off_record]
        data.recording_id = transcript.recording_id
    data.tags = TagRepo(vault).list(interview_id)
    data.memos = MemoRepo(vault).list(interview_id)
    from core.tagging.service import interview_codebook
    data.themes = interview_codebook(vault, interview_id)  # theme names in the guide's language
    from core.vault.guides import GuideRepo
    stored = GuideRepo(vault).for_interview(interview_id)
    if stored is not None:
        for i, q in enumerate(stored.guide.questions(), 1):
            data.questions[q.id] = f"{i}. {q.text}"
    if data.recording_id is None:
        from core.vault.recordings import RecordingRepo
        latest = RecordingRepo(vault).latest(interview_id)
        data.recording_id = latest.id if latest else None
    return data


def suggest_themes(vault: Any, interview_id: str, report: Any, cancel: Any,
                   required: bool = False) -> Any:
    """Align questions and suggest themes (when the tagging capability is present)."""
    try:
        service = importlib.import_module("core.tagging.service")
    except ImportError as exc:
        if required:
            raise CoreError("Theme suggestions are not part of this build.",
                            "Add themes by hand: select words and press Add.") from exc
        return None
    # Embeddings run in a child process: loading torch in this one stalls the window
    # (decision 0073).
    from desktop.embed_process import shared_embedder
    return service.make_tag_job(vault, interview_id, embedder=shared_embedder())(report, cancel)


def set_text(vault: Any, segment_id: int, text: str) -> None:
    TranscriptRepo(vault).update_text(segment_id, text)


def set_speaker(vault: Any, segment_id: int, speaker: str) -> None:
    TranscriptRepo(vault).update_fields(segment_id, speaker=speaker)


def _segments_of(repo: TranscriptRepo, segment_id: int) -> tuple[int, list[Segment], int]:
    seg = repo.segment(segment_id)
    assert seg.transcript_id is not None
    segments = repo.segments(seg.transcript_id)
    index = next(i for i, s in enumerate(segments) if s.id == segment_id)
    return seg.transcript_id, segments, index


def split(vault: Any, segment_id: int, char_at: int) -> None:
    """Split a passage at a character; the time is shared in proportion to the text."""
    repo = TranscriptRepo(vault)
    tid, segments, i = _segments_of(repo, segment_id)
    seg = segments[i]
    text = seg.text
    if not 0 < char_at < len(text):
        raise CoreError("Put the cursor inside the passage where it should be split.",
                        "Click between two words, then press Split.")
    cut_ms = seg.start_ms + int((seg.end_ms - seg.start_ms) * char_at / len(text))
    first = dataclasses.replace(seg, text=text[:char_at].rstrip(), end_ms=cut_ms, is_edited=True,
                                words=[w for w in seg.words if w.end_ms <= cut_ms])
    second = dataclasses.replace(seg, id=None, text=text[char_at:].lstrip(), start_ms=cut_ms,
                                 is_edited=True, words=[w for w in seg.words if w.end_ms > cut_ms])
    repo.replace_segments(tid, segments[:i] + [first, second] + segments[i + 1:])


def snapshot(vault: Any, segment_id: int) -> tuple[int, list[Segment]]:
    """The whole transcript's segments before a split or merge (what undo puts back)."""
    tid, segments, _i = _segments_of(TranscriptRepo(vault), segment_id)
    return tid, segments


def restore(vault: Any, transcript_id: int, segments: list[Segment]) -> None:
    """Put a snapshot back. A segment a merge deleted comes back as a new row (its themes went
    with it); the rest keep their ids, so later text edits still find them."""
    repo = TranscriptRepo(vault)
    alive = {s.id for s in repo.segments(transcript_id)}
    repo.replace_segments(transcript_id, [s if s.id in alive else dataclasses.replace(s, id=None)
                                          for s in segments])


def split_undoable(vault: Any, segment_id: int, char_at: int) -> tuple[int, list[Segment]]:
    before = snapshot(vault, segment_id)
    split(vault, segment_id, char_at)
    return before


def merge_undoable(vault: Any, segment_id: int) -> tuple[int, list[Segment]]:
    before = snapshot(vault, segment_id)
    merge_with_next(vault, segment_id)
    return before


def merge_with_next(vault: Any, segment_id: int) -> None:
    repo = TranscriptRepo(vault)
    tid, segments, i = _segments_of(repo, segment_id)
    if i + 1 >= len(segments):
        raise CoreError("This is the last passage; there is nothing after it to join.",
                        "Choose an earlier passage.")
    a, b = segments[i], segments[i + 1]
    merged = dataclasses.replace(a, text=f"{a.text.rstrip()} {b.text.lstrip()}", end_ms=b.end_ms,
                                 words=a.words + b.words, is_edited=True)
    repo.replace_segments(tid, segments[:i] + [merged] + segments[i + 2:])


def accept_tag(vault: Any, tag_id: int) -> None:
    TagRepo(vault).accept(tag_id)


def reject_tag(vault: Any, tag_id: int) -> None:
    TagRepo(vault).reject(tag_id)


def add_theme(vault: Any, interview_id: str, segment_id: int, theme_id: str,
              start: int | None, end: int | None) -> None:
    TagRepo(vault).add_manual(interview_id, segment_id, theme_id, start, end)


def add_memo(vault: Any, interview_id: str, text: str, segment_id: int | None, shared: bool) -> None:
    MemoRepo(vault).add(interview_id, text, segment_id=segment_id, is_shared=shared)


def read_audio(vault: Any, recording_id: int) -> Any:
    from core.audio.source import read_audio as read
    return read(vault, recording_id)
