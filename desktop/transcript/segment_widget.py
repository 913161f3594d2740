"""One transcript segment: time (click to play), speaker, editable text, theme chips."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.plain import clock

LOW_CONFIDENCE = 0.5
SAVE_AFTER_MS = 800  # a pause in typing saves the fix (not only leaving the box)


def low_confidence_spans(text: str, words: list) -> list[tuple[int, int]]:
    """Character spans of words the engine was unsure of (found in order in ``text``)."""
    spans, pos = [], 0
    for w in words:
        token = w.word.strip()
        if not token:
            continue
        at = text.find(token, pos)
        if at < 0:
            continue
        pos = at + len(token)
        if w.probability < LOW_CONFIDENCE:
            spans.append((at, pos))
    return spans


class SegmentWidget(QFrame):
    play_requested = Signal(int)          # start_ms
    focused = Signal(object)              # self
    text_committed = Signal(object, str, str)  # self, old, new
    speaker_changed = Signal(object, str)
    chip_accepted = Signal(int)           # tag id
    chip_rejected = Signal(int)
    picked = Signal(object, bool)         # self, ticked (for changing several speakers at once)

    def __init__(self, segment: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment = segment
        self.setObjectName("segment")
        self.setProperty("playing", "0")
        # Exactly as tall as its content: a crowded page scrolls instead of squashing chips.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.time_button = QPushButton(clock(segment.start_ms / 1000), self)  # type: ignore[attr-defined]
        self.time_button.setToolTip(self.tr("Play from here"))
        self.time_button.setProperty("role", "link")
        self.speaker = QComboBox(self)
        self.speaker.addItem(self.tr("Who?"), "")
        self.speaker.addItem(self.tr("Interviewer"), "interviewer")
        self.speaker.addItem(self.tr("Participant"), "participant")
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(segment.speaker)))  # type: ignore[attr-defined]
        # Tick several passages, then set who speaks in all of them at once.
        self.pick = QCheckBox(self)
        self.pick.setObjectName("pick")
        self.pick.setToolTip(self.tr("Pick this passage to change the speaker of several at once"))
        self.pick.setAccessibleName(self.tr("Pick this passage"))
        top.addWidget(self.pick)
        top.addWidget(self.time_button)
        # Whose voice this is (Confidant heard it; rename or move it in the Voices box).
        self.voice = QLabel("", self)
        self.voice.setObjectName("voice")
        self.voice.setProperty("note", "1")
        self.voice.setVisible(False)
        top.addWidget(self.voice)
        top.addWidget(self.speaker)
        top.addStretch(1)
        layout.addLayout(top)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(segment.text)  # type: ignore[attr-defined]
        self.text.setUndoRedoEnabled(False)  # the view's undo stack owns undo across segments
        # The box grows with its text (wrapped at the current width) instead of scrolling, so
        # no passage is ever half hidden, at any width or scaling.
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.text.installEventFilter(self)
        layout.addWidget(self.text)
        self.chips = QHBoxLayout()
        self.chips.addStretch(1)
        layout.addLayout(self.chips)
        self._committed = segment.text  # type: ignore[attr-defined]
        # The words last selected here: clicking "Add theme" elsewhere must still code them.
        self.selection: tuple[int, int] | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.commit)
        self.text.textChanged.connect(self._on_typed)
        self.text.selectionChanged.connect(self._on_selection)
        self.pick.toggled.connect(self._on_pick)
        self.time_button.clicked.connect(self._on_time)
        self.speaker.currentIndexChanged.connect(self._on_speaker)
        self.mark_low_confidence()

    def set_voice(self, label: str) -> None:
        """Show whose voice this passage is (hidden when voices are unknown)."""
        self.voice.setText(label)
        self.voice.setVisible(bool(label))

    @Slot()
    def _fit_height(self, *_args: object) -> None:
        block = self.text.document().firstBlock()
        lines = 0
        while block.isValid():
            lines += max(1, block.lineCount())
            block = block.next()
        margins = self.text.contentsMargins()
        height = (max(1, lines) * self.text.fontMetrics().lineSpacing() + margins.top()
                  + margins.bottom() + int(2 * self.text.document().documentMargin()) + 2)
        if self.text.height() != height:
            self.text.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_height)  # after re-wrapping; cancelled if deleted

    @property
    def segment_id(self) -> int:
        return int(self.segment.id)  # type: ignore[attr-defined]

    def mark_low_confidence(self) -> None:
        if self.segment.is_edited:  # type: ignore[attr-defined]
            return
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#b26a00"))
        fmt.setToolTip(self.tr("Not sure about this word: listen and check"))
        for start, end in low_confidence_spans(self.text.toPlainText(), self.segment.words):  # type: ignore[attr-defined]
            cur = QTextCursor(self.text.document())
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)

    def set_text(self, text: str) -> None:
        """Programmatic change (undo/redo): no commit signal."""
        self._committed = text
        self.text.setPlainText(text)
        self._save_timer.stop()

    @Slot()
    def _on_typed(self) -> None:
        if self.text.toPlainText() != self._committed:
            self._save_timer.start()

    @Slot()
    def _on_selection(self) -> None:
        cur = self.text.textCursor()
        if cur.hasSelection():
            self.selection = (min(cur.selectionStart(), cur.selectionEnd()),
                              max(cur.selectionStart(), cur.selectionEnd()))
        elif self.text.hasFocus():
            self.selection = None  # a click inside without selecting: nothing selected now

    @Slot(bool)
    def _on_pick(self, on: bool) -> None:
        self.picked.emit(self, on)

    def set_speaker(self, speaker: str) -> None:
        """Show a speaker set elsewhere (several at once) without a change signal."""
        self.speaker.blockSignals(True)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(speaker)))
        self.speaker.blockSignals(False)

    def set_playing(self, playing: bool) -> None:
        value = "1" if playing else "0"
        if self.property("playing") != value:
            self.setProperty("playing", value)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_tags(self, tags: list, labels: dict[str, str]) -> None:
        while self.chips.count() > 1:
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for tag in tags:
            if tag.state == "rejected":
                continue
            label = labels.get(tag.code_id, tag.code_id)
            chip = QPushButton(label if tag.state == "accepted" else f"+ {label}", self)
            chip.setProperty("chip", tag.state)
            chip.setToolTip(self.tr("Suggested: click to accept") if tag.state == "suggested"
                            else self.tr("Accepted theme"))
            chip.setProperty("tag_id", tag.id)
            chip.clicked.connect(self._on_chip)
            self.chips.insertWidget(self.chips.count() - 1, chip)
            reject = QPushButton("\u2715", self)
            reject.setProperty("chip", "reject")
            reject.setToolTip(self.tr("Not this theme"))
            reject.setAccessibleName(self.tr("Reject {theme}").format(theme=label))
            reject.setProperty("tag_id", tag.id)
            reject.clicked.connect(self._on_reject)
            self.chips.insertWidget(self.chips.count() - 1, reject)

    def chip_buttons(self) -> list[QPushButton]:
        out = []
        for i in range(self.chips.count()):
            w = self.chips.itemAt(i).widget()
            if isinstance(w, QPushButton) and w.property("chip") in ("suggested", "accepted"):
                out.append(w)
        return out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text:
            if event.type() == QEvent.Type.FocusIn:
                self.focused.emit(self)
            elif event.type() == QEvent.Type.FocusOut:
                self.commit()
        return False

    @Slot()
    def commit(self) -> None:
        self._save_timer.stop()
        new = self.text.toPlainText()
        if new != self._committed:
            old, self._committed = self._committed, new
            self.text_committed.emit(self, old, new)

    @Slot()
    def _on_time(self) -> None:
        self.play_requested.emit(int(self.segment.start_ms))  # type: ignore[attr-defined]

    @Slot(int)
    def _on_speaker(self, _i: int) -> None:
        self.speaker_changed.emit(self, str(self.speaker.currentData()))

    @Slot()
    def _on_chip(self) -> None:
        btn = self.sender()
        if btn is not None and btn.property("chip") == "suggested":
            self.chip_accepted.emit(int(btn.property("tag_id")))

    @Slot()
    def _on_reject(self) -> None:
        btn = self.sender()
        if btn is not None:
            self.chip_rejected.emit(int(btn.property("tag_id")))


