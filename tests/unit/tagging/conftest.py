"""Tagging fixtures: the real sentence model (loaded once per session) and transcripts built
from turns with word timings, as the transcription engine stores them."""

from __future__ import annotations

import pytest

from core.vault.transcripts import Segment, Word

WORD_MS = 380


@pytest.fixture(scope="session")
def embedder():
    from core.tagging.embed import MiniLMEmbedder
    e = MiniLMEmbedder()
    e.encode(["warm up"])  # load once for the whole session
    return e


def build_segments(turns: list[str], start_ms: int = 0) -> list[Segment]:
    """One segment per turn; words evenly timed (WORD_MS each)."""
    out, t = [], start_ms
    for text in turns:
        words = []
        for token in text.split():
            words.append(Word(t, t + WORD_MS - 40, " " + token, 0.9))
            t += WORD_MS
        out.append(Segment(start_ms=words[0].start_ms, end_ms=words[-1].end_ms, text=text, words=words))
        t += 600
    return out


@pytest.fixture
def guided_interview(vault):
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    repo = GuideRepo(vault)
    repo.ensure_defaults()
    return InterviewRepo(vault).create("P-001", "SITE-A", guide_pk=repo.resolve("job-quality").pk)
