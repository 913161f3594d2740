"""`confidant app`: open the desktop window.

Re-executes ``python -m desktop`` with ``os.execv`` so the core never imports the desktop
package (or Qt): the import-linter contract stays true even for this command.
"""

from __future__ import annotations

import argparse
import os
import sys

from core.display import NO_DISPLAY_HINT, NO_DISPLAY_MESSAGE, display_problem

__all__ = ["NO_DISPLAY_HINT", "NO_DISPLAY_MESSAGE", "display_problem", "register"]


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


def cmd_app(args: argparse.Namespace) -> int:
    from core.errors import CoreError, Msg

    if display_problem() is not None:
        raise CoreError(Msg("display.no_desktop"), Msg("display.no_desktop.hint"))
    argv = app_argv(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
    return 0  # not reached
