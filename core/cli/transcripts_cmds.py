"""`confidant transcript import ID FILE | split SEGMENT AT | join SEGMENT` (added to the
`transcript` command).

The `transcript` command itself belongs to transcription_cmds.py; this module adds its
`import` action (modules register in name order, so this one runs after it; if it did not,
it creates the command).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.common import ProgressPrinter, open_vault, say
from core.errors import Msg


def register(sub: argparse._SubParsersAction) -> None:
    parent = sub.choices.get("transcript")
    if parent is None:
        parent = sub.add_parser("transcript", help="an interview's transcript")
        parent.add_subparsers(dest="action", required=True)
    actions = next(a for a in parent._actions if isinstance(a, argparse._SubParsersAction))
    p = actions.add_parser("import", help="import a transcript made elsewhere (VTT, SRT, text, noScribe HTML)")
    p.add_argument("id", help="interview id")
    p.add_argument("file")
    p.add_argument("--language", default="", metavar="xx", help="language code such as en or es")
    p.add_argument("--no-tag", action="store_true", help="do not align and tag it now")
    p.set_defaults(handler=cmd_transcript_import)
    s = actions.add_parser("save", help="save the transcript as Word (.docx) or PDF to read or print")
    s.add_argument("id", help="interview id")
    s.add_argument("file", help="where to write it; the name ends in .docx or .pdf")
    s.add_argument("--identifying", action="store_true",
                   help="with the real names (NOT encrypted once saved); default: de-identified, "
                        "which needs the sign-off")
    s.set_defaults(handler=cmd_transcript_save)

    p = actions.add_parser("split", help="split a passage in two at a character (as the Transcript tab does)")
    p.add_argument("segment", type=int, help="the passage's segment id")
    p.add_argument("at", type=int, help="the character where the second passage starts")
    p.set_defaults(handler=cmd_transcript_split)

    p = actions.add_parser("join", help="join a passage with the one after it")
    p.add_argument("segment", type=int, help="the passage's segment id")
    p.set_defaults(handler=cmd_transcript_join)


def cmd_transcript_import(args: argparse.Namespace) -> int:
    from core.jobs import CancelToken
    from core.tagging.service import make_tag_job
    from core.tagging.transcript_import import import_transcript, read_transcript_file
    data = read_transcript_file(args.file)
    with open_vault(args) as vault:
        report = import_transcript(vault, args.id, data, Path(args.file).name, args.language)
        say(Msg("cli.transcript_imported", n=len(report.segments),
                format=report.format, encoding=report.encoding,
                times=Msg("cli.with_times") if report.has_timestamps else Msg("cli.no_times")))
        for problem in report.problems:
            say(Msg("cli.could_not_read_line", problem=problem))
        if not args.no_tag:
            s = make_tag_job(vault, args.id)(ProgressPrinter(), CancelToken())
            say(Msg("cli.tagged_questions_found_suggestions", questions_placed=s.questions_placed, questions_total=s.questions_total, suggested=s.suggested))
    return 0


def cmd_transcript_save(args: argparse.Namespace) -> int:
    from core.reports.transcript_export import save_transcript_file
    if args.identifying:
        say(Msg("cli.warning", text=Msg("transcripts.identifying_warning")), err=True)
    with open_vault(args) as vault:
        path = save_transcript_file(vault, args.id, args.file, identifying=args.identifying)
    print(path)
    return 0


def cmd_transcript_split(args: argparse.Namespace) -> int:
    from core.transcription.edits import split
    with open_vault(args) as vault:
        before = split(vault, args.segment, args.at)
    say(Msg("cli.split_passage_transcript_passages", segment=args.segment, count=len(before.segments) + 1))
    return 0


def cmd_transcript_join(args: argparse.Namespace) -> int:
    from core.transcription.edits import join_with_next
    with open_vault(args) as vault:
        before = join_with_next(vault, args.segment)
    say(Msg("cli.joined_passage_next_transcript", segment=args.segment, count=len(before.segments) - 1))
    return 0
