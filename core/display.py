"""Whether this machine can show the Confidant window (asked by `confidant app` before it
starts the desktop, and by the desktop itself; neither may import the other's code)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from core.message_texts import TEXTS

# Ids of core's catalogue (core/message_texts.py), so the CLI can say them in Spanish too.
NO_DISPLAY_MESSAGE = TEXTS["display.no_desktop"]
NO_DISPLAY_HINT = TEXTS["display.no_desktop.hint"]


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why a window cannot open here (None if it can, or if Qt was told where to draw).

    Without this, Qt prints "no Qt platform plugin could be initialized. Reinstalling the
    application may fix this problem" and aborts, which sends people the wrong way (issue 16).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_MESSAGE
