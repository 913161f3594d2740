"""Lock after a period without keyboard or mouse use.

An application-wide event filter notes the last input; a coarse timer (every 5 s) compares
it with the limit. Polling keeps the filter itself trivial (it runs for every event).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle_timeout`` once after ``minutes`` without input (while enabled)."""

    idle_timeout = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None,
                 check_interval_ms: int = 5000) -> None:
        super().__init__(parent)
        self.limit_s = minutes * 60.0
        self.last_input = time.monotonic()
        self.enabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.limit_s = minutes * 60.0

    def start(self) -> None:
        self.enabled = True
        self.last_input = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self.enabled = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    @Slot()
    def _check(self) -> None:
        if self.enabled and time.monotonic() - self.last_input >= self.limit_s:
            self.stop()
            self.idle_timeout.emit()
