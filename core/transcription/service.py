"""Transcribing an interview's recording: the job the desktop and the CLI run.

Audio is read from the vault into memory, off-the-record spans are cut out, the rest goes to
the engine's child process through a pipe, and the segments come back to the vault mapped
onto the recording's clock. No file is written anywhere on the way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from core.errors import Msg, NotFound
from core.jobs import CancelToken, Progress, ReportFn
from core.transcription.engine import DEFAULT_ENGINE, EngineOptions
from core.transcription.language import DETECT_S, base_language, interview_language, model_for
from core.transcription.registry import ModelInfo
from core.transcription.runner import EngineProcess
from core.transcription.store import save_transcript, to_segments
from core.transcription.timemap import TimeMap
from core.vault.db import Vault
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Transcript

log = logging.getLogger(__name__)

# Job-level options (not engine options).
OPT_DISCARD_EDITS = "discard_edits"
OPT_SPEAKERS = "speakers"  # None/"auto": estimate the number of voices; 1-6: that many; "off": none
SPEAKER_SHARE = 0.25  # the speaker step's part of the bar, relative to transcription


def _part(done: float, total: float | None, start: float, span: float) -> float:
    """``done`` of ``total`` placed in the span [start, start + span] of the job's bar."""
    return start + span * (min(1.0, max(0.0, done / total)) if total else 0.0)


def resolve_model(vault: Vault, engine: str, model: str | None, language: str = "") -> ModelInfo:
    """The named model, else the vault's model for the language, else the built-in one for it."""
    return model_for(vault, language, model)


def recording_audio(vault: Vault, recording_id: int) -> tuple[Any, TimeMap, int]:
    """The recording's audio with off-the-record spans cut out, the map back, samples cut."""
    from core.audio.markers import off_record_spans
    from core.audio.source import read_audio
    from core.vault.recordings import RecordingRepo

    repo = RecordingRepo(vault)
    audio = read_audio(vault, recording_id)
    spans = off_record_spans(repo.markers(recording_id), len(audio))
    timemap = TimeMap.cutting(len(audio), spans)
    return timemap.apply(audio), timemap, len(audio) - timemap.kept_samples


def parse_speakers(value: Any) -> int | str | None:
    """``None``/"auto" (estimate), "off", or a number of voices from 1 to 6."""
    if value in (None, "", "auto"):
        return None
    if value in ("off", 0, "0", False):
        return "off"
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if not 1 <= n <= 6:
        from core.errors import InvalidInput
        raise InvalidInput(Msg("transcription.not_number_speakers_confidant", value=value),
                           Msg("transcription.not_number_speakers_confidant.hint"))
    return n


