"""Damaged and empty vault.db, the lock, file modes (issue #22 items 8 and 15)."""

from __future__ import annotations

import os
import stat

import pytest

from core.cli import main
from core.errors import VaultCorrupt, VaultInUse
from core.vault import Vault, auditlog
from core.vault.interviews import InterviewRepo
from core.vault.rescue import rescue
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import python_child

PAGE = 4096


@pytest.fixture
def filled(tmp_path):
    """A closed vault with 40 interviews and their transcripts; returns (folder, root pages)."""
    folder = tmp_path / "vault"
    v, _code = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    with v:
        interviews, transcripts = InterviewRepo(v), TranscriptRepo(v)
        for i in range(40):
            iv = interviews.create(f"P-{i:03d}", "SITE-A")
            # The text length places page n/2 inside the segments table (not its search index);
            # schema v7 added a column, which moved it at 12 repetitions.
            transcripts.create(iv.id, [Segment(j * 1000, j * 1000 + 900, f"answer {j} of {i} " * 13)
                                       for j in range(20)])
        roots = dict(v.conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'"))
    return folder, roots


def _damage_page(folder, page: int) -> None:
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    start = (page - 1) * PAGE
    data[start + 100:start + 140] = os.urandom(40)
    db.write_bytes(bytes(data))


def test_a_damaged_audit_log_page_is_vault_corrupt_and_the_rest_can_be_rescued(filled, tmp_path):
    folder, roots = filled
    _damage_page(folder, roots["audit_log"])
    before = (folder / "vault.db").read_bytes()
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(folder, PASSPHRASE)
    assert "damaged" in err.value.user_message and "confidant rescue" in err.value.hint
    report = rescue(folder, PASSPHRASE, tmp_path / "rescued")
    assert (folder / "vault.db").read_bytes() == before  # the damaged vault is only read
    with pytest.raises(VaultCorrupt):  # and its lock was released (not VaultInUse)
        Vault.open(folder, PASSPHRASE)
    assert report.recovery_code and not report.damaged
    with Vault.open(tmp_path / "rescued", PASSPHRASE) as v:
        assert len(InterviewRepo(v).list()) == 40
        assert v.conn.execute("SELECT count(*) FROM segments").fetchone()[0] == 800
        hits = v.conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'answer'").fetchone()[0]
        assert hits == 800  # the search index is rebuilt from the copied segments
        assert v.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert any(e.event == "vault_rescued" for e in auditlog.entries(v.conn))


def test_a_damaged_data_page_loses_only_its_rows(filled, tmp_path, capsys):
    folder, _roots = filled
    n_pages = (folder / "vault.db").stat().st_size // PAGE
    _damage_page(folder, n_pages)  # the last page (the red team's case)
    _damage_page(folder, n_pages // 2)  # and one in the middle of the segments
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    # Whatever command meets the page says so in words, never with a traceback.
    for argv in (["interview", "list"], ["log", "verify"]):
        main(["--vault", str(folder), "--passphrase-file", str(pw), *argv])
        err = capsys.readouterr().err
        assert "Traceback" not in err and "DatabaseError" not in err
    assert main(["--vault", str(folder), "--passphrase-file", str(pw), "rescue", str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert "Rescued" in out and "not changed" in out and "segments:" in out and "damaged stretch" in out
    with Vault.open(tmp_path / "r", PASSPHRASE) as v:
        kept = v.conn.execute("SELECT count(*) FROM segments").fetchone()[0]
        assert 700 <= kept < 800  # one page of segments lost, the rest kept
        assert len(InterviewRepo(v).list()) >= 38


def test_a_zero_byte_vault_db_is_described_and_left_empty(filled):
    folder, _roots = filled
    (folder / "vault.db").write_bytes(b"")
    with pytest.raises(VaultCorrupt) as err:
        Vault.open(folder, PASSPHRASE)
    assert "empty (0 bytes)" in err.value.user_message
    assert "different vault" not in err.value.user_message
    assert (folder / "vault.db").stat().st_size == 0
    assert not (folder / "vault.db-wal").exists()


HOLDER = """
import sys
from core.vault import Vault
v = Vault.open(sys.argv[1], sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
v.close()
"""


def test_deleting_vault_lock_does_not_let_a_second_process_in(filled):
    folder, _roots = filled
    child = python_child(HOLDER, str(folder), PASSPHRASE)
    try:
        assert child.stdout.readline().strip() == "open", child.stderr.read()
        (folder / "vault.lock").unlink()
        with pytest.raises(VaultInUse):
            Vault.open(folder, PASSPHRASE)
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(20)
    with Vault.open(folder, PASSPHRASE):  # released with the process
        pass


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_files_are_0600(tmp_path):
    old = os.umask(0o022)
    try:
        folder = tmp_path / "v"
        v, _code = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
        InterviewRepo(v).create("P-001", "SITE-A")
        for name in ("vault.db", "vault.db-wal", "vault.db-shm"):
            assert _mode(folder / name) == 0o600, name
        v.close()
        os.chmod(folder / "vault.db", 0o644)  # made by an older version
        with Vault.open(folder, PASSPHRASE) as v2:
            InterviewRepo(v2).create("P-002", "SITE-A")
            for name in ("vault.db", "vault.db-wal", "vault.db-shm"):
                assert _mode(folder / name) == 0o600, name
    finally:
        os.umask(old)
