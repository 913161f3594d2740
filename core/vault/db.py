"""The vault: a folder with vault.db (SQLCipher 4, WAL) and vault.json (the key file).

One process holds a vault at a time: an OS lock (flock) on ``vault.lock`` *and* on the vault
folder itself, both released by the kernel even after kill -9, so deleting ``vault.lock`` does
not let a second process in; it gets ``VaultInUse`` instead of racing the audio writer. (Not a
lock on vault.db: closing any other descriptor of that file would drop SQLite's own locks.)
vault.db, -wal and -shm are 0600. A damaged page is ``VaultCorrupt``, never a raw
DatabaseError, and ``core.vault.rescue`` can copy what is intact into a new vault.
Inside the process, each thread that writes gets its own connection from ``connect()``.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import logging
import os
import secrets
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeAlias

import sqlcipher3

from core.errors import (
    CoreError,
    DiskFull,
    KeyFileEdited,
    Msg,
    VaultCorrupt,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultReadOnly,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from core.vault import auditlog
from core.vault.keyfile import (
    DEFAULT_KDF,
    INFO_DB_KEY,
    KEYFILE_NAME,
    MASTER_KEY_BYTES,
    KeyFile,
    Wrap,
    derive_subkey,
    new_recovery_code,
)
from core.vault.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

DB_NAME = "vault.db"
LOCK_NAME = "vault.lock"
MODELS_DIR = "models"
MIN_PASSPHRASE_LEN = 8
# Settings every connection gets. cipher_log_level NONE: a wrong key would otherwise print
# "hmac check failed" to stderr. secure_delete: freed pages are zeroed, not left readable.
_CONNECTION_PRAGMAS = (
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA temp_store = MEMORY",
)

# sqlcipher3 ships no type information; for the type checker a connection is Any.
Connection: TypeAlias = Any


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# SQLite primary result codes (the low byte of sqlite_errorcode): decide by code, not by text.
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Failed unlocks per vault folder in this process. A failed unlock has no key, so it cannot be
# written into the vault (and must leave every byte unchanged); the count is written into the
# audit log by the next successful unlock (docs/decisions/0001-failed-unlocks.md).
_failed_unlocks: dict[str, int] = {}
_failed_unlocks_lock = threading.Lock()


def _folder_key(folder: Path) -> str:
    return str(folder.resolve())


def _note_failed_unlock(folder: Path) -> None:
    with _failed_unlocks_lock:
        key = _folder_key(folder)
        _failed_unlocks[key] = _failed_unlocks.get(key, 0) + 1


def _take_failed_unlocks(folder: Path) -> int:
    with _failed_unlocks_lock:
        return _failed_unlocks.pop(_folder_key(folder), 0)


def _restore_failed_unlocks(folder: Path, count: int) -> None:
    if count:
        with _failed_unlocks_lock:
            key = _folder_key(folder)
            _failed_unlocks[key] = _failed_unlocks.get(key, 0) + count


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or _sqlite_code(exc) == SQLITE_FULL


def is_damaged_page(exc: BaseException) -> bool:
    """True when SQLite could not read a page: it fails its check (HMAC) or its structure is broken."""
    return _sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_IOERR)


def _is_read_only(exc: BaseException) -> bool:
    return (getattr(exc, "errno", None) in (errno.EROFS, errno.EACCES, errno.EPERM)
            or _sqlite_code(exc) in (SQLITE_READONLY, SQLITE_CANTOPEN))


# vault.lock descriptor -> the folder's locked descriptor (closed together).
_folder_locks: dict[int, int] = {}


def release_lock(lock_fd: int) -> None:
    """Release what ``Vault._lock`` took: vault.lock and the folder's lock."""
    dir_fd = _folder_locks.pop(lock_fd, None)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_UN)
    finally:
        os.close(lock_fd)
        if dir_fd is not None:
            os.close(dir_fd)


