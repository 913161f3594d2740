"""Encrypted whole-vault backup to one file, and restore into a new folder (decision 0136).

A backup file (``.cbak``) is::

    MAGIC (17 bytes) | u32 big-endian header length | header JSON | vault.json bytes
    | vault.db bytes (the SQLCipher pages as they are on disk) | HMAC-SHA256 (32 bytes)

The pages are copied raw, so they stay encrypted under the vault's own key: the backup is
exactly as safe as the vault folder and holds no plaintext. The header says only what the
vault folder already shows (vault id, time, sizes). The HMAC covers every byte before it, under
a key derived from the master key for this purpose alone, so a restore with the passphrase or
recovery code proves the whole file is intact before it becomes a vault.

Consistency: the WAL is checkpointed into vault.db, then a write transaction is held while the
pages are copied, so no commit can land half-way (the WAL stays empty). The copy goes to a
``.partial`` file on the target, fsynced and renamed only when complete: a kill -9 or a full
stick leaves the earlier backups (other names) and the vault (only read) as they were.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import json
import logging
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from core import __version__
from core.errors import CoreError, DiskFull, InvalidInput, Msg, VaultExists, VaultReadOnly
from core.jobs import CancelToken, Progress, ReportFn
from core.vault import Vault
from core.vault.db import DB_NAME, now_iso
from core.vault.erase import checkpoint_truncate
from core.vault.keyfile import KEYFILE_NAME, KeyFile, derive_subkey

log = logging.getLogger(__name__)

MAGIC = b"CONFIDANT-BACKUP\n"
FORMAT = "confidant-backup/1"
SUFFIX = ".cbak"
INFO_BACKUP_MAC = b"confidant/v1/backup-mac"
MAC_BYTES = 32
BLOCK_BYTES = 1 << 20
MAX_HEADER_BYTES = 64 * 1024
PAGE_BYTES = 4096
SETTING_LAST_BACKUP = "last_backup_at"
SETTING_REMIND_DAYS = "backup_reminder_days"
DEFAULT_REMIND_DAYS = 7
_LOCK_TRIES = 20


class BackupDamaged(CoreError):
    user_message = "This backup file is damaged or is not a Confidant backup."
    hint = "Use another backup file (Confidant names them confidant-backup-….cbak)."


class BackupBusy(CoreError):
    user_message = "The vault is busy, so the backup could not start."
    hint = "Stop any recording and close other Confidant windows, then back up again."


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    pages: int
    created_at: str


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    vault_id: str
    interviews: int
    created_at: str


def mac_key(master_key: bytes, vault_id: str) -> bytes:
    return derive_subkey(master_key, INFO_BACKUP_MAC, vault_id.encode())


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")


def _write_error(exc: OSError, folder: Path) -> CoreError:
    if exc.errno == errno.ENOSPC:
        return DiskFull(Msg("lifecycle.backup_drive_full_backup"), Msg("lifecycle.backup_drive_full_backup.hint"))
    return VaultReadOnly(Msg("lifecycle.cannot_write", folder=folder), Msg("lifecycle.cannot_write.hint"))


def _remove_stale_partials(folder: Path) -> None:
    """A backup killed half-way leaves its ``.partial``; the next backup clears it."""
    for p in folder.glob(".confidant-backup-*.partial"):
        try:
            p.unlink()
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_backup_job(vault: Vault, out_dir: str | Path):  # -> Job[BackupResult]
    """Write one encrypted, integrity-checked backup file of the whole vault into ``out_dir``."""
    folder = Path(out_dir)

    def job(report: ReportFn, cancel: CancelToken) -> BackupResult:
        if not folder.is_dir():
            raise InvalidInput(Msg("lifecycle.folder_not_exist", folder=folder), Msg("lifecycle.folder_not_exist.hint"))
        if vault.conn.execute("SELECT 1 FROM recordings WHERE state = 'recording'").fetchone():
            raise BackupBusy(Msg("lifecycle.recording_running_backup_did"),
                             Msg("lifecycle.recording_running_backup_did.hint"))
        _remove_stale_partials(folder)
        created = now_iso()
        name = f"confidant-backup-{vault.vault_id[:8]}-{_stamp()}{SUFFIX}"
        final, partial = folder / name, folder / f".{name}.partial"
        conn = vault.connect()
        try:
            _hold_still(vault, conn)
            try:
                result = _copy(vault, conn, partial, created, report, cancel)
            finally:
                conn.execute("ROLLBACK")
            os.replace(partial, final)
            _fsync_dir(folder)
        except OSError as exc:
            _unlink(partial)
            raise _write_error(exc, folder) from exc
        except BaseException:
            _unlink(partial)
            raise
        finally:
            vault.release(conn)
        vault.set_setting(SETTING_LAST_BACKUP, created)
        vault.audit("backup_made", {"bytes": result[0], "pages": result[1]})
        log.info("backup made bytes=%d pages=%d", result[0], result[1])
        return BackupResult(final, result[0], result[1], created)
    return job


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _hold_still(vault: Vault, conn: Any) -> None:
    """Empty the WAL, then hold the write lock with the WAL still empty (retry if a commit slipped in)."""
    wal = Path(vault.folder) / f"{DB_NAME}-wal"
    for _ in range(_LOCK_TRIES):
        if not checkpoint_truncate(vault):
            continue
        conn.execute("BEGIN IMMEDIATE")
        if not wal.exists() or wal.stat().st_size == 0:
            return
        conn.execute("ROLLBACK")
    raise BackupBusy()


def _copy(vault: Vault, conn: Any, partial: Path, created: str, report: ReportFn,
          cancel: CancelToken) -> tuple[int, int]:
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    db_bytes = pages * PAGE_BYTES
    keyfile = (Path(vault.folder) / KEYFILE_NAME).read_bytes()
    header = json.dumps({"format": FORMAT, "vault_id": vault.vault_id, "created_at": created,
                         "app_version": __version__, "role": vault.role, "db_bytes": db_bytes,
                         "keyfile_bytes": len(keyfile)}, sort_keys=True).encode()
    master = getattr(vault, "_master_key", None)
    if master is None:
        raise CoreError(Msg("lifecycle.vault_locked"), Msg("lifecycle.vault_locked.hint"))
    mac = hmac.new(mac_key(master, vault.vault_id), digestmod=hashlib.sha256)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, (Path(vault.folder) / DB_NAME).open("rb") as src:
        def put(data: bytes) -> None:
            out.write(data)
            mac.update(data)
        put(MAGIC + struct.pack(">I", len(header)) + header + keyfile)
        done = 0
        while done < db_bytes:
            cancel.raise_if_cancelled()
            block = src.read(min(BLOCK_BYTES, db_bytes - done))
            if not block:
                raise BackupBusy(Msg("lifecycle.vault_db_shorter_page"), Msg("lifecycle.vault_db_shorter_page.hint"))
            put(block)
            done += len(block)
            report(Progress(done, db_bytes, "Backing up"))
        out.write(mac.digest())
        out.flush()
        os.fsync(out.fileno())
    return db_bytes + len(header) + len(keyfile) + len(MAGIC) + 4 + MAC_BYTES, pages


# --- reading and restoring -------------------------------------------------------------------
@dataclass(frozen=True)
class BackupHeader:
    fields: dict[str, Any]
    keyfile: KeyFile
    keyfile_bytes: bytes
    db_offset: int

    @property
    def db_bytes(self) -> int:
        return int(self.fields["db_bytes"])


def read_header(fh: BinaryIO) -> BackupHeader:
    """The plaintext part of a backup: what it is, and the key file to unlock it with."""
    if fh.read(len(MAGIC)) != MAGIC:
        raise BackupDamaged()
    raw = fh.read(4)
    if len(raw) != 4:
        raise BackupDamaged()
    (n,) = struct.unpack(">I", raw)
    if not 0 < n <= MAX_HEADER_BYTES:
        raise BackupDamaged()
    try:
        fields = json.loads(fh.read(n))
        if fields.get("format") != FORMAT:
            raise BackupDamaged(Msg("lifecycle.backup_made_newer_version"),
                                Msg("lifecycle.backup_made_newer_version.hint"))
        kb = int(fields["keyfile_bytes"])
        keyfile_bytes = fh.read(kb)
        keyfile = KeyFile.from_json(json.loads(keyfile_bytes))
        int(fields["db_bytes"])
    except BackupDamaged:
        raise
    except (ValueError, KeyError, TypeError, CoreError) as exc:
        raise BackupDamaged() from exc
    return BackupHeader(fields, keyfile, keyfile_bytes, len(MAGIC) + 4 + n + kb)


def make_restore_job(backup_file: str | Path, new_folder: str | Path, *, passphrase: str | None = None,
                     recovery_code: str | None = None):  # -> Job[RestoreResult]
    """Rebuild a vault from a backup in an empty folder; the whole file is checked before it counts."""
    src, folder = Path(backup_file), Path(new_folder)

    def job(report: ReportFn, cancel: CancelToken) -> RestoreResult:
        if (folder / KEYFILE_NAME).exists() or (folder / DB_NAME).exists():
            raise VaultExists(Msg("lifecycle.vault_already_exists_folder"),
                              Msg("lifecycle.vault_already_exists_folder.hint"))
        try:
            fh = src.open("rb")
        except OSError as exc:
            raise InvalidInput(Msg("lifecycle.cannot_read", src=src), Msg("lifecycle.cannot_read.hint")) from exc
        with fh:
            head = read_header(fh)
            if recovery_code is not None:
                master = head.keyfile.unwrap_with_recovery_code(recovery_code)
            else:
                master = head.keyfile.unwrap_with_passphrase(passphrase or "")
            total = os.fstat(fh.fileno()).st_size
            if total != head.db_offset + head.db_bytes + MAC_BYTES:
                raise BackupDamaged(Msg("lifecycle.backup_file_incomplete_cut"),
                                    Msg("lifecycle.backup_file_incomplete_cut.hint"))
            _write_db(fh, head, master, folder, report, cancel)
        restored = (Vault.open_with_recovery_code(folder, recovery_code) if recovery_code is not None
                    else Vault.open(folder, passphrase or ""))
        try:
            ok = restored.conn.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise BackupDamaged(Msg("lifecycle.restored_vault_failed_check"), Msg("lifecycle.backup_file_incomplete_cut.hint"))
            n = int(restored.conn.execute("SELECT COUNT(*) FROM interviews").fetchone()[0])
            restored.audit("restored_from_backup", {"backup_made": head.fields.get("created_at", ""),
                                                    "interviews": n})
        finally:
            restored.close()
        return RestoreResult(folder, head.keyfile.vault_id, n, str(head.fields.get("created_at", "")))
    return job


def _write_db(fh: BinaryIO, head: BackupHeader, master: bytes, folder: Path, report: ReportFn,
              cancel: CancelToken) -> None:
    mac = hmac.new(mac_key(master, head.keyfile.vault_id), digestmod=hashlib.sha256)
    fh.seek(0)
    mac.update(fh.read(head.db_offset))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise _write_error(exc, folder) from exc
    tmp = folder / f".{DB_NAME}.restoring"
    try:
        with tmp.open("wb") as out:
            left = head.db_bytes
            while left:
                cancel.raise_if_cancelled()
                block = fh.read(min(BLOCK_BYTES, left))
                if not block:
                    raise BackupDamaged()
                mac.update(block)
                out.write(block)
                left -= len(block)
                report(Progress(head.db_bytes - left, head.db_bytes, "Restoring"))
            if not hmac.compare_digest(mac.digest(), fh.read(MAC_BYTES)):
                raise BackupDamaged(Msg("lifecycle.backup_file_changed_damaged"),
                                    Msg("lifecycle.backup_file_changed_damaged.hint"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / DB_NAME)
        # The key file last, as Vault.create does: a folder without vault.json is not a vault.
        from core.vault.files import atomic_write
        atomic_write(folder / KEYFILE_NAME, head.keyfile_bytes)
    except OSError as exc:
        _unlink(tmp)
        raise _write_error(exc, folder) from exc
    except BaseException:
        _unlink(tmp)
        raise


def backup_reminder_message(vault: Vault, now: dt.datetime | None = None) -> Msg | None:
    """A sentence when a backup is due (None when not): none yet, or the last one is old."""
    has_interviews = vault.conn.execute("SELECT 1 FROM interviews LIMIT 1").fetchone() is not None
    last = vault.get_setting(SETTING_LAST_BACKUP)
    if last is None:
        return Msg("lifecycle.no_backup_yet") if has_interviews else None
    days = int(vault.get_setting(SETTING_REMIND_DAYS, str(DEFAULT_REMIND_DAYS)) or DEFAULT_REMIND_DAYS)
    age = (now or dt.datetime.now(dt.UTC)) - dt.datetime.fromisoformat(last)
    if age.days >= days:
        return Msg("lifecycle.last_backup_old", days=age.days)
    return None


def backup_reminder(vault: Vault, now: dt.datetime | None = None) -> str:
    """``backup_reminder_message`` in English ('' when no backup is due)."""
    msg = backup_reminder_message(vault, now)
    return msg.render() if msg else ""
