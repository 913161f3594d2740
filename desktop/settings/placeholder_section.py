"""Placeholder words in Spanish interviews: see and change how each role reads, with a preview.

Core decides (``core.deid.placeholder_words``): it lists the roles with their words, checks a
word as it is typed (the preview shows the placeholder or why the word cannot be one), and keeps
the words together or not at all. The screen only shows what core says.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from core.deid.placeholder_words import (
    RoleWord,
    check_word,
    choose_words,
    preview,
    reset_word,
    role_words,
)
from core.errors import CoreError
from desktop.context import AppContext
from desktop.errors import describe
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note

LANGUAGE = "es"
_ERROR_STYLE = "color:#B00020;"


def _reset_all(vault, roles: list[str]) -> list[RoleWord]:
    for entity_type in roles:
        reset_word(vault, LANGUAGE, entity_type)
    return role_words(vault, LANGUAGE)


class PlaceholderSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Placeholder words in Spanish interviews"), parent)
        self.ctx = ctx
        self.role_names = {
            "SUPERVISOR": self.tr("Supervisor"), "MANAGER": self.tr("Manager"),
            "CO-WORKER": self.tr("Co-worker"), "FAMILY": self.tr("Family member"),
            "PARTICIPANT": self.tr("Participant"), "OTHER": self.tr("Someone else"),
        }
        self.words: dict[str, QComboBox] = {}
        self.previews: dict[str, QLabel] = {}
        self.defaults: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "When a Spanish interview is de-identified, each person is replaced by a placeholder such as "
            "[SUPERVISORA/SUPERVISOR 1]. Spanish says whether a person is a woman or a man, and in a small "
            "workplace that alone can point at someone, so by default the placeholder names both forms. "
            "You can choose one form, or a word of your own, for example when your study has agreed it. "
            "New placeholders use the word; placeholders already given keep theirs."), self))
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Role"), self), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Word"), self), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Preview"), self), 0, 2)
        layout.addLayout(self.grid)
        self.problem = QLabel("", self)
        self.problem.setObjectName("placeholder_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(_ERROR_STYLE)
        layout.addWidget(self.problem)
        self.save_button = button(self.tr("Save the words"), self, name="placeholder_save")
        self.reset_button = button(self.tr("Back to the defaults"), self, name="placeholder_reset")
        layout.addWidget(self.save_button)
        layout.addWidget(self.reset_button)
        self.status = QLabel("", self)
        self.status.setObjectName("placeholder_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.save_button.clicked.connect(self._on_save)
        self.reset_button.clicked.connect(self._on_reset)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(role_words, self.ctx.session.vault, LANGUAGE), self, succeeded=self._on_roles,
                      name="placeholder_words")

    def _row(self, role: RoleWord) -> None:
        row = len(self.words) + 1
        box = QComboBox(self)
        box.setObjectName(f"placeholder_word_{role.entity_type}")
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(list(role.suggestions))
        label = QLabel("", self)
        label.setObjectName(f"placeholder_preview_{role.entity_type}")
        self.grid.addWidget(QLabel(self.role_names.get(role.entity_type, role.entity_type), self), row, 0)
        self.grid.addWidget(box, row, 1)
        self.grid.addWidget(label, row, 2)
        self.words[role.entity_type], self.previews[role.entity_type] = box, label
        box.editTextChanged.connect(self._on_typed)

    @Slot(object)
    def _on_roles(self, roles: list[RoleWord]) -> None:
        for role in roles:
            if role.entity_type not in self.words:
                self._row(role)
            self.defaults[role.entity_type] = role.default
            box = self.words[role.entity_type]
            box.blockSignals(True)
            box.setEditText(role.word)
            box.blockSignals(False)
        self._on_typed("")

    def _checked(self) -> tuple[dict[str, str], str]:
        """({role: word as core will keep it}, the first problem in the person's language)."""
        words, problem = {}, ""
        for entity_type, box in self.words.items():
            try:
                word = check_word(box.currentText())
            except CoreError as exc:
                self.previews[entity_type].setText("\u2716")
                self.previews[entity_type].setStyleSheet(_ERROR_STYLE)
                if not problem:
                    shown = describe(exc)
                    problem = f"{self.role_names.get(entity_type, entity_type)}: {shown.message} {shown.hint}"
                continue
            words[entity_type] = word
            self.previews[entity_type].setText(f"{preview(word)}, {preview(word, 2)}")
            self.previews[entity_type].setStyleSheet("")
        return words, problem

    @Slot(str)
    def _on_typed(self, _text: str) -> None:
        _words, problem = self._checked()
        self.problem.setText(problem)
        self.save_button.setEnabled(not problem)
        self.status.setText("")

    @Slot()
    def _on_save(self) -> None:
        words, problem = self._checked()
        if problem or not self.ctx.session.is_unlocked:
            return
        start_job(call(choose_words, self.ctx.session.vault, LANGUAGE, words), self, succeeded=self._on_saved,
                  name="placeholder_save", serial=True)

    @Slot()
    def _on_reset(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_reset_all, self.ctx.session.vault, list(self.words)), self,
                      succeeded=self._on_saved, name="placeholder_reset", serial=True)

    @Slot(object)
    def _on_saved(self, roles: list[RoleWord]) -> None:
        self._on_roles(roles)
        self.status.setText(self.tr("Saved. New placeholders in Spanish interviews will use these words."))
