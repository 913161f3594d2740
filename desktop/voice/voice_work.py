"""What the voice-sample dialog asks of the core, as plain functions run inside jobs (no Qt).

Every decision is core's: the texts (``core.speakers.sample.explanation``/``reading``), how
long to record (``RECORD_S``), what counts as too short or silent (``check_clip``, run by the
job that learns the voice), and where the sample is kept (``VoiceRepo``, inside the vault).
The CLI's `confidant voice teach|show|forget` calls the same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.audio.clip import ClipRecorder
from core.jobs import CancelToken, ReportFn
from core.speakers.sample import RECORD_S, delete_sample, make_voice_sample_job
from core.vault.voices import VoiceRepo, VoiceSample


def current_sample(vault: Any) -> VoiceSample | None:
    return VoiceRepo(vault).sample()


def input_devices() -> list:
    from core.audio.devices import list_input_devices
    from core.errors import CoreError
    try:
        return list_input_devices()
    except CoreError:
        return []


def start_recording(device: Any, stream_factory: Any = None) -> ClipRecorder:
    """Open the microphone and start a clip held in memory (at most ``RECORD_S`` seconds)."""
    recorder = ClipRecorder(RECORD_S, device=device, stream_factory=stream_factory)
    recorder.start()
    return recorder


def learn_job(vault: Any, recorder: ClipRecorder) -> Callable[[ReportFn, CancelToken], VoiceSample]:
    """Stop the clip and learn the voice from it (refused in plain words if silent or short)."""
    def job(report: ReportFn, cancel: CancelToken) -> VoiceSample:
        return make_voice_sample_job(vault, recorder.stop())(report, cancel)
    return job


def forget(vault: Any) -> bool:
    return delete_sample(vault)
