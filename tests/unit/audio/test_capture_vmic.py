"""The real path: `confidant record` through PortAudio and the PulseAudio virtual microphone.

Each test runs the CLI in a child process (as a person would) against a vault this test
created and closed (the vault lock admits one process at a time).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from core.audio import codec
from core.audio.resample import downmix, resample
from core.audio.source import read_audio
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from tests.conftest import FAST_KDF, PASSPHRASE, REPO_ROOT
from tests.helpers.vmic import play_into_vmic, vmic  # noqa: F401  (vmic is a fixture)

pytestmark = [pytest.mark.mic, pytest.mark.slow]


@pytest.fixture
def closed_vault(tmp_path):
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iid = InterviewRepo(v).create("P-001", "SITE-A").id
    v.close()
    return folder, iid


def attach_default_guide(folder: Path, iid: str) -> str:
    """Attach the default guide; returns its first question id (what `n` must mark)."""
    from core.vault.guides import GuideRepo
    with Vault.open(folder, PASSPHRASE) as v:
        repo = GuideRepo(v)
        repo.ensure_defaults()
        stored = repo.resolve("job-quality")
        InterviewRepo(v).set_guide(iid, stored.pk)
        return stored.guide.questions()[0].id


class Cli:
    """`confidant ...` in a child process, its stderr lines collected as they come."""

    def __init__(self, env: dict[str, str], folder: Path, *args: str) -> None:
        env = dict(env, CONFIDANT_PASSPHRASE=PASSPHRASE, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "core.cli", "--vault", str(folder), *args],
                                     cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.stderr: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)
            self.lines.put(line)

    def wait_for_line(self, prefix: str, timeout_s: float = 30.0) -> float:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                if self.lines.get(timeout=0.1).startswith(prefix):
                    return time.monotonic()
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
        raise AssertionError(f"no '{prefix}' line; stderr: {''.join(self.stderr)[-2000:]}")

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text)
        self.proc.stdin.flush()


def run_cli(env, folder, *args) -> subprocess.CompletedProcess:
    env = dict(env, CONFIDANT_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, "-m", "core.cli", "--vault", str(folder), *args], check=False, cwd=REPO_ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def best_alignment(recorded: np.ndarray, source: np.ndarray) -> tuple[int, float]:
    """Lag of ``source`` inside ``recorded`` and their normalised cross-correlation there."""
    n = len(recorded) + len(source)
    size = 1 << (n - 1).bit_length()
    xc = np.fft.irfft(np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(source, size)), size)
    lag = int(np.argmax(xc[:len(recorded) - len(source) + 1]))
    seg = recorded[lag:lag + len(source)]
    ncc = float(np.dot(seg, source) / np.sqrt(np.dot(seg, seg) * np.dot(source, source)))
    return lag, ncc


def windows(pcm: np.ndarray, count: int = 6, width: int = 16) -> list[bytes]:
    """Byte strings (little-endian PCM16) from the loudest places: what a plaintext leak would hold."""
    order = np.argsort(np.abs(pcm))[::-1]
    picks, out = [], []
    for i in order:
        if all(abs(int(i) - p) > 4000 for p in picks) and width <= i < len(pcm) - width:
            picks.append(int(i))
            out.append(pcm[i - width // 2: i + width // 2].astype("<i2").tobytes())
        if len(out) == count:
            break
    return out


def files_to_scan(folder: Path, since: float) -> list[Path]:
    found = [p for p in folder.rglob("*") if p.is_file()]
    for root, _dirs, names in os.walk(tempfile.gettempdir()):
        for name in names:
            p = Path(root) / name
            try:
                if p.is_file() and p.stat().st_mtime >= since and p.stat().st_size < 512 << 20:
                    found.append(p)
            except OSError:
                continue
    return found


def test_record_import_and_no_plaintext(vmic, closed_vault, jfk_path):  # noqa: F811
    started = time.time() - 1
    folder, iid = closed_vault
    first_question = attach_default_guide(folder, iid)
    cli = Cli(vmic.env, folder, "record", iid)
    cli.wait_for_line("Listening")                 # the first callback arrived
    player = play_into_vmic(jfk_path, wait=False, env=vmic.env)
    cli.send("n\n")
    assert player.wait(timeout=60) == 0, player.stderr.read() if player.stderr else ""
    time.sleep(1.0)
    cli.proc.send_signal(signal.SIGINT)            # Ctrl-C stops and keeps the audio
    # Stopping saves and finishes the live transcript and voices: 30 s was too short on a busy
    # 2-core machine; a hang still fails.
    assert cli.proc.wait(timeout=120) == 0, "".join(cli.stderr)
    assert any(line.startswith("Saved recording") for line in cli.stderr)

    # The interview has the recording now: a second audio is another take, asked for explicitly.
    imported = run_cli(vmic.env, folder, "audio", "import", iid, str(jfk_path), "--another-take")
    assert imported.returncode == 0, imported.stderr
    assert "not a secure erase" in imported.stderr

    src, rate = sf.read(jfk_path, dtype="float32")
    source = resample(downmix(src), rate)
    with Vault.open(folder, PASSPHRASE) as v:
        recorded_rec, imported_rec = RecordingRepo(v).for_interview(iid)
        assert (recorded_rec.source, recorded_rec.state) == ("mic", "complete")
        recorded = read_audio(v, recorded_rec.id)
        stored_import = read_audio(v, imported_rec.id)
        marks = RecordingRepo(v).markers(recorded_rec.id)
        chunk = next(RecordingRepo(v).chunks(imported_rec.id, 32000, 32001)).data
    assert [(m.kind, m.question_id) for m in marks] == [("next_question", first_question)]
    assert len(recorded) > len(source), "".join(cli.stderr)
    lag, ncc = best_alignment(recorded, source)
    print(f"vmic capture: normalised cross-correlation {ncc:.4f} at lag {lag}")
    assert ncc >= 0.95, f"normalised cross-correlation {ncc:.3f} at lag {lag}"
    assert np.max(np.abs(stored_import - source)) < 2 / 32768

    # No plaintext audio anywhere on disk: not in the vault folder, not in the temp folder.
    needles = (windows(codec.to_int16(recorded)) + windows(codec.to_int16(stored_import))
               + [chunk[len(chunk) // 2: len(chunk) // 2 + 48]])
    scanned = 0
    for path in files_to_scan(folder, started):
        try:
            data = path.read_bytes()
        except OSError:
            continue  # another program's temp file vanished meanwhile
        scanned += 1
        assert b"fLaC" not in data or folder not in path.parents, f"FLAC stream in {path}"
        for needle in needles:
            assert needle not in data, f"plaintext audio in {path}"
    assert scanned >= 3  # vault.json, vault.db, its WAL at least


def test_kill_9_mid_recording_is_recovered(vmic, closed_vault):  # noqa: F811
    folder, iid = closed_vault
    cli = Cli(vmic.env, folder, "record", iid)
    first_audio = cli.wait_for_line("Listening")
    tone = (0.3 * np.sin(2 * np.pi * 440 * np.arange(16000 * 8) / 16000)).astype(np.float32)
    player = play_into_vmic(tone, wait=False, env=vmic.env)
    time.sleep(5.0)
    cli.proc.kill()                                 # SIGKILL: no handler, no cleanup
    elapsed = time.monotonic() - first_audio
    cli.proc.wait(timeout=10)
    player.kill()
    player.wait(timeout=10)

    info = run_cli(vmic.env, folder, "audio", "info", iid, "--json")   # unlock runs recovery
    assert info.returncode == 0, info.stderr
    assert "Recovered recording" in info.stderr
    import json
    (rec_info,) = json.loads(info.stdout)
    assert rec_info["recovered"] is True and rec_info["state"] == "recovered"
    assert rec_info["duration_s"] >= elapsed - 1.5, (rec_info["duration_s"], elapsed)
    with Vault.open(folder, PASSPHRASE) as v:
        assert v.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        audio = read_audio(v, rec_info["recording_id"])
    assert len(audio) == rec_info["samples"]
    assert np.sqrt(np.mean(audio[-16000:] ** 2)) > 0.05   # the tone was still being stored


def test_devices_lists_the_virtual_mic(vmic, closed_vault):  # noqa: F811
    folder, _ = closed_vault
    out = run_cli(vmic.env, folder, "audio", "devices")
    assert out.returncode == 0 and "default" in out.stdout


def test_player_real_output_loops_back_into_recorder(vmic, vault, interview):  # noqa: F811
    """In-process: Player → real PortAudio output → null sink → virtual mic → Recorder."""
    from core.audio.capture import Recorder
    from core.audio.player import Player

    tone = (0.3 * np.sin(2 * np.pi * 660 * np.arange(16000 * 3) / 16000)).astype(np.float32)
    rec = Recorder(vault, interview.id)
    rec.start()
    assert rec.wait_for_first_audio(15)
    player = Player(lambda a, b: tone[a:b], len(tone))
    try:
        player.play()
        deadline = time.monotonic() + 15
        while player.is_playing and time.monotonic() < deadline:
            time.sleep(0.05)
        # PulseAudio's buffers add latency (over a second on a loaded machine): give the
        # tail of the tone time to come back before stopping the recorder.
        time.sleep(2.5)
    finally:
        player.close()
    rid = rec.stop()
    got = read_audio(vault, rid)
    loud = got[np.abs(got) > 0.05]
    assert len(loud) > 16000, f"the tone did not come back through the virtual microphone (underruns: {player.underruns})"
    spectrum = np.abs(np.fft.rfft(got))
    assert np.argmax(spectrum) * 16000 / len(got) == pytest.approx(660, abs=5)
