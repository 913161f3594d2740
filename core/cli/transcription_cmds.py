"""`confidant transcribe`, `transcript show`, `models list|import`."""

from __future__ import annotations

import argparse
import sys

from core.cli.common import ProgressPrinter, open_vault, print_json, say, text_of, vault_dir
from core.errors import Msg

ENGINES = ("faster-whisper", "openai-whisper")  # mirrors core.transcription.engine (kept light)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("transcribe", help="transcribe an interview's recording on this computer")
    p.add_argument("id", help="interview id")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="speech engine (default: the vault's setting, else faster-whisper)")
    p.add_argument("--model", help="model name (see `confidant models list`; default: the model set for the "
                                   "interview's language, tiny.en for English, base for others)")
    p.add_argument("--language", metavar="xx",
                   help="language code such as en or es (default: the interview guide's; no guide: detect)")
    p.add_argument("--beam-size", type=int, default=5)
    p.add_argument("--prompt", metavar="TEXT",
                   help="words to expect (names of places, jargon) to help the recogniser spell them")
    p.add_argument("--no-vad", action="store_true", help="do not skip silences (slower)")
    p.add_argument("--discard-edits", action="store_true",
                   help="do not carry your manual corrections over to the new transcript")
    p.add_argument("--speakers", metavar="N", default="auto",
                   help="how many people speak: 1-6, 'auto' (default: Confidant counts) or 'off'")
    p.set_defaults(handler=cmd_transcribe)

    p = sub.add_parser("transcript", help="show an interview's transcript")
    ts = p.add_subparsers(dest="action", required=True)
    s = ts.add_parser("show", help="print the current transcript")
    s.add_argument("id", help="interview id")
    fmt = s.add_mutually_exclusive_group()
    for name in ("json", "vtt", "srt", "txt"):
        fmt.add_argument(f"--{name}", dest="format", action="store_const", const=name)
    s.set_defaults(handler=cmd_transcript_show, format="txt")

    p = sub.add_parser("models", help="speech recognition models installed on this computer")
    ms = p.add_subparsers(dest="action", required=True)
    li = ms.add_parser("list", help="list installed models")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_models_list)
    df = ms.add_parser("default", help="show or set the model used for a language")
    df.add_argument("--language", metavar="xx", help="language code such as en or es")
    df.add_argument("name", nargs="?", help="model to use for that language")
    df.set_defaults(handler=cmd_models_default)
    im = ms.add_parser("import", help="import a model folder (CTranslate2) or .pt file (openai-whisper)")
    im.add_argument("path")
    im.add_argument("--name", help="name to give the model (default: the folder or file name)")
    im.set_defaults(handler=cmd_models_import)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from core.jobs import CancelToken
    from core.transcription.service import make_transcribe_job

    options = {"beam_size": args.beam_size, "vad": not args.no_vad, "discard_edits": args.discard_edits,
               "speakers": args.speakers}
    if args.prompt:
        options["initial_prompt"] = args.prompt
    with open_vault(args) as vault:
        engine = args.engine or vault.get_setting("transcription.engine") or "faster-whisper"
        job = make_transcribe_job(vault, args.id, engine=engine, model=args.model, language=args.language,
                                  options=options)
        transcript = job(ProgressPrinter(), CancelToken())
        n = len(_segments(vault, transcript.id))
    run = transcript.options
    say(Msg("cli.transcribed_segments_audio", interview_id=args.id, engine=transcript.engine,
            model=transcript.model, n=n, audio_s=run.get("audio_s", 0),
            elapsed_s=run.get("elapsed_s", 0)))
    say(_language_line(transcript.language, run))
    if run.get("kept_edits"):
        say(Msg("cli.kept_your_corrected_segments", kept_edits=run['kept_edits']))
    voices = run.get("voices") or {}
    if voices.get("voices"):
        names = ", ".join(f"{v['voice']} {v['label']}" for v in voices["voices"])
        how = {"sample": Msg("cli.roles_from_sample"), "wording": Msg("cli.roles_from_wording"),
               "manual": Msg("cli.roles_from_manual"), "single": Msg("cli.roles_from_single")}.get(
                   voices.get("role_source", ""))
        say(Msg("cli.voices_roles_from", names=names, how=how) if how else Msg("cli.voices", names=names))
    elif voices.get("error"):
        say(Msg("cli.voices_not_found", error=voices["error"]))
    elif voices.get("method") == "no_speech":
        say(Msg("cli.voices_not_enough_speech"))
    return 0


