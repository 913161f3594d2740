"""The audit report: a list of checks, each PASS, WARN or FAIL with evidence and what to do."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from core import __version__

log = logging.getLogger(__name__)
T = TypeVar("T")

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


CANNOT_RUN_HINT = ("A part of Confidant this check needs is missing or broken: reinstall Confidant and "
                   "run the audit again. Until then this claim is unchecked; treat it as failed.")


def cannot_run_reason(exc: BaseException) -> str:
    """Why a check could not run, without the exception's text (it could quote vault content)."""
    if isinstance(exc, ImportError):
        return f"the module {exc.name or 'it needs'} could not be loaded ({type(exc).__name__})"
    return f"an internal error ({type(exc).__name__})"


def guarded(report: AuditReport, names: Sequence[str], step: Callable[..., T], *args: Any) -> T | None:
    """Run one audit step. If it cannot run, every claim it would have made that is not yet in
    the report becomes FAIL with the reason: a privacy check that cannot run never passes and
    is never skipped."""
    try:
        return step(*args)
    except Exception as exc:  # noqa: BLE001 - any failure of a check is reported, never hidden
        reason = cannot_run_reason(exc)
        log.error("audit step %s could not run: %s", getattr(step, "__name__", "?"), type(exc).__name__)
        done = {c.name for c in report.checks}
        for name in names:
            if name not in done:
                report.add(name, FAIL, f"This check could not run: {reason}.", CANNOT_RUN_HINT)
        return None
