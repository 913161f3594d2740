"""Forgot the passphrase: unlock with the recovery code and choose a new passphrase."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.unlock.strength import StrengthMeter
from desktop.unlock.unlock_page import _centered
from desktop.widgets.buttons import button, heading, note


class ForgotPage(QWidget):
    recover_requested = Signal(str, str)  # recovery code, new passphrase
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = _centered(self)
        col.addWidget(heading(self.tr("Use your recovery code"), self))
        col.addWidget(note(self.tr(
            "Type the recovery code you wrote down when you created the vault. Dashes and "
            "capital letters do not matter. Then choose a new passphrase."), self))
        col.addWidget(QLabel(self.tr("Recovery code"), self))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        col.addWidget(self.code)
        col.addWidget(QLabel(self.tr("New passphrase"), self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        col.addWidget(self.passphrase)
        self.meter = StrengthMeter(self)
        col.addWidget(self.meter)
        col.addWidget(QLabel(self.tr("The new passphrase again"), self))
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        col.addWidget(self.confirm)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        row = QHBoxLayout()
        self.back_button = button(self.tr("Back"), self)
        self.recover_button = button(self.tr("Unlock and set the new passphrase"), self,
                                     role="primary", name="recover_button")
        row.addWidget(self.back_button)
        row.addWidget(self.recover_button, 1)
        col.addLayout(row)
        col.addStretch(2)
        for edit in (self.code, self.passphrase, self.confirm):
            edit.textChanged.connect(self._on_changed)
        self.recover_button.clicked.connect(self._on_recover)
        self.back_button.clicked.connect(self.back_requested)
        self._on_changed()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.recover_button.setEnabled(not busy and self._is_ready())
        self.status.setText(message)

    def _is_ready(self) -> bool:
        return bool(self.code.text().strip()) and self.meter.strength.is_acceptable \
            and self.passphrase.text() == self.confirm.text()

    @Slot()
    def _on_changed(self) -> None:
        self.meter.update_for(self.passphrase.text())
        self.recover_button.setEnabled(self._is_ready())

    @Slot()
    def _on_recover(self) -> None:
        if self._is_ready():
            self.recover_requested.emit(self.code.text(), self.passphrase.text())
