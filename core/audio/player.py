"""Playback for the transcript editor: play, pause, seek and speed 0.5×–2× (pitch kept).

A feeder thread reads the recording ahead (decrypting in memory, ~``AHEAD_S`` seconds),
time-stretches it (``core.audio.stretch``, WSOLA) and queues blocks; the output callback
only pops them. A seek or speed change bumps a generation number so blocks made for the
old position are dropped without locking the callback. The output stream is injectable
(``core.audio.fake.FakeOutputStream`` in tests; a real sounddevice stream by default —
with the PulseAudio null sink a real one works on a machine without a sound card too).
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from core.audio import SAMPLE_RATE_HZ
from core.audio.stretch import MAX_SPEED, MIN_SPEED, TimeStretcher
from core.errors import AudioError, InvalidInput, Msg

log = logging.getLogger(__name__)

OUTPUT_BLOCK_SAMPLES = 1600
AHEAD_S = 0.5            # how much stretched audio to keep ready
READ_SAMPLES = 4000      # source read size (a quarter second)
ReadFn = Callable[[int, int], np.ndarray]


def sounddevice_output_factory(**kwargs: Any) -> Any:
    """The real output stream. ``latency='high'``: bigger buffers, so a busy laptop does not
    starve playback (a click-to-play editor does not need low latency)."""
    import sounddevice as sd
    # 100 ms blocks: with PortAudio's tiny default blocks, ALSA's PulseAudio plugin answers an
    # early underflow by pulling blocks faster than real time, and seconds of audio vanish.
    return sd.OutputStream(dtype="float32", latency="high", blocksize=OUTPUT_BLOCK_SAMPLES, **kwargs)


class Player:
    """Plays ``read(start, end)`` (float32 16 kHz) of ``total_samples`` through an output stream."""

    def __init__(self, read: ReadFn, total_samples: int, *,
                 stream_factory: Callable[..., Any] | None = None, device: Any = None) -> None:
        self._read = read
        self.total_samples = int(total_samples)
        self._factory = stream_factory or sounddevice_output_factory
        self._device = device
        self._stream: Any = None
        self._speed = 1.0
        self._playing = False
        self._closed = False
        self._gen = 0
        self._pieces: collections.deque[tuple[int, np.ndarray, int, int]] = collections.deque()
        self._piece_used = 0
        self._position = 0       # source sample now being heard
        self._read_pos = 0       # next source sample to read
        self._stretcher = TimeStretcher(1.0)
        self._buffered = 0
        self._wake = threading.Event()
        self._lock = threading.Lock()  # feeder/seek only; never taken by the callback
        self.underruns = 0
        self._feeder = threading.Thread(target=self._feed_loop, name="audio-player", daemon=True)
        self._feeder.start()

    @classmethod
    def for_recording(cls, vault: Any, recording_id: int, **kwargs: Any) -> Player:
        """A player over a recording in the vault (the feeder thread gets its own connection)."""
        from core.audio.source import read_audio
        from core.vault.recordings import RecordingRepo
        total = RecordingRepo(vault).committed_samples(recording_id)
        return cls(lambda a, b: read_audio(vault, recording_id, a, b), total, **kwargs)

    # --- state ---------------------------------------------------------------------------
    @property
    def position_s(self) -> float:
        return self._position / SAMPLE_RATE_HZ

    @property
    def duration_s(self) -> float:
        return self.total_samples / SAMPLE_RATE_HZ

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def is_playing(self) -> bool:
        return self._playing

    # --- control -------------------------------------------------------------------------
    def play(self) -> None:
        if self._closed:
            raise AudioError(Msg("audio.player_closed"), Msg("audio.player_closed.hint"))
        if self._position >= self.total_samples:
            self.seek(0)
        if self._stream is None:
            self._playing = False
            self._wake.set()
            # Let the feeder prepare the first blocks before the device starts pulling.
            deadline = time.monotonic() + 1.0
            while (self._buffered < OUTPUT_BLOCK_SAMPLES and self._read_pos < self.total_samples
                   and time.monotonic() < deadline):
                time.sleep(0.005)
            try:
                self._stream = self._factory(samplerate=SAMPLE_RATE_HZ, channels=1, callback=self._callback,
                                             device=self._device)
                self._stream.start()
            except Exception as exc:
                self._stream = None
                raise AudioError(Msg("audio.confidant_could_not_play"),
                                 Msg("audio.confidant_could_not_play.hint")) from exc
        self._playing = True
        self._wake.set()

    def pause(self) -> None:
        self._playing = False

    def seek(self, sample: int) -> None:
        """Jump to a source sample (clipped to the recording)."""
        with self._lock:
            target = max(0, min(int(sample), self.total_samples))
            self._gen += 1
            self._pieces = collections.deque()
            self._piece_used = 0
            self._buffered = 0
            self._position = self._read_pos = target
            self._stretcher = TimeStretcher(self._speed)
        self._wake.set()

    def seek_s(self, seconds: float) -> None:
        self.seek(round(seconds * SAMPLE_RATE_HZ))

    def set_speed(self, speed: float) -> None:
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise InvalidInput(Msg("audio.speed_out_range", speed=speed), Msg("audio.speed_out_range.hint", min_speed=MIN_SPEED, max_speed=MAX_SPEED))
        self._speed = float(speed)
        self.seek(self._position)

    def close(self) -> None:
        self._closed = True
        self._playing = False
        self._wake.set()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception:  # noqa: BLE001
                log.info("output stream did not close cleanly")
        self._feeder.join(timeout=5)

    # --- threads -------------------------------------------------------------------------
    def _feed_loop(self) -> None:
        while not self._closed:
            if self._buffered >= AHEAD_S * SAMPLE_RATE_HZ or self._read_pos >= self.total_samples:
                self._wake.wait(0.02)
                self._wake.clear()
                continue
            with self._lock:
                gen, start, stretcher = self._gen, self._read_pos, self._stretcher
            end = min(start + READ_SAMPLES, self.total_samples)
            try:
                src = self._read(start, end)
            except Exception:
                log.exception("player could not read audio")
                src = np.zeros(end - start, dtype=np.float32)
            out = stretcher.push(src)
            if end >= self.total_samples and not stretcher.is_identity:
                out = np.concatenate([out, stretcher.push(np.zeros(4 * 512, np.float32))])
            with self._lock:
                if gen != self._gen:
                    continue  # a seek happened while reading: drop this
                self._read_pos = end
                if len(out):
                    self._pieces.append((gen, out, start, end))
                    self._buffered += len(out)

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # Real-time thread: pop prepared blocks only; never read, decode or lock here.
        out = outdata[:, 0] if outdata.ndim == 2 else outdata
        out[:] = 0.0
        if not self._playing:
            return
        filled = 0
        pieces, gen = self._pieces, self._gen
        while filled < frames and pieces:
            pgen, data, s0, s1 = pieces[0]
            if pgen != gen:
                pieces.popleft()
                continue
            take = min(frames - filled, len(data) - self._piece_used)
            out[filled:filled + take] = data[self._piece_used:self._piece_used + take]
            filled += take
            self._piece_used += take
            self._buffered -= take
            self._position = s0 + int((s1 - s0) * self._piece_used / len(data))
            if self._piece_used >= len(data):
                pieces.popleft()
                self._piece_used = 0
        if outdata.ndim == 2 and outdata.shape[1] > 1:
            outdata[:] = out[:, None]
        if filled < frames:
            if self._read_pos >= self.total_samples and not pieces:
                self._position = self.total_samples
                self._playing = False      # reached the end
            else:
                self.underruns += 1
        self._wake.set()
