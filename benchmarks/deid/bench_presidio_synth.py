"""De-identification on Presidio's own synthetic set (presidio-research, ``synth_dataset_v2.json``).

The set is public but the project cannot ship it: pass the path of a local copy (the whole
file, or a file holding its first records in the same JSON layout). Each record's
``full_text`` goes through Confidant's detector (``core.deid.detect.detect``, the function
behind ``confidant deid scan``, English, no lists) and through Presidio out of the box
(every predefined recognizer, the same spaCy model, default threshold) in the same run.

Scoring, as issue #14 states it: a labelled identifier counts as found when at least 80 % of
its characters (letters and digits) lie inside proposed spans of any type. Types scored:
names (PERSON), phones (PHONE_NUMBER), e-mails (EMAIL_ADDRESS), street addresses
(STREET_ADDRESS). Precision is the share of proposed spans that overlap any labelled span of
the record (the set labels organisations, places, titles... too, so a span over those is not
counted wrong).

Run:  python benchmarks/deid/bench_presidio_synth.py PATH [--first N] [--misses]
Writes benchmarks/results/deid_presidio_synth.json (numbers only; no record text).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

TYPES = {"PERSON": "names", "PHONE_NUMBER": "phones", "EMAIL_ADDRESS": "e-mails", "STREET_ADDRESS": "addresses"}
FOUND_SHARE = 0.8


def load(path: Path, first: int) -> list[dict]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SystemExit(f"Cannot read {path}: {exc}") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) and "full_text" in r for r in records):
        raise SystemExit(f"{path} is not a presidio-research synthetic set (a JSON list of records).")
    return records[:first]


def found(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    need = [i for i in range(start, end) if text[i].isalnum()]
    if not need:
        return True
    inside = sum(any(s <= i < e for s, e in spans) for i in need)
    return inside / len(need) >= FOUND_SHARE


def score(records: list[dict], system) -> dict:
    per: dict[str, dict[str, int]] = {k: {"labelled": 0, "found": 0} for k in TYPES}
    proposed = right = 0
    misses: list[str] = []
    started = time.perf_counter()
    for i, rec in enumerate(records):
        text = rec["full_text"]
        spans = system(text)
        labelled = [(s["start_position"], s["end_position"]) for s in rec.get("spans", [])]
        for s, e in spans:
            proposed += 1
            right += any(s < le and ls < e for ls, le in labelled)
        for lab in rec.get("spans", []):
            kind = lab["entity_type"]
            if kind not in per:
                continue
            per[kind]["labelled"] += 1
            if found(text, lab["start_position"], lab["end_position"], spans):
                per[kind]["found"] += 1
            else:
                misses.append(f"#{i} {TYPES[kind]}: {text[lab['start_position']:lab['end_position']]!r}")
    out = {TYPES[k]: {**v, "recall": round(v["found"] / v["labelled"], 3) if v["labelled"] else None}
           for k, v in per.items()}
    return {"per_type": out, "proposed": proposed,
            "precision": round(right / proposed, 3) if proposed else None,
            "seconds": round(time.perf_counter() - started, 1), "misses": misses}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="local copy of synth_dataset_v2.json (or its first records)")
    ap.add_argument("--first", type=int, default=400, help="score the first N records (default 400)")
    ap.add_argument("--misses", action="store_true", help="print what each detector missed")
    ap.add_argument("--rules-only", action="store_true",
                    help="leave the learned tagger out of Confidant's detector (decision 0236)")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from core.deid import engine
    from core.deid.detect import detect

    records = load(a.path, a.first)
    t0 = time.perf_counter()
    engine.analyzer("confidant"), engine.analyzer("stock")
    load_s = time.perf_counter() - t0

    def ours(text: str) -> list[tuple[int, int]]:
        return [(f.start, f.end) for f in detect(text, language="en", use_learned=not a.rules_only)]

    def presidio(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in engine.analyzer("stock").analyze(text=text, language="en")]

    results = {"confidant": score(records, ours), "presidio": score(records, presidio)}
    print(f"Presidio synthetic set, first {len(records)} records "
          f"(found = >= {FOUND_SHARE:.0%} of the characters inside a proposed span)")
    print(f"{'type':<12}{'labelled':>9}{'confidant':>11}{'presidio':>10}")
    for kind in TYPES.values():
        row = results["confidant"]["per_type"][kind]
        other = results["presidio"]["per_type"][kind]
        print(f"{kind:<12}{row['labelled']:>9}{row['recall'] or 0:>11.3f}{other['recall'] or 0:>10.3f}")
    print(f"{'precision':<12}{'':>9}{results['confidant']['precision']:>11.3f}{results['presidio']['precision']:>10.3f}")
    print(f"{'seconds':<12}{'':>9}{results['confidant']['seconds']:>11}{results['presidio']['seconds']:>10}")
    if a.misses:
        for name, res in results.items():
            print(f"\nmissed by {name} ({len(res['misses'])}):")
            for m in res["misses"]:
                print("  " + m)
    out = {"set": "presidio-research data/synth_dataset_v2.json", "records": len(records),
           "found_share": FOUND_SHARE, "load_s": round(load_s, 1),
           **{name: {k: v for k, v in res.items() if k != "misses"} | {"missed": len(res["misses"])}
              for name, res in results.items()}}
    dest = REPO / "benchmarks" / "results" / f"deid_presidio_synth{'_rules_only' if a.rules_only else ''}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
