"""`confidant record`, `confidant audio import|info|devices`."""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
import time
from typing import Any

from core.cli.common import ProgressPrinter, language, open_vault, print_json, say, text_of
from core.errors import Msg
from core.messages import render

_RECORD_HELP = ("While recording type a letter and Enter: n = next question, o = off the record on/off, "
                "p = pause/resume, b = bookmark. Ctrl-C stops and keeps the audio.")


_TAKE_HELP = ("the interview already has a recording: record another take beside it (nothing is "
              "replaced; choose which take's transcript to use with `confidant audio use-take`)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("record", help="record an interview from the microphone",
                       description="Record an interview into the vault. " + _RECORD_HELP)
    p.add_argument("id", help="interview id")
    p.add_argument("--seconds", type=float, help="stop by itself after this many seconds")
    p.add_argument("--device", help="microphone name (see `confidant audio devices`); default: the system's")
    p.add_argument("--another-take", action="store_true", help=_TAKE_HELP)
    p.set_defaults(handler=cmd_record)

    p = sub.add_parser("audio", help="import audio files, show recordings, list microphones")
    acts = p.add_subparsers(dest="action", required=True)
    i = acts.add_parser("import", help="import a WAV, FLAC, OGG or MP3 file into an interview")
    i.add_argument("id", help="interview id")
    i.add_argument("file")
    i.add_argument("--delete-source", action="store_true",
                   help="delete the original file after a successful import (not a secure erase)")
    i.add_argument("--another-take", action="store_true", help=_TAKE_HELP)
    i.set_defaults(handler=cmd_import)
    t = acts.add_parser("takes", help="an interview's takes and which one's transcript is in use")
    t.add_argument("id", help="interview id")
    t.set_defaults(handler=cmd_takes)
    c = acts.add_parser("use-take", help="work on another take's transcript (the others are kept)")
    c.add_argument("id", help="interview id")
    c.add_argument("take", type=int, help="take number, as `confidant audio takes` shows it")
    c.set_defaults(handler=cmd_use_take)
    n = acts.add_parser("info", help="an interview's recordings: duration, chunks, markers, recovered")
    n.add_argument("id", help="interview id")
    n.add_argument("--json", action="store_true")
    n.add_argument("--check", action="store_true",
                   help="read every second of each take and say what damage to the vault lost")
    n.set_defaults(handler=cmd_info)
    d = acts.add_parser("devices", help="list the microphones")
    d.add_argument("--json", action="store_true")
    d.set_defaults(handler=cmd_devices)
    from core.cli.lifecycle_cmds import add_audio_delete
    add_audio_delete(acts)


def _guide_question_ids(vault: Any, interview_id: str) -> list[str]:
    """The attached guide's question ids, in order; [] when there is no guide (or no guide module)."""
    from core.vault.guides import GuideRepo
    stored = GuideRepo(vault).for_interview(interview_id)
    return [q.id for q in stored.guide.questions()] if stored is not None else []


def _read_commands(commands: queue.SimpleQueue[str]) -> None:
    try:
        for line in sys.stdin:
            commands.put(line.strip().lower())
    except (OSError, ValueError):
        return


