"""Deleting an interview or a take leaves nothing in any decrypted page of vault.db or vault.db-wal.

The pages are decrypted independently (``cryptography``, decision 0003), never through
SQLCipher; a kept interview is still found the same way (the control), and a plain DELETE is
shown to leave the deleted words in the full-text index (so the scan can fail).
"""

from __future__ import annotations

import json

import pytest

from core.jobs import run_job
from core.lifecycle.delete import (
    make_delete_interview_job,
    make_delete_take_job,
    take_needles,
    what_goes,
)
from core.vault.auditlog import entries
from core.vault.transcripts import TranscriptRepo
from tests.unit.vault.erase_fixtures import GONE, KEPT, make_interview, needles, scan


@pytest.fixture
def two(vault, jfk_path, noise_wav):
    gone = make_interview(vault, GONE, jfk_path, site=GONE["site"])
    kept = make_interview(vault, KEPT, noise_wav)
    return gone, kept


def test_before_deletion_the_scan_finds_every_piece(vault, two):
    found = scan(vault, GONE)
    assert set(found) == set(needles(GONE)), set(needles(GONE)) - set(found)


def test_delete_interview_leaves_no_remnant_in_pages_or_wal(vault, two):
    gone, _kept = two
    result = run_job(make_delete_interview_job(vault, gone.interview_id))
    assert result.is_clean and result.needles >= 8 and result.pages_checked > 50
    assert result.counts.recordings == 1 and result.counts.transcripts == 2 and result.counts.audio_chunks > 5
    assert scan(vault, GONE) == {}
    assert (vault.folder / "vault.db-wal").stat().st_size < (4096 + 24) * 8   # truncated; two small commits since
    control = scan(vault, KEPT)
    assert {"code", "name", "said", "memo", "term kumquat", "surname (index term)"} <= set(control)
    hits = vault.conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'kumquat'").fetchone()
    assert hits[0] == 2   # both transcript versions of the kept interview are still searchable


def test_after_closing_and_reopening_nothing_comes_back(vault, two, vault_dir):
    from core.vault import Vault
    from tests.conftest import PASSPHRASE
    gone, _ = two
    run_job(make_delete_interview_job(vault, gone.interview_id))
    vault.close()
    again = Vault.open(vault_dir, PASSPHRASE)
    try:
        assert scan(again, GONE) == {}
        assert "code" in scan(again, KEPT)
    finally:
        again.close()


def test_a_plain_delete_leaves_words_in_the_text_index(vault, two):
    # Why erase exists: the scan would fail on a DELETE with secure_delete on and a checkpoint.
    gone, _ = two
    with vault.transaction() as conn:
        conn.execute("DELETE FROM interviews WHERE id = ?", (gone.interview_id,))
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    left = scan(vault, GONE)
    assert "term zymurgy" in left and "edited_out" in left


def test_security_log_records_the_deletion_with_ids_only(vault, two):
    gone, _ = two
    run_job(make_delete_interview_job(vault, gone.interview_id))
    events = {e.event: e.details for e in entries(vault.conn)}
    assert events["interview_deleted"]["interview"] == gone.interview_id
    assert events["deletion_verified"]["found"] == 0 and events["deletion_verified"]["needles"] >= 8
    logged = json.dumps([e.details for e in entries(vault.conn)])
    for secret in (GONE["code"], GONE["name"], "Quorvald", GONE["site"]):
        assert secret not in logged


def test_delete_one_take_keeps_the_other_and_the_transcript(vault, jfk_path, noise_wav):
    from core.audio.importer import make_import_job
    from core.vault.recordings import RecordingRepo
    made = make_interview(vault, GONE, jfk_path)
    run_job(make_import_job(vault, made.interview_id, noise_wav))
    takes = RecordingRepo(vault).for_interview(made.interview_id)
    assert len(takes) == 2
    first, second = (take_needles(vault, t.id) for t in takes)
    assert first and second
    result = run_job(make_delete_take_job(vault, made.interview_id, 1))
    assert result.is_clean and result.counts.audio_chunks > 5
    key_scan = _scan_bytes(vault, {**first, **second})
    assert not set(first) & set(key_scan)
    assert set(second) <= set(key_scan)
    assert [t.id for t in RecordingRepo(vault).for_interview(made.interview_id)] == [takes[1].id]
    current = TranscriptRepo(vault).current(made.interview_id)
    assert current is not None and current.recording_id is None
    assert TranscriptRepo(vault).current_segments(made.interview_id)[0].text == GONE["said"]


def test_what_goes_names_what_will_be_deleted(vault, two):
    gone, _ = two
    text = what_goes(vault, gone.interview_id).sentence()
    assert GONE["code"] in text and "1 take(s)" in text and "2 transcript version(s)" in text
    assert "cannot be undone" in text


def test_deleting_a_missing_take_says_which_takes_exist(vault, two):
    from core.errors import NotFound
    gone, _ = two
    with pytest.raises(NotFound) as err:
        run_job(make_delete_take_job(vault, gone.interview_id, 3))
    assert "1 take(s)" in err.value.hint


def _scan_bytes(vault, items):
    from core.audit.sqlcipher_pages import find_in_vault_files
    from core.audit.vault_checks import independent_db_key
    return find_in_vault_files(vault.folder, independent_db_key(vault._master_key, vault.vault_id), items)


def test_the_scan_reads_wal_frames_too(vault):
    # Positive control for the WAL half of the scan: before a checkpoint the new rows live only
    # in vault.db-wal, and the independent scan must find them there.
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    make_interview(vault, GONE, None)
    found = scan(vault, GONE)
    assert any(where.startswith("vault.db-wal frame") for places in found.values() for where in places)
