"""Voices for live transcription: a voice for each segment as it is committed, and a final
pass over the whole recording after stop.

Runs its own niced speaker child beside the live engine child. Anything going wrong here
(no voice model, a crash) switches voices off for this recording and never stops the live
transcript; the reason is logged (ids and type names only).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Self

import numpy as np

from core.errors import Cancelled, CoreError
from core.jobs import CancelToken
from core.speakers.assign import voice_segments
from core.speakers.channels import label_voices_by_channel
from core.speakers.diarize import DiarizeOptions
from core.speakers.online import OnlineVoices
from core.speakers.roles import apply_roles, roles_from_sample, roles_from_wording
from core.speakers.runner import SpeakerProcess
from core.speakers.service import VoiceSummary, apply_diarization, map_turns
from core.vault.db import Vault
from core.vault.transcripts import Segment
from core.vault.voices import VoiceRepo

log = logging.getLogger(__name__)

FINAL_PASS_MAX_S = 180      # longer recordings keep their live voices ("Type it up again" redoes them): stop stays "seconds"
LIVE_STEP_FRAMES = 40        # a window every 400 ms while recording (CPU budget: +20 % on the live engine)


class LiveVoices:
    """Voices while recording; ``label`` per committed window, ``final`` after stop."""

    def __init__(self, vault: Vault, interview_id: str, *, nice: int = 10, n_speakers: int | None = None) -> None:
        self.vault, self.interview_id = vault, interview_id
        self.n_speakers = n_speakers
        self.proc: SpeakerProcess | None = SpeakerProcess(nice=nice)
        self.online = OnlineVoices()
        self.turns: list[Any] = []
        self.labelled: list[Segment] = []
        sample = VoiceRepo(vault).sample()
        self.sample = sample.vector if sample is not None else None
        self.cpu_s = 0.0
        self.summary: VoiceSummary | None = None   # the final pass's (run details: "voices")

    @property
    def is_on(self) -> bool:
        return self.proc is not None

    def start(self, cancel: CancelToken | None = None) -> None:
        """Spawn the speaker child; its model loads while the first windows are decoded."""
        self._guard(lambda: self.proc.spawn() if self.proc else None)

    def _ready(self) -> bool:
        return bool(self._guard(lambda: self.proc.ready() if self.proc else False))

    def close(self) -> None:
        if self.proc is not None:
            self.proc.close()
            self.proc = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guard(self, work: Callable[[], Any]) -> Any:
        try:
            return work()
        except Cancelled:
            raise
        except CoreError as exc:
            log.warning("live voices off for interview=%s: %s", self.interview_id, type(exc).__name__)
            self.close()
            return None

    def label(self, segments: list[Segment], clip: np.ndarray, to_source_s: Callable[..., float],
              offset_ms: int, cancel: CancelToken | None = None) -> list[Segment]:
        """``segments`` (recording clock) with voices from this window's ``clip``."""
        if not self.is_on or not segments or not len(clip) or not self._ready():
            return segments  # the model is still loading: the pass after stop gives these voices
        t0 = time.monotonic()
        # A 4-8 s window rarely holds more than three voices: fewer k to try, less CPU.
        options = DiarizeOptions(n_speakers=self.n_speakers, step_frames=LIVE_STEP_FRAMES,
                                 max_speakers=min(3, self.n_speakers or 3))
        part = self._guard(lambda: self.proc.diarize(clip, options, cancel=cancel) if self.proc else None)
        if part is None or not part.turns:
            return segments
        part.turns = map_turns(part.turns, to_source_s)
        turns = self.online.add(part, offset_ms)
        self.turns.extend(turns)
        voiced, _ = voice_segments(segments, turns)
        so_far = self.online.as_diarization(self.turns)
        if self.sample is not None:
            roles = roles_from_sample(so_far.centroids, self.sample, so_far.speech_s)
        else:
            roles = roles_from_wording([*self.labelled, *voiced], so_far.voices, so_far.speech_s)
        voiced = apply_roles(voiced, roles)
        self.labelled.extend(voiced)
        self.cpu_s += time.monotonic() - t0
        return voiced

    def final(self, segments: list[Segment], clip: np.ndarray,
              to_source_s: Callable[..., float], cancel: CancelToken | None = None,
              recording_id: int | None = None) -> list[Segment] | None:
        """The whole recording diarized at once (None: keep the live voices).

        A recording whose two channels carried one voice each (the recorder kept their
        levels at stop) takes its voices from the channels, whatever its length (decision 0202)."""
        if self.is_on and segments and recording_id is not None:
            by_channel = self._guard(lambda: label_voices_by_channel(
                self.vault, self.interview_id, recording_id, segments, n_speakers=self.n_speakers,
                cancel=cancel, proc=self.proc))
            if by_channel is not None and by_channel[1].method == "channels":
                voiced, self.summary = by_channel
                return voiced
        if not self.is_on or not segments or len(clip) > FINAL_PASS_MAX_S * 16000:
            if segments and self.turns:  # keep the live voices, but store them for the editor
                apply_diarization(self.vault, self.interview_id, [], self.online.as_diarization(self.turns))
            return None
        whole = self._guard(lambda: self.proc.diarize(clip, DiarizeOptions(n_speakers=self.n_speakers),
                                                      cancel=cancel) if self.proc else None)
        if whole is None:
            return None
        voiced, self.summary = apply_diarization(self.vault, self.interview_id, segments, whole,
                                                 to_source_s=to_source_s)
        return voiced
