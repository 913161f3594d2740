"""`confidant coordinator init|export-recipient|enrol|devices|remove-device|import|inbox|quarantine|remove|
report|brief|quotes|rules|themes`."""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path
from typing import Any

from core.cli.common import (
    ProgressPrinter,
    ask_yes,
    language,
    open_vault,
    print_json,
    read_passphrase,
    say,
    text_of,
    vault_dir,
    words_block,
    write_key_file,
)
from core.errors import InvalidInput, Msg

_MONTH_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coordinator", help="collect packets from researchers, aggregate them, write reports")
    cs = p.add_subparsers(dest="action", required=True)

    from core.cli.study_cmds import register_coordinator
    register_coordinator(cs)

    c = cs.add_parser("init", help="make this vault a coordinator vault (creates it if needed) and its age key")
    c.set_defaults(handler=cmd_init)

    c = cs.add_parser("export-recipient", help="write the recipient file researchers add (`-` for stdout)")
    c.add_argument("file", metavar="FILE")
    c.set_defaults(handler=cmd_export_recipient)

    c = cs.add_parser("export-identity", help="write the secret age identity to FILE, so a reviewer can "
                      "open packets with `age -d -i FILE` (asks first)")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    c.set_defaults(handler=cmd_export_identity)

    c = cs.add_parser("enrol", help="trust a researcher's device key file; releases its quarantined packets")
    c.add_argument("file", metavar="FILE|TEXT", help="the device key file (or the pasted key line)")
    c.add_argument("--label", required=True, help='whose device it is, e.g. "Org A – laptop 3"')
    c.add_argument("--yes", action="store_true",
                   help="do not ask to confirm the fingerprint words (for scripts; check them yourself)")
    c.set_defaults(handler=cmd_enrol)

    c = cs.add_parser("devices", help="list enrolled devices")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_devices)

    c = cs.add_parser("remove-device", help="stop accepting packets from a device (imported ones stay)")
    c.add_argument("fingerprint", help="its fingerprint (at least 8 hex digits)")
    c.set_defaults(handler=cmd_remove_device)

    c = cs.add_parser("import", help="import packet files or folders; --watch keeps importing from a folder")
    c.add_argument("paths", nargs="*", metavar="PATH")
    c.add_argument("--watch", metavar="DIR", help="keep watching DIR for new packets until Ctrl+C")
    c.add_argument("--interval", type=float, default=2.0, metavar="SECONDS", help="watch poll interval")
    c.add_argument("--receipts", metavar="DIR",
                   help="with --watch: write signed receipts here after each import (default: the watched folder)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_import)

    c = cs.add_parser("inbox", help="list received packets and their status")
    c.add_argument("--status", choices=["imported", "superseded", "quarantined"])
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_inbox)

    c = cs.add_parser("quarantine", help="list or purge packets held from devices that are not enrolled")
    qs = c.add_subparsers(dest="quarantine_action", required=True)
    q = qs.add_parser("list", help="held packets, per device: how many, bytes kept, header-only ones")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_quarantine_list)
    q = qs.add_parser("purge", help="delete held packets (all, or one device's)")
    q.add_argument("--device", metavar="FINGERPRINT", help="only this device (at least 8 hex digits)")
    q.set_defaults(handler=cmd_quarantine_purge)

    c = cs.add_parser("remove", help="remove an imported packet: its interview leaves every report")
    c.add_argument("packet_id", metavar="PACKET_ID", help="its id (at least 8 hex digits; see `inbox`)")
    c.add_argument("--device", default="", metavar="FINGERPRINT",
                   help="the sending device's fingerprint prefix, when two devices used the id")
    c.set_defaults(handler=cmd_remove)

    c = cs.add_parser("report", help="write the cross-site PDF, CSV tables and/or a REFI-QDA project")
    c.add_argument("--audience", choices=["share", "team"], default="share",
                   help="share (default): safe to hand to leadership and partners, small groups withheld; "
                        "team: the research team's full copy, marked 'do not share'")
    c.add_argument("--pdf", metavar="FILE")
    c.add_argument("--csv", metavar="DIR", help="CSV tables (research team only: needs --audience team)")
    c.add_argument("--qdpx", metavar="FILE", help="REFI-QDA project, codebook next to it as .qdc "
                                                  "(research team only: needs --audience team)")
    c.add_argument("--qdc", metavar="FILE", help="REFI-QDA codebook only (needs --audience team)")
    _language(c)
    _filters(c)
    c.set_defaults(handler=cmd_report)

    c = cs.add_parser("brief", help="write the findings brief for leadership (2-4 pages, shareable)")
    c.add_argument("--pdf", metavar="FILE", required=True)
    _language(c)
    _filters(c)
    c.set_defaults(handler=cmd_brief)

    c = cs.add_parser("quotes", help="review the quotes shareable reports may carry")
    qs = c.add_subparsers(dest="quotes_action", required=True)
    q = qs.add_parser("review", help="list candidate quotes; flagged ones wait for your decision")
    q.add_argument("--all", action="store_true", help="also quotes nothing was flagged in")
    q.add_argument("--json", action="store_true")
    _filters(q)
    q.set_defaults(handler=cmd_quotes_review)
    for name, verb in (("approve", "approved"), ("reject", "rejected")):
        q = qs.add_parser(name, help=f"mark quotes {verb} for shareable reports (logged)")
        q.add_argument("keys", nargs="+", metavar="KEY", help="the key shown by `quotes review` (or its start)")
        q.set_defaults(handler=cmd_quotes_decide, decision=verb)

    c = cs.add_parser("rules", help="show or change the small-group rules of shareable reports")
    c.add_argument("--k", type=int, metavar="N", help="smallest group shown (default 5)")
    c.add_argument("--quote-min", type=int, metavar="N", help="quotes only for themes in at least N interviews "
                                                             "(default 10)")
    c.add_argument("--language", choices=["en", "es"],
                   help="the language reports are written in from now on (en or es; default en)")
    c.set_defaults(handler=cmd_rules)

    c = cs.add_parser("themes", help="theme counts across the imported interviews")
    _filters(c)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_themes)


