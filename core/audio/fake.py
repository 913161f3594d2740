"""Fake audio streams for tests, benchmarks and UI development (no sound card needed).

``FakeInputStream`` plays a numpy signal into a Recorder's callback in real time or faster
(``speed``), from its own thread, exactly as PortAudio would; it can also simulate a device
that disappears. ``FakeOutputStream`` pulls a Player's callback and keeps what it played.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np


class _Flags:
    """Stands in for sounddevice.CallbackFlags."""

    def __init__(self, input_overflow: bool = False) -> None:
        self.input_overflow = input_overflow
        self.output_underflow = False

    def __bool__(self) -> bool:
        return self.input_overflow


class FakeInputStream:
    """A microphone that plays ``signal`` (then silence) at ``signal_rate_hz``.

    Args:
        signal: float32 samples, mono (n,) or one column per channel (n, 2): a two-channel
            device delivers its channels when opened in stereo and their mean in mono.
        samplerate: the rate asked for; None means the device's own. A rate other than
            ``signal_rate_hz`` is refused (like PortAudio) unless it is in ``accept_rates``.
        speed: 1.0 real time; 50.0 fifty times faster.
        lose_after_s: the device vanishes after this much audio; ``lose_mode`` "stall"
            (callbacks just stop) or "finish" (the stream ends and says so).
        loop: play the signal over and over instead of silence after it (long benchmarks).
    """

    def __init__(self, signal: np.ndarray, *, callback: Callable[..., None], signal_rate_hz: int = 16000,
                 samplerate: float | None = None, channels: int = 1, device: Any = None,
                 finished_callback: Callable[[], None] | None = None, speed: float = 1.0,
                 block_frames: int | None = None, lose_after_s: float | None = None,
                 lose_mode: str = "stall", accept_rates: tuple[int, ...] = (), loop: bool = False,
                 **_: Any) -> None:
        if samplerate is not None and int(samplerate) != signal_rate_hz and int(samplerate) not in accept_rates:
            raise ValueError(f"Invalid sample rate {samplerate}")
        self.samplerate = float(signal_rate_hz)
        self.channels = channels
        self.device = device
        self.name = "fake microphone"
        sig = np.asarray(signal, dtype=np.float32)
        if sig.ndim == 2 and sig.shape[1] >= 2:
            if channels > sig.shape[1]:
                raise ValueError(f"Invalid number of channels {channels}")
            sig = sig[:, :channels] if channels > 1 else sig.mean(axis=1)
        self._signal = sig if sig.ndim == 2 else sig.reshape(-1)
        self._callback = callback
        self._finished = finished_callback
        self._speed = speed
        self._block = block_frames or max(1, signal_rate_hz // 50)  # 20 ms, like a real device
        self._lose_after = None if lose_after_s is None else int(lose_after_s * signal_rate_hz)
        self._lose_mode = lose_mode
        self._loop = loop
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.frames_delivered = 0

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="fake-mic", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        period_s = self._block / self.samplerate / self._speed
        next_at = time.monotonic()
        pos = 0
        while not self._stop.is_set():
            if self._lose_after is not None and pos >= self._lose_after:
                if self._lose_mode == "finish" and self._finished:
                    self._finished()
                return
            at = pos % len(self._signal) if self._loop and len(self._signal) else pos
            block = self._signal[at:at + self._block]
            if self._loop and len(block) < self._block and len(self._signal):
                block = np.concatenate([block, self._signal[:self._block - len(block)]])
            if len(block) < self._block:
                block = np.concatenate([block, np.zeros((self._block - len(block), *block.shape[1:]), np.float32)])
            frames = block if block.ndim == 2 else np.repeat(block[:, None], self.channels, axis=1)
            self._callback(frames, self._block, None, _Flags())
            pos += self._block
            self.frames_delivered = pos
            next_at += period_s
            delay = next_at - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    abort = stop

    def close(self) -> None:
        self.stop()


def fake_input_factory(signal: np.ndarray, **options: Any) -> Callable[..., FakeInputStream]:
    """A ``stream_factory`` for ``Recorder`` that makes FakeInputStreams of ``signal``.

    The streams made are kept in ``factory.streams`` for tests to inspect.
    """
    streams: list[FakeInputStream] = []

    def factory(**kwargs: Any) -> FakeInputStream:
        stream = FakeInputStream(signal, **{**options, **kwargs})
        streams.append(stream)
        return stream

    factory.streams = streams  # type: ignore[attr-defined]
    shape = np.shape(signal)
    factory.max_input_channels = shape[1] if len(shape) == 2 else 1  # type: ignore[attr-defined]
    return factory


class FakeOutputStream:
    """A loudspeaker that pulls ``callback`` (speed× real time) and records what it played."""

    def __init__(self, *, callback: Callable[..., None], samplerate: float = 16000, channels: int = 1,
                 blocksize: int = 320, speed: float = 100.0, finished_callback: Callable[[], None] | None = None,
                 **_: Any) -> None:
        self.samplerate = float(samplerate)
        self.channels = channels
        self._callback = callback
        self._block = blocksize
        self._speed = speed
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._played: list[np.ndarray] = []

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.active:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="fake-speaker", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        period_s = self._block / self.samplerate / self._speed
        while not self._stop.is_set():
            out = np.zeros((self._block, self.channels), dtype=np.float32)
            self._callback(out, self._block, None, _Flags())
            with self._lock:
                self._played.append(out[:, 0].copy())
            self._stop.wait(period_s)

    def played(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._played) if self._played else np.zeros(0, np.float32)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    abort = stop

    def close(self) -> None:
        self.stop()
