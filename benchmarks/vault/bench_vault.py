"""Vault benchmark: unlock time, Argon2id calibration, and SQLCipher vs plain SQLite.

    .venv/bin/python benchmarks/vault/bench_vault.py [--segments 100000] [--queries 300]

Prints tables and writes benchmarks/results/vault.json. SQLCipher and plain sqlite3 are timed
in the same run on the same data with the same schema (V1's segments table, FTS5 index and
triggers), so their ratio is meaningful on a shared, noisy machine even if absolute times drift.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.errors import WrongPassphrase
from core.vault import Vault
from core.vault.db import _split_sql
from core.vault.keyfile import DEFAULT_KDF, derive_kek
from core.vault.schema import SCHEMA_V1

RESULTS = REPO / "benchmarks" / "results" / "vault.json"
PASSPHRASE = "benchmark passphrase, not a secret"
CALIBRATION = [  # (time_cost, memory_kib, parallelism)
    (2, 19456, 1),      # OWASP minimum for Argon2id
    (3, 65536, 1),
    (3, 131072, 2),
    (3, 262144, 2),     # Confidant's default
    (4, 262144, 2),
]
_WORDS = ["shift", "rota", "overtime", "manager", "break", "pay", "unpaid", "rest", "safety", "training", "schedule", "notice", "contract", "agency", "night", "weekend", "sick", "leave", "union", "meeting", "pressure", "target", "warehouse", "scanner", "picker", "driver", "cleaner", "kitchen", "ward", "patient", "customer", "complaint", "roster", "hours", "late", "early", "tired", "injury", "back", "shoulder", "heat", "cold", "noise", "dust", "mask", "gloves", "rule", "bonus"]


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench_unlock(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        Vault.create(folder, PASSPHRASE)[0].close()
        opens = [_timed(lambda: Vault.open(folder, PASSPHRASE).close()) for _ in range(runs)]
        wrong = []
        for _ in range(runs):
            t0 = time.perf_counter()
            try:
                Vault.open(folder, "not the passphrase")
            except WrongPassphrase:
                pass  # expected: timing the rejection
            wrong.append(time.perf_counter() - t0)
    return {"kdf": DEFAULT_KDF, "unlock_s_median": statistics.median(opens),
            "unlock_s_all": opens, "wrong_passphrase_s_median": statistics.median(wrong)}


def bench_calibration(runs: int) -> list[dict[str, Any]]:
    rows = []
    for t, m, p in CALIBRATION:
        params = {"time_cost": t, "memory_kib": m, "parallelism": p}
        times = [_timed(lambda params=params: derive_kek(PASSPHRASE, b"0123456789abcdef", params))
                 for _ in range(runs)]
        rows.append({**params, "seconds_median": statistics.median(times)})
    return rows


def _segments(n: int, seed: int = 7) -> list[tuple[int, int, int, int, str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30)))
        if i % 997 == 0:  # a rare word, as a search for a specific incident would hit
            words += f" incident{i % 50}"
        rows.append((1 + i // 200, i % 200, i * 1000, i * 1000 + 900, words))
    return rows


def _fill_and_query(conn: Any, rows: list[tuple], queries: list[str]) -> dict[str, float]:
    conn.execute("BEGIN")
    conn.execute("INSERT INTO interviews (id, participant_code, site, interview_date, created_at,"
                 " updated_at) VALUES ('b', 'P-1', 'S', '2024-01-01', 'x', 'x')")
    for tid in range(1, rows[-1][0] + 1):
        conn.execute("INSERT INTO transcripts (id, interview_id, created_at) VALUES (?, 'b', 'x')", (tid,))
    conn.execute("COMMIT")
    t0 = time.perf_counter()
    for start in range(0, len(rows), 1000):  # 1,000 segments a transaction, like a long import
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO segments (transcript_id, idx, start_ms, end_ms, text)"
                         " VALUES (?,?,?,?,?)", rows[start:start + 1000])
        conn.execute("COMMIT")
    insert_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    hits = 0
    for q in queries:
        # Count every match (walks the whole posting list), then fetch the text of the first
        # 20 by joining back to segments, as the search view does.
        hits += conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH ?",
                             (q,)).fetchone()[0]
        conn.execute("SELECT s.id, s.text FROM segments_fts f JOIN segments s ON s.id = f.rowid"
                     " WHERE segments_fts MATCH ? LIMIT 20", (q,)).fetchall()
    fts_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for tid in range(1, 301):
        conn.execute("SELECT id, text FROM segments WHERE transcript_id = ? ORDER BY idx", (tid,)).fetchall()
    read_s = time.perf_counter() - t0
    return {"insert_s": insert_s, "fts_query_s": fts_s, "fts_hits": hits, "read_300_transcripts_s": read_s}


def bench_storage(n_segments: int, n_queries: int) -> dict[str, Any]:
    rows = _segments(n_segments)
    rng = random.Random(11)
    queries = [(f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}", f"incident{rng.randrange(50)}",
                f'"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"')[i % 3] for i in range(n_queries)]
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "vault", PASSPHRASE,
                             kdf={"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192,
                                  "parallelism": 1})[0]
        cipher = _fill_and_query(vault.conn, rows, queries)
        cipher["file_bytes"] = (Path(tmp) / "vault" / "vault.db").stat().st_size
        vault.close()

        plain_conn = sqlite3.connect(Path(tmp) / "plain.db", isolation_level=None)
        for pragma in ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                       "PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON"):
            plain_conn.execute(pragma)
        plain_conn.execute("BEGIN")
        for statement in _split_sql(SCHEMA_V1):
            plain_conn.execute(statement)
        plain_conn.execute("COMMIT")
        plain = _fill_and_query(plain_conn, rows, queries)
        plain_conn.close()
        plain["file_bytes"] = (Path(tmp) / "plain.db").stat().st_size
    assert cipher["fts_hits"] == plain["fts_hits"]
    ratios = {k: cipher[k] / plain[k] for k in ("insert_s", "fts_query_s", "read_300_transcripts_s",
                                                 "file_bytes")}
    return {"segments": n_segments, "queries": n_queries, "sqlcipher": cipher, "sqlite": plain,
            "ratio_sqlcipher_over_sqlite": ratios}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    unlock = bench_unlock(args.runs)
    print(f"Unlock with the default KDF {DEFAULT_KDF}:")
    print(f"  median {unlock['unlock_s_median']:.3f} s; wrong passphrase "
          f"{unlock['wrong_passphrase_s_median']:.3f} s")
    calibration = bench_calibration(args.runs)
    print("\nArgon2id calibration (one KDF, median):")
    print(f"  {'t':>2} {'memory MiB':>10} {'p':>2} {'seconds':>8}")
    for row in calibration:
        print(f"  {row['time_cost']:>2} {row['memory_kib'] // 1024:>10} {row['parallelism']:>2} "
              f"{row['seconds_median']:>8.3f}")
    storage = bench_storage(args.segments, args.queries)
    print(f"\n{args.segments:,} transcript segments, {args.queries} FTS5 queries:")
    print(f"  {'':<24}{'SQLCipher':>11}{'sqlite3':>11}{'ratio':>8}")
    for key, label in (("insert_s", "insert (s)"), ("fts_query_s", "FTS5 queries (s)"),
                       ("read_300_transcripts_s", "read 300 transcripts (s)"),
                       ("file_bytes", "file size (MB)")):
        c, p = storage["sqlcipher"][key], storage["sqlite"][key]
        scale = 1e-6 if key == "file_bytes" else 1
        print(f"  {label:<24}{c * scale:>11.2f}{p * scale:>11.2f}"
              f"{storage['ratio_sqlcipher_over_sqlite'][key]:>8.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": "vault", "python": platform.python_version(), "machine": platform.machine(),
              "unlock": unlock, "argon2id_calibration": calibration, "storage": storage}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
