"""Search opens the transcript at the passage found, not at the top."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def test_search_result_opens_the_transcript_at_the_passage(qtbot, researcher_window):
    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    segments = [Segment(i * 3000, i * 3000 + 2500, f"Passage {i} about the shifts and the rota.")
                for i in range(80)]
    segments[66] = Segment(66 * 3000, 66 * 3000 + 2500, "The forklift brakes were broken for weeks.")
    TranscriptRepo(vault).create(iid, segments)
    window.show_interviews()
    wait_idle(qtbot)
    view = window.interviews
    view.search.setText("forklift")
    qtbot.waitUntil(lambda: view.results.count() == 1, timeout=10000)
    assert view.status.text() == "1 place found."
    item = view.results.item(0)
    rect = view.results.visualItemRect(item)
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot)
    tv = window.transcript
    qtbot.waitUntil(lambda: len(tv.widgets) == 80, timeout=10000)
    target = next(w for w in tv.widgets if "forklift" in w.text.toPlainText())

    bar = tv.scroll.verticalScrollBar()

    def shown() -> bool:
        top = target.mapTo(tv.scroll.viewport(), QPoint(0, 0)).y()
        return bar.maximum() > 0 and 0 <= top < tv.scroll.viewport().height()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)   # laid out: 80 passages need scrolling
    qtbot.waitUntil(shown, timeout=5000)
    qtbot.wait(300)
    assert shown(), "the transcript did not stay at the passage found"
    assert bar.value() > 0
    assert tv.current is target and target.text.hasFocus()

    # The reader scrolls back to the top: re-laying out the passages (a narrower
    # window) must not pull the view back to the search result.
    bar.triggerAction(bar.SliderAction.SliderToMinimum)
    assert bar.value() == 0
    window.resize(window.width() - 120, window.height())
    wait_idle(qtbot)
    qtbot.wait(300)
    assert bar.value() == 0, "the view jumped back to the passage after the reader scrolled away"
