"""The right-hand panel: add a theme to the selected words, and memos."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.buttons import button, heading, note


class SidePanel(QWidget):
    add_theme_requested = Signal(str)          # theme id
    add_memo_requested = Signal(str, bool)     # text, shared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Themes"), self, level=2))
        layout.addWidget(note(self.tr("Click a suggested theme under a passage to accept it, "
                                      "or \u2715 to reject it. To add one, select words in a "
                                      "passage, choose a theme and press Add."), self))
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme_choice")
        layout.addWidget(self.theme)
        self.add_theme_button = button(self.tr("Add theme to the selected words"), self,
                                       name="add_theme_button")
        layout.addWidget(self.add_theme_button)
        layout.addWidget(heading(self.tr("Notes"), self, level=2))
        self.memos = QListWidget(self)
        self.memos.setMinimumHeight(48)  # the panel must fit a 1366x768 screen
        layout.addWidget(self.memos, 1)
        # Which passage a new note belongs to, so nobody writes it against the wrong one.
        self.passage = QLabel("", self)
        self.passage.setObjectName("memo_passage")
        self.passage.setWordWrap(True)
        self.passage.setProperty("note", "1")
        layout.addWidget(self.passage)
        self.memo_text = QPlainTextEdit(self)
        self.memo_text.setObjectName("memo_text")
        self.memo_text.setPlaceholderText(self.tr("A note about this passage\u2026"))
        lines = self.memo_text.fontMetrics().lineSpacing()
        self.memo_text.setMinimumHeight(5 * lines + 12)  # several lines, no scroll bar for a sentence
        self.memo_text.setMaximumHeight(7 * lines + 12)
        layout.addWidget(self.memo_text)
        self.set_passage(None)
        self.memo_shared = QCheckBox(self.tr("Share this note with the coordinator"), self)
        layout.addWidget(self.memo_shared)
        self.add_memo_button = button(self.tr("Add note"), self)
        layout.addWidget(self.add_memo_button)
        self.add_theme_button.clicked.connect(self._on_add_theme)
        self.add_memo_button.clicked.connect(self._on_add_memo)

    def set_passage(self, label: str | None) -> None:
        """Say which passage the next note is about (None: the interview as a whole)."""
        self.passage.setText(self.tr("Note about the passage at {p}").format(p=label) if label
                             else self.tr("Note about the whole interview (click into a passage "
                                          "to write about it)"))

    def set_themes(self, themes: list) -> None:
        self.theme.clear()
        for t in themes:
            self.theme.addItem(t.label, t.id)

    def set_memos(self, memos: list) -> None:
        self.memos.clear()
        for m in memos:
            shared = self.tr(" (shared)") if m.is_shared else ""
            self.memos.addItem(f"{m.text}{shared}")

    @Slot()
    def _on_add_theme(self) -> None:
        if self.theme.currentData():
            self.add_theme_requested.emit(str(self.theme.currentData()))

    @Slot()
    def _on_add_memo(self) -> None:
        text = self.memo_text.toPlainText().strip()
        if text:
            self.add_memo_requested.emit(text, self.memo_shared.isChecked())
            self.memo_text.clear()
            self.memo_shared.setChecked(False)


