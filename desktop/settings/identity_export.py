"""A coordinator saves the secret identity for a privacy reviewer (`age -d -i FILE`),
after a plain warning. Core writes it (0600, never over a file, logged)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets import confirm
from desktop.widgets.buttons import button
from desktop.widgets.files import chooser


def _export(vault, path: Path) -> Path:
    from core.packets.keys import export_identity
    return export_identity(vault, path)


class IdentityExportRow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.export_button = button(self.tr("Save the secret key for a privacy reviewer\u2026"), self,
                                    name="export_identity_button")
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        row.addWidget(self.export_button)
        row.addWidget(self.status, 1)
        self.export_button.clicked.connect(self._on_export)

    @Slot()
    def _on_export(self) -> None:
        warning = self.tr(
            "This file is your secret key, not encrypted. Anyone who has it can open every copy "
            "researchers sealed to you and read every interview in it.\n\nKeep it on an "
            "encrypted disk, never e-mail or sync it, and delete it when the review is done."
            "\n\nSave it anyway?")
        if not confirm.ask(self, self.tr("Save the secret key"), warning, self.tr("Save it"),
                           self.tr("Do not save")):
            return
        path = chooser().save_file(self, self.tr("Save the secret key"), "coordinator-identity.txt",
                                   self.tr("Text (*.txt)"))
        if path is None or not self.ctx.session.is_unlocked:
            return
        start_job(call(_export, self.ctx.session.vault, path), self,
                  succeeded=self._on_saved, name="export_identity", serial=True)

    @Slot(object)
    def _on_saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to %1 (only you can read it). Delete it when the review "
                                    "is done.").replace("%1", str(path)))
