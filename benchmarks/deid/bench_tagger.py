"""The learned tagger (core/deid/tagger.py, decision 0236) measured honestly.

Two folds, both training fresh models into a temporary folder (the shipped model is never used
here, since it has seen every set):

* ``honest``: train on every committed set EXCEPT test v5 (all four files), then score test v5
  with the rules of RULES_COMMIT (main when test v5 had its one held-out run; those rules never
  saw it; their own code from git, in a child process) alone, the tagger alone, and their union.
  This is the number that matters.
* ``lowo``: leave one hand-written writer file out (test v5 never used): train on the rest,
  score the left-out file with this checkout's rules (SEEN: they were tuned on these files),
  the tagger, and the union, at several thresholds. Thresholds and regularisation are chosen
  here, never on test v5.

Scoring is ``bench_deid.evaluate`` (an identifier is caught when every letter and digit of it is
inside a proposed span; a span is right when it overlaps an identifier; place notes are not
proposals). Then the tagger's cost on 1k / 10k / 50k words.

Run:  python benchmarks/deid/bench_tagger.py honest|lowo|speed [--c1 X --c2 Y] [--name N]
Writes benchmarks/results/deid_tagger_<fold>[_<name>].json and prints the tables.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_deid import Interview, evaluate, load_set
from bench_v2 import spans_at

from core.deid import build_tagger, tagger
from core.deid.findings import is_person_type, is_place_note

RULES_COMMIT = "07c7f61"  # main at test v5's one held-out run (its rules never saw test v5)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
HELD_OUT = "test-v5"
WRITER_FILES = ("data/blind-v1/blind.txt", "data/blind-v3/blind-v3.txt", "data/dev-v4/dev-v4-en.txt",
                "data/dev-v4/dev-v4-es.txt", "data/test-v4/test-v4-en.txt", "data/test-v4/test-v4-es.txt")

Spans = list[tuple[int, int, str]]


def rules_at(commit: str, interviews: list[Interview]) -> list[Spans]:
    """The detector of ``commit`` (its own code, its own process; ``bench_v2.spans_at``) on every
    interview, place notes left out and person roles folded into PERSON."""
    return [[(s, e, "PERSON" if is_person_type(t) else t) for s, e, t in spans if not is_place_note(t)]
            for spans in spans_at(interviews, commit)]


def rules_here(interviews: list[Interview]) -> list[Spans]:
    """This checkout's rules alone (no learned model)."""
    from core.deid.detect import detect
    return [[(f.start, f.end, "PERSON" if is_person_type(f.entity_type) else f.entity_type)
             for f in detect(iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language,
                             use_learned=False)
             if not is_place_note(f.entity_type)] for iv in interviews]


def tagger_marginals(model: Path, interviews: list[Interview]) -> list[tuple[list, list]]:
    from core.deid.names import NameMatcher
    out = []
    for iv in interviews:
        names, workplaces = tagger.listed(NameMatcher([n for n, _ in iv.names], iv.workplaces))
        out.append(tagger.marginals(iv.text, language=iv.language, names=names, workplaces=workplaces, model=model))
    return out


def tagger_spans(iv: Interview, marg: tuple[list, list], threshold: float) -> Spans:
    return [(s, e, t) for s, e, t, _ in tagger.proposals(iv.text, marg[0], marg[1], threshold)]


def score(interviews: list[Interview], spans: list[Spans]) -> dict:
    by_id = {iv.id: s for iv, s in zip(interviews, spans)}
    result = evaluate(interviews, lambda iv: by_id[iv.id])
    result.pop("median_ms_per_interview", None)
    return result


def _brief(r: dict) -> str:
    return f"{r['recall']:.3f} / {r['precision']:.3f} / {r['share_with_leak']:.2f}"


def train_model(exclude: tuple[str, ...], dest: Path, params: dict) -> dict:
    interviews = build_tagger.load(build_tagger.training_files(), exclude)
    return build_tagger.train(interviews, dest, params)


