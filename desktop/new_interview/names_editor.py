"""Names to protect, each with who they are (participant, supervisor, …), and workplace names.

The role becomes the placeholder a coordinator sees ([SUPERVISOR 1]); the names are hidden
from the start once "Find names and details" has run (issue 16).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from core.vault.interviews import PROTECTED_ROLES
from desktop.widgets.buttons import button

START_ROWS = 3


class NamesEditor(QWidget):
    """Rows of [name][role]; "Add another name" adds a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("names_editor")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        outer.addLayout(self.grid)
        self.rows: list[tuple[QLineEdit, QComboBox]] = []
        self.add_button = button(self.tr("Add another name"), self, name="add_name_button")
        outer.addWidget(self.add_button)
        self.add_button.clicked.connect(self._on_add)
        self.clear()

    def role_words(self) -> dict[str, str]:
        return {"participant": self.tr("the participant"), "supervisor": self.tr("a supervisor"),
                "manager": self.tr("a manager"), "co-worker": self.tr("a co-worker"),
                "family": self.tr("family"), "other": self.tr("someone else")}

    @Slot()
    def _on_add(self) -> None:
        self.add_row()
        self.rows[-1][0].setFocus()

    def add_row(self, name: str = "", role: str = "other") -> None:
        row = len(self.rows)
        edit = QLineEdit(name, self)
        edit.setObjectName(f"name_{row}")
        edit.setPlaceholderText(self.tr("A full name, e.g. Kevin Walsh") if row == 0 else "")
        combo = QComboBox(self)
        combo.setObjectName(f"role_{row}")
        words = self.role_words()
        for r in PROTECTED_ROLES:
            combo.addItem(words[r], r)
        combo.setCurrentIndex(PROTECTED_ROLES.index(role) if role in PROTECTED_ROLES else len(PROTECTED_ROLES) - 1)
        self.grid.addWidget(edit, row, 0)
        self.grid.addWidget(combo, row, 1)
        self.grid.setColumnStretch(0, 1)
        self.rows.append((edit, combo))

    def clear(self) -> None:
        for edit, combo in self.rows:
            edit.deleteLater()
            combo.deleteLater()
        self.rows = []
        self.add_row(role="participant")
        for _ in range(START_ROWS - 1):
            self.add_row()

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        """Fill the rows (tests, screenshots)."""
        self.clear()
        for i, (name, role) in enumerate(entries):
            if i >= len(self.rows):
                self.add_row()
            edit, combo = self.rows[i]
            edit.setText(name)
            combo.setCurrentIndex(PROTECTED_ROLES.index(role))

    def entries(self) -> list[tuple[str, str]]:
        return [(edit.text().strip(), str(combo.currentData())) for edit, combo in self.rows
                if edit.text().strip()]
