"""Transcript tab: split and merge share one undo stack with text edits; playback speed keeps pitch."""

from __future__ import annotations

import numpy as np

from tests.ui.conftest import wait_idle


def _with_transcript(qtbot, window, texts):
    from core.vault.transcripts import Segment, TranscriptRepo
    segs = [Segment(i * 2000, i * 2000 + 2000, t) for i, t in enumerate(texts)]
    TranscriptRepo(window.ctx.session.vault).create(window.test_interview_id, segs)
    window.open_interview(window.test_interview_id, 1)
    wait_idle(qtbot)
    view = window.transcript
    qtbot.waitUntil(lambda: len(view.widgets) == len(texts), timeout=10000)
    return view


def _texts(window):
    from core.vault.transcripts import TranscriptRepo
    return [s.text for s in TranscriptRepo(window.ctx.session.vault).current_segments(window.test_interview_id)]


def _settle(qtbot, view, n):
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: len(view.widgets) == n, timeout=10000)


def test_split_merge_and_text_edits_undo_in_order(qtbot, researcher_window):
    window = researcher_window
    view = _with_transcript(qtbot, window, ["one two three four", "five six"])
    first = view.widgets[0]
    first.text.setFocus()
    view.current = first
    first.text.setPlainText("one two THREE four")
    cursor = first.text.textCursor()
    cursor.setPosition(len("one two"))
    first.text.setTextCursor(cursor)
    view.split_button.click()                      # commits the text edit, then splits
    _settle(qtbot, view, 3)
    assert _texts(window) == ["one two", "THREE four", "five six"]
    assert view.undo_stack.count() == 2
    view.current = view.widgets[1]
    view.merge_button.click()
    _settle(qtbot, view, 2)
    assert _texts(window) == ["one two", "THREE four five six"]
    view.undo_stack.undo()                         # undo the merge
    _settle(qtbot, view, 3)
    assert _texts(window) == ["one two", "THREE four", "five six"]
    view.undo_stack.undo()                         # undo the split
    _settle(qtbot, view, 2)
    assert _texts(window) == ["one two THREE four", "five six"]
    view.undo_stack.undo()                         # undo the text edit
    wait_idle(qtbot)
    assert _texts(window) == ["one two three four", "five six"]
    view.undo_stack.redo()
    view.undo_stack.redo()                         # redo the split
    _settle(qtbot, view, 3)
    assert _texts(window) == ["one two", "THREE four", "five six"]


def test_playback_at_higher_speed_keeps_the_pitch(qtbot, researcher_window):
    """1.5x through the transcript player is stretched (WSOLA), not resampled: a 300 Hz tone
    stays near 300 Hz instead of rising to 450 Hz."""
    from core.audio.fake import FakeOutputStream
    streams = []

    def factory(**kwargs):
        stream = FakeOutputStream(speed=20.0, **kwargs)
        streams.append(stream)
        return stream

    from desktop.transcript.player import Player
    player = Player(factory)
    t = np.arange(16000 * 4) / 16000
    player.set_audio((0.5 * np.sin(2 * np.pi * 300 * t)).astype(np.float32))
    player.speed = 1.5
    player.play()
    qtbot.waitUntil(lambda: streams and len(streams[0].played()) > 16000, timeout=10000)
    player.close()
    played = streams[0].played()
    played = played[np.abs(played) > 0][:16000]
    spectrum = np.abs(np.fft.rfft(played * np.hanning(len(played))))
    peak_hz = np.argmax(spectrum) * 16000 / len(played)
    assert abs(peak_hz - 300) < 20, peak_hz
