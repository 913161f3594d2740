"""De-identification benchmark v2: the v2 dev set (tuned on) or the v2 test split (run once),
English and Spanish, three detectors in the same run (the new one scored twice: without and with its place notes):

* ``before``: Confidant's detector as it was on main before issue 14 (commit BEFORE, read
  from git into a temporary folder and run in a child process);
* ``after``: the detector in this checkout;
* ``presidio``: Presidio out of the box (every predefined recognizer, English spaCy model,
  default threshold; Presidio ships no Spanish set-up, so Spanish text gets the same engine).

Scoring is ``bench_deid.evaluate``: an identifier counts as caught only if every letter and
digit of it is inside some proposed span; a proposed span is right if it overlaps an
identifier; "interviews with anything left" is the share with at least one identifier missed.

Run:  python benchmarks/deid/bench_v2.py dev      (or: test — once, at the end)
      python benchmarks/deid/bench_v2.py --set PATH [--name NAME] [--misses]
           (any file in the same format; its misses are printed only with --misses)
Writes benchmarks/results/deid_v2_<split>.json (or deid_<NAME>.json) and prints the tables.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BEFORE = "b7fb76f893aeef20780a98fa073bdcf8254a15fc"  # main just before the first issue-14 landing
SETS = {"dev": HERE / "data" / "v2" / "dev.txt", "test": HERE / "data" / "v2" / "test.txt",
        "dev3": HERE / "data" / "v3" / "dev.txt"}

_CHILD = r"""
import json, sys
from core.deid.detect import detect
out = []
for iv in json.load(sys.stdin):
    try:  # the interview's language, where that commit's detect takes one
        spans = detect(iv["text"], names=[tuple(n) for n in iv["names"]], workplaces=iv["workplaces"],
                       language=iv["language"])
    except TypeError:
        spans = detect(iv["text"], names=[tuple(n) for n in iv["names"]], workplaces=iv["workplaces"])
    out.append([(f.start, f.end, f.entity_type) for f in spans])
json.dump(out, sys.stdout)
"""


def spans_at(interviews: list, commit: str = BEFORE) -> list[list[tuple[int, int, str]]]:
    """Run the old detector (its own code, its own process) on every interview."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "core"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        payload = json.dumps([{"text": iv.text, "names": iv.names, "workplaces": iv.workplaces,
                               "language": iv.language} for iv in interviews])
        env = dict(os.environ, PYTHONPATH=tmp)
        done = subprocess.run([sys.executable, "-c", _CHILD], input=payload, capture_output=True, text=True,
                              cwd=tmp, env=env, check=True)
        return [[tuple(s) for s in spans] for spans in json.loads(done.stdout)]


