""""Teach Confidant your voice": why, the text to read, a 20-30 s recording, and the result.

The dialog adapts (``voice_work`` names core's functions): it explains in plain words what a
voice sample is and where it stays, records from the microphone into memory (the same
input stream as the Record tab; nothing is written outside the vault), shows a level meter
and the time, stops by itself after ``RECORD_S`` or on Stop, and hands the clip to core,
which refuses a silent or short one in plain words or stores it encrypted in the vault.
Then it says "Confidant knows your voice (recorded <date>)" with "Record again" and
"Forget my voice".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.speakers.sample import RECORD_S, explanation, reading
from desktop.context import AppContext
from desktop.errors import describe, interface_language, show_error
from desktop.jobs import call, start_job
from desktop.voice import voice_work
from desktop.widgets.buttons import button, heading, note
from desktop.widgets.confirm import ask
from desktop.widgets.job_status import JobStatus
from desktop.widgets.level_meter import LevelMeter
from desktop.widgets.plain import clock

POLL_MS = 50


class VoiceSampleDialog(QDialog):
    sample_changed = Signal()   # saved or forgotten: whoever shows "knows your voice" reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recorder: Any = None
        self.sample: Any = None
        self._starting = False
        self.setObjectName("voice_sample_dialog")
        self.setWindowTitle(self.tr("Teach Confidant your voice"))
        language = interface_language()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Teach Confidant your voice"), self))
        self.why = note(explanation(language), self)
        self.why.setObjectName("voice_explanation")
        layout.addWidget(self.why)
        self.status = QLabel("", self)
        self.status.setObjectName("voice_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        known_row = QHBoxLayout()
        self.again_button = button(self.tr("Record again"), self, name="voice_again")
        self.forget_button = button(self.tr("Forget my voice"), self, role="danger", name="voice_forget")
        known_row.addWidget(self.again_button)
        known_row.addWidget(self.forget_button)
        known_row.addStretch(1)
        layout.addLayout(known_row)
        self.reading_part = QWidget(self)
        part = QVBoxLayout(self.reading_part)
        part.setContentsMargins(0, 0, 0, 0)
        part.addWidget(note(self.tr("Press Start, then read this aloud at your normal pace. Recording "
                                    "stops by itself after {s} seconds.").format(s=int(RECORD_S)), self))
        self.text = QPlainTextEdit(reading(language), self.reading_part)
        self.text.setObjectName("voice_reading")
        self.text.setReadOnly(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)   # read aloud from a step away
        self.text.setFont(font)
        self.text.setMinimumHeight(200)
        part.addWidget(self.text, 1)
        # One row: the microphone, Start/Stop, the clock and the meter (fits a 768-pixel screen).
        controls = QHBoxLayout()
        self.device = QComboBox(self.reading_part)
        self.device.addItem(self.tr("System default"), None)
        self.device.setAccessibleName(self.tr("Microphone"))
        self.device.setToolTip(self.tr("Microphone"))
        self.record_button = button(self.tr("Start"), self.reading_part, role="primary", name="voice_record")
        self.elapsed = QLabel("", self.reading_part)
        self.elapsed.setObjectName("voice_elapsed")
        self.meter = LevelMeter(self.reading_part)
        controls.addWidget(self.record_button)
        controls.addWidget(self.elapsed)
        controls.addWidget(self.meter, 2)
        controls.addWidget(self.device, 1)
        part.addLayout(controls)
        layout.addWidget(self.reading_part, 1)
        self.problem = QLabel("", self)
        self.problem.setObjectName("voice_problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        self.close_button = button(self.tr("Close"), self, name="voice_close")
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self.record_button.clicked.connect(self._on_record)
        self.again_button.clicked.connect(self._on_again)
        self.forget_button.clicked.connect(self._on_forget)
        self.close_button.clicked.connect(self.close)
        ctx.session.locked.connect(self._on_locked)
        self.resize(680, 660)
        self._show_elapsed(0.0)
        self._show(None, asking=False)
        self.refresh()

    # --- what is kept -------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(voice_work.current_sample, self.ctx.session.vault), self,
                      succeeded=self._on_sample, name="voice_sample")
            start_job(call(voice_work.input_devices), self, succeeded=self._on_devices,
                      name="voice_devices", serial=False)

    @Slot(object)
    def _on_sample(self, sample: Any) -> None:
        self._show(sample, asking=sample is None)

    @Slot(object)
    def _on_devices(self, devices: list) -> None:
        chosen = self.device.currentData()
        self.device.clear()
        self.device.addItem(self.tr("System default"), None)
        for d in devices:
            self.device.addItem(d.name, d.index)
        self.device.setCurrentIndex(max(0, self.device.findData(chosen)))

    def _show(self, sample: Any, *, asking: bool) -> None:
        """Known voice: the date and Record again / Forget; asking: the text and Start."""
        self.sample = sample
        if sample is not None:
            day = QDate.fromString(sample.created_at[:10], Qt.DateFormat.ISODate)
            when = QLocale(interface_language()).toString(day, QLocale.FormatType.LongFormat)
            self.status.setText(self.tr("Confidant knows your voice (recorded {date}).").format(date=when))
        else:
            self.status.setText(self.tr("Confidant does not know your voice yet."))
        self.again_button.setVisible(sample is not None and not asking)
        self.forget_button.setVisible(sample is not None)
        self.reading_part.setVisible(asking or sample is None)

    # --- recording ----------------------------------------------------------------------------
    @property
    def is_recording(self) -> bool:
        return self.recorder is not None

    @Slot()
    def _on_again(self) -> None:
        self._show(self.sample, asking=True)

    @Slot()
    def _on_record(self) -> None:
        if self.is_recording:
            self.stop_and_learn()
        elif self.ctx.session.is_recording:
            # One microphone, one recording: the interview's must never be disturbed.
            self.problem.setText(self.tr("An interview is being recorded. Stop that recording first, "
                                         "then record your voice."))
        elif not self._starting and self.ctx.session.is_unlocked and not self.job.is_busy:
            self._starting = True
            self.problem.clear()
            self.record_button.setEnabled(False)
            factory = self.ctx.overrides.get("stream_factory")
            self.job.run(call(voice_work.start_recording, self.device.currentData(), factory),
                         self.tr("Starting the microphone\u2026"), succeeded=self._on_started,
                         failed=self._on_start_failed, name="voice_start")

    @Slot(object)
    def _on_started(self, recorder: Any) -> None:
        self._starting = False
        self.recorder = recorder
        self.job.say(self.tr("Recording. Read the text aloud."))
        self.record_button.setText(self.tr("Stop"))
        self.record_button.setEnabled(True)
        self.again_button.setEnabled(False)
        self.forget_button.setEnabled(False)
        self.device.setEnabled(False)
        self._poll.start()

    @Slot(object)
    def _on_start_failed(self, exc: BaseException) -> None:
        self._starting = False
        self.record_button.setEnabled(True)
        show_error(self, exc)

    @Slot()
    def _on_poll(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        peak, rms = rec.level
        self.meter.set_level(peak, rms)
        self._show_elapsed(rec.elapsed_s)
        if rec.is_full or rec.error is not None:
            self.stop_and_learn()

    def _show_elapsed(self, seconds: float) -> None:
        self.elapsed.setText(f"{clock(seconds)} / {clock(RECORD_S)}")

    def stop_and_learn(self) -> None:
        """Stop (by the person or by itself at the limit) and let core learn the voice."""
        recorder, self.recorder = self.recorder, None
        self._poll.stop()
        self.meter.set_level(0.0, 0.0)
        self.record_button.setText(self.tr("Start"))
        self.record_button.setEnabled(False)
        self.device.setEnabled(True)
        if recorder is None or not self.ctx.session.is_unlocked:
            return
        self.job.run(voice_work.learn_job(self.ctx.session.vault, recorder), self.tr("Learning your voice\u2026"),
                     succeeded=self._on_learned, failed=self._on_refused, name="voice_learn")

    @Slot(object)
    def _on_learned(self, sample: Any) -> None:
        self.job.say(self.tr("Saved in your vault. Interviews typed up from now on use it to find the "
                             "interviewer."))
        self._enable_after()
        self._show(sample, asking=False)
        self.sample_changed.emit()

    @Slot(object)
    def _on_refused(self, exc: BaseException) -> None:
        # Too short, silent, too little speech: said here, beside the text to read again.
        msg = describe(exc)
        self.problem.setText(f"{msg.message} {msg.hint}".strip())
        self.job.say(self.tr("Nothing was saved."))
        self._enable_after()
        if msg.is_bug:
            show_error(self, exc)

    def _enable_after(self) -> None:
        self.record_button.setEnabled(True)
        self.again_button.setEnabled(True)
        self.forget_button.setEnabled(True)

    # --- forgetting ---------------------------------------------------------------------------
    @Slot()
    def _on_forget(self) -> None:
        if self.is_recording or not self.ctx.session.is_unlocked:
            return
        if not ask(self, self.tr("Forget my voice?"),
                   self.tr("Confidant deletes your voice sample (the recording and the voice print) from "
                           "this vault. Interviews typed up after this find the interviewer from who asks "
                           "the questions."), self.tr("Forget my voice"), self.tr("Keep it")):
            return
        start_job(call(voice_work.forget, self.ctx.session.vault), self, succeeded=self._on_forgotten,
                  name="voice_forget")

    @Slot(object)
    def _on_forgotten(self, _deleted: object) -> None:
        self.job.say(self.tr("Your voice sample is deleted."))
        self._show(None, asking=True)
        self.sample_changed.emit()

    # --- leaving ------------------------------------------------------------------------------
    def discard_recording(self) -> None:
        """Drop a recording in progress (closing, locking): nothing heard is kept."""
        recorder, self.recorder = self.recorder, None
        self._poll.stop()
        if recorder is not None:
            recorder.discard()
        self.record_button.setText(self.tr("Start"))
        self.record_button.setEnabled(True)

    @Slot()
    def _on_locked(self) -> None:
        self.discard_recording()
        self.close()

    def closeEvent(self, event: Any) -> None:
        self.discard_recording()
        super().closeEvent(event)


def show_voice_dialog(ctx: AppContext, parent: QWidget, existing: VoiceSampleDialog | None,
                      on_changed: Any) -> VoiceSampleDialog:
    """Show the caller's dialog (made on first use, refreshed after); Settings and the Voices box."""
    dialog = existing
    if dialog is None:
        dialog = VoiceSampleDialog(ctx, parent.window())
        dialog.sample_changed.connect(on_changed)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog
