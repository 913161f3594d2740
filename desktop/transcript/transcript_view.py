"""The Transcript tab: read, listen, correct, and confirm themes.

Reads and writes go through jobs; the widgets only show what the last load returned. Text
edits are committed when a passage loses focus and pushed on an undo stack (Ctrl+Z/Ctrl+Y).
"""

from __future__ import annotations

import bisect
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.jobs import Progress
from core.transcription.edits import Snapshot
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import Op, call, start_job
from desktop.transcript import edits
from desktop.transcript.player import Player
from desktop.transcript.segment_widget import SegmentWidget
from desktop.transcript.side_panel import SidePanel
from desktop.transcript.takes_bar import TakesBar
from desktop.transcript.voices_panel import VoicesPanel
from desktop.widgets.buttons import button
from desktop.widgets.job_status import JobStatus
from desktop.widgets.plain import clock

log = logging.getLogger(__name__)
# How long a passage asked for (a search result, the spot before a save) is held in view
# while the passages settle their heights. Layout on a loaded two-core laptop can take
# seconds; the reader scrolling ends the hold at once.
_HOLD_SECONDS = 10.0


@dataclass
class TranscriptData:
    transcript: Any = None
    segments: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    memos: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    questions: dict[str, str] = field(default_factory=dict)
    recording_id: int | None = None
    voices: list = field(default_factory=list)     # core.vault.voices.InterviewVoice
    has_voice_sample: bool = False


def _transcribe(vault: Any, interview_id: str, engine: str, model: str):
    """Typing up is one job: transcription, then questions, speakers and theme suggestions
    (issue 16), with one progress bar. Another take's transcript is not tagged: it waits
    beside the one in use (decision 0120)."""
    from core.jobs import in_sequence
    from core.transcription.service import make_transcribe_job

    def tag(transcript: Any) -> Any:
        if transcript is None or not transcript.is_current:
            return None
        from core.tagging.embed_process import shared_embedder
        from core.tagging.service import make_tag_job
        job = make_tag_job(vault, interview_id, embedder=shared_embedder())

        def keep_transcript(report: Any, cancel: Any) -> Any:
            job(report, cancel)
            return transcript
        return keep_transcript

    return in_sequence((8, lambda _: make_transcribe_job(vault, interview_id, engine=engine, model=model or None)),
                       (2, tag))


def _suggest(vault: Any, interview_id: str, required: bool):
    def suggest(report: Any, cancel: Any) -> None:
        report(Progress(0, None, "Suggesting themes"))
        edits.suggest_themes(vault, interview_id, report, cancel, required=required)
    return suggest


def _damage_notes(vault: Any, interview_id: str) -> list:
    from core.audio.takes import damage_notes
    return damage_notes(vault, interview_id)


def _set_speakers(vault: Any, segment_ids: list[int], speaker: str) -> None:
    from core.vault.transcripts import TranscriptRepo
    TranscriptRepo(vault).set_speakers(segment_ids, speaker)


def _voice_edit(vault: Any, action: str, interview_id: str, *args: Any) -> None:
    from core.speakers import edits as voice_edits
    getattr(voice_edits, action)(vault, interview_id, *args)


def _move_to_question(vault: Any, segment_id: int, question_id: str | None) -> None:
    from core.tagging.service import move_to_question
    move_to_question(vault, segment_id, question_id)


class _TextEdit(QUndoCommand):
    def __init__(self, view: TranscriptView, segment_id: int, old: str, new: str) -> None:
        super().__init__(view.tr("Edit text"))
        self.view, self.segment_id, self.old, self.new = view, segment_id, old, new
        self._first = True

    def redo(self) -> None:
        self.view.apply_text(self.segment_id, self.new, update_widget=not self._first)
        self._first = False

    def undo(self) -> None:
        self.view.apply_text(self.segment_id, self.old, update_widget=True)


class _StructureEdit(QUndoCommand):
    """A split or merge on the same undo stack as text edits: redo runs the edit (which
    returns a snapshot of the segments before it); undo puts that snapshot back."""

    def __init__(self, view: TranscriptView, label: str, fn: Any, *args: Any) -> None:
        super().__init__(label)
        self.view, self.fn, self.args = view, fn, args
        self.before: Snapshot | None = None

    def redo(self) -> None:
        self.view.run_structure_edit(self)

    def undo(self) -> None:
        if self.before is not None:
            self.view._write(edits.restore, self.before)

    @Slot(object)
    def remember(self, before: Snapshot) -> None:
        self.before = before


class TranscriptView(QWidget):
    interview_changed = Signal()
    loaded = Signal()
    transcribed = Signal()   # the transcription job finished (theme suggestion follows)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id = ""
        self.data = TranscriptData()
        self.widgets: list[SegmentWidget] = []
        self.current: SegmentWidget | None = None
        self._focus_after_load: int | None = None
        self._hold_segment: int | None = None   # the passage kept in view while layout settles
        self._keep_visible_until = 0.0
        self._restore_scroll: int | None = None
        self._picked: set[int] = set()
        self.undo_stack = QUndoStack(self)
        self.player = Player(ctx.overrides.get("output_stream_factory"))
        self._audio_rid: int | None = None
        self._damage_checked = ""   # the interview whose takes were last read back
        layout = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.transcribe_button = button(self.tr("Type it up"), self, role="primary",
                                        name="transcribe_button")
        self.suggest_button = button(self.tr("Suggest themes"), self)
        self.undo_button = button(self.tr("Undo"), self)
        self.redo_button = button(self.tr("Redo"), self)
        self.split_button = button(self.tr("Split at cursor"), self)
        self.merge_button = button(self.tr("Join with next"), self)
        for b in (self.transcribe_button, self.suggest_button, self.undo_button, self.redo_button,
                  self.split_button, self.merge_button):
            tools.addWidget(b)
        tools.addStretch(1)
        # Tick passages (the box by each time), then set who speaks in all of them.
        self.bulk_speaker = QComboBox(self)
        self.bulk_speaker.setObjectName("bulk_speaker")
        self.bulk_speaker.addItem(self.tr("Interviewer"), "interviewer")
        self.bulk_speaker.addItem(self.tr("Participant"), "participant")
        self.bulk_button = button(self.tr("Set speaker of ticked"), self, name="bulk_speaker_button")
        layout.addLayout(tools)
        self.takes = TakesBar(ctx, self)
        layout.addWidget(self.takes)
        # Audio the vault cannot read back (a damaged page): core says how much and where;
        # it plays and types up as silence, the rest as usual (decision 0157).
        self.damage = QLabel("", self)
        self.damage.setObjectName("audio_damage_note")
        self.damage.setWordWrap(True)
        self.damage.hide()
        layout.addWidget(self.damage)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        playbar = QHBoxLayout()
        self.play_button = button(self.tr("Play"), self, name="play_button")
        self.back_button = button(self.tr("\u2212 5 s"), self)
        self.fwd_button = button(self.tr("+ 5 s"), self)
        self.speed = QComboBox(self)
        for s in (0.75, 1.0, 1.25, 1.5):
            self.speed.addItem(f"{s:g}\u00d7", s)
        self.speed.setCurrentIndex(1)
        self.position = QLabel("00:00", self)
        for w in (self.play_button, self.back_button, self.fwd_button, self.speed, self.position):
            playbar.addWidget(w)
        playbar.addStretch(1)
        layout.addLayout(playbar)
        # Conversations wander: put the passage you are in under the question it answers.
        # (A row of its own: with the play bar it made the tab wider than a laptop screen.)
        passage_row = QHBoxLayout()
        passage_row.addWidget(QLabel(self.tr("This passage answers:"), self))
        self.move_question = QComboBox(self)
        self.move_question.setObjectName("move_question")
        self.move_question.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.move_question.setMinimumContentsLength(24)
        passage_row.addWidget(self.move_question, 1)
        passage_row.addStretch(1)
        passage_row.addWidget(self.bulk_speaker)
        passage_row.addWidget(self.bulk_button)
        layout.addLayout(passage_row)
        self.empty = QLabel(self.tr("No transcript yet. Record the interview, then press "
                                    "\u201cType it up\u201d."), self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        split = QSplitter(self)
        self.scroll = QScrollArea(split)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        self.side = SidePanel()
        self.voices = VoicesPanel(self.side)
        self.side.layout().insertWidget(0, self.voices)
        split.addWidget(self.scroll)
        # The panel scrolls on a short screen instead of making the whole tab taller than it.
        # A plain scroll area: its words wrap to the panel's width and it scrolls down (the
        # window's own scroll area ignores height-for-width on purpose; this one must not).
        side_area = QScrollArea(split)
        side_area.setWidgetResizable(True)
        side_area.setFrameShape(QFrame.Shape.NoFrame)
        side_area.setWidget(self.side)
        side_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_area.setMaximumWidth(440)
        # Never narrower than the panel itself (with room for its scroll bar): it scrolls up
        # and down on a short screen, never clips its words on the right.
        side_area.setMinimumWidth(self.side.minimumSizeHint().width()
                                  + side_area.verticalScrollBar().sizeHint().width() + 4)
        split.addWidget(side_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.scroll.setMinimumWidth(420)
        self.side.setMaximumWidth(420)
        split.setSizes([900, 340])
        layout.addWidget(split, 1)
        self._position_timer = QTimer(self)
        self._position_timer.setInterval(100)
        self._position_timer.timeout.connect(self._on_position)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.suggest_button.clicked.connect(self._on_suggest)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.split_button.clicked.connect(self._on_split)
        self.merge_button.clicked.connect(self._on_merge)
        self.play_button.clicked.connect(self._on_play)
        self.back_button.clicked.connect(self._on_back)
        self.fwd_button.clicked.connect(self._on_fwd)
        self.speed.currentIndexChanged.connect(self._on_speed)
        self.side.add_theme_requested.connect(self._on_add_theme)
        self.side.add_memo_requested.connect(self._on_add_memo)
        self.takes.take_chosen.connect(self._on_take_chosen)
        self.move_question.activated.connect(self._on_move_question)
        self.bulk_button.clicked.connect(self._on_bulk_speaker)
        self.voices.rename_requested.connect(self._on_rename_voice)
        self.voices.role_requested.connect(self._on_voice_role)
        self.voices.move_requested.connect(self._on_move_to_voice)
        self.voices.teach_requested.connect(self._on_teach_voice)
        self.voice_dialog: Any = None
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_scroll_range)
        # The reader's own scrolling (wheel, keys, dragging the bar) ends the hold on a
        # passage; until then the view keeps it in sight however long layout takes.
        self.scroll.verticalScrollBar().actionTriggered.connect(self._release_hold)
        self.scroll.verticalScrollBar().sliderPressed.connect(self._release_hold)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.undo_stack.redo)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

    # --- loading ------------------------------------------------------------------------
    def load(self, interview_id: str) -> None:
        if interview_id != self.interview_id:
            self.undo_stack.clear()
            self.player.stop()
            self._audio_rid = None
        self.interview_id = interview_id
        self._damage_checked = ""  # opening the interview reads its takes back (a new take, say)
        self.reload()

    def reload(self) -> None:
        if self.widgets and self._focus_after_load is None and not self._holding():
            # A save or a theme must not send the reader back to the top (issue 16).
            self._restore_scroll = self.scroll.verticalScrollBar().value()
        if self.ctx.session.is_unlocked and self.interview_id:
            vault, iid = self.ctx.session.vault, self.interview_id
            start_job(call(edits.load, vault, iid), self, succeeded=self._on_loaded,
                      name="transcript_load", serial=True)
            self.takes.load(iid)
            if iid != self._damage_checked:
                self._damage_checked = iid
                self.damage.hide()
                start_job(call(_damage_notes, vault, iid), self, succeeded=self._on_damage_notes,
                          name="audio_damage_check", serial=True)

    @Slot(object)
    def _on_damage_notes(self, notes: list) -> None:
        from core.messages import render
        from desktop.errors import interface_language
        language = interface_language()
        self.damage.setText("\n".join(render(m, language) for m in notes))
        self.damage.setVisible(bool(notes))

    @Slot()
    def _on_take_chosen(self) -> None:
        self.undo_stack.clear()  # the edits on the stack belong to the other take's text
        self.player.stop()
        self._audio_rid = None
        self._on_changed()

    def focus_segment(self, segment_id: int) -> None:
        """Scroll to a segment (after the next load if it is not shown yet)."""
        for w in self.widgets:
            if w.segment_id == segment_id:
                # Passages settle their heights over the next few events (each fits its
                # wrapped text); keep the one asked for in view while they do, or a search
                # result opens the transcript at the top (issue 16).
                self._hold_segment = segment_id
                self._keep_visible_until = time.monotonic() + _HOLD_SECONDS
                self.scroll.ensureWidgetVisible(w)
                w.text.setFocus()
                return
        self._focus_after_load = segment_id

    @Slot()
    def _release_hold(self, *_args: object) -> None:
        self._hold_segment = None
        self._restore_scroll = None
        self._keep_visible_until = 0.0

    @Slot(int, int)
    def _on_scroll_range(self, _min: int, _max: int) -> None:
        if self._restore_scroll is not None and time.monotonic() <= self._keep_visible_until:
            self.scroll.verticalScrollBar().setValue(self._restore_scroll)
            return
        if not self._holding():
            self._hold_segment = None
            return
        w = next((w for w in self.widgets if w.segment_id == self._hold_segment), None)
        if w is not None:
            self.scroll.ensureWidgetVisible(w)

    def _holding(self) -> bool:
        return self._hold_segment is not None and time.monotonic() <= self._keep_visible_until

    @Slot(object)
    def _on_loaded(self, data: TranscriptData) -> None:
        self.data = data
        labels = {t.id: t.label for t in data.themes}
        tags_by_segment: dict[int, list] = {}
        for tag in data.tags:
            tags_by_segment.setdefault(tag.segment_id, []).append(tag)
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        current_id = self.current.segment_id if self.current is not None else None
        self.widgets, self.current = [], None
        picked, self._picked = self._picked, set()
        labels_of_voices = {v.voice: v.label or v.voice for v in data.voices}
        last_q: object = object()
        for seg in data.segments:
            if seg.question_id != last_q:
                last_q = seg.question_id
                header = QLabel(data.questions.get(seg.question_id or "", "") if seg.question_id
                                else self.tr("Before the first question"), self.body)
                header.setProperty("heading", "2")
                header.setWordWrap(True)
                self.body_layout.addWidget(header)
            w = SegmentWidget(seg, self.body)
            w.set_voice(labels_of_voices.get(getattr(seg, "voice", ""), ""))
            w.set_tags(tags_by_segment.get(seg.id, []), labels)
            w.play_requested.connect(self.play_from)
            w.focused.connect(self._on_focused)
            w.text_committed.connect(self._on_text_committed)
            w.speaker_changed.connect(self._on_speaker)
            w.chip_accepted.connect(self._on_accept)
            w.chip_rejected.connect(self._on_reject)
            w.picked.connect(self._on_picked)
            if seg.id in picked:
                w.pick.setChecked(True)
            if seg.id == current_id:
                self.current = w
            self.body_layout.addWidget(w)
            self.widgets.append(w)
        self.body_layout.addStretch(1)
        self.empty.setVisible(not data.segments)
        self.transcribe_button.setText(self.tr("Type it up again") if data.segments
                                       else self.tr("Type it up"))
        self.side.set_themes(data.themes)
        self.side.set_memos(data.memos)
        self.move_question.clear()
        self.move_question.addItem(self.tr("Before the first question"), None)
        for qid, text in data.questions.items():
            self.move_question.addItem(text, qid)
        self._show_question_of(self.current)
        self.bulk_button.setEnabled(bool(self._picked))
        self.voices.set_voices(data.voices, data.has_voice_sample)
        self.voices.set_can_move(bool(self._picked))
        self.side.set_passage(self._passage_label(self.current))
        if self._focus_after_load is not None:
            self._restore_scroll = None
            sid, self._focus_after_load = self._focus_after_load, None
            QTimer.singleShot(0, lambda: self.focus_segment(sid))
        elif self._holding():
            # A second load landed (the result opened twice, a save): the passages were
            # rebuilt, so find the held one again instead of falling back to the top.
            held = self._hold_segment
            QTimer.singleShot(0, lambda: self.focus_segment(held) if held is not None else None)
        elif self._restore_scroll is not None:
            self._keep_visible_until = time.monotonic() + _HOLD_SECONDS
            self.scroll.verticalScrollBar().setValue(self._restore_scroll)
        self.loaded.emit()

    # --- transcription ------------------------------------------------------------------
    @Slot()
    def transcribe(self) -> None:
        if not self.ctx.session.is_unlocked or self.job.is_busy:
            return
        prefs = self.ctx.prefs
        # No model named: the interview's language picks it (Settings sets one per language).
        self.job.run(_transcribe(self.ctx.session.vault, self.interview_id, prefs.engine, ""), self.tr("Typing up the interview\u2026"),
                     succeeded=self._on_transcribed, name="transcribe")

    @Slot(object)
    def _on_transcribed(self, transcript: Any) -> None:
        self.transcribed.emit()
        self._on_changed()
        if transcript is not None and not getattr(transcript, "is_current", True):
            # Another take: it waits beside the transcript in use (decision 0120).
            self.job.say(self.tr("The new take is typed up. The transcript below is still the one "
                                 "in use; choose the new take above to work on it instead."))
            return
        options = getattr(transcript, "options", None) or {}
        if options.get("language_detected"):
            # No guide said the language: say which one was heard (core detected it).
            names = {"en": self.tr("English"), "es": self.tr("Spanish")}
            lang = getattr(transcript, "language", "")
            self.job.say(self.tr("Typed up in {language}: the language heard in the first 30 seconds.")
                         .format(language=names.get(lang, lang)))
            return
        self.job.say(self.tr("Typed up, with the questions and suggested themes."))

    @Slot()
    def _on_suggest(self) -> None:
        self._suggest(required=True)

    def _suggest(self, *, required: bool) -> None:
        if self.ctx.session.is_unlocked and not self.job.is_busy:
            self.job.run(_suggest(self.ctx.session.vault, self.interview_id, required),
                         self.tr("Suggesting themes\u2026"), succeeded=self._on_changed,
                         name="suggest_themes")

    @Slot(object)
    def _on_changed(self, _result: object = None) -> None:
        self.reload()
        self.interview_changed.emit()

    def _write(self, fn: Any, *args: Any, reload: bool = True) -> None:
        if not self.ctx.session.is_unlocked:
            return
        vault = self.ctx.session.vault
        start_job(call(fn, vault, *args), self,
                  succeeded=self._on_changed if reload else None,
                  name=getattr(fn, "__name__", "write"), serial=True)

    # --- editing ------------------------------------------------------------------------
    @Slot(object)
    def _on_focused(self, widget: SegmentWidget) -> None:
        self.current = widget
        if self._hold_segment is not None and widget.segment_id != self._hold_segment:
            self._release_hold()   # the reader moved to another passage: stop holding the old one
        self._show_question_of(widget)
        self.side.set_passage(self._passage_label(widget))

    def _passage_label(self, widget: SegmentWidget | None) -> str | None:
        if widget is None:
            return None
        words = widget.text.toPlainText().split()
        start = " ".join(words[:8]) + ("\u2026" if len(words) > 8 else "")
        return self.tr("{t} \u2014 \u201c{start}\u201d").format(t=clock(widget.segment.start_ms / 1000),
                                                                  start=start)

    @Slot(object, bool)
    def _on_picked(self, widget: SegmentWidget, on: bool) -> None:
        (self._picked.add if on else self._picked.discard)(widget.segment_id)
        self.bulk_button.setEnabled(bool(self._picked))
        self.voices.set_can_move(bool(self._picked))

    @Slot(str, str)
    def _on_rename_voice(self, voice: str, name: str) -> None:
        self._write(_voice_edit, "rename_voice", self.interview_id, voice, name)

    @Slot(str, str)
    def _on_voice_role(self, voice: str, role: str) -> None:
        self._write(_voice_edit, "set_voice_role", self.interview_id, voice, role)

    @Slot(str)
    def _on_move_to_voice(self, voice: str) -> None:
        ids = sorted(self._picked)
        if ids:
            self._picked.clear()
            self._write(_voice_edit, "move_to_voice", self.interview_id, ids, voice)

    @Slot()
    def _on_teach_voice(self) -> None:
        from desktop.voice.voice_dialog import show_voice_dialog
        self.voice_dialog = show_voice_dialog(self.ctx, self, self.voice_dialog, self.reload)

    @Slot()
    def _on_bulk_speaker(self) -> None:
        ids = sorted(self._picked)
        if not ids:
            return
        speaker = str(self.bulk_speaker.currentData())
        for w in self.widgets:
            if w.segment_id in self._picked:
                w.set_speaker(speaker)
                w.pick.setChecked(False)
        self._picked.clear()
        self.bulk_button.setEnabled(False)
        self._write(_set_speakers, ids, speaker, reload=False)

    def _show_question_of(self, widget: SegmentWidget | None) -> None:
        self.move_question.setEnabled(widget is not None and self.move_question.count() > 1)
        if widget is not None:
            self.move_question.setCurrentIndex(max(0, self.move_question.findData(widget.segment.question_id)))

    @Slot(int)
    def _on_move_question(self, index: int) -> None:
        w = self.current
        if w is None:
            return
        qid = self.move_question.itemData(index)
        if qid != w.segment.question_id:
            self._focus_after_load = w.segment_id
            self._write(_move_to_question, w.segment_id, qid)

    @Slot(object, str, str)
    def _on_text_committed(self, widget: SegmentWidget, old: str, new: str) -> None:
        self.undo_stack.push(_TextEdit(self, widget.segment_id, old, new))

    def apply_text(self, segment_id: int, text: str, *, update_widget: bool) -> None:
        if update_widget:
            for w in self.widgets:
                if w.segment_id == segment_id:
                    w.set_text(text)
        self._write(edits.set_text, segment_id, text, reload=False)
        self.interview_changed.emit()

    @Slot(object, str)
    def _on_speaker(self, widget: SegmentWidget, speaker: str) -> None:
        self._write(edits.set_speaker, widget.segment_id, speaker, reload=False)

    @Slot()
    def _on_split(self) -> None:
        w = self.current
        if w is None:
            return
        w.commit()
        at = w.text.textCursor().position()
        if not 0 < at < len(w.text.toPlainText()):
            self.job.say(self.tr("Click between two words, then press Split."))
            return
        self.undo_stack.push(_StructureEdit(self, self.tr("Split"), edits.split_undoable,
                                            w.segment_id, at))

    @Slot()
    def _on_merge(self) -> None:
        w = self.current
        if w is None:
            return
        w.commit()
        if self.widgets and w is self.widgets[-1]:
            self.job.say(self.tr("This is the last passage; there is nothing after it to join."))
            return
        self.undo_stack.push(_StructureEdit(self, self.tr("Join"), edits.merge_undoable,
                                            w.segment_id))

    def run_structure_edit(self, command: _StructureEdit) -> None:
        if not self.ctx.session.is_unlocked:
            return
        vault = self.ctx.session.vault
        (Op(self, call(command.fn, vault, *command.args), name="structure_edit")
         .success(command.remember).success(self._on_changed).run())

    @Slot(int)
    def _on_accept(self, tag_id: int) -> None:
        self._write(edits.accept_tag, tag_id)

    @Slot(int)
    def _on_reject(self, tag_id: int) -> None:
        self._write(edits.reject_tag, tag_id)

    @Slot(str)
    def _on_add_theme(self, theme_id: str) -> None:
        w = self.current
        if w is None:
            self.job.say(self.tr("First click into a passage and select some words."))
            return
        # The words selected there, even though the click on Add moved the focus away.
        span = w.selection if w.selection is not None else (None, None)
        w.commit()  # a fix typed just before must be saved before the theme is anchored
        self._write(edits.add_theme, self.interview_id, w.segment_id, theme_id, *span)

    @Slot(str, bool)
    def _on_add_memo(self, text: str, shared: bool) -> None:
        sid = self.current.segment_id if self.current is not None else None
        self._write(edits.add_memo, self.interview_id, text, sid, shared)

    # --- playback -----------------------------------------------------------------------
    @Slot(int)
    def play_from(self, start_ms: int) -> None:
        rid = self.data.recording_id
        if rid is None or not self.ctx.session.is_unlocked:
            return
        if self._audio_rid != rid:
            vault = self.ctx.session.vault
            self._pending_ms = start_ms
            start_job(call(edits.read_audio, vault, rid), self,
                      succeeded=self._on_audio, name="read_audio")
            return
        self.player.seek_ms(start_ms)
        self._play()

    @Slot(object)
    def _on_audio(self, audio: Any) -> None:
        self.player.set_audio(audio)
        self._audio_rid = self.data.recording_id
        self.player.seek_ms(getattr(self, "_pending_ms", 0))
        self._play()

    def _play(self) -> None:
        try:
            self.player.play()
        except Exception as exc:  # noqa: BLE001 - AudioError: no speaker
            show_error(self, exc)
            return
        self.play_button.setText(self.tr("Pause"))
        self._position_timer.start()

    @Slot()
    def _on_play(self) -> None:
        if self.player.is_playing:
            self.player.pause()
            self.play_button.setText(self.tr("Play"))
            self._position_timer.stop()
        else:
            self.play_from(self.player.position_ms)

    @Slot()
    def _on_back(self) -> None:
        self.player.skip_ms(-5000)

    @Slot()
    def _on_fwd(self) -> None:
        self.player.skip_ms(5000)

    @Slot(int)
    def _on_speed(self, _i: int) -> None:
        self.player.speed = float(self.speed.currentData())

    @Slot()
    def _on_position(self) -> None:
        ms = self.player.position_ms
        self.position.setText(clock(ms / 1000))
        starts = [w.segment.start_ms for w in self.widgets]
        i = bisect.bisect_right(starts, ms) - 1
        for j, w in enumerate(self.widgets):
            w.set_playing(j == i)
        if ms >= self.player.duration_ms:
            self._on_play()
