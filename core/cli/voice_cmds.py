"""`confidant voice` (your voice sample) and `confidant voices` (an interview's voices)."""

from __future__ import annotations

import argparse

from core.cli.common import ProgressPrinter, open_vault, say, text_of
from core.errors import Msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("voice", help="teach Confidant your voice, so it knows the interviewer by voice")
    vs = p.add_subparsers(dest="action", required=True)
    t = vs.add_parser("text", help="what the voice sample is for, and the text to read aloud")
    t.set_defaults(handler=cmd_voice_text)
    t = vs.add_parser("teach", help="learn your voice from a recording of you reading the text (20-30 s)")
    t.add_argument("file", help="an audio file of you reading `confidant voice text` aloud")
    t.set_defaults(handler=cmd_voice_teach)
    t = vs.add_parser("show", help="whether a voice sample is kept")
    t.set_defaults(handler=cmd_voice_show)
    t = vs.add_parser("forget", help="delete your voice sample (the recording and the voice print)")
    t.set_defaults(handler=cmd_voice_forget)

    p = sub.add_parser("voices", help="an interview's voices: list, rename, set role, move passages")
    vs = p.add_subparsers(dest="action", required=True)
    t = vs.add_parser("list", help="the voices with their role and name")
    t.add_argument("id", help="interview id")
    t.set_defaults(handler=cmd_voices_list)
    t = vs.add_parser("rename", help="give a voice a name people see")
    t.add_argument("id")
    t.add_argument("voice", help="V1, V2, ...")
    t.add_argument("name")
    t.set_defaults(handler=cmd_voices_rename)
    t = vs.add_parser("role", help="say whether a voice is the interviewer or a participant")
    t.add_argument("id")
    t.add_argument("voice")
    t.add_argument("role", choices=("interviewer", "participant"))
    t.set_defaults(handler=cmd_voices_role)
    t = vs.add_parser("move", help="move passages (segment indexes as in `transcript show --json`) to a voice")
    t.add_argument("id")
    t.add_argument("voice")
    t.add_argument("segments", help="comma-separated segment indexes, e.g. 3,4,7")
    t.set_defaults(handler=cmd_voices_move)


def cmd_voice_text(args: argparse.Namespace) -> int:
    from core.cli.common import language, say
    from core.errors import Msg
    from core.speakers.sample import explanation, reading
    print(explanation(language()))
    print()
    say(Msg("cli.voice_read_aloud"))
    print()
    print(reading(language()))
    return 0


def cmd_voice_teach(args: argparse.Namespace) -> int:
    from core.jobs import CancelToken
    from core.speakers.sample import make_voice_sample_job, read_sample_file

    audio = read_sample_file(args.file)
    with open_vault(args) as vault:
        sample = make_voice_sample_job(vault, audio)(ProgressPrinter(), CancelToken())
    say(Msg("cli.confidant_now_knows_your", speech_s=sample.speech_s))
    return 0


def cmd_voice_show(args: argparse.Namespace) -> int:
    from core.vault.voices import VoiceRepo
    with open_vault(args) as vault:
        sample = VoiceRepo(vault).sample()
    if sample is None:
        say(Msg("cli.no_voice_sample_interviewers"))
    else:
        say(Msg("cli.voice_sample_kept_since", created_at=sample.created_at[:10], speech_s=sample.speech_s))
    return 0


def role_word(role: str) -> Msg:
    """A voice's role in words (the stored role is a code)."""
    return {"interviewer": Msg("cli.role_interviewer"), "participant": Msg("cli.role_participant")}.get(
        role) or Msg("audit.plain", text=role)


def cmd_voice_forget(args: argparse.Namespace) -> int:
    from core.speakers.sample import delete_sample
    with open_vault(args) as vault:
        deleted = delete_sample(vault)
    say(Msg("cli.voice_sample_deleted") if deleted else Msg("cli.voice_sample_none"))
    return 0


def cmd_voices_list(args: argparse.Namespace) -> int:
    from core.speakers.edits import voices
    with open_vault(args) as vault:
        found = voices(vault, args.id)
    if not found:
        say(Msg("cli.no_voices_yet_transcribe"))
    for v in found:
        mark = "  " + text_of(Msg("cli.voice_set_by_you")) if v.is_manual else ""
        print(f"{v.voice:<4} {text_of(role_word(v.role)):<12} {v.label:<20} {v.speech_s:>6.0f} s{mark}")
    return 0


def cmd_voices_rename(args: argparse.Namespace) -> int:
    from core.speakers.edits import rename_voice
    with open_vault(args) as vault:
        rename_voice(vault, args.id, args.voice, args.name)
    say(Msg("cli.now_shown", voice=args.voice, name=args.name))
    return 0


def cmd_voices_role(args: argparse.Namespace) -> int:
    from core.speakers.edits import set_voice_role
    with open_vault(args) as vault:
        n = set_voice_role(vault, args.id, args.voice, args.role)
    say(Msg("cli.voice_role_set", voice=args.voice, role=role_word(args.role), n=n))
    return 0


def cmd_voices_move(args: argparse.Namespace) -> int:
    from core.errors import InvalidInput
    from core.speakers.edits import move_to_voice
    from core.vault.transcripts import TranscriptRepo
    try:
        wanted = [int(x) for x in args.segments.split(",") if x.strip()]
    except ValueError:
        raise InvalidInput(Msg("cli.segment_indexes_numbers_e")) from None
    with open_vault(args) as vault:
        by_index = {s.idx: s.id for s in TranscriptRepo(vault).current_segments(args.id) if s.id is not None}
        missing = [i for i in wanted if i not in by_index]
        if missing:
            raise InvalidInput(Msg("cli.no_segment_transcript", missing=missing[0]),
                               Msg("cli.no_segment_transcript.hint"))
        n = move_to_voice(vault, args.id, [by_index[i] for i in wanted], args.voice)
    say(Msg("cli.moved_passages_new_transcription", n=n, voice=args.voice))
    return 0
