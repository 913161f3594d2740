"""Audio benchmark: chunk codec, the capture writer at 50x real time, SQLCipher vs SQLite.

1. Codec: FLAC vs PCM16 per one-second chunk (encode/decode time, bytes) on real speech
   (jfk.flac, if present) and on the generated signal.
2. Writer: a Recorder fed by a FakeInputStream at ``--speed`` (default 50x) with a generated
   speech-like signal for ``--minutes`` of simulated audio: chunks committed per second,
   process CPU per audio second, RSS at start/end (memory must stay flat).
3. Write overhead: the same chunk-insert SQL (core.vault.recordings.insert_chunk), one
   transaction per chunk like the writer, into a SQLCipher vault and a plain SQLite file
   with the same schema, same settings, same run.

Usage: .venv/bin/python benchmarks/audio/bench_audio.py [--minutes 120] [--speed 50]
Writes benchmarks/results/audio.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
import soundfile as sf

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.audio import SAMPLE_RATE_HZ, codec
from core.audio.capture import Recorder
from core.audio.fake import fake_input_factory
from core.audio.resample import downmix, resample
from core.vault import Vault
from core.vault.db import _split_sql
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo, insert_chunk
from core.vault.schema import MIGRATIONS

FAST_KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
JFK = REPO.parent / "shared" / "data" / "audio" / "jfk.flac"


def speechlike(seconds: float, seed: int = 7) -> np.ndarray:
    """Noise shaped like speech: syllable-rate bursts of a few harmonics plus breath noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SAMPLE_RATE_HZ)) / SAMPLE_RATE_HZ
    f0 = 120 + 30 * np.sin(2 * np.pi * 0.3 * t)
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE_HZ
    voiced = sum(np.sin(k * phase) / k for k in range(1, 8))
    envelope = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) ** 2 * (0.5 + 0.5 * np.sin(2 * np.pi * 0.2 * t) ** 2)
    x = 0.25 * voiced * envelope + 0.01 * rng.standard_normal(len(t))
    return (np.round(np.clip(x, -1, 1) * 32767) / 32768).astype(np.float32)


def bench_codec(name: str, signal: np.ndarray) -> dict:
    chunks = [signal[i:i + SAMPLE_RATE_HZ] for i in range(0, len(signal) - SAMPLE_RATE_HZ + 1, SAMPLE_RATE_HZ)]
    out = {}
    for c in codec.CODECS:
        t0 = time.perf_counter()
        enc = [codec.encode(ch, c) for ch in chunks]
        t1 = time.perf_counter()
        for e in enc:
            codec.decode(e, c)
        t2 = time.perf_counter()
        size = sum(len(e) for e in enc) / len(enc)
        out[c] = {"encode_ms_per_chunk": 1000 * (t1 - t0) / len(enc), "decode_ms_per_chunk": 1000 * (t2 - t1) / len(enc),
                  "bytes_per_chunk": size, "mb_per_2h": size * 7200 / 1e6}
    out["flac_size_ratio"] = out["flac"]["bytes_per_chunk"] / out["pcm16"]["bytes_per_chunk"]
    out["signal"] = name
    out["chunks"] = len(chunks)
    return out


def bench_writer(minutes: float, speed: float, folder: Path) -> dict:
    proc = psutil.Process()
    vault, _ = Vault.create(folder / "vault", "benchmark passphrase", kdf=FAST_KDF)
    iid = InterviewRepo(vault).create("P-001", "BENCH").id
    signal = speechlike(10.0)
    rec = Recorder(vault, iid, stream_factory=fake_input_factory(signal, speed=speed, loop=True))
    rec.start()
    rec.wait_for_first_audio(10)
    rss_start = proc.memory_info().rss
    cpu_start = sum(proc.cpu_times()[:2])
    t_start = time.monotonic()
    target_s = minutes * 60
    rss_samples = []
    next_sample = 0.0
    while rec.elapsed_s < target_s and rec.is_recording:
        time.sleep(0.2)
        if rec.elapsed_s >= next_sample:
            rss_samples.append((round(rec.elapsed_s), proc.memory_info().rss))
            next_sample += target_s / 20
    rid = rec.stop()
    wall = time.monotonic() - t_start
    cpu = sum(proc.cpu_times()[:2]) - cpu_start
    rss_end = proc.memory_info().rss
    repo = RecordingRepo(vault)
    chunks, audio_s = repo.chunk_count(rid), repo.committed_samples(rid) / SAMPLE_RATE_HZ
    db_bytes = sum(p.stat().st_size for p in (folder / "vault").iterdir() if p.is_file())
    vault.close()
    return {"simulated_minutes": minutes, "speed": speed, "wall_s": wall, "audio_s": audio_s, "chunks": chunks,
            "chunks_per_s": chunks / wall, "achieved_speed": audio_s / wall,
            "cpu_s": cpu, "cpu_ms_per_audio_s": 1000 * cpu / audio_s, "overflows": rec.overflows,
            "error": type(rec.error).__name__ if rec.error else None,
            "rss_start_mb": rss_start / 2**20, "rss_end_mb": rss_end / 2**20,
            "rss_growth_mb": (rss_end - rss_start) / 2**20,
            "rss_curve_mb": [(s, round(r / 2**20, 1)) for s, r in rss_samples],
            "vault_mb": db_bytes / 1e6}


