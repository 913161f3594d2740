"""Edit a copy of a guide without YAML: questions and probes, their themes, the codebook and
the consent script; save it as a new version. Interviews keep the version they used.

Every rule is core's (``GuideDraft.problems``/``finish``, ``save_new_version``): the dialog
shows the draft, writes each edit into it as it is typed, and lists what stops saving in
plain words under the buttons (a fixed-height line, so nothing moves under the pointer).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.guide.draft import GuideDraft
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note

_ROLE = Qt.ItemDataRole.UserRole


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class GuideEditorDialog(QDialog):
    saved = Signal(object)   # the StoredGuide of the new version

    def __init__(self, ctx: AppContext, draft: GuideDraft, version: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.draft, self.version = ctx, draft, version
        self._loading = False
        self.setWindowTitle(self.tr("Edit interview guide"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(draft.title, self)
        form.addRow(self.tr("Title"), self.title)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setCurrentIndex(max(0, self.language.findData(draft.language)))
        form.addRow(self.tr("Language"), self.language)
        self.version_label = QLabel(self.tr("Saved as version %1. Interviews keep the version they "
                                            "used.").replace("%1", version), self)
        form.addRow(self.tr("Version"), self.version_label)
        layout.addLayout(form)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._questions_tab(), self.tr("Questions"))
        self.tabs.addTab(self._themes_tab(), self.tr("Themes"))
        self.consent = QPlainTextEdit(draft.consent_script, self)
        self.tabs.addTab(self.consent, self.tr("Consent script"))
        layout.addWidget(self.tabs, 1)
        self.problems = QLabel("", self)
        self.problems.setObjectName("guide_problems")
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Save as new version"), self, role="primary", name="save_guide")
        self.close_button = button(self.tr("Close without saving"), self)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.title.textChanged.connect(self._on_details)
        self.language.currentIndexChanged.connect(self._on_details)
        self.consent.textChanged.connect(self._on_details)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.reject)
        self.resize(900, 620)
        self._fill_questions()
        self._fill_themes()
        self._check()

    # --- building -----------------------------------------------------------------------
    def _questions_tab(self) -> QWidget:
        tab = QWidget(self)
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        self.questions = QListWidget(tab)
        self.questions.setObjectName("guide_questions")
        left.addWidget(self.questions, 1)
        buttons = QHBoxLayout()
        self.add_question = button(self.tr("Add question"), tab)
        self.up_button = button(self.tr("Up"), tab)
        self.down_button = button(self.tr("Down"), tab)
        self.delete_question = button(self.tr("Delete"), tab)
        for b in (self.add_question, self.up_button, self.down_button, self.delete_question):
            buttons.addWidget(b)
        left.addLayout(buttons)
        self.add_section = button(self.tr("Add section"), tab)
        left.addWidget(self.add_section)
        row.addLayout(left, 1)
        right = QFormLayout()
        self.question_text = QPlainTextEdit(tab)
        self.question_text.setObjectName("question_text")
        right.addRow(self.tr("Question"), self.question_text)
        self.probes = QPlainTextEdit(tab)
        right.addRow(self.tr("Follow-up prompts\n(one per line)"), self.probes)
        self.question_themes = QListWidget(tab)
        right.addRow(self.tr("Themes its answers\nmay touch"), self.question_themes)
        row.addLayout(right, 2)
        self.questions.currentRowChanged.connect(self._on_question_selected)
        self.question_text.textChanged.connect(self._on_question_edited)
        self.probes.textChanged.connect(self._on_question_edited)
        self.question_themes.itemChanged.connect(self._on_question_edited)
        self.add_question.clicked.connect(self._on_add_question)
        self.up_button.clicked.connect(self._on_up)
        self.down_button.clicked.connect(self._on_down)
        self.delete_question.clicked.connect(self._on_delete_question)
        self.add_section.clicked.connect(self._on_add_section)
        return tab

    def _themes_tab(self) -> QWidget:
        tab = QWidget(self)
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        self.themes = QListWidget(tab)
        self.themes.setObjectName("guide_themes")
        left.addWidget(self.themes, 1)
        buttons = QHBoxLayout()
        self.add_theme = button(self.tr("Add theme"), tab)
        self.delete_theme = button(self.tr("Delete theme"), tab)
        buttons.addWidget(self.add_theme)
        buttons.addWidget(self.delete_theme)
        left.addLayout(buttons)
        row.addLayout(left, 1)
        right = QFormLayout()
        self.theme_label = QLineEdit(tab)
        right.addRow(self.tr("Name"), self.theme_label)
        self.theme_description = QPlainTextEdit(tab)
        right.addRow(self.tr("What it means"), self.theme_description)
        self.theme_examples = QPlainTextEdit(tab)
        right.addRow(self.tr("Examples of what\npeople say (one per line)"), self.theme_examples)
        right.addRow(note(self.tr("Changing a theme's name changes it for new versions only."), tab))
        row.addLayout(right, 2)
        self.themes.currentRowChanged.connect(self._on_theme_selected)
        for widget in (self.theme_label, self.theme_description, self.theme_examples):
            widget.textChanged.connect(self._on_theme_edited)
        self.add_theme.clicked.connect(self._on_add_theme)
        self.delete_theme.clicked.connect(self._on_delete_theme)
        return tab

    # --- the question list: a flat list of (section, index), section titles as headers ---
    def _fill_questions(self, select: tuple[int, int] | None = None) -> None:
        self._loading = True
        self.questions.clear()
        number = 0
        chosen = -1
        for si, section in enumerate(self.draft.sections):
            header = QListWidgetItem(section.title or self.tr("(untitled section)"))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setData(_ROLE, None)
            self.questions.addItem(header)
            for qi, question in enumerate(section.questions):
                number += 1
                item = QListWidgetItem(f"{number}. {question.text.strip() or self.tr('(no text yet)')}")
                item.setData(_ROLE, (si, qi))
                self.questions.addItem(item)
                if select == (si, qi):
                    chosen = self.questions.count() - 1
        self._loading = False
        if chosen < 0:
            chosen = next((i for i in range(self.questions.count())
                           if self.questions.item(i).data(_ROLE) is not None), -1)
        self.questions.setCurrentRow(chosen)
        self._on_question_selected(chosen)

    def _current(self) -> tuple[int, int] | None:
        item = self.questions.currentItem()
        return item.data(_ROLE) if item is not None else None

    @Slot(int)
    def _on_question_selected(self, _row: int) -> None:
        place = self._current()
        self._loading = True
        self.question_themes.clear()
        for theme in self.draft.themes:
            item = QListWidgetItem(theme.label)
            item.setData(_ROLE, theme.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.question_themes.addItem(item)
        if place is None:
            self.question_text.setPlainText("")
            self.probes.setPlainText("")
        else:
            question = self.draft.sections[place[0]].questions[place[1]]
            self.question_text.setPlainText(question.text)
            self.probes.setPlainText("\n".join(question.probes))
            for i in range(self.question_themes.count()):
                item = self.question_themes.item(i)
                if item.data(_ROLE) in question.themes:
                    item.setCheckState(Qt.CheckState.Checked)
        for widget in (self.question_text, self.probes, self.question_themes):
            widget.setEnabled(place is not None)
        self._loading = False

    @Slot()
    def _on_question_edited(self, *_args: object) -> None:
        place = self._current()
        if self._loading or place is None:
            return
        question = self.draft.sections[place[0]].questions[place[1]]
        question.text = self.question_text.toPlainText()
        question.probes = _lines(self.probes.toPlainText())
        question.themes = [self.question_themes.item(i).data(_ROLE)
                           for i in range(self.question_themes.count())
                           if self.question_themes.item(i).checkState() == Qt.CheckState.Checked]
        item = self.questions.currentItem()
        number = item.text().split(".", 1)[0]
        item.setText(f"{number}. {question.text.strip() or self.tr('(no text yet)')}")
        self._check()

    @Slot()
    def _on_add_question(self) -> None:
        place = self._current()
        section, after = (place[0], place[1]) if place else (max(0, len(self.draft.sections) - 1), None)
        if not self.draft.sections:
            self.draft.add_section(self.tr("Questions"))
        question = self.draft.add_question(section, "", after=after)
        index = self.draft.sections[section].questions.index(question)
        self._fill_questions((section, index))
        self.question_text.setFocus()
        self._check()

    @Slot()
    def _on_add_section(self) -> None:
        section = self.draft.add_section(self.tr("New section"))
        self.draft.add_question(self.draft.sections.index(section), "")
        self._fill_questions((len(self.draft.sections) - 1, 0))
        self._check()

    def _move(self, delta: int) -> None:
        place = self._current()
        if place is not None:
            self._fill_questions(self.draft.move_question(place[0], place[1], delta))
            self._check()

    @Slot()
    def _on_up(self) -> None:
        self._move(-1)

    @Slot()
    def _on_down(self) -> None:
        self._move(+1)

    @Slot()
    def _on_delete_question(self) -> None:
        place = self._current()
        if place is not None:
            self.draft.delete_question(*place)
            self._fill_questions()
            self._check()

    # --- themes --------------------------------------------------------------------------
    def _fill_themes(self, select: int = 0) -> None:
        self._loading = True
        self.themes.clear()
        for theme in self.draft.themes:
            self.themes.addItem(theme.label or self.tr("(no name yet)"))
        self._loading = False
        self.themes.setCurrentRow(min(select, self.themes.count() - 1))
        self._on_theme_selected(self.themes.currentRow())

    @Slot(int)
    def _on_theme_selected(self, row: int) -> None:
        self._loading = True
        has = 0 <= row < len(self.draft.themes)
        theme = self.draft.themes[row] if has else None
        self.theme_label.setText(theme.label if theme else "")
        self.theme_description.setPlainText(theme.description if theme else "")
        self.theme_examples.setPlainText("\n".join(theme.examples) if theme else "")
        for widget in (self.theme_label, self.theme_description, self.theme_examples):
            widget.setEnabled(has)
        self._loading = False

    @Slot()
    def _on_theme_edited(self, *_args: object) -> None:
        row = self.themes.currentRow()
        if self._loading or not 0 <= row < len(self.draft.themes):
            return
        old_id = self.draft.themes[row].id
        theme = self.draft.rename_theme(old_id, self.theme_label.text())
        theme.description = self.theme_description.toPlainText()
        theme.examples = _lines(self.theme_examples.toPlainText())
        self.themes.item(row).setText(theme.label or self.tr("(no name yet)"))
        for i in range(self.question_themes.count()):  # the question pane shows the new name too
            if self.question_themes.item(i).data(_ROLE) == old_id:
                self._loading = True
                self.question_themes.item(i).setText(theme.label)
                self.question_themes.item(i).setData(_ROLE, theme.id)
                self._loading = False
        self._check()

    @Slot()
    def _on_add_theme(self) -> None:
        self.draft.add_theme(self.tr("New theme"))
        self._fill_themes(len(self.draft.themes) - 1)
        self._on_question_selected(self.questions.currentRow())
        self.theme_label.selectAll()
        self.theme_label.setFocus()
        self._check()

    @Slot()
    def _on_delete_theme(self) -> None:
        row = self.themes.currentRow()
        if 0 <= row < len(self.draft.themes):
            self.draft.delete_theme(self.draft.themes[row].id)
            self._fill_themes(max(0, row - 1))
            self._on_question_selected(self.questions.currentRow())
            self._check()

    # --- details, checks, saving ------------------------------------------------------------
    @Slot()
    def _on_details(self, *_args: object) -> None:
        self.draft.title = self.title.text()
        self.draft.language = self.language.currentData()
        self.draft.consent_script = self.consent.toPlainText()
        self._check()

    def _check(self) -> None:
        from core.messages import render
        from desktop.errors import interface_language
        language = interface_language()
        problems = [render(m, language) for m in self.draft.problem_messages()]
        self.problems.setText("\n".join(problems[:3]) + (self.tr("\n(and %1 more)").replace(
            "%1", str(len(problems) - 3)) if len(problems) > 3 else ""))
        self.save_button.setEnabled(not problems)

    @Slot()
    def _on_save(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        self.save_button.setEnabled(False)
        start_job(call(_save, self.ctx.session.vault, self.draft), self,
                  succeeded=self._on_saved, failed=self._on_failed, name="save_guide", serial=True)

    @Slot(object)
    def _on_saved(self, stored: object) -> None:
        self.saved.emit(stored)
        self.accept()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc)


def _save(vault, draft: GuideDraft):
    from core.study.guide_versions import save_new_version
    return save_new_version(vault, draft)