def _language(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=["en", "es"],
                   help="the PDF's language: en or es (default: the vault's, see `coordinator rules --language`)")


def _report_language(vault: Any, args: argparse.Namespace) -> str:
    from core.coordinator.share_settings import report_language
    return str(args.language or report_language(vault))


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", action="append", default=[], help="only this site (repeatable)")
    p.add_argument("--guide-version", metavar="VERSION", help="only this guide version (or id@version)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM", help="from this month")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM", help="up to this month")
    p.add_argument("--study", metavar="STUDY_ID", help="only the interviews of this study (its id or first characters)")


def _aggregate(vault: Any, args: argparse.Namespace) -> Any:
    from core.coordinator.aggregate import aggregate
    _check_months(args)
    return aggregate(vault, site=args.site or None, guide_version=args.guide_version,
                     date_from=args.date_from, date_to=args.date_to, study=args.study)


def cmd_init(args: argparse.Namespace) -> int:
    from core.packets.keys import age_recipient, fingerprint_words
    from core.vault.db import DB_NAME
    from core.vault.interviews import InterviewRepo
    folder = vault_dir(args)
    if (folder / DB_NAME).exists():
        vault = open_vault(args)
    else:
        from core.vault import Vault
        vault, code = Vault.create(folder, read_passphrase(args, "New passphrase: ", confirm=True),
                                   role="coordinator")
        say(Msg("cli.coord_created", folder=folder))
        say(Msg("cli.your_recovery_code_shown"))
        print(f"\n    {code}\n")
    with vault:
        if vault.role != "coordinator":
            if InterviewRepo(vault).list():
                raise InvalidInput(Msg("cli.vault_holds_researcher_interviews"),
                                   Msg("cli.vault_holds_researcher_interviews.hint"))
            vault.set_role("coordinator")
        recipient = age_recipient(vault)  # makes the age identity on first use
    say(Msg("cli.coord_is_coordinator"))
    say(Msg("cli.coord_recipient", recipient=recipient))
    say(Msg("cli.coord_read_aloud", words=words_block(fingerprint_words(recipient))))
    say(Msg("cli.coord_give_recipient_file"))
    return 0