def cmd_record(args: argparse.Namespace) -> int:
    from core.audio.capture import Recorder
    from core.audio.takes import check_new_take
    from core.vault.interviews import InterviewRepo

    vault = open_vault(args)
    try:
        InterviewRepo(vault).get(args.id)
        check_new_take(vault, args.id, another_take=args.another_take)
        questions = _guide_question_ids(vault, args.id)
        recorder = Recorder(vault, args.id, device=args.device)
        # SIGTERM stops like Ctrl-C (the audio is kept); kill -9 is covered by recovery. SIGINT
        # is set too: a process started in the background inherits it ignored, and Python then
        # never turns Ctrl-C into KeyboardInterrupt, so the recording could not be stopped.
        signal.signal(signal.SIGTERM, _raise_interrupt)
        signal.signal(signal.SIGINT, _raise_interrupt)
        recorder.start()
        say(Msg("cli.recording_from", id=args.id, recording=recorder.recording_id,
                device=recorder.device_name or Msg("cli.default_microphone")), err=True)
        say(Msg("cli.record_keys"), err=True)
        try:
            _record_loop(recorder, questions, args.seconds)
        except KeyboardInterrupt:
            pass
        rid = recorder.stop()
        _print_saved(vault, rid)
        if recorder.error is not None:
            raise recorder.error
        return 0
    finally:
        vault.close()


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _record_loop(recorder: Any, questions: list[str], seconds: float | None) -> None:
    commands: queue.SimpleQueue[str] = queue.SimpleQueue()
    threading.Thread(target=_read_commands, args=(commands,), daemon=True).start()
    q_index = -1
    started: float | None = None
    is_tty = sys.stderr.isatty()
    while recorder.is_recording:
        if started is None and recorder.wait_for_first_audio(0.2):
            started = time.monotonic()
            say(Msg("cli.first_audio"), err=True)
        if seconds is not None and started is not None and time.monotonic() - started >= seconds:
            return
        try:
            cmd = commands.get(timeout=0.2)
        except queue.Empty:
            cmd = ""
        if cmd == "n":
            q_index += 1
            qid = questions[q_index] if q_index < len(questions) else None
            label = qid or f"Q{q_index + 1}"
            recorder.next_question(qid, label)
            say(Msg("cli.next_question_at", label=label, at=f"{recorder.elapsed_s:.1f}"), err=True)
        elif cmd == "o":
            recorder.set_off_record(not recorder.is_off_record)
            at = f"{recorder.elapsed_s:.1f}"
            say(Msg("cli.off_record_at", at=at) if recorder.is_off_record else Msg("cli.on_record_at", at=at), err=True)
        elif cmd == "p":
            (recorder.resume if recorder.is_paused else recorder.pause)()
            say(Msg("cli.paused") if recorder.is_paused else Msg("cli.resumed"), err=True)
        elif cmd == "b":
            recorder.bookmark()
            say(Msg("cli.bookmark_at", at=f"{recorder.elapsed_s:.1f}"), err=True)
        if is_tty:
            peak, _rms = recorder.level
            bar = "#" * int(min(1.0, peak) * 20)
            sys.stderr.write(f"\r{recorder.elapsed_s:7.1f} s [{bar:<20}]"
                             f"{' ' + text_of(Msg('cli.paused_mark')) if recorder.is_paused else ''}"
                             f"{' ' + text_of(Msg('cli.off_record_mark')) if recorder.is_off_record else ''}   ")
            sys.stderr.flush()


def _print_saved(vault: Any, rid: int) -> None:
    from core.vault.recordings import RecordingRepo
    repo = RecordingRepo(vault)
    rec = repo.get(rid)
    print(file=sys.stderr)
    say(Msg("cli.saved_recording", rid=rid, seconds=f"{rec.duration_s:.1f}", chunks=repo.chunk_count(rid),
            markers=len(repo.markers(rid))), err=True)
    print(rid)


def cmd_import(args: argparse.Namespace) -> int:
    from core.audio.importer import (
        can_delete_source,
        delete_source,
        make_import_job,
    )
    from core.audio.takes import check_new_take
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo

    vault = open_vault(args)
    try:
        InterviewRepo(vault).get(args.id)
        check_new_take(vault, args.id, another_take=args.another_take)
        rid = run_job(make_import_job(vault, args.id, args.file), ProgressPrinter())
        print(rid)
        if args.delete_source and can_delete_source(args.file):
            delete_source(args.file)
            say(Msg("cli.original_deleted"), err=True)
        elif can_delete_source(args.file):
            say(Msg("cli.original_kept"), err=True)
        return 0
    finally:
        vault.close()


def recording_info(vault: Any, interview_id: str, *, check: bool = False) -> list[dict[str, Any]]:
    """Plain data about an interview's recordings (for `audio info` and tests); ``check``:
    also read each take back and give the spans damage lost (``lost_s``; None: none readable)."""
    from core.audio import SAMPLE_RATE_HZ
    from core.audio.markers import off_record_spans
    from core.vault.interviews import InterviewRepo
    from core.vault.recordings import RecordingRepo

    InterviewRepo(vault).get(interview_id)
    repo = RecordingRepo(vault)
    out = []
    for take, rec in enumerate(repo.for_interview(interview_id), start=1):
        markers = repo.markers(rec.id)
        spans = off_record_spans(markers, rec.total_samples)
        out.append({
            "take": take, "recording_id": rec.id, "source": rec.source, "source_name": rec.source_name,
            "device": rec.device_name, "state": rec.state, "recovered": rec.state == "recovered",
            "error": rec.error, "codec": rec.codec, "sample_rate_hz": rec.sample_rate_hz,
            "duration_s": round(rec.duration_s, 3), "samples": rec.total_samples,
            "chunks": repo.chunk_count(rec.id), "capture_off_record": rec.capture_off_record,
            "started_at": rec.started_at, "ended_at": rec.ended_at,
            "markers": [{"kind": m.kind, "at_s": round(m.sample_offset / SAMPLE_RATE_HZ, 3),
                         "question_id": m.question_id, "label": m.label} for m in markers],
            "off_record_s": [[round(a / SAMPLE_RATE_HZ, 3), round(b / SAMPLE_RATE_HZ, 3)] for a, b in spans],
        })
        if check:
            out[-1].update(_check(vault, rec.id))
    return out


