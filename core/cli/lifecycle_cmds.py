"""`confidant interview delete`, `audio delete`, `scrub` (and the rest of an interview's life)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import ProgressPrinter, language, open_vault, say, text_of
from core.errors import InvalidInput, Join, Msg

# What a person types to confirm a deletion, by language.
_DELETE_YES = {"en": ("yes",), "es": ("sí", "si", "yes")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scrub", help="rebuild the search index and clear old page copies from the WAL "
                                     "(finishes a deletion that another window kept busy)")
    p.set_defaults(handler=cmd_scrub)

    p = sub.add_parser("backup", help="write one encrypted backup file of the whole vault (e.g. to a USB stick)")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write the backup file into")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="rebuild a vault from a backup file into the (new, empty) --vault folder")
    p.add_argument("file", help="a confidant-backup-….cbak file")
    p.add_argument("--recovery-code", help="unlock the backup with the recovery code instead of the passphrase")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("receipts", help="receipts from the coordinator: which packets arrived")
    rs = p.add_subparsers(dest="action", required=True)
    r = rs.add_parser("import", help="read receipts files (or a folder of them) from your coordinator")
    r.add_argument("paths", nargs="+", metavar="FILE|DIR")
    r.set_defaults(handler=cmd_receipts_import)
    r = rs.add_parser("trust", help="trust receipts signed by this coordinator device key (file or key line)")
    r.add_argument("key")
    r.set_defaults(handler=cmd_receipts_trust)
    r = rs.add_parser("folder", help="read receipts from this synced folder whenever the app opens")
    r.add_argument("dir")
    r.set_defaults(handler=cmd_receipts_folder)
    _add_coordinator_receipts(sub)

    p = sub.add_parser("retention", help="how long audio is kept, what is past its date, and deleting it")
    ts = p.add_subparsers(dest="action", required=True)
    t = ts.add_parser("show", help="the rule and the interviews whose audio is past its date")
    t.add_argument("--json", action="store_true")
    t.set_defaults(handler=cmd_retention_show)
    t = ts.add_parser("set", help="set the rule (days; leave one out to clear it)")
    t.add_argument("--audio-days-after-signoff", type=int, metavar="N")
    t.add_argument("--audio-days-after-receipt", type=int, metavar="N",
                   help="days after the coordinator confirms receipt (0: as soon as it does)")
    t.set_defaults(handler=cmd_retention_set)
    t = ts.add_parser("apply", help="delete the audio that is past its date (transcripts stay)")
    t.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    t.set_defaults(handler=cmd_retention_apply)


def add_interview_delete(actions: argparse._SubParsersAction) -> None:
    """Called by vault_cmds, which owns the `interview` command."""
    d = actions.add_parser("delete", help="delete an interview and everything in it, leaving no remnant")
    d.add_argument("id")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    d.set_defaults(handler=cmd_interview_delete)
    w = actions.add_parser("withdraw", help="the participant withdrew: delete the interview and write a "
                                            "signed withdrawal notice for the coordinators")
    w.add_argument("id")
    w.add_argument("--out", metavar="NOTICE.cpkt",
                   help="where to write the notice (needed when the interview was shared)")
    w.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    w.set_defaults(handler=cmd_interview_withdraw)


def add_audio_delete(actions: argparse._SubParsersAction) -> None:
    """Called by audio_cmds, which owns the `audio` command."""
    d = actions.add_parser("delete", help="delete one take's audio (its transcript stays), leaving no remnant")
    d.add_argument("id", help="interview id")
    d.add_argument("--take", type=int, required=True, metavar="N", help="the take, as `audio info` numbers them")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    d.set_defaults(handler=cmd_audio_delete)


def confirm(question: Msg | Join, args: argparse.Namespace) -> None:
    """Ask on a terminal; without one, insist on --yes (a script must say it means it)."""
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        raise InvalidInput(Msg("cli.deleting_needs_confirmation"), Msg("cli.deleting_needs_confirmation.hint"))
    print(text_of(question))
    if input(text_of(Msg("cli.type_yes_to_delete"))).strip().lower() not in _DELETE_YES.get(language(), ("yes",)):
        raise InvalidInput(Msg("cli.nothing_deleted"), Msg("cli.nothing_deleted.hint"))


def _report_result(result, what: Msg) -> None:
    say(Msg("cli.deleted_checked", what=what, pages=result.pages_checked, needles=result.needles))


def cmd_interview_delete(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.lifecycle.delete import make_delete_interview_job, what_goes
    vault = open_vault(args)
    try:
        goes = what_goes(vault, args.id)
        confirm(goes.message(), args)
        result = run_job(make_delete_interview_job(vault, args.id), ProgressPrinter())
    finally:
        vault.close()
    _report_result(result, Msg("cli.deleted_interview_counts", id=args.id, takes=result.counts.recordings,
                               transcripts=result.counts.transcripts))
    return 0


def cmd_audio_delete(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.lifecycle.delete import make_delete_take_job, take_id
    vault = open_vault(args)
    try:
        take_id(vault, args.id, args.take)
        confirm(Msg("cli.take_delete_question", take=args.take, id=args.id), args)
        result = run_job(make_delete_take_job(vault, args.id, args.take), ProgressPrinter())
    finally:
        vault.close()
    _report_result(result, Msg("cli.deleted_take", take=args.take, id=args.id, chunks=result.counts.audio_chunks))
    return 0


def cmd_scrub(args: argparse.Namespace) -> int:
    from core.vault.erase import scrub
    vault = open_vault(args)
    try:
        done = scrub(vault)
    finally:
        vault.close()
    if not done:
        raise InvalidInput(Msg("cli.wal_could_not_cleared"),
                           Msg("cli.wal_could_not_cleared.hint"))
    say(Msg("cli.search_index_rebuilt_old"))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.lifecycle.backup import make_backup_job
    vault = open_vault(args)
    try:
        result = run_job(make_backup_job(vault, args.out), ProgressPrinter())
    finally:
        vault.close()
    say(Msg("cli.backed_up_mib_encrypted", result_path=result.path, bytes=result.bytes / 2 ** 20))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from core.cli.common import read_passphrase, vault_dir
    from core.jobs import run_job
    from core.lifecycle.backup import make_restore_job
    folder = vault_dir(args)
    if args.recovery_code:
        job = make_restore_job(args.file, folder, recovery_code=args.recovery_code)
    else:
        job = make_restore_job(args.file, folder, passphrase=read_passphrase(args, "Passphrase of the backup: "))
    result = run_job(job, ProgressPrinter())
    say(Msg("cli.restored_interview_backup_made", interviews=result.interviews, created_at=result.created_at, folder=folder))
    if args.recovery_code:
        say(Msg("cli.set_new_passphrase_now"))
    return 0


def _add_coordinator_receipts(sub: argparse._SubParsersAction) -> None:
    """`coordinator receipts --out DIR`, added to the coordinator command (owned by coordinator_cmds)."""
    parser = sub.choices.get("coordinator")
    if parser is None:
        return
    actions = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    c = actions.add_parser("receipts", help="write signed receipts (one file per researcher device) into DIR")
    c.add_argument("--out", required=True, metavar="DIR", help="a folder the researchers can read (synced)")
    c.set_defaults(handler=cmd_coordinator_receipts)
    c = actions.add_parser("withdrawals", help="packets withdrawn by their researchers (tombstones: ids and dates)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_coordinator_withdrawals)


def cmd_coordinator_receipts(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import write_receipts
    with open_vault(args) as vault:
        paths = write_receipts(vault, args.out)
    say(Msg("cli.wrote_receipts_file_into", count=len(paths), out=args.out))
    return 0


def cmd_receipts_import(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import import_receipts
    with open_vault(args) as vault:
        done = import_receipts(vault, args.paths, quiet_foreign=any(Path(p).is_dir() for p in args.paths))
    say(Msg("cli.receipts_read_ignored", files=done.files, matched=done.matched, ignored=done.ignored)
        if done.ignored else Msg("cli.receipts_read", files=done.files, matched=done.matched))
    return 0


def cmd_receipts_trust(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import trust_signer
    with open_vault(args) as vault:
        words = trust_signer(vault, args.key)
    say(Msg("cli.receipts_signed_key_trusted", words=words))
    return 0


def cmd_receipts_folder(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import SETTING_FOLDER, import_from_folder
    if not Path(args.dir).is_dir():
        raise InvalidInput(Msg("cli.folder_not_exist", dir=args.dir), Msg("cli.folder_not_exist.hint"))
    with open_vault(args) as vault:
        vault.set_setting(SETTING_FOLDER, str(Path(args.dir).resolve()))
        done = import_from_folder(vault)
    say(Msg("cli.receipts_will_read_packet", dir=args.dir, matched=done.matched if done else 0))
    return 0


def cmd_interview_withdraw(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.lifecycle.delete import what_goes
    from core.lifecycle.withdraw import make_withdraw_job, shared_packets
    vault = open_vault(args)
    try:
        packets = shared_packets(vault, args.id)
        exists = vault.conn.execute("SELECT 1 FROM interviews WHERE id = ?", (args.id,)).fetchone()
        parts: list[Msg | Join] = [what_goes(vault, args.id).message(shared=False) if exists
                                   else Msg("cli.withdraw_deleted_already", id=args.id)]
        if packets:
            parts.append(Msg("cli.withdraw_notice_will_tell", n=len(packets)))
        confirm(Join(parts, " "), args)
        result = run_job(make_withdraw_job(vault, args.id, args.out), ProgressPrinter())
    finally:
        vault.close()
    if result.deleted is not None:
        _report_result(result.deleted, Msg("cli.deleted_interview", id=args.id))
    if result.notice_path is not None:
        say(Msg("cli.wrote_withdrawal_notice_put", notice_path=result.notice_path))
    else:
        say(Msg("cli.never_shared_no_notice"))
    return 0


def cmd_retention_show(args: argparse.Namespace) -> int:
    import datetime as dt

    from core.cli.common import print_json
    from core.vault.retention import audio_dates, rule
    with open_vault(args) as vault:
        current, dates = rule(vault), audio_dates(vault)
    now = dt.datetime.now(dt.UTC)
    if args.json:
        print_json({"rule": current.__dict__, "audio": [
            {"interview": d.interview_id, "takes": len(d.recording_ids), "due_on": d.due_on.isoformat(),
             "because": d.because, "past_due": d.is_due(now)} for d in dates]})
        return 0
    say(current.message())
    for d in dates:
        state = Msg("cli.retention_past") if d.is_due(now) else Msg("cli.retention_kept_until")
        because = Msg("cli.retention_after_signoff") if d.because == "sign-off" else Msg("cli.retention_after_receipt")
        print(f"  {d.interview_id}  {d.participant_code:<10} "
              + text_of(Msg("cli.retention_row", takes=len(d.recording_ids), state=state,
                            day=d.due_on.date().isoformat(), because=because)))
    return 0


def cmd_retention_set(args: argparse.Namespace) -> int:
    from core.vault.retention import set_rule
    for value in (args.audio_days_after_signoff, args.audio_days_after_receipt):
        if value is not None and not 0 <= value <= 3650:
            raise InvalidInput(Msg("cli.days_must_between"), Msg("cli.days_must_between.hint"))
    with open_vault(args) as vault:
        current = set_rule(vault, days_after_signoff=args.audio_days_after_signoff,
                           days_after_receipt=args.audio_days_after_receipt)
    say(current.message())
    return 0


def cmd_retention_apply(args: argparse.Namespace) -> int:
    from core.jobs import run_job
    from core.lifecycle.retention import make_apply_retention_job
    from core.vault.retention import audio_past_due
    with open_vault(args) as vault:
        due = audio_past_due(vault)
        if not due:
            say(Msg("cli.no_audio_past_date"))
            return 0
        confirm(Msg("cli.retention_confirm", n=len(due), takes=sum(len(d.recording_ids) for d in due)), args)
        result = run_job(make_apply_retention_job(vault), ProgressPrinter())
    say(Msg("cli.deleted_take_interview_checked", takes=result.takes, interviews=result.interviews))
    return 0


def cmd_coordinator_withdrawals(args: argparse.Namespace) -> int:
    from core.cli.common import print_json
    with open_vault(args) as vault:
        rows = vault.conn.execute("SELECT device_fingerprint, packet_id, notice_id, withdrawn_at, received_at"
                                  " FROM withdrawals ORDER BY id").fetchall()
    items = [{"device_fingerprint": r[0], "packet_id": r[1], "notice_id": r[2], "withdrawn_on": r[3],
              "notice_received_at": r[4]} for r in rows]
    if args.json:
        print_json(items)
        return 0
    if not items:
        say(Msg("cli.no_packet_withdrawn"))
    for i in items:
        say(Msg("cli.withdrawal_row", packet=i["packet_id"][:12], day=i["withdrawn_on"][:10],
                device=i["device_fingerprint"][:16], notice=i["notice_id"][:12], applied=i["notice_received_at"][:10]))
    return 0
