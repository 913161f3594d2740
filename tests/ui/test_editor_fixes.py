"""The transcript editor: fixes save as you type, nothing shifts, themes code the selection,
notes say which passage, several speakers at once; job status lines never go stale."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from core.errors import CoreError
from core.vault.tags import TagRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def _open(qtbot, window, n: int = 40):
    vault, iid = window.ctx.session.vault, window.test_interview_id
    TranscriptRepo(vault).create(iid, [Segment(i * 3000, i * 3000 + 2500, f"Passage {i} about the night shift rota.")
                                      for i in range(n)])
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: len(window.transcript.widgets) == n, timeout=10000)
    return window.transcript, vault, iid


def test_a_fix_is_saved_while_typing(qtbot, researcher_window):
    tv, vault, iid = _open(qtbot, researcher_window, 3)
    w = tv.widgets[0]
    w.text.setFocus()
    w.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(w.text, " Fixed")
    assert w.text.hasFocus()                                     # never left the box
    qtbot.waitUntil(lambda: TranscriptRepo(vault).current_segments(iid)[0].text.endswith("rota. Fixed"),
                    timeout=5000)


def test_adding_a_theme_codes_the_selected_words_and_keeps_the_place(qtbot, researcher_window):
    tv, vault, iid = _open(qtbot, researcher_window)
    bar = tv.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    w = tv.widgets[20]
    tv.scroll.ensureWidgetVisible(w)
    qtbot.wait(100)
    place = bar.value()
    assert place > 0
    w.text.setFocus()
    cur = w.text.textCursor()
    start = w.text.toPlainText().index("night")
    cur.setPosition(start)
    cur.setPosition(start + len("night shift"), QTextCursor.MoveMode.KeepAnchor)
    w.text.setTextCursor(cur)
    tv.side.add_theme_button.setFocus()                          # the click moves the focus away
    tv.side.add_theme_button.click()
    wait_idle(qtbot)
    [tag] = TagRepo(vault).list(iid)
    assert (tag.start_char, tag.end_char) == (start, start + len("night shift"))
    qtbot.wait(200)
    assert abs(bar.value() - place) <= 2                          # the list did not jump to the top


def test_a_status_line_never_shifts_the_passages(qtbot, researcher_window):
    tv, _vault, _iid = _open(qtbot, researcher_window, 5)
    w = tv.widgets[2]
    qtbot.wait(300)                                              # passages settle their heights
    before = w.mapTo(tv, QPoint(0, 0))
    tv.job.run(lambda report, cancel: cancel.wait(0.6), "Working\u2026", name="slow")
    qtbot.wait(100)
    assert tv.job.bar.isVisible()
    assert w.mapTo(tv, QPoint(0, 0)) == before
    wait_idle(qtbot)
    assert w.mapTo(tv, QPoint(0, 0)) == before


def test_a_note_says_which_passage_and_has_room(qtbot, researcher_window):
    tv, _vault, _iid = _open(qtbot, researcher_window, 3)
    assert "whole interview" in tv.side.passage.text()
    tv.widgets[1].text.setFocus()
    qtbot.waitUntil(lambda: "00:03" in tv.side.passage.text(), timeout=2000)
    assert "Passage 1 about" in tv.side.passage.text()
    assert tv.side.memo_text.minimumHeight() >= 4 * tv.side.memo_text.fontMetrics().lineSpacing()


def test_speaker_for_several_passages_at_once(qtbot, researcher_window):
    tv, vault, iid = _open(qtbot, researcher_window, 6)
    assert not tv.bulk_button.isEnabled()
    for i in (1, 2, 4):
        tv.widgets[i].pick.setChecked(True)
    tv.bulk_speaker.setCurrentIndex(tv.bulk_speaker.findData("participant"))
    tv.bulk_button.click()
    wait_idle(qtbot)
    speakers = [s.speaker for s in TranscriptRepo(vault).current_segments(iid)]
    assert speakers == ["", "participant", "participant", "", "participant", ""]
    assert [w.speaker.currentData() for w in tv.widgets][1] == "participant"
    assert not any(w.pick.isChecked() for w in tv.widgets)


def test_a_failed_job_leaves_no_stale_message_or_bar(qtbot, researcher_window, shown_errors):
    tv, _vault, _iid = _open(qtbot, researcher_window, 1)

    def fails(report, cancel):
        raise CoreError("Something went wrong here.", "Try again.")
    tv.job.run(fails, "Working\u2026", name="fails")
    wait_idle(qtbot)
    assert shown_errors and shown_errors[-1].message == "Something went wrong here."
    assert tv.job.label.text() == "" and not tv.job.bar.isVisible() and not tv.job.stop_button.isVisible()
    tv.job.run(lambda r, c: c.wait(0.3), "Saving the recording\u2026", name="save", cancellable=False)
    qtbot.wait(50)
    assert tv.job.bar.isVisible() and not tv.job.stop_button.isVisible()   # no bare "Stop" by a save
    wait_idle(qtbot)

