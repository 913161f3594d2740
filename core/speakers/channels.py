"""Voices from the channels: a stereo recording with one person per channel (decision 0161).

When the importer found that the two channels take turns (``core.audio.channels``), who
spoke when is in the levels already: each 10 ms of sound belongs to the louder channel.
Runs shorter than ``MIN_RUN_MS`` are folded into their neighbours and gaps under
``MERGE_GAP_MS`` between runs of one voice are closed, which gives the turns; the voice
heard first is V1. Each voice still gets a voice vector (from the stretches where its
channel is clearly alone, read from the vault), so the researcher's voice sample, stable
voice ids across re-runs and roles work exactly as for voices found by sound
(``service.apply_diarization``). Recordings without channel voices return None and the
speaker step runs as before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import nullcontext

import numpy as np

from core.audio.channels import EXCLUSIVE_DB, ChannelLevels, carries_two_voices, sound_frames
from core.errors import Cancelled, CoreError
from core.jobs import CancelToken
from core.speakers.diarize import Diarization, VoiceTurn
from core.speakers.runner import SpeakerProcess
from core.speakers.service import VoiceSummary, apply_diarization
from core.vault.db import Vault
from core.vault.transcripts import Segment

log = logging.getLogger(__name__)

SR = 16000
MIN_RUN_MS = 250          # a shorter run of one channel is a cough, a click or cross-talk
MERGE_GAP_MS = 600        # one voice's runs closer than this are one turn
VECTOR_MAX_S = 60.0       # the voice vector is made from at most this much of a channel's own speech


def _runs(labels: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, end, label) runs of equal labels; -1 is silence."""
    if not len(labels):
        return []
    edges = np.flatnonzero(np.diff(labels)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges, [len(labels)]])
    return [(int(s), int(e), int(labels[s])) for s, e in zip(starts, ends)]


def channel_labels(levels: ChannelLevels) -> np.ndarray:
    """Per frame: 0 or 1 (whose channel is louder while someone speaks) or -1 (silence)."""
    sound = sound_frames(levels)
    labels = np.where(sound, np.argmax(levels.levels_db, axis=1), -1).astype(int)
    min_frames = max(1, MIN_RUN_MS // levels.frame_ms)
    for _ in range(3):   # fold short runs into the longer neighbour until nothing changes
        changed = False
        runs = _runs(labels)
        for i, (s, e, lab) in enumerate(runs):
            if lab < 0 or e - s >= min_frames:
                continue
            before = runs[i - 1] if i > 0 else None
            after = runs[i + 1] if i + 1 < len(runs) else None
            near = [r for r in (before, after) if r is not None and r[2] >= 0]
            if near:
                labels[s:e] = max(near, key=lambda r: r[1] - r[0])[2]
                changed = True
        if not changed:
            break
    return labels


def channel_turns(levels: ChannelLevels) -> tuple[list[VoiceTurn], dict[int, str]]:
    """Turns on the stored clock, and which voice each channel is (first heard = V1)."""
    labels = channel_labels(levels)
    ms = levels.frame_ms
    spoken = [(s, e, lab) for s, e, lab in _runs(labels) if lab >= 0]
    merged: list[list[int]] = []
    gap = MERGE_GAP_MS // ms
    for s, e, lab in spoken:
        if merged and merged[-1][2] == lab and s - merged[-1][1] <= gap:
            merged[-1][1] = e
        else:
            merged.append([s, e, lab])
    order: dict[int, str] = {}
    for _s, _e, lab in merged:
        order.setdefault(lab, f"V{len(order) + 1}")
    return [VoiceTurn(s * ms, e * ms, order[lab]) for s, e, lab in merged], order


def _alone_spans(levels: ChannelLevels, channel: int) -> list[tuple[int, int]]:
    """Sample spans where ``channel`` speaks and the other is far below it, longest first."""
    sound = sound_frames(levels)
    diff = levels.levels_db[:, channel] - levels.levels_db[:, 1 - channel]
    alone = (sound & (diff >= EXCLUSIVE_DB)).astype(int)
    spans = [(s, e) for s, e, lab in _runs(alone) if lab == 1]
    step = levels.frame_ms * SR // 1000
    return [(s * step, e * step) for s, e in sorted(spans, key=lambda r: r[0] - r[1])]


def _voice_audio(vault: Vault, recording_id: int, levels: ChannelLevels, channel: int) -> np.ndarray:
    from core.audio.source import read_audio
    parts, total = [], 0
    for start, end in _alone_spans(levels, channel):
        if total >= VECTOR_MAX_S * SR:
            break
        part = read_audio(vault, recording_id, start, end)
        parts.append(part)
        total += len(part)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def stored_levels(vault: Vault, recording_id: int) -> ChannelLevels | None:
    """The recording's channel levels when its channels carry one voice each, else None."""
    from core.vault.channels import ChannelRepo
    found = ChannelRepo(vault).levels(recording_id)
    if found is None:
        return None
    levels = ChannelLevels(found[0], found[1])
    return levels if carries_two_voices(levels) else None


def label_voices_by_channel(vault: Vault, interview_id: str, recording_id: int, segments: list[Segment], *,
                            n_speakers: int | None = None, cancel: CancelToken | None = None,
                            on_progress: Callable[[float, float], None] | None = None,
                            proc: SpeakerProcess | None = None) -> tuple[list[Segment], VoiceSummary] | None:
    """Voices and roles from the channels; None when the recording has no channel voices.

    Returns what ``service.label_voices`` returns. A fixed number of voices other than two
    means the person knows better than the channels: None, so the voices are found by sound.
    ``proc``: a speaker child already running (live transcription's), used and left open.
    """

    if n_speakers not in (None, 2):
        return None
    levels = stored_levels(vault, recording_id)
    if levels is None:
        return None
    started = time.monotonic()
    turns, voice_of = channel_turns(levels)
    centroids: dict[str, list[float]] = {}
    speech_s: dict[str, float] = {}
    model = ""
    try:
        with nullcontext(proc) if proc is not None else SpeakerProcess() as child:
            if proc is None:
                child.start(cancel)
            for n, (channel, voice) in enumerate(sorted(voice_of.items())):
                if on_progress is not None:
                    on_progress(float(n), float(len(voice_of)))
                vector, _heard = child.embed(_voice_audio(vault, recording_id, levels, channel), cancel=cancel)
                # A channel with too little clear speech for a vector gets none (zeros): it then
                # matches no earlier voice and no voice sample, and keeps its channel's turns.
                centroids[voice] = [float(x) for x in vector] if len(vector) else [0.0] * 256
                speech_s[voice] = round(sum(t.end_ms - t.start_ms for t in turns if t.voice == voice) / 1000, 2)
            model = child.model or ""
    except Cancelled:
        raise
    except CoreError as exc:
        log.warning("channel voices not embedded for interview=%s: %s", interview_id, type(exc).__name__)
        return segments, VoiceSummary("failed", elapsed_s=time.monotonic() - started, error=exc.user_message)
    diarization = Diarization(turns, centroids, speech_s, "channels", model, time.monotonic() - started)
    log.info("voices by channel interview=%s turns=%d", interview_id, len(turns))
    return apply_diarization(vault, interview_id, segments, diarization, started=started)
