"""A real microphone without a sound card: the PulseAudio virtual microphone, as a fixture.

Starts a private PulseAudio daemon (its own XDG_RUNTIME_DIR) with a null sink
``vmic_sink`` and a source ``vmic`` remapped from the sink's monitor; both are made the
defaults, so anything played into the sink is what a program recording from the default
(or ``pulse``) device hears. The daemon is killed at teardown.

Use it from any test module::

    from tests.helpers.vmic import vmic, play_into_vmic   # noqa: F401  (vmic is a fixture)

    def test_something(vmic):
        proc = play_into_vmic(path_or_float32_array, wait=False)
        subprocess.run([...], env=vmic.env)        # child processes: pass vmic.env

The fixture is session-scoped: one daemon for the whole run. In this process it sets
XDG_RUNTIME_DIR and PULSE_SERVER (restored afterwards) and re-scans PortAudio devices if
sounddevice was already imported. Tests skip, saying why, only if pulseaudio is absent.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

SINK = "vmic_sink"
SOURCE = "vmic"


@dataclass
class VirtualMic:
    runtime_dir: Path
    process: subprocess.Popen
    env: dict[str, str] = field(default_factory=dict)   # environment for child processes
    sink: str = SINK
    source: str = SOURCE

    def pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pactl", *args], check=False, env=self.env, capture_output=True, text=True, timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def missing_reason() -> str | None:
    """Why the virtual microphone cannot run here (None when it can)."""
    for tool in ("pulseaudio", "pactl", "pacat"):
        if shutil.which(tool) is None:
            return (f"the PulseAudio virtual microphone needs `{tool}` (Debian: apt-get install "
                    "pulseaudio pulseaudio-utils libasound2-plugins; `make test` installs them)")
    return None


def start_vmic(timeout_s: float = 15.0) -> VirtualMic:
    """Start the daemon and wait until it answers; raises RuntimeError if it does not."""
    runtime_dir = Path(tempfile.mkdtemp(prefix="vmic-"))
    os.chmod(runtime_dir, 0o700)
    env = dict(os.environ)
    env.update(XDG_RUNTIME_DIR=str(runtime_dir), PULSE_SERVER=f"unix:{runtime_dir}/pulse/native")
    env.pop("PULSE_SINK", None)
    env.pop("PULSE_SOURCE", None)
    daemon_env = dict(env, HOME=str(runtime_dir))
    daemon_env.pop("PULSE_SERVER", None)
    proc = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--use-pid-file=no", "-n", "--exit-idle-time=-1",
         "--disallow-exit", "--disable-shm=yes", f"--log-target=file:{runtime_dir}/pa.log",
         "-L", "module-native-protocol-unix auth-anonymous=1",
         "-L", f"module-null-sink sink_name={SINK} rate=48000 channels=2",
         "-L", f"module-remap-source master={SINK}.monitor source_name={SOURCE}"],
        env=daemon_env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mic = VirtualMic(runtime_dir, proc, env)
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            log = (runtime_dir / "pa.log").read_text(errors="replace")[-2000:] if (runtime_dir / "pa.log").exists() else ""
            mic.stop()
            raise RuntimeError(f"pulseaudio exited ({proc.returncode}): {log}")
        if mic.pactl("info").returncode == 0:
            break
        if time.monotonic() > deadline:
            mic.stop()
            raise RuntimeError("pulseaudio did not answer in time")
        time.sleep(0.05)
    mic.pactl("set-default-sink", SINK)
    mic.pactl("set-default-source", SOURCE)
    return mic


def _rescan_portaudio() -> None:
    """PortAudio lists devices once, at initialisation: re-initialise to see the new daemon."""
    import sys
    sd = sys.modules.get("sounddevice")
    if sd is not None:
        sd._terminate()
        sd._initialize()


@pytest.fixture(scope="session")
def vmic() -> Iterator[VirtualMic]:
    """The running virtual microphone (session-scoped); this process is pointed at it."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    mic = start_vmic()
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ["XDG_RUNTIME_DIR"] = mic.env["XDG_RUNTIME_DIR"]
    os.environ["PULSE_SERVER"] = mic.env["PULSE_SERVER"]
    _rescan_portaudio()
    try:
        yield mic
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        mic.stop()
        _rescan_portaudio()


def play_into_vmic(source: str | Path | np.ndarray, *, rate_hz: int = 16000, wait: bool = True,
                   env: dict[str, str] | None = None) -> subprocess.Popen:
    """Play a file (any format soundfile reads) or a mono float32 array into the virtual mic.

    With ``wait=False`` returns the running player at once (``.wait()`` it later).
    """
    env = env or dict(os.environ)
    channels = 1
    if isinstance(source, (str, Path)):
        # Decoded here and streamed with pacat: paplay played this machine's 24-bit 44.1 kHz
        # jfk.flac about 3x too fast (11 s in ~3.9 s), while pacat keeps real time.
        import soundfile as sf
        data_f, rate_hz = sf.read(str(source), dtype="float32", always_2d=True)
        channels = data_f.shape[1]
        data = np.ascontiguousarray(data_f, dtype="<f4").tobytes()
    else:
        data = np.asarray(source, dtype="<f4").reshape(-1).tobytes()
    proc = subprocess.Popen(["pacat", "--playback", f"--device={SINK}", "--format=float32le",
                             f"--rate={rate_hz}", f"--channels={channels}"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    # Fed from a thread so a caller with wait=False is not blocked for the whole playback.
    threading.Thread(target=_feed, args=(proc, data), daemon=True).start()
    if wait:
        proc.wait(timeout=120)
    return proc


def _feed(proc: subprocess.Popen, data: bytes) -> None:
    try:
        assert proc.stdin is not None
        proc.stdin.write(data)
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass
