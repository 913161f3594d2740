"""vault.db, -wal and -shm hold no SQLite header and no plaintext, even while the vault is open."""

from __future__ import annotations

from pathlib import Path

from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo

MARKER = "zebra-marker-4471 night shift overtime unpaid"


def _write_marker(vault) -> None:
    iv = InterviewRepo(vault).create("P-777", "SITE-MARKER")
    InterviewRepo(vault).add_protected_name(iv.id, "Marguerite Zebrowski")
    TranscriptRepo(vault).create(iv.id, [Segment(0, 1000, MARKER)])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _assert_no_plaintext(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        if name == "vault.json":
            continue
        assert not data.startswith(b"SQLite format 3"), name
        for needle in (b"zebra-marker-4471", b"Zebrowski", b"SITE-MARKER", b"P-777",
                       "zebra-marker-4471".encode("utf-16-le"), b"CREATE TABLE", b"audit_log"):
            assert needle not in data, f"{needle!r} found in {name}"


def test_db_wal_and_shm_hold_no_plaintext_while_open(vault):
    _write_marker(vault)
    files = _files(vault.folder)
    assert {"vault.db", "vault.db-wal", "vault.db-shm"} <= set(files)
    assert len(files["vault.db-wal"]) > 0
    _assert_no_plaintext(files)


def test_no_plaintext_after_checkpoint_and_close(vault):
    _write_marker(vault)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = vault.folder
    vault.close()
    files = _files(folder)
    _assert_no_plaintext(files)
    assert len(files["vault.db"]) >= 4096 * 10


def test_marker_is_really_there_when_unlocked(vault):
    # The check above would pass trivially if nothing had been written.
    _write_marker(vault)
    hits = vault.conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'zebra'").fetchone()
    assert hits[0] == 1


def test_key_file_holds_no_secret(vault_dir):
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    v, code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    master = v._master_key
    v.close()
    text = (vault_dir / "vault.json").read_bytes()
    assert PASSPHRASE.encode() not in text
    assert code.encode() not in text and code.replace("-", "").encode() not in text
    assert master.hex().encode() not in text and master not in text
    import base64
    assert base64.b64encode(master) not in text
