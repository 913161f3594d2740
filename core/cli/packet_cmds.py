"""`confidant keys show`, `recipients add|list`, `device export-key`, `export`, `packet inspect|verify`."""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import sys
from pathlib import Path
from typing import Any

from core.cli.common import (
    ProgressPrinter,
    ask_yes,
    open_vault,
    print_json,
    say,
    words_block,
    write_key_file,
)
from core.errors import InvalidInput, Msg

_IDENTITY_PREFIX = "age-secret-key-1"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="this vault's device key and its fingerprint")
    ks = p.add_subparsers(dest="action", required=True)
    s = ks.add_parser("show", help="show the device key, its fingerprint and the words to read aloud")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_keys_show)

    p = sub.add_parser("recipients", help="coordinators your packets are sealed to")
    rs = p.add_subparsers(dest="action", required=True)
    a = rs.add_parser("add", help="add a coordinator's age recipient (a file or the pasted 'age1…' line)")
    a.add_argument("key", metavar="FILE|TEXT")
    a.add_argument("--label", default="", help='who it is, e.g. "Org A coordinator"')
    a.add_argument("--yes", action="store_true",
                   help="do not ask to confirm the fingerprint words (for scripts; check them yourself)")
    a.set_defaults(handler=cmd_recipients_add)
    li = rs.add_parser("list", help="list coordinators")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_recipients_list)

    p = sub.add_parser("device", help="this vault's device key, for enrolment by a coordinator")
    ds = p.add_subparsers(dest="action", required=True)
    e = ds.add_parser("export-key", help="write the device public key to FILE for your coordinator")
    e.add_argument("file", metavar="FILE")
    e.set_defaults(handler=cmd_device_export_key)

    p = sub.add_parser("export", help="save a sealed, de-identified packet of an interview for coordinators")
    p.add_argument("id", help="interview id")
    p.add_argument("--out", required=True, metavar="FILE", help="packet file (or a folder to put it in)")
    p.add_argument("--supersedes", metavar="PACKET_ID", help="the id of an earlier packet this one corrects")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("packet", help="look at a packet file")
    ps = p.add_subparsers(dest="action", required=True)
    i = ps.add_parser("inspect", help="show the packet's outer header (no keys needed; not verified)")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--json", action="store_true")
    i.set_defaults(handler=cmd_packet_inspect)
    v = ps.add_parser("verify", help="check the signature (and, with an identity, open and check the contents)")
    v.add_argument("file", metavar="FILE")
    v.add_argument("--identity", metavar="KEYFILE", help="an age identity file (AGE-SECRET-KEY-1…)")
    v.add_argument("--device-key", metavar="FILE", action="append", default=[],
                   help="a trusted device key file (repeatable); default: the vault's devices")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=cmd_packet_verify)


def cmd_keys_show(args: argparse.Namespace) -> int:
    from core.packets import keys
    with open_vault(args) as vault:
        public = keys.device_public_key(vault)
        info: dict[str, Any] = {"device_key": public, "fingerprint": keys.fingerprint(public),
                                "words": keys.fingerprint_words(public)}
        if vault.role == "coordinator":
            recipient = keys.age_recipient(vault)
            info["age_recipient"] = recipient
            info["age_recipient_words"] = keys.fingerprint_words(recipient)
    if args.json:
        print_json(info)
        return 0
    say(Msg("cli.keys_device", key=info["device_key"], fingerprint=info["fingerprint"],
            words=words_block(info["words"])))
    if "age_recipient" in info:
        say(Msg("cli.keys_recipient", recipient=info["age_recipient"], words=words_block(info["age_recipient_words"])))
    return 0


def _confirm(words: str) -> bool:
    say(Msg("cli.ask_your_coordinator_read"))
    print(f"    {words_block(words)}")
    return ask_yes(Msg("cli.words_match_prompt"))


def cmd_recipients_add(args: argparse.Namespace) -> int:
    from core.packets import keys
    recipient = keys.parse_recipient(args.key)
    words = keys.fingerprint_words(recipient)
    if not args.yes:
        if not sys.stdin.isatty():
            raise InvalidInput(Msg("cli.confirm_coordinator_fingerprint_words"),
                               Msg("cli.confirm_device_fingerprint_words.hint", words=words))
        if not _confirm(words):
            say(Msg("cli.not_added_words_must"))
            return 1
    with open_vault(args) as vault:
        added = keys.add_recipient(vault, recipient, label=args.label)
    say(Msg("cli.recipient_added", label=added.label, recipient=added.recipient))
    say(Msg("cli.fingerprint_words", words_block=words_block(words)))
    return 0


def cmd_recipients_list(args: argparse.Namespace) -> int:
    from core.packets import keys
    with open_vault(args) as vault:
        recipients = keys.list_recipients(vault)
    rows = [{"label": r.label, "recipient": r.recipient, "fingerprint": r.fingerprint,
             "words": keys.words_for_fingerprint(r.fingerprint), "added_at": r.added_at} for r in recipients]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(Msg("cli.no_coordinators_yet_add"))
    for r in rows:
        print(f"{r['label']}\n  {r['recipient']}\n  {words_block(r['words'])}")
    return 0


