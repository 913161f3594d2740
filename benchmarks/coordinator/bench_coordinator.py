"""Coordinator benchmark: import N packets, then aggregate and report over N interviews.

    .venv/bin/python benchmarks/coordinator/bench_coordinator.py [--packets 1000] [--sites 6]
    .venv/bin/python benchmarks/coordinator/bench_coordinator.py --packets 1000 10000 50000 --skip-reimport

For each size, in a fresh coordinator vault: make N packets and write them to disk (never the
corpus in memory), import them (the import's cost per packet recorded for every 1,000 packets:
the curve must stay flat), then — in a fresh process of its own, so its peak memory is the
reports' and not the import's — aggregate, write the team PDF, the CSV tables and the REFI-QDA
project, and build the shareable view and PDF, recording the process's peak memory after each.
Issue 22: aggregation must be streamed (memory roughly flat in N), 10,000 imported in < 2 min,
aggregation + PDF over 10,000 in < 60 s.

Packets are genuinely made and checked: each is packed (``core.packets.payload.pack``) and
sealed (``core.packets.seal.seal``: age X25519 to the coordinator's recipient, Ed25519 signature
by one of 4 enrolled device keys) with its own packet id, and the import verifies and opens each
one on the real path. What makes making them fast is that only what must vary does: the
interview.json of packet i is one of ``TEMPLATES`` synthetic de-identified interviews (6
questions, ~24 segments, ~12 tags) with its own packet id, participant code, site and month
written in, and the summary PDF is one of 25 real ``write_interview_summary`` PDFs. Running the
researcher pipeline (Whisper, Presidio, review) per packet would measure the wrong thing.
``--workers`` seals in that many processes (each writes its own files).

Writes benchmarks/results/coordinator.json (1,000) or coordinator-N.json per size, and
coordinator-scale.json with every size of the run when more than one is given.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import platform
import resource
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
from core.coordinator.share import share_view
from core.jobs import Progress, run_job
from core.packets.keys import age_recipient
from core.packets.payload import pack
from core.packets.seal import seal
from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.interview_summary import write_interview_summary
from core.reports.qdpx import write_qdpx
from core.reports.share_pdf import write_share_report
from core.vault import Vault
from tests.helpers.coordinator_data import make_interview, typed
from tests.helpers.coordinator_packets import Device, payload_files

RESULTS = REPO / "benchmarks" / "results" / "coordinator.json"
PASSPHRASE = "benchmark passphrase, not a secret"
# The vault's unlock cost is measured by the vault benchmark; a cheap KDF keeps set-up short
# and has no effect on import or report speed (the database key is derived once).
KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
SUMMARY_POOL = 25
TEMPLATES = 250
N_DEVICES = 4


def _timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: of this program, not of the one it was
    started from, which ``ru_maxrss`` would carry over a fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus_item(i: int, sites: tuple[str, ...], templates: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Interview i: a template's talk and tags with i's own packet id, code, site and month."""
    site, month = sites[i % len(sites)], f"2025-{1 + (i % 6):02d}"
    if templates is None:
        return make_interview(code=f"P-{i + 1:05d}", site=site, month=month, seed=100_000 + i,
                              guide_version="1.0" if i % 4 else "1.1")
    iv = dict(templates[i % len(templates)])
    iv["packet_id"] = f"{i:08x}" + iv["packet_id"][8:]
    iv["interview"] = {**iv["interview"], "code": f"P-{i + 1:05d}", "site": site, "month": month}
    iv["deid"] = {**iv["deid"], "signed_off_at": f"{month}-15T18:00:00+00:00"}
    return iv


def _seal_range(args: tuple[int, int, tuple[str, ...], str, list[tuple[bytes, str]], list[bytes], str]) -> int:
    """Seal packets [start, stop) into ``folder`` (runs in a worker process too)."""
    start, stop, sites, recipient, device_keys, summaries, folder = args
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    signers = [(Ed25519PrivateKey.from_private_bytes(raw).sign, fpr) for raw, fpr in device_keys]
    templates = [make_interview(seed=100_000 + t, guide_version="1.0" if t % 4 else "1.1")
                 for t in range(TEMPLATES)]
    total = 0
    for i in range(start, stop):
        iv = _corpus_item(i, sites, templates)
        files = payload_files(iv)
        files["summary.pdf"] = summaries[i % len(summaries)]
        sign, fpr = signers[i % len(signers)]
        data, _ = seal(pack(files, iv["packet_id"], None), recipients=[recipient], signer=sign,
                       device_fingerprint=fpr, packet_id=iv["packet_id"])
        (Path(folder) / f"{i:06d}.cpkt").write_bytes(data)
        total += len(data)
    return total


