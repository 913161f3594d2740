"""Damaged, foreign, missing, read-only, full and too-new vaults give clear errors."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

from core.errors import (
    DiskFull,
    KeyFileEdited,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
)
from core.vault import Vault
from core.vault.schema import SCHEMA_VERSION
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import can_mount, remount, snapshot, tmpfs


@pytest.fixture
def closed_vault(vault_dir):
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    return vault_dir


def _key_json(folder):
    return json.loads((folder / "vault.json").read_text())


@pytest.mark.parametrize("cut", [0, 1, 40, -3])
def test_truncated_key_file_is_corrupt_with_hint(closed_vault, cut):
    path = closed_vault / "vault.json"
    data = path.read_bytes()
    path.write_bytes(data[:cut] if cut >= 0 else data[:cut - 200])
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "vault.json" in err.value.user_message and "backup" in err.value.hint


@pytest.mark.parametrize("edit", [
    lambda d: d.update(format="something-else/9"),
    lambda d: d["kdf"].update(algorithm="scrypt"),
    lambda d: d["kdf"].update(memory_kib=1),
    lambda d: d["kdf"].update(time_cost="3"),
    lambda d: d["wrapped_master_key"].pop("passphrase"),
    lambda d: d["wrapped_master_key"]["passphrase"].update(nonce="***not base64***"),
    lambda d: d.pop("vault_id"),
])
def test_structurally_edited_key_file_is_corrupt(closed_vault, edit):
    data = _key_json(closed_vault)
    edit(data)
    (closed_vault / "vault.json").write_text(json.dumps(data))
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert err.value.hint


@pytest.mark.parametrize("edit", [
    lambda d: d["kdf"].update(memory_kib=5000),  # a downgrade attempt
    lambda d: d.update(vault_id="00000000-0000-0000-0000-000000000000"),
])
def test_bound_values_edited_fail_closed(closed_vault, edit):
    # KDF parameters and the vault id are bound to the wrap as AEAD associated data: an edit
    # cannot weaken the KDF, it only makes the unwrap fail; the wrap's recorded digest of what
    # it is bound to lets the message say the file was edited (not "wrong passphrase").
    data = _key_json(closed_vault)
    edit(data)
    (closed_vault / "vault.json").write_text(json.dumps(data))
    with pytest.raises(KeyFileEdited) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "was edited" in err.value.user_message and "backup" in err.value.hint
    for wrap in data["wrapped_master_key"].values():  # a forger who drops the digests gets no further
        wrap.pop("bound_sha256")
    (closed_vault / "vault.json").write_text(json.dumps(data))
    with pytest.raises(WrongPassphrase):
        Vault.open(closed_vault, PASSPHRASE)


def test_plain_sqlite_database_is_not_a_vault(closed_vault):
    (closed_vault / "vault.db").unlink()
    conn = sqlite3.connect(closed_vault / "vault.db")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "not a Confidant vault" in err.value.user_message


def test_random_bytes_are_not_a_vault(closed_vault):
    (closed_vault / "vault.db").write_bytes(os.urandom(4096 * 3))
    with pytest.raises(VaultCorrupt):
        Vault.open(closed_vault, PASSPHRASE)


def test_database_of_another_vault_is_refused(closed_vault, tmp_path):
    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE, kdf=FAST_KDF)[0].close()
    shutil.copy(other / "vault.db", closed_vault / "vault.db")
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "together" in err.value.hint


def test_missing_database_file(closed_vault):
    (closed_vault / "vault.db").unlink()
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "vault.db" in err.value.user_message


def test_missing_folder(tmp_path):
    with pytest.raises(VaultNotFound) as err:
        Vault.open(tmp_path / "nowhere", PASSPHRASE)
    assert "confidant init" in err.value.hint


def test_folder_without_key_file(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "empty", PASSPHRASE)


def test_create_refuses_an_existing_vault(closed_vault):
    before = snapshot(closed_vault)
    with pytest.raises(VaultExists):
        Vault.create(closed_vault, PASSPHRASE, kdf=FAST_KDF)
    assert snapshot(closed_vault) == before


def test_too_new_vault_is_refused(closed_vault):
    with Vault.open(closed_vault, PASSPHRASE) as v:
        v.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(VaultTooNew) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "newer version" in err.value.user_message and err.value.hint


# --- read-only folders and full disks: a real read-only / tiny filesystem ----------------
needs_mount = pytest.mark.skipif(not can_mount(), reason="needs root to mount a tmpfs")


@needs_mount
def test_read_only_folder(tmp_path):
    # chmod does not stop root, so the folder lives on a tmpfs remounted read-only.
    with tmpfs(tmp_path / "mnt") as mnt:
        folder = mnt / "vault"
        Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
        before = snapshot(folder)
        remount(mnt, "ro")
        with pytest.raises(VaultReadOnly) as err:
            Vault.open(folder, PASSPHRASE)
        assert "read-only" in err.value.hint
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, "wrong passphrase here")
        with pytest.raises(VaultReadOnly):
            Vault.create(mnt / "new", PASSPHRASE, kdf=FAST_KDF)
        remount(mnt, "rw")
        assert snapshot(folder) == before
        Vault.open(folder, PASSPHRASE).close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits (covered by the tmpfs test)")
def test_read_only_folder_by_permissions(closed_vault):
    os.chmod(closed_vault, 0o500)
    try:
        with pytest.raises(VaultReadOnly):
            Vault.open(closed_vault, PASSPHRASE)
    finally:
        os.chmod(closed_vault, 0o700)


@needs_mount
def test_full_disk_raises_disk_full_and_keeps_what_was_saved(tmp_path):
    with tmpfs(tmp_path / "mnt", size="3m") as mnt:
        folder = mnt / "vault"
        v = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0]
        saved = 0
        with pytest.raises(DiskFull) as err:
            for i in range(1000):
                with v.transaction() as conn:
                    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)",
                                 (f"k{i}", os.urandom(32 * 1024).hex()))
                saved = i + 1
        assert "Free some space" in err.value.hint
        assert saved > 5
        v.close()
        with Vault.open(folder, PASSPHRASE) as v2:
            assert v2.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert v2.conn.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] == saved


@pytest.mark.parametrize("field", ["salt", "nonce", "ciphertext"])
def test_shortened_wrap_fields_are_corrupt(closed_vault, field):
    import base64
    data = _key_json(closed_vault)
    raw = base64.b64decode(data["wrapped_master_key"]["passphrase"][field])
    data["wrapped_master_key"]["passphrase"][field] = base64.b64encode(raw[:-4]).decode()
    (closed_vault / "vault.json").write_text(json.dumps(data))
    with pytest.raises(VaultCorrupt):
        Vault.open(closed_vault, PASSPHRASE)


@needs_mount
def test_full_disk_still_opens_for_reading(tmp_path):
    with tmpfs(tmp_path / "mnt", size="3m") as mnt:
        folder = mnt / "vault"
        v = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0]
        with pytest.raises(DiskFull):
            for i in range(1000):
                v.set_setting(f"k{i}", os.urandom(32 * 1024).hex())
        v.close()
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, "not the passphrase")
        with Vault.open(folder, PASSPHRASE) as v2:  # opens (logging the unlock only if it fits)
            assert v2.failed_unlocks_before == 1
            assert v2.get_setting("k0") is not None
        remount(mnt, "rw,size=8m")
        with Vault.open(folder, PASSPHRASE) as v3:  # space freed: the failure is in the log
            from core.vault import auditlog
            assert any(e.event == "unlock_failed" for e in auditlog.entries(v3.conn))


def test_damaged_schema_page_is_corrupt_not_read_only(closed_vault):
    # A flipped byte in the schema page fails its HMAC: SQLite says "malformed", which must
    # read as damage (restore from a backup), not as a folder Confidant cannot write to.
    db = closed_vault / "vault.db"
    data = bytearray(db.read_bytes())
    n_pages = len(data) // 4096
    for page in range(1, n_pages):
        data[page * 4096 + 200: page * 4096 + 216] = os.urandom(16)
    db.write_bytes(bytes(data))
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(closed_vault, PASSPHRASE)
    assert "backup" in err.value.hint
