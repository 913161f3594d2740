"""Run every benchmark in turn (`make benchmarks`); each prints its table and writes JSON
to benchmarks/results/. Pass names to run only some: `python benchmarks/run_all.py vault deid`.

The machines are shared and noisy: every benchmark compares ratios measured in the same run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "vault": ["vault/bench_vault.py"],
    "audio": ["audio/bench_audio.py"],
    "transcription": ["transcription/bench_transcription.py"],
    "tagging": ["tagging/run.py"],
    "deid": ["deid/bench_deid.py"],
    "deid_v2": ["deid/bench_v2.py", "dev"],
    "packets": ["packets/bench_export.py"],
    "coordinator": ["coordinator/bench_coordinator.py"],
    "share": ["coordinator/bench_share.py"],
    "faults": ["faults/fault_campaign.py"],
}


def main(names: list[str]) -> int:
    failed = []
    for name in names or list(BENCHMARKS):
        script, *args = BENCHMARKS[name]
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        rc = subprocess.call([sys.executable, str(HERE / script), *args], cwd=HERE.parent)
        print(f"--- {name}: exit {rc} in {time.perf_counter() - started:.0f} s", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
