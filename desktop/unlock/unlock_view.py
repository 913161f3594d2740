"""The locked face of the app: welcome, unlock, create, recovery code, forgot passphrase.

Every vault operation (Argon2id takes about half a second on purpose) runs as a job; on
success the vault is handed to the ``Session``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

from core.vault import Vault
from core.vault.keyfile import KEYFILE_NAME
from desktop.errors import show_error
from desktop.jobs import start_job
from desktop.session import Session
from desktop.unlock.create_page import CreatePage
from desktop.unlock.forgot_page import ForgotPage
from desktop.unlock.recovery_page import RecoveryPage
from desktop.unlock.unlock_page import UnlockPage, WelcomePage
from desktop.widgets.files import chooser

log = logging.getLogger(__name__)
DEMO_PASSPHRASE = "try the sample interview"


def _open_job(folder: Path, passphrase: str):
    def open_vault(report: Any, cancel: Any) -> tuple[Vault, str]:
        vault = Vault.open(folder, passphrase)  # recovers interrupted recordings itself
        return vault, vault.role
    return open_vault


def _create_job(folder: Path, passphrase: str, role: str, kdf: dict[str, Any] | None):
    def create_vault(report: Any, cancel: Any) -> tuple[Vault, str, str]:
        vault, code = Vault.create(folder, passphrase, role=role, kdf=kdf)
        return vault, code, role
    return create_vault


def _recover_job(folder: Path, code: str, passphrase: str):
    def recover_vault(report: Any, cancel: Any) -> tuple[Vault, str]:
        vault = Vault.open_with_recovery_code(folder, code)
        try:
            vault.change_passphrase(passphrase)
            return vault, vault.role
        except BaseException:
            vault.close()
            raise
    return recover_vault


def _demo_job(folder: Path, kdf: dict[str, Any] | None):
    def create_demo(report: Any, cancel: Any) -> tuple[Vault, str]:
        from core.demo import create_demo_vault  # builds the sample interview (models load lazily)
        vault = create_demo_vault(folder, DEMO_PASSPHRASE, report=report, cancel=cancel, kdf=kdf)
        return vault, vault.role
    return create_demo


class UnlockView(QStackedWidget):
    """Pages shown while no vault is unlocked."""

    def __init__(self, session: Session, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.default_folder = default_folder
        self.welcome = WelcomePage(self)
        self.unlock = UnlockPage(self)
        self.create = CreatePage(self)
        self.recovery = RecoveryPage(self)
        self.forgot = ForgotPage(self)
        for page in (self.welcome, self.unlock, self.create, self.recovery, self.forgot):
            self.addWidget(page)
        self._pending: tuple[Vault, str] | None = None
        self.welcome.create_requested.connect(self._show_create)
        self.welcome.sample_requested.connect(self._on_sample)
        self.welcome.folder_requested.connect(self._on_choose_folder)
        self.welcome.open_requested.connect(self._on_open_default)
        self.unlock.back_requested.connect(self.show_welcome)
        self.unlock.sample_requested.connect(self._on_open_sample)
        self.unlock.unlock_requested.connect(self._on_unlock)
        self.unlock.forgot_requested.connect(self._show_forgot)
        self.unlock.folder_requested.connect(self._on_choose_folder)
        self.create.create_requested.connect(self._on_create)
        self.create.back_requested.connect(self.show_start)
        self.forgot.recover_requested.connect(self._on_recover)
        self.forgot.back_requested.connect(self.show_start)
        self.recovery.done.connect(self._on_recovery_done)
        self.show_start()

    @property
    def folder(self) -> Path:
        return self.session.folder or self.default_folder

    @property
    def sample_folder(self) -> Path:
        return self.default_folder.parent / "sample-vault"

    def is_sample(self, folder: Path) -> bool:
        return Path(folder).resolve() == self.sample_folder.resolve()

    # --- navigation -------------------------------------------------------------------
    @Slot()
    def show_start(self) -> None:
        """Welcome if the folder has no vault yet, else the unlock page."""
        has_vault = (self.folder / KEYFILE_NAME).exists()
        self.unlock.folder_label.setText(self.tr("Interviews kept in: {folder}").format(folder=str(self.folder)))
        self.unlock.show_sample(DEMO_PASSPHRASE if self.is_sample(self.folder) else None)
        self.unlock.passphrase.clear()
        self.unlock.set_busy(False)
        self.setCurrentWidget(self.unlock if has_vault or self.session.held_vault else self.welcome)
        if self.currentWidget() is self.unlock:
            self.unlock.passphrase.setFocus()
        else:
            self._update_welcome()

    @Slot()
    def show_welcome(self) -> None:
        """The lock screen's "Back to the start": the welcome page, for the usual folder."""
        if self.session.held_vault is not None:
            return  # a recording runs in this vault: stay where it can be stopped or resumed
        self.session.folder = self.default_folder
        self._update_welcome()
        self.setCurrentWidget(self.welcome)

    def _update_welcome(self) -> None:
        has_vault = (self.default_folder / KEYFILE_NAME).exists()
        self.welcome.open_button.setVisible(has_vault)
        self.welcome.create_button.setVisible(not has_vault)
        self.welcome.sample_note.setText(self.welcome.sample_note.text().replace("{p}", DEMO_PASSPHRASE))

    @Slot()
    def _on_open_default(self) -> None:
        self.session.folder = self.default_folder
        self.show_start()

    @Slot()
    def _on_open_sample(self) -> None:
        self._on_unlock(DEMO_PASSPHRASE)

    @Slot()
    def _show_create(self) -> None:
        self.create.reset()
        self.setCurrentWidget(self.create)

    @Slot()
    def _show_forgot(self) -> None:
        self.setCurrentWidget(self.forgot)

    @Slot()
    def _on_choose_folder(self) -> None:
        folder = chooser().folder(self, self.tr("Choose the vault folder"))
        if folder is not None:
            self.session.folder = folder
            self.show_start()

    # --- jobs -------------------------------------------------------------------------
    @Slot(str)
    def _on_unlock(self, passphrase: str) -> None:
        if self.session.held_vault is not None:
            if not self.session.resume_held(passphrase):
                self.unlock.set_busy(False, self.tr("That passphrase does not unlock this vault."))
            return
        self.unlock.set_busy(True, self.tr("Unlocking\u2026"))
        start_job(_open_job(self.folder, passphrase), self, succeeded=self._on_opened,
                  failed=self._on_failed, name="unlock")

    @Slot(str, str)
    def _on_create(self, passphrase: str, role: str) -> None:
        self.create.set_busy(True, self.tr("Creating your vault\u2026"))
        start_job(_create_job(self.folder, passphrase, role, self.session.kdf), self,
                  succeeded=self._on_created, failed=self._on_failed, name="create")

    @Slot(str, str)
    def _on_recover(self, code: str, passphrase: str) -> None:
        self.forgot.set_busy(True, self.tr("Unlocking with the recovery code\u2026"))
        start_job(_recover_job(self.folder, code, passphrase), self, succeeded=self._on_opened,
                  failed=self._on_failed, name="recover")

    @Slot()
    def _on_sample(self) -> None:
        folder = self.sample_folder
        self.welcome.sample_button.setEnabled(False)
        if (folder / KEYFILE_NAME).exists():
            # Made before: open it again (its passphrase is public), never build a second one.
            self.session.folder = folder
            self.welcome.status.setText(self.tr("Opening the sample interview\u2026"))
            start_job(_open_job(folder, DEMO_PASSPHRASE), self, succeeded=self._on_opened,
                      failed=self._on_failed, name="demo_open")
            return
        self.welcome.status.setText(self.tr("Preparing the sample interview\u2026"))
        start_job(_demo_job(folder, self.session.kdf), self, succeeded=self._on_opened,
                  failed=self._on_failed, name="demo", serial=False)  # minutes: not on the vault worker

    @Slot(object)
    def _on_opened(self, result: tuple[Vault, str]) -> None:
        vault, role = result
        self.welcome.status.clear()
        self.welcome.sample_button.setEnabled(True)
        self.session.accept_vault(vault, role)

    @Slot(object)
    def _on_created(self, result: tuple[Vault, str, str]) -> None:
        vault, code, role = result
        self._pending = (vault, role)
        self.create.set_busy(False)
        self.recovery.show_code(code, vault.vault_id)
        self.setCurrentWidget(self.recovery)

    @Slot()
    def _on_recovery_done(self) -> None:
        if self._pending is not None:
            vault, role = self._pending
            self._pending = None
            self.session.accept_vault(vault, role)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.unlock.set_busy(False)
        self.create.set_busy(False)
        self.forgot.set_busy(False)
        self.welcome.sample_button.setEnabled(True)
        self.welcome.status.clear()
        msg = show_error(self, exc)
        if msg is not None:
            page = self.currentWidget()
            status = getattr(page, "status", None)
            if status is not None:
                status.setText(msg.message)
