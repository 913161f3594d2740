"""A status line for one background job: what is happening, a progress bar, and Stop.

Views own one and call ``run(job, message)``; it says "Stopped." when the person cancels and
shows errors through ``show_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from core.jobs import Progress
from desktop.errors import show_error
from desktop.jobs import JobFn, JobHandle, Op
from desktop.widgets.buttons import button


class JobStatus(QWidget):
    """Progress bar + message + Stop button for the job being followed."""

    idle = Signal()  # the followed job ended (any outcome)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle: JobHandle | None = None
        self._on_error: Callable[[Any], None] | None = None
        self.label = QLabel("", self)
        self.label.setObjectName("status_label")
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.stop_button = button(self.tr("Stop"), self, name="stop_button")
        self.stop_button.clicked.connect(self._on_stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        # Always as tall as when busy, with the bar's and Stop's places kept: a status that
        # appears must never shift the list below it (the next click would land on the
        # wrong word).
        for w in (self.bar, self.stop_button):
            policy = w.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            w.setSizePolicy(policy)
        self.setFixedHeight(max(self.stop_button.sizeHint().height(), self.bar.sizeHint().height()))
        self._set_busy(False)

    @property
    def is_busy(self) -> bool:
        return self.handle is not None

    def run(self, job: JobFn, message: str, *, succeeded: Callable[[Any], None] | None = None,
            failed: Callable[[Any], None] | None = None, name: str = "",
            cancellable: bool = True) -> JobHandle:
        """Start ``job`` and follow it; ``succeeded``/``failed`` run after the status updates.

        ``failed`` (if given) receives errors other than Cancelled; without it they are shown
        with ``show_error``.
        """
        op = Op(self, job, name=name).long().failure(self._on_failed)  # long: transcription, export, import
        handle = op.handle
        self.handle = handle
        self._on_error = failed
        self.label.setText(message)
        self.bar.setRange(0, 0)
        self._set_busy(True)
        # A job that must not be stopped (saving a recording) shows no Stop at all: a bare
        # "Stop" beside "Saving the recording…" reads as "stop saving".
        self.stop_button.setVisible(cancellable)
        op.progress(self._on_progress).success(self._on_succeeded)
        if succeeded is not None:
            op.success(succeeded)
        return op.run()

    def say(self, message: str) -> None:
        self.label.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.stop_button.setVisible(busy)
        self.stop_button.setEnabled(busy)

    @Slot()
    def _on_stop(self) -> None:
        if self.handle is not None:
            self.stop_button.setEnabled(False)
            self.label.setText(self.tr("Stopping\u2026"))
            self.handle.cancel()

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * (progress.fraction or 0.0)))
        if progress.stage:
            # Core's stages have stable ids and their own catalogue (core.messages).
            from core.messages import localise_stage
            from desktop.errors import interface_language
            self.label.setText(localise_stage(progress.stage, interface_language()))

    @Slot(object)
    def _on_succeeded(self, _result: object) -> None:
        self.label.setText(self.tr("Done."))
        self._finish()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        handle = self.handle
        if handle is not None and handle.was_cancelled:
            self.label.setText(self.tr("Stopped."))
        else:
            # The dialog says what went wrong and what to do; no stale "That did not work."
            # (or an empty bar) stays behind once it is read.
            self.label.clear()
            if self._on_error is not None:
                self._on_error(exc)
            else:
                show_error(self.window(), exc)  # type: ignore[arg-type]
        self._finish()

    def _finish(self) -> None:
        self.handle = None
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self._set_busy(False)
        self.idle.emit()
