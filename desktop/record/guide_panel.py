"""The guide panel: the current question in large type, its probes, and "Next question"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QVBoxLayout, QWidget

from desktop.widgets.buttons import button


class GuidePanel(QFrame):
    """Shows one question at a time; ``next_pressed(question_id)`` when moving on."""

    next_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_panel")
        self.questions: list = []       # core.guide.model.Question
        self.sections: dict[str, str] = {}
        self.index = -1
        layout = QVBoxLayout(self)
        self.position = QLabel("", self)
        self.position.setProperty("note", "1")
        self.section = QLabel("", self)
        self.section.setProperty("heading", "2")
        self.question = QLabel("", self)
        self.question.setObjectName("current_question")
        self.question.setWordWrap(True)
        self.probes = QLabel("", self)
        self.probes.setObjectName("probes")
        self.probes.setWordWrap(True)
        self.next_button = button(self.tr("Next question  (Space / N)"), self, role="primary",
                                  name="next_button")
        # Conversations do not follow the guide's order: pick the question being answered
        # (or press its number, 1-9). Never takes the keyboard focus, so Space stays "Next".
        self.jump = QComboBox(self)
        self.jump.setObjectName("question_jump")
        self.jump.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Long question texts must not widen the panel (that would squeeze the Record buttons).
        self.jump.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.jump.setMinimumContentsLength(12)
        for w in (self.position, self.section, self.question, self.probes):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.jump)
        layout.addWidget(self.next_button)
        self.next_button.clicked.connect(self.advance)
        self.jump.activated.connect(self._on_jump)
        self.set_guide(None)

    def set_guide(self, guide: object | None) -> None:
        """Load a ``core.guide.model.Guide`` (or None for an interview without one)."""
        self.questions = list(guide.questions()) if guide is not None else []  # type: ignore[attr-defined]
        self.sections = {}
        if guide is not None:
            for s in guide.sections:  # type: ignore[attr-defined]
                for q in s.questions:
                    self.sections[q.id] = s.title
        self.index = -1
        self.jump.blockSignals(True)
        self.jump.clear()
        self.jump.addItem(self.tr("Answering another question? Pick it here (or press 1\u20139)"), None)
        for i, q in enumerate(self.questions, 1):
            self.jump.addItem(f"{i}. {q.text}", q.id)
        self.jump.blockSignals(False)
        self.jump.setVisible(bool(self.questions))
        self._show()

    @property
    def current_id(self) -> str | None:
        if 0 <= self.index < len(self.questions):
            return self.questions[self.index].id
        return None

    def start(self) -> str | None:
        """Recording started: show the first question; returns its id."""
        self.index = 0 if self.questions else -1
        self._show()
        return self.current_id

    def go_to(self, index: int) -> None:
        """Move to question ``index`` (0-based) in any order; emits ``next_pressed``."""
        if not 0 <= index < len(self.questions) or self.index < 0:
            return
        self.index = index
        self._show()
        self.next_pressed.emit(self.current_id or "")

    @Slot(int)
    def _on_jump(self, item: int) -> None:
        self.jump.setCurrentIndex(0)
        if item > 0:
            self.go_to(item - 1)

    @Slot()
    def advance(self) -> None:
        if self.index + 1 >= len(self.questions):
            self.index = len(self.questions)
            self._show()
            self.next_pressed.emit("")
            return
        self.index += 1
        self._show()
        self.next_pressed.emit(self.current_id or "")

    def _show(self) -> None:
        n = len(self.questions)
        if not n:
            self.position.setText("")
            self.section.setText("")
            self.question.setText(self.tr("This interview has no guide. Press Next question "
                                          "to mark where each new topic starts."))
            self.probes.setText("")
            return
        if self.index < 0:
            self.position.setText(self.tr("{n} questions").format(n=n))
            self.section.setText(self.sections.get(self.questions[0].id, ""))
            self.question.setText(self.questions[0].text)
            self.probes.setText(self.tr("Start recording, then ask this first question."))
            return
        if self.index >= n:
            self.position.setText(self.tr("All {n} questions asked").format(n=n))
            self.section.setText("")
            self.question.setText(self.tr("Ask if there is anything else they want to say, "
                                          "then thank them and stop the recording."))
            self.probes.setText("")
            return
        q = self.questions[self.index]
        self.position.setText(self.tr("Question {i} of {n}").format(i=self.index + 1, n=n))
        self.section.setText(self.sections.get(q.id, ""))
        self.question.setText(q.text)
        self.probes.setText("\n".join(f"\u2022 {p}" for p in q.probes))
