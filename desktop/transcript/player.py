"""Plays a recording held in memory (decrypted by ``core.audio.source.read_audio``).

A thin adapter over ``core.audio.player.Player``: its feeder thread time-stretches with WSOLA
(``core.audio.stretch``), so 0.75x-1.5x keeps the speaker's pitch (decision 0012) and the
output callback only pops ready blocks. The output stream comes from a factory so tests use
``core.audio.fake.FakeOutputStream``. The UI polls ``position_ms``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from core.audio import SAMPLE_RATE_HZ
from core.audio.player import Player as CorePlayer

log = logging.getLogger(__name__)
RATE_HZ = SAMPLE_RATE_HZ


class Player:
    """Play/pause/seek/speed over a mono float32 array (ms-based, for the transcript view)."""

    def __init__(self, stream_factory: Callable[..., Any] | None = None) -> None:
        self._factory = stream_factory
        self._core: CorePlayer | None = None
        self._length = 0
        self._speed = 1.0

    def set_audio(self, audio: np.ndarray) -> None:
        self.close()
        data = np.asarray(audio, dtype=np.float32).reshape(-1)
        self._length = len(data)
        kwargs = {"stream_factory": self._factory} if self._factory is not None else {}
        self._core = CorePlayer(lambda a, b: data[a:b], len(data), **kwargs)
        if self._speed != 1.0:
            self._core.set_speed(self._speed)

    @property
    def has_audio(self) -> bool:
        return self._length > 0

    @property
    def duration_ms(self) -> int:
        return int(self._length * 1000 / RATE_HZ)

    @property
    def position_ms(self) -> int:
        return int(self._core.position_s * 1000) if self._core is not None else 0

    @property
    def is_playing(self) -> bool:
        return self._core is not None and self._core.is_playing

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        self._speed = float(value)
        if self._core is not None:
            self._core.set_speed(self._speed)

    @property
    def core(self) -> CorePlayer | None:
        """The core player (tests check the stretch is the one in use)."""
        return self._core

    def seek_ms(self, ms: int) -> None:
        if self._core is not None:
            self._core.seek(max(0, min(self._length, int(ms) * RATE_HZ // 1000)))

    def skip_ms(self, delta_ms: int) -> None:
        self.seek_ms(self.position_ms + delta_ms)

    def play(self) -> None:
        """Raises AudioError when no output device can be opened."""
        if self._core is not None and self.has_audio:
            self._core.play()

    def pause(self) -> None:
        if self._core is not None:
            self._core.pause()

    def stop(self) -> None:
        self.pause()

    def close(self) -> None:
        core, self._core = self._core, None
        if core is not None:
            core.close()
