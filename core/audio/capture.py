"""Crash-safe recording: sounddevice callback → queue → writer thread → one-second chunks.

The PortAudio callback only copies each block into a queue (no locks, no I/O, no numpy
maths beyond the copy), so a slow disk can never make the sound card drop audio. The writer
thread, with its own vault connection, mixes to mono, resamples to 16 kHz if the device
could not record at 16 kHz, and commits every completed second in its own transaction: a
crash or power cut loses at most the second being filled (``recover_unfinished`` closes the
recording at the next unlock).

Markers, pause/resume and off-the-record switches travel through the same queue as the
audio, so each lands exactly between the blocks that were captured before and after the
button was pressed; their offsets are on the recording's sample clock (stored samples).

A device with two input channels is opened in stereo: the audio is still stored mono, and
the writer measures both channels every 10 ms on the stored clock (``ChannelMeter``, as
import does); at stop the levels are kept when the channels carry one voice each, so the
voices come from the channels (decisions 0161, 0202).
"""

from __future__ import annotations

import errno
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.audio import CHUNK_SAMPLES, SAMPLE_RATE_HZ, codec
from core.audio.channels import ChannelMeter, carries_two_voices
from core.audio.resample import StreamResampler, downmix
from core.errors import (
    AudioError,
    CoreError,
    DeviceLost,
    DiskFull,
    Msg,
    NoInputDevice,
    VaultReadOnly,
)
from core.vault.db import Vault
from core.vault.recordings import RecordingRepo

log = logging.getLogger(__name__)

StreamFactory = Callable[..., Any]

# A device that delivers nothing for this long is gone (the first block may take ~2 s).
STALL_BEFORE_FIRST_S = 10.0
STALL_AFTER_FIRST_S = 3.0


@dataclass(frozen=True)
class _Control:
    action: str                 # marker | pause | resume | off_record | stop | lost
    kind: str = ""
    question_id: str | None = None
    label: str = ""
    on: bool = False


def sounddevice_factory(**kwargs: Any) -> Any:
    """The real input stream (PortAudio). ``latency='high'``: bigger buffers, fewer overflows."""
    import sounddevice as sd
    return sd.InputStream(dtype="float32", latency="high", **kwargs)


def open_input_stream(factory: StreamFactory | None, device: str | int | None, callback: Callable[..., None],
                      finished_callback: Callable[[], None], device_name: str = "",
                      stereo_first: bool = False) -> tuple[Any, str]:
    """An input stream (not started) and the device's name, as every recorder opens one.

    16 kHz mono first; else the device's own rate (the caller resamples), then 2 channels.
    With ``stereo_first`` a device that has two or more input channels is tried in stereo
    first (an interview recording keeps the channels' levels; decision 0202).
    ``factory`` None is the real microphone (PortAudio); tests pass a fake or use the virtual one.
    """
    chosen_device: Any = device
    max_channels = int(getattr(factory, "max_input_channels", 1) or 1)
    if factory is None:
        from core.audio.devices import list_input_devices, resolve_device
        chosen_device = resolve_device(device)
        devices = list_input_devices()
        chosen = ([d for d in devices if d.index == chosen_device] or [d for d in devices if d.is_default]
                  or devices)
        device_name = chosen[0].name if chosen else ""
        max_channels = chosen[0].max_input_channels if chosen else 1
        factory = sounddevice_factory
    errors = []
    tries: list[tuple[int | None, int]] = [(SAMPLE_RATE_HZ, 1), (None, 1), (None, 2)]
    if stereo_first and max_channels >= 2:
        tries = [(SAMPLE_RATE_HZ, 2), (None, 2), (SAMPLE_RATE_HZ, 1), (None, 1)]
    for rate, channels in tries:
        try:
            stream = factory(device=chosen_device, samplerate=rate, channels=channels,
                             callback=callback, finished_callback=finished_callback)
            if not device_name:
                device_name = str(getattr(stream, "name", "") or chosen_device or "default")
            return stream, device_name
        except Exception as exc:  # noqa: BLE001 - PortAudioError, ValueError...
            errors.append(exc)
    log.warning("could not open input device: %s", type(errors[-1]).__name__)
    raise NoInputDevice(Msg("audio.microphone_could_not_opened"),
                        Msg("audio.microphone_could_not_opened.hint")) from errors[-1]


