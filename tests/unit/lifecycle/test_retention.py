"""Retention deletes audio when it is due and not before; the transcript stays; the audit and the
reminders say what is past its date."""

from __future__ import annotations

import datetime as dt

import pytest

from core.audit.erasure_checks import RETENTION, check_retention
from core.audit.model import PASS, WARN, AuditReport
from core.jobs import run_job
from core.lifecycle.delete import take_needles
from core.lifecycle.reminders import reminders
from core.lifecycle.retention import make_apply_retention_job
from core.vault.deid import DeidRepo
from core.vault.packets import SentPacket, SentPacketRepo
from core.vault.recordings import RecordingRepo
from core.vault.retention import audio_dates, audio_past_due, rule, set_rule
from core.vault.transcripts import TranscriptRepo
from tests.unit.vault.erase_fixtures import GONE, KEPT, make_interview


def _scan(vault, needles):
    from core.audit.sqlcipher_pages import find_in_vault_files
    from core.audit.vault_checks import independent_db_key
    return find_in_vault_files(vault.folder, independent_db_key(vault._master_key, vault.vault_id), needles)


@pytest.fixture
def signed(vault, jfk_path, noise_wav):
    """Two interviews with audio; the first signed off (now), the second not."""
    first = make_interview(vault, GONE, jfk_path)
    second = make_interview(vault, KEPT, noise_wav)
    DeidRepo(vault).add_signoff(first.interview_id, "0" * 64)
    return first, second


def _audit(vault) -> tuple[str, str]:
    report = AuditReport()
    check_retention(report, vault)
    check = report.by_name(RETENTION)
    return check.status, check.evidence


def test_no_rule_keeps_everything(vault, signed):
    assert not rule(vault).is_set and audio_dates(vault) == []
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=10_000)
    assert run_job(make_apply_retention_job(vault, later)).takes == 0
    assert _audit(vault)[0] == PASS


def test_audio_is_deleted_when_due_and_not_before(vault, signed):
    first, second = signed
    set_rule(vault, days_after_signoff=30, days_after_receipt=None)
    needles = take_needles(vault, first.recording_id)
    kept = take_needles(vault, second.recording_id)
    now = dt.datetime.now(dt.UTC)
    before = run_job(make_apply_retention_job(vault, now + dt.timedelta(days=29)))
    assert before.takes == 0 and RecordingRepo(vault).for_interview(first.interview_id)
    assert audio_past_due(vault, now + dt.timedelta(days=29)) == []
    assert not any("retention" in r for r in reminders(vault))

    after = run_job(make_apply_retention_job(vault, now + dt.timedelta(days=31)))
    assert (after.interviews, after.takes) == (1, 1) and all(r.is_clean for r in after.results)
    assert RecordingRepo(vault).for_interview(first.interview_id) == []
    assert RecordingRepo(vault).for_interview(second.interview_id)            # not signed off: kept
    assert TranscriptRepo(vault).current_segments(first.interview_id)[0].text == GONE["said"]
    assert _scan(vault, needles) == {}
    assert set(_scan(vault, kept)) == set(kept)                               # the control
    again = run_job(make_apply_retention_job(vault, now + dt.timedelta(days=400)))
    assert again.takes == 0


def test_after_the_coordinator_confirms_receipt(vault, signed):
    first, second = signed
    set_rule(vault, days_after_signoff=None, days_after_receipt=0)
    assert audio_dates(vault) == []                                           # no receipt yet
    pid = "ab" * 16
    SentPacketRepo(vault).record(SentPacket(pid, second.interview_id, "2026-11-30T10:00:00+00:00", None, "0" * 64,
                                            "p.cpkt"), device_fingerprint="f" * 64)
    with vault.transaction() as conn:   # what core.lifecycle.receipts stores for a verified receipt
        conn.execute("INSERT INTO receipts VALUES (?, 'c0ffee', 'imported', ?, ?)",
                     (pid, dt.datetime.now(dt.UTC).isoformat(), dt.datetime.now(dt.UTC).isoformat()))
    (due,) = audio_dates(vault)
    assert due.interview_id == second.interview_id and due.because == "receipt"
    done = run_job(make_apply_retention_job(vault, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)))
    assert done.takes == 1 and RecordingRepo(vault).for_interview(second.interview_id) == []
    assert RecordingRepo(vault).for_interview(first.interview_id)


def test_audit_and_reminder_report_what_is_past_its_date(vault, signed):
    set_rule(vault, days_after_signoff=0, days_after_receipt=None)
    status, evidence = _audit(vault)
    assert status == WARN and "1 interview(s)" in evidence and signed[0].interview_id in evidence
    assert GONE["code"] not in evidence
    assert any("past the date your retention rule" in r for r in reminders(vault))
    run_job(make_apply_retention_job(vault))
    assert _audit(vault)[0] == PASS
    assert not any("retention" in r for r in reminders(vault))


def test_the_deletion_is_logged_as_retention(vault, signed):
    from core.vault.auditlog import entries
    set_rule(vault, days_after_signoff=0, days_after_receipt=None)
    run_job(make_apply_retention_job(vault))
    events = [e for e in entries(vault.conn) if e.event == "audio_retention_deleted"]
    assert len(events) == 1 and events[0].details["because"] == "sign-off"
