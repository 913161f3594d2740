"""``show_error(parent, exc)``: the only path from an exception to a dialog.

A ``CoreError`` shows its ``user_message`` and ``hint``. ``Cancelled`` shows nothing here
(views say "Stopped." in their own status line). Anything else is a bug: the person sees a
plain message, their work is reassured as safe, and "Copy details" puts the traceback on the
clipboard for a bug report. Details never include participant data: tracebacks hold code
locations and exception types; core errors never carry transcript text or names.

Tests replace the presenter with ``set_presenter`` (a fake that records what was shown),
because a modal dialog would block an offscreen test.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import Cancelled, CoreError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def interface_language() -> str:
    """The language the interface is shown in ("en", "es").

    The catalogue names its own language (the string "en" translates to "es"), so this follows
    exactly the translator installed, whatever the locale says.
    """
    return QCoreApplication.translate("language", "en") or "en"


def say(msg: Any) -> str:
    """A core message with an id (``Msg`` or ``Join``) in the interface's language."""
    from core.messages import catalogue
    return str(msg.render(catalogue(interface_language())))


@dataclass(frozen=True)
class ErrorMessage:
    """What a person is told: a title, the message, what to do next, and bug details."""

    title: str
    message: str
    hint: str
    details: str = ""
    is_bug: bool = False


def describe(exc: BaseException) -> ErrorMessage:
    """Turn an exception into words for people (no dialog; used by views and tests)."""
    if isinstance(exc, CoreError):
        from core.messages import localise_error  # core's catalogue: stable ids, Qt-free
        message, hint = localise_error(exc, interface_language(), desktop=True)
        return ErrorMessage(QCoreApplication.translate("errors", "Confidant"), _tr(message), _tr(hint) if hint else "")
    details = getattr(exc, "__confidant_traceback__", "") or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__))
    return ErrorMessage(
        QCoreApplication.translate("errors", "Confidant"),
        QCoreApplication.translate("errors", "Something unexpected went wrong."),
        QCoreApplication.translate("errors", "Your recordings and notes are safe. Try again; if it happens again, "
            "press \u201cCopy details\u201d and send them to whoever supports you."),
        details=details, is_bug=True)


def _dialog_presenter(parent: QWidget | None, msg: ErrorMessage) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical if msg.is_bug else QMessageBox.Icon.Warning)
    box.setWindowTitle(msg.title)
    box.setText(msg.message)
    if msg.hint:
        box.setInformativeText(msg.hint)
    copy = None
    if msg.details:
        copy = box.addButton(QCoreApplication.translate("errors", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if copy is not None and box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(msg.details)


Presenter = Callable[[QWidget | None, ErrorMessage], None]
_presenter: Presenter = _dialog_presenter


def set_presenter(presenter: Presenter | None) -> None:
    """Replace how errors are shown (tests); None restores the dialog."""
    global _presenter
    _presenter = presenter if presenter is not None else _dialog_presenter


def show_error(parent: QWidget | None, exc: BaseException) -> ErrorMessage | None:
    """Show ``exc`` to the person. Returns what was shown, or None for ``Cancelled``."""
    if isinstance(exc, Cancelled):
        return None
    msg = describe(exc)
    if msg.is_bug:
        log.error("unexpected error %s", type(exc).__name__)
    else:
        log.info("showing %s", type(exc).__name__)
    _presenter(parent, msg)
    return msg
