"""Coordinator benchmark: import 1,000 packets, then aggregate and report over 1,000 interviews.

    .venv/bin/python benchmarks/coordinator/bench_coordinator.py [--packets 1000] [--sites 6]

Packets are made with the real sealing path the writer uses (``core.packets.payload.pack`` +
``core.packets.seal.seal``: age X25519 to the coordinator's recipient, Ed25519 signature by
a device key) around synthetic de-identified interview.json payloads (6 questions, ~24
segments, ~12 tags each) and real interview-summary PDFs (``write_interview_summary``; a pool
of 25 reused, since rendering one per packet would dominate the set-up). Running the whole
researcher pipeline 1,000 times (Whisper, Presidio, review) would measure the wrong thing.

Targets (issue 7): import < 60 s, aggregation + PDF < 30 s. Writes
benchmarks/results/coordinator.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job, summarize
from core.jobs import run_job
from core.packets.keys import age_recipient
from core.packets.payload import pack
from core.packets.seal import seal
from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.interview_summary import write_interview_summary
from core.reports.qdpx import write_qdpx
from core.vault import Vault
from tests.helpers.coordinator_data import make_corpus, typed
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--packets", type=int, default=1000)
    ap.add_argument("--sites", type=int, default=6)
    args = ap.parse_args()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        coordinator, _code = Vault.create(tmp / "coordinator", PASSPHRASE, role="coordinator", kdf=KDF)
        recipient = age_recipient(coordinator)
        devices = [Device() for _ in range(4)]  # four researchers' laptops
        for n, dev in enumerate(devices):
            enrol(coordinator, dev.public_key, f"Org {n} – laptop")
        corpus = make_corpus(args.packets, sites=tuple(f"SITE-{chr(65 + i)}" for i in range(args.sites)))
        summaries = [write_interview_summary(d) for d in typed(corpus[:SUMMARY_POOL])]
        folder = tmp / "inbox"
        folder.mkdir()

        def make_packets() -> int:
            total = 0
            for i, iv in enumerate(corpus):
                files = payload_files(iv)
                files["summary.pdf"] = summaries[i % len(summaries)]
                dev = devices[i % len(devices)]
                data, _ = seal(pack(files, iv["packet_id"], None), recipients=[recipient], signer=dev.sign,
                               device_fingerprint=dev.fingerprint, packet_id=iv["packet_id"])
                (folder / f"{i:05d}.cpkt").write_bytes(data)
                total += len(data)
            return total

        total_bytes, t_make = _timed(make_packets)
        rows.append((f"seal {args.packets} packets (set-up)", t_make, f"{total_bytes / 1e6:.1f} MB"))

        results, t_import = _timed(lambda: run_job(make_import_job(coordinator, [folder])))
        verdicts = summarize(results)
        rows.append((f"import {args.packets} packets", t_import, json.dumps(verdicts)))
        again, t_again = _timed(lambda: run_job(make_import_job(coordinator, [folder])))
        rows.append((f"re-import {args.packets} (no-op)", t_again, json.dumps(summarize(again))))

        agg, t_agg = _timed(lambda: aggregate(coordinator))
        rows.append((f"aggregate {agg.n_interviews} interviews", t_agg,
                     f"{agg.total_answers} answers, {sum(t.passages for t in agg.themes)} passages"))
        pdf, t_pdf = _timed(lambda: write_report(agg))
        rows.append(("coordinator PDF", t_pdf, f"{len(pdf) / 1e3:.0f} kB"))
        _, t_csv = _timed(lambda: write_csv(agg, tmp / "csv"))
        rows.append(("CSV tables", t_csv, ""))
        qdpx, t_qdpx = _timed(lambda: write_qdpx(agg, tmp / "all.qdpx"))
        rows.append(("REFI-QDA .qdpx", t_qdpx, f"{qdpx.stat().st_size / 1e6:.1f} MB"))
        db_mb = (tmp / "coordinator" / "vault.db").stat().st_size / 1e6
        coordinator.close()

    ok_import = t_import < 60 and verdicts == {"imported": args.packets}
    ok_report = t_agg + t_pdf < 30
    print(f"Coordinator benchmark: {args.packets} packets, {args.sites} sites, 4 devices")
    print(f"{'step':<34} {'seconds':>8}  detail")
    for name, seconds, detail in rows:
        print(f"{name:<34} {seconds:8.2f}  {detail}")
    print(f"import < 60 s: {'PASS' if ok_import else 'FAIL'} ({t_import:.1f} s, "
          f"{1000 * t_import / max(args.packets, 1):.1f} ms/packet)")
    print(f"aggregate + PDF < 30 s: {'PASS' if ok_report else 'FAIL'} ({t_agg + t_pdf:.1f} s)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "benchmark": "coordinator", "packets": args.packets, "sites": args.sites,
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "steps": [{"step": n, "seconds": round(s, 3), "detail": d} for n, s, d in rows],
        "import_s": round(t_import, 3), "reimport_s": round(t_again, 3),
        "aggregate_s": round(t_agg, 3), "pdf_s": round(t_pdf, 3), "vault_db_mb": round(db_mb, 1),
        "verdicts": verdicts, "import_ok": ok_import, "report_ok": ok_report,
    }, indent=2) + "\n")
    return 0 if ok_import and ok_report else 1


if __name__ == "__main__":
    sys.exit(main())