def make_transcribe_job(vault: Vault, interview_id: str, *, engine: str = DEFAULT_ENGINE,
                        model: str | None = None, language: str | None = None,
                        options: dict[str, Any] | None = None,
                        recording_id: int | None = None) -> Callable[[ReportFn, CancelToken], Transcript]:
    """A job that transcribes a recording (default: the interview's latest take) and stores it.

    A take other than the current transcript's gets its transcript beside the current one
    (``core.audio.takes``, decision 0120).

    ``language``: the interview's language when not given (from its guide); with neither,
    the language is detected on the first 30 s and the model for it is used (``model_for``).

    ``options``: any ``EngineOptions`` field (beam_size, initial_prompt, vad, word_timestamps,
    compute_type, cpu_threads) plus ``discard_edits`` (default False: keep the researcher's edits).
    """
    opts = dict(options or {})
    keep_edits = not bool(opts.pop(OPT_DISCARD_EDITS, False))
    language = language or opts.pop("language", None)
    opts.pop("language", None)
    speakers = parse_speakers(opts.pop(OPT_SPEAKERS, None))
    engine_options = EngineOptions.from_dict(opts)

    def job(report: ReportFn, cancel: CancelToken) -> Transcript:
        from core.vault.recordings import RecordingRepo

        InterviewRepo(vault).get(interview_id)  # NotFound for a wrong id, before any work
        repo = RecordingRepo(vault)
        recording = repo.get(recording_id) if recording_id is not None else repo.latest(interview_id)
        if recording is None:
            raise NotFound(Msg("transcription.interview_no_recording_transcribe"),
                           Msg("transcription.interview_no_recording_transcribe.hint"))
        lang = base_language(language) or interview_language(vault, interview_id)
        info = resolve_model(vault, engine, model, lang)
        report(Progress(0, None, "Reading audio"))
        audio, timemap, cut_samples = recording_audio(vault, recording.id)
        cancel.raise_if_cancelled()
        total_s = len(audio) / 16000
        # One bar for the job: transcription is its first part, the speaker step the rest,
        # so the bar never goes back when the speaker step starts counting from zero.
        whole = total_s * (SPEAKER_SHARE + 1.0) if speakers != "off" else total_s
        started = time.monotonic()
        report(Progress(0, total_s, "Loading the speech model"))
        proc = EngineProcess(engine, info, engine_options)
        detected = None
        try:
            proc.start(cancel)
            if not lang and info.is_multilingual:
                report(Progress(0, total_s, "Finding the language"))
                detected = proc.detect_language(audio, cancel=cancel, seconds=DETECT_S)
                lang = detected.language
                log.info("interview=%s language detected=%s p=%.2f", interview_id, lang, detected.probability)
                target = model_for(vault, lang, model)
                if (target.name, target.sha256) != (info.name, info.sha256):
                    proc.close()  # e.g. English heard: tiny.en is faster and as good
                    info, proc = target, EngineProcess(engine, target, engine_options)
                    report(Progress(0, total_s, "Loading the speech model"))
                    proc.start(cancel)
            run_options = replace(engine_options, language=lang or None)
            report(Progress(0, whole, "Transcribing"))
            result = proc.transcribe(audio, run_options, cancel=cancel,
                                     on_progress=lambda done, total: report(Progress(
                                         _part(done, total, 0.0, total_s), whole, "Transcribing")))
        finally:
            proc.close()
        segments = to_segments(result.segments, timemap)
        voices: dict[str, Any] = {"method": "off"}
        if speakers != "off" and segments:
            from core.speakers.channels import label_voices_by_channel
            from core.speakers.service import label_voices

            report(Progress(total_s, whole, "Finding who spoke"))
            n_voices = speakers if isinstance(speakers, int) else None

            def on_voices(done: float, total: float) -> None:
                report(Progress(_part(done, total, total_s, whole - total_s), whole, "Finding who spoke"))

            # A stereo import with one voice per channel: the channels say who spoke (decision 0161).
            by_channel = label_voices_by_channel(vault, interview_id, recording.id, segments,
                                                 n_speakers=n_voices, cancel=cancel, on_progress=on_voices)
            segments, summary = by_channel or label_voices(
                vault, interview_id, segments, audio, to_source_s=timemap.to_source_s,
                n_speakers=n_voices, cancel=cancel, on_progress=on_voices)
            voices = summary.to_dict()
        del audio
        elapsed = time.monotonic() - started
        run = {**run_options.to_dict(), "audio_s": round(total_s, 3), "elapsed_s": round(elapsed, 3),
               "engine_s": round(result.elapsed_s, 3), "off_record_cut_s": round(cut_samples / 16000, 3),
               "voices": voices}
        if detected is not None:
            run.update(language_detected=True, language_probability=round(detected.probability, 3))
        transcript = save_transcript(vault, interview_id, segments, recording_id=recording.id, engine=engine,
                                     model=info.name, model_sha256=info.sha256,
                                     language=lang or result.language, options=run, keep_edits=keep_edits)
        InterviewRepo(vault).advance_state(interview_id, "transcribed")
        report(Progress(total_s, total_s, "Done"))
        log.info("transcribed interview=%s transcript=%s segments=%d audio_s=%.1f elapsed_s=%.1f engine=%s model=%s"
                 " language=%s", interview_id, transcript.id, len(segments), total_s, elapsed, engine, info.name,
                 lang or result.language)
        return transcript

    return job
