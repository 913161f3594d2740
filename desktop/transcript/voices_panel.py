"""The Voices box of the Transcript tab: name each voice, say who interviews, move passages.

Only adapts: each action is one core function (``core.speakers.edits``) run by the view.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets.buttons import button, heading, note


class VoicesPanel(QWidget):
    rename_requested = Signal(str, str)      # voice, new name
    role_requested = Signal(str, str)        # voice, interviewer | participant
    move_requested = Signal(str)             # voice to move the ticked passages to
    teach_requested = Signal()               # open "Teach Confidant your voice"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Voices"), self, level=2))
        self.hint = note(self.tr("Confidant told the voices apart. Give a voice a name, say who "
                                 "interviews, or tick passages and move them to another voice. "
                                 "Your changes stay if you type it up again."), self)
        layout.addWidget(self.hint)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        self.move_to = QComboBox(self)
        self.move_to.setObjectName("move_to_voice")
        self.move_button = button(self.tr("Move ticked passages to this voice"), self, name="move_voice_button")
        layout.addWidget(self.move_to)
        layout.addWidget(self.move_button)
        self.teach_note = note(self.tr("Confidant does not know your voice yet, so it guessed the "
                                       "interviewer from who asks the questions."), self)
        self.teach_button = button(self.tr("Teach Confidant your voice\u2026"), self, name="teach_voice_button")
        layout.addWidget(self.teach_note)
        layout.addWidget(self.teach_button)
        self.teach_button.clicked.connect(self.teach_requested)
        self.names: dict[str, QLineEdit] = {}
        self.roles: dict[str, QComboBox] = {}
        self.move_button.clicked.connect(self._on_move)
        self.set_voices([])

    def set_voices(self, voices: list, has_sample: bool = True) -> None:
        """Show ``voices``; without a voice sample, offer to record one."""
        self.teach_note.setVisible(bool(voices) and not has_sample)
        self.teach_button.setVisible(bool(voices) and not has_sample)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.names, self.roles = {}, {}
        self.move_to.clear()
        for row, v in enumerate(voices):
            self.grid.addWidget(QLabel(v.voice, self), row, 0)
            name = QLineEdit(v.label, self)
            name.setObjectName(f"voice_name_{v.voice}")
            name.setAccessibleName(self.tr("Name of voice {v}").format(v=v.voice))
            name.editingFinished.connect(self._on_name)
            role = QComboBox(self)
            role.setObjectName(f"voice_role_{v.voice}")
            role.addItem(self.tr("Interviewer"), "interviewer")
            role.addItem(self.tr("Participant"), "participant")
            role.setCurrentIndex(max(0, role.findData(v.role)))
            role.activated.connect(self._on_role)
            self.grid.addWidget(name, row, 1)
            self.grid.addWidget(role, row, 2)
            self.names[v.voice], self.roles[v.voice] = name, role
            self.move_to.addItem(f"{v.voice} \u2014 {v.label}", v.voice)
        self.setVisible(bool(voices))
        self.set_can_move(False)

    def set_can_move(self, on: bool) -> None:
        self.move_button.setEnabled(on and self.move_to.count() > 0)

    @Slot()
    def _on_name(self) -> None:
        for voice, edit in self.names.items():
            if edit is self.sender() and edit.text().strip() and edit.isModified():
                edit.setModified(False)
                self.rename_requested.emit(voice, edit.text().strip())

    @Slot(int)
    def _on_role(self, _index: int) -> None:
        for voice, combo in self.roles.items():
            if combo is self.sender():
                self.role_requested.emit(voice, str(combo.currentData()))

    @Slot()
    def _on_move(self) -> None:
        if self.move_to.currentData():
            self.move_requested.emit(str(self.move_to.currentData()))