def main(argv: list[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(description="de-identification benchmark v2")
    ap.add_argument("split", nargs="?", default="dev", choices=sorted(SETS))
    ap.add_argument("--set", dest="path", type=Path, help="score this file instead of a v2 split")
    ap.add_argument("--name", help="results file name: benchmarks/results/deid_<NAME>.json")
    ap.add_argument("--misses", action="store_true", help="list what the new detector left in")
    ap.add_argument("--before", default=BEFORE,
                    help="the commit whose detector is 'before' (default: pre-#14), or 'rules': this checkout without "
                         "the learned tagger")
    a = ap.parse_args(argv)
    path = a.path.resolve() if a.path else SETS[a.split]
    if not path.is_file():
        raise SystemExit(f"No such set: {path}")
    split = a.name or (path.stem if a.path else a.split)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    from bench_deid import evaluate, load_set, ours, ours_with_notes, stock

    from core.deid import engine
    from core.deid.findings import is_person_type
    interviews = load_set(path)
    t0 = time.perf_counter()
    engine.analyzer("confidant"), engine.analyzer("es"), engine.analyzer("stock")
    load_s = time.perf_counter() - t0
    if a.before == "rules":  # this checkout's rules alone: what the learned tagger adds (decision 0236)
        from core.deid.detect import detect
        before = {iv.id: [(f.start, f.end, f.entity_type) for f in detect(
            iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language, use_learned=False)]
            for iv in interviews}
    else:
        before = dict(zip((iv.id for iv in interviews), spans_at(interviews, a.before)))

    # The pre-#14 detector proposed places as it behaved; a later "before" files them as notes
    # (decision 0195), so they are left out exactly as "after" leaves them out.
    keep_notes = a.before == BEFORE

    def before_fn(iv):
        return [(s, e, "PERSON" if is_person_type(t) else t) for s, e, t in before[iv.id]
                if keep_notes or t != "LOCATION"]

    # "+notes": the same run scored as if every place note (a town or country named alone,
    # kept in the text; decision 0195) were a proposal, so nothing about them is hidden.
    systems = {"before": before_fn, "after": ours, "+notes": ours_with_notes, "presidio": stock}
    try:
        shown = str(path.relative_to(REPO))
    except ValueError:
        shown = path.name  # a file outside the checkout: its name only
    out: dict = {"split": split, "file": shown, "before_commit": a.before,
                 "load_s": round(load_s, 1), "languages": {}}
    for lang in ("en", "es", "all"):
        subset = [iv for iv in interviews if lang == "all" or iv.language == lang]
        if not subset:
            continue
        out["languages"][lang] = {name: evaluate(subset, fn) for name, fn in systems.items()}
        _print(lang, out["languages"][lang], a.misses or not a.path)
    out["gate"] = {name: gate_alone(interviews, systems[name]) for name in ("after", "before")}
    for name, g in out["gate"].items():
        print(f"\nsecond look after '{name}': first pass left {g['misses']} identifiers in; the second look "
              f"flags {g['misses_flagged']} of them; {g['flags']} flags, {g['flags_on_nothing']} on no identifier "
              f"(flag precision {g['flag_precision']})")
    out["speed"] = speed(interviews)
    print(f"\nspeed: {out['speed']}")
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    dest = results / (f"deid_{split}.json" if a.path or a.name else f"deid_v2_{split}.json")
    dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
    return 0


def _print(lang: str, res: dict, misses: bool = True) -> None:
    names = list(res)
    first = res[names[0]]
    print(f"\n== {lang}: {first['interviews']} interviews, {first['planted']} identifiers ==")
    print(f"{'recall by type':<22}" + "".join(f"{n:>10}" for n in names))
    keys = sorted({k for r in res.values() for k in r["per_type"]})
    for k in keys:
        planted = first["per_type"].get(k, {}).get("planted", 0)
        print(f"{k + f' ({planted})':<22}" + "".join(f"{res[n]['per_type'].get(k, {}).get('recall', 0):>10.3f}"
                                                     for n in names))
    for label, key in (("recall (all)", "recall"), ("precision", "precision"), ("share w/ leak", "share_with_leak")):
        print(f"{label:<22}" + "".join(f"{res[n][key]:>10.3f}" for n in names))
    print(f"{'proposed spans':<22}" + "".join(f"{res[n]['proposed']:>10}" for n in names))
    print(f"{'median ms/interview':<22}" + "".join(f"{res[n]['median_ms_per_interview']:>10}" for n in names))
    leaks = res[names[1]]["leaks"]
    if leaks and misses:
        print(f"left in by 'after' ({len(leaks)}): " + "; ".join(leaks[:60]))


def gate_alone(interviews: list, first_pass) -> dict:
    """What the export gate's second look (``core.deid.gate``) catches on its own: the first
    pass's spans are hidden, the second look reads what would leave, and its flags are
    matched against the identifiers the first pass left in."""
    from bench_deid import _covered

    from core.deid.detect import detect
    from core.deid.gate import second_look
    misses = flagged = flags = on_nothing = 0
    for iv in interviews:
        spans = first_pass(iv)
        left = [g for g in iv.gold if not _covered(g, spans, iv.text)]

        def detect_fn(t, iv=iv):
            return detect(t, names=iv.names, workplaces=iv.workplaces, language=iv.language)

        suspects = second_look(iv.text, [(s, e, "[HIDDEN]") for s, e, _ in spans], [], detect_fn)
        misses += len(left)
        flagged += sum(any(x.start < g.end and g.start < x.end for x in suspects) for g in left)
        flags += len(suspects)
        on_nothing += sum(not any(x.start < g.end and g.start < x.end for g in iv.gold) for x in suspects)
    return {"misses": misses, "misses_flagged": flagged, "flags": flags, "flags_on_nothing": on_nothing,
            "flag_precision": round((flags - on_nothing) / flags, 3) if flags else None}


def speed(interviews: list) -> dict:
    """10,000 words (about an hour of talk) through the interview path's detector, after load."""
    from core.deid.detect import detect
    words: list[str] = []
    while len(words) < 10_000:
        for iv in interviews:
            words += iv.text.split()
    text = " ".join(words[:10_000])
    started = time.perf_counter()
    found = detect(text, names=interviews[0].names, workplaces=interviews[0].workplaces)
    return {"words": 10_000, "seconds": round(time.perf_counter() - started, 2), "findings": len(found)}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