def cmd_export_recipient(args: argparse.Namespace) -> int:
    from core.coordinator.inbox import require_coordinator
    from core.packets.keys import age_recipient, fingerprint_words
    with open_vault(args) as vault:
        require_coordinator(vault)
        recipient = age_recipient(vault)
    words = fingerprint_words(recipient)
    text = (f"# Confidant coordinator recipient (public). Add it with `confidant recipients add FILE`.\n"
            f"# Fingerprint words, to read aloud: {words}\n{recipient}\n")
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    write_key_file(args.file, text)
    say(Msg("cli.coord_read_words_to_researchers", words=words_block(words)))
    return 0


def cmd_export_identity(args: argparse.Namespace) -> int:
    from core.coordinator.inbox import require_coordinator
    from core.packets.keys import export_identity
    say(Msg("cli.coord_identity_warning"))
    say(Msg("cli.coord_identity_hint"))
    if not args.yes and not ask_yes(Msg("cli.coord_identity_prompt")):
        raise InvalidInput(Msg("cli.nothing_written"), Msg("cli.nothing_written.hint"))
    with open_vault(args) as vault:
        require_coordinator(vault)
        path = export_identity(vault, args.file)
    say(Msg("cli.coord_wrote_identity", path=path))
    return 0


def _confirm(words: str) -> bool:
    say(Msg("cli.coord_compare_words"))
    print(f"    {words_block(words)}")
    return ask_yes(Msg("cli.words_match_prompt"))


def _print_results(results: list[Any]) -> None:
    from core.coordinator.inbox import verdict_short
    for r in results:
        name = Path(r.path).name if r.path else "-"
        pid = r.packet_id[:12] if r.packet_id else "-"
        print(f"{text_of(verdict_short(r.verdict)):<17} {pid:<12}  {name}: {r.reason_in(language())}")


def _summary_line(results: list[Any]) -> str:
    from core.coordinator.inbox import counted, summarize
    counts = summarize(results)
    return text_of(counted(counts)) if counts else text_of(Msg("cli.coord_no_packets"))


def cmd_enrol(args: argparse.Namespace) -> int:
    from core.coordinator.devices import enrol, parse_device_key, release_quarantine
    from core.packets.keys import fingerprint, fingerprint_words
    key = parse_device_key(args.file)
    words = fingerprint_words(key)
    if not args.yes:
        if not sys.stdin.isatty():
            raise InvalidInput(Msg("cli.confirm_device_fingerprint_words"),
                               Msg("cli.confirm_device_fingerprint_words.hint", words=words))
        if not _confirm(words):
            say(Msg("cli.coord_not_enrolled"))
            return 1
    with open_vault(args) as vault:
        device = enrol(vault, key, args.label)
        released = release_quarantine(vault)
    say(Msg("cli.coord_enrolled", label=device.label, fingerprint=fingerprint(key)[:16]))
    say(Msg("cli.coord_fingerprint_words", words=words_block(words)))
    if released:
        say(Msg("cli.coord_released", count=len(released)))
        _print_results(released)
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from core.coordinator.devices import list_devices, packet_counts_message
    with open_vault(args) as vault:
        devices = list_devices(vault)
    rows: list[dict[str, Any]] = [{"label": d.label, "fingerprint": d.fingerprint, "words": d.words,
                                   "enrolled_at": d.enrolled_at, "packets": d.packets} for d in devices]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(Msg("cli.coord_no_devices"))
    for r in rows:
        counts = (text_of(packet_counts_message(dict(sorted(r["packets"].items())))) if r["packets"]
                  else text_of(Msg("cli.coord_no_packets_yet")))
        print(f"{r['label']}\n  {r['fingerprint']}\n  {words_block(r['words'])}\n  {counts}")
    return 0


def cmd_remove_device(args: argparse.Namespace) -> int:
    from core.coordinator.devices import remove
    with open_vault(args) as vault:
        device = remove(vault, args.fingerprint)
    say(Msg("cli.coord_removed_device", label=device.label))
    return 0


