"""Whether this machine can show the Confidant window (asked by `confidant app` before it
starts the desktop, and by the desktop itself; neither may import the other's code)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY_MESSAGE = "There is no desktop session here, so the Confidant window cannot open."
NO_DISPLAY_HINT = ("Start it from the laptop's own desktop (not over SSH or in a plain console). "
                   "To see everything work without a window, run `make demo` (or `confidant demo`): "
                   "it runs the whole pipeline headless and says where its files are.")


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
