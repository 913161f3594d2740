"""A second recording never hides earlier work; nothing on the Record screen moves while recording."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint

from core.audio import codec
from core.audio.fake import fake_input_factory
from core.transcription.store import save_transcript
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import JFK_FLAC
from tests.ui.conftest import wait_idle


def _first_take(vault, iid: str) -> int:
    """A recorded, typed-up first take (what an hour of work on the interview rests on)."""
    repo = RecordingRepo(vault)
    rec = repo.create(iid, "mic")
    block = np.zeros(16000, dtype=np.float32)
    for i in range(3):
        repo.add_chunk(rec.id, i, i * 16000, 16000, codec.encode(block, rec.codec))
    repo.finish(rec.id)
    save_transcript(vault, iid, [Segment(0, 3000, "We talked about the night shifts.")], recording_id=rec.id,
                    engine="faster-whisper", model="tiny.en", model_sha256="", language="en", options={})
    return rec.id


def _texts(window) -> list[str]:
    return [w.text.toPlainText() for w in window.transcript.widgets]


def test_second_take_warns_and_keeps_the_transcript_until_chosen(qtbot, researcher_window, answers,
                                                                 files, jfk_signal):
    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    _first_take(vault, iid)
    window.ctx.overrides["stream_factory"] = fake_input_factory(jfk_signal, speed=1.0)
    window.open_interview(iid, 0)
    wait_idle(qtbot)
    answers.queue = [False]                      # "Cancel": nothing starts
    window.record.record_button.click()
    assert "Take 2" in answers.asked[-1] and "stay as they are" in answers.asked[-1]
    wait_idle(qtbot)
    assert window.record.recorder is None
    answers.queue = [True]                       # "Record Take 2"
    window.record.record_button.click()
    qtbot.waitUntil(lambda: window.record.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.record.recorder.elapsed_s > 1.0, timeout=10000)
    window.record.stop_recording()
    wait_idle(qtbot, 30000)
    second = RecordingRepo(vault).latest(iid).id

    # An audio file brought in now would be Take 3: it asks the same way.
    files.opens = [JFK_FLAC]
    answers.queue = [False]
    window.record.import_button.click()
    assert "Take 3" in answers.asked[-1]
    wait_idle(qtbot)
    assert len(RecordingRepo(vault).for_interview(iid)) == 2

    window.open_interview(iid, 1)
    wait_idle(qtbot)
    assert _texts(window) == ["We talked about the night shifts."]   # the first take's work is still there
    bar = window.transcript.takes
    assert bar.isVisible() and bar.combo.count() == 2
    assert "in use" in bar.combo.itemText(0) and "not typed up" in bar.combo.itemText(1)
    bar.combo.setCurrentIndex(1)
    assert not bar.use_button.isEnabled()        # nothing to switch to until it is typed up

    # Typing up Take 2 (as the transcribe job stores it) still leaves Take 1 in front...
    t2 = save_transcript(vault, iid, [Segment(0, 1000, "A short second take.")], recording_id=second,
                         engine="faster-whisper", model="tiny.en", model_sha256="", language="en", options={})
    assert not t2.is_current
    window.transcript.reload()
    wait_idle(qtbot)
    assert _texts(window) == ["We talked about the night shifts."]
    assert "typed up" in bar.combo.itemText(1)
    # ...until the person chooses it; Take 1 is kept and can be chosen back.
    bar.combo.setCurrentIndex(1)
    assert bar.use_button.isEnabled()
    bar.use_button.click()
    wait_idle(qtbot)
    assert _texts(window) == ["A short second take."]
    assert len(TranscriptRepo(vault).for_interview(iid)) >= 2
    bar.combo.setCurrentIndex(0)
    bar.use_button.click()
    wait_idle(qtbot)
    assert _texts(window) == ["We talked about the night shifts."]


def _geometry(view) -> dict[str, tuple[int, int, int, int]]:
    out = {}
    for name in ("record_button", "pause_button", "off_button"):
        w = getattr(view, name)
        top_left = w.mapTo(view.window(), QPoint(0, 0))
        out[name] = (top_left.x(), top_left.y(), w.width(), w.height())
    nxt = view.guide_panel.next_button
    p = nxt.mapTo(view.window(), QPoint(0, 0))
    out["next_button"] = (p.x(), p.y(), nxt.width(), nxt.height())
    return out


def test_off_the_record_moves_no_button(qtbot, researcher_window, jfk_signal):
    window = researcher_window
    window.ctx.overrides["stream_factory"] = fake_input_factory(jfk_signal, speed=1.0)
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    view = window.record
    view.record_button.click()
    qtbot.waitUntil(lambda: view.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: view.recorder.elapsed_s > 0.5, timeout=10000)
    qtbot.wait(50)
    before = _geometry(view)
    view.off_button.click()
    qtbot.waitUntil(lambda: view.off_banner.isVisible(), timeout=2000)
    qtbot.wait(50)
    assert _geometry(view) == before              # Stop recording did not slide under the finger
    view.warning.setText("We hear nothing. Check the microphone is plugged in and not muted.")
    qtbot.wait(50)
    assert _geometry(view) == before
    view.off_button.click()
    qtbot.wait(50)
    assert not view.off_banner.isVisible()
    assert _geometry(view) == before
    view.pause_button.click()                    # "Pause" becomes "Continue"
    qtbot.wait(50)
    assert _geometry(view) == before
    view.jump_to(3)                              # a question with other words in the panel
    qtbot.wait(50)
    assert _geometry(view) == before
