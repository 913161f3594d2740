"""People's names on every labelled development set, in one table (issue #14, names).

For each set: recall of listed people (PERSON) and of people nobody listed (UPERSON), the
interviews with a listed name left, precision of every proposed span and of the proposed
persons alone (a proposed person is right when it overlaps any labelled identifier), per
language. Scoring is ``bench_deid.evaluate``'s: an identifier counts as caught only if every
letter and digit of it lies inside some proposed span.

Run:  python benchmarks/deid/bench_names.py [--misses] [--sets NAME ...] [--save NAME]
                                             [--compare NAME]
  --misses      list every missed person and every proposed person on no identifier
  --save NAME   write benchmarks/results/deid_names_<NAME>.json
  --compare NAME  print this run next to a saved one (before / after)
Sets: the ones under benchmarks/deid/data/ that exist (blind-v3, dev-v4 en/es, v2 dev, v3 dev,
blind-v1, test-v4 en/es: seen since its one held-out run). v2 test is never read here.
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
SETS = {"blind-v3": DATA / "blind-v3" / "blind-v3.txt", "dev-v4-en": DATA / "dev-v4" / "dev-v4-en.txt",
        "dev-v4-es": DATA / "dev-v4" / "dev-v4-es.txt", "v2-dev": DATA / "v2" / "dev.txt",
        "v3-dev": DATA / "v3" / "dev.txt", "blind-v1": DATA / "blind-v1" / "blind.txt",
        "test-v4-en": DATA / "test-v4" / "test-v4-en.txt", "test-v4-es": DATA / "test-v4" / "test-v4-es.txt"}


def score_set(interviews: list, misses: bool) -> dict:
    from bench_deid import _covered

    from core.deid.detect import detect
    from core.deid.findings import is_person_type
    out: dict = {}
    for lang in ("en", "es"):
        subset = [iv for iv in interviews if iv.language == lang]
        if not subset:
            continue
        row = {"interviews": len(subset), "listed": 0, "listed_caught": 0, "unlisted": 0, "unlisted_caught": 0,
               "proposed": 0, "right": 0, "persons_proposed": 0, "persons_right": 0, "listed_left": 0,
               "all_planted": 0, "all_caught": 0}
        lines: list[str] = []
        for iv in subset:
            found = detect(iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language)
            spans = [(f.start, f.end, "PERSON" if is_person_type(f.entity_type) else f.entity_type) for f in found]
            left = False
            for g in iv.gold:
                caught = _covered(g, spans, iv.text)
                row["all_planted"] += 1
                row["all_caught"] += caught
                if g.entity_type != "PERSON":
                    continue
                key = "listed" if g.listed else "unlisted"
                row[key] += 1
                row[key + "_caught"] += caught
                if not caught:
                    left = left or g.listed
                    lines.append(f"  MISS {key:<8} {iv.id}: {g.text!r}  …{iv.text[max(0, g.start - 50):g.end + 30]!r}")
            row["listed_left"] += left
            for f, (s, e, t) in zip(found, spans):
                hit = any(s < g.end and g.start < e for g in iv.gold)
                row["proposed"] += 1
                row["right"] += hit
                if t == "PERSON":
                    row["persons_proposed"] += 1
                    row["persons_right"] += hit
                    if not hit:
                        lines.append(f"  FP   person   {iv.id}: {iv.text[s:e]!r} [{f.recognizer}]  …{iv.text[max(0, s - 40):e + 30]!r}")
        if misses:
            print(f"--- {lang}")
            print("\n".join(sorted(lines)))
        out[lang] = row
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(row: dict) -> dict:
    names = row["listed"] + row["unlisted"]
    return {"names": _ratio(row["listed_caught"] + row["unlisted_caught"], names),
            "listed": _ratio(row["listed_caught"], row["listed"]),
            "unlisted": _ratio(row["unlisted_caught"], row["unlisted"]),
            "all ids": _ratio(row["all_caught"], row["all_planted"]),
            "precision": _ratio(row["right"], row["proposed"]),
            "person prec": _ratio(row["persons_right"], row["persons_proposed"]),
            "listed left": row["listed_left"]}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--sets", nargs="*", default=None)
    ap.add_argument("--save")
    ap.add_argument("--compare")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    from bench_deid import load_set
    results: dict = {}
    chosen = a.sets or [k for k, p in SETS.items() if p.is_file()]
    started = time.perf_counter()
    for name in chosen:
        path = SETS.get(name) or Path(name)
        if not path.is_file():
            raise SystemExit(f"No such set: {name}")
        if a.misses:
            print(f"=== {name}")
        for lang, row in score_set(load_set(path), a.misses).items():
            results[f"{name} {lang}"] = {"counts": row, **summary(row)}
    old = {}
    if a.compare:
        old = json.loads((REPO / "benchmarks" / "results" / f"deid_names_{a.compare}.json").read_text("utf-8"))
    cols = ["names", "listed", "unlisted", "all ids", "precision", "person prec", "listed left"]
    print(f"\n{'set':<16}" + "".join(f"{c:>13}" for c in cols))
    for key, res in results.items():
        cells = []
        for c in cols:
            now = res[c]
            was = old.get(key, {}).get(c) if old else None
            text = "-" if now is None else f"{now}"
            if old and was is not None and was != now:
                text = f"{was}→{now}"
            cells.append(f"{text:>13}")
        print(f"{key:<16}" + "".join(cells))
    print(f"({time.perf_counter() - started:.0f} s)")
    if a.save:
        dest = REPO / "benchmarks" / "results" / f"deid_names_{a.save}.json"
        dest.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