def _check(vault: Any, recording_id: int) -> dict[str, Any]:
    from core.audio import SAMPLE_RATE_HZ
    from core.audio.source import check_recording
    from core.errors import AudioDamaged
    try:
        result = check_recording(vault, recording_id)
    except AudioDamaged:
        return {"lost_s": None, "seconds_lost": None, "damage": None}
    message = result.message()
    return {"lost_s": [[round(a / SAMPLE_RATE_HZ, 3), round(b / SAMPLE_RATE_HZ, 3)] for a, b in result.lost],
            "seconds_lost": round(result.seconds_lost, 3), "damage": message}


def cmd_info(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        info = recording_info(vault, args.id, check=args.check)
    finally:
        vault.close()
    if args.json:
        print_json([{k: (render(v, language()) if isinstance(v, Msg) else v) for k, v in r.items()}
                    for r in info])
        return 0
    if not info:
        say(Msg("cli.interview_no_recordings_yet"))
    for r in info:
        flag = Msg("cli.take_recovered") if r["recovered"] else ""
        err = Msg("cli.take_stopped_early", error=r["error"]) if r["error"] and not r["recovered"] else ""
        say(Msg("cli.take_row", take=r["take"], recording=r["recording_id"], source=r["source"], state=r["state"],
                flag=flag, err=err, seconds=f"{r['duration_s']:.1f}", chunks=r["chunks"], markers=len(r["markers"])))
        for m in r["markers"]:
            what = m["question_id"] or m["label"] or ""
            print(f"  {m['at_s']:8.1f} s  {m['kind']} {what}".rstrip())
    for r in info if args.check else []:
        take, rid = r["take"], r["recording_id"]
        if r["lost_s"] is None:
            say(Msg("audio.check_unreadable", take=take, recording=rid))
        elif r["damage"] is not None:
            say(Msg("audio.check_take", take=take, recording=rid, message=r["damage"]))
        else:
            say(Msg("audio.check_intact", take=take, recording=rid, total=f"{r['duration_s']:.1f}"))
    return 0


def cmd_takes(args: argparse.Namespace) -> int:
    from core.audio.takes import list_takes
    from core.vault.interviews import InterviewRepo

    vault = open_vault(args)
    try:
        InterviewRepo(vault).get(args.id)
        takes = list_takes(vault, args.id)
        if not takes:
            say(Msg("cli.interview_no_recordings_yet"))
        for t in takes:
            typed = Msg("cli.take_typed_up") if t.transcript is not None else Msg("cli.take_not_typed_up")
            say(Msg("cli.take_line", take=t.number, seconds=f"{t.duration_s:.1f}", typed=typed, recording=t.recording.id,
                    mark=Msg("cli.take_in_use") if t.is_current else ""))
        return 0
    finally:
        vault.close()


def cmd_use_take(args: argparse.Namespace) -> int:
    from core.audio.takes import choose_take, list_takes
    from core.errors import NotFound

    vault = open_vault(args)
    try:
        takes = {t.number: t for t in list_takes(vault, args.id)}
        if args.take not in takes:
            raise NotFound(Msg("cli.interview_no_take", take=args.take),
                           Msg("cli.interview_no_take.hint", interview_id=args.id))
        choose_take(vault, args.id, takes[args.take].recording.id)
        say(Msg("cli.take_transcript_now_one", take=args.take), err=True)
        return 0
    finally:
        vault.close()


def cmd_devices(args: argparse.Namespace) -> int:
    from core.audio.devices import list_input_devices
    devices = list_input_devices()
    if args.json:
        print_json([d.__dict__ for d in devices])
        return 0
    if not devices:
        say(Msg("cli.no_microphone_found"))
        return 1
    for d in devices:
        print(f"{'*' if d.is_default else ' '} {d.index:3d}  {d.name}  ({d.default_samplerate_hz:.0f} Hz)")
    return 0
