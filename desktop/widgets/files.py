"""File and folder choosers with one swappable implementation, so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget


class Chooser(Protocol):
    def save_file(self, parent: QWidget | None, title: str, suggested: str, filter_: str) -> Path | None: ...
    def open_files(self, parent: QWidget | None, title: str, filter_: str) -> list[Path]: ...
    def folder(self, parent: QWidget | None, title: str) -> Path | None: ...


class DialogChooser:
    """The real file dialogs."""

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filter_: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
        return Path(path) if path else None

    def open_files(self, parent: QWidget | None, title: str, filter_: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_)
        return [Path(p) for p in paths]

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title)
        return Path(path) if path else None


class FixedChooser:
    """A chooser that answers from prepared values (tests, screenshots)."""

    def __init__(self, save: Path | None = None, opens: list[Path] | None = None,
                 folder: Path | None = None) -> None:
        self.save, self.opens, self.chosen_folder = save, list(opens or []), folder

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filter_: str) -> Path | None:
        return self.save

    def open_files(self, parent: QWidget | None, title: str, filter_: str) -> list[Path]:
        return list(self.opens)

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        return self.chosen_folder


_chooser: Chooser = DialogChooser()


def set_chooser(chooser: Chooser | None) -> None:
    global _chooser
    _chooser = chooser if chooser is not None else DialogChooser()


def chooser() -> Chooser:
    return _chooser
