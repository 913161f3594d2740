"""Reading audio back: any sample range of a recording as float32 numpy, decrypted in memory.

Used for Whisper, click-to-play in the transcript, and the waveform overview. Nothing is
written anywhere: chunks come out of SQLCipher and are decoded in memory.
"""

from __future__ import annotations

import numpy as np

from core.audio import SAMPLE_RATE_HZ, codec
from core.vault.db import Vault
from core.vault.recordings import RecordingRepo


def read_audio(vault: Vault, recording_id: int, start_sample: int = 0,
               end_sample: int | None = None) -> np.ndarray:
    """Samples [start_sample, end_sample) as float32 mono 16 kHz in [-1, 1].

    ``end_sample`` None means to the end of what is committed. The range is clipped to the
    recording; a gap (which a healthy recording never has) reads as silence.
    """
    repo = RecordingRepo(vault)
    rec = repo.get(recording_id)
    total = repo.committed_samples(recording_id)
    start = max(0, int(start_sample))
    end = total if end_sample is None else max(start, min(int(end_sample), total))
    out = np.zeros(max(0, end - start), dtype=np.float32)
    for chunk in repo.chunks(recording_id, start, end):
        pcm = codec.decode(chunk.data, rec.codec)
        a, b = max(start, chunk.start_sample), min(end, chunk.start_sample + len(pcm))
        if b > a:
            out[a - start: b - start] = pcm[a - chunk.start_sample: b - chunk.start_sample] / 32768.0
    return out


def read_seconds(vault: Vault, recording_id: int, start_s: float, end_s: float | None = None) -> np.ndarray:
    """Like ``read_audio`` with times in seconds."""
    end = None if end_s is None else round(end_s * SAMPLE_RATE_HZ)
    return read_audio(vault, recording_id, round(start_s * SAMPLE_RATE_HZ), end)


def waveform_overview(vault: Vault, recording_id: int, n_bins: int = 1000) -> np.ndarray:
    """Peak level per bin (float32, 0..1) across the whole recording, read chunk by chunk."""
    repo = RecordingRepo(vault)
    rec = repo.get(recording_id)
    total = repo.committed_samples(recording_id)
    peaks = np.zeros(max(1, n_bins), dtype=np.float32)
    if total == 0:
        return peaks
    for chunk in repo.chunks(recording_id):
        pcm = np.abs(codec.decode(chunk.data, rec.codec).astype(np.float32)) / 32768.0
        bins = (np.arange(chunk.start_sample, chunk.start_sample + len(pcm)) * n_bins) // total
        bins = np.clip(bins, 0, n_bins - 1)
        np.maximum.at(peaks, bins, pcm)
    return peaks
