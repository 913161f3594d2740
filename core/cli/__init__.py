"""The ``confidant`` command: headless use of every core service.

Each ``*_cmds.py`` module in this package registers its own sub-commands (found
automatically, so capabilities do not edit one shared list). Handlers import heavy modules
(torch, Whisper, spaCy) lazily so ``confidant --help`` stays instant. User errors print the
message and hint and exit non-zero; a bug prints a plain message too, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from core import __version__
from core.errors import Cancelled, CoreError, Msg


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="confidant",
        description="Confidant: encrypted field interviews — record, transcribe, tag, de-identify, share.")
    parser.add_argument("--version", action="version", version=f"confidant {__version__}")
    parser.add_argument("--vault", metavar="DIR",
                        help="vault folder (default: $CONFIDANT_DATA_DIR or your user data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from the first line of FILE (for scripts)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log ids, counts and timings to stderr")
    parser.add_argument("--language", dest="interface_language", choices=["en", "es"],
                        help="language of messages (default: $CONFIDANT_LANG, the language the "
                             "app was set to, else the locale's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.endswith("_cmds"):
            importlib.import_module(f"{__name__}.{info.name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from core.cli.common import set_language
    from core.messages import person_language, render
    language = set_language(person_language(args.interface_language))
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        result = handler(args)
        return int(result or 0)
    except Cancelled:
        print(render(Msg("cli.stopped"), language), file=sys.stderr)
        return Cancelled.exit_code
    except CoreError as exc:
        _print_error(exc, language)
        return exc.exit_code
    except KeyboardInterrupt:
        print(render(Msg("cli.stopped"), language), file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug of ours: a plain message, never a traceback
        from core.vault.db import damaged_vault, is_damaged_page
        if is_damaged_page(exc):  # a damaged page met after the unlock (a read deep in the file)
            damaged = damaged_vault()
            _print_error(damaged, language)
            return damaged.exit_code
        if args.verbose:  # asked for details: the traceback names code, never vault content
            logging.getLogger(__name__).exception("internal error")
        print(render(Msg("cli.internal_error", kind=type(exc).__name__), language), file=sys.stderr)
        print(render(Msg("cli.internal_error.hint"), language), file=sys.stderr)
        return 70  # EX_SOFTWARE


def _print_error(exc: CoreError, language: str) -> None:
    """``error: …`` and ``hint: …`` on stderr, in the person's language."""
    from core.messages import localise_error, render
    message, hint = localise_error(exc, language)
    print(render(Msg("cli.error", message=message), language), file=sys.stderr)
    if hint:
        print(render(Msg("cli.hint", hint=hint), language), file=sys.stderr)


if __name__ == "__main__":  # python -m core.cli
    sys.exit(main())
