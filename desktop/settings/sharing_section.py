"""Sharing: this device's key (for the coordinator) and the coordinators copies are sealed to."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note
from desktop.widgets.confirm import ask
from desktop.widgets.files import chooser


@dataclass
class SharingInfo:
    role: str = "researcher"
    device_key: str = ""
    device_words: str = ""
    own_recipient: str = ""   # coordinators: the key researchers seal copies to
    recipients: list = field(default_factory=list)
    recipient_words: list = field(default_factory=list)  # fingerprint words, per recipient


def _load(vault, role: str) -> SharingInfo:
    from core.packets import keys
    info = SharingInfo(role=role)
    info.device_key = keys.device_public_key(vault)
    info.device_words = keys.fingerprint_words(info.device_key)
    if role == "coordinator":
        info.own_recipient = keys.age_recipient(vault)
    info.recipients = keys.list_recipients(vault)
    # People compare fingerprints by reading words aloud (the hex is for machines).
    info.recipient_words = [keys.words_for_fingerprint(r.fingerprint) for r in info.recipients]
    return info


def _add(vault, text: str, label: str) -> object:
    from core.packets import keys
    return keys.add_recipient(vault, text, label)


def _read_file(path) -> tuple[str, str]:
    from core.packets import keys
    return keys.read_recipient_file(path)


def _remove(vault, recipient_id: int) -> None:
    from core.packets import keys
    keys.remove_recipient(vault, recipient_id)


class SharingSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sharing with your coordinator"), parent)
        self.ctx = ctx
        self.info = SharingInfo()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.device_key = QLineEdit(self)
        self.device_key.setReadOnly(True)
        self.device_words = QLabel("", self)
        self.device_words.setWordWrap(True)
        self.device_words.setObjectName("device_words")
        form.addRow(self.tr("This laptop's key"), self.device_key)
        form.addRow(self.tr("Read aloud to check it"), self.device_words)
        self.own_recipient = QLineEdit(self)
        self.own_recipient.setReadOnly(True)
        self.own_recipient_label = QLabel(self.tr("Researchers seal copies to"), self)
        form.addRow(self.own_recipient_label, self.own_recipient)
        layout.addLayout(form)
        self.copy_button = button(self.tr("Copy this laptop's key"), self)
        layout.addWidget(self.copy_button)
        from desktop.settings.identity_export import IdentityExportRow
        self.identity_export = IdentityExportRow(ctx, self)  # coordinators only (see _on_loaded)
        self.identity_export.setVisible(False)
        layout.addWidget(self.identity_export)
        layout.addWidget(note(self.tr(
            "Coordinators who can open your copies. Check each fingerprint with them by phone."),
            self))
        self.recipients = QListWidget(self)
        self.recipients.setObjectName("recipients")
        self.recipients.setMaximumHeight(120)
        layout.addWidget(self.recipients)
        # The usual way: the coordinator.txt they handed over (USB stick, e-mail), with its
        # words checked aloud before it is added; pasting the key stays for those who have it.
        file_row = QHBoxLayout()
        self.new_label = QLineEdit(self)
        self.new_label.setPlaceholderText(self.tr("Name, e.g. Union office"))
        self.file_button = button(self.tr("Add a coordinator from their file\u2026"), self,
                                  role="primary", name="add_coordinator_file_button")
        self.remove_button = button(self.tr("Remove the selected coordinator"), self,
                                    name="remove_coordinator_button")
        file_row.addWidget(self.new_label, 1)
        file_row.addWidget(self.file_button)
        file_row.addWidget(self.remove_button)
        layout.addLayout(file_row)
        row = QHBoxLayout()
        self.new_key = QLineEdit(self)
        self.new_key.setPlaceholderText(self.tr("Or paste the coordinator's key (age1\u2026)"))
        self.add_button = button(self.tr("Add coordinator"), self)
        row.addWidget(self.new_key, 2)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self._on_copy)
        self.add_button.clicked.connect(self._on_add)
        self.file_button.clicked.connect(self._on_add_file)
        self.remove_button.clicked.connect(self._on_remove)
        self.recipients.currentRowChanged.connect(self._on_row)
        self.remove_button.setEnabled(False)

    def refresh(self) -> None:
        session = self.ctx.session
        if session.is_unlocked:
            start_job(call(_load, session.vault, session.role), self,
                      succeeded=self._on_loaded, name="sharing_load")

    @Slot(object)
    def _on_loaded(self, info: SharingInfo) -> None:
        self.info = info
        self.device_key.setText(info.device_key)
        self.device_words.setText(info.device_words)
        is_coord = info.role == "coordinator"
        self.own_recipient.setVisible(is_coord)
        self.own_recipient_label.setVisible(is_coord)
        self.identity_export.setVisible(is_coord)
        self.own_recipient.setText(info.own_recipient)
        self.recipients.clear()
        for r, words in zip(info.recipients, info.recipient_words):
            self.recipients.addItem(f"{r.label or self.tr('(no name)')} \u2014 {words}")
            self.recipients.item(self.recipients.count() - 1).setToolTip(r.fingerprint)

    @Slot(int)
    def _on_row(self, row: int) -> None:
        self.remove_button.setEnabled(0 <= row < len(self.info.recipients))

    @Slot()
    def _on_add_file(self) -> None:
        paths = chooser().open_files(self, self.tr("Choose the file your coordinator gave you"),
                                     self.tr("Coordinator file (*.txt);;All files (*)"))
        if paths:
            path = paths[0]
            self._file_stem = path.stem
            start_job(call(_read_file, path), self, succeeded=self._on_file_read,
                      name="read_recipient_file")

    @Slot(object)
    def _on_file_read(self, result: tuple[str, str]) -> None:
        recipient, words = result
        if not ask(self, self.tr("Check it is really your coordinator"),
                   self.tr("Read these words with your coordinator, by phone or in person. Add "
                           "them only if the words match:\n\n{words}").format(words=words),
                   self.tr("The words match: add"), self.tr("Cancel")):
            return
        label = self.new_label.text().strip() or self.tr("Coordinator")
        if self.ctx.session.is_unlocked:
            start_job(call(_add, self.ctx.session.vault, recipient, label), self,
                      succeeded=self._on_added, name="add_recipient")

    @Slot()
    def _on_remove(self) -> None:
        row = self.recipients.currentRow()
        if not (0 <= row < len(self.info.recipients)) or not self.ctx.session.is_unlocked:
            return
        r = self.info.recipients[row]
        if not ask(self, self.tr("Remove this coordinator?"),
                   self.tr("New copies will no longer be sealed to {name}. Copies already sent "
                           "stay readable to them.").format(name=r.label or self.tr("(no name)")),
                   self.tr("Remove"), self.tr("Keep")):
            return
        start_job(lambda c_, k_, v=self.ctx.session.vault, rid=r.id: _remove(v, rid), self,
                  succeeded=self._on_added, name="remove_recipient")

    @Slot()
    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.info.own_recipient or self.info.device_key)

    @Slot()
    def _on_add(self) -> None:
        text, label = self.new_key.text().strip(), self.new_label.text().strip()
        if text and self.ctx.session.is_unlocked:
            start_job(call(_add, self.ctx.session.vault, text, label), self,
                      succeeded=self._on_added, name="add_recipient")

    @Slot(object)
    def _on_added(self, _recipient: object) -> None:
        self.new_key.clear()
        self.new_label.clear()
        self.refresh()
