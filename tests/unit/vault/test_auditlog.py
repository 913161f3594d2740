"""The hash-chained security log detects altered, removed and truncated entries."""

from __future__ import annotations

import json

import pytest

from core.vault import auditlog


@pytest.fixture
def logged(vault):
    for i in range(5):
        vault.audit("exported", {"packet": f"pk-{i}"})
    assert auditlog.verify(vault.conn).ok
    return vault


def _count(vault) -> int:
    return vault.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_intact_log_verifies(logged):
    report = auditlog.verify(logged.conn)
    assert report.ok and report.entries == _count(logged) and report.entries >= 6
    assert next(e.event for e in auditlog.entries(logged.conn)) == "vault_created"


def test_altered_details_are_detected(logged):
    row = logged.conn.execute("SELECT seq, details FROM audit_log WHERE event='exported' LIMIT 1").fetchone()
    details = json.loads(row[1])
    details["packet"] = "pk-forged"
    logged.conn.execute("UPDATE audit_log SET details=? WHERE seq=?", (json.dumps(details), row[0]))
    report = auditlog.verify(logged.conn)
    assert not report.ok and report.bad_seq == row[0] and "altered" in str(report.problem)


def test_altered_event_name_is_detected(logged):
    logged.conn.execute("UPDATE audit_log SET event='unlocked' WHERE seq=3")
    assert auditlog.verify(logged.conn).bad_seq == 3


def test_rehashed_entry_breaks_the_next_link(logged):
    # An attacker who recomputes the altered entry's own hash still breaks the chain after it.
    seq, at, event, details, prev = logged.conn.execute(
        "SELECT seq, at, event, details, prev_hash FROM audit_log WHERE seq=3").fetchone()
    forged = details.replace("pk-", "xx-")
    logged.conn.execute("UPDATE audit_log SET details=?, hash=? WHERE seq=3",
                        (forged, auditlog._entry_hash(prev, seq, at, event, forged)))
    report = auditlog.verify(logged.conn)
    assert not report.ok and report.bad_seq == 4


def test_removed_middle_entry_is_detected(logged):
    logged.conn.execute("DELETE FROM audit_log WHERE seq=3")
    report = auditlog.verify(logged.conn)
    assert not report.ok and report.bad_seq == 3 and "missing" in str(report.problem)


def test_truncated_tail_is_detected(logged):
    last = logged.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    logged.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last - 1,))
    report = auditlog.verify(logged.conn)
    assert not report.ok and "newest" in str(report.problem)


def test_emptied_log_is_detected(logged):
    logged.conn.execute("DELETE FROM audit_log")
    report = auditlog.verify(logged.conn)
    assert not report.ok and "all entries" in str(report.problem)


def test_details_may_not_carry_content(vault):
    for key in ("text", "name", "passphrase", "key"):
        with pytest.raises(ValueError):
            vault.audit("exported", {key: "secret"})