def _result_dict(r: Any) -> dict[str, str]:
    return {"path": r.path, "packet_id": r.packet_id, "verdict": r.verdict, "code": r.code, "reason": r.reason}


def cmd_import(args: argparse.Namespace) -> int:
    from core.coordinator.inbox import make_import_job
    from core.jobs import CancelToken, run_job
    if not args.paths and not args.watch:
        raise InvalidInput(Msg("cli.nothing_import"), Msg("cli.nothing_import.hint"))
    results: list[Any] = []
    with open_vault(args) as vault:
        if args.paths:
            results = run_job(make_import_job(vault, [Path(p) for p in args.paths]), ProgressPrinter())
            if not args.json:
                _print_results(results)
        if args.watch:
            from core.coordinator.watch import make_watch_job
            cancel = CancelToken()
            stop = lambda *_: cancel.cancel()
            old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
            say(Msg("cli.coord_watching", folder=args.watch), err=True)
            try:
                from core.lifecycle.receipts import receipts_on_result
                on_result = receipts_on_result(vault, Path(args.receipts or args.watch),
                                               None if args.json else lambda r: _print_results([r]))
                watched = make_watch_job(vault, Path(args.watch), interval_s=args.interval,
                                         on_result=on_result)(lambda _p: None, cancel)
            finally:
                for s, handler in old.items():
                    signal.signal(s, handler)
            results += watched
            say(Msg("cli.coord_stopped_watching"), err=True)
    if args.json:
        print_json([_result_dict(r) for r in results])
    else:
        say(Msg("cli.coord_summary", summary=_summary_line(results)))
    return 1 if any(r.verdict in ("rejected", "conflict") for r in results) else 0


def cmd_inbox(args: argparse.Namespace) -> int:
    from core.vault.inbox import InboxRepo
    with open_vault(args) as vault:
        packets = InboxRepo(vault).list_packets(args.status)
    rows: list[dict[str, Any]] = [{"packet_id": p.packet_id, "status": p.status, "device_fingerprint": p.device_fingerprint,
             "supersedes": p.supersedes, "superseded_by": p.superseded_by, "received_at": p.received_at,
             "reason": p.reason} for p in packets]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say(Msg("cli.coord_inbox_empty"))
    for r in rows:
        extra = Msg("cli.inbox_replaced_by", packet=r["superseded_by"][:12]) if r["superseded_by"] else ""
        status = {"imported": Msg("cli.inbox_status_imported"), "superseded": Msg("cli.inbox_status_superseded")}.get(
            r["status"]) or Msg("audit.plain", text=r["status"])
        print(f"{r['packet_id'][:12]}  {text_of(status):<12} {r['received_at'][:10]}  "
              + text_of(Msg("cli.inbox_device", device=r["device_fingerprint"][:12], extra=extra)))
    return 0


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from core.coordinator.quarantine import list_held
    with open_vault(args) as vault:
        entries, summaries = list_held(vault)
    if args.json:
        print_json({"devices": [s.__dict__ for s in summaries],
                    "packets": [{"id": e.id, "device_fingerprint": e.device_fingerprint, "packet_id": e.packet_id,
                                 "size_bytes": e.size_bytes, "header_only": not e.has_bytes,
                                 "source_path": e.source_path, "received_at": e.received_at} for e in entries]})
        return 0
    if not summaries:
        say(Msg("cli.coord_quarantine_empty"))
    for s in summaries:
        device, first, last = s.device_fingerprint[:16], s.first_at[:10], s.last_at[:10]
        say(Msg("cli.coord_quarantine_device_header_only", device=device, packets=s.packets,
                kept_bytes=s.kept_bytes, header_only=s.header_only, first_at=first, last_at=last)
            if s.header_only else
            Msg("cli.coord_quarantine_device", device=device, packets=s.packets, kept_bytes=s.kept_bytes,
                first_at=first, last_at=last))
    if summaries:
        say(Msg("cli.coord_quarantine_what_next"))
    return 0


