"""What every screen is given: the session (the unlocked vault) and the app preferences.

Passed explicitly to each view (no global main-window object reached from helpers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.preferences import Preferences
from desktop.session import Session


@dataclass
class AppContext:
    session: Session
    prefs: Preferences
    # Test and screenshot hooks: e.g. {"stream_factory": ...} for the recorder.
    overrides: dict[str, Any] = field(default_factory=dict)
