"""`confidant demo [--out DIR]`: the whole pipeline on the bundled sample interview."""

from __future__ import annotations

import argparse
import tempfile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the whole pipeline on the bundled sample interview")
    p.add_argument("--out", metavar="DIR",
                   help="an empty folder for the demo vaults and outputs (default: a new folder in /tmp)")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from core.cli.common import ProgressPrinter
    from core.demo.pipeline import run_demo
    out = args.out or tempfile.mkdtemp(prefix="confidant-demo-")
    run_demo(out, report=ProgressPrinter())
    return 0
