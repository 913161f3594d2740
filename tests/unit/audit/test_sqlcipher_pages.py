"""The independent SQLCipher 4 page check, with the cryptography library only."""

from __future__ import annotations

from core.audit.sqlcipher_pages import (
    PAGE_SIZE,
    check_page1,
    decrypt_page,
    verify_database,
    verify_wal,
)
from core.audit.vault_checks import independent_db_key
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from tests.conftest import FAST_KDF, PASSPHRASE


def _filled(vault_dir):
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    for i in range(40):
        InterviewRepo(v).create(f"P-{i:03d}", "SITE")
    return v


def test_every_page_and_wal_frame_verifies_with_the_documented_key(vault_dir):
    v = _filled(vault_dir)
    key = independent_db_key(v._master_key, v.vault_id)
    assert key == v.db_key()  # our HKDF restatement equals the app's derivation
    db = verify_database(vault_dir / "vault.db", key)
    salt = (vault_dir / "vault.db").read_bytes()[:16]
    wal = verify_wal(vault_dir / "vault.db-wal", key, salt)
    assert db.all_ok and db.page1_ok
    assert wal.pages > 10 and wal.hmac_ok == wal.pages
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = verify_database(vault_dir / "vault.db", key)
    assert db.pages > 10 and db.all_ok and sum(db.page_types.values()) > 0
    v.close()


def test_wrong_key_verifies_nothing(vault_dir):
    v = _filled(vault_dir)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key = bytearray(v.db_key())
    key[31] ^= 0x80
    report = verify_database(vault_dir / "vault.db", bytes(key))
    assert report.hmac_ok == 0 and not report.all_ok
    v.close()


def test_a_flipped_byte_fails_that_page_only(vault_dir):
    v = _filled(vault_dir)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key = v.db_key()
    v.close()
    path = vault_dir / "vault.db"
    data = bytearray(path.read_bytes())
    data[2 * PAGE_SIZE + 100] ^= 0x01   # inside page 3's ciphertext
    path.write_bytes(bytes(data))
    report = verify_database(path, key)
    assert report.hmac_bad == [3] and report.hmac_ok == report.pages - 1


def test_page1_decrypts_to_an_sqlite_header(vault_dir):
    v = _filled(vault_dir)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key = v.db_key()
    v.close()
    page = (vault_dir / "vault.db").read_bytes()[:PAGE_SIZE]
    plain = decrypt_page(page, 1, key)
    assert check_page1(plain) == ""
    assert plain[0:2] == b"\x10\x00" and plain[4] == 80
    assert check_page1(decrypt_page(page, 1, bytes(32))) != ""   # garbage is not mistaken for a header