def _report_phase(folder: str, out_dir: str, exports: bool) -> dict[str, Any]:
    """Aggregate and write every report in this (fresh) process; seconds and peak memory."""
    out = Path(out_dir)
    rss: dict[str, float] = {"start": _peak_rss_mb()}
    steps: list[tuple[str, float, str]] = []
    with Vault.open(Path(folder), PASSPHRASE) as vault:
        rss["vault_open"] = _peak_rss_mb()
        agg, t = _timed(lambda: aggregate(vault))
        steps.append(("aggregate", t, (f"{agg.n_interviews} interviews, {agg.total_answers} answers, "
                                      f"{sum(th.passages for th in agg.themes)} passages")))
        rss["aggregate"] = _peak_rss_mb()
        pdf, t = _timed(lambda: write_report(agg))
        steps.append(("team PDF", t, f"{len(pdf) / 1e3:.0f} kB"))
        rss["pdf"] = _peak_rss_mb()
        if exports:
            _, t = _timed(lambda: write_csv(agg, out / "csv"))
            size = sum(p.stat().st_size for p in (out / "csv").iterdir())
            steps.append(("CSV tables", t, f"{size / 1e6:.1f} MB"))
            rss["csv"] = _peak_rss_mb()
            qdpx, t = _timed(lambda: write_qdpx(agg, out / "all.qdpx"))
            steps.append(("REFI-QDA .qdpx", t, f"{qdpx.stat().st_size / 1e6:.1f} MB"))
            rss["qdpx"] = _peak_rss_mb()
        view, t = _timed(lambda: share_view(vault))
        steps.append(("share view", t, f"{len(view.groups)} groups"))
        share_pdf, t2 = _timed(lambda: write_share_report(view))
        steps.append(("shareable PDF", t2, f"{len(share_pdf) / 1e3:.0f} kB"))
        rss["share"] = _peak_rss_mb()
    return {"steps": steps, "peak_rss_mb": rss, "n_interviews": agg.n_interviews}


