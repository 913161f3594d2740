"""Long work as plain callables: ``job(report, cancel) -> result``.

A job reports ``Progress`` and checks ``cancel.raise_if_cancelled()`` between chunks of work.
The desktop runs jobs on a worker thread (``desktop.jobs.start_job``); the CLI and tests call
them directly. ``stage`` is shown to people and must never hold participant data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from core.errors import Cancelled

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: float
    total: float | None = None  # None: indeterminate
    stage: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


class CancelToken:
    """A flag a job polls; setting it makes the next check raise ``Cancelled``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout_s: float) -> bool:
        """Sleep up to ``timeout_s``; returns True early if cancelled."""
        return self._event.wait(timeout_s)


ReportFn = Callable[[Progress], None]


class Job(Protocol[T]):  # type: ignore[misc]
    def __call__(self, report: ReportFn, cancel: CancelToken) -> T: ...


def no_report(_: Progress) -> None:
    """A ``report`` that ignores progress (for callers that do not show it)."""


def run_job(job: Callable[[ReportFn, CancelToken], T], report: ReportFn = no_report,
            cancel: CancelToken | None = None) -> T:
    """Run a job synchronously (CLI, tests)."""
    return job(report, cancel or CancelToken())


Step = Callable[[object], "Callable[[ReportFn, CancelToken], object] | None"]


def in_sequence(*steps: tuple[float, Step]) -> Callable[[ReportFn, CancelToken], object]:
    """One job made of several run in order, with one progress bar (each step its share).

    A step is ``(share, make)``: ``make(previous_result)`` returns the step's job, or None to
    skip it (the first step gets None). The job returns the last result that was made.
    Shares need not add up to 1; a step reporting no total holds the bar where it started.
    """
    whole = sum(share for share, _ in steps) or 1.0

    def job(report: ReportFn, cancel: CancelToken) -> object:
        result: object = None
        base = 0.0
        for share, make in steps:
            cancel.raise_if_cancelled()
            step = make(result)
            if step is not None:
                def sub(p: Progress, base: float = base, share: float = share) -> None:
                    frac = p.fraction
                    done = base + share * (frac if frac is not None else 0.0)
                    report(Progress(round(1000 * done / whole), 1000, p.stage))
                result = step(sub, cancel)
            base += share
        report(Progress(1000, 1000, "Done"))
        return result

    return job