def _plain_sqlite(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON", "PRAGMA journal_mode = WAL",
                   "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY"):
        conn.execute(pragma)
    for script in MIGRATIONS:
        for stmt in _split_sql(script):
            conn.execute(stmt)
    conn.execute("INSERT INTO interviews (id, participant_code, site, interview_date, state, created_at,"
                 " updated_at) VALUES ('i', 'P-1', 'S', 'd', 'new', 'x', 'x')")
    conn.execute("INSERT INTO recordings (interview_id, source, sample_rate_hz, codec, state, started_at)"
                 " VALUES ('i', 'mic', 16000, 'flac', 'recording', 'x')")
    return conn


def bench_overhead(n_chunks: int, folder: Path) -> dict:
    signal = speechlike(30.0, seed=11)
    encoded = [codec.encode(signal[(i % 30) * SAMPLE_RATE_HZ:(i % 30 + 1) * SAMPLE_RATE_HZ]) for i in range(30)]
    vault, _ = Vault.create(folder / "cipher", "benchmark passphrase", kdf=FAST_KDF)
    iid = InterviewRepo(vault).create("P-001", "BENCH").id
    rid = RecordingRepo(vault).create(iid, "mic").id
    cipher_conn = vault.connect()
    plain_conn = _plain_sqlite(folder / "plain.db")
    results = {}
    # Interleaved rounds so machine noise hits both alike.
    times = {"sqlcipher": 0.0, "sqlite": 0.0}
    for start in range(0, n_chunks, 100):
        for name, conn, rec_id in (("sqlcipher", cipher_conn, rid), ("sqlite", plain_conn, 1)):
            t0 = time.perf_counter()
            for seq in range(start, min(start + 100, n_chunks)):
                conn.execute("BEGIN IMMEDIATE")
                insert_chunk(conn, rec_id, seq, seq * SAMPLE_RATE_HZ, SAMPLE_RATE_HZ, encoded[seq % 30])
                conn.execute("COMMIT")
            times[name] += time.perf_counter() - t0
    for name, t in times.items():
        results[name] = {"chunks_per_s": n_chunks / t, "ms_per_chunk_commit": 1000 * t / n_chunks}
    results["sqlcipher_over_sqlite"] = times["sqlcipher"] / times["sqlite"]
    results["chunks"] = n_chunks
    plain_conn.close()
    vault.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=120.0, help="simulated recording length")
    ap.add_argument("--speed", type=float, default=50.0, help="how many times faster than real time")
    ap.add_argument("--overhead-chunks", type=int, default=1200)
    args = ap.parse_args()
    result = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.platform()}}
    codecs = [bench_codec("generated speech-like", speechlike(60.0))]
    if JFK.exists():
        x, rate = sf.read(JFK, dtype="float32")
        jfk16 = resample(downmix(x), rate)
        codecs.append(bench_codec("jfk.flac (real speech, 11 s x 6)", np.tile(jfk16, 6)))
    result["codec"] = codecs
    with tempfile.TemporaryDirectory(prefix="audio-bench-") as tmp:
        result["overhead"] = bench_overhead(args.overhead_chunks, Path(tmp))
        result["writer"] = bench_writer(args.minutes, args.speed, Path(tmp))

    print("\nChunk codec (one 1 s chunk, 16 kHz mono)")
    print(f"{'signal':36} {'codec':6} {'enc ms':>7} {'dec ms':>7} {'bytes':>7} {'MB/2h':>7}")
    for c in codecs:
        for name in codec.CODECS:
            r = c[name]
            print(f"{c['signal']:36} {name:6} {r['encode_ms_per_chunk']:7.3f} {r['decode_ms_per_chunk']:7.3f}"
                  f" {r['bytes_per_chunk']:7.0f} {r['mb_per_2h']:7.1f}")
    o = result["overhead"]
    print(f"\nChunk commit, one transaction per chunk ({o['chunks']} chunks, interleaved)")
    for name in ("sqlcipher", "sqlite"):
        print(f"  {name:10} {o[name]['chunks_per_s']:9.0f} chunks/s  {o[name]['ms_per_chunk_commit']:.3f} ms/commit")
    print(f"  SQLCipher / SQLite time: {o['sqlcipher_over_sqlite']:.2f}x")
    w = result["writer"]
    print(f"\nWriter at {w['speed']:.0f}x: {w['audio_s'] / 60:.1f} min of audio in {w['wall_s']:.1f} s "
          f"(achieved {w['achieved_speed']:.1f}x), {w['chunks']} chunks, {w['chunks_per_s']:.1f} chunks/s")
    print(f"  CPU {w['cpu_ms_per_audio_s']:.2f} ms per audio second (whole process, fake mic included)")
    print(f"  RSS {w['rss_start_mb']:.1f} MB -> {w['rss_end_mb']:.1f} MB (growth {w['rss_growth_mb']:+.1f} MB);"
          f" vault {w['vault_mb']:.1f} MB; overflows {w['overflows']}; error {w['error']}")
    out = REPO / "benchmarks" / "results" / "audio.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"\nwrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