def run_size(n: int, n_sites: int, *, reimport: bool, exports: bool, workers: int) -> dict[str, Any]:
    rows: list[tuple[str, float, str]] = []
    sites = tuple(f"SITE-{chr(65 + i)}" for i in range(n_sites))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        coordinator, _code = Vault.create(tmp / "coordinator", PASSPHRASE, role="coordinator", kdf=KDF)
        recipient = age_recipient(coordinator)
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        secrets = [Ed25519PrivateKey.generate() for _ in range(N_DEVICES)]  # four researchers' laptops
        device_keys = []
        for k, secret in enumerate(secrets):
            dev = Device()
            dev.sign = secret.sign
            from core.packets import keys
            dev.public_key = keys.encode_device_key(secret.public_key().public_bytes_raw())
            dev.fingerprint = keys.fingerprint(dev.public_key)
            enrol(coordinator, dev.public_key, f"Org {k} – laptop")
            device_keys.append((secret.private_bytes_raw(), dev.fingerprint))
        summaries = [write_interview_summary(d) for d in typed([_corpus_item(i, sites) for i in range(SUMMARY_POOL)])]
        folder = tmp / "inbox"
        folder.mkdir()
        bounds = [(n * w // workers, n * (w + 1) // workers) for w in range(workers)]
        jobs = [(a, b, sites, recipient, device_keys, summaries, str(folder)) for a, b in bounds]

        def make_packets() -> int:
            if workers == 1:
                return _seal_range(jobs[0])
            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                return sum(pool.map(_seal_range, jobs))

        total_bytes, t_make = _timed(make_packets)
        rows.append((f"seal {n} packets (set-up)", t_make, (f"{total_bytes / 1e6:.1f} MB, "
                                                           f"{1000 * t_make / n:.2f} ms/packet")))
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
        if reimport:
            again, t_again = _timed(lambda: run_job(make_import_job(coordinator, [folder])))
            rows.append((f"re-import {n} (no-op)", t_again, json.dumps(summarize(again))))
            del again
        db_mb = (tmp / "coordinator" / "vault.db").stat().st_size / 1e6
        coordinator.close()  # one process per vault: the report phase opens it in its own
        out = tmp / "out"
        out.mkdir()
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            report = pool.apply(_report_phase, (str(tmp / "coordinator"), str(out), exports))
    rows += [(name, sec, detail) for name, sec, detail in report["steps"]]
    seconds = {name: sec for name, sec, _d in report["steps"]}
    t_agg, t_pdf = seconds["aggregate"], seconds["team PDF"]
    import_limit, report_limit = (60, 30) if n <= 1000 else (120 * n / 10_000, 60 * n / 10_000)
    ok_import = t_import < import_limit and verdicts == {"imported": n}
    ok_report = t_agg + t_pdf < report_limit and report["n_interviews"] == n
    ms = [c["ms_per_packet"] for c in per_k]
    return {
        "benchmark": "coordinator", "packets": n, "sites": n_sites, "devices": N_DEVICES,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average": [round(x, 1) for x in os.getloadavg()]},
        "steps": [{"step": name, "seconds": round(sec, 3), "detail": d} for name, sec, d in rows],
        "seal_ms_per_packet": round(1000 * t_make / n, 3),
        "import_s": round(t_import, 3), "import_ms_per_packet": round(1000 * t_import / n, 2),
        "reimport_s": round(t_again, 3),
        "import_ms_per_packet_by_thousand": per_k,
        "import_ms_per_packet_first_last_thousand": [ms[0], ms[-1]] if ms else None,
        "aggregate_s": round(t_agg, 3), "pdf_s": round(t_pdf, 3),
        "report_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "vault_db_mb": round(db_mb, 1),
        "peak_rss_mb": {"import_process": {"after_setup": round(rss_before_import), "after_import": round(rss_import)},
                        "report_process": {k: round(v) for k, v in report["peak_rss_mb"].items()}},
        "verdicts": verdicts, "import_ok": ok_import, "report_ok": ok_report,
        "_rows": rows,
    }


def _print(result: dict[str, Any]) -> None:
    n = result["packets"]
    print(f"Coordinator benchmark: {n} packets, {result['sites']} sites, {result['devices']} devices "
          f"(load average {result['machine']['load_average']})")
    print(f"{'step':<34} {'seconds':>8}  detail")
    for name, seconds, detail in result["_rows"]:
        print(f"{name:<34} {seconds:8.2f}  {detail}")
    per_k = result["import_ms_per_packet_by_thousand"]
    print("import cost per packet, by thousand: " + ", ".join(f"{c['ms_per_packet']:.1f}" for c in per_k) + " ms")
    rp = result["peak_rss_mb"]["report_process"]
    print(f"peak memory: import process {result['peak_rss_mb']['import_process']['after_import']} MB; "
          "report process " + ", ".join(f"{k} {v} MB" for k, v in rp.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--packets", type=int, nargs="+", default=[1000])
    ap.add_argument("--sites", type=int, default=6)
    ap.add_argument("--workers", type=int, default=1, help="processes sealing packets")
    ap.add_argument("--skip-exports", action="store_true", help="skip CSV and REFI-QDA (time the core targets only)")
    ap.add_argument("--skip-reimport", action="store_true")
    args = ap.parse_args()
    results = []
    for n in args.packets:
        result = run_size(n, args.sites, reimport=not args.skip_reimport, exports=not args.skip_exports,
                          workers=max(1, args.workers))
        _print(result)
        rows = result.pop("_rows")
        out = RESULTS if n == 1000 else RESULTS.with_name(f"coordinator-{n}.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
        result["_rows"] = rows
        results.append(result)
    if len(results) > 1:
        base = results[0]
        print("\nGrowth against the smallest size (same run):")
        print(f"{'packets':>8} {'import ms/pkt':>14} {'x':>6} {'report s/1k iv':>15} {'report peak MB':>15} {'x':>6}")
        scale = []
        for r in results:
            rep_s = sum(r["report_seconds"].values())
            peak = max(r["peak_rss_mb"]["report_process"].values())
            base_s = sum(base["report_seconds"].values()) / base["packets"]
            base_peak = max(base["peak_rss_mb"]["report_process"].values())
            row = {"packets": r["packets"], "import_ms_per_packet": r["import_ms_per_packet"],
                   "import_per_packet_ratio": round(r["import_ms_per_packet"] / base["import_ms_per_packet"], 2),
                   "report_s_per_1000": round(1000 * rep_s / r["packets"], 2),
                   "report_per_interview_ratio": round((rep_s / r["packets"]) / base_s, 2),
                   "report_peak_rss_mb": peak, "report_peak_rss_ratio": round(peak / base_peak, 2),
                   "size_ratio": r["packets"] / base["packets"]}
            scale.append(row)
            print(f"{row['packets']:>8} {row['import_ms_per_packet']:>14.2f} {row['import_per_packet_ratio']:>6.2f} "
                  f"{row['report_s_per_1000']:>15.2f} {peak:>15} {row['report_peak_rss_ratio']:>6.2f}")
        RESULTS.with_name("coordinator-scale.json").write_text(json.dumps(
            {"benchmark": "coordinator-scale", "sizes": [r["packets"] for r in results], "growth": scale,
             "runs": [{k: v for k, v in r.items() if k != "_rows"} for r in results]}, indent=2) + "\n")
    return 0 if all(r["import_ok"] and r["report_ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
