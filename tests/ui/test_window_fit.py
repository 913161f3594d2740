"""The window fits the screen it opens on; every screen is usable on a 1366x768 laptop and at 150 %."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QScrollArea

from desktop.window_fit import fit_to_screen, fitted_size
from tests.ui.conftest import wait_idle

LAPTOP = QRect(0, 0, 1366, 728)        # 1366x768 less a 40 px task bar
LAPTOP_150 = QRect(0, 0, 911, 485)     # the same screen at 150 % scaling, in logical pixels


def test_fitted_size_never_exceeds_the_screen():
    assert fitted_size(LAPTOP, QSize(0, 32)) == QSize(1200, 696)
    assert fitted_size(QRect(0, 0, 2560, 1400)) == QSize(1200, 800)
    small = fitted_size(LAPTOP_150, QSize(0, 32))
    assert small.width() <= 911 and small.height() <= 485 - 32


def _fits_without_scrolling(window) -> tuple[int, int]:
    area: QScrollArea = window.centralWidget()
    QApplication.processEvents()
    return area.horizontalScrollBar().maximum(), area.verticalScrollBar().maximum()


def _pages(window):
    yield "interviews", lambda: window.show_interviews()
    yield "new interview", lambda: window.show_new_interview()
    for i in range(window.interview.tabs.count()):
        yield f"tab {i}", (lambda i=i: window.open_interview(window.test_interview_id, i))
    yield "settings", lambda: window._select_nav("settings")


def test_every_screen_fits_a_1366x768_laptop(qtbot, researcher_window):
    window = researcher_window
    fit_to_screen(window, LAPTOP)
    qtbot.wait(50)
    frame = window.frameGeometry()
    assert LAPTOP.contains(frame) or (frame.width() <= LAPTOP.width() and window.height() <= LAPTOP.height() - 32)
    for name, show in _pages(window):
        show()
        wait_idle(qtbot)
        assert _fits_without_scrolling(window) == (0, 0), f"{name} needs scrolling at 1366x768"
    # While recording, Stop and Off the record are on screen, inside the window.
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    for b in (window.record.record_button, window.record.off_button, window.record.guide_panel.next_button):
        bottom_right = b.mapTo(window, QPoint(b.width(), b.height()))
        assert window.rect().contains(bottom_right), b.objectName()


def test_at_150_percent_every_screen_can_still_be_reached(qtbot, researcher_window):
    window = researcher_window
    fit_to_screen(window, LAPTOP_150)
    qtbot.wait(50)
    assert window.width() <= LAPTOP_150.width() and window.height() <= LAPTOP_150.height()
    area: QScrollArea = window.centralWidget()
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    for b in (window.record.record_button, window.record.transcribe_button, window.record.live_text):
        area.ensureWidgetVisible(b)
        QApplication.processEvents()
        top_left = b.mapTo(area.viewport(), QPoint(0, 0))
        assert area.viewport().rect().contains(top_left), b.objectName()