def cmd_quarantine_purge(args: argparse.Namespace) -> int:
    from core.coordinator.quarantine import purge
    with open_vault(args) as vault:
        usage = purge(vault, args.device)
    say(Msg("cli.coord_purged", packets=usage.packets, bytes_kept=usage.bytes_kept))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from core.coordinator.removal import remove_packet
    with open_vault(args) as vault:
        gone = remove_packet(vault, args.packet_id, args.device)
    say(Msg("cli.coord_removed_packet", packet_id=gone.packet_id, status=gone.status))
    if gone.status == "imported" and gone.supersedes:
        say(Msg("cli.coord_replaced_counted_again", packet_id=gone.supersedes[:12]))
    say(Msg("cli.coord_delete_packet_file"))
    return 0


def _check_months(args: argparse.Namespace) -> None:
    for value in (args.date_from, args.date_to):
        if value and not _MONTH_RE.match(value):
            raise InvalidInput(Msg("cli.not_month", value=value), Msg("cli.not_month.hint"))


def _share_view(vault: Any, args: argparse.Namespace, *, approved_only: bool = False) -> Any:
    from core.coordinator.share import share_view
    from core.errors import NothingToReport
    from core.vault.inbox import InboxRepo
    _check_months(args)
    if next(InboxRepo(vault).iter_interviews(), None) is None:  # reads one page, not the inbox
        raise NothingToReport()
    left_out: list[str] = []
    view = share_view(vault, site=args.site or None, guide_version=args.guide_version,
                      date_from=args.date_from, date_to=args.date_to, approved_only=approved_only,
                      study=args.study, left_out=left_out)
    for pid in left_out:  # refuse nothing silently (decision 0100)
        say(Msg("cli.coord_packet_left_out", packet_id=pid, short_id=pid[:12]), err=True)
    return view


def _print_share(view: Any, written: list[Path]) -> None:
    groups = len(view.groups)
    say(Msg("cli.coord_share_report_one", interviews=view.n_interviews) if groups == 1
        else Msg("cli.coord_share_report", interviews=view.n_interviews, groups=groups))
    for path in written:
        print(f"  {path}")
    for line in view.statements(language()):  # in the language of this command's messages
        say(Msg("cli.coord_withheld", line=line), err=True)
    pending = sum(1 for r in view.quotes.review if r.flags and r.decision is None)
    if pending:
        say(Msg("cli.coord_quotes_wait", pending=pending), err=True)


def cmd_report(args: argparse.Namespace) -> int:
    if not (args.pdf or args.csv or args.qdpx or args.qdc):
        raise InvalidInput(Msg("cli.no_report_asked"), Msg("cli.no_report_asked.hint"))
    if args.audience != "team" and (args.csv or args.qdpx or args.qdc):
        raise InvalidInput(Msg("cli.csv_tables_refi_qda"),
                           Msg("cli.csv_tables_refi_qda.hint"))
    if args.audience == "share":
        from core.reports.export import export_share
        with open_vault(args) as vault:
            view = _share_view(vault, args)
            language = _report_language(vault, args)
        _print_share(view, [export_share(view, args.pdf, language=language)])
        return 0
    from core.coordinator.share_settings import rules
    from core.reports.export import ExportTargets, export_all
    qdc = args.qdc or (str(Path(args.qdpx).with_suffix(".qdc")) if args.qdpx else None)
    targets = ExportTargets(pdf=Path(args.pdf) if args.pdf else None,
                            csv_dir=Path(args.csv) if args.csv else None,
                            qdpx=Path(args.qdpx) if args.qdpx else None, qdc=Path(qdc) if qdc else None)
    if targets.csv_dir:
        targets.csv_dir.mkdir(parents=True, exist_ok=True)
    with open_vault(args) as vault:  # open while writing: the files read the interviews page by page
        agg = _aggregate(vault, args)
        written = export_all(agg, targets, rules=rules(vault), language=_report_language(vault, args))
    say(Msg("cli.coord_team_report", interviews=agg.n_interviews, sites=len(agg.sites)))
    for path in written:
        print(f"  {path}")
    for warning in agg.warning_msgs:
        say(Msg("cli.note", text=warning), err=True)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from core.reports.export import export_brief
    with open_vault(args) as vault:
        view = _share_view(vault, args, approved_only=True)
        language = _report_language(vault, args)
    _print_share(view, [export_brief(view, args.pdf, language=language)])
    if not view.quotes.shown:
        say(Msg("cli.coord_brief_only_approved"), err=True)
    return 0