def honest(params: dict, tmp: Path) -> dict:
    model = tmp / "honest.crfsuite"
    started = time.perf_counter()
    stats = train_model((HELD_OUT,), model, params)
    print(f"trained without {HELD_OUT}: {stats} in {time.perf_counter() - started:.0f} s")
    out: dict = {"rules_commit": RULES_COMMIT, "train": stats, "params": params, "languages": {}}
    files = sorted((HERE / "data" / HELD_OUT).glob("*.txt"))
    interviews = [iv for f in files for iv in load_set(f)]
    rules = rules_at(RULES_COMMIT, interviews)
    margs = tagger_marginals(model, interviews)
    for lang in ("en", "es"):
        idx = [i for i, iv in enumerate(interviews) if iv.language == lang]
        ivs = [interviews[i] for i in idx]
        row: dict = {"rules": score(ivs, [rules[i] for i in idx])}
        for t in THRESHOLDS:
            tag = [tagger_spans(interviews[i], margs[i], t) for i in idx]
            row[f"tagger@{t}"] = score(ivs, tag)
            row[f"union@{t}"] = score(ivs, [rules[i] + s for i, s in zip(idx, tag)])
            if t == tagger.THRESHOLD:
                row[f"as detect@{t}"] = score(ivs, [as_detect(interviews[i].text, rules[i], s)
                                                     for i, s in zip(idx, tag)])
        out["languages"][lang] = row
        _print(f"test v5 {lang} ({len(ivs)} interviews): rules at {RULES_COMMIT} vs + tagger", row)
        out.setdefault("gate_band", {})[lang] = band = gate_band(
            ivs, [rules[i] for i in idx], [margs[i] for i in idx])
        print(f"gate band {tagger.LOW_THRESHOLD}-{tagger.THRESHOLD}: {band}")
    return out


def as_detect(text: str, rules: Spans, learned: Spans) -> Spans:
    """The two joined as ``detect._join_learned`` joins them: a tagger span overlapping two rule
    findings or one of another type is dropped; one of the same type is widened; the rest are
    added (place notes are not in ``rules`` here, so a span over one is added, as detect does)."""
    out = list(rules)
    for s, e, t in learned:
        hits = [k for k, (a, b, _) in enumerate(out) if s < b and a < e]
        if not hits:
            out.append((s, e, t))
            continue
        if len(hits) == 1 and out[hits[0]][2] == t:
            a, b, _ = out[hits[0]]
            start, end = min(a, s), max(b, e)
            if not any(x < end and start < y for k, (x, y, _) in enumerate(out) if k != hits[0]):
                out[hits[0]] = (start, end, t)
                continue
        pos = s  # the stretches outside the rule findings, as detect._outside keeps them
        for a, b, _ in sorted([out[k] for k in hits]) + [(e, e, "")]:
            piece = text[pos:min(a, e)]
            m = re.search(r"[^\W_](?:.*[^\W_])?", piece, re.DOTALL)
            if m and len(m.group()) > 1:
                out.append((pos + m.start(), pos + m.end(), t))
            pos = max(pos, b)
    return out


def gate_band(interviews: list[Interview], rules: list[Spans], margs: list[tuple[list, list]]) -> dict:
    """What flagging the tagger's spans between LOW_THRESHOLD and THRESHOLD at the export gate
    would catch: identifiers the first pass (rules + tagger) leaves in that a flag overlaps,
    and flags on no identifier."""
    from bench_deid import _covered
    left = caught = flags = on_nothing = 0
    for iv, r, m in zip(interviews, rules, margs):
        first = r + tagger_spans(iv, m, tagger.THRESHOLD)
        band = [(s, e) for s, e, _, p in tagger.proposals(iv.text, m[0], m[1], tagger.LOW_THRESHOLD)
                if p < tagger.THRESHOLD and not any(a <= s and e <= b for a, b, _ in first)]
        missed = [g for g in iv.gold if not _covered(g, first, iv.text)]
        left += len(missed)
        caught += sum(any(s < g.end and g.start < e for s, e in band) for g in missed)
        flags += len(band)
        on_nothing += sum(not any(s < g.end and g.start < e for g in iv.gold) for s, e in band)
    return {"left_in": left, "flagged": caught, "flags": flags, "flags_on_nothing": on_nothing}


