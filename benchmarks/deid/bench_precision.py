"""Precision per type and every false positive, on every committed hand-written set, one run.

For each set (blind v1, blind v3, dev v4, test v4, test v5 and v5b, English and Spanish) the
detector in this checkout (``bench_deid.ours``: place notes kept in the text, as in
``bench_v2.py``) is scored with ``bench_deid.evaluate``: recall of every identifier, precision
of proposed spans (right if it overlaps an identifier), per proposed type. With ``--fps`` each
wrong span is printed with a little context, to sort them into classes.

Run:  python benchmarks/deid/bench_precision.py [--fps] [--only NAME ...] [--skip NAME ...]
          [--save NAME] [--compare NAME] [--before DIR]
``--before DIR`` scores another checkout of the code (e.g. ``git archive`` of an older commit
unpacked in DIR, with this script) in a child process first, in the same run, and prints
before -> after. Writes benchmarks/results/deid_precision_<NAME>.json with --save (numbers and
the wrong spans' words; the sets are committed, invented text).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "data"
SETS = {
    "blind-v1": DATA / "blind-v1" / "blind.txt",
    "blind-v3": DATA / "blind-v3" / "blind-v3.txt",
    "dev-v4-en": DATA / "dev-v4" / "dev-v4-en.txt",
    "dev-v4-es": DATA / "dev-v4" / "dev-v4-es.txt",
    "test-v4-en": DATA / "test-v4" / "test-v4-en.txt",
    "test-v4-es": DATA / "test-v4" / "test-v4-es.txt",
    "test-v5-en": DATA / "test-v5" / "test-v5-en.txt",
    "test-v5-es": DATA / "test-v5" / "test-v5-es.txt",
    "test-v5b-en": DATA / "test-v5" / "test-v5b-en.txt",
    "test-v5b-es": DATA / "test-v5" / "test-v5b-es.txt",
}


_BY: dict = {}


def ours_by(iv) -> list[tuple[int, int, str]]:
    """``bench_deid.ours`` (place notes left out), remembering each span's recognizer."""
    from core.deid.detect import detect
    from core.deid.findings import is_person_type, is_place_note
    spans = []
    for f in detect(iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language):
        if not is_place_note(f.entity_type):
            spans.append((f.start, f.end, "PERSON" if is_person_type(f.entity_type) else f.entity_type))
            _BY[(iv.id, f.start, f.end)] = f.recognizer
    return spans


def wrong_spans(interviews, system) -> list[dict]:
    out = []
    for iv in interviews:
        for s, e, t in system(iv):
            if not any(s < g.end and g.start < e for g in iv.gold):
                out.append({"id": iv.id, "type": t + "/" + _BY.get((iv.id, s, e), "?"), "span": iv.text[s:e],
                            "context": iv.text[max(0, s - 40):s] + "⟦" + iv.text[s:e] + "⟧" + iv.text[e:e + 30]})
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fps", action="store_true", help="print every wrong span with context")
    ap.add_argument("--only", nargs="*", default=[], help="score only these sets")
    ap.add_argument("--skip", nargs="*", default=[], help="leave these sets out (a held-out file)")
    ap.add_argument("--save", help="write benchmarks/results/deid_precision_<NAME>.json")
    ap.add_argument("--compare", help="a saved run to print beside this one")
    ap.add_argument("--before", type=Path, help="another checkout to score first, in a child process")
    ap.add_argument("--save-to", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    from bench_deid import evaluate, load_set

    from core.deid import engine
    engine.analyzer("confidant"), engine.analyzer("es")
    results = REPO / "benchmarks" / "results"
    old = json.loads((results / f"deid_precision_{a.compare}.json").read_text(encoding="utf-8")) if a.compare else {}
    if a.before:
        import os
        import subprocess
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            dest = Path(tmp) / "before.json"
            args = [sys.executable, str(a.before / "benchmarks" / "deid" / "bench_precision.py"), "--save-to", str(dest)]
            args += (["--only", *a.only] if a.only else []) + (["--skip", *a.skip] if a.skip else [])
            subprocess.run(args, cwd=a.before, env=dict(os.environ, PYTHONPATH=str(a.before)), check=True,
                           stdout=subprocess.DEVNULL)
            old = json.loads(dest.read_text(encoding="utf-8"))
    out: dict = {}
    started = time.perf_counter()
    for name, path in SETS.items():
        if (a.only and name not in a.only) or name in a.skip:
            continue
        interviews = load_set(path)
        res = evaluate(interviews, ours_by)
        fps = wrong_spans(interviews, ours_by)
        out[name] = {"recall": res["recall"], "precision": res["precision"], "proposed": res["proposed"],
                     "per_type_recall": {k: v["recall"] for k, v in res["per_type"].items()},
                     "per_type_precision": {k: [v["right"], v["proposed"]] for k, v in res["per_predicted_type"].items()},
                     "leaks": res["leaks"], "wrong": [f"{f['type']} {f['span']}" for f in fps]}
        was = old.get(name)
        line = f"{name:<12} recall {res['recall']:.3f} precision {res['precision']:.3f} ({res['proposed']} spans)"
        if was:
            line += f"   was {was['recall']:.3f} / {was['precision']:.3f} ({was['proposed']})"
        print(line)
        print("   precision by type: " + ", ".join(f"{k} {r}/{p}" for k, (r, p) in out[name]["per_type_precision"].items()))
        if was:
            gone = [x for x in was["leaks"] if x not in res["leaks"]]
            new = [x for x in res["leaks"] if x not in was["leaks"]]
            if new:
                print("   NEW MISSES: " + "; ".join(new))
            if gone:
                print("   now found: " + "; ".join(gone))
            fixed = sorted(set(was["wrong"]) - set(out[name]["wrong"]))
            added = sorted(set(out[name]["wrong"]) - set(was["wrong"]))
            print(f"   wrong spans gone ({len(fixed)}): " + "; ".join(fixed))
            if added:
                print(f"   NEW WRONG ({len(added)}): " + "; ".join(added))
        if a.fps:
            for f in fps:
                print(f"   FP {f['id']} {f['type']}: {f['context']!r}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    if old:
        _table(old, out)
    if a.save_to:
        a.save_to.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    if a.save:
        results.mkdir(parents=True, exist_ok=True)
        (results / f"deid_precision_{a.save}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                                               encoding="utf-8")
    return 0


def _table(old: dict, new: dict) -> None:
    """before -> after per set: recall, precision, and the precision of each proposed type."""
    print(f"\n{'set':<12} {'recall':>15} {'precision':>15} {'wrong spans':>13}  precision by type (before -> after)")
    for name, row in new.items():
        was = old.get(name)
        if not was:
            continue
        wrong = lambda r: sum(p - ok for ok, p in r["per_type_precision"].values())  # noqa: E731
        types = sorted(set(row["per_type_precision"]) | set(was["per_type_precision"]))
        by_type = []
        for t in types:
            a, b = was["per_type_precision"].get(t, [0, 0]), row["per_type_precision"].get(t, [0, 0])
            if a != b:
                by_type.append(f"{t} {a[0] / max(1, a[1]):.3f}->{b[0] / max(1, b[1]):.3f}")
        print(f"{name:<12} {was['recall']:.3f} -> {row['recall']:.3f} {was['precision']:.3f} -> {row['precision']:.3f} "
              f"{wrong(was):>5} -> {wrong(row):<5}  " + ", ".join(by_type))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
