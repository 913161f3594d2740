"""The Record tab. The UI thread only flips switches on the recorder (queue puts) and polls
its level and clock with a QTimer; starting and stopping touch the vault, so they are jobs.

A running recording is never discarded: stopping always stores what was captured, closing
the window asks first, and locking leaves it running behind the lock screen.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.record.guide_panel import GuidePanel
from desktop.record.input_check import InputCheck
from desktop.widgets.buttons import button
from desktop.widgets.confirm import ask
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus
from desktop.widgets.level_meter import LevelMeter
from desktop.widgets.plain import clock

log = logging.getLogger(__name__)
POLL_MS = 50
LIVE_POLL_MS = 1000


@dataclass
class RecordSetup:
    guide: Any = None
    devices: list = field(default_factory=list)
    latest: Any = None   # core.vault.recordings.Recording | None
    takes: int = 0       # recordings that hold audio (a new one is Take takes + 1)
    typed_up: bool = False  # the latest take has a finished transcript


def _load(vault: Any, interview_id: str) -> RecordSetup:
    from core.errors import CoreError
    from core.vault.recordings import RecordingRepo
    recordings = RecordingRepo(vault).for_interview(interview_id)
    setup = RecordSetup(latest=recordings[-1] if recordings else None,
                        takes=sum(1 for r in recordings if r.total_samples > 0))
    if setup.latest is not None:
        from core.vault.transcripts import TranscriptRepo
        t = TranscriptRepo(vault).latest_for_recording(setup.latest.id)
        setup.typed_up = t is not None and t.state == "complete"
    from core.vault.guides import GuideRepo
    stored = GuideRepo(vault).for_interview(interview_id)
    setup.guide = stored.guide if stored else None
    try:
        from core.audio.devices import list_input_devices
        setup.devices = list_input_devices()
    except CoreError:
        setup.devices = []
    return setup


def _start(vault: Any, interview_id: str, device: Any, overrides: dict[str, Any]) -> tuple[Any, Any]:
    from core.audio.capture import Recorder
    recorder = Recorder(vault, interview_id, device=device,
                        stream_factory=overrides.get("stream_factory"))
    recorder.start()
    live = None
    if overrides.get("live_transcript", True):
        try:
            from core.transcription.live import LiveTranscriber
            live = LiveTranscriber(vault, recorder.recording_id)
            live.start()
        except Exception:  # noqa: BLE001 - live text is a bonus; the recording matters
            log.warning("live transcript unavailable", exc_info=False)
            live = None
    return recorder, live


def _stop(recorder: Any, live: Any) -> tuple[int, Any]:
    """Stop and keep the audio; returns the recording id and the finished live transcript."""
    rid = recorder.stop()
    transcript = None
    if live is not None:
        try:
            transcript = live.finish()
        except Exception:  # noqa: BLE001 - the full transcription can still run later
            log.warning("live transcript did not finish")
            live.stop()
    return rid, transcript


def _warm_theme_model() -> None:
    """Load the theme model while the interview is recorded (a child process: no stall)."""
    try:
        from core.tagging.embed_process import shared_embedder
        shared_embedder().warm_up()
    except Exception:  # noqa: BLE001 - suggestions can still load when asked for
        log.warning("could not warm up the theme model")


def _tag(vault: Any, interview_id: str):
    """Questions, speakers and theme suggestions for a finished live transcript."""
    from core.tagging.embed_process import shared_embedder
    from core.tagging.service import make_tag_job
    return make_tag_job(vault, interview_id, embedder=shared_embedder())


class RecordView(QWidget):
    recording_started = Signal()
    recording_finished = Signal()
    transcribe_requested = Signal()
    interview_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id = ""
        self.recorder: Any = None
        self.live: Any = None
        self.check = InputCheck()
        self._stopping = False
        self._takes = 0
        self.setObjectName("record_view")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        layout.addLayout(left, 3)
        self.guide_panel = GuidePanel(self)
        layout.addWidget(self.guide_panel, 2)
        self.off_banner = QLabel("", self)
        self.off_banner.setObjectName("off_record_banner")
        self.off_banner.setWordWrap(True)
        self.off_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The banner keeps its place when hidden: if it pushed the buttons down, Stop recording
        # would slide under the finger that just pressed Off the record.
        policy = self.off_banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.off_banner.setSizePolicy(policy)
        self.off_banner.setFixedHeight(52)
        left.addWidget(self.off_banner)
        device_row = QHBoxLayout()
        device_row.addWidget(QLabel(self.tr("Microphone"), self))
        self.device = QComboBox(self)
        device_row.addWidget(self.device, 1)
        left.addLayout(device_row)
        self.record_button = button(self.tr("Start recording"), self, role="primary",
                                    name="record_button")
        self.record_button.setMinimumHeight(90)
        left.addWidget(self.record_button)
        row = QHBoxLayout()
        self.pause_button = button(self.tr("Pause"), self, role="big", name="pause_button")
        self.off_button = button(self.tr("Off the record"), self, role="big", name="off_button")
        self.off_button.setCheckable(True)
        # Equal halves whatever their words: "Back on the record" is longer than "Off the
        # record", and a button that grows when pressed moves under the next tap.
        for b in (self.pause_button, self.off_button):
            policy = b.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            b.setSizePolicy(policy)
            b.setMinimumWidth(120)
            row.addWidget(b, 1)
        left.addLayout(row)
        self.elapsed = QLabel("00:00", self)
        self.elapsed.setObjectName("elapsed")
        self.elapsed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meter = LevelMeter(self)
        # Clock and meter share a row so the Record tab fits a 1366x768 laptop screen.
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.elapsed)
        clock_row.addWidget(self.meter, 1)
        left.addLayout(clock_row)
        self.warning = QLabel("", self)
        self.warning.setObjectName("input_warning")
        self.warning.setWordWrap(True)
        # Fixed room for two lines, so a warning never moves what lies below it.
        self.warning.setFixedHeight(2 * self.warning.fontMetrics().lineSpacing() + 6)
        left.addWidget(self.warning)
        self.saved = QLabel("", self)
        self.saved.setWordWrap(True)
        self.saved.setFixedHeight(2 * self.saved.fontMetrics().lineSpacing() + 6)
        # What was saved sits beside what to do with it: one row, so the tab fits 1366x768.
        after = QHBoxLayout()
        after.addWidget(self.saved, 1)
        self.transcribe_button = button(self.tr("Type it up now"), self, role="primary",
                                        name="transcribe_button")
        self.import_button = button(self.tr("Use an audio file instead\u2026"), self)
        after.addWidget(self.transcribe_button)
        after.addWidget(self.import_button)
        left.addLayout(after)
        self.job = JobStatus(self)
        left.addWidget(self.job)
        left.addWidget(QLabel(self.tr("What has been said so far"), self))
        self.live_text = QPlainTextEdit(self)
        self.live_text.setReadOnly(True)
        self.live_text.setObjectName("live_text")
        self.live_text.setMinimumHeight(60)
        left.addWidget(self.live_text, 1)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._live_poll = QTimer(self)
        self._live_poll.setInterval(LIVE_POLL_MS)
        self._live_poll.timeout.connect(self._on_live_poll)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.pause_button.clicked.connect(self._on_pause)
        self.off_button.toggled.connect(self._on_off_record)
        self.transcribe_button.clicked.connect(self.transcribe_requested)
        self.import_button.clicked.connect(self._on_import)
        self.guide_panel.next_pressed.connect(self._on_next)
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self, activated=self.guide_panel.advance)
        self.n_key = QShortcut(QKeySequence(Qt.Key.Key_N), self, activated=self.guide_panel.advance)
        # 1-9 jump to that question of the guide (conversations do not follow its order).
        self.number_keys = [QShortcut(QKeySequence(str(n)), self) for n in range(1, 10)]
        for n, shortcut in enumerate(self.number_keys, 1):
            # A QShortcut fires on the UI thread, so a partial is safe here (no worker signal).
            shortcut.activated.connect(partial(self.jump_to, n))
        for shortcut in (self.space, self.n_key, *self.number_keys):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_controls()

    # --- state ----------------------------------------------------------------------------
    @property
    def is_recording(self) -> bool:
        return self.recorder is not None

    def _update_controls(self) -> None:
        recording = self.is_recording and not self._stopping
        self.record_button.setText(self.tr("Stop recording") if self.is_recording
                                   else self.tr("Start recording"))
        self.record_button.setProperty("role", "danger" if self.is_recording else "primary")
        self.record_button.style().unpolish(self.record_button)
        self.record_button.style().polish(self.record_button)
        self.record_button.setEnabled(not self._stopping and bool(self.interview_id))
        self.pause_button.setEnabled(recording)
        self.off_button.setEnabled(recording)
        self.guide_panel.next_button.setEnabled(recording)
        self.space.setEnabled(recording)
        self.n_key.setEnabled(recording)
        self.guide_panel.jump.setEnabled(recording)
        for shortcut in getattr(self, "number_keys", []):
            shortcut.setEnabled(recording)
        self.device.setEnabled(not self.is_recording)
        self.import_button.setEnabled(not self.is_recording)
        # Space and N belong to "Next question" while recording: never let them press the
        # focused Stop button by accident.
        focus = Qt.FocusPolicy.NoFocus if recording else Qt.FocusPolicy.StrongFocus
        self.record_button.setFocusPolicy(focus)
        off = bool(self.recorder is not None and self.recorder.is_off_record)
        self.setProperty("offrecord", "1" if off else "0")
        self.style().unpolish(self)
        self.style().polish(self)
        self.off_banner.setVisible(off)
        if off:
            keep = self.recorder.capture_off_record
            self.off_banner.setText(self.tr("OFF THE RECORD \u2014 kept privately, never shared")
                                    if keep else self.tr("OFF THE RECORD \u2014 nothing is being kept"))
        self.off_button.setText(self.tr("Back on the record") if off else self.tr("Off the record"))

    # --- loading --------------------------------------------------------------------------
    def load(self, interview_id: str) -> None:
        if self.is_recording:
            return  # the running recording owns this view
        self.interview_id = interview_id
        self._takes = 0
        self.live_text.clear()
        self.saved.clear()
        self.transcribe_button.hide()
        self._update_controls()
        if self.ctx.session.is_unlocked:
            start_job(call(_load, self.ctx.session.vault, interview_id), self,
                      succeeded=self._on_loaded, name="record_load")

    @Slot(object)
    def _on_loaded(self, setup: RecordSetup) -> None:
        self.guide_panel.set_guide(setup.guide)
        self.device.clear()
        self.device.addItem(self.tr("System default"), None)
        for d in setup.devices:
            self.device.addItem(d.name, d.index)
        self._takes = setup.takes
        latest = setup.latest
        if latest is not None and (latest.total_samples or latest.state == "recovered"):
            self._show_saved(latest.total_samples / latest.sample_rate_hz)
            # "Type it up now" only while there is something left to type up.
            self.transcribe_button.setVisible(not setup.typed_up)
            if latest.state == "recovered":
                # Recovered at unlock (core.audio.recovery): say so, so nobody records twice.
                self.saved.setText(self.saved.text() + " " + self.tr(
                    "It was cut short when Confidant or the computer stopped; everything "
                    "recorded until then was recovered."))

    def _show_saved(self, seconds: float) -> None:
        self.saved.setText(self.tr("A recording of {t} is saved, locked on this computer.").format(
            t=clock(seconds)))
        self.transcribe_button.show()

    # --- recording ------------------------------------------------------------------------
    @Slot()
    def _on_record_clicked(self) -> None:
        if self.is_recording:
            self.stop_recording()
        else:
            self.start_recording()

    def _another_take_ok(self) -> bool:
        """Ask before a second take (decision 0120); True when there is none yet or they agree."""
        return not self._takes or ask(
            self, self.tr("Record another take?"),
            self.tr("This interview already has a recording. Recording again makes Take {n} "
                    "beside it: the earlier take, its transcript and its themes stay as they "
                    "are, and you choose afterwards which take's transcript to work on."
                    ).format(n=self._takes + 1),
            self.tr("Record Take {n}").format(n=self._takes + 1), self.tr("Cancel"))

    def start_recording(self) -> None:
        if self.is_recording or not self.interview_id or not self.ctx.session.is_unlocked:
            return
        if not self._another_take_ok():
            return
        self.record_button.setEnabled(False)
        vault, iid, device = self.ctx.session.vault, self.interview_id, self.device.currentData()
        overrides = dict(self.ctx.overrides)
        self.job.run(call(_start, vault, iid, device, overrides),
                     self.tr("Starting the microphone\u2026"), succeeded=self._on_started,
                     failed=self._on_start_failed, name="record_start")

    @Slot(object)
    def _on_started(self, result: tuple[Any, Any]) -> None:
        self.recorder, self.live = result
        self.ctx.session.recorder = self.recorder
        self.check.reset(time.monotonic())
        first = self.guide_panel.start()
        if first:
            self.recorder.next_question(first)
        self.job.say(self.tr("Recording."))
        self.saved.clear()
        self.transcribe_button.hide()
        self._poll.start()
        if self.live is not None:
            self._live_poll.start()
        if self.ctx.overrides.get("warm_theme_model", True):
            _warm_theme_model()
        self._update_controls()
        self.recording_started.emit()
        self.interview_changed.emit()  # the header shows "Recording…"

    @Slot(object)
    def _on_start_failed(self, exc: BaseException) -> None:
        self._update_controls()
        show_error(self, exc)

    def jump_to(self, number: int) -> None:
        """Key ``number`` (1-9): that question of the guide is being answered now."""
        self.guide_panel.go_to(number - 1)

    @Slot(str)
    def _on_next(self, question_id: str) -> None:
        if self.recorder is not None:
            self.recorder.next_question(question_id or None)

    @Slot()
    def _on_pause(self) -> None:
        if self.recorder is None:
            return
        if self.recorder.is_paused:
            self.recorder.resume()
            self.pause_button.setText(self.tr("Pause"))
        else:
            self.recorder.pause()
            self.pause_button.setText(self.tr("Continue"))

    @Slot(bool)
    def _on_off_record(self, on: bool) -> None:
        if self.recorder is not None:
            self.recorder.set_off_record(on)
        self._update_controls()

    def stop_recording(self) -> None:
        """Stop and keep everything (also from the lock screen and when closing)."""
        if self.recorder is None or self._stopping:
            return
        self._stopping = True
        self._poll.stop()
        self._live_poll.stop()
        self._update_controls()
        recorder, live = self.recorder, self.live
        # Not cancellable on purpose: locking cancels jobs, and this one saves the audio.
        self.job.run(call(_stop, recorder, live), self.tr("Saving the recording\u2026"),
                     succeeded=self._on_stopped, failed=self._on_stop_failed, name="record_stop",
                     cancellable=False)

    @Slot(object)
    def _on_stopped(self, result: tuple[int, Any]) -> None:
        seconds = self.recorder.elapsed_s if self.recorder is not None else 0.0
        if seconds > 0:
            self._takes += 1
        self._finish_recording()
        self._show_saved(seconds)
        self.job.say(self.tr("Recording saved."))
        transcript = result[1]
        if transcript is not None and transcript.is_current and self.ctx.session.is_unlocked:
            # The live text is there: finish typing up with questions and themes, so the
            # transcript never shows "Who?" on every line and no headings (issue 16).
            self.transcribe_button.hide()
            self.job.run(_tag(self.ctx.session.vault, self.interview_id),
                         self.tr("Finishing the typing up: questions and themes\u2026"),
                         succeeded=self._on_typed_up, failed=self._on_tag_failed, name="tag_after_live")
        elif transcript is not None:
            self.transcribe_button.hide()
            self.job.say(self.tr("Recording saved and typed up as a new take. Choose it on the "
                                 "Transcript tab to work on it."))

    @Slot(object)
    def _on_typed_up(self, _summary: object) -> None:
        self.job.say(self.tr("Recording saved and typed up."))
        self.interview_changed.emit()

    @Slot(object)
    def _on_tag_failed(self, exc: BaseException) -> None:
        # The transcript is saved; only the suggestions are missing, and they can be asked for.
        self.job.say(self.tr("Recording saved and typed up. Themes can be suggested on the "
                             "Transcript tab."))
        show_error(self, exc)

    @Slot(object)
    def _on_stop_failed(self, exc: BaseException) -> None:
        self._finish_recording()
        show_error(self, exc)

    def _finish_recording(self) -> None:
        self.recorder = self.live = None
        self._stopping = False
        self.off_button.setChecked(False)
        self.pause_button.setText(self.tr("Pause"))
        self.meter.set_level(0.0, 0.0)
        self.warning.clear()
        self.ctx.session.recording_ended()
        self._update_controls()
        self.recording_finished.emit()
        self.interview_changed.emit()

    @Slot()
    def _on_poll(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        peak, rms = rec.level
        self.meter.set_level(peak, rms)
        self.elapsed.setText(clock(rec.elapsed_s))
        if rec.error is not None and not self._stopping:
            error = rec.error
            self.stop_recording()
            show_error(self, error)
            return
        if rec.is_paused or rec.is_off_record:
            self.warning.clear()
            return
        state = self.check.update(peak, rms, time.monotonic())
        self.warning.setProperty("level", state)
        self.warning.setText({
            "silent": self.tr("We hear nothing. Check the microphone is plugged in and not muted."),
            "clipping": self.tr("Too loud: move the microphone a little further away."),
        }.get(state, ""))

    @Slot()
    def _on_live_poll(self) -> None:
        if self.live is None:
            return
        try:
            segments = self.live.segments_so_far()
            provisional = getattr(self.live, "provisional_so_far", list)()
        except Exception:  # noqa: BLE001 - the live view must never disturb the recording
            return
        text = "\n".join(s.text.strip() for s in segments + provisional)
        if text == self.live_text.toPlainText():
            return
        bar = self.live_text.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        self.live_text.setPlainText(text)
        if at_end:  # follow the newest words, unless the person scrolled up to read
            bar.setValue(bar.maximum())

    def on_locked(self) -> None:
        """Locking: the recording keeps going; nothing else to do here."""

    # --- import ---------------------------------------------------------------------------
    @Slot()
    def _on_import(self) -> None:
        paths = chooser().open_files(self, self.tr("Choose the audio file"),
                                     self.tr("Audio (*.wav *.flac *.ogg *.mp3 *.m4a)"))
        if not paths or not self.ctx.session.is_unlocked or not self._another_take_ok():
            return
        from core.audio.importer import make_import_job
        self.job.run(make_import_job(self.ctx.session.vault, self.interview_id, paths[0]),
                     self.tr("Bringing in the audio file\u2026"), succeeded=self._on_imported,
                     name="import_audio")

    @Slot(object)
    def _on_imported(self, _recording_id: int) -> None:
        self.interview_changed.emit()
        self.load(self.interview_id)
