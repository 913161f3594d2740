"""Typing up is one job: transcript, question headings, speakers and theme suggestions."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from core.audio.importer import make_import_job
from core.jobs import run_job
from core.vault.transcripts import TranscriptRepo
from tests.conftest import JFK_FLAC
from tests.ui.conftest import wait_idle


@pytest.mark.slow
def test_type_it_up_yields_headings_and_suggestions_in_one_job(qtbot, researcher_window):
    if not JFK_FLAC.exists():
        pytest.fail("test data missing: jfk.flac")
    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    run_job(make_import_job(vault, iid, JFK_FLAC))
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    tv = window.transcript
    tv.transcribe_button.click()
    handle = tv.job.handle
    assert handle is not None and handle.name == "transcribe"
    seen = []
    handle.progressed.connect(seen.append)
    wait_idle(qtbot, 300000)
    stages = [p.stage for p in seen]
    fractions = [p.fraction for p in seen]
    # Progress reaches the UI at most ~10 times a second, so a quick later stage (themes
    # already loaded earlier in the process) may never be shown: assert the first stage
    # here and the outcome of the later ones below (headings and suggestions).
    assert "Transcribing" in stages
    assert fractions == sorted(fractions), list(zip(stages, fractions))  # one bar, never going back
    assert tv.job.label.text() == "Typed up, with the questions and suggested themes."
    assert not tv.job.bar.isVisible()
    # Question headings and speakers came with it; nothing else had to be pressed.
    headings = [w.text() for w in tv.body.findChildren(QLabel) if w.property("heading") == "2"]
    assert headings and any(h[:2] in ("1.", "2.", "3.") or h.startswith("Before") for h in headings)
    # The tag step of the same job ran to its end: it marked every segment's speaker. JFK's line
    # is no interview answer: since decision 0255 it asks no guide question, so no theme need be
    # suggested for it (suggestions from real answers are tested on the tagging path itself).
    segments = TranscriptRepo(vault).current_segments(iid)
    assert segments and all(s.speaker for s in segments), [(s.speaker, s.text) for s in segments]
