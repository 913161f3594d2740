"""Coordinator benchmark: import N packets, then aggregate and report over N interviews.

    .venv/bin/python benchmarks/coordinator/bench_coordinator.py [--packets 1000] [--sites 6]
    .venv/bin/python benchmarks/coordinator/bench_coordinator.py --packets 10000 --skip-exports

Packets are made one at a time and written to disk (never the whole corpus in memory); the
import's cost per packet is recorded for every 1,000 packets (the curve must stay flat: issue
22 found 3.5 ms/packet at 1,000 growing to 19.9 ms at 3,000), and the process's peak memory.

Packets are made with the real sealing path the writer uses (``core.packets.payload.pack`` +
``core.packets.seal.seal``: age X25519 to the coordinator's recipient, Ed25519 signature by
a device key) around synthetic de-identified interview.json payloads (6 questions, ~24
segments, ~12 tags each) and real interview-summary PDFs (``write_interview_summary``; a pool
of 25 reused, since rendering one per packet would dominate the set-up). Running the whole
researcher pipeline 1,000 times (Whisper, Presidio, review) would measure the wrong thing.

Targets: issue 7 (1,000 packets): import < 60 s, aggregation + PDF < 30 s; issue 22 (10,000):
import < 120 s, aggregation + PDF < 60 s. Writes benchmarks/results/coordinator.json (1,000)
or coordinator-N.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import itertools

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job, summarize
from core.jobs import Progress, run_job
from core.packets.keys import age_recipient
from core.packets.payload import pack
from core.packets.seal import seal
from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.interview_summary import write_interview_summary
from core.reports.qdpx import write_qdpx
from core.vault import Vault
from tests.helpers.coordinator_data import make_interview, typed
from tests.helpers.coordinator_packets import Device, payload_files

RESULTS = REPO / "benchmarks" / "results" / "coordinator.json"
PASSPHRASE = "benchmark passphrase, not a secret"
# The vault's unlock cost is measured by the vault benchmark; a cheap KDF keeps set-up short
# and has no effect on import or report speed (the database key is derived once).
KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
SUMMARY_POOL = 25


def _timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _corpus_item(i: int, sites: tuple[str, ...]) -> dict[str, Any]:
    # the same interviews make_corpus would give, one at a time
    return make_interview(code=f"P-{i + 1:03d}", site=sites[i % len(sites)], month=f"2025-{1 + (i % 6):02d}",
                          seed=100_000 + i, guide_version="1.0" if i % 4 else "1.1")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--packets", type=int, default=1000)
    ap.add_argument("--sites", type=int, default=6)
    ap.add_argument("--skip-exports", action="store_true", help="skip CSV and REFI-QDA (time the core targets only)")
    ap.add_argument("--skip-reimport", action="store_true")
    args = ap.parse_args()
    n = args.packets
    rows: list[tuple[str, float, str]] = []
    sites = tuple(f"SITE-{chr(65 + i)}" for i in range(args.sites))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        coordinator, _code = Vault.create(tmp / "coordinator", PASSPHRASE, role="coordinator", kdf=KDF)
        recipient = age_recipient(coordinator)
        devices = [Device() for _ in range(4)]  # four researchers' laptops
        for k, dev in enumerate(devices):
            enrol(coordinator, dev.public_key, f"Org {k} – laptop")
        summaries = [write_interview_summary(d) for d in typed([_corpus_item(i, sites) for i in range(SUMMARY_POOL)])]
        folder = tmp / "inbox"
        folder.mkdir()

        def make_packets() -> int:
            total = 0
            for i in range(n):
                iv = _corpus_item(i, sites)
                files = payload_files(iv)
                files["summary.pdf"] = summaries[i % len(summaries)]
                dev = devices[i % len(devices)]
                data, _ = seal(pack(files, iv["packet_id"], None), recipients=[recipient], signer=dev.sign,
                               device_fingerprint=dev.fingerprint, packet_id=iv["packet_id"])
                (folder / f"{i:06d}.cpkt").write_bytes(data)
                total += len(data)
            return total

        total_bytes, t_make = _timed(make_packets)
        rows.append((f"seal {n} packets (set-up)", t_make, f"{total_bytes / 1e6:.1f} MB"))
        rss_before_import = _peak_rss_mb()

        marks: list[tuple[int, float]] = []
        started = time.perf_counter()

        def progress(p: Progress) -> None:
            if p.done % 1000 == 0 and (not marks or marks[-1][0] != p.done):
                marks.append((p.done, time.perf_counter() - started))

        results, t_import = _timed(lambda: run_job(make_import_job(coordinator, [folder]), progress))
        verdicts = summarize(results)
        del results
        per_k = [{"packets": f"{a}-{b}", "ms_per_packet": round(1000 * (tb - ta) / max(b - a, 1), 2)}
                 for (a, ta), (b, tb) in itertools.pairwise(marks)]
        rows.append((f"import {n} packets", t_import, json.dumps(verdicts)))
        rss_import = _peak_rss_mb()
        t_again = 0.0
        if not args.skip_reimport:
            again, t_again = _timed(lambda: run_job(make_import_job(coordinator, [folder])))
            rows.append((f"re-import {n} (no-op)", t_again, json.dumps(summarize(again))))
            del again

        agg, t_agg = _timed(lambda: aggregate(coordinator))
        rows.append((f"aggregate {agg.n_interviews} interviews", t_agg,
                     f"{agg.total_answers} answers, {sum(t.passages for t in agg.themes)} passages"))
        pdf, t_pdf = _timed(lambda: write_report(agg))
        rows.append(("coordinator PDF", t_pdf, f"{len(pdf) / 1e3:.0f} kB"))
        rss_report = _peak_rss_mb()
        if not args.skip_exports:
            _, t_csv = _timed(lambda: write_csv(agg, tmp / "csv"))
            rows.append(("CSV tables", t_csv, ""))
            qdpx, t_qdpx = _timed(lambda: write_qdpx(agg, tmp / "all.qdpx"))
            rows.append(("REFI-QDA .qdpx", t_qdpx, f"{qdpx.stat().st_size / 1e6:.1f} MB"))
        db_mb = (tmp / "coordinator" / "vault.db").stat().st_size / 1e6
        coordinator.close()

    import_limit, report_limit = (60, 30) if n <= 1000 else (120 * n / 10_000, 60 * n / 10_000)
    ok_import = t_import < import_limit and verdicts == {"imported": n}
    ok_report = t_agg + t_pdf < report_limit
    print(f"Coordinator benchmark: {n} packets, {args.sites} sites, 4 devices")
    print(f"{'step':<34} {'seconds':>8}  detail")
    for name, seconds, detail in rows:
        print(f"{name:<34} {seconds:8.2f}  {detail}")
    print("import cost per packet, by thousand: " + ", ".join(f"{c['ms_per_packet']:.1f}" for c in per_k) + " ms")
    print(f"peak memory: {rss_before_import:.0f} MB after set-up, {rss_import:.0f} MB after import, "
          f"{rss_report:.0f} MB after aggregation + PDF")
    print(f"import < {import_limit:.0f} s: {'PASS' if ok_import else 'FAIL'} ({t_import:.1f} s, "
          f"{1000 * t_import / max(n, 1):.1f} ms/packet)")
    print(f"aggregate + PDF < {report_limit:.0f} s: {'PASS' if ok_report else 'FAIL'} ({t_agg + t_pdf:.1f} s)")
    out = RESULTS if n == 1000 else RESULTS.with_name(f"coordinator-{n}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "benchmark": "coordinator", "packets": n, "sites": args.sites,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "load_average": [round(x, 1) for x in __import__("os").getloadavg()]},
        "steps": [{"step": name, "seconds": round(sec, 3), "detail": d} for name, sec, d in rows],
        "import_s": round(t_import, 3), "reimport_s": round(t_again, 3),
        "import_ms_per_packet_by_thousand": per_k,
        "aggregate_s": round(t_agg, 3), "pdf_s": round(t_pdf, 3), "vault_db_mb": round(db_mb, 1),
        "peak_rss_mb": {"after_setup": round(rss_before_import), "after_import": round(rss_import),
                        "after_report": round(rss_report)},
        "verdicts": verdicts, "import_ok": ok_import, "report_ok": ok_report,
    }, indent=2) + "\n")
    return 0 if ok_import and ok_report else 1


if __name__ == "__main__":
    sys.exit(main())
