"""Live transcription: transcribe committed audio while the interview is being recorded.

A background thread polls how much audio the recorder has committed to the vault, reads the
new part back (decrypted in memory), and sends a window — from the end of the last committed
segment to the live edge — to an engine child that runs at low priority (``os.nice``), so
capture always wins the CPU. Only segments that end well before the live edge are committed;
the rest is decoded again with more context next time, so chunk borders never split a word.
When recording stops only the tail is left, and the transcript is complete within seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from core.errors import CoreError, Msg, TranscriptionError
from core.jobs import CancelToken
from core.transcription.engine import DEFAULT_ENGINE, EngineOptions
from core.transcription.language import DETECT_S, base_language, interview_language, model_for
from core.transcription.runner import EngineProcess
from core.transcription.store import to_segments
from core.transcription.timemap import TimeMap
from core.vault.db import Vault
from core.vault.transcripts import Segment, Transcript, TranscriptRepo

log = logging.getLogger(__name__)

SR = 16000
# A first real interview showed the live text 10-15 s behind (issue 16): decode every 4 s of
# new audio, and show what the last window heard beyond the committed text as provisional.
MIN_NEW_S = 4.0        # wait for this much new audio before decoding again
EDGE_GUARD_S = 2.0     # commit only segments ending this far before the live edge
SILENCE_SKIP_S = 20.0  # a window with no words is skipped only once it is this long
MAX_WINDOW_S = 90.0    # past this, commit all but the last segment to bound the work
POLL_S = 0.5
LIVE_NICE = 10


class LiveTranscriber:
    """Transcribes a recording while it grows; ``finish()`` after the recorder stops."""

    def __init__(self, vault: Vault, recording_id: int, *, engine: str = DEFAULT_ENGINE,
                 model: str | None = None, options: dict[str, Any] | None = None) -> None:
        from dataclasses import replace

        from core.vault.recordings import RecordingRepo

        self.vault, self.recording_id, self.engine = vault, recording_id, engine
        self.options = EngineOptions.from_dict(options)
        # The interview's language (from its guide) picks the model; none: detect it live.
        lang = base_language(self.options.language) or interview_language(
            vault, RecordingRepo(vault).get(recording_id).interview_id)
        self.model = model_for(vault, lang, model)
        self.options = replace(self.options, language=lang or None)
        self.language_detected = not lang
        self.transcript_id: int | None = None
        self._segments: list[Segment] = []
        self._provisional: list[Segment] = []  # heard in the last window, not committed yet
        self._decoded_to = 0        # the live edge of the last window decoded
        self._lock = threading.Lock()
        self._final = threading.Event()
        self._cancel = CancelToken()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._cursor = 0            # samples before this are committed
        self._language = ""
        self.windows = 0            # how many windows were decoded (for tests and logs)
        # Voices as it goes (core.speakers.live), then one pass over the whole recording.
        self.speakers = (options or {}).get("speakers", None)
        self._voices: Any = None
        self.tail_s: float | None = None  # seconds of audio left to decode when finish() came

    # --- control -------------------------------------------------------------------------
    def start(self) -> None:
        from core.audio.takes import becomes_current
        from core.vault.recordings import RecordingRepo

        recording = RecordingRepo(self.vault).get(self.recording_id)
        # Another take's live text never hides the current transcript (decision 0120).
        transcript = TranscriptRepo(self.vault).create(
            recording.interview_id, [], recording_id=self.recording_id, engine=self.engine, model=self.model.name,
            model_sha256=self.model.sha256, language=self.options.language or "",
            options={**self.options.to_dict(), "live": True}, state="live",
            make_current=becomes_current(self.vault, recording.interview_id, self.recording_id))
        self.transcript_id = transcript.id
        self.interview_id = recording.interview_id
        self._thread = threading.Thread(target=self._run, name=f"live-transcription-{self.recording_id}",
                                        daemon=True)
        self._thread.start()

    def segments_so_far(self) -> list[Segment]:
        with self._lock:
            return list(self._segments)

    def provisional_so_far(self) -> list[Segment]:
        """What the last window heard after the committed text (may still change)."""
        with self._lock:
            return list(self._provisional)

    def finish(self, timeout_s: float = 30) -> Transcript:
        """Decode the tail (call after the recorder stopped) and mark the transcript complete."""
        from core.vault.interviews import InterviewRepo

        if self._thread is None or self.transcript_id is None:
            raise TranscriptionError(Msg("transcription.live_transcription_not_started"))
        self._final.set()
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            self.stop()
            raise TranscriptionError(Msg("transcription.finishing_live_transcript_took"),
                                     Msg("transcription.finishing_live_transcript_took.hint"))
        if self._error is not None:
            if isinstance(self._error, CoreError):
                raise self._error
            raise TranscriptionError() from self._error
        repo = TranscriptRepo(self.vault)
        summary = self._voices.summary if self._voices is not None else None
        repo.finish(self.transcript_id, language=self._language or None,
                    options={**repo.get(self.transcript_id).options, "windows": self.windows,
                             "language_detected": self.language_detected,
                             **({"voices": summary.to_dict()} if summary is not None else {})})
        InterviewRepo(self.vault).advance_state(self.interview_id, "transcribed")
        log.info("live transcript %s complete segments=%d windows=%d", self.transcript_id,
                 len(self._segments), self.windows)
        return repo.get(self.transcript_id)

    def stop(self) -> None:
        """Abandon live transcription (the transcript stays 'live', i.e. incomplete)."""
        self._cancel.cancel()
        self._final.set()
        if self._thread is not None:
            self._thread.join(5)

    # --- the background thread -----------------------------------------------------------------
    def _run(self) -> None:
        from core.vault.recordings import RecordingRepo

        repo = RecordingRepo(self.vault)
        try:
            from core.speakers.live import LiveVoices
            from core.transcription.service import parse_speakers

            n = parse_speakers(self.speakers)
            # The voices child is niced below the engine: words first, voices when there is CPU.
            with EngineProcess(self.engine, self.model, self.options, nice=LIVE_NICE) as proc, \
                    LiveVoices(self.vault, self.interview_id, nice=LIVE_NICE + 5,
                               n_speakers=n if isinstance(n, int) else None) as voices:
                proc.start(self._cancel)
                if n != "off":
                    voices.start(self._cancel)
                    self._voices = voices if voices.is_on else None
                while True:
                    final = self._final.is_set()
                    committed = repo.committed_samples(self.recording_id)
                    if final:
                        self.tail_s = (committed - self._cursor) / SR
                        if committed > self._cursor:
                            self._window(proc, repo, committed, final=True)
                        self._final_voices()
                        return
                    # New audio since the last window, not since the cursor: a window whose
                    # words all sat within the edge guard must not be decoded again at once.
                    if committed - max(self._cursor, self._decoded_to) >= MIN_NEW_S * SR:
                        self._window(proc, repo, committed, final=False)
                    else:
                        self._final.wait(POLL_S)
        except BaseException as exc:  # noqa: BLE001 - handed to finish()
            if not self._cancel.is_cancelled:
                log.warning("live transcription stopped: %s", type(exc).__name__)
                self._error = exc

    def _window(self, proc: EngineProcess, repo: Any, end: int, *, final: bool) -> None:
        from core.audio.markers import off_record_spans
        from core.audio.source import read_audio

        start = self._cursor
        audio = read_audio(self.vault, self.recording_id, start, end)
        # Off-the-record spans (an open one runs to the live edge) never reach the engine.
        spans = [(max(s, start) - start, min(e, end) - start)
                 for s, e in off_record_spans(repo.markers(self.recording_id), end) if e > start and s < end]
        timemap = TimeMap.cutting(len(audio), spans)
        clip = timemap.apply(audio)
        t0 = time.monotonic()
        result = proc.transcribe(clip, self.options, cancel=self._cancel) if len(clip) else None
        self.windows += 1
        self._decoded_to = end
        self._language = (result.language if result else "") or self._language
        if self.options.language is None and result is not None and result.segments and end >= DETECT_S * SR:
            # Detected on the first 30 s: later windows keep it, so the text never flips language.
            from dataclasses import replace
            self.options = replace(self.options, language=self._language or None)
            log.info("live recording=%s language detected=%s", self.recording_id, self._language)
        segments = to_segments(result.segments, timemap, offset_s=start / SR) if result else []
        edge_ms = end * 1000 // SR
        if final:
            keep, cursor_ms = segments, edge_ms
        else:
            keep = [s for s in segments if s.end_ms <= edge_ms - EDGE_GUARD_S * 1000]
            if not keep and len(segments) > 1 and (end - start) > MAX_WINDOW_S * SR:
                keep = segments[:-1]
            if keep:
                cursor_ms = keep[-1].end_ms
            elif not segments and (end - start) >= SILENCE_SKIP_S * SR:
                cursor_ms = max(start * 1000 // SR, edge_ms - int(EDGE_GUARD_S * 1000))  # silence
            elif not segments:
                # Nothing heard yet: decode again with more audio rather than skip it. Skipping
                # a short window dropped the first words of an interview (issue 16).
                cursor_ms = start * 1000 // SR
            else:
                cursor_ms = start * 1000 // SR
        if self._voices is not None:
            keep = self._voices.label(keep, clip, timemap.to_source_s, start * 1000 // SR, self._cancel)
        self._commit(keep)
        with self._lock:
            self._provisional = [] if final else segments[len(keep):]
        self._cursor = max(self._cursor, min(end, cursor_ms * SR // 1000))
        log.info("live window recording=%s %.1f-%.1fs kept=%d/%d in %.2fs final=%s", self.recording_id,
                 start / SR, end / SR, len(keep), len(segments), time.monotonic() - t0, final)

    def _final_voices(self) -> None:
        """After stop: the whole recording's voices replace the live guesses (short recordings)."""
        if self._voices is None or self.transcript_id is None:
            return
        from core.transcription.service import recording_audio

        repo = TranscriptRepo(self.vault)
        audio, timemap, _cut = recording_audio(self.vault, self.recording_id)
        voiced = self._voices.final(repo.segments(self.transcript_id), audio, timemap.to_source_s, self._cancel,
                                    recording_id=self.recording_id)
        if voiced is not None:
            repo.replace_segments(self.transcript_id, voiced)
            with self._lock:
                self._segments = repo.segments(self.transcript_id)

    def _commit(self, segments: list[Segment]) -> None:
        if not segments:
            return
        assert self.transcript_id is not None
        TranscriptRepo(self.vault).append_segments(self.transcript_id, segments)
        with self._lock:
            self._segments.extend(segments)
