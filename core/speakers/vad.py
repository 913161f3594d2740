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


def speech_regions(audio: np.ndarray) -> list[tuple[int, int]]:
    """(start_sample, end_sample) of each stretch of speech, in order."""
    if len(audio) < SAMPLE_RATE_HZ // 10:
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(threshold=THRESHOLD, min_silence_duration_ms=MIN_SILENCE_MS,
                         speech_pad_ms=SPEECH_PAD_MS, min_speech_duration_ms=120)
    return [(int(c["start"]), int(c["end"])) for c in get_speech_timestamps(audio, options)]


def frame_mask(regions: list[tuple[int, int]], n_frames: int) -> np.ndarray:
    """Boolean per mel frame (10 ms): True where the frame's centre is inside speech."""
    mask = np.zeros(n_frames, dtype=bool)
    for start, end in regions:
        mask[max(0, start // HOP):min(n_frames, -(-end // HOP))] = True
    return mask
