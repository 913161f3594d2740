"""The audit report: a list of checks, each PASS, WARN or FAIL with evidence and what to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from core import __version__

PASS, WARN, FAIL = "PASS", "WARN", "FAIL"
_RANK = {PASS: 0, WARN: 1, FAIL: 2}


@dataclass(frozen=True)
class Check:
    """One audited claim. ``evidence`` says what was measured; never participant content."""

    name: str
    status: str
    evidence: str
    what_to_do: str = ""


@dataclass
class AuditReport:
    checks: list[Check] = field(default_factory=list)
    subject: str = "vault"           # "vault" | "packet"
    subject_id: str = ""             # vault id or packet id
    app_version: str = __version__
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC)
                            .isoformat(timespec="seconds"))
    facts: dict[str, Any] = field(default_factory=dict)  # numbers a reviewer may want (JSON)

    def add(self, name: str, status: str, evidence: str, what_to_do: str = "") -> Check:
        check = Check(name, status, evidence, what_to_do if status != PASS else "")
        self.checks.append(check)
        return check

    @property
    def status(self) -> str:
        """The worst status of any check (FAIL > WARN > PASS)."""
        return max((c.status for c in self.checks), key=_RANK.__getitem__, default=PASS)

    def by_name(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for c in self.checks if c.status == s) for s in (PASS, WARN, FAIL)}

    def to_json(self) -> dict[str, Any]:
        return {"format": "confidant-audit/1", "subject": self.subject, "subject_id": self.subject_id,
                "app_version": self.app_version, "created_at": self.created_at,
                "status": self.status, "counts": self.counts(),
                "checks": [asdict(c) for c in self.checks], "facts": self.facts}
