"""Audio test helpers: signals, a fault-injecting connection."""

from __future__ import annotations

import numpy as np
import pytest
import sqlcipher3


def noise(seconds: float, rate_hz: int = 16000, seed: int = 0, amp: float = 0.2) -> np.ndarray:
    """Band-limited-enough noise at 16-bit resolution (stores and reads back exactly at 16 kHz)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(int(seconds * rate_hz)) * amp
    return (np.round(np.clip(x, -1, 1) * 32767) / 32768).astype(np.float32)


def _full() -> sqlcipher3.OperationalError:
    exc = sqlcipher3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = 13  # SQLITE_FULL, as SQLite itself reports it
    exc.sqlite_errorname = "SQLITE_FULL"
    return exc


class FullDiskConnection:
    """Wraps a real connection; after ``chunks_ok`` audio chunks every write fails as on a full disk."""

    def __init__(self, conn, chunks_ok: int) -> None:
        self._conn = conn
        self._left = chunks_ok
        self.is_full = False

    def execute(self, sql: str, params=()):
        if sql.startswith("INSERT INTO audio_chunks"):
            if self._left <= 0:
                self.is_full = True
            self._left -= 1
        if self.is_full and sql.startswith(("UPDATE", "INSERT", "DELETE")):
            raise _full()
        return self._conn.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self._conn, name)


@pytest.fixture
def full_disk_after(vault, monkeypatch):
    """Make the next connection the vault hands out (the writer's) fail after N chunks."""
    def arm(chunks_ok: int) -> None:
        real_connect = vault.connect

        def connect():
            monkeypatch.setattr(vault, "connect", real_connect)
            return FullDiskConnection(real_connect(), chunks_ok)

        monkeypatch.setattr(vault, "connect", connect)
    return arm
