"""Where someone is speaking: a 10 ms frame mask from the Silero VAD model.

faster-whisper ships the Silero model as ONNX and runs it with onnxruntime, so this needs no
torch and no download. Pauses between turns matter here (a turn change usually falls in
one), so silences are kept from 250 ms on, shorter than the transcriber's 2 s.
"""

from __future__ import annotations

import numpy as np

from core.speakers.mel import HOP, SAMPLE_RATE_HZ

MIN_SILENCE_MS = 250
SPEECH_PAD_MS = 60
THRESHOLD = 0.5


CHUNK_SAMPLES = 600 * SAMPLE_RATE_HZ   # 10 min per VAD call (a multiple of its 512-sample step)
JOIN_SAMPLES = SAMPLE_RATE_HZ // 10     # speech touching a chunk edge continues across it


def speech_regions(audio: np.ndarray) -> list[tuple[int, int]]:
    """(start_sample, end_sample) of each stretch of speech, in order.

    Ten minutes at a time: the VAD copies its input twice, which for a three-hour recording
    would be 1.4 GB at once; per chunk it is 80 MB."""
    if len(audio) < SAMPLE_RATE_HZ // 10:
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(threshold=THRESHOLD, min_silence_duration_ms=MIN_SILENCE_MS,
                         speech_pad_ms=SPEECH_PAD_MS, min_speech_duration_ms=120)
    regions: list[tuple[int, int]] = []
    for base in range(0, len(audio), CHUNK_SAMPLES):
        chunk = audio[base:base + CHUNK_SAMPLES]
        if len(chunk) < SAMPLE_RATE_HZ // 10:
            break
        for c in get_speech_timestamps(chunk, options):
            start, end = base + int(c["start"]), base + int(c["end"])
            if regions and start - regions[-1][1] <= JOIN_SAMPLES and start - base <= JOIN_SAMPLES:
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
    return regions


def frame_mask(regions: list[tuple[int, int]], n_frames: int) -> np.ndarray:
    """Boolean per mel frame (10 ms): True where the frame's centre is inside speech."""
    mask = np.zeros(n_frames, dtype=bool)
    for start, end in regions:
        mask[max(0, start // HOP):min(n_frames, -(-end // HOP))] = True
    return mask
