"""Fault campaign for recording and import: kill -9, a full disk, a read-only folder, a damaged page.

    .venv/bin/python benchmarks/faults/fault_campaign.py [--kills 20] [--import-kills 10]

Needs root (it mounts small tmpfs file systems for the full-disk and read-only cases). After
every fault the vault must reopen, ``PRAGMA integrity_check`` must pass, and the committed
audio must equal the source samples. Prints a table and writes benchmarks/results/faults.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.audio.source import read_audio
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo

RESULTS = REPO / "benchmarks" / "results" / "faults.json"
JFK = REPO.parent / "shared" / "data" / "audio" / "jfk.flac"
PASSPHRASE = "fault campaign passphrase"
KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
SPEED = 4.0  # the fake microphone plays 4x faster than real time
RATE = 16000

RECORD_CHILD = """
import sys, time, soundfile as sf
from core.audio.capture import Recorder
from core.audio.fake import fake_input_factory
from core.vault import Vault
from core.vault.interviews import InterviewRepo
v = Vault.open(sys.argv[1], sys.argv[2])
import numpy as np
signal = np.load(sys.argv[3])
iv = InterviewRepo(v).create("P-900", "SITE-F")
rec = Recorder(v, iv.id, stream_factory=fake_input_factory(signal, speed=float(sys.argv[4]), loop=True))
rec.start()
print("started", rec.recording_id, flush=True)
while True:
    time.sleep(1)
"""

IMPORT_CHILD = """
import sys
from core.audio.importer import make_import_job
from core.jobs import run_job
from core.vault import Vault
from core.vault.interviews import InterviewRepo
v = Vault.open(sys.argv[1], sys.argv[2])
iv = InterviewRepo(v).create("P-901", "SITE-F")
print("started", flush=True)
while True:
    print("imported", run_job(make_import_job(v, iv.id, sys.argv[3])), flush=True)
