"""What the Transcript tab asks of the core, as plain functions run inside jobs.

Nothing here touches Qt; each function takes the vault first and runs on a worker thread.
Splitting, joining and undoing them are core's (``core.transcription.edits``, also behind
`confidant transcript split|join`); this module only names them for the view.
"""

from __future__ import annotations

from typing import Any

from core.transcription.edits import join_with_next as merge_undoable
from core.transcription.edits import restore
from core.transcription.edits import split as split_undoable
from core.vault.memos import MemoRepo
from core.vault.tags import TagRepo
from core.vault.transcripts import TranscriptRepo


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
    from core.speakers.edits import voices
    data.voices = voices(vault, interview_id)
    from core.speakers.sample import has_sample
    data.has_voice_sample = has_sample(vault)
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
    """Align questions and suggest themes (``required`` is kept for the callers' signature)."""
    # Embeddings run in a child process: loading torch in this one stalls the window
    # (decision 0073).
    from core.tagging.embed_process import shared_embedder
    from core.tagging.service import make_tag_job
    return make_tag_job(vault, interview_id, embedder=shared_embedder())(report, cancel)


__all__ = ["merge_undoable", "restore", "split_undoable"]  # core's, named for the view


def set_text(vault: Any, segment_id: int, text: str) -> None:
    TranscriptRepo(vault).update_text(segment_id, text)


def set_speaker(vault: Any, segment_id: int, speaker: str) -> None:
    from core.tagging.service import set_speaker as core_set_speaker
    core_set_speaker(vault, segment_id, speaker)  # kept on re-transcription (flag voice_manual)


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
