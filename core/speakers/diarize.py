"""Who spoke when: audio in, voice turns out (pure computation; runs in the speaker child).

1. Speech frames from the VAD; the level is normalised so a quiet recording looks like the
   encoder's training data. 2. A 1.6 s window every ``STEP_FRAMES`` over speech gives a
   voice vector. 3. The vectors are clustered (number of voices estimated unless fixed).
4. Every 10 ms speech frame scores each voice by the windows that cover it; a Viterbi pass
   with a switch cost removes short flips (re-segmentation at the turn changes). 5. Runs of
   one voice become turns; V1 is the first voice heard.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.speakers.cluster import cluster
from core.speakers.encoder import WINDOW_FRAMES, VoiceEncoder
from core.speakers.mel import SAMPLE_RATE_HZ, mel_frames
from core.speakers.vad import frame_mask, speech_regions

STEP_FRAMES = 20             # a window every 200 ms
MIN_SPEECH_IN_WINDOW = 0.3   # a window needs this share of speech frames to vote
SWITCH_COST = 30.0           # Viterbi: cost of a change of voice, in frame-score units
FRAME_SCALE = 40.0           # similarity -> log-score scale per frame
MAX_VOICES = 6
TARGET_DBFS = -30.0          # resemblyzer's preprocessing level
MIN_SPEECH_S = 1.0           # less speech than this: no voices to tell apart

ProgressFn = Callable[[float, float], None]


@dataclass(frozen=True)
class DiarizeOptions:
    n_speakers: int | None = None       # None: estimate within [min_speakers, max_speakers]
    min_speakers: int = 1
    max_speakers: int = MAX_VOICES
    expected: int = 2                   # an interview: two voices unless the audio says otherwise
    threads: int = 1
    step_frames: int = STEP_FRAMES      # window hop (live transcription uses a coarser one)


@dataclass(frozen=True)
class VoiceTurn:
    start_ms: int
    end_ms: int
    voice: str                          # "V1", "V2", ...


@dataclass
class Diarization:
    turns: list[VoiceTurn]
    centroids: dict[str, list[float]] = field(default_factory=dict)   # voice -> unit vector
    speech_s: dict[str, float] = field(default_factory=dict)          # voice -> seconds of speech
    method: str = "voices"              # voices | channels | one_voice | no_speech
    model: str = ""
    elapsed_s: float = 0.0
    stages_s: dict[str, float] = field(default_factory=dict)   # vad, mel, encoder, cluster, turns

    @property
    def voices(self) -> list[str]:
        return sorted(self.centroids or {t.voice for t in self.turns}, key=lambda v: int(v[1:]))


def level_gain(audio: np.ndarray, regions: list[tuple[int, int]]) -> float:
    """The gain that puts speech at -30 dBFS RMS (the level the encoder was trained on).

    Summed region by region: a three-hour recording is never copied to find it."""
    total, count = 0.0, 0
    for s, e in (regions or [(0, len(audio))]):
        part = audio[s:e].astype(np.float64)
        total += float(np.dot(part, part))
        count += len(part)
    rms = (total / count) ** 0.5 if count else 0.0
    return 1.0 if rms < 1e-6 else min(10 ** (TARGET_DBFS / 20) / rms, 1000.0)


def speech_mels(audio: np.ndarray, regions: list[tuple[int, int]]) -> np.ndarray:
    """Mel frames of ``audio`` at the encoder's level: power mels scale with the gain squared,
    so the level is set on the (10x smaller) spectrogram, not on a copy of the audio."""
    mels = mel_frames(audio)
    mels *= np.float32(level_gain(audio, regions) ** 2)
    return mels


def window_starts(mask: np.ndarray, step: int = STEP_FRAMES) -> np.ndarray:
    """Start frames of the windows with enough speech in them."""
    n = len(mask)
    if n < WINDOW_FRAMES:
        return np.array([0] if mask.mean() >= MIN_SPEECH_IN_WINDOW else [], dtype=int)
    csum = np.concatenate([[0], np.cumsum(mask)])
    starts = np.arange(0, n - WINDOW_FRAMES + 1, step)
    share = (csum[starts + WINDOW_FRAMES] - csum[starts]) / WINDOW_FRAMES
    return starts[share >= MIN_SPEECH_IN_WINDOW]


def _windows(mels: np.ndarray, starts: np.ndarray) -> np.ndarray:
    if len(mels) < WINDOW_FRAMES:
        mels = np.pad(mels, ((0, WINDOW_FRAMES - len(mels)), (0, 0)))
    return np.stack([mels[s:s + WINDOW_FRAMES] for s in starts]) if len(starts) else np.zeros((0, WINDOW_FRAMES, 40), np.float32)


def frame_scores(n_frames: int, starts: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """(n_frames, k) mean similarity of each frame's covering windows to each voice,
    weighted towards windows centred on the frame (a turn change blurs least there)."""
    k = sims.shape[1]
    acc = np.zeros((n_frames + 1, k))
    wsum = np.zeros(n_frames + 1)
    tri = 1.0 - np.abs(np.arange(WINDOW_FRAMES) - (WINDOW_FRAMES - 1) / 2) / (WINDOW_FRAMES / 2)
    tri = np.maximum(tri, 0.05)
    for s, row in zip(starts, sims):
        e = min(n_frames, s + WINDOW_FRAMES)
        w = tri[:e - s]
        acc[s:e] += w[:, None] * row[None, :]
        wsum[s:e] += w
    out = acc[:n_frames] / np.maximum(wsum[:n_frames, None], 1e-8)
    covered = wsum[:n_frames] > 0
    if not covered.all() and covered.any():
        # Frames no window covers take the scores of the nearest covered frame.
        idx = np.where(covered)[0]
        pos = np.clip(np.searchsorted(idx, np.arange(n_frames)), 0, len(idx) - 1)
        prev = np.clip(pos - 1, 0, len(idx) - 1)
        near = np.where(np.abs(idx[prev] - np.arange(n_frames)) < np.abs(idx[pos] - np.arange(n_frames)),
                        idx[prev], idx[pos])
        out = out[near]
    return out


def viterbi(scores: np.ndarray, switch_cost: float) -> np.ndarray:
    """Best label path through per-frame log-scores with a fixed cost per change."""
    n, k = scores.shape
    if k == 1 or n == 0:
        return np.zeros(n, dtype=int)
    back = np.zeros((n, k), dtype=np.int32)
    total = scores[0].copy()
    for t in range(1, n):
        best_prev = int(np.argmax(total))
        stay = total
        move = total[best_prev] - switch_cost
        back[t] = np.where(stay >= move, np.arange(k), best_prev)
        total = np.maximum(stay, move) + scores[t]
    path = np.zeros(n, dtype=int)
    path[-1] = int(np.argmax(total))
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def turns_from_labels(labels: np.ndarray, mask: np.ndarray, names: list[str]) -> list[VoiceTurn]:
    """Contiguous speech frames of one label -> turns (pauses inside one voice's run join it)."""
    turns: list[VoiceTurn] = []
    speech = np.where(mask)[0]
    if not len(speech):
        return turns
    start = prev = speech[0]
    for f in speech[1:]:
        if labels[f] != labels[start] or (f - prev) > 100:  # a pause over 1 s ends a turn
            turns.append(VoiceTurn(int(start * 10), int((prev + 1) * 10), names[labels[start]]))
            start = f
        prev = f
    turns.append(VoiceTurn(int(start * 10), int((prev + 1) * 10), names[labels[start]]))
    return turns


def diarize(audio: np.ndarray, encoder: VoiceEncoder, options: DiarizeOptions | None = None,
            progress: ProgressFn | None = None) -> Diarization:
    """Voice turns of 16 kHz mono float32 ``audio`` (times in ms on its own clock)."""
    opts = options or DiarizeOptions()
    t0 = time.monotonic()
    total_s = len(audio) / SAMPLE_RATE_HZ
    stages: dict[str, float] = {}
    mark = t0

    def stage(name: str) -> None:
        nonlocal mark
        now = time.monotonic()
        stages[name] = round(now - mark, 3)
        mark = now

    regions = speech_regions(audio)
    stage("vad")
    speech_total = sum(e - s for s, e in regions) / SAMPLE_RATE_HZ
    if speech_total < MIN_SPEECH_S:
        return Diarization([], method="no_speech", model=encoder.name, elapsed_s=time.monotonic() - t0)
    mels = speech_mels(audio, regions)
    stage("mel")
    mask = frame_mask(regions, len(mels))
    starts = window_starts(mask, opts.step_frames)
    if len(starts) == 0:
        starts = np.array([int(np.argmax(mask))])
    if progress:
        progress(0.1 * total_s, total_s)
    vectors = np.zeros((len(starts), 256), dtype=np.float32)
    chunk = 512
    for i in range(0, len(starts), chunk):
        vectors[i:i + chunk] = encoder.embed(_windows(mels, starts[i:i + chunk]))
        if progress:
            progress((0.1 + 0.8 * min(1.0, (i + chunk) / len(starts))) * total_s, total_s)
    del mels
    stage("encoder")
    lo, hi = max(1, opts.min_speakers), min(MAX_VOICES, max(opts.min_speakers, opts.max_speakers))
    _labels, centroids = cluster(vectors, k_fixed=opts.n_speakers, k_range=(lo, hi), expected=opts.expected,
                                hop_s=opts.step_frames / 100)
    stage("cluster")
    k = len(centroids)
    if k == 1:
        path = np.zeros(len(mask), dtype=int)
    else:
        scores = frame_scores(len(mask), starts + 0, vectors @ centroids.T)
        path = viterbi(FRAME_SCALE * scores, SWITCH_COST)
    # V1 is the first voice heard; numbering by first appearance keeps ids readable.
    order: list[int] = []
    for f in np.where(mask)[0]:
        if path[f] not in order:
            order.append(int(path[f]))
            if len(order) == k:
                break
    order += [j for j in range(k) if j not in order]
    names = [""] * k
    for rank, j in enumerate(order):
        names[j] = f"V{rank + 1}"
    turns = turns_from_labels(path, mask, names)
    speech = {names[j]: round(float(np.sum(mask & (path == j))) / 100, 2) for j in range(k)}
    stage("turns")
    result = Diarization(turns, {names[j]: centroids[j].round(6).tolist() for j in range(k)}, speech,
                         "voices" if k > 1 else "one_voice", encoder.name, time.monotonic() - t0, stages)
    if progress:
        progress(total_s, total_s)
    return result