def _language_line(language: str, run: dict) -> Msg:
    from core.transcription.language import language_word
    if run.get("language_detected"):
        return Msg("cli.language_detected", language=language_word(language),
                   percent=100 * float(run.get("language_probability", 0)))
    return Msg("cli.language", language=language_word(language))


def cmd_models_default(args: argparse.Namespace) -> int:
    from core.errors import InvalidInput
    from core.transcription.language import (
        LANGUAGE_NAMES,
        default_models,
        language_name,
        language_word,
        model_for,
        set_default_model,
    )
    with open_vault(args) as vault:
        if args.name:
            if not args.language:
                raise InvalidInput(Msg("cli.say_language_model"), Msg("cli.say_language_model.hint"))
            info = set_default_model(vault, args.language, args.name)
            say(Msg("cli.interviews_will_transcribed", language=language_word(args.language), info_name=info.name))
            return 0
        chosen = default_models(vault)
        for lang in ([args.language] if args.language else list(LANGUAGE_NAMES)):
            info = model_for(vault, lang)
            how = Msg("cli.model_set_here") if chosen.get(lang) == info.name else Msg("cli.model_built_in")
            print(f"{lang}  {language_name(lang):<10} {info.name:<12} ({text_of(how)})")
    return 0


def _segments(vault, transcript_id: int) -> list:
    from core.vault.transcripts import TranscriptRepo
    return TranscriptRepo(vault).segments(transcript_id)


def cmd_transcript_show(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from core.transcription import formats
    from core.vault.transcripts import TranscriptRepo

    with open_vault(args) as vault:
        repo = TranscriptRepo(vault)
        transcript = repo.require_current(args.id)
        segments = repo.segments(transcript.id)
    if args.format == "json":
        print_json({"transcript": asdict(transcript), "segments": [asdict(s) for s in segments]})
    elif args.format == "vtt":
        sys.stdout.write(formats.to_vtt(segments))
    elif args.format == "srt":
        sys.stdout.write(formats.to_srt(segments))
    else:
        sys.stdout.write(formats.to_txt(segments, with_times=True))
    return 0


def cmd_models_list(args: argparse.Namespace) -> int:
    from core.transcription.registry import list_models
    from core.vault.db import MODELS_DIR

    models = list_models(models_dir=vault_dir(args) / MODELS_DIR)
    if args.json:
        print_json([{"name": m.name, "engine_format": m.engine_format, "languages": list(m.languages),
                     "size_bytes": m.size_bytes, "sha256": m.sha256, "source": m.source,
                     "engines": list(m.engines())} for m in models])
        return 0
    if not models:
        say(Msg("cli.no_speech_recognition_models"))
        return 0
    head = [text_of(m) for m in (Msg("cli.col_name"), Msg("cli.col_format"), Msg("cli.col_languages"),
                                  Msg("cli.col_size"), Msg("cli.col_source"))]
    print(f"{head[0]:<12} {head[1]:<15} {head[2]:<14} {head[3]:>8}  {'sha256':<16} {head[4]}")
    for m in models:
        langs = text_of(Msg("cli.many_languages")) if m.is_multilingual else ",".join(m.languages)
        print(f"{m.name:<12} {m.engine_format:<15} {langs:<14} {m.size_bytes / 1e6:>6.0f}MB  "
              f"{m.sha256[:16]} {m.source}")
    return 0


def cmd_models_import(args: argparse.Namespace) -> int:
    from core.transcription.registry import import_model

    with open_vault(args) as vault:
        info = import_model(vault, args.path, name=args.name)
    say(Msg("cli.imported_model_mb", info_name=info.name, engine_format=info.engine_format, size_bytes=info.size_bytes / 1000000.0))
    print(f"SHA-256: {info.sha256}")
    say(Msg("cli.compare_checksum_one_your"))
    return 0