class Recorder:
    """Records one interview into the vault. Poll ``level``, ``elapsed_s`` and ``error``."""

    # How long a silent device may stay silent before it counts as gone (tests shorten these).
    stall_before_first_s = STALL_BEFORE_FIRST_S
    stall_after_first_s = STALL_AFTER_FIRST_S

    def __init__(self, vault: Vault, interview_id: str, *, device: str | int | None = None,
                 capture_off_record: bool | None = None, stream_factory: StreamFactory | None = None,
                 codec_name: str = codec.DEFAULT_CODEC) -> None:
        self.vault = vault
        self.interview_id = interview_id
        self.device = device
        self._capture_off_record = capture_off_record
        self._factory = stream_factory
        self._codec = codec_name
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stream: Any = None
        self._writer: threading.Thread | None = None
        self._recording_id: int | None = None
        self._stop_requested = False
        self._started = self._stopped = False
        self._paused = self._off_record = False
        # The same switches as the writer sees them, in stream order (writer thread only).
        self._paused_in_stream = self._off_in_stream = False
        self._first_audio = threading.Event()
        self._clock = 0                # stored samples at 16 kHz (the markers' clock)
        self._overflows = 0
        self._level = (0.0, 0.0)
        self._error: CoreError | None = None
        self.device_name = ""
        self.native_rate_hz = SAMPLE_RATE_HZ
        self._meter: ChannelMeter | None = None   # writer thread: the two channels' levels

    # --- properties the UI polls ---------------------------------------------------------
    @property
    def recording_id(self) -> int | None:
        return self._recording_id

    @property
    def level(self) -> tuple[float, float]:
        """(peak, rms) of the latest block, 0..1."""
        return self._level

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio stored (paused and uncaptured off-the-record time excluded)."""
        return self._clock / SAMPLE_RATE_HZ

    @property
    def is_recording(self) -> bool:
        return self._started and not self._stopped and self._writer is not None and self._writer.is_alive()

    @property
    def is_paused(self) -> bool:
        return self._paused

    @property
    def is_off_record(self) -> bool:
        return self._off_record

    @property
    def overflows(self) -> int:
        return self._overflows

    @property
    def error(self) -> CoreError | None:
        """The error that stopped the writer by itself (disk full, device lost), else None."""
        return self._error

    @property
    def capture_off_record(self) -> bool:
        return bool(self._capture_off_record)

    def wait_for_first_audio(self, timeout_s: float) -> bool:
        """True once the device has delivered its first block (it can take ~2 s)."""
        return self._first_audio.wait(timeout_s)

    # --- control -------------------------------------------------------------------------
    def start(self) -> None:
        if self._started:
            raise AudioError(Msg("audio.recorder_already_used"), Msg("audio.recorder_already_used.hint"))
        if self._capture_off_record is None:
            from core.vault.interviews import InterviewRepo
            self._capture_off_record = InterviewRepo(self.vault).get(self.interview_id).capture_off_record
        self._stream = self._open_stream()
        self.native_rate_hz = round(float(self._stream.samplerate))
        repo = RecordingRepo(self.vault)
        rec = repo.create(self.interview_id, "mic", device_name=self.device_name,
                          capture_off_record=bool(self._capture_off_record), codec=self._codec)
        self._recording_id = rec.id
        self._started = True
        writer_conn = self.vault.connect()
        self._writer = threading.Thread(target=self._write_loop, args=(writer_conn,),
                                        name=f"audio-writer-{rec.id}", daemon=True)
        self._writer.start()
        try:
            self._stream.start()
        except Exception as exc:
            self._queue.put(_Control("lost"))
            self._writer.join(timeout=10)
            raise NoInputDevice(Msg("audio.microphone_could_not_started"),
                                Msg("audio.microphone_could_not_started.hint")) from exc
        self.vault.audit("recording_started", {"interview": self.interview_id, "recording": rec.id,
                                               "native_rate_hz": self.native_rate_hz})
        # Not the device name: a headset is often named after its owner ("Maria's AirPods").
        log.info("recording %d started native_rate=%d", rec.id, self.native_rate_hz)

    def _open_stream(self) -> Any:
        stream, self.device_name = open_input_stream(self._factory, self.device, self._callback,
                                                     self._finished, self.device_name, stereo_first=True)
        return stream

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # Runs on PortAudio's real-time thread: copy and hand over, nothing else.
        if status and getattr(status, "input_overflow", False):
            self._overflows += 1
        self._queue.put(indata.copy())

    def _finished(self) -> None:
        if not self._stop_requested:
            self._queue.put(_Control("lost"))

    def pause(self) -> None:
        self._paused = True
        self._queue.put(_Control("pause"))

    def resume(self) -> None:
        self._paused = False
        self._queue.put(_Control("resume"))

    def next_question(self, question_id: str | None, label: str = "") -> None:
        self._queue.put(_Control("marker", "next_question", question_id, label))

    def bookmark(self, label: str = "") -> None:
        self._queue.put(_Control("marker", "bookmark", None, label))

    def set_off_record(self, on: bool) -> None:
        if on == self._off_record:
            return
        self._off_record = on
        self._queue.put(_Control("off_record", on=on))

    def stop(self) -> int:
        """Stop, store the last partial second, close the recording; returns its id."""
        if not self._started or self._recording_id is None:
            raise AudioError(Msg("audio.recording_not_started"), Msg("audio.recording_not_started.hint"))
        if self._stopped:
            return self._recording_id
        self._stop_requested = True
        self._close_stream()
        self._queue.put(_Control("stop"))
        if self._writer is not None:
            self._writer.join()
        self._stopped = True
        rid = self._recording_id
        self._keep_channels(rid)
        from core.vault.interviews import InterviewRepo
        try:
            InterviewRepo(self.vault).advance_state(self.interview_id, "recorded")
            self.vault.audit("recording_stopped", {"recording": rid, "samples": self._clock,
                                                   "overflows": self._overflows,
                                                   "error": type(self._error).__name__ if self._error else ""})
        except CoreError as exc:  # e.g. still no disk space: the audio itself is safe
            log.warning("could not note the end of recording %d: %s", rid, type(exc).__name__)
        log.info("recording %d stopped samples=%d overflows=%d", rid, self._clock, self._overflows)
        return rid

    def _keep_channels(self, recording_id: int) -> None:
        """Keep the channels' levels when they carry one voice each (else nothing is stored)."""
        meter, self._meter = self._meter, None
        if meter is None:
            return
        levels = meter.result()
        if not carries_two_voices(levels):
            return
        try:
            from core.vault.channels import ChannelRepo
            ChannelRepo(self.vault).save(recording_id, levels.levels_db, levels.frame_ms)
            log.info("recording %d: one voice per channel, levels kept (%d frames)", recording_id, levels.frames)
        except CoreError as exc:  # the audio is safe; the voices will be found by sound
            log.warning("channel levels of recording %d not kept: %s", recording_id, type(exc).__name__)

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.abort() if self._error is not None else stream.stop()
            stream.close()
        except Exception:  # noqa: BLE001 - a vanished device may fail to close
            log.info("input stream did not close cleanly")

    # --- writer thread -------------------------------------------------------------------
    def _write_loop(self, conn: Any) -> None:
        assert self._recording_id is not None
        writer = _ChunkWriter(RecordingRepo(self.vault, conn), self._recording_id, self._codec,
                              self.native_rate_hz)
        last_block = time.monotonic()
        try:
            while True:
                try:
                    item = self._queue.get(timeout=0.25)
                except queue.Empty:
                    limit = (self.stall_after_first_s if self._first_audio.is_set()
                             else self.stall_before_first_s)
                    if not self._stop_requested and time.monotonic() - last_block > limit:
                        raise DeviceLost()
                    continue
                if isinstance(item, _Control):
                    if item.action == "stop":
                        break
                    if item.action == "lost":
                        raise DeviceLost()
                    self._apply(writer, item)
                    continue
                last_block = time.monotonic()
                self._first_audio.set()
                mono = downmix(item)
                if len(mono):
                    self._level = (float(np.max(np.abs(mono))), float(np.sqrt(np.mean(mono * mono))))
                if self._paused_in_stream or (self._off_in_stream and not self._capture_off_record):
                    continue  # not captured: the sample clock does not move
                if item.ndim == 2 and item.shape[1] >= 2:
                    if self._meter is None:
                        self._meter = ChannelMeter(self.native_rate_hz)
                    self._meter.push(item)   # on the captured (stored) clock, like the audio
                writer.add(mono)
                self._clock = writer.clock
            writer.close()
            writer.repo.finish(self._recording_id, "complete")
        except CoreError as exc:
            self._fail(writer, exc)
        except Exception as exc:
            self._fail(writer, DiskFull() if _looks_full(exc) else VaultReadOnly())
            log.exception("audio writer failed")
        finally:
            conn.close()

    def _apply(self, writer: _ChunkWriter, item: _Control) -> None:
        if item.action == "marker":
            writer.repo.add_marker(writer.recording_id, item.kind, writer.clock, item.question_id, item.label)
        elif item.action in ("pause", "resume"):
            if (item.action == "pause") != self._paused_in_stream:
                self._paused_in_stream = item.action == "pause"
                writer.repo.add_marker(writer.recording_id, item.action, writer.clock)
        elif item.action == "off_record" and item.on != self._off_in_stream:
            self._off_in_stream = item.on
            writer.repo.add_marker(writer.recording_id, "off_record_start" if item.on else "off_record_end",
                                   writer.clock)

    def _fail(self, writer: _ChunkWriter, exc: CoreError) -> None:
        """Stop by ourselves: keep what is committed, try to save the rest, say why."""
        self._error = exc
        code = "disk_full" if isinstance(exc, DiskFull) else "device_lost" if isinstance(exc, DeviceLost) else "error"
        log.warning("recording %s stopped by itself: %s", writer.recording_id, code)
        self._stop_requested = True
        if not isinstance(exc, (DiskFull, VaultReadOnly)):
            try:
                writer.close()  # the device went away, the disk is fine: keep the last second
            except CoreError:
                pass
        self._clock = writer.committed if isinstance(exc, (DiskFull, VaultReadOnly)) else writer.clock
        try:
            writer.repo.finish(writer.recording_id, "failed", code)
        except CoreError:
            pass  # recover_unfinished will close it at the next unlock
        threading.Thread(target=self._close_stream, daemon=True).start()


