"""`confidant study join|show` (researchers) and `confidant coordinator study new|show`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.cli.common import ask_yes, open_vault, print_json, say, words_block
from core.errors import InvalidInput, Msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("study", help="join your coordinator's study file (your whole set-up), or show it")
    ss = p.add_subparsers(dest="action", required=True)
    j = ss.add_parser("join", help="check a .cstudy file and set this vault up from it (or update it)")
    j.add_argument("file", metavar="FILE")
    j.add_argument("--yes", action="store_true", help="do not ask to compare the coordinator's words")
    j.add_argument("--enrolment-out", metavar="FILE",
                   help="where to write your device key file for the coordinator "
                        "(default: beside the study file)")
    j.set_defaults(handler=cmd_join)
    s = ss.add_parser("show", help="the study this vault joined")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_show)


def register_coordinator(cs: argparse._SubParsersAction) -> None:
    """`coordinator study ...`, called by coordinator_cmds when it builds its sub-commands."""
    p = cs.add_parser("study", help="make the signed study file researchers join")
    ss = p.add_subparsers(dest="study_action", required=True)
    n = ss.add_parser("new", help="write a signed .cstudy file (guides, sites, your recipient, settings)")
    n.add_argument("--title", required=True)
    n.add_argument("--guide", action="append", required=True, metavar="ID[@VER]",
                   help="a guide in this vault (repeatable: one per language)")
    n.add_argument("--site", action="append", required=True, help="a site code (repeatable)")
    n.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE")
    n.add_argument("--allow-other-sites", action="store_true",
                   help="researchers may confirm a site outside the list")
    n.add_argument("--update", metavar="PREVIOUS.cstudy", help="make the next version of this study")
    n.add_argument("--out", required=True, metavar="FILE")
    n.set_defaults(handler=cmd_new)
    s = ss.add_parser("show", help="check a study file's signature and show what it holds")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_inspect)


def _summary(signed: Any) -> dict[str, Any]:
    st = signed.study
    return {"study_id": st.study_id, "version": st.version, "title": st.title, "issued_at": st.issued_at,
            "signer_fingerprint": signed.signer_fingerprint, "signer_words": signed.signer_words,
            "guides": [f"{g.id}@{g.version} ({g.language})" for g in st.guides], "sites": list(st.sites),
            "allow_other_sites": st.allow_other_sites,
            "coordinators": [r.label for r in st.recipients], "settings": st.settings}


def _print_summary(info: dict[str, Any]) -> None:
    say(Msg("cli.study_summary", title=info["title"], version=info["version"], guides=", ".join(info["guides"]),
            sites=", ".join(info["sites"]), coordinators=", ".join(info["coordinators"])))
    if info["settings"]:
        say(Msg("cli.study_settings", settings=", ".join(f"{k}={v}" for k, v in sorted(info["settings"].items()))))
    say(Msg("cli.study_signed_by", words=words_block(info["signer_words"])))


def cmd_new(args: argparse.Namespace) -> int:
    from core.study.service import new_study
    from core.study.studyfile import parse_setting, read_file
    from core.vault.files import write_output_file
    settings = dict(parse_setting(s) for s in args.setting)
    previous = read_file(args.update) if args.update else None
    with open_vault(args) as vault:
        data = new_study(vault, title=args.title, guide_refs=args.guide, sites=args.site,
                         settings=settings, allow_other_sites=args.allow_other_sites, previous=previous)
    from core.study.studyfile import decode
    write_output_file(Path(args.out), data)
    info = _summary(decode(data))
    say(Msg("cli.wrote_file", path=args.out))
    _print_summary(info)
    say(Msg("cli.researchers_join_confidant_study"))
    say(Msg("cli.read_them_your_words"))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from core.study.studyfile import decode, read_file
    info = _summary(decode(read_file(args.file)))
    if args.json:
        print_json(info)
    else:
        _print_summary(info)
    return 0


def _confirm(words: str) -> bool:
    say(Msg("cli.ask_your_coordinator_read"))
    print(f"    {words_block(words)}")
    return ask_yes(Msg("cli.words_match_prompt"))


def cmd_join(args: argparse.Namespace) -> int:
    from core.study.service import join, plan_join, write_enrolment
    from core.study.studyfile import read_file
    data = read_file(args.file)
    with open_vault(args) as vault:
        plan = plan_join(vault, data)  # refuses a tampered or foreign file before any question
        info = _summary(plan.signed)
        _print_summary(info)
        if plan.is_same:
            say(Msg("cli.vault_already_version_study"))
            return 0
        first_time = not plan.is_update
        if first_time and not args.yes:
            if not sys.stdin.isatty():
                raise InvalidInput(Msg("cli.compare_your_coordinator_words"),
                                   Msg("cli.compare_your_coordinator_words.hint", signer_words=info['signer_words']))
            if not _confirm(info["signer_words"]):
                say(Msg("cli.not_joined_words_must"))
                return 1
        join(vault, data)
        out = Path(args.enrolment_out) if args.enrolment_out else \
            Path(args.file).resolve().parent / "device-key.txt"
        enrolment = write_enrolment(vault, out) if first_time else None
    if plan.is_update:
        say(Msg("cli.updated_version_new_guide", version=info['version'], count=len(plan.guides_to_add)))
    else:
        say(Msg("cli.joined_guide_site_coordinator", count=len(plan.guides_to_add), count2=len(info['sites']), count3=len(plan.recipients_to_add)))
    if enrolment:
        say(Msg("cli.send_your_coordinator_public", enrolment=enrolment))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from core.study.service import joined_study
    with open_vault(args) as vault:
        signed = joined_study(vault)
    if signed is None:
        say(Msg("cli.vault_joined_no_study"))
        return 0
    info = _summary(signed)
    if args.json:
        print_json(info)
    else:
        _print_summary(info)
    return 0
