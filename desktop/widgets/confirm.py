"""Yes/no questions with one swappable answerer, so offscreen tests can answer them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Answerer = Callable[[QWidget | None, str, str, str, str], bool]


def _dialog(parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(question)
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_btn


_answerer: Answerer = _dialog
asked: list[str] = []  # every question asked (tests read it)


def set_answerer(answerer: Answerer | None) -> None:
    """Replace the dialog (tests); None restores it."""
    global _answerer
    _answerer = answerer if answerer is not None else _dialog


def ask(parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool:
    """Ask a yes/no question with plain-word buttons; True when the person chose ``yes``."""
    asked.append(question)
    return _answerer(parent, title, question, yes, no)
