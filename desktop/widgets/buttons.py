"""Button helpers: the stylesheet sizes buttons by their ``role`` property."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def button(text: str, parent: QWidget | None = None, *, role: str = "", name: str = "") -> QPushButton:
    """A push button; role is "primary" (big, filled), "big", "danger" or "" (ordinary)."""
    btn = QPushButton(text, parent)
    if role:
        btn.setProperty("role", role)
    if name:
        btn.setObjectName(name)
    btn.setAutoDefault(False)
    return btn


def heading(text: str, parent: QWidget | None = None, *, level: int = 1):
    """A heading label (``level`` 1 or 2) styled by the stylesheet."""
    from PySide6.QtWidgets import QLabel
    label = QLabel(text, parent)
    label.setProperty("heading", str(level))
    label.setWordWrap(True)
    return label


def note(text: str, parent: QWidget | None = None):
    """A wrapped explanatory paragraph in plain words."""
    from PySide6.QtWidgets import QLabel
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("note", "1")
    return label
