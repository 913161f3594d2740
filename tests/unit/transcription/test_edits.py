"""Split, join and undo of a transcript: one core service behind the Transcript tab and the CLI."""

from __future__ import annotations

import pytest

from core.cli import main
from core.errors import InvalidInput
from core.transcription.edits import join_with_next, restore, split
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import PASSPHRASE

TEXTS = ["We start at six and the line never stops.", "Breaks are short.", "Pay is late again."]


@pytest.fixture
def transcript(vault, interview):
    TranscriptRepo(vault).create(interview.id, [Segment(i * 4000, i * 4000 + 3800, t) for i, t in enumerate(TEXTS)])
    return interview


def _texts(vault, interview) -> list[str]:
    return [s.text for s in TranscriptRepo(vault).current_segments(interview.id)]


def test_split_then_undo_puts_the_transcript_back(vault, transcript):
    first = TranscriptRepo(vault).current_segments(transcript.id)[0]
    before = split(vault, first.id, TEXTS[0].index("and"))
    segments = TranscriptRepo(vault).current_segments(transcript.id)
    assert [s.text for s in segments[:2]] == ["We start at six", "and the line never stops."]
    assert segments[0].end_ms == segments[1].start_ms and all(s.is_edited for s in segments[:2])
    restore(vault, before)
    assert _texts(vault, transcript) == TEXTS


def test_join_then_undo_and_the_last_passage_cannot_join(vault, transcript):
    segments = TranscriptRepo(vault).current_segments(transcript.id)
    before = join_with_next(vault, segments[1].id)
    assert _texts(vault, transcript) == [TEXTS[0], "Breaks are short. Pay is late again."]
    restore(vault, before)
    assert _texts(vault, transcript) == TEXTS
    last = TranscriptRepo(vault).current_segments(transcript.id)[-1]
    with pytest.raises(InvalidInput):
        join_with_next(vault, last.id)
    with pytest.raises(InvalidInput):
        split(vault, last.id, 0)


def test_the_cli_edits_through_the_same_service(vault, transcript, tmp_path, capsys):
    ids = [s.id for s in TranscriptRepo(vault).current_segments(transcript.id)]
    folder = vault.folder
    vault.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")

    def run(*argv: str) -> int:
        return main(["--vault", str(folder), "--passphrase-file", str(pw), *argv])

    assert run("transcript", "join", str(ids[0])) == 0
    assert "3 passages" not in capsys.readouterr().out
    assert run("transcript", "split", str(ids[0]), str(len(TEXTS[0]) + 1)) == 0
    assert "3 passages" in capsys.readouterr().out
    assert run("transcript", "join", str(ids[-1])) == 1  # the last passage: a reason, not a traceback
    assert "nothing after it to join" in capsys.readouterr().err
