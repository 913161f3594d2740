"""Share rules and quote decisions live in the coordinator vault; decisions reach the
security log without the quote's words."""

from __future__ import annotations

import pytest

from core.coordinator.share_settings import decide_quote, quote_decisions, rules, set_rules
from core.errors import InvalidInput
from core.reports.disclosure import Rules
from core.vault import auditlog


def test_defaults_then_changed_rules_persist_and_are_logged(coordinator_vault):
    assert rules(coordinator_vault) == Rules(5, 10)
    assert set_rules(coordinator_vault, k=4) == Rules(4, 10)
    assert rules(coordinator_vault) == Rules(4, 10)
    with pytest.raises(InvalidInput):
        set_rules(coordinator_vault, quote_min_interviews=3)
    with pytest.raises(InvalidInput):
        set_rules(coordinator_vault, k=1)
    events = [e for e in auditlog.entries(coordinator_vault.conn) if e.event == "share_rules_changed"]
    assert [e.details for e in events] == [{"k": 4, "quote_min_interviews": 10}]


def test_a_quote_decision_is_kept_and_logged_without_its_text(coordinator_vault):
    decide_quote(coordinator_vault, "abc123", "approved", kinds=["rare job title", "day or time"])
    decide_quote(coordinator_vault, "def456", "rejected", kinds=["named event"])
    decide_quote(coordinator_vault, "abc123", "rejected", kinds=["rare job title"])
    assert quote_decisions(coordinator_vault) == {"abc123": "rejected", "def456": "rejected"}
    logged = [(e.event, e.details) for e in auditlog.entries(coordinator_vault.conn) if e.event.startswith("quote_")]
    assert logged[0] == ("quote_approved", {"quote": "abc123", "flags": ["day or time", "rare job title"]})
    assert [e for e, _d in logged] == ["quote_approved", "quote_rejected", "quote_rejected"]
    assert auditlog.verify(coordinator_vault.conn).ok
    with pytest.raises(ValueError):
        decide_quote(coordinator_vault, "abc123", "maybe")