def _looks_full(exc: BaseException) -> bool:
    """ENOSPC from the OS, or SQLITE_FULL (13) from SQLite: by code, never by message text."""
    code = getattr(exc, "sqlite_errorcode", None)
    return getattr(exc, "errno", None) == errno.ENOSPC or (isinstance(code, int) and code & 0xFF == 13)


class _ChunkWriter:
    """Turns mono blocks at the device rate into committed 16 kHz chunks."""

    def __init__(self, repo: RecordingRepo, recording_id: int, codec_name: str, native_rate_hz: int) -> None:
        self.repo = repo
        self.recording_id = recording_id
        self._codec = codec_name
        self._resampler = StreamResampler(native_rate_hz, SAMPLE_RATE_HZ)
        self._pending: list[np.ndarray] = []
        self._pending_n = 0
        self._seq = 0
        self._committed = 0
        self._accepted_in = 0
        self._rate_in = native_rate_hz

    @property
    def clock(self) -> int:
        """Stored samples (committed + pending), counted at the input so it never lags."""
        return self._accepted_in * SAMPLE_RATE_HZ // self._rate_in

    @property
    def committed(self) -> int:
        return self._committed

    def add(self, mono: np.ndarray) -> None:
        self._accepted_in += len(mono)
        out = self._resampler.push(mono)
        if len(out):
            self._pending.append(out)
            self._pending_n += len(out)
        while self._pending_n >= CHUNK_SAMPLES:
            self._commit(CHUNK_SAMPLES)

    def close(self) -> None:
        out = self._resampler.flush()
        if len(out):
            self._pending.append(out)
            self._pending_n += len(out)
        while self._pending_n > 0:
            self._commit(min(CHUNK_SAMPLES, self._pending_n))

    def _commit(self, n: int) -> None:
        joined = np.concatenate(self._pending)
        chunk, rest = joined[:n], joined[n:]
        self.repo.add_chunk(self.recording_id, self._seq, self._committed, n, codec.encode(chunk, self._codec))
        self._seq += 1
        self._committed += n
        self._pending = [rest] if len(rest) else []
        self._pending_n = len(rest)
