"""Structural edits of a transcript a researcher makes while listening: split a passage in
two, join it with the next, and undo either by putting back a snapshot.

The desktop's Transcript tab and `confidant transcript split|join` call these, so both edit a
transcript the same way. Each edit rewrites the transcript's segments in one transaction
(``TranscriptRepo.replace_segments``); an edited passage is flagged ``is_edited`` so a later
re-transcription keeps it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from core.errors import InvalidInput, Msg
from core.vault.db import Vault
from core.vault.transcripts import Segment, TranscriptRepo


@dataclass(frozen=True)
class Snapshot:
    """A transcript's segments before a structural edit (what undo puts back)."""

    transcript_id: int
    segments: tuple[Segment, ...]


def _segments_of(repo: TranscriptRepo, segment_id: int) -> tuple[int, list[Segment], int]:
    seg = repo.segment(segment_id)
    if seg is None or seg.transcript_id is None:
        raise InvalidInput(Msg("transcription.passage_not_transcript_any"),
                           Msg("transcription.passage_not_transcript_any.hint"))
    segments = repo.segments(seg.transcript_id)
    index = next(i for i, s in enumerate(segments) if s.id == segment_id)
    return seg.transcript_id, segments, index


def snapshot(vault: Vault, segment_id: int) -> Snapshot:
    """The whole transcript (of this passage) as it is now."""
    tid, segments, _i = _segments_of(TranscriptRepo(vault), segment_id)
    return Snapshot(tid, tuple(segments))


def split(vault: Vault, segment_id: int, char_at: int) -> Snapshot:
    """Split a passage at a character; the time is shared in proportion to the text.

    Returns the snapshot from before, for undo."""
    repo = TranscriptRepo(vault)
    tid, segments, i = _segments_of(repo, segment_id)
    before = Snapshot(tid, tuple(segments))
    seg = segments[i]
    text = seg.text
    if not 0 < char_at < len(text):
        raise InvalidInput(Msg("transcription.put_cursor_inside_passage"),
                           Msg("transcription.put_cursor_inside_passage.hint"))
    cut_ms = seg.start_ms + int((seg.end_ms - seg.start_ms) * char_at / len(text))
    first = dataclasses.replace(seg, text=text[:char_at].rstrip(), end_ms=cut_ms, is_edited=True,
                                words=[w for w in seg.words if w.end_ms <= cut_ms])
    second = dataclasses.replace(seg, id=None, text=text[char_at:].lstrip(), start_ms=cut_ms,
                                 is_edited=True, words=[w for w in seg.words if w.end_ms > cut_ms])
    repo.replace_segments(tid, segments[:i] + [first, second] + segments[i + 1:])
    return before


def join_with_next(vault: Vault, segment_id: int) -> Snapshot:
    """Join a passage with the one after it; returns the snapshot from before, for undo."""
    repo = TranscriptRepo(vault)
    tid, segments, i = _segments_of(repo, segment_id)
    if i + 1 >= len(segments):
        raise InvalidInput(Msg("transcription.last_passage_nothing_after"),
                           Msg("transcription.last_passage_nothing_after.hint"))
    before = Snapshot(tid, tuple(segments))
    a, b = segments[i], segments[i + 1]
    merged = dataclasses.replace(a, text=f"{a.text.rstrip()} {b.text.lstrip()}", end_ms=b.end_ms,
                                 words=a.words + b.words, is_edited=True)
    repo.replace_segments(tid, segments[:i] + [merged] + segments[i + 2:])
    return before


def restore(vault: Vault, before: Snapshot) -> None:
    """Put a snapshot back. A segment a join deleted comes back as a new row (its themes went
    with it); the rest keep their ids, so later text edits still find them."""
    repo = TranscriptRepo(vault)
    alive = {s.id for s in repo.segments(before.transcript_id)}
    repo.replace_segments(before.transcript_id, [s if s.id in alive else dataclasses.replace(s, id=None)
                                                 for s in before.segments])
