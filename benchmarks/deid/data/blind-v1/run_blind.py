"""Run the de-identification benchmark (``benchmarks/deid/bench_deid.py``) on the blind set v1.

Uses the benchmark's own loader, scoring and table (nothing re-implemented, so the numbers are
comparable with the dev and held-out sets): Confidant's detector and Presidio out of the box on
the same text in the same run. ``--check`` only parses the labels (no models loaded).

Run: .venv/bin/python benchmarks/deid/data/blind-v1/run_blind.py   (writes
benchmarks/results/deid-blind-v1.json)
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parents[1]
REPO = HERE.parents[3]
sys.path.insert(0, str(BENCH))

import bench_deid  # the benchmark script itself


def check(interviews: list[bench_deid.Interview]) -> None:
    """Labels parse back to the exact planted text; print counts per type."""
    counts: collections.Counter[str] = collections.Counter()
    for iv in interviews:
        assert "[[" not in iv.text and "]]" not in iv.text, iv.id
        for g in iv.gold:
            assert iv.text[g.start:g.end] == g.text, (iv.id, g.text)
            counts[g.entity_type if g.listed else "PERSON (unlisted)"] += 1
    print(f"{len(interviews)} interviews, {sum(counts.values())} planted:", dict(sorted(counts.items())))


def main() -> int:
    interviews = bench_deid.load_set(HERE / "blind.txt")
    check(interviews)
    if "--check" in sys.argv:
        return 0
    result = bench_deid.evaluate(interviews, bench_deid.ours)
    baseline = bench_deid.evaluate(interviews, bench_deid.stock)
    bench_deid._table("blind-v1", result, baseline)
    out = {"set": "blind-v1", "confidant": result, "presidio_stock": baseline}
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "deid-blind-v1.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
