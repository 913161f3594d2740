"""`confidant audit` (the vault) and `confidant audit packet FILE` (a packet)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from core.cli.common import language, read_passphrase, say, vault_dir
from core.errors import InvalidInput, Msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="privacy audit of the vault (or of a packet: `audit packet FILE`)")
    p.add_argument("--json", metavar="FILE", help="also write the report as JSON")
    p.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF")
    p.add_argument("--language", choices=["en", "es"], default=None,
                   help="the PDF's language (en or es; default: the language of the messages)")
    p.add_argument("--scan", action="append", default=[], metavar="DIR",
                   help="another folder to search for plaintext (repeatable)")
    p.set_defaults(handler=cmd_audit_vault)
    asub = p.add_subparsers(dest="audit_target", metavar="packet")
    pk = asub.add_parser("packet", help="audit a packet file")
    pk.add_argument("file")
    pk.add_argument("--identity", metavar="KEYFILE", help="coordinator age identity file (to open the payload)")
    pk.add_argument("--device-key", action="append", default=[], metavar="KEY_OR_FILE",
                    help="a researcher device's public key (confidant-device-ed25519:...) or a file with it")
    pk.add_argument("--json", metavar="FILE", dest="packet_json")
    pk.add_argument("--pdf", metavar="FILE", dest="packet_pdf")
    pk.add_argument("--language", choices=["en", "es"], default=None, dest="packet_language",
                    help="the PDF's language (en or es; default: the language of the messages)")
    pk.set_defaults(handler=cmd_audit_packet)


def _print_and_save(report: Any, json_path: str | None, pdf_path: str | None, pdf_language: str | None) -> int:
    """Each check in the person's language; the JSON keeps the English, the PDF its own language."""
    from core.reports.catalogue import words
    w = words(language())
    for check in report.checks:
        evidence, what_to_do = check.texts(language())
        print(f"[{w('audit.' + check.status)}] {w.check_name(check.name)}")
        print(f"       {evidence}")
        if what_to_do:
            say(Msg("cli.audit_what_to_do", text=what_to_do))
    counts = report.counts()
    print()
    say(Msg("cli.audit_overall", status=w(f"audit.{report.status}"), passed=counts["PASS"], warned=counts["WARN"],
            failed=counts["FAIL"]))
    if json_path:
        from core.vault.files import write_output_file
        write_output_file(json_path, (json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n").encode())
        say(Msg("cli.wrote_file", path=json_path))
    if pdf_path:
        from core.reports.export import export_audit
        export_audit(report, pdf_path, language=pdf_language or language())
        say(Msg("cli.wrote_file", path=pdf_path))
    return 1 if report.status == "FAIL" else 0


def cmd_audit_vault(args: argparse.Namespace) -> int:
    from core.audit.vault_audit import run_vault_audit
    from core.vault import Vault
    passphrase = read_passphrase(args)
    with Vault.open(vault_dir(args), passphrase) as vault:
        report = run_vault_audit(vault, extra_dirs=args.scan, passphrase=passphrase)
    return _print_and_save(report, args.json, args.pdf, args.language)


def _read_identity(path: str) -> str:
    from core.packets.keys import read_key_file
    try:
        lines = read_key_file(path).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(Msg("cli.cannot_read", path=path), Msg("cli.cannot_read.hint")) from exc
    keys = [line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-1")]
    if not keys:
        raise InvalidInput(Msg("cli.holds_no_age_identity", path=path), Msg("cli.holds_no_age_identity.hint"))
    return keys[0]


def _device_keys(items: list[str]) -> list[str]:
    out = []
    for item in items:
        path = Path(item)
        text = path.read_text(encoding="utf-8") if path.is_file() else item
        out += [line.strip() for line in text.splitlines() if line.strip().startswith("confidant-device-")]
    return out


def cmd_audit_packet(args: argparse.Namespace) -> int:
    from core.audit.packet_audit import audit_packet
    from core.packets.reader import read_packet_file
    data = read_packet_file(args.file)
    identity = _read_identity(args.identity) if args.identity else None
    report = audit_packet(data, identity=identity, trusted_devices=_device_keys(args.device_key) or None)
    return _print_and_save(report, args.packet_json, args.packet_pdf, args.packet_language)
