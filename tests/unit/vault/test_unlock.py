"""Unlocking: wrong secrets change no byte and cost one KDF; passphrase change; recovery."""

from __future__ import annotations

import os
import statistics
import time

import pytest

from core.errors import WeakPassphrase, WrongPassphrase, WrongRecoveryCode
from core.vault import Vault, auditlog
from core.vault.keyfile import derive_kek, normalise_recovery_code
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import snapshot, stat_snapshot

# Heavy enough that one KDF clearly dominates an unlock attempt, light enough for a unit test.
TIMING_KDF = {"algorithm": "argon2id", "time_cost": 2, "memory_kib": 65536, "parallelism": 1}


@pytest.fixture
def closed_vault(vault_dir):
    v, code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    v.close()
    return vault_dir, code


@pytest.mark.parametrize("passphrase", ["", "short", "1234567"])
def test_empty_or_short_passphrase_is_refused_at_creation(vault_dir, passphrase):
    with pytest.raises(WeakPassphrase) as err:
        Vault.create(vault_dir, passphrase, kdf=FAST_KDF)
    assert err.value.hint
    assert not (vault_dir / "vault.json").exists() and not (vault_dir / "vault.db").exists()


def test_wrong_passphrase_changes_no_byte(closed_vault):
    folder, _code = closed_vault
    before, stats_before = snapshot(folder), stat_snapshot(folder)
    for attempt in ("wrong passphrase", PASSPHRASE.upper(), "", PASSPHRASE + " "):
        with pytest.raises(WrongPassphrase) as err:
            Vault.open(folder, attempt)
        assert "recovery code" in err.value.hint
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery_code(folder, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    assert snapshot(folder) == before
    assert stat_snapshot(folder) == stats_before


def test_each_wrong_attempt_costs_one_kdf(vault_dir):
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf=TIMING_KDF)
    salt = v.keyfile.passphrase_wrap.salt
    v.close()
    kdf_s, attempt_s = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        derive_kek("some other passphrase", salt, TIMING_KDF)
        kdf_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_dir, "some other passphrase")
        attempt_s.append(time.perf_counter() - t0)
    ratio = statistics.median(attempt_s) / statistics.median(kdf_s)
    # No fast oracle (well below one KDF) and no hidden second KDF (well above one).
    assert 0.6 < ratio < 1.7, (kdf_s, attempt_s)


def test_failed_unlocks_are_logged_by_the_next_unlock(closed_vault):
    folder, _ = closed_vault
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, "not the passphrase")
    with Vault.open(folder, PASSPHRASE) as v:
        assert v.failed_unlocks_before == 3
        events = auditlog.entries(v.conn)
        assert events[-2].event == "unlock_failed" and events[-2].details == {"count": 3}
        assert events[-1].event == "unlocked" and events[-1].details["failed_unlocks"] == 3
    with Vault.open(folder, PASSPHRASE) as v:  # counted once, not again
        assert v.failed_unlocks_before == 0
        assert auditlog.entries(v.conn)[-1].details["failed_unlocks"] == 0


def test_passphrase_change_rewrites_only_the_key_file(closed_vault):
    folder, _ = closed_vault
    v = Vault.open(folder, PASSPHRASE)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_before = (folder / "vault.db").read_bytes()
    key_inode = (folder / "vault.json").stat().st_ino
    v.change_passphrase("a brand new passphrase")
    assert (folder / "vault.db").read_bytes() == db_before
    # Atomic replace: a new inode, no temp file left behind.
    assert (folder / "vault.json").stat().st_ino != key_inode
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    v.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, PASSPHRASE)
    with Vault.open(folder, "a brand new passphrase") as v2:
        events = [e.event for e in auditlog.entries(v2.conn)]
        assert events[-3:] == ["passphrase_changed", "unlock_failed", "unlocked"]


def test_passphrase_change_crash_before_rename_keeps_old_key_file(closed_vault, monkeypatch):
    folder, _ = closed_vault
    old = (folder / "vault.json").read_bytes()
    v = Vault.open(folder, PASSPHRASE)

    def crash(*_a, **_k):
        raise OSError(5, "simulated power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        v.change_passphrase("never written passphrase")
    monkeypatch.undo()
    v.close()
    assert (folder / "vault.json").read_bytes() == old
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    Vault.open(folder, PASSPHRASE).close()


def test_weak_new_passphrase_is_refused(closed_vault):
    folder, _ = closed_vault
    with Vault.open(folder, PASSPHRASE) as v:
        before = (folder / "vault.json").read_bytes()
        with pytest.raises(WeakPassphrase):
            v.change_passphrase("short")
        assert (folder / "vault.json").read_bytes() == before


def test_recovery_code_unlocks_and_sets_a_new_passphrase(closed_vault):
    folder, code = closed_vault
    typed = normalise_recovery_code(code).lower().replace("-", " ")  # as a person might type it
    with Vault.open_with_recovery_code(folder, typed) as v:
        v.change_passphrase("recovered passphrase 2")
        assert auditlog.entries(v.conn)[-2].details["method"] == "recovery_code"
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, PASSPHRASE)
    Vault.open(folder, "recovered passphrase 2").close()
    # The recovery code still works after a passphrase change.
    Vault.open_with_recovery_code(folder, code).close()


def test_recovery_code_format():
    from core.vault.keyfile import new_recovery_code
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 5 for g in groups)
    assert not set(code) & set("ILOU")
    assert normalise_recovery_code(code.lower()) == code
