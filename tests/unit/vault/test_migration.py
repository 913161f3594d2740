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


def test_a_v3_coordinator_inbox_migrates_to_per_device_keys(tmp_path, monkeypatch):
    """v4 re-keys the inbox by (device, packet id) and moves quarantine out (decision 0110)."""
    import json

    from core.vault import db
    from core.vault.inbox import InboxRepo
    from core.vault.schema import MIGRATIONS
    from tests.conftest import FAST_KDF, PASSPHRASE

    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(db, "SCHEMA_VERSION", 3)
    folder = tmp_path / "coordinator"
    v, _code = Vault.create(folder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    dev, other = "aa" * 32, "bb" * 32
    with v.transaction() as conn:
        for pid, device, status, sup, by in (("a1", dev, "superseded", None, "a2"), ("a2", dev, "imported", "a1", None),
                                             ("q1", other, "quarantined", None, None)):
            header = json.dumps({"packet_id": pid, "device_fingerprint": device, "header_digest": f"d-{pid}",
                                 "payload_sha256": "00"})
            conn.execute("INSERT INTO packets_received (packet_id, device_fingerprint, status, supersedes,"
                         " superseded_by, header, payload_sha256, packet, received_at) VALUES (?,?,?,?,?,?,?,?,?)",
                         (pid, device, status, sup, by, header, "00", b"sealed-" + pid.encode(), f"2025-01-0{len(pid)}"))
        for pid, current in (("a1", 0), ("a2", 1)):
            conn.execute("INSERT INTO inbox_interviews (packet_id, device_fingerprint, code, site, is_current,"
                         " imported_at) VALUES (?,?,?,?,?,?)", (pid, dev, "P-1", "SITE-A", current, "2025"))
            conn.execute("INSERT INTO inbox_segments (packet_id, idx, text) VALUES (?,?,?)", (pid, 0, f"text {pid}"))
            conn.execute("INSERT INTO inbox_tags (packet_id, segment_idx, theme_id) VALUES (?,?,?)", (pid, 0, "pay"))
    v.close()
    monkeypatch.undo()
    with Vault.open(folder, PASSPHRASE) as v:
        conn = v.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        repo = InboxRepo(v)
        assert repo.get("a1", dev).status == "superseded" and repo.get("a1", dev).superseded_by == "a2"
        [current] = repo.current_interviews()
        assert current.key == (dev, "a2")
        assert [s.text for s in current.segments] == ["text a2"]
        assert [t.theme for t in current.tags] == ["pay"]
        assert len(repo.current_interviews(include_history=True)) == 2
        [held] = repo.quarantined()
        assert (held.packet_id, held.device_fingerprint, held.has_bytes) == ("q1", other, True)
        assert repo.held_bytes(held.id) == b"sealed-q1"
        assert repo.packet_counts() == {"imported": 1, "superseded": 1, "quarantined": 1}
        # deleting a packet row still cascades to its interview rows
        with v.transaction() as c:
            c.execute("DELETE FROM packets_received WHERE packet_id = 'a1'")
        assert conn.execute("SELECT COUNT(*) FROM inbox_segments").fetchone()[0] == 1
