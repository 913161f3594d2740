"""`confidant guide ...`, `tag`, `tags ...`, `themes ...`, `memo ...`."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.common import ProgressPrinter, open_vault, print_json, say, text_of
from core.errors import InvalidInput, Join, Msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("guide", help="interview guides: list, import, export, validate")
    gs = p.add_subparsers(dest="action", required=True)
    li = gs.add_parser("list", help="list the guides in the vault (every version)")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=cmd_guide_list)
    im = gs.add_parser("import", help="check a guide file and add it to the vault")
    im.add_argument("file")
    im.set_defaults(handler=cmd_guide_import)
    ex = gs.add_parser("export", help="write a guide (id or id@version) to a YAML file to edit")
    ex.add_argument("id")
    ex.add_argument("file")
    ex.set_defaults(handler=cmd_guide_export)
    va = gs.add_parser("validate", help="check a guide file and list its mistakes (no vault needed)")
    va.add_argument("file")
    va.set_defaults(handler=cmd_guide_validate)

    p = sub.add_parser("tag", help="tie the transcript to the guide's questions and suggest themes")
    p.add_argument("id", help="interview id")
    p.add_argument("--threshold", type=float, default=None, help="suggestion threshold 0..1")
    p.set_defaults(handler=cmd_tag)

    p = sub.add_parser("tags", help="show, accept and reject an interview's tags")
    ts = p.add_subparsers(dest="action", required=True)
    sh = ts.add_parser("show", help="each answer with its question, speaker and themes")
    sh.add_argument("id", help="interview id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_tags_show)
    for name, state in (("accept", "accepted"), ("reject", "rejected")):
        a = ts.add_parser(name, help=f"{name} suggested tags by id, or all above a score")
        a.add_argument("tag_ids", nargs="*", type=int, metavar="TAG_ID")
        a.add_argument("--interview", metavar="ID", help="with --all-suggested-above/--all-suggested-below")
        a.add_argument("--all-suggested-above", type=float, metavar="SCORE", dest="above")
        a.add_argument("--all-suggested-below", type=float, metavar="SCORE", dest="below")
        a.set_defaults(handler=cmd_tags_decide, state=state)
    ad = ts.add_parser("add", help="code a segment (or a span of it) with a theme")
    ad.add_argument("id", help="interview id")
    ad.add_argument("--segment", type=int, required=True, metavar="N", help="segment number (as shown)")
    ad.add_argument("--theme", required=True)
    ad.add_argument("--start", type=int, help="first character of the span")
    ad.add_argument("--end", type=int, help="character after the span")
    ad.set_defaults(handler=cmd_tags_add)

    p = sub.add_parser("themes", help="the vault's codebook: list, rename, merge")
    ths = p.add_subparsers(dest="action", required=True)
    tl = ths.add_parser("list", help="list themes")
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(handler=cmd_themes_list)
    tr = ths.add_parser("rename", help="change a theme's label (tags stay)")
    tr.add_argument("theme")
    tr.add_argument("label")
    tr.set_defaults(handler=cmd_themes_rename)
    tm = ths.add_parser("merge", help="merge themes into one (their tags move)")
    tm.add_argument("sources", nargs="+")
    tm.add_argument("--into", required=True)
    tm.set_defaults(handler=cmd_themes_merge)

    p = sub.add_parser("memo", help="notes on an interview or a segment")
    ms = p.add_subparsers(dest="action", required=True)
    ma = ms.add_parser("add", help="add a memo (private unless --share)")
    ma.add_argument("id", help="interview id")
    ma.add_argument("text")
    ma.add_argument("--segment", type=int, metavar="N")
    ma.add_argument("--share", action="store_true", help="include it in exported packets")
    ma.set_defaults(handler=cmd_memo_add)
    ml = ms.add_parser("list", help="list memos")
    ml.add_argument("id")
    ml.add_argument("--json", action="store_true")
    ml.set_defaults(handler=cmd_memo_list)


def _read(path: str) -> str:
    from core.guide.loader import read_guide_file
    return read_guide_file(path)


def cmd_guide_validate(args: argparse.Namespace) -> int:
    from core.guide.loader import load_guide
    guide = load_guide(_read(args.file), Path(args.file).name)
    say(Msg("cli.ok_sections_questions_themes", ref=guide.ref, count=len(guide.sections), count2=len(guide.questions()), count3=len(guide.themes)))
    return 0


def cmd_guide_list(args: argparse.Namespace) -> int:
    from core.vault.guides import GuideRepo
    with open_vault(args) as vault:
        repo = GuideRepo(vault)
        repo.ensure_defaults()
        items = repo.list()
    if args.json:
        print_json([{"pk": s.pk, "id": s.guide_id, "version": s.version, "title": s.guide.title,
                     "language": s.guide.language, "questions": len(s.guide.questions()),
                     "sha256": s.sha256, "imported_at": s.imported_at} for s in items])
        return 0
    for s in items:
        print(f"{s.guide_id}@{s.version:<8} {s.guide.language}  "
              + text_of(Msg("cli.guide_row", n=f"{len(s.guide.questions()):3d}", title=s.guide.title)))
    return 0


def cmd_guide_import(args: argparse.Namespace) -> int:
    from core.vault.guides import GuideRepo
    with open_vault(args) as vault:
        stored = GuideRepo(vault).import_yaml(_read(args.file), Path(args.file).name)
    say(Msg("cli.imported_questions", guide_id=stored.guide_id, version=stored.version, count=len(stored.guide.questions())))
    return 0


def cmd_guide_export(args: argparse.Namespace) -> int:
    from core.vault.guides import GuideRepo
    with open_vault(args) as vault:
        repo = GuideRepo(vault)
        repo.ensure_defaults()
        stored = repo.resolve(args.id)
    Path(args.file).write_text(stored.yaml, encoding="utf-8")
    say(Msg("cli.guide_written", guide=f"{stored.guide_id}@{stored.version}", path=args.file))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from core.jobs import CancelToken
    from core.tagging.service import make_tag_job
    with open_vault(args) as vault:
        job = make_tag_job(vault, args.id, threshold=args.threshold)  # None: the model's own
        s = job(ProgressPrinter(), CancelToken())
    say(Msg("cli.tagged", interview_id=s.interview_id, guide=s.guide,
            method=Msg("cli.tagged_by_markers") if s.method == "markers" else Msg("cli.tagged_by_wording"),
            placed=s.questions_placed, total=s.questions_total, segments=s.segments, suggested=s.suggested,
            kept=s.kept))
    return 0


def _segment_rows(vault, interview_id: str) -> list[dict]:
    from core.vault.tags import Tag, TagRepo
    from core.vault.transcripts import TranscriptRepo
    segments = TranscriptRepo(vault).require_current(interview_id)
    segs = TranscriptRepo(vault).segments(segments.id)
    by_seg: dict[int | None, list[Tag]] = {}
    for t in TagRepo(vault).list(interview_id):
        by_seg.setdefault(t.segment_id, []).append(t)
    return [{"segment": s.idx, "segment_id": s.id, "start_ms": s.start_ms, "end_ms": s.end_ms,
             "speaker": s.speaker, "question_id": s.question_id, "question_score": s.question_score,
             "text": s.text,
             "tags": [{"tag_id": t.id, "theme": t.code_id, "state": t.state, "source": t.source,
                       "score": t.score, "start": t.start_char, "end": t.end_char}
                      for t in by_seg.get(s.id, [])]} for s in segs]


def cmd_tags_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        rows = _segment_rows(vault, args.id)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        score = f" ({r['question_score']:.2f})" if r["question_score"] is not None else ""
        print(f"[{r['segment']}] {r['speaker'] or '?':<11} {r['question_id'] or '-'}{score}")
        print(f"    {r['text']}")
        for t in r["tags"]:
            span = " " + text_of(Msg("cli.tag_chars", start=t["start"], end=t["end"])) if t["start"] is not None else ""
            sc = f" {t['score']:.2f}" if t["score"] is not None else ""
            print(f"    #{t['tag_id']} {t['theme']} [{t['state']}, {t['source']}{sc}]{span}")
    return 0


def cmd_tags_decide(args: argparse.Namespace) -> int:
    from core.vault.tags import TagRepo
    with open_vault(args) as vault:
        repo = TagRepo(vault)
        ids = list(args.tag_ids)
        if args.above is not None or args.below is not None:
            if not args.interview:
                raise InvalidInput(Msg("cli.say_interview_interview_id"), "")
            for t in repo.list(args.interview, state="suggested"):
                score = t.score or 0.0
                if (args.above is None or score >= args.above) and (args.below is None or score < args.below):
                    ids.append(t.id)
        if not ids:
            say(Msg("cli.no_tags_matched"), err=True)
            return 0
        for tag_id in ids:
            repo.set_state(tag_id, args.state)
    say(Msg("cli.tags_confirmed", n=len(ids)) if args.state == "confirmed" else
        Msg("cli.tags_rejected", n=len(ids)) if args.state == "rejected" else Msg("cli.tags_set", n=len(ids), state=args.state))
    return 0


def _segment_id(vault, interview_id: str, n: int) -> int:
    from core.errors import NotFound
    from core.vault.transcripts import TranscriptRepo
    for s in TranscriptRepo(vault).current_segments(interview_id):
        if s.idx == n:
            assert s.id is not None
            return s.id
    raise NotFound(Msg("cli.no_segment_interview_transcript", n=n),
                   Msg("cli.no_segment_interview_transcript.hint", interview_id=interview_id))


def cmd_tags_add(args: argparse.Namespace) -> int:
    from core.vault.tags import TagRepo
    with open_vault(args) as vault:
        tag = TagRepo(vault).add_manual(args.id, _segment_id(vault, args.id, args.segment), args.theme,
                                        args.start, args.end)
    say(Msg("cli.added_tag", tag_id=tag.id, code_id=tag.code_id))
    return 0


def cmd_themes_list(args: argparse.Namespace) -> int:
    from core.vault.themes import ThemeRepo
    with open_vault(args) as vault:
        items = ThemeRepo(vault).list()
    if args.json:
        print_json([t.__dict__ for t in items])
        return 0
    for t in items:
        print(f"{t.id:<26} {t.label}" + ("  " + text_of(Msg("cli.theme_under", parent=t.parent)) if t.parent else ""))
    return 0


def cmd_themes_rename(args: argparse.Namespace) -> int:
    from core.vault.themes import ThemeRepo
    with open_vault(args) as vault:
        t = ThemeRepo(vault).rename(args.theme, args.label)
    say(Msg("cli.now_called", theme_id=t.id, label=t.label))
    return 0


def cmd_themes_merge(args: argparse.Namespace) -> int:
    from core.vault.themes import ThemeRepo
    with open_vault(args) as vault:
        moved = ThemeRepo(vault).merge(args.sources, args.into)
    say(Msg("cli.merged_theme_into_tag", count=len(args.sources), into=args.into, moved=moved))
    return 0


def cmd_memo_add(args: argparse.Namespace) -> int:
    from core.vault.memos import MemoRepo
    with open_vault(args) as vault:
        seg = _segment_id(vault, args.id, args.segment) if args.segment is not None else None
        memo = MemoRepo(vault).add(args.id, args.text, segment_id=seg, is_shared=args.share)
    say(Msg("cli.memo_added_shared", id=memo.id) if memo.is_shared else Msg("cli.memo_added", id=memo.id))
    return 0


def cmd_memo_list(args: argparse.Namespace) -> int:
    from core.vault.memos import MemoRepo
    with open_vault(args) as vault:
        items = MemoRepo(vault).list(args.id)
    if args.json:
        print_json([m.__dict__ for m in items])
        return 0
    for m in items:
        where = Msg("cli.segment", id=m.segment_id) if m.segment_id is not None else Msg("cli.memo_interview")
        shared = Msg("cli.memo_shared_mark") if m.is_shared else ""
        print(f"#{m.id} [{text_of(Join([where, shared], ''))}] {m.text}")
    return 0
