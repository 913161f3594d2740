"""`confidant paper [letter|a4]`: the paper size of every PDF (shows it with no argument)."""

from __future__ import annotations

import argparse

from core.cli.common import open_vault, say
from core.errors import Msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("paper", help="the paper size of every PDF: letter (default) or a4")
    p.add_argument("size", nargs="?", choices=["letter", "a4"], help="set it (omit to show it)")
    p.set_defaults(handler=cmd_paper)


def cmd_paper(args: argparse.Namespace) -> int:
    from core.reports import fonts
    with open_vault(args) as vault:
        paper = fonts.set_paper(vault, args.size) if args.size else fonts.use_paper_of(vault)
    say(Msg("cli.paper_letter") if paper == "letter" else Msg("cli.paper_a4"))
    return 0