def lowo(params: dict, tmp: Path, cache: Path | None = None) -> dict:
    out: dict = {"params": params, "files": {}}
    for k, name in enumerate(WRITER_FILES):
        model = tmp / f"lowo{k}.crfsuite"  # a new path each time: loaded models are cached by path
        train_model((HELD_OUT, name), model, params)
        interviews = load_set(HERE / name)
        saved = cache / (name.replace("/", "_") + ".json") if cache else None
        if saved and saved.is_file():
            rules = [[tuple(x) for x in r] for r in json.loads(saved.read_text(encoding="utf-8"))]
        else:
            rules = rules_here(interviews)
            if saved:
                saved.write_text(json.dumps(rules), encoding="utf-8")
        margs = tagger_marginals(model, interviews)
        row: dict = {"rules (seen)": score(interviews, rules)}
        for t in THRESHOLDS:
            tag = [tagger_spans(iv, m, t) for iv, m in zip(interviews, margs)]
            row[f"tagger@{t}"] = score(interviews, tag)
            row[f"union@{t}"] = score(interviews, [r + s for r, s in zip(rules, tag)])
        out["files"][name] = row
        _print(f"left out {name} ({len(interviews)} interviews)", row)
    return out


def speed() -> dict:
    """The shipped tagger's cost on 1k / 10k / 50k words of committed text, after load: alone,
    and ``detect`` without and with it (same run, so the ratio is what to read)."""
    from core.deid.detect import detect
    interviews = load_set(HERE / "data" / "blind-v3" / "blind-v3.txt")
    words: list[str] = []
    while len(words) < 50_000:
        for iv in interviews:
            words += iv.text.split()
    detect("warm up maria gonzalez at two one seven five five five oh one nine two", names=["Maria Gonzalez"])
    names, places = interviews[0].names, interviews[0].workplaces
    out = {}
    for n in (1_000, 10_000, 50_000):
        text = " ".join(words[:n])
        row = {}
        for name, fn in (("tagger_alone", lambda t=text: tagger.learned_findings(t)),
                         ("detect_rules", lambda t=text: detect(t, names=names, workplaces=places, use_learned=False)),
                         ("detect_with_tagger", lambda t=text: detect(t, names=names, workplaces=places))):
            started = time.perf_counter()
            found = fn()
            row[name] = {"seconds": round(time.perf_counter() - started, 2), "findings": len(found)}
        out[str(n)] = row
        print(f"{n} words, after load:", row)
    return out


def _print(title: str, row: dict) -> None:
    print(f"\n== {title} ==  (recall / precision / share of interviews with anything left)")
    types = sorted(next(iter(row.values()))["per_type"])
    print(f"{'':<14}{'all':>22}  " + "".join(f"{t[:12]:>13}" for t in types))
    for name, r in row.items():
        print(f"{name:<14}{_brief(r):>22}  " + "".join(f"{r['per_type'].get(t, {}).get('recall', 0):>13.3f}"
                                                       for t in types))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="the learned tagger's honest and leave-one-out folds")
    ap.add_argument("fold", choices=("honest", "lowo", "speed"))
    ap.add_argument("--c1", type=float, default=build_tagger.PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=build_tagger.PARAMS["c2"])
    ap.add_argument("--name", default="")
    ap.add_argument("--rules-cache", type=Path, help="keep this checkout's rule spans here between lowo runs")
    a = ap.parse_args(argv)
    params = {"c1": a.c1, "c2": a.c2}
    with tempfile.TemporaryDirectory() as tmp:
        result = {"honest": lambda: honest(params, Path(tmp)), "lowo": lambda: lowo(params, Path(tmp), a.rules_cache),
                  "speed": speed}[a.fold]()
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    dest = results / f"deid_tagger_{a.fold}{'_' + a.name if a.name else ''}.json"
    for row in (result.get("languages") or result.get("files") or {}).values():
        for r in row.values():
            r["leaks"] = r["leaks"][:200]
    dest.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
