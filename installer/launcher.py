"""Entry point of the installed (PyInstaller) app.

With no arguments, or `app`, it opens the desktop app; anything else is the `confidant`
command line (`confidant --version`, `confidant demo`, ...). `-m desktop` is accepted too,
because `confidant app` re-executes the interpreter that way when not frozen.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # the transcription engine runs in a spawned child
    args = sys.argv[1:]
    if args[:2] == ["-m", "desktop"]:
        args = args[2:]
        sys.argv = [sys.argv[0], *args]
        return _desktop()
    if not args or args[0] == "app":
        sys.argv = [sys.argv[0], *args[1:]]
        return _desktop()
    from core.cli import main as cli_main
    return cli_main(args)


def _desktop() -> int:
    from desktop.app import main as desktop_main
    return int(desktop_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
