"""How long "Suggest themes" waits on the theme model, cold vs warmed up while recording.

The desktop's embedding child (core/tagging/embed_process.py) loads torch and MiniLM on first
use; a first real interview sat ~70 s on "Loading the theme model" (issue 16). Since then the
Record tab warms it up when recording starts. This measures, in the same run, the first
``encode`` of a fresh child (cold) against an ``encode`` after ``warm_up()`` finished while
the "interview" ran (warm), N times each. Prints a table; writes benchmarks/results/theme_warmup.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.tagging.embed_process import ProcessEmbedder

SENTENCES = ["We start at six and nobody tells us the rota until the night before."] * 40


def cold() -> float:
    e = ProcessEmbedder()
    t = time.monotonic()
    e.encode(SENTENCES)
    took = time.monotonic() - t
    e.close()
    return took


def warm(recording_s: float) -> float:
    e = ProcessEmbedder()
    e.warm_up()
    deadline = time.monotonic() + recording_s       # the interview being recorded
    while time.monotonic() < deadline and not e.is_warm:
        time.sleep(0.2)
    time.sleep(max(0.0, deadline - time.monotonic()))
    t = time.monotonic()
    e.encode(SENTENCES)
    took = time.monotonic() - t
    e.close()
    return took


def main(runs: int = 3, recording_s: float = 90.0) -> int:
    colds, warms = [], []
    for _ in range(runs):
        colds.append(cold())
        warms.append(warm(recording_s))
    result = {"runs": runs, "sentences": len(SENTENCES), "recording_s": recording_s,
              "cold_s": [round(x, 2) for x in colds], "warm_s": [round(x, 3) for x in warms],
              "cold_median_s": round(statistics.median(colds), 2),
              "warm_median_s": round(statistics.median(warms), 3)}
    result["ratio"] = round(result["cold_median_s"] / max(result["warm_median_s"], 1e-3), 1)
    print(f"{'':20}{'median s':>10}   runs")
    print(f"{'cold (first use)':20}{result['cold_median_s']:>10}   {result['cold_s']}")
    print(f"{'warmed up':20}{result['warm_median_s']:>10}   {result['warm_s']}")
    print(f"cold / warm: {result['ratio']}x")
    out = ROOT / "benchmarks" / "results" / "theme_warmup.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3,
                  float(sys.argv[2]) if len(sys.argv) > 2 else 90.0))
