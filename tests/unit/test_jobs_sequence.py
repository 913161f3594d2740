"""core.jobs.in_sequence: several jobs as one, with one honest progress bar."""

from __future__ import annotations

import pytest

from core.errors import Cancelled
from core.jobs import CancelToken, Progress, in_sequence, run_job


def _counting(n: int, stage: str, result: object):
    def job(report, cancel):
        for i in range(n + 1):
            cancel.raise_if_cancelled()
            report(Progress(i, n, stage))
        return result
    return job


def test_progress_runs_once_from_zero_to_the_end_across_steps():
    seen: list[Progress] = []
    job = in_sequence((3, lambda _: _counting(4, "Typing up", "transcript")),
                      (1, lambda t: _counting(2, "Suggesting themes", f"tagged {t}")))
    assert run_job(job, seen.append) == "tagged transcript"
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    assert {p.stage for p in seen} >= {"Typing up", "Suggesting themes"}
    at_switch = next(p for p in seen if p.stage == "Suggesting themes")
    assert at_switch.fraction == pytest.approx(0.75)


def test_a_step_can_be_skipped_and_cancel_stops_between_steps():
    job = in_sequence((1, lambda _: _counting(1, "a", "first")), (1, lambda r: None))
    assert run_job(job) == "first"
    token = CancelToken()

    def cancel_after(report, cancel):
        token.cancel()
        return "x"
    with pytest.raises(Cancelled):
        run_job(in_sequence((1, lambda _: cancel_after), (1, lambda r: _counting(1, "b", 1))), cancel=token)
