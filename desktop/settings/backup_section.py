"""Back up now: one encrypted file of the whole vault onto a USB stick; when the last one was made."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from core.lifecycle.backup import (
    SETTING_LAST_BACKUP,
    BackupResult,
    backup_reminder_message,
    make_backup_job,
)
from desktop.context import AppContext
from desktop.errors import say
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus


def _last_backup(vault) -> tuple[str | None, str]:
    reminder = backup_reminder_message(vault)
    return vault.get_setting(SETTING_LAST_BACKUP), say(reminder) if reminder else ""


class BackupSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backup"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "A backup is one encrypted file with every interview and recording. It opens only with "
            "this vault's passphrase or recovery code. Keep it on a USB stick away from the laptop."), self))
        self.last = QLabel("", self)
        self.last.setObjectName("last_backup")
        self.last.setWordWrap(True)
        layout.addWidget(self.last)
        self.backup_button = button(self.tr("Back up now\u2026"), self, role="big", name="backup_button")
        layout.addWidget(self.backup_button)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        self.backup_button.clicked.connect(self._on_backup)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_last_backup, self.ctx.session.vault), self, succeeded=self._on_last,
                      name="last_backup")

    @Slot(object)
    def _on_last(self, found: tuple[str | None, str]) -> None:
        when, reminder = found
        text = self.tr("Last backup: {when}.").format(when=when) if when else self.tr("No backup yet.")
        self.last.setText(text + (" " + reminder if reminder else ""))

    @Slot()
    def _on_backup(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        folder = chooser().folder(self, self.tr("Choose the USB stick or folder for the backup"))
        if folder is None:
            return
        self.job.run(make_backup_job(self.ctx.session.vault, folder), self.tr("Backing up\u2026"),
                     succeeded=self._on_done, name="backup")

    @Slot(object)
    def _on_done(self, result: BackupResult) -> None:
        self.job.label.setText(self.tr("Backed up to {path}.").format(path=str(result.path)))
        self.refresh()
