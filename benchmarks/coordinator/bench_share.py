"""Share-rules benchmark: what the small-group rules cost on top of aggregation.

    .venv/bin/python benchmarks/coordinator/bench_share.py [--interviews 1000] [--sites 12]

On synthetic de-identified interviews (tests/helpers/coordinator_data.py; sites of very
different sizes so some fold, some are left out and cells get suppressed), times in the same
run: the team aggregate, the share view (filters, folding, a second aggregation over the shown
groups, suppression, quote screening) and both PDFs; median of 3. Writes
benchmarks/results/share.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.coordinator.aggregate import aggregate_interviews
from core.coordinator.share import build_share_view
from core.documents.interview import InterviewDoc
from core.reports.coordinator_pdf import write_report
from core.reports.disclosure import Rules
from core.reports.share_pdf import write_share_report
from tests.helpers.coordinator_data import make_interview, typed


def corpus(n: int, n_sites: int) -> list[InterviewDoc]:
    # Site i gets weight 1/(i+1)^2.5: a few large sites, a long tail of small ones.
    weights = [1 / (i + 1) ** 2.5 for i in range(n_sites)]
    total = sum(weights)
    sizes = [max(1, round(n * w / total)) for w in weights]
    out = []
    for s, size in enumerate(sizes):
        for i in range(size):
            out.append(make_interview(code=f"P-{s:02d}{i:03d}", site=f"SITE-{s:02d}", seed=s * 10_000 + i,
                                      month=f"2025-{1 + i % 6:02d}"))
    return typed(out)


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--interviews", type=int, default=1000)
    ap.add_argument("--sites", type=int, default=12)
    args = ap.parse_args()
    interviews = corpus(args.interviews, args.sites)
    rules = Rules()
    t_agg, agg = timed(lambda: aggregate_interviews(interviews))
    t_view, view = timed(lambda: build_share_view(interviews, rules=rules))
    t_team_pdf, _ = timed(lambda: write_report(agg, banner="Research team only"))
    t_share_pdf, _ = timed(lambda: write_share_report(view))
    rows = [("team aggregate", t_agg), ("share view", t_view), ("team PDF", t_team_pdf),
            ("share PDF", t_share_pdf)]
    print(f"{len(interviews)} interviews, {args.sites} sites; groups shown {len(view.groups)}, "
          f"interviews withheld {view.grouping.withheld_interviews}, cells withheld "
          f"{view.cells_small}+{view.cells_protecting}, quotes shown {view.quotes.shown}, flagged "
          f"{sum(1 for r in view.quotes.review if r.flags)} of {len(view.quotes.review)} candidates")
    print(f"{'step':<16} {'seconds':>8}")
    for name, t in rows:
        print(f"{name:<16} {t:>8.3f}")
    print(f"share view / team aggregate: {t_view / t_agg:.2f}x")
    out = {"interviews": len(interviews), "sites": args.sites, "groups_shown": len(view.groups),
           "interviews_withheld": view.grouping.withheld_interviews,
           "cells_withheld_small": view.cells_small, "cells_withheld_protecting": view.cells_protecting,
           "quotes_shown": view.quotes.shown, "candidates": len(view.quotes.review),
           "candidates_flagged": sum(1 for r in view.quotes.review if r.flags),
           "seconds": dict(rows), "ratio_share_view_to_aggregate": t_view / t_agg,
           "machine": platform.platform(), "python": platform.python_version()}
    path = REPO / "benchmarks" / "results" / "share.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