def cmd_device_export_key(args: argparse.Namespace) -> int:
    from core.packets import keys
    with open_vault(args) as vault:
        public = keys.device_public_key(vault)
    words = keys.fingerprint_words(public)
    text = (f"# Confidant device key (public). Give this file to your coordinator.\n"
            f"# Fingerprint words, to read aloud: {words}\n{public}\n")
    write_key_file(args.file, text)
    say(Msg("cli.read_words_your_coordinator", words_block=words_block(words)))
    return 0


def _out_path(out: str) -> Path:
    path = Path(out)
    if path.is_dir():
        # No participant code or interview date in the name: the file may sit on a shared stick.
        stamp = dt.date.today().isoformat()
        return path / f"confidant-{stamp}-{secrets.token_hex(3)}.cpkt"
    return path


def cmd_export(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.packets.writer import make_export_job
    with open_vault(args) as vault:
        info = run_job(make_export_job(vault, args.id, _out_path(args.out), supersedes=args.supersedes),
                       ProgressPrinter())
    result = {"packet_id": info.packet_id, "path": str(info.path), "payload_sha256": info.sha256,
              "device_fingerprint": info.device_fingerprint, "size_bytes": info.size_bytes,
              "supersedes": info.supersedes}
    if args.json:
        print_json(result)
    else:
        say(Msg("cli.saved_packet_bytes", packet_id=info.packet_id, info_path=info.path, size_bytes=info.size_bytes))
    return 0


def cmd_packet_inspect(args: argparse.Namespace) -> int:
    from core.packets.reader import inspect, read_packet_file
    header = inspect(read_packet_file(args.file))
    info = {"verified": False, **header.to_dict()}
    if args.json:
        print_json(info)
        return 0
    say(Msg("cli.outer_header_not_verified"))
    for key, value in info.items():
        if key != "verified":
            print(f"  {key:20} {value if value is not None else '-'}")
    return 0


def _key_file_lines(path: str, prefix: str) -> list[str]:
    from core.packets.keys import find_key_line, read_key_file
    try:
        text = read_key_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(Msg("cli.cannot_read", path=path), Msg("cli.cannot_read_2.hint")) from exc
    found = find_key_line(text, prefix)
    if not found:
        raise InvalidInput(Msg("cli.no_key_found", path=path), Msg("cli.no_key_found.hint", prefix=prefix))
    return found


def _trusted_and_identities(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    from core.packets.format import DEVICE_KEY_PREFIX
    trusted = [k for f in args.device_key for k in _key_file_lines(f, DEVICE_KEY_PREFIX)]
    identities = _key_file_lines(args.identity, _IDENTITY_PREFIX) if args.identity else []
    if trusted:
        return trusted, identities
    from core.packets import keys
    with open_vault(args) as vault:
        if vault.role == "coordinator":
            from core.coordinator.devices import list_devices
            trusted = [d.device.public_key for d in list_devices(vault)]
            identities = identities or [keys.age_identity(vault)]
        else:
            trusted = [keys.device_public_key(vault)]
    return trusted, identities


def cmd_packet_verify(args: argparse.Namespace) -> int:
    from core.packets.reader import read_packet_file, verify, verify_and_open
    data = read_packet_file(args.file)
    trusted, identities = _trusted_and_identities(args)
    info: dict[str, Any]
    if identities:
        opened = verify_and_open(data, identities=identities, trusted_devices=trusted)
        info = {"verdict": "accept", "opened": True, **opened.header.to_dict(),
                "files": {n: len(b) for n, b in sorted(opened.files.items())}}
        if opened.interview is None:   # a withdrawal notice (spec §11)
            info["withdraws"] = list(opened.withdrawal.get("withdraws", []))
        else:
            iv = opened.interview.interview
            info["interview"] = {"code": iv.code, "site": iv.site, "month": iv.month,
                                 "segments": len(opened.interview.segments)}
    else:
        header = verify(data, trusted_devices=trusted)
        info = {"verdict": "signature_ok", "opened": False, **header.to_dict()}
    if args.json:
        print_json(info)
        return 0
    say(Msg("cli.signature_ok_made_trusted"))
    if info["opened"]:
        say(Msg("cli.contents_ok_match_their", files=', '.join(info['files'])))
        if "withdraws" in info:
            say(Msg("cli.withdrawal_notice_packet", count=len(info['withdraws']), withdraws=', '.join(info['withdraws'])))
        else:
            i = info["interview"]
            say(Msg("cli.interview_passages", code=i['code'], site=i['site'], month=i['month'], segments=i['segments']))
    else:
        say(Msg("cli.not_opened_no_coordinator"))
    say(Msg("cli.packet_made_corrects", packet=info["packet_id"], day=info["created_day"], corrects=info["supersedes"])
        if info["supersedes"] else Msg("cli.packet_made", packet=info["packet_id"], day=info["created_day"]))
    return 0
