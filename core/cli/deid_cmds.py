"""`confidant deid ...`: find identifiers, review redactions, sign off, show what would leave.

    confidant deid scan [FILE|-] [--names "A,B"] [--workplaces "X,Y"] [--language en|es] [--json]   (no vault)
    confidant deid ID                     detect in the interview; print the proposals
    confidant deid accept-all ID | accept RID... | reject RID...
    confidant deid add ID SEGMENT START END [--type PERSON]
    confidant deid signoff ID
    confidant deid show ID [--json] [--map] [--redactions]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.cli.common import ProgressPrinter, open_vault, print_json, say, text_of
from core.errors import InvalidInput, Msg

MAX_SCAN_BYTES = 1_000_000  # about 15 hours of speech; one hour is about 60 KB
_ACTIONS = ("scan", "detect", "accept-all", "accept", "reject", "add", "signoff", "show", "map",
            "placeholder-word")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "deid", help="de-identify: scan text, review redactions, sign off",
        description="confidant deid ID detects names and numbers in an interview and prints the "
                    "proposals. Actions: " + ", ".join(_ACTIONS) + ". Use `confidant deid ACTION -h`.")
    p.add_argument("action", metavar="ID|ACTION", help="an interview id, or one of: " + ", ".join(_ACTIONS))
    p.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_deid)


def _sub_parser(action: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=f"confidant deid {action}")
    if action == "scan":
        ap.description = "Find identifiers in any text (no vault needed)."
        ap.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
        ap.add_argument("--names", default="", help='names to protect, comma separated: "Maria Gonzalez,Bob"')
        ap.add_argument("--workplaces", default="", help="workplace names, comma separated")
        ap.add_argument("--language", choices=["en", "es"], default="en",
                        help="the text's language: which spaCy model reads it (our rules know both)")
        ap.add_argument("--no-presidio", action="store_true", help="only Confidant's own recognizers (fast)")
        ap.add_argument("--redact", action="store_true", help="print the text with placeholders instead")
        ap.add_argument("--json", action="store_true")
    elif action in ("detect", "accept-all", "signoff", "map"):
        ap.add_argument("id", help="interview id")
        ap.add_argument("--json", action="store_true")
    elif action in ("accept", "reject"):
        ap.add_argument("redaction_ids", nargs="+", type=int, metavar="RID")
    elif action == "add":
        ap.add_argument("id", help="interview id")
        ap.add_argument("segment", type=int, help="segment id")
        ap.add_argument("start", type=int, help="first character (0-based)")
        ap.add_argument("end", type=int, help="character after the last")
        ap.add_argument("--type", default="PERSON", help="PERSON, WORKPLACE, LOCATION, ADDRESS, PHONE, "
                        "EMAIL, DATE, AGE, ID_NUMBER or a role such as SUPERVISOR")
    elif action == "placeholder-word":
        ap.description = ("How a role reads in placeholders of interviews in a language, e.g. "
                          "SUPERVISOR as SUPERVISORA/SUPERVISOR (default), SUPERVISORA, SUPERVISOR or a word "
                          "of your own (letters, spaces, / and - only). With no TYPE: list the words.")
        ap.add_argument("--language", choices=["es"], default="es")
        ap.add_argument("type", nargs="?", help="SUPERVISOR, MANAGER, CO-WORKER, FAMILY, PARTICIPANT or OTHER")
        ap.add_argument("word", nargs="?", help="the word to use, e.g. SUPERVISORA")
        ap.add_argument("--default", action="store_true", help="go back to the default word")
    elif action == "show":
        ap.add_argument("id", help="interview id")
        ap.add_argument("--json", action="store_true")
        ap.add_argument("--redactions", action="store_true", help="list every redaction with its state")
    return ap


def _placeholder_word(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid.placeholder_words import choose_word, preview, reset_word, role_words
    with open_vault(args) as vault:
        if not a.type:
            for role in role_words(vault, a.language):
                mark = "" if role.is_default else f"  (default {preview(role.default)})"
                print(f"{role.entity_type:<12} {preview(role.word)}{mark}")
            return 0
        if a.default:
            word = reset_word(vault, a.language, a.type)
        elif a.word is None:
            raise InvalidInput(Msg("cli.placeholder_word_missing"), Msg("cli.placeholder_word_missing.hint"))
        else:
            word = choose_word(vault, a.language, a.type, a.word)
    say(Msg("cli.deid_placeholder_word_set", type=a.type.upper(), language=_language_name(a.language),
            word=preview(word), word_2=preview(word, 2)))
    return 0


def cmd_deid(args: argparse.Namespace) -> int:
    action = args.action
    if action not in _ACTIONS:  # `confidant deid ID`
        return _detect(args, _sub_parser("detect").parse_args([action, *args.rest]))
    sub_args = _sub_parser(action).parse_args(args.rest)
    handler = {"scan": _scan, "detect": _detect, "accept-all": _accept_all, "accept": _decide,
               "reject": _decide, "add": _add, "signoff": _signoff, "show": _show, "map": _map,
               "placeholder-word": _placeholder_word}[action]
    sub_args.action = action
    return handler(args, sub_args)


def _language_name(code: str) -> Msg:
    return Msg("transcription.language_es") if code == "es" else Msg("transcription.language_en")


def _split(csv: str) -> list[str]:
    return [x.strip() for x in csv.split(",") if x.strip()]


def _scan(_: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid.detect import detect
    if a.file == "-":
        text = sys.stdin.read(MAX_SCAN_BYTES + 1)
        if len(text) > MAX_SCAN_BYTES:
            raise InvalidInput(Msg("cli.text_standard_input_over"), Msg("cli.text_standard_input_over.hint"))
    else:
        path = Path(a.file)
        if path.exists() and not path.is_file():
            raise InvalidInput(Msg("cli.not_file", file=a.file), Msg("cli.not_file.hint"))
        try:
            size = path.stat().st_size
            if size > MAX_SCAN_BYTES:
                raise InvalidInput(Msg("cli.mb_scan_reads_most", file=a.file, size=size // 1000000, max_scan_bytes=MAX_SCAN_BYTES // 1000000),
                                   Msg("cli.mb_scan_reads_most.hint"))
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(Msg("cli.cannot_read_2", file=a.file), Msg("cli.not_file.hint")) from exc
    if "\x00" in text:
        raise InvalidInput(Msg("cli.file_holds_binary_data"), Msg("cli.file_holds_binary_data.hint"))
    if not text.strip():
        say(Msg("cli.deid_empty_input"), err=True)
    else:
        from core.deid.people import guess_language
        guessed = guess_language(text)
        if guessed and guessed != a.language:
            say(Msg("cli.deid_reads_as_other_language", guessed=_language_name(guessed),
                    used=_language_name(a.language), code=guessed), err=True)
    findings = detect(text, names=_split(a.names), workplaces=_split(a.workplaces), use_presidio=not a.no_presidio,
                      language=a.language)
    if a.redact:
        from core.deid.placeholder_words import words_for
        from core.deid.pseudonyms import PseudonymBook
        from core.deid.redact import Replacement, apply
        book = PseudonymBook(words=words_for(a.language))
        from core.deid.findings import is_place_note
        # As the review does after accept-all: a town named alone is a note and stays (0195).
        reps = [Replacement(f.start, f.end, book.placeholder(f.entity_type, f.canonical or f.text, f.label))
                for f in findings if not is_place_note(f.entity_type)]
        print(apply(text, reps)[0])
        _raise_learned_problem()
        return 0
    if a.json:
        print_json([f.to_json() for f in findings])
    else:
        for f in findings:
            print(f"{f.start:>6} {f.end:>6}  {f.entity_type:<12} {f.score:.2f}  {f.text}")
    _raise_learned_problem()
    return 0


def _raise_learned_problem() -> None:
    """A scan that could not use the learned tagger ran on the rules alone: after showing
    what the rules found, say so and exit non-zero (never a silent skip; decision 0236)."""
    from core.deid.detect import learned_problem
    problem = learned_problem()
    if problem is not None:
        raise problem


def _print_redactions(redactions: list[Any], as_json: bool) -> None:
    if as_json:
        print_json([r.__dict__ for r in redactions])
        return
    for r in redactions:
        print(f"{r.id:>5}  {text_of(Msg('cli.seg', id=f'{r.segment_id:<5}'))} {r.start_char:>4}-{r.end_char:<4} {r.state:<9} "
              f"{r.entity_type:<12} {r.placeholder:<18} {r.original}")


def _detect(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    from core.jobs import run_job
    with open_vault(args) as vault:
        new = run_job(review.make_detect_job(vault, a.id), ProgressPrinter())
        proposed = review.list_redactions(vault, a.id, "proposed")
        note = review.language_note(vault, a.id)
        if note:
            say(Msg("cli.note", text=note), err=True)
        if a.json:
            print_json({"new": new, "proposed": [r.__dict__ for r in proposed],
                        "warnings": review.quasi_identifier_warnings(vault, a.id)})
            return 0
        say(Msg("cli.deid_new_proposals", new=new, waiting=len(proposed)))
        _print_redactions(proposed, False)
        for w in review.quasi_identifier_messages(vault, a.id):
            say(Msg("cli.warning", text=w))
    return 0


def _accept_all(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    with open_vault(args) as vault:
        n = review.accept_all(vault, a.id)
    say(Msg("cli.deid_accepted", count=n))
    return 0


def _decide(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    fn = review.accept if a.action == "accept" else review.reject
    with open_vault(args) as vault:
        for rid in a.redaction_ids:
            fn(vault, rid)
    count = len(a.redaction_ids)
    say(Msg("cli.deid_accepted", count=count) if a.action == "accept" else Msg("cli.deid_rejected", count=count))
    return 0


def _add(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    with open_vault(args) as vault:
        r = review.add(vault, a.id, a.segment, a.start, a.end, a.type)
    say(Msg("cli.deid_added", rid=r.id, placeholder=r.placeholder))
    return 0


def _signoff(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    from core.errors import SecondLookFlags
    with open_vault(args) as vault:
        warnings = review.quasi_identifier_messages(vault, a.id)
        try:
            s = review.sign_off(vault, a.id)
        except SecondLookFlags:
            flags = [r for r in review.list_redactions(vault, a.id, "proposed") if r.source == review.SECOND_LOOK]
            say(Msg("cli.deid_second_look"), err=True)
            for r in flags:
                print(f"{r.id:>5}  {text_of(Msg('cli.seg', id=f'{r.segment_id:<5}'))} {r.entity_type:<10} {r.original}",
                      file=sys.stderr)
            raise
    for w in warnings:
        say(Msg("cli.warning", text=w), err=True)
    if a.json:
        print_json(s.__dict__)
    else:
        say(Msg("cli.deid_signed_off_at", signed_at=s.signed_at, sha=s.text_sha256[:16]))
    return 0


def _show(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    with open_vault(args) as vault:
        segments = review.deidentified_segments(vault, a.id)
        signed = review.is_signed_off(vault, a.id)
        redactions = review.list_redactions(vault, a.id)
        warnings = review.quasi_identifier_messages(vault, a.id)
    if a.json:
        print_json({"signed_off": signed, "warnings": [w.render() for w in warnings],
                    "segments": [{"segment_id": s.segment_id, "index": s.index, "start_ms": s.start_ms,
                                  "end_ms": s.end_ms, "speaker": s.speaker, "question_id": s.question_id,
                                  "text": s.text} for s in segments],
                    "redactions": [r.__dict__ for r in redactions] if a.redactions else None})
        return 0
    say(Msg("cli.deid_signed_off_yes") if signed else Msg("cli.deid_signed_off_no"))
    for s in segments:
        print(f"[{s.index:>3}] ({text_of(Msg('cli.segment', id=s.segment_id))}) {s.text}")
    if a.redactions:
        _print_redactions(redactions, False)
    for w in warnings:
        say(Msg("cli.warning", text=w))
    return 0


def _map(args: argparse.Namespace, a: argparse.Namespace) -> int:
    from core.deid import review
    with open_vault(args) as vault:
        entries = review.pseudonym_map(vault, a.id)
    if a.json:
        print_json([e.__dict__ for e in entries])
    else:
        for e in entries:
            print(f"{e.placeholder:<20} {e.original}")
    return 0