def damaged_vault() -> VaultCorrupt:
    return VaultCorrupt(Msg("vault.part_vault_database_damaged"),
                        Msg("vault.part_vault_database_damaged.hint"))


def _is_empty_leftover(db_path: Path) -> bool:
    """A 0-byte vault.db with no key file: what a create that crashed at once leaves behind."""
    try:
        return db_path.stat().st_size == 0
    except OSError:
        return False


def _tighten_permissions(folder: Path) -> None:
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        try:
            path = folder / name
            if path.exists() and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
        except OSError:  # read-only media: nothing to tighten there
            pass


def _schema_readable(conn: Connection) -> bool:
    """True when the key is right (the schema page decrypts), so a failure is a damaged page."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False


def _raw_key_pragma(db_key: bytes) -> str:
    return f"PRAGMA key = \"x'{db_key.hex()}'\""


def _recover_recordings(vault: Vault) -> list[int]:
    """Every unlock closes recordings a crash left open (so no caller can forget to)."""
    from core.vault.recovery import recover_unfinished  # it uses repositories built on this module
    try:
        return recover_unfinished(vault)
    except sqlcipher3.DatabaseError as exc:  # the recordings table's page is damaged
        if is_damaged_page(exc):
            raise damaged_vault() from exc
        raise
    except (DiskFull, VaultReadOnly):
        # Opening for reading must still work on a full or read-only disk; the next unlock
        # that can write recovers them (their audio is intact either way).
        log.warning("vault %s: unfinished recordings left for the next unlock (cannot write)", vault.vault_id)
        return []


class Vault:
    """An unlocked vault. Close it (or use ``with``) to drop the keys and the lock."""

    def __init__(self, folder: Path, keyfile: KeyFile, master_key: bytes, lock_fd: int) -> None:
        self.folder = folder
        self.keyfile = keyfile
        self._master_key: bytes | None = master_key
        self._lock_fd: int | None = lock_fd
        self._creating = False  # only a vault being created may get a fresh schema
        self._local = threading.local()
        self._all_conns: list[Connection] = []
        self._conns_lock = threading.Lock()
        self.failed_unlocks_before = 0
        self.recovered_recordings: list[int] = []  # closed at this unlock (a crash left them open)

    # --- creating and opening ---------------------------------------------------------
    @classmethod
    def create(cls, folder: str | Path, passphrase: str, *, role: str = "researcher",
               kdf: dict[str, Any] | None = None) -> tuple[Vault, str]:
        """Create a vault; returns it unlocked and the recovery code (shown once, never stored)."""
        folder = Path(folder)
        if len(passphrase) < MIN_PASSPHRASE_LEN:
            raise WeakPassphrase()
        db_path = folder / DB_NAME
        if (folder / KEYFILE_NAME).exists() or (db_path.exists() and not _is_empty_leftover(db_path)):
            raise VaultExists()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        except OSError as exc:  # read-only file system, no permission, disk full
            raise (DiskFull() if _is_disk_full(exc) else VaultReadOnly()) from exc
        if not os.access(folder, os.W_OK):
            raise VaultReadOnly()
        lock_fd = cls._lock(folder)
        master_key = secrets.token_bytes(MASTER_KEY_BYTES)
        recovery_code = new_recovery_code()
        keyfile = KeyFile(vault_id=str(uuid.uuid4()), kdf=dict(kdf or DEFAULT_KDF),
                          passphrase_wrap=Wrap(b"", b"", b""), recovery_wrap=None, created_at=now_iso())
        keyfile.set_passphrase(passphrase, master_key)
        keyfile.set_recovery_code(recovery_code, master_key)
        vault = cls(folder, keyfile, master_key, lock_fd)
        vault._creating = True
        try:
            # The database first, the key file last: a crash in between leaves no key file,
            # and a folder without vault.json is not mistaken for a vault. The file is made
            # 0600 before SQLite writes to it (its -wal and -shm take the same mode).
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT, 0o600))
            os.chmod(db_path, 0o600)
            with vault.transaction() as conn:
                conn.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?)", (keyfile.vault_id,))
                conn.execute("INSERT INTO meta (key, value) VALUES ('role', ?)", (role,))
                conn.execute("INSERT INTO meta (key, value) VALUES ('created_at', ?)", (now_iso(),))
                conn.execute("INSERT INTO meta (key, value) VALUES ('recovery_code_created', '1')")
                auditlog.append(conn, "vault_created", {"role": role, "kdf": keyfile.kdf})
            keyfile.save(folder)
        except OSError as exc:
            vault.close()
            raise (DiskFull() if _is_disk_full(exc) else VaultReadOnly()) from exc
        vault._creating = False
        _tighten_permissions(folder)
        log.info("vault created id=%s role=%s", keyfile.vault_id, role)
        return vault, recovery_code

    @classmethod
    def open(cls, folder: str | Path, passphrase: str) -> Vault:
        """Unlock with the passphrase. A wrong one costs one KDF and changes no byte."""
        folder = cls._check_folder(Path(folder))
        keyfile = KeyFile.load(folder)
        try:
            master_key = keyfile.unwrap_with_passphrase(passphrase)
        except WrongPassphrase:
            _note_failed_unlock(folder)
            raise
        return cls._finish_open(folder, keyfile, master_key, "unlocked", {"method": "passphrase"})

    @classmethod
    def open_with_recovery_code(cls, folder: str | Path, code: str) -> Vault:
        """Unlock with the recovery code; the caller should then set a new passphrase."""
        folder = cls._check_folder(Path(folder))
        keyfile = KeyFile.load(folder)
        try:
            master_key = keyfile.unwrap_with_recovery_code(code)
        except WrongPassphrase:  # WrongRecoveryCode included
            _note_failed_unlock(folder)
            raise
        return cls._finish_open(folder, keyfile, master_key, "unlocked", {"method": "recovery_code"})

    @classmethod
    def _check_folder(cls, folder: Path) -> Path:
        if not folder.is_dir() or not (folder / KEYFILE_NAME).exists():
            raise VaultNotFound(Msg("vault.no_vault", folder=folder))
        if not (folder / DB_NAME).exists():
            raise VaultCorrupt(Msg("vault.vault_database_vault_db"),
                               Msg("vault.vault_database_vault_db.hint"))
        if (folder / DB_NAME).stat().st_size == 0:
            # An empty file holds none of the vault: it was cut short while copying or replaced by
            # a sync tool. Say so, and never write a fresh schema into it (that would hide it).
            raise VaultCorrupt(Msg("vault.vault_database_vault_db_2"),
                               Msg("vault.vault_database_vault_db_2.hint"))
        return folder

    @classmethod
    def _finish_open(cls, folder: Path, keyfile: KeyFile, master_key: bytes,
                     event: str, details: dict[str, Any]) -> Vault:
        lock_fd = cls._lock(folder)
        vault = cls(folder, keyfile, master_key, lock_fd)
        failed = _take_failed_unlocks(folder)
        vault.failed_unlocks_before = failed
        try:
            conn = vault.conn
            try:
                vault_id = conn.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()
            except sqlcipher3.DatabaseError as exc:
                if is_damaged_page(exc) and _schema_readable(conn):
                    raise damaged_vault() from exc
                raise VaultCorrupt(Msg("vault.vault_database_not_match"),
                                   Msg("vault.vault_database_not_match.hint")) from exc
            if vault_id is None or vault_id[0] != keyfile.vault_id:
                raise VaultCorrupt(Msg("vault.vault_db_belongs_different"),
                                   Msg("vault.vault_db_belongs_different.hint"))
            vault._check_recovery_slot()
            vault._record_key_file_bounds()
            _tighten_permissions(folder)
            try:
                with vault.transaction() as c:
                    if failed:
                        auditlog.append(c, "unlock_failed", {"count": failed})
                    auditlog.append(c, event, {**details, "failed_unlocks": failed})
            except sqlcipher3.DatabaseError as exc:
                if is_damaged_page(exc):
                    raise damaged_vault() from exc
                raise
            except DiskFull:
                # A full disk must not lock people out of their interviews: open without the
                # log entry (reading still works) and keep the failed count for next time.
                _restore_failed_unlocks(folder, failed)
                vault.failed_unlocks_before = failed
                log.warning("vault %s opened on a full disk; unlock not logged", keyfile.vault_id)
            vault.recovered_recordings = _recover_recordings(vault)
        except BaseException:
            _restore_failed_unlocks(folder, failed)
            vault.close()
            raise
        log.info("vault opened id=%s", keyfile.vault_id)
        _finish_interrupted_erase(vault)
        return vault

    def _check_recovery_slot(self) -> None:
        # The database (authenticated by SQLCipher) knows a recovery code was made; a key file
        # without its slot was edited, even if the edit also rewrote the slots' digests.
        if self.keyfile.recovery_wrap is None and self.meta("recovery_code_created") == "1":
            raise KeyFileEdited(Msg("vault.vault_key_file_vault"))

    def _record_key_file_bounds(self) -> None:
        """Key files written before wraps carried their bound digest get it once unlocked."""
        wraps = [w for w in (self.keyfile.passphrase_wrap, self.keyfile.recovery_wrap) if w is not None]
        if all(w.bound_sha256 for w in wraps):
            return
        self.keyfile.reseal_bounds()
        try:
            self.keyfile.save(self.folder)
        except (OSError, CoreError):  # read-only media: the file stays as it was, still valid
            log.info("key file of vault %s not upgraded (cannot write)", self.keyfile.vault_id)

    @staticmethod
    def _lock(folder: Path) -> int:
        try:
            fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError:
            fd = os.open(folder / LOCK_NAME, os.O_RDONLY) if (folder / LOCK_NAME).exists() else -1
            if fd < 0:
                raise VaultReadOnly() from None
        except OSError as exc:
            raise (DiskFull() if _is_disk_full(exc) else VaultReadOnly()) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultInUse() from None
        # vault.lock can be deleted while held (a new file then locks freely): the folder itself
        # is locked too. Its descriptor lives as long as the vault.lock one (see close()).
        try:
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return fd
        try:
            fcntl.flock(dir_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(dir_fd)
            os.close(fd)
            raise VaultInUse() from None
        except OSError:  # a file system without flock on folders: vault.lock alone
            os.close(dir_fd)
            return fd
        _folder_locks[fd] = dir_fd
        return fd

    # --- keys ----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._master_key is not None

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    def derive_key(self, info: bytes) -> bytes:
        """A 256-bit key for one named purpose (HKDF from the master key)."""
        if self._master_key is None:
            raise VaultCorrupt(Msg("vault.vault_locked"), Msg("vault.vault_locked.hint"))
        return derive_subkey(self._master_key, info, self.keyfile.vault_id.encode())

    def db_key(self) -> bytes:
        return self.derive_key(INFO_DB_KEY)

    # --- connections ---------------------------------------------------------------------
    def connect(self) -> Connection:
        """A new keyed connection (one per thread; the caller closes it)."""
        try:
            conn = sqlcipher3.connect(str(self.folder / DB_NAME), timeout=10, isolation_level=None,
                                      check_same_thread=False)
        except sqlcipher3.OperationalError as exc:
            raise (DiskFull() if _is_disk_full(exc) else VaultReadOnly()) from exc
        conn.execute(_raw_key_pragma(self.db_key()))
        for pragma in _CONNECTION_PRAGMAS:
            conn.execute(pragma)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            if _sqlite_code(exc) in (SQLITE_NOTADB, SQLITE_CORRUPT):
                # Without the right key a foreign, damaged or plain database all look alike.
                raise VaultCorrupt(Msg("vault.vault_database_damaged_not"),
                                   Msg("vault.vault_database_damaged_not.hint")) from exc
            if _is_disk_full(exc):
                raise DiskFull() from exc
            raise VaultReadOnly() from exc
        if mode and mode[0] != "wal":
            log.warning("vault journal mode is %s", mode[0])
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at checkpoint, never corrupt
        self._migrate(conn)
        with self._conns_lock:
            self._all_conns.append(conn)
        return conn

    def release(self, conn: Connection) -> None:
        """Close a connection from ``connect`` before the vault closes."""
        with self._conns_lock:
            if conn in self._all_conns:
                self._all_conns.remove(conn)
        conn.close()

    @property
    def conn(self) -> Connection:
        """This thread's connection (made on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.connect()
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self, conn: Connection | None = None) -> Iterator[Connection]:
        """BEGIN IMMEDIATE ... COMMIT; rolls back on error and maps disk-full to DiskFull."""
        conn = conn or self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.OperationalError as exc:
            if _is_read_only(exc):
                raise VaultReadOnly() from exc
            if _is_disk_full(exc):
                raise DiskFull() from exc
            raise
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            try:
                conn.execute("ROLLBACK")
            except sqlcipher3.Error:
                pass
            if isinstance(exc, sqlcipher3.Error):
                if _is_disk_full(exc):
                    raise DiskFull() from exc
                if _is_read_only(exc):
                    raise VaultReadOnly() from exc
            raise

    def _migrate(self, conn: Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise VaultTooNew()
        if version == SCHEMA_VERSION:
            return
        if version == 0 and not self._creating:
            conn.close()
            raise VaultCorrupt(Msg("vault.vault_database_vault_db_3"),
                               Msg("vault.vault_database_vault_db_3.hint"))
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another thread may have won
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _split_sql(MIGRATIONS[number - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                log.info("vault migrated to schema %d", number)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # --- settings ------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def role(self) -> str:
        return self.meta("role") or "researcher"

    def set_role(self, role: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('role', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (role,))
            auditlog.append(conn, "role_changed", {"role": role})

    @property
    def models_dir(self) -> Path:
        return self.folder / MODELS_DIR

    # --- passphrase ----------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the master key; only vault.json is rewritten (atomically)."""
        if len(new_passphrase) < MIN_PASSPHRASE_LEN:
            raise WeakPassphrase()
        assert self._master_key is not None
        self.keyfile.set_passphrase(new_passphrase, self._master_key)
        self.keyfile.save(self.folder)
        self.audit("passphrase_changed", {})

    def audit(self, event: str, details: dict[str, Any] | None = None) -> None:
        """Append a security event (ids and counts only; never content)."""
        with self.transaction() as conn:
            auditlog.append(conn, event, details or {})

    # --- closing -------------------------------------------------------------------------
    def close(self) -> None:
        """Close every connection, drop the key, release the lock."""
        with self._conns_lock:
            conns, self._all_conns = self._all_conns, []
        for conn in conns:
            try:
                conn.close()
            except sqlcipher3.Error:
                pass
        self._local = threading.local()
        self._master_key = None
        if self._lock_fd is not None:
            release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _finish_interrupted_erase(vault: Vault) -> None:
    """A deletion whose WAL could not be cleared (busy, crash) is finished at the next unlock."""
    from core.vault.erase import finish_pending, is_erase_pending  # erase imports this module
    try:
        if is_erase_pending(vault) and finish_pending(vault):
            log.info("finished clearing the WAL after an earlier deletion")
    except (sqlcipher3.Error, DiskFull, VaultReadOnly):
        log.warning("could not finish clearing the WAL after an earlier deletion")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (executescript would COMMIT mid-migration)."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if sqlcipher3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
