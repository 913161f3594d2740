"""Life-cycle benchmark: deleting an interview with proof, and backup / restore, by vault size.

    .venv/bin/python benchmarks/lifecycle/bench_lifecycle.py [--sizes 16,64,256] [--interviews 10]

For each size (MB of audio in the vault, spread over --interviews interviews with 200
transcript segments each) it times, in the same run:

* erase: rows swept, FTS5 rebuilt, WAL truncated (``core.vault.erase.erase_interview``);
* check: every page and WAL frame decrypted with ``cryptography`` and searched (the part of
  the deletion job that proves it);
* backup and restore of the whole vault (``core.lifecycle.backup``).

Prints a table and writes benchmarks/results/lifecycle.json. Audio is random bytes in
one-second-sized chunks (what FLAC audio costs in pages, not what it sounds like).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.jobs import run_job
from core.lifecycle.backup import make_backup_job, make_restore_job
from core.lifecycle.delete import finish_erase, interview_needles
from core.vault import Vault
from core.vault.erase import erase_interview
from core.vault.interviews import InterviewRepo
from core.vault.recordings import ChunkRow, RecordingRepo
from core.vault.transcripts import Segment, TranscriptRepo

RESULTS = REPO / "benchmarks" / "results" / "lifecycle.json"
PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
CHUNK_BYTES = 48_000          # about one second of 16 kHz FLAC speech
WORDS = ("shift rota overtime manager break pay unpaid rest safety training schedule notice contract "
         "agency night weekend sick leave union meeting pressure target warehouse").split()


def build(folder: Path, audio_mb: int, interviews: int, rng: random.Random) -> Vault:
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    chunks_each = max(1, audio_mb * 1_000_000 // CHUNK_BYTES // interviews)
    for n in range(interviews):
        iv = InterviewRepo(vault).create(f"P-{n + 100}", "SITE-A")
        InterviewRepo(vault).add_protected_name(iv.id, f"Person{n} Surname{n}x")
        segs = [Segment(i * 1000, i * 1000 + 900, f"unique{n}q{i} " + " ".join(rng.choices(WORDS, k=18)))
                for i in range(200)]
        TranscriptRepo(vault).create(iv.id, segs)
        repo = RecordingRepo(vault)
        rid = repo.create(iv.id, "import").id
        for base in range(0, chunks_each, 50):
            repo.add_chunks(rid, [ChunkRow(s, s * 16000, 16000, rng.randbytes(CHUNK_BYTES))
                                  for s in range(base, min(base + 50, chunks_each))])
        repo.finish(rid)
    return vault


def measure(audio_mb: int, interviews: int) -> dict:
    rng = random.Random(audio_mb)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        vault = build(tmpdir / "v", audio_mb, interviews, rng)
        try:
            db_mb = (tmpdir / "v" / "vault.db").stat().st_size / 1e6
            victim = InterviewRepo(vault).list()[0].id
            needles = interview_needles(vault, victim)
            t0 = time.perf_counter()
            counts = erase_interview(vault, victim)
            t_erase = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = finish_erase(vault, counts, needles, lambda _p: None, {"interview": victim})
            t_check = time.perf_counter() - t0
            (tmpdir / "stick").mkdir()
            t0 = time.perf_counter()
            backup = run_job(make_backup_job(vault, tmpdir / "stick"))
            t_backup = time.perf_counter() - t0
        finally:
            vault.close()
        t0 = time.perf_counter()
        run_job(make_restore_job(backup.path, tmpdir / "restored", passphrase=PASSPHRASE))
        t_restore = time.perf_counter() - t0
    return {"audio_mb": audio_mb, "db_mb": round(db_mb, 1), "needles": result.needles,
            "pages": result.pages_checked, "clean": result.is_clean, "erase_s": round(t_erase, 3),
            "check_s": round(t_check, 3), "backup_s": round(t_backup, 3), "restore_s": round(t_restore, 3),
            "check_mb_per_s": round(db_mb / t_check, 1) if t_check else None,
            "backup_mb_per_s": round(backup.bytes / 1e6 / t_backup, 1) if t_backup else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="16,64,256", help="MB of audio per vault, comma separated")
    parser.add_argument("--interviews", type=int, default=10)
    args = parser.parse_args()
    rows = [measure(int(s), args.interviews) for s in args.sizes.split(",")]
    print(f"{'audio MB':>8} {'db MB':>7} {'pages':>7} {'needles':>7} {'erase s':>8} {'check s':>8} "
          f"{'check MB/s':>10} {'backup s':>9} {'restore s':>9} clean")
    for r in rows:
        print(f"{r['audio_mb']:>8} {r['db_mb']:>7} {r['pages']:>7} {r['needles']:>7} {r['erase_s']:>8} "
              f"{r['check_s']:>8} {r['check_mb_per_s']:>10} {r['backup_s']:>9} {r['restore_s']:>9} {r['clean']}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                                   "interviews": args.interviews, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
