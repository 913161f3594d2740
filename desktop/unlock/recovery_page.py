"""The recovery code, shown once, with a "print or write this down" step.

The code is never stored by Confidant. "Save as PDF to print" writes a one-page PDF (reportlab)
to a place the person chooses, so they can print it and then delete the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop.unlock.unlock_page import _centered
from desktop.widgets.buttons import button, heading, note
from desktop.widgets.files import chooser


class RecoveryPage(QWidget):
    """Shows the code until the person confirms they kept it."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self._vault_id = ""
        col = _centered(self)
        col.addWidget(heading(self.tr("Write down your recovery code"), self))
        col.addWidget(note(self.tr(
            "If you ever forget your passphrase, this code is the only way back in. Confidant "
            "shows it only this once and does not keep a copy. Write it on paper, or print it, "
            "and keep it somewhere safe."), self))
        self.code_label = QLabel("", self)
        self.code_label.setObjectName("recovery_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.code_label)
        self.pdf_button = button(self.tr("Save as PDF to print\u2026"), self, role="big",
                                 name="pdf_button")
        col.addWidget(self.pdf_button)
        self.saved_label = QLabel("", self)
        self.saved_label.setWordWrap(True)
        col.addWidget(self.saved_label)
        self.kept = QCheckBox(self.tr("I have written the code down or printed it"), self)
        col.addWidget(self.kept)
        self.continue_button = button(self.tr("Continue"), self, role="primary",
                                      name="continue_button")
        col.addWidget(self.continue_button)
        col.addStretch(2)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._on_continue)
        self.pdf_button.clicked.connect(self._on_pdf)
        self.continue_button.setEnabled(False)

    def show_code(self, code: str, vault_id: str) -> None:
        self._code, self._vault_id = code, vault_id
        self.code_label.setText(code)
        self.kept.setChecked(False)
        self.saved_label.clear()

    def save_pdf(self, path: Path) -> None:
        from core.reports.export import export_recovery_sheet
        export_recovery_sheet(self._code, self._vault_id, path)
        self.saved_label.setText(self.tr(
            "Saved. Print it, then delete the file: {path}").format(path=str(path)))

    @Slot()
    def _on_pdf(self) -> None:
        path = chooser().save_file(self, self.tr("Save the recovery code"),
                                   "confidant-recovery-code.pdf", "PDF (*.pdf)")
        if path is not None:
            try:
                self.save_pdf(path)
            except OSError as exc:
                from core.errors import CoreError
                from desktop.errors import show_error
                show_error(self, CoreError(self.tr("Confidant could not save the file there."),
                                           self.tr("Choose another folder, or a USB stick.")))
                del exc

    @Slot()
    def _on_continue(self) -> None:
        # Forget the code as soon as the person has kept it.
        self._code = ""
        self.code_label.clear()
        self.done.emit()
