"""A short clip from the microphone, kept in memory only (the voice sample's recording).

The same input stream as an interview recording (``capture.open_input_stream``: the real
microphone, or the stream factory tests and screenshots pass in), the same split of work:
the PortAudio callback only copies blocks into a queue, and a collector thread mixes them to
mono, resamples them to 16 kHz and measures the level. Nothing is written anywhere: the clip
is a numpy array until the caller stores what it decides to keep (encrypted, in the vault).
The clip stops growing by itself at ``max_s``; ``is_full`` tells the poller so.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any

import numpy as np

from core.audio import SAMPLE_RATE_HZ
from core.audio.capture import StreamFactory, open_input_stream
from core.audio.resample import StreamResampler, downmix
from core.errors import AudioError, DeviceLost, Msg, NoInputDevice

log = logging.getLogger(__name__)

STALL_S = 10.0   # a device that delivers nothing for this long is gone (the first block can take ~2 s)


class ClipRecorder:
    """Records up to ``max_s`` seconds into memory. Poll ``level``, ``elapsed_s``, ``is_full``, ``error``."""

    stall_s = STALL_S

    def __init__(self, max_s: float, *, device: str | int | None = None,
                 stream_factory: StreamFactory | None = None) -> None:
        self.max_samples = int(max_s * SAMPLE_RATE_HZ)
        self.device = device
        self._factory = stream_factory
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stream: Any = None
        self._thread: threading.Thread | None = None
        self._blocks: list[np.ndarray] = []
        self._n = 0
        self._level = (0.0, 0.0)
        self._full = threading.Event()
        self._error: AudioError | None = None
        self._started = self._stopped = False
        self.device_name = ""

    @property
    def level(self) -> tuple[float, float]:
        """(peak, rms) of the latest block, 0..1."""
        return self._level

    @property
    def elapsed_s(self) -> float:
        return self._n / SAMPLE_RATE_HZ

    @property
    def is_full(self) -> bool:
        """True once ``max_s`` seconds are in: the caller stops it (the clip is complete)."""
        return self._full.is_set()

    @property
    def error(self) -> AudioError | None:
        """Why the clip stopped by itself (the device went away), else None."""
        return self._error

    def start(self) -> None:
        if self._started:
            raise RuntimeError("a ClipRecorder records once")   # a programming error, not a person's
        self._stream, self.device_name = open_input_stream(self._factory, self.device, self._callback,
                                                           self._finished)
        rate = round(float(self._stream.samplerate))
        self._started = True
        self._thread = threading.Thread(target=self._collect, args=(rate,), name="clip-collector", daemon=True)
        self._thread.start()
        try:
            self._stream.start()
        except Exception as exc:
            self._queue.put(None)
            raise NoInputDevice(Msg("audio.microphone_could_not_started"),
                                Msg("audio.microphone_could_not_started.hint")) from exc
        log.info("clip recording started native_rate=%d", rate)

    def stop(self) -> np.ndarray:
        """Stop and return the clip: 16 kHz mono float32, at most ``max_s`` seconds."""
        if not self._started:
            raise RuntimeError("the clip was not started")
        if not self._stopped:
            self._stopped = True
            self._close_stream()
            self._queue.put(None)
            if self._thread is not None:
                self._thread.join(timeout=10)
        clip = np.concatenate(self._blocks) if self._blocks else np.zeros(0, dtype=np.float32)
        log.info("clip recording stopped samples=%d", len(clip))
        return clip[:self.max_samples]

    def discard(self) -> None:
        """Stop and forget what was heard (a closed dialog, a locked vault)."""
        if self._started:
            self.stop()
        self._blocks, self._n = [], 0

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio's real-time thread: copy and hand over, nothing else.
        self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._stopped:
            self._queue.put(DeviceLost())

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.stop()
            stream.close()
        except Exception:  # noqa: BLE001 - a vanished device may fail to close
            log.info("input stream did not close cleanly")

    def _collect(self, rate: int) -> None:
        resampler = StreamResampler(rate, SAMPLE_RATE_HZ)
        while True:
            try:
                item = self._queue.get(timeout=self.stall_s)
            except queue.Empty:
                item = DeviceLost()
            if item is None:
                break
            if isinstance(item, DeviceLost):
                self._error = item   # nothing more will come: the poller stops and judges what it has
                break
            mono = downmix(item)
            if not len(mono):
                continue
            self._level = (float(np.max(np.abs(mono))), float(np.sqrt(np.mean(mono * mono))))
            if self._n >= self.max_samples:
                continue
            out = resampler.push(mono)
            if len(out):
                self._blocks.append(out)
                self._n += len(out)
            if self._n >= self.max_samples:
                self._full.set()
        tail = resampler.flush()
        if len(tail) and self._n < self.max_samples:
            self._blocks.append(tail)
            self._n += len(tail)
