"""Fit the main window to the screen it opens on, and let small screens scroll instead of cut.

A fixed 1200x800 window was taller than a 1366x768 laptop screen (issue 16): its bottom,
with the buttons, was off screen. The window now takes at most the screen's available area
(less its frame) and the screens sit in a scroll area, so at 150 % scaling (a 911x512 logical
screen) everything can still be reached.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

PREFERRED = QSize(1200, 800)


def fitted_size(available: QRect, frame: QSize | None = None, preferred: QSize = PREFERRED) -> QSize:
    """The window's client size: the preferred size, shrunk to what the screen leaves free."""
    frame = frame if frame is not None else QSize(0, 0)
    return QSize(min(preferred.width(), available.width() - frame.width()),
                 min(preferred.height(), available.height() - frame.height()))


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Resize and centre ``window`` within its screen's available geometry."""
    if available is None:
        screen = window.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    # The frame (title bar, borders) is known once the window is shown; before that assume
    # a typical title bar so the bottom never ends under the task bar.
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.height() <= 0:
        frame = QSize(0, 32)
    size = fitted_size(available, frame)
    window.resize(size)
    x = available.x() + max(0, (available.width() - size.width() - frame.width()) // 2)
    y = available.y() + max(0, (available.height() - size.height() - frame.height()) // 2)
    window.move(x, y)


class _Holder(QWidget):
    """Holds the scrolled widget and says it has no height-for-width.

    Word-wrapped labels give a layout a height-for-width; QScrollArea then sizes the content
    by its preferred height at that width, not its minimum, and scrolls a window that fits.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, _width: int) -> int:
        return -1  # QScrollArea asks this when the layout has height-for-width


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``widget`` in a frameless scroll area that only scrolls when the window is too small."""
    area = QScrollArea(parent)
    area.setObjectName("window_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(_Holder(widget))
    return area
