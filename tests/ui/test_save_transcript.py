"""Save as Word / PDF: the de-identified transcript after sign-off; real names only after a warning."""

from __future__ import annotations

from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def test_save_transcript_with_names_asks_first(qtbot, researcher_window, answers, files, tmp_path):
    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    TranscriptRepo(vault).create(iid, [Segment(0, 3000, "Kevin Walsh changes the rota every week.")])
    window.open_interview(iid, 2)
    wait_idle(qtbot)
    rv = window.review
    assert not rv.doc_button.isEnabled()                  # de-identified: after the sign-off
    assert rv.doc_names_button.isEnabled()
    files.save = tmp_path / "P-001-with-names.docx"
    answers.queue = [False]
    rv.doc_names_button.click()
    assert "NOT encrypted" in answers.asked[-1]
    wait_idle(qtbot)
    assert not files.save.exists()                        # "Cancel": nothing written
    answers.queue = [True]
    rv.doc_names_button.click()
    wait_idle(qtbot)
    from docx import Document
    assert "Kevin Walsh" in "\n".join(p.text for p in Document(str(files.save)).paragraphs)
    assert rv.job.label.text().startswith("Saved:")
