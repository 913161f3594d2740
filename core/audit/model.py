"""The audit report: a list of checks, each PASS, WARN or FAIL with evidence and what to do."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from core import __version__
from core.errors import Join, Msg

log = logging.getLogger(__name__)
T = TypeVar("T")

PASS, WARN, FAIL = "PASS", "WARN", "FAIL"
_RANK = {PASS: 0, WARN: 1, FAIL: 2}


@dataclass(frozen=True)
class Check:
    """One audited claim. ``evidence`` says what was measured; never participant content.

    ``evidence`` and ``what_to_do`` hold the English (the JSON report keeps it); the ``Msg``
    they were written as renders them in the reader's language (``texts``, decision 0210)."""

    name: str
    status: str
    evidence: str
    what_to_do: str = ""
    evidence_msg: Msg | Join | None = field(default=None, compare=False, repr=False)
    what_to_do_msg: Msg | Join | None = field(default=None, compare=False, repr=False)

    def texts(self, language: str = "en") -> tuple[str, str]:
        """(evidence, what to do) in ``language`` (English where a translation is missing)."""
        from core.messages import catalogue
        texts = catalogue(language)
        evidence = self.evidence_msg.render(texts) if self.evidence_msg else self.evidence
        todo = self.what_to_do_msg.render(texts) if self.what_to_do_msg and self.what_to_do else self.what_to_do
        return evidence, todo

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status, "evidence": self.evidence,
                "what_to_do": self.what_to_do}


@dataclass
class AuditReport:
    checks: list[Check] = field(default_factory=list)
    subject: str = "vault"           # "vault" | "packet"
    subject_id: str = ""             # vault id or packet id
    app_version: str = __version__
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC)
                            .isoformat(timespec="seconds"))
    facts: dict[str, Any] = field(default_factory=dict)  # numbers a reviewer may want (JSON)

    def add(self, name: str, status: str, evidence: Msg | Join | str,
            what_to_do: Msg | Join | str | None = None) -> Check:
        """Record a check. Core's checks write their words as messages with ids, so they are
        shown in the reader's language (tests/unit/test_messages.py refuses plain text here);
        plain text is kept as written (a report built by hand)."""
        todo = what_to_do if status != PASS else None
        check = Check(name, status, str(evidence), str(todo or ""),
                      evidence if isinstance(evidence, (Msg, Join)) else None,
                      todo if isinstance(todo, (Msg, Join)) else None)
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
                "checks": [c.as_json() for c in self.checks], "facts": self.facts}


CANNOT_RUN = Msg("audit.cannot_run.hint")
CANNOT_RUN_HINT = CANNOT_RUN.render()


def cannot_run_reason(exc: BaseException) -> Msg:
    """Why a check could not run, without the exception's text (it could quote vault content)."""
    if isinstance(exc, ImportError):
        if exc.name:
            return Msg("audit.cannot_run.module", module=exc.name, kind=type(exc).__name__)
        return Msg("audit.cannot_run.a_module", kind=type(exc).__name__)
    return Msg("audit.cannot_run.internal", kind=type(exc).__name__)


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
                report.add(name, FAIL, Msg("audit.cannot_run", reason=reason), CANNOT_RUN)
        return None
