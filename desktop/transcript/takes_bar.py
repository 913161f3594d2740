"""The takes bar above a transcript: which take's transcript is in use, and a way to choose another.

Shown only when an interview has more than one take (decision 0120). Choosing is explicit:
a new take's transcript never replaces the one the person has been working on by itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button
from desktop.widgets.plain import clock


def _list(vault: Any, interview_id: str) -> list:
    from core.audio.takes import list_takes
    return list_takes(vault, interview_id)


def _choose(vault: Any, interview_id: str, recording_id: int) -> None:
    from core.audio.takes import choose_take
    choose_take(vault, interview_id, recording_id)


class TakesBar(QWidget):
    take_chosen = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id = ""
        self.takes: list = []
        self.setObjectName("takes_bar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Takes:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("takes_combo")
        self.use_button = button(self.tr("Work on this take's transcript"), self, name="use_take_button")
        self.delete_button = button(self.tr("Delete this take's audio\u2026"), self, name="delete_take_button")
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addWidget(self.use_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.note, 1)
        self.combo.currentIndexChanged.connect(self._on_selected)
        self.use_button.clicked.connect(self._on_use)
        self.delete_button.clicked.connect(self._on_delete)
        self.hide()

    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        if self.ctx.session.is_unlocked and interview_id:
            vault = self.ctx.session.vault
            start_job(call(_list, vault, interview_id), self, succeeded=self._on_loaded,
                      name="takes_load", serial=True)

    def describe(self, take: Any) -> str:
        if take.is_current:
            state = self.tr("in use")
        elif take.transcript is not None:
            state = self.tr("typed up")
        else:
            state = self.tr("not typed up yet")
        return self.tr("Take {n} \u00b7 {t} \u00b7 {state}").format(n=take.number, t=clock(take.duration_s),
                                                                    state=state)

    @Slot(object)
    def _on_loaded(self, takes: list) -> None:
        self.takes = [t for t in takes if t.recording.total_samples > 0]
        self.combo.blockSignals(True)
        self.combo.clear()
        current = 0
        for i, t in enumerate(self.takes):
            self.combo.addItem(self.describe(t), t.recording.id)
            if t.is_current:
                current = i
        self.combo.setCurrentIndex(current)
        self.combo.blockSignals(False)
        self.setVisible(len(self.takes) > 1)
        self._on_selected(current)

    @Slot(int)
    def _on_selected(self, index: int) -> None:
        take = self.takes[index] if 0 <= index < len(self.takes) else None
        self.use_button.setEnabled(bool(take and not take.is_current and take.transcript is not None))
        in_use = next((t for t in self.takes if t.is_current), None)
        if take is None:
            self.note.setText("")
        elif take.is_current:
            self.note.setText(self.tr("This is the transcript shown below."))
        elif take.transcript is None:
            self.note.setText(self.tr("Type this take up to read it; nothing else changes."))
        elif in_use is not None:
            self.note.setText(self.tr("Take {n}'s transcript stays as it is if you switch.").format(
                n=in_use.number))
        else:
            self.note.setText("")

    @Slot()
    def _on_use(self) -> None:
        index = self.combo.currentIndex()
        if not (0 <= index < len(self.takes)) or not self.ctx.session.is_unlocked:
            return
        vault, iid, rid = self.ctx.session.vault, self.interview_id, self.takes[index].recording.id
        start_job(call(_choose, vault, iid, rid), self, succeeded=self._on_chosen,
                  name="choose_take", serial=True)

    @Slot()
    def _on_delete(self) -> None:
        """Delete the chosen take's audio and markers (its transcript stays), after a plain question."""
        from core.lifecycle.delete import make_delete_take_job
        from desktop.widgets.confirm import ask
        index = self.combo.currentIndex()
        if not (0 <= index < len(self.takes)) or not self.ctx.session.is_unlocked or self.ctx.session.is_recording:
            return
        take = self.takes[index]
        if not ask(self, self.tr("Delete a take"), self.tr(
                "The audio of Take {n} ({t}) and its markers will be deleted for good. Its transcript "
                "stays. This cannot be undone.").format(n=take.number, t=clock(take.duration_s)),
                self.tr("Delete the audio"), self.tr("Keep it")):
            return
        start_job(make_delete_take_job(self.ctx.session.vault, self.interview_id, take.number), self,
                  succeeded=self._on_take_deleted, name="delete_take", serial=True)

    @Slot(object)
    def _on_take_deleted(self, _result: object) -> None:
        self.note.setText(self.tr("Deleted. Nothing of that take's audio is left in the vault."))
        self.load(self.interview_id)

    @Slot(object)
    def _on_chosen(self, _result: object) -> None:
        self.take_chosen.emit()