"""


def source_signal() -> np.ndarray:
    """jfk.flac as 16 kHz mono float32, quantised to PCM16 like the stored audio."""
    from core.audio.resample import downmix, resample
    data, rate = sf.read(JFK, dtype="float32", always_2d=True)
    mono = resample(downmix(data), rate, RATE)
    return (np.round(np.clip(mono, -1, 32767 / 32768) * 32768) / 32768).astype(np.float32)


def import_reference() -> np.ndarray:
    """What a complete import of jfk.flac stores (the importer resamples by itself)."""
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    with tempfile.TemporaryDirectory() as tmp:
        v = Vault.create(Path(tmp) / "v", PASSPHRASE, kdf=KDF)[0]
        iv = InterviewRepo(v).create("P-1", "S")
        rid = run_job(make_import_job(v, iv.id, JFK))
        ref = read_audio(v, rid)
        v.close()
    return ref


def audio_intact(vault: Vault, recording_id: int, source: np.ndarray) -> bool:
    """The committed samples equal the looped source, to PCM16 precision."""
    got = read_audio(vault, recording_id)
    if len(got) == 0:
        return True
    want = np.resize(source, len(got))
    return float(np.max(np.abs(got - want))) <= 1.5 / 32768


def check_vault(folder: Path, source: np.ndarray | None) -> dict:
    with Vault.open(folder, PASSPHRASE) as v:
        integrity = v.conn.execute("PRAGMA integrity_check").fetchone()[0]
        recovered = v.recovered_recordings  # the unlock itself recovered them
        repo = RecordingRepo(v)
        recs = [r for iv in InterviewRepo(v).list() for r in repo.for_interview(iv.id)]
        intact = all(audio_intact(v, r.id, source) for r in recs) if source is not None else True
        committed = {r.id: repo.committed_samples(r.id) for r in recs}
    return {"integrity": integrity, "recovered": recovered, "intact": intact, "committed": committed}


def child(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_recordings(runs: int, rng: random.Random, source: np.ndarray) -> dict:
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "vault"
            Vault.create(folder, PASSPHRASE, kdf=KDF)[0].close()
            np.save(Path(tmp) / "source.npy", source)
            proc = child(RECORD_CHILD, str(folder), PASSPHRASE, str(Path(tmp) / "source.npy"), str(SPEED))
            line = proc.stdout.readline().split()
            if not line or line[0] != "started":
                raise RuntimeError(proc.stderr.read())
            t0 = time.monotonic()
            time.sleep(rng.uniform(0.3, 3.0))
            fed_s = (time.monotonic() - t0) * SPEED
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            result = check_vault(folder, source)
            committed_s = sum(result["committed"].values()) / RATE
            rows.append({"audio_fed_s": round(fed_s, 2), "committed_s": round(committed_s, 2),
                         "lost_s": round(max(0.0, fed_s - committed_s), 2),
                         "ok": result["integrity"] == "ok" and result["intact"] and bool(result["recovered"])})
    lost = [r["lost_s"] for r in rows]
    return {"runs": runs, "survived": sum(r["ok"] for r in rows), "lost_s_median": statistics.median(lost),
            "lost_s_max": max(lost), "rows": rows}


def kill_imports(runs: int, rng: random.Random, source: np.ndarray) -> dict:
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "vault"
            Vault.create(folder, PASSPHRASE, kdf=KDF)[0].close()
            proc = child(IMPORT_CHILD, str(folder), PASSPHRASE, str(JFK))
            assert proc.stdout.readline().strip() == "started", proc.stderr.read()
            time.sleep(rng.uniform(0.05, 1.5))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            result = check_vault(folder, source)
            full = sum(1 for n in result["committed"].values() if n == len(source))
            rows.append({"imports_complete": full, "recordings": len(result["committed"]),
                         "ok": result["integrity"] == "ok" and result["intact"]})
    return {"runs": runs, "survived": sum(r["ok"] for r in rows), "rows": rows}


def _mount(path: Path, size: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)


def _record_until(folder: Path, source: np.ndarray, seconds: float, action=None) -> dict:
    from core.audio.capture import Recorder
    from core.audio.fake import fake_input_factory
    with Vault.open(folder, PASSPHRASE) as v:
        iv = InterviewRepo(v).create("P-902", "SITE-F")
        rec = Recorder(v, iv.id, stream_factory=fake_input_factory(source, speed=20.0, loop=True))
        rec.start()
        t0 = time.monotonic()
        acted = False
        while time.monotonic() - t0 < seconds and rec.error is None:
            time.sleep(0.1)
            if action and not acted and time.monotonic() - t0 > seconds / 3:
                action()
                acted = True
        error = rec.error
        try:
            rec.stop()
        except Exception as exc:  # noqa: BLE001 - the stop may fail the same way; we record it
            error = error or exc
    return {"error": type(error).__name__ if error else None}


def disk_full(source: np.ndarray) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        mnt = Path(tmp) / "mnt"
        _mount(mnt, "3m")
        try:
            folder = mnt / "vault"
            Vault.create(folder, PASSPHRASE, kdf=KDF)[0].close()
            out = _record_until(folder, source, 30.0)
            with Vault.open(folder, PASSPHRASE) as v:  # still full: it must open and read
                full_integrity = v.conn.execute("PRAGMA integrity_check").fetchone()[0]
            subprocess.run(["mount", "-o", "remount,size=32m", str(mnt)], check=True)  # "free space"
            result = check_vault(folder, source)
            return {"error": out["error"], "integrity_while_full": full_integrity,
                    "integrity": result["integrity"], "intact": result["intact"],
                    "committed_s": round(sum(result["committed"].values()) / RATE, 1)}
        finally:
            subprocess.run(["umount", "-l", str(mnt)], check=False)


def read_only(source: np.ndarray) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        mnt = Path(tmp) / "mnt"
        _mount(mnt, "64m")
        try:
            folder = mnt / "vault"
            Vault.create(folder, PASSPHRASE, kdf=KDF)[0].close()
            # Linux refuses to remount read-only while a file is open for writing, so the folder
            # turns read-only between two sessions (as when a USB stick's lock switch is set).
            out = _record_until(folder, source, 3.0)
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            opened_ro = "opened"
            try:
                Vault.open(folder, PASSPHRASE).close()
            except Exception as exc:  # noqa: BLE001 - expected: VaultReadOnly; recorded
                opened_ro = type(exc).__name__
            subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)
            result = check_vault(folder, source)
            return {"error": out["error"], "open_while_read_only": opened_ro, "integrity": result["integrity"],
                    "intact": result["intact"], "committed_s": round(sum(result["committed"].values()) / RATE, 1)}
        finally:
            subprocess.run(["umount", "-l", str(mnt)], check=False)


def corrupted_last_page(source: np.ndarray) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        Vault.create(folder, PASSPHRASE, kdf=KDF)[0].close()
        _record_until(folder, source, 3.0)
        with Vault.open(folder, PASSPHRASE) as v:
            v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path = folder / "vault.db"
        data = bytearray(path.read_bytes())
        pages = len(data) // 4096
        data[-4096 + 200:-4096 + 216] = os.urandom(16)
        path.write_bytes(bytes(data))
        out = {"pages": pages}
        try:
            with Vault.open(folder, PASSPHRASE) as v:
                out["opens"] = True
                out["integrity"] = v.conn.execute("PRAGMA integrity_check").fetchone()[0][:120]
                repo = RecordingRepo(v)
                rec = next(r for iv in InterviewRepo(v).list() for r in repo.for_interview(iv.id))
                try:
                    got = read_audio(v, rec.id)
                    out["audio_readable_s"] = round(len(got) / RATE, 1)
                except Exception as exc:  # noqa: BLE001 - recorded as a figure
                    out["audio_read_error"] = type(exc).__name__
        except Exception as exc:  # noqa: BLE001 - recorded as a figure
            out["opens"] = False
            out["open_error"] = type(exc).__name__
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--import-kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    source = source_signal()
    t0 = time.monotonic()
    result = {"kill_9_recording": kill_recordings(args.kills, rng, source),
              "kill_9_import": kill_imports(args.import_kills, rng, import_reference())}
    if os.geteuid() == 0:
        result["disk_full"] = disk_full(source)
        result["read_only"] = read_only(source)
    result["corrupted_last_page"] = corrupted_last_page(source)
    result["seconds"] = round(time.monotonic() - t0, 1)
    k = result["kill_9_recording"]
    print(f"kill -9 while recording: {k['survived']}/{k['runs']} survived; audio lost median "
          f"{k['lost_s_median']} s, max {k['lost_s_max']} s")
    ki = result["kill_9_import"]
    print(f"kill -9 while importing: {ki['survived']}/{ki['runs']} survived")
    for key in ("disk_full", "read_only", "corrupted_last_page"):
        if key in result:
            print(f"{key}: {result[key]}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(REPO)} in {result['seconds']} s")


if __name__ == "__main__":
    main()
