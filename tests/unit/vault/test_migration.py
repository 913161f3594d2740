"""Opening a vault made at schema v2 (a committed fixture) migrates it to the current schema."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.vault import Vault, auditlog
from core.vault.schema import SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "vault-v2"
FIXTURE_PASSPHRASE = "fixture vault v2 passphrase"  # tests/fixtures/make_v2_vault.py
FIXTURE_RECOVERY_CODE = "V2F1X-TVRE0-REC0V-ERYC0-DE000-00001"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_fixture_is_at_schema_2():
    # The first 16 bytes are the SQLCipher salt, so the version can only be read unlocked;
    # here we only check the fixture is present and encrypted.
    data = (FIXTURE / "vault.db").read_bytes()
    assert not data.startswith(b"SQLite format 3") and len(data) % 4096 == 0
    assert SCHEMA_VERSION > 2


def test_opening_a_v2_vault_migrates_it(tmp_path):
    folder = _copy(tmp_path)
    with Vault.open(folder, FIXTURE_PASSPHRASE) as v:
        conn = v.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert v.get_setting("auto_lock_minutes") == "10"
        from core.vault.interviews import InterviewRepo
        iv = InterviewRepo(v).get("20240501-abc123")
        assert (iv.participant_code, iv.site, iv.state) == ("P-042", "SITE-V2", "transcribed")
        hits = conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'rota'").fetchone()
        assert hits[0] == 1
        report = auditlog.verify(conn)
        assert report.ok and report.entries >= 3
    # Reopening is a no-op migration, and the recovery code made by the old version works.
    with Vault.open_with_recovery_code(folder, FIXTURE_RECOVERY_CODE) as v:
        assert v.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_fixture_in_repo_is_untouched(tmp_path):
    before = (FIXTURE / "vault.db").read_bytes()
    _copy(tmp_path)
    assert (FIXTURE / "vault.db").read_bytes() == before
    assert not (FIXTURE / "vault.db-wal").exists()
