"""Conversations do not follow the guide: pick the question being answered, move a passage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.audio.fake import fake_input_factory
from core.vault.guides import GuideRepo
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def _question_ids(window) -> list[str]:
    stored = GuideRepo(window.ctx.session.vault).for_interview(window.test_interview_id)
    return [q.id for q in stored.guide.questions()]


def test_pick_any_question_while_recording(qtbot, researcher_window, jfk_signal):
    window = researcher_window
    qids = _question_ids(window)
    window.ctx.overrides["stream_factory"] = fake_input_factory(jfk_signal, speed=1.0)
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    view = window.record
    assert not view.guide_panel.jump.isEnabled()          # only while recording
    view.record_button.click()
    qtbot.waitUntil(lambda: view.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: view.recorder.elapsed_s > 0.3, timeout=10000)
    assert view.guide_panel.jump.isEnabled() and view.guide_panel.jump.count() == len(qids) + 1
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_3)                   # the third question, out of order
    qtbot.waitUntil(lambda: view.guide_panel.current_id == qids[2], timeout=2000)
    qtbot.wait(300)
    view.jump_to(2)                                       # back to the second
    assert view.guide_panel.current_id == qids[1]
    assert view.guide_panel.position.text().startswith("Question 2 of")
    qtbot.wait(300)
    rid = view.recorder.recording_id
    view.stop_recording()
    wait_idle(qtbot, 30000)
    marks = [m.question_id for m in RecordingRepo(window.ctx.session.vault).markers(rid)
             if m.kind == "next_question"]
    assert marks == [qids[0], qids[2], qids[1]]


def test_move_a_passage_to_another_question(qtbot, researcher_window):
    window = researcher_window
    qids = _question_ids(window)
    vault, iid = window.ctx.session.vault, window.test_interview_id
    TranscriptRepo(vault).create(iid, [
        Segment(0, 2000, "We start at six.", question_id=qids[0]),
        Segment(2000, 4000, "And the pay is not enough.", question_id=qids[0]),
    ])
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    tv = window.transcript
    tv.widgets[1].text.setFocus()
    qtbot.waitUntil(lambda: tv.current is tv.widgets[1], timeout=2000)
    target = tv.move_question.findData(qids[3])
    assert target > 0
    tv.move_question.setCurrentIndex(target)
    tv.move_question.activated.emit(target)              # what choosing it in the list sends
    wait_idle(qtbot)
    seg = TranscriptRepo(vault).current_segments(iid)[1]
    assert seg.question_id == qids[3] and "question_manual" in seg.flags
    headings = [w.text() for w in tv.body.findChildren(QLabel) if w.property("heading") == "2"]
    assert headings[-1].startswith("4.")                 # the passage now sits under question 4
