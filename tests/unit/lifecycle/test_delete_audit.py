"""The audit's check that deletions left nothing: passes after a real deletion, fails when it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.audit.erasure_checks import NAME, check_erasures
from core.audit.model import FAIL, PASS, AuditReport
from core.jobs import run_job
from core.lifecycle.delete import make_delete_interview_job
from tests.unit.vault.erase_fixtures import GONE, KEPT, make_interview


@pytest.fixture
def two(vault, noise_wav):
    return make_interview(vault, GONE, noise_wav, site=GONE["site"]), make_interview(vault, KEPT, None)


def _check(vault) -> tuple[str, str]:
    report = AuditReport()
    check_erasures(report, vault)
    check = report.by_name(NAME)
    return check.status, check.evidence


def test_passes_after_a_deletion(vault, two):
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    status, evidence = _check(vault)
    assert status == PASS, evidence
    assert "1 deleted or withdrawn interview(s)" in evidence and "1 deletion(s) were checked" in evidence


def test_fails_when_free_pages_were_not_zeroed(vault, two):
    # A connection without secure_delete leaves deleted bytes in free space: the check must see it.
    conn = vault.conn
    conn.execute("PRAGMA secure_delete = OFF")
    with vault.transaction() as c:
        c.execute("DELETE FROM interviews WHERE id = ?", (two[0].interview_id,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    status, evidence = _check(vault)
    assert status == FAIL and "not zeroed" in evidence


def test_fails_while_a_deletion_has_not_cleared_the_wal(vault, two):
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    with vault.transaction() as c:
        c.execute("INSERT INTO meta (key, value) VALUES ('erase_pending', '1')")
    status, evidence = _check(vault)
    assert status == FAIL and "vault.db-wal" in evidence
    from core.vault.erase import scrub
    assert scrub(vault)
    assert _check(vault)[0] == PASS


def test_fails_when_a_row_still_carries_a_deleted_id(vault, two):
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    with vault.transaction() as c:   # as if a later table were missed by the sweep
        c.execute("CREATE TABLE voice_notes (id INTEGER PRIMARY KEY, interview_id TEXT)")
        c.execute("INSERT INTO voice_notes (interview_id) VALUES (?)", (two[0].interview_id,))
    status, evidence = _check(vault)
    assert status == FAIL and "voice_notes (1)" in evidence


def test_a_later_table_with_an_interview_id_is_swept(vault, two):
    with vault.transaction() as c:
        c.execute("CREATE TABLE voice_notes (id INTEGER PRIMARY KEY, interview_id TEXT, note TEXT)")
        c.execute("INSERT INTO voice_notes (interview_id, note) VALUES (?, 'zanzibar quokka note')",
                  (two[0].interview_id,))
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    assert vault.conn.execute("SELECT COUNT(*) FROM voice_notes").fetchone()[0] == 0


def test_full_vault_audit_includes_the_check(vault, two, tmp_path: Path):
    from core.audit.vault_audit import run_vault_audit
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    (tmp_path / "t").mkdir()
    (tmp_path / "a").mkdir()
    report = run_vault_audit(vault, temp_dirs=[tmp_path / "t"], app_folders=[tmp_path / "a"], seed=1)
    assert report.by_name(NAME).status == PASS


def test_an_interrupted_erase_is_finished_at_the_next_unlock(vault, two, vault_dir):
    from core.vault import Vault
    from tests.conftest import PASSPHRASE
    run_job(make_delete_interview_job(vault, two[0].interview_id))
    with vault.transaction() as c:   # as if the checkpoint had stayed busy
        c.execute("INSERT INTO meta (key, value) VALUES ('erase_pending', '1')")
    vault.close()
    again = Vault.open(vault_dir, PASSPHRASE)
    try:
        assert again.meta("erase_pending") is None
        assert _check(again)[0] == PASS
    finally:
        again.close()
