"""`confidant init`, `passphrase change|recover`, `log verify`, `interview ...`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from core.cli.common import open_vault, print_json, read_passphrase, say, text_of, vault_dir
from core.errors import CoreError, InvalidInput, Msg
from core.vault.interviews import state_word


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted vault (prints the recovery code once)")
    p.add_argument("--role", choices=["researcher", "coordinator"], default="researcher")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passphrase", help="change the passphrase, or recover with the recovery code")
    ps = p.add_subparsers(dest="action", required=True)
    c = ps.add_parser("change", help="change the passphrase (asks for the current one)")
    c.add_argument("--new-passphrase-file", metavar="FILE")
    c.set_defaults(handler=cmd_passphrase_change)
    r = ps.add_parser("recover", help="unlock with the recovery code and set a new passphrase")
    r.add_argument("--recovery-code", help="the recovery code (prompted for if omitted)")
    r.add_argument("--new-passphrase-file", metavar="FILE")
    r.set_defaults(handler=cmd_passphrase_recover)

    p = sub.add_parser("rescue", help="copy what is intact from a damaged vault into a new vault "
                       "(reads the damaged one, never writes it)")
    p.add_argument("target", metavar="NEW_FOLDER", help="where to create the rescued vault (same passphrase)")
    p.set_defaults(handler=cmd_rescue)

    p = sub.add_parser("log", help="the vault's security log")
    ls = p.add_subparsers(dest="action", required=True)
    v = ls.add_parser("verify", help="check the log's hash chain")
    v.set_defaults(handler=cmd_log_verify)
    s = ls.add_parser("show", help="list the security events")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_log_show)

    p = sub.add_parser("interview", help="create, list, show and delete interviews")
    ins = p.add_subparsers(dest="action", required=True)
    n = ins.add_parser("new", help="create an interview (prints its id)")
    n.add_argument("--participant-code", required=True, help="a pseudonym such as P-001, never a name")
    n.add_argument("--site", required=True, help="the site code (from your study's list, if you joined one)")
    n.add_argument("--new-site", action="store_true",
                   help="confirm a site outside the study's list (only if the study allows it)")
    n.add_argument("--guide", help="guide id (optionally id@version); its language is the interview's")
    n.add_argument("--language", metavar="xx",
                   help="with no --guide: use the built-in guide for this language (en or es)")
    n.add_argument("--date", help="YYYY-MM-DD (default today)")
    n.add_argument("--consent", choices=["verbal", "written"])
    n.add_argument("--witness", default="")
    n.add_argument("--protect", action="append", default=[], metavar="NAME[=ROLE]",
                   help='a name to hide in this interview, with who they are: "Kevin Walsh=supervisor" '
                        "(roles: participant, supervisor, manager, co-worker, family, other; "
                        "repeatable). Its placeholder is then [SUPERVISOR 1]")
    n.add_argument("--workplace", action="append", default=[], metavar="NAME",
                   help="a workplace, site or team name to hide in every interview (repeatable)")
    n.add_argument("--capture-off-record", action="store_true",
                   help="keep audio during off-the-record moments (default: not captured)")
    n.set_defaults(handler=cmd_interview_new)
    li = ins.add_parser("list", help="list interviews")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_interview_list)
    sh = ins.add_parser("show", help="show one interview")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_interview_show)
    from core.cli.lifecycle_cmds import add_interview_delete
    add_interview_delete(ins)


def _new_passphrase(args: argparse.Namespace, file_attr: str = "new_passphrase_file") -> str:
    path = getattr(args, file_attr, None)
    if path:
        with open(path, encoding="utf-8") as fh:
            return fh.readline().rstrip("\n")
    env = os.environ.get("CONFIDANT_NEW_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise InvalidInput(Msg("cli.no_new_passphrase_given"), Msg("cli.no_new_passphrase_given.hint"))
    first = getpass.getpass("New passphrase: ")
    if getpass.getpass("Again, to confirm: ") != first:
        raise InvalidInput(Msg("cli.two_passphrases_not_match"), Msg("cli.two_passphrases_not_match.hint"))
    return first


def cmd_rescue(args: argparse.Namespace) -> int:
    from core.vault.rescue import rescue
    report = rescue(vault_dir(args), read_passphrase(args), args.target)
    say(Msg("cli.rescued_rows_into_new", rows_copied=report.rows_copied, target=report.target))
    for t in report.damaged:
        what = Msg("cli.rescue_unreadable") if t.unreadable else Msg("cli.rescue_skipped", n=t.damaged_stretches)
        say(Msg("cli.rescue_table", table=t.name, copied=t.copied, what=what))
    if not report.damaged:
        say(Msg("cli.rescue_clean"))
    say(Msg("cli.damaged_vault_not_changed"))
    print(f"\n    {report.recovery_code}\n")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from core.vault import Vault
    folder = vault_dir(args)
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, code = Vault.create(folder, passphrase, role=args.role)
    vault.close()
    say(Msg("cli.created_coordinator_vault", folder=folder) if args.role == "coordinator"
        else Msg("cli.created_researcher_vault", folder=folder))
    print()
    say(Msg("cli.your_recovery_code_shown"))
    print()
    print(f"    {code}")
    print()
    say(Msg("cli.you_can_unlock_vault"))
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(_new_passphrase(args))
    say(Msg("cli.passphrase_changed"))
    return 0


def cmd_passphrase_recover(args: argparse.Namespace) -> int:
    from core.vault import Vault
    code = args.recovery_code or os.environ.get("CONFIDANT_RECOVERY_CODE")
    if not code:
        if not sys.stdin.isatty():
            raise InvalidInput(Msg("cli.no_recovery_code_given"), Msg("cli.no_recovery_code_given.hint"))
        code = input("Recovery code: ")
    with Vault.open_with_recovery_code(vault_dir(args), code) as vault:
        vault.change_passphrase(_new_passphrase(args))
    say(Msg("cli.unlocked_recovery_code_set"))
    return 0


def cmd_log_verify(args: argparse.Namespace) -> int:
    from core.vault import auditlog
    with open_vault(args) as vault:
        report = auditlog.verify(vault.conn)
    if report.ok:
        say(Msg("cli.security_log_intact_entries", entries=report.entries))
        return 0
    raise CoreError(Msg("cli.security_log_tampered", problem=report.problem),
                    Msg("cli.security_log_tampered.hint"))


def cmd_log_show(args: argparse.Namespace) -> int:
    from core.vault import auditlog
    with open_vault(args) as vault:
        items = auditlog.entries(vault.conn)
    if args.json:
        print_json([e.__dict__ for e in items])
    else:
        for e in items:
            print(f"{e.seq:5d}  {e.at}  {e.event}  {e.details}")
    return 0


def _interview_dict(iv) -> dict:
    from dataclasses import asdict
    data = asdict(iv)
    data["protected_names"] = len(iv.protected_names)  # names stay out of plain listings
    return data


def cmd_interview_new(args: argparse.Namespace) -> int:
    import datetime as dt

    from core.study.sites import check_site
    from core.vault.interviews import Consent, InterviewRepo, parse_protected
    protected = [parse_protected(p) for p in args.protect]  # a wrong role fails before anything is made
    with open_vault(args) as vault:
        args.site = check_site(vault, args.site, confirmed=args.new_site)
        guide_pk = None
        if args.guide or getattr(args, "language", None):
            from core.vault.guides import GuideRepo, default_guide_id
            repo_g = GuideRepo(vault)
            if not args.guide:
                repo_g.ensure_defaults()
            guide_pk = repo_g.resolve(args.guide or default_guide_id(args.language)).pk
        consent = None
        if args.consent:
            consent = Consent(args.consent, dt.datetime.now().isoformat(timespec="minutes"), args.witness, True)
        repo = InterviewRepo(vault)
        iv = repo.create(args.participant_code, args.site, guide_pk=guide_pk, interview_date=args.date,
                         capture_off_record=args.capture_off_record, consent=consent)
        for name, role in protected:
            repo.add_protected_name(iv.id, name, role)
        for workplace in args.workplace:
            if workplace.strip():
                repo.add_workplace_name(workplace)
    print(iv.id)
    return 0


def cmd_interview_list(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import share_status
    from core.vault.interviews import InterviewRepo
    with open_vault(args) as vault:
        items = InterviewRepo(vault).list()
        shared = {iv.id: share_status(vault, iv.id).message() for iv in items}
    if args.json:
        print_json([_interview_dict(i) for i in items])
        return 0
    if not items:
        say(Msg("cli.no_interviews_yet_create"))
    for iv in items:
        said = shared[iv.id]
        print(f"{iv.id}  {iv.participant_code:<10} {iv.site:<12} {iv.interview_date}  {text_of(state_word(iv.state))}"
              + (f"  {text_of(said)}" if said else ""))
    return 0


def cmd_interview_show(args: argparse.Namespace) -> int:
    from core.lifecycle.receipts import share_status
    from core.vault.interviews import InterviewRepo
    with open_vault(args) as vault:
        iv = InterviewRepo(vault).get(args.id)
        shared = share_status(vault, iv.id)
    if args.json:
        print_json({**_interview_dict(iv), "shared": shared.__dict__})
        return 0
    consent = (Msg("cli.show_consent_at", method=iv.consent.method, at=iv.consent.given_at) if iv.consent
               else Msg("cli.show_consent_none"))
    say(Msg("cli.show_interview", id=iv.id, code=iv.participant_code, site=iv.site, date=iv.interview_date,
            state=state_word(iv.state), consent=consent, names=len(iv.protected_names)))
    said = shared.message()
    if said:
        say(Msg("cli.show_shared", text=said))
    return 0
