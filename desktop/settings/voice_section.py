"""Settings → Your voice: whether Confidant knows the researcher's voice, and the way to teach it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.voice import voice_work
from desktop.widgets.buttons import button, note


class VoiceSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your voice"), parent)
        self.ctx = ctx
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "If Confidant knows your voice, it can tell that you are the interviewer in every "
            "recording. The sample stays encrypted in this vault only, never goes into a packet, and "
            "you can delete it."), self))
        self.state = QLabel("", self)
        self.state.setObjectName("voice_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.open_button = button(self.tr("Teach Confidant your voice\u2026"), self, name="voice_open")
        layout.addWidget(self.open_button)
        self.open_button.clicked.connect(self.open_dialog)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(voice_work.current_sample, self.ctx.session.vault), self,
                      succeeded=self._on_sample, name="voice_state")

    @Slot(object)
    def _on_sample(self, sample: Any) -> None:
        self.state.setText(self.tr("Confidant knows your voice.") if sample is not None
                           else self.tr("Confidant does not know your voice yet."))
        self.open_button.setText(self.tr("Your voice sample\u2026") if sample is not None
                                 else self.tr("Teach Confidant your voice\u2026"))

    @Slot()
    def open_dialog(self) -> None:
        """Open (or bring back) the "Teach Confidant your voice" dialog."""
        from desktop.voice.voice_dialog import show_voice_dialog
        self.dialog = show_voice_dialog(self.ctx, self, self.dialog, self.refresh)
