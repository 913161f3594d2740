"""`confidant app`: open the desktop window.

Re-executes ``python -m desktop`` with ``os.execv`` so the core never imports the desktop
package (or Qt): the import-linter contract stays true even for this command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help="open the Confidant window")
    p.add_argument("--language", choices=["en", "es"], help="interface language")
    p.set_defaults(handler=cmd_app)


def app_argv(args: argparse.Namespace) -> list[str]:
    """The command line that starts the desktop app with the same vault and language."""
    argv = [sys.executable, "-m", "desktop"]
    if getattr(args, "vault", None):
        argv += ["--vault", str(args.vault)]
    if getattr(args, "language", None):
        argv += ["--language", args.language]
    if getattr(args, "verbose", False):
        argv.append("--verbose")
    return argv


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


def cmd_app(args: argparse.Namespace) -> int:
    from core.errors import CoreError

    if display_problem() is not None:
        raise CoreError(NO_DISPLAY_MESSAGE, NO_DISPLAY_HINT)
    argv = app_argv(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
    return 0  # not reached
