"""The engine child process: cancel is prompt and leaves nothing behind; a dead child is an error."""

from __future__ import annotations

import os
import signal
import threading
import time

import psutil
import pytest

from core.errors import Cancelled, EngineCrashed, ModelNotInstalled, TranscriptionError
from core.jobs import CancelToken
from core.transcription.engine import EngineOptions
from core.transcription.registry import ModelInfo
from core.transcription.runner import EngineProcess
from tests.helpers.transcription import speech

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def long_audio():
    # Varied speech (a repeated clip would make Whisper fall back to re-decoding, slowly).
    return speech()


def _children() -> set[int]:
    """Live child processes, without multiprocessing's one shared resource tracker."""
    out = set()
    for p in psutil.Process().children(recursive=True):
        try:
            if p.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in " ".join(p.cmdline()):
                out.add(p.pid)
        except psutil.NoSuchProcess:
            pass
    return out


@pytest.mark.parametrize("engine", ["faster-whisper", "openai-whisper"])
def test_cancel_stops_within_two_seconds_and_leaves_no_process(engine, tiny, long_audio):
    before = _children()
    cancel = CancelToken()
    seen: list[float] = []
    proc = EngineProcess(engine, tiny, EngineOptions(beam_size=1))
    proc.start()
    pid = proc.pid
    cancelled_at: list[float] = []

    def on_progress(done_s: float, total_s: float) -> None:
        seen.append(done_s)
        if not cancelled_at:
            cancelled_at.append(time.monotonic())
            cancel.cancel()

    with pytest.raises(Cancelled):
        proc.transcribe(long_audio, cancel=cancel, on_progress=on_progress)
    stopped_in = time.monotonic() - cancelled_at[0]
    assert seen and seen[0] < len(long_audio) / 16000  # it was mid-way when we cancelled
    assert stopped_in < 2.0
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert _children() - before == set()
    proc.close()


def test_cancel_while_the_model_loads(tiny):
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    proc = EngineProcess("openai-whisper", tiny)
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        proc.start(cancel)
    assert time.monotonic() - t0 < 2.5 and not proc.is_alive


def test_killed_child_is_reported_as_engine_crashed(tiny, long_audio):
    proc = EngineProcess("faster-whisper", tiny, EngineOptions(beam_size=1))
    proc.start()
    pid = proc.pid
    killed = []

    def on_progress(done_s: float, total_s: float) -> None:
        if not killed:
            killed.append(True)
            os.kill(pid, signal.SIGKILL)

    t0 = time.monotonic()
    with pytest.raises(EngineCrashed) as info:
        proc.transcribe(long_audio, on_progress=on_progress)
    assert time.monotonic() - t0 < 30
    assert "audio is safe" in info.value.user_message and info.value.hint
    assert not proc.is_alive and proc.pid is None


def test_one_child_serves_several_requests(tiny, jfk_audio):
    with EngineProcess("faster-whisper", tiny, EngineOptions(beam_size=1)) as proc:
        first = proc.transcribe(jfk_audio[: 5 * 16000])
        pid = proc.pid
        second = proc.transcribe(jfk_audio)
        assert proc.pid == pid and proc.load_s is not None
    assert "americans" in " ".join(s.text for s in first.segments).lower()
    assert second.audio_s == pytest.approx(11.0, abs=0.01) and len(second.segments) >= 1
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_wrong_engine_or_broken_model_is_a_clear_error(tiny, tmp_path):
    with pytest.raises(TranscriptionError):
        EngineProcess("whisper.cpp", tiny)
    pt_model = ModelInfo("x", "openai-whisper", ("en",), 1, tmp_path / "x.pt", "0" * 64, "vault")
    with pytest.raises(ModelNotInstalled):
        EngineProcess("faster-whisper", pt_model)
    broken_dir = tmp_path / "broken"
    broken_dir.mkdir()
    (broken_dir / "model.bin").write_bytes(b"\x06\x00\x00\x00garbage")
    broken = ModelInfo("broken", "ctranslate2", ("en",), 12, broken_dir, "0" * 64, "vault")
    with pytest.raises(ModelNotInstalled) as info:
        EngineProcess("faster-whisper", broken).start()
    assert "import the model again" in info.value.hint


def test_the_two_part_base_model_runs_in_faster_whisper(jfk_audio):
    from core.transcription.registry import find_model
    from tests.conftest import JFK_TEXT
    from tests.helpers.transcription import wer
    base = find_model("base")
    with EngineProcess("faster-whisper", base, EngineOptions(beam_size=1, language="en")) as proc:
        result = proc.transcribe(jfk_audio)
    assert result.language == "en"
    assert wer(JFK_TEXT, " ".join(s.text for s in result.segments)) <= 0.05
