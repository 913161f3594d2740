"""Import of existing audio files (WAV, FLAC, OGG, MP3 via libsndfile) into the vault.

The file is read block by block, mixed to mono, resampled to 16 kHz and stored as the same
one-second chunks a live recording uses. Nothing is written outside the vault; the source
file is opened read-only and left as it was. A cancelled or failed import leaves no partial
recording behind. Whether to delete the source afterwards is the person's choice: the UI
offers it (``can_delete_source``) and shows ``DELETE_SOURCE_NOTE``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile as sf

from core.audio import CHUNK_SAMPLES, SAMPLE_RATE_HZ, codec
from core.audio.channels import ChannelMeter, carries_two_voices
from core.audio.resample import StreamResampler, downmix
from core.errors import CoreError, Msg, NotFound, UnsupportedAudio
from core.jobs import CancelToken, Progress, ReportFn
from core.vault.db import Vault
from core.vault.recordings import ChunkRow, RecordingRepo

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".mp3")
# Chunks per transaction while importing: fewer commits, still bounded memory.
_CHUNKS_PER_COMMIT = 20

DELETE_SOURCE_NOTE = (
    "The recording is now stored encrypted in your vault. You can delete the original file, "
    "but a normal delete is not a secure erase: the file's contents may stay readable on the "
    "disk (and in backups, synced folders or the trash) until they are overwritten. On an "
    "encrypted disk this matters much less.")


def make_import_job(vault: Vault, interview_id: str, path: str | Path) -> Callable[[ReportFn, CancelToken], int]:
    """A job that imports ``path`` into the interview and returns the new recording id."""
    source = Path(path)

    def job(report: ReportFn, cancel: CancelToken) -> int:
        return _import(vault, interview_id, source, report, cancel)

    return job


def _open(source: Path) -> sf.SoundFile:
    if not source.is_file():
        raise NotFound(Msg("audio.no_file", source_name=source.name), Msg("audio.no_file.hint"))
    try:
        return sf.SoundFile(str(source), mode="r")
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise UnsupportedAudio() from exc


def _import(vault: Vault, interview_id: str, source: Path, report: ReportFn, cancel: CancelToken) -> int:
    started = time.monotonic()
    repo = RecordingRepo(vault)
    with _open(source) as f:
        native_hz, total_frames = int(f.samplerate), int(f.frames)
        rec = repo.create(interview_id, "import", source_name=source.name, codec=codec.DEFAULT_CODEC)
        meter = ChannelMeter(native_hz) if f.channels >= 2 else None
        try:
            n_samples = _copy(f, repo, rec.id, native_hz, total_frames, report, cancel, meter)
            two_voices = meter is not None and carries_two_voices(meter.result())
            if two_voices and meter is not None:
                # One voice per channel: keep each channel's level so the speaker step can use it.
                from core.vault.channels import ChannelRepo
                levels = meter.result()
                ChannelRepo(vault).save(rec.id, levels.levels_db, levels.frame_ms)
        except BaseException as exc:
            # Cancelled or failed: leave nothing half-imported behind.
            try:
                repo.delete(rec.id)
            except CoreError:
                log.warning("could not remove partial import recording=%d", rec.id)
            if isinstance(exc, (sf.LibsndfileError, RuntimeError)) and not isinstance(exc, CoreError):
                raise UnsupportedAudio(Msg("audio.confidant_could_not_read"),
                                       Msg("audio.confidant_could_not_read.hint")) from exc
            raise
    if n_samples == 0:
        repo.delete(rec.id)
        raise UnsupportedAudio(Msg("audio.file_holds_no_audio"), Msg("audio.file_holds_no_audio.hint"))
    repo.finish(rec.id, "complete")
    from core.vault.interviews import InterviewRepo
    InterviewRepo(vault).advance_state(interview_id, "recorded")
    vault.audit("audio_imported", {"interview": interview_id, "recording": rec.id, "samples": n_samples,
                                   **({"voice_per_channel": True} if two_voices else {})})
    log.info("imported recording=%d samples=%d native_hz=%d voice_per_channel=%s in %.1fs", rec.id, n_samples,
             native_hz, two_voices, time.monotonic() - started)
    report(Progress(1, 1, "Imported"))
    return rec.id


def _copy(f: sf.SoundFile, repo: RecordingRepo, recording_id: int, native_hz: int, total_frames: int,
          report: ReportFn, cancel: CancelToken, meter: ChannelMeter | None = None) -> int:
    resampler = StreamResampler(native_hz, SAMPLE_RATE_HZ)
    pending = np.zeros(0, dtype=np.float32)
    batch: list[ChunkRow] = []
    seq = written = frames_read = 0
    total = total_frames if total_frames > 0 else None

    def emit(samples: np.ndarray) -> None:
        nonlocal seq, written
        batch.append(ChunkRow(seq, written, len(samples), codec.encode(samples, codec.DEFAULT_CODEC)))
        seq += 1
        written += len(samples)

    report(Progress(0, total, "Importing audio"))
    while True:
        cancel.raise_if_cancelled()
        block = f.read(frames=max(native_hz, 1), dtype="float32", always_2d=True)
        if len(block) == 0:
            break
        frames_read += len(block)
        if meter is not None:
            meter.push(block)
        pending = np.concatenate([pending, resampler.push(downmix(block))])
        while len(pending) >= CHUNK_SAMPLES:
            emit(pending[:CHUNK_SAMPLES])
            pending = pending[CHUNK_SAMPLES:]
        if len(batch) >= _CHUNKS_PER_COMMIT:
            repo.add_chunks(recording_id, batch)
            batch = []
        report(Progress(min(frames_read, total) if total else frames_read, total, "Importing audio"))
    cancel.raise_if_cancelled()
    pending = np.concatenate([pending, resampler.flush()])
    while len(pending) > 0:
        emit(pending[:CHUNK_SAMPLES])
        pending = pending[CHUNK_SAMPLES:]
    if batch:
        repo.add_chunks(recording_id, batch)
    return written


def can_delete_source(path: str | Path) -> bool:
    """True when the source still exists and this user may delete it (the UI then offers to)."""
    p = Path(path)
    return p.is_file() and os.access(p.parent, os.W_OK | os.X_OK)


def delete_source(path: str | Path) -> None:
    """Delete the imported source file (a normal delete: see ``DELETE_SOURCE_NOTE``)."""
    try:
        Path(path).unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CoreError(Msg("audio.confidant_could_not_delete"),
                        Msg("audio.confidant_could_not_delete.hint")) from exc


__all__ = [
    "DELETE_SOURCE_NOTE",
    "SUPPORTED_SUFFIXES",
    "can_delete_source",
    "delete_source",
    "make_import_job",
]
