"""Rescue: copy what is intact from a damaged vault into a new vault, never writing the old one.

A damaged page (a flipped bit fails SQLCipher's HMAC) makes SQLite refuse every statement that
touches it; the rest of the file is fine. ``rescue`` opens the damaged vault's database
read-only with its key, creates a new vault (same passphrase, same KDF settings, same role)
and copies each table row by row in rowid order; where a read fails it skips ahead past the
damaged stretch and goes on, counting what it could not read. Nothing is exported as
plaintext: the copy is another encrypted vault. The old folder keeps every byte, so a person
can still try other tools on it.

Not copied: the security log (the new vault starts its own chain and records the rescue with
its counts) and the search index (rebuilt from the copied segments).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from core.errors import Msg, VaultCorrupt
from core.vault import auditlog
from core.vault.db import DB_NAME, Connection, Vault, _raw_key_pragma, is_damaged_page, release_lock
from core.vault.keyfile import INFO_DB_KEY, KeyFile, derive_subkey

log = logging.getLogger(__name__)

_SKIP_TABLES = {"audit_log"}
_SKIP_META = {"vault_id", "created_at", "audit_head", "role"}


@dataclass
class TableRescue:
    name: str
    copied: int = 0
    damaged_stretches: int = 0   # places where rows could not be read and were skipped
    unreadable: bool = False     # not even its first rows could be read


@dataclass
class RescueReport:
    target: Path
    recovery_code: str = ""  # the new vault's own recovery code (show it once)
    tables: list[TableRescue] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # tables the new schema has no place for

    @property
    def rows_copied(self) -> int:
        return sum(t.copied for t in self.tables)

    @property
    def damaged(self) -> list[TableRescue]:
        return [t for t in self.tables if t.damaged_stretches or t.unreadable]


class _Source:
    """The damaged database, read-only. After SQLite meets a damaged page a connection may keep
    failing, so each failure gets a fresh connection."""

    def __init__(self, folder: Path, db_key: bytes) -> None:
        self.folder, self.db_key = folder, db_key
        self.conn = _open_read_only(folder, db_key)

    def reopen(self) -> Connection:
        try:
            self.conn.close()
        except sqlcipher3.Error:
            pass
        self.conn = _open_read_only(self.folder, self.db_key)
        return self.conn

    def close(self) -> None:
        self.conn.close()


def _open_read_only(folder: Path, db_key: bytes) -> Connection:
    uri = (folder / DB_NAME).resolve().as_uri() + "?mode=ro"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(_raw_key_pragma(db_key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA query_only = ON")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultCorrupt(Msg("vault.damaged_vault_table_contents"), Msg("vault.vault_database_vault_db.hint")) from exc
    return conn


def _tables(conn: Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    fts = {name for name, sql in rows if sql and "VIRTUAL TABLE" in sql.upper()}
    return [name for name, _sql in rows
            if not name.startswith("sqlite_") and name not in fts and name not in _SKIP_TABLES
            and not any(name.startswith(f + "_") for f in fts)]


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _next_readable(src: _Source, table: str, after: int, select: str) -> int | None:
    """The first rowid past a damaged stretch whose row can be read (skipping ahead, doubling).

    NOT INDEXED and the full row: an index may still list rowids whose rows are on the damaged
    page, and the loop must make progress.
    """
    try:
        top = src.reopen().execute(f'SELECT max(rowid) FROM "{table}" NOT INDEXED').fetchone()[0]
    except sqlcipher3.DatabaseError:
        return None
    if top is None or top <= after:
        return None
    step = 1
    while after + step <= top:
        try:
            row = src.conn.execute(f'SELECT rowid, {select} FROM "{table}" NOT INDEXED WHERE rowid >= ?'
                                   ' ORDER BY rowid LIMIT 1', (after + step,)).fetchone()
            return int(row[0]) if row else None
        except sqlcipher3.DatabaseError:
            src.reopen()
            step *= 2
    return None


def _rows(src: _Source, table: str, cols: list[str], stat: TableRescue) -> Iterator[tuple[Any, ...]]:
    select = ", ".join(f'"{c}"' for c in cols)
    last = -(2 ** 63)
    while True:
        try:
            for row in src.conn.execute(f'SELECT rowid, {select} FROM "{table}" NOT INDEXED WHERE rowid > ?'
                                        ' ORDER BY rowid', (last,)):
                last = row[0]
                yield row[1:]
            return
        except sqlcipher3.DatabaseError as exc:
            if not is_damaged_page(exc):
                raise
            stat.damaged_stretches += 1
            nxt = _next_readable(src, table, last, select)
            if nxt is None or stat.damaged_stretches > 10_000:
                stat.unreadable = stat.copied == 0
                src.reopen()
                return
            last = max(nxt - 1, last + 1)  # always forward: the loop cannot stall on one row


def rescue(folder: str | Path, passphrase: str, target: str | Path) -> RescueReport:
    """Copy the readable rows of the vault in ``folder`` into a new vault at ``target``."""
    folder, target = Path(folder), Path(target)
    keyfile = KeyFile.load(folder)
    master_key = keyfile.unwrap_with_passphrase(passphrase)
    lock_fd = Vault._lock(folder)  # no app may write the damaged vault while we read it
    try:
        source = _Source(folder, derive_subkey(master_key, INFO_DB_KEY, keyfile.vault_id.encode()))
        try:
            role_row = _safe_one(source.conn, "SELECT value FROM meta WHERE key = 'role'")
            new, code = Vault.create(target, passphrase, role=str(role_row[0]) if role_row else "researcher",
                                      kdf=keyfile.kdf)
            with new:
                report = _copy(source, new, target)
            report.recovery_code = code
        finally:
            source.close()
    finally:
        release_lock(lock_fd)
    log.info("rescued %d rows into a new vault (%d tables damaged)", report.rows_copied, len(report.damaged))
    return report


def _safe_one(conn: Connection, sql: str) -> Any:
    try:
        return conn.execute(sql).fetchone()
    except sqlcipher3.DatabaseError:
        return None


def _copy(source: _Source, new: Vault, target: Path) -> RescueReport:
    report = RescueReport(target)
    conn = new.connect()
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # rows come table by table, parents maybe lost
        target_tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.execute("BEGIN IMMEDIATE")
        for table in _tables(source.conn):
            if table not in target_tables:
                report.skipped.append(table)
                continue
            wanted = set(_columns(conn, table))
            try:
                cols = [c for c in _columns(source.conn, table) if c in wanted]
            except sqlcipher3.DatabaseError:
                source.reopen()
                report.tables.append(TableRescue(table, unreadable=True))
                continue
            stat = TableRescue(table)
            report.tables.append(stat)
            verb = "INSERT OR IGNORE" if table in ("meta", "settings") else "INSERT OR REPLACE"
            sql = (f'{verb} INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)})'
                   f' VALUES ({", ".join("?" * len(cols))})')
            for row in _rows(source, table, cols, stat):
                if table == "meta" and row[cols.index("key")] in _SKIP_META:
                    continue
                conn.execute(sql, row)
                stat.copied += 1
        auditlog.append(conn, "vault_rescued", {"rows": report.rows_copied,
                                                 "damaged_tables": [t.name for t in report.damaged]})
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlcipher3.Error:
            pass
        raise
    finally:
        new.release(conn)
    return report
