"""Plays a recording held in memory (decrypted by ``core.audio.source.read_audio``).

The output stream comes from a factory so tests use ``core.audio.fake.FakeOutputStream``.
Speed changes step through samples faster or slower (pitch moves with it; a phase vocoder
is not worth its weight for checking words). The UI polls ``position_ms``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
RATE_HZ = 16000


def sounddevice_output(**kwargs: Any) -> Any:
    import sounddevice
    return sounddevice.OutputStream(**kwargs)


class Player:
    """Play/pause/seek/speed over a mono float32 array; thread-safe position."""

    def __init__(self, stream_factory: Callable[..., Any] | None = None) -> None:
        self._factory = stream_factory or sounddevice_output
        self._audio = np.zeros(0, np.float32)
        self._pos = 0.0            # in samples (float: speeds other than 1)
        self._lock = threading.Lock()
        self._stream: Any = None
        self.speed = 1.0
        self.is_playing = False

    def set_audio(self, audio: np.ndarray) -> None:
        self.stop()
        self._audio = np.asarray(audio, dtype=np.float32)
        self._pos = 0.0

    @property
    def has_audio(self) -> bool:
        return len(self._audio) > 0

    @property
    def duration_ms(self) -> int:
        return int(len(self._audio) * 1000 / RATE_HZ)

    @property
    def position_ms(self) -> int:
        with self._lock:
            return int(self._pos * 1000 / RATE_HZ)

    def seek_ms(self, ms: int) -> None:
        with self._lock:
            self._pos = float(max(0, min(len(self._audio), ms * RATE_HZ // 1000)))

    def skip_ms(self, delta_ms: int) -> None:
        self.seek_ms(self.position_ms + delta_ms)

    def play(self) -> None:
        if self.is_playing or not self.has_audio:
            return
        try:
            self._stream = self._factory(samplerate=RATE_HZ, channels=1, dtype="float32",
                                         callback=self._callback)
            self._stream.start()
        except Exception as exc:
            from core.errors import AudioError
            self._stream = None
            raise AudioError("Confidant cannot play sound on this computer.",
                             "Check that speakers or headphones are connected.") from exc
        self.is_playing = True

    def pause(self) -> None:
        self.stop()

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        self.is_playing = False
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception:  # noqa: BLE001
                log.info("output stream did not close cleanly")

    def _callback(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        with self._lock:
            start, step = self._pos, self.speed
            idx = (start + np.arange(frames) * step).astype(np.int64)
            valid = idx < len(self._audio)
            out = np.zeros(frames, np.float32)
            out[valid] = self._audio[idx[valid]]
            self._pos = min(float(len(self._audio)), start + frames * step)
        outdata[:, 0] = out
