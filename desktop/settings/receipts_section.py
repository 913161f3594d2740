"""Receipts from the coordinator: choose the synced folder they arrive in."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from core.lifecycle.receipts import SETTING_FOLDER, ImportedReceipts, import_from_folder
from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus


def _use_folder(vault, folder: str) -> ImportedReceipts | None:
    vault.set_setting(SETTING_FOLDER, folder)
    return import_from_folder(vault)


class ReceiptsSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Receipts from the coordinator"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "If you and your coordinator share a synced folder, Confidant reads their signed receipts "
            "from it and shows which interviews arrived."), self))
        self.folder = QLabel("", self)
        self.folder.setObjectName("receipts_folder")
        self.folder.setWordWrap(True)
        layout.addWidget(self.folder)
        self.choose_button = button(self.tr("Choose the synced folder\u2026"), self, name="receipts_button")
        layout.addWidget(self.choose_button)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        self.choose_button.clicked.connect(self._on_choose)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(self.ctx.session.vault.get_setting, SETTING_FOLDER), self,
                      succeeded=self._on_folder, name="receipts_folder")

    @Slot(object)
    def _on_folder(self, folder: str | None) -> None:
        self.folder.setText(self.tr("Reading receipts from {folder}.").format(folder=folder) if folder
                            else self.tr("No folder chosen."))

    @Slot()
    def _on_choose(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        folder = chooser().folder(self, self.tr("Choose the folder your coordinator shares"))
        if folder is None:
            return
        vault, chosen = self.ctx.session.vault, str(folder)
        self.job.run(call(_use_folder, vault, chosen), self.tr("Reading receipts\u2026"),
                     succeeded=self._on_done, name="receipts_import")

    @Slot(object)
    def _on_done(self, done: ImportedReceipts | None) -> None:
        n = done.matched if done else 0
        self.job.label.setText(self.tr("{n} of your interviews confirmed received.").format(n=n))
        self.refresh()