def cmd_quotes_review(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        view = _share_view(vault, args)
    items = [r for r in view.quotes.review if args.all or r.flags]
    items.sort(key=lambda r: (r.decision is not None, not r.flags, view.label(r.theme_id), r.key))
    if args.json:
        print_json([{"key": r.key, "theme": r.theme_id, "site": r.site, "text": r.text,
                     "flags": [{"kind": f.kind, "words": f.words} for f in r.flags],
                     "decision": r.decision} for r in items])
        return 0
    if not items:
        say(Msg("cli.coord_no_quotes") if args.all else Msg("cli.coord_no_flagged_quotes"))
    from core.reports.quote_screen import kind_message
    from core.reports.words import theme_labels
    labels = theme_labels({t.theme_id: t.label for t in view.themes}, language())
    for r in items:
        state = {"approved": Msg("cli.quote_approved"), "rejected": Msg("cli.quote_rejected")}.get(r.decision or "") or (
            Msg("cli.quote_waiting") if r.flags else Msg("cli.quote_not_flagged"))
        print(f"{r.key}  [{text_of(state)}]  {labels.get(r.theme_id, view.label(r.theme_id))} · {r.site}")
        print(f"    “{r.text}”")
        for f in r.flags:
            print(f"    ! {text_of(kind_message(f.kind))}: {f.words}")
    say(Msg("cli.coord_quotes_how"))
    return 0


def cmd_quotes_decide(args: argparse.Namespace) -> int:
    from core.coordinator.share import share_view
    from core.coordinator.share_settings import decide_quote
    with open_vault(args) as vault:
        items = share_view(vault).quotes.review
        for prefix in args.keys:
            found = [r for r in items if r.key.startswith(prefix.lower())]
            if len(found) != 1 or len(prefix) < 6:
                raise InvalidInput(Msg("cli.no_single_quote_key", prefix=prefix),
                                   Msg("cli.no_single_quote_key.hint"))
            decide_quote(vault, found[0].key, args.decision, kinds=[f.kind for f in found[0].flags])
            print(f"{found[0].key}: {args.decision}")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from core.coordinator.share_settings import (
        report_language,
        rules,
        set_report_language,
        set_rules,
    )
    with open_vault(args) as vault:
        current = (set_rules(vault, k=args.k, quote_min_interviews=args.quote_min)
                   if args.k is not None or args.quote_min is not None else rules(vault))
        language = set_report_language(vault, args.language) if args.language else report_language(vault)
    say(Msg("cli.coord_rules_k", k=current.k))
    say(Msg("cli.coord_rules_quote_min", quote_min=current.quote_min_interviews))
    say(Msg("cli.coord_rules_language", language=language))
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        agg = _aggregate(vault, args)
    themes = sorted(agg.themes, key=lambda t: (-t.interviews, t.label))
    if args.json:
        print_json({"interviews": agg.n_interviews, "filters": agg.filters, "themes": [
            {"id": t.theme_id, "label": t.label, "interviews": t.interviews, "answers": t.answers,
             "passages": t.passages, "interviews_by_site": t.interviews_by_site} for t in themes]})
        return 0
    say(Msg("cli.coord_themes_totals", interviews=agg.n_interviews, sites=len(agg.sites)))
    head = [text_of(m) for m in (Msg("cli.col_theme"), Msg("cli.col_interviews"), Msg("cli.col_answers"),
                                  Msg("cli.col_passages"))]
    print(f"{head[0]:<32} {head[1]:>10} {head[2]:>8} {head[3]:>9}")
    from core.reports.words import theme_labels
    labels = theme_labels({t.theme_id: t.label for t in themes}, language())
    for t in themes:
        print(f"{labels[t.theme_id][:32]:<32} {t.interviews:>10} {t.answers:>8} {t.passages:>9}")
    return 0
