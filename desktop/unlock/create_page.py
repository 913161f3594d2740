"""Create a vault: a passphrase typed twice with strength feedback, and the vault's role."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.unlock.strength import StrengthMeter
from desktop.unlock.unlock_page import _centered
from desktop.widgets.buttons import button, heading, note


class CreatePage(QWidget):
    create_requested = Signal(str, str)  # passphrase, role
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = _centered(self)
        col.addWidget(heading(self.tr("Create your vault"), self))
        col.addWidget(note(self.tr(
            "Choose a passphrase only you know. Everything in the vault is locked with it. "
            "A few unrelated words are strong and easy to remember."), self))
        col.addWidget(QLabel(self.tr("Passphrase"), self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        col.addWidget(self.passphrase)
        self.meter = StrengthMeter(self)
        col.addWidget(self.meter)
        col.addWidget(QLabel(self.tr("The same passphrase again"), self))
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        col.addWidget(self.confirm)
        col.addWidget(QLabel(self.tr("Who uses this vault?"), self))
        self.role = QComboBox(self)
        self.role.addItem(self.tr("I interview people (researcher)"), "researcher")
        self.role.addItem(self.tr("I collect interviews from researchers (coordinator)"), "coordinator")
        col.addWidget(self.role)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        row = QHBoxLayout()
        self.back_button = button(self.tr("Back"), self)
        self.create_button = button(self.tr("Create the vault"), self, role="primary",
                                    name="create_vault_button")
        row.addWidget(self.back_button)
        row.addWidget(self.create_button, 1)
        col.addLayout(row)
        col.addStretch(2)
        self.passphrase.textChanged.connect(self._on_changed)
        self.confirm.textChanged.connect(self._on_changed)
        self.create_button.clicked.connect(self._on_create)
        self.back_button.clicked.connect(self.back_requested)
        self._on_changed()

    def reset(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.status.clear()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.create_button.setEnabled(not busy and self._is_ready())
        self.status.setText(message)

    def _is_ready(self) -> bool:
        return (self.meter.strength.is_acceptable
                and self.passphrase.text() == self.confirm.text())

    @Slot()
    def _on_changed(self) -> None:
        self.meter.update_for(self.passphrase.text())
        if self.confirm.text() and self.confirm.text() != self.passphrase.text():
            self.status.setText(self.tr("The two passphrases are not the same yet."))
        else:
            self.status.setText("")
        self.create_button.setEnabled(self._is_ready())

    @Slot()
    def _on_create(self) -> None:
        if self._is_ready():
            self.create_requested.emit(self.passphrase.text(), str(self.role.currentData()))
