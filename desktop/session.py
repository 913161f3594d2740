"""The unlocked vault as the UI sees it, and what locking means.

Locking drops the UI's reference to the vault, cancels running jobs and closes the vault
(every connection, the master key, the folder lock) as soon as nothing uses it any more.
One thing may keep it open: a recording in progress. Its writer thread owns the audio and
must never lose it, so the vault is closed the moment that recording stops (from the lock
screen's "Stop recording" button or after unlocking). See docs/decisions/0072.

Unlocking while a recording kept the vault open checks the passphrase against the key file
and hands the same vault back (a second open would meet our own folder lock).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from core.vault import Vault
from desktop import jobs

log = logging.getLogger(__name__)


class Session(QObject):
    """Holds the vault while unlocked; emits ``unlocked`` and ``locked``."""

    unlocked = Signal()
    locked = Signal()
    vault_closed = Signal()

    def __init__(self, folder: Path | None = None, kdf: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.kdf = kdf            # tests pass a fast KDF for vaults they create
        self._vault: Vault | None = None
        self.autolock_cap: int | None = None
        self._held: Vault | None = None   # kept open only for a running recording
        self.recorder: Any = None         # core.audio.capture.Recorder while recording
        self._role = "researcher"
        jobs.tracker().changed.connect(self._maybe_close_held)

    # --- state ----------------------------------------------------------------------------
    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is locked")
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    @property
    def is_recording(self) -> bool:
        rec = self.recorder
        return bool(rec is not None and getattr(rec, "is_recording", False))

    @property
    def held_vault(self) -> Vault | None:
        """The vault kept open behind the lock screen for a recording (else None)."""
        return self._held

    @property
    def role(self) -> str:
        return self._role

    # --- unlock / lock --------------------------------------------------------------------
    def accept_vault(self, vault: Vault, role: str) -> None:
        """Adopt a vault unlocked by a background job (create, open or recover)."""
        self._vault = vault
        self._role = role
        self.folder = vault.folder
        self._held = None
        from core.reports.fonts import use_paper_of
        from core.study.limits import autolock_cap
        use_paper_of(vault)  # every PDF made in this session uses the vault's paper size
        self.autolock_cap = autolock_cap(vault)  # a joined study's longest idle time
        log.info("session unlocked")
        self.unlocked.emit()

    def resume_held(self, passphrase: str) -> bool:
        """Unlock back into a vault kept open for a recording; False if the passphrase is wrong."""
        held = self._held
        if held is None:
            return False
        from core.errors import WrongPassphrase
        try:
            held.keyfile.unwrap_with_passphrase(passphrase)
        except WrongPassphrase:
            return False
        self.accept_vault(held, self._role)
        return True

    def lock(self) -> None:
        """Hide everything and drop the keys (deferred while a recording runs)."""
        if self._vault is None:
            return
        vault, self._vault = self._vault, None
        self._held = vault
        jobs.cancel_all()
        log.info("session locked (recording=%s)", self.is_recording)
        self.locked.emit()
        self._maybe_close_held()

    def recording_ended(self) -> None:
        """The record view calls this when the recorder has stopped."""
        self.recorder = None
        self._maybe_close_held()

    @Slot(int)
    def _maybe_close_held(self, _n: int = 0) -> None:
        if self._held is None or self._vault is not None:
            return
        if self.is_recording or jobs.active_jobs():
            return
        held, self._held = self._held, None
        held.close()
        log.info("vault closed after lock")
        self.vault_closed.emit()

    def close(self) -> None:
        """Quit: close whatever is open (the caller made sure no recording runs)."""
        for v in (self._vault, self._held):
            if v is not None:
                v.close()
        self._vault = self._held = None
