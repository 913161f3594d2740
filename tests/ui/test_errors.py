"""show_error: core errors show message and hint; bugs show a plain message and details."""

from __future__ import annotations

from core.errors import Cancelled, WrongPassphrase
from desktop.errors import show_error


def test_core_error_shows_message_and_hint(qtbot, shown_errors):
    msg = show_error(None, WrongPassphrase())
    assert shown_errors == [msg]
    assert msg.message == WrongPassphrase.user_message
    assert msg.hint == WrongPassphrase.hint and not msg.is_bug


def test_unexpected_error_is_plain_with_details(qtbot, shown_errors):
    try:
        {}["missing"]
    except KeyError as exc:
        msg = show_error(None, exc)
    assert msg.is_bug and "KeyError" in msg.details
    assert "missing" not in msg.message  # people see plain words, not the exception text
    assert "safe" in msg.hint


def test_cancelled_shows_nothing(qtbot, shown_errors):
    assert show_error(None, Cancelled()) is None
    assert shown_errors == []
