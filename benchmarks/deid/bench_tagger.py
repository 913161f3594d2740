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

* ``honest --hold SET`` (round 7): train without ``data/SET`` (e.g. test-v6) and score it with
  this checkout's rules (fair while they were last changed before SET was committed), the
  tagger, their union, the join as detect makes it, each setting of VARIANTS (``--variants``),
  detect itself with the fold's model (``--detect``) and the whole export gate (``--gate``).

Run:  python benchmarks/deid/bench_tagger.py honest|lowo|speed [--c1 X --c2 Y] [--name N]
          [--hold SET] [--variants] [--detect] [--gate] [--rules-cache DIR] [--model-cache DIR]
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
from core.deid.findings import Finding, is_person_type, is_place_note

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


MODEL_CACHE: Path | None = None  # --model-cache: fold models kept between runs


def train_model(exclude: tuple[str, ...], dest: Path, params: dict) -> dict:
    """Train without ``exclude`` into ``dest`` (or reuse the same fold's model from MODEL_CACHE,
    keyed by what was left out, the settings and the features' source)."""
    import hashlib
    import inspect
    import shutil
    source = [inspect.getsource(fn) for fn in (tagger._word_features, tagger.features, tagger.tokenize, tagger.sequences,
                                               build_tagger.examples, build_tagger.read_labelled)]
    key = hashlib.sha256(json.dumps([sorted(exclude), params, source, build_tagger.PARAMS,
                                     [str(f) for f in build_tagger.training_files()]]).encode()).hexdigest()[:16]
    kept = MODEL_CACHE / f"{key}.crfsuite" if MODEL_CACHE else None
    if kept and kept.is_file() and kept.with_suffix(".json").is_file():
        shutil.copyfile(kept, dest)
        return json.loads(kept.with_suffix(".json").read_text(encoding="utf-8"))
    interviews = build_tagger.load(build_tagger.training_files(), exclude)
    stats = build_tagger.train(interviews, dest, params)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dest, kept)
        kept.with_suffix(".json").write_text(json.dumps(stats), encoding="utf-8")
    return stats


def detect_with(model: Path, interviews: list[Interview]) -> list[Spans]:
    """``core.deid.detect.detect`` itself, rules and the fold's tagger joined as shipped."""
    from core.deid.detect import detect
    shipped, tagger.MODEL_FILE = tagger.MODEL_FILE, model
    try:
        return [[(f.start, f.end, "PERSON" if is_person_type(f.entity_type) else f.entity_type)
                 for f in detect(iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language)
                 if not is_place_note(f.entity_type)] for iv in interviews]
    finally:
        tagger.MODEL_FILE = shipped


def _cached_rules(interviews: list[Interview], cache: Path | None, key: str) -> list[Spans]:
    """This checkout's rule spans, kept in ``cache`` between runs when one is given (they take
    most of a run; delete the folder after changing a rule)."""
    saved = cache / (key.replace("/", "_") + ".json") if cache else None
    if saved and saved.is_file():
        return [[tuple(x) for x in r] for r in json.loads(saved.read_text(encoding="utf-8"))]  # type: ignore[misc]
    rules = rules_here(interviews)
    if saved:
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(rules), encoding="utf-8")
    return rules


def honest(params: dict, tmp: Path, hold: str | None = None, cache: Path | None = None,
           variants: dict | None = None, with_gate: bool = False, with_detect: bool = False) -> dict:
    """Train without the held set and score it. Without ``hold``: test v5 with the rules of
    RULES_COMMIT. With ``hold`` (a folder under data/, e.g. test-v6): that folder's files with
    this checkout's rules (fair only while they were last changed before the set was committed)."""
    held = hold or HELD_OUT
    model = tmp / f"honest-{held}.crfsuite"
    started = time.perf_counter()
    stats = train_model((held,), model, params)
    print(f"trained without {held}: {stats} in {time.perf_counter() - started:.0f} s")
    rules_from = "this checkout" if hold else RULES_COMMIT
    out: dict = {"held": held, "rules": rules_from, "train": stats, "params": params, "languages": {}}
    files = sorted((HERE / "data" / held).glob("*.txt"))
    interviews = [iv for f in files for iv in load_set(f)]
    rules = _cached_rules(interviews, cache, "hold-" + held) if hold else rules_at(RULES_COMMIT, interviews)
    margs = tagger_marginals(model, interviews)
    full = detect_with(model, interviews) if with_detect else None
    for lang in ("en", "es"):
        idx = [i for i, iv in enumerate(interviews) if iv.language == lang]
        ivs = [interviews[i] for i in idx]
        row: dict = {"rules": score(ivs, [rules[i] for i in idx])}
        if full is not None:
            row["detect (this checkout)"] = score(ivs, [full[i] for i in idx])
        thresholds = (tagger.THRESHOLD,) if hold else THRESHOLDS
        for t in thresholds:
            tag = [tagger_spans(interviews[i], margs[i], t) for i in idx]
            row[f"tagger@{t}"] = score(ivs, tag)
            row[f"union@{t}"] = score(ivs, [rules[i] + s for i, s in zip(idx, tag)])
            if t == tagger.THRESHOLD:
                row[f"as detect@{t}"] = score(ivs, [as_detect(interviews[i].text, rules[i], s)
                                                     for i, s in zip(idx, tag)])
        for name, cfg in (variants or {}).items():
            row[name] = score(ivs, [joined(interviews[i], rules[i], margs[i], cfg) for i in idx])
        out["languages"][lang] = row
        _print(f"{held} {lang} ({len(ivs)} interviews): rules ({rules_from}) vs + tagger", row)
        out.setdefault("gate_band", {})[lang] = band = gate_band(
            ivs, [rules[i] for i in idx], [margs[i] for i in idx])
        print(f"gate band (tagger spans from each low up, not in the first pass): {band}")
        if with_gate:
            out.setdefault("gate", {})[lang] = g = gate(ivs, [rules[i] for i in idx], [margs[i] for i in idx], model)
            print(f"export gate (whole second look): {g}")
    return out


# The settings compared on leave-one-writer-file-out: the lone-span threshold, the rules'
# precision checks on lone persons and workplaces, and pooling within the interview.
CURRENT = {"lone": tagger.LONE_THRESHOLD, "checks": True, "pool_min": tagger.POOL_MIN, "pool_w": tagger.POOL_WEIGHT,
           "floor": tagger.POOL_FLOOR}
VARIANTS: dict[str, dict] = {
    "as shipped (r6)": {"lone": 0.0, "checks": False, "pool_min": 2.0, "pool_w": 0.0},
    **{f"lone>={t}": {"lone": t, "checks": False, "pool_min": 2.0, "pool_w": 0.0} for t in (0.4, 0.5, 0.6, 0.7)},
    **{f"checks, lone>={t}": {"lone": t, "checks": True, "pool_min": 2.0, "pool_w": 0.0}
       for t in (0.3, 0.4, 0.5, 0.6, 0.7)},
    **{f"pool {m}, floor {f}": {"lone": 0.0, "checks": False, "pool_min": m, "pool_w": 1.0, "floor": f}
       for m in (0.5, 0.7, 0.9) for f in (0.0, 0.02, 0.05, 0.1, 0.2)},
    **{f"checks, lone>={t}, pool {m}, floor {f}": {"lone": t, "checks": True, "pool_min": m, "pool_w": 1.0, "floor": f}
       for t in (0.3, 0.6) for m in (0.7, 0.9) for f in (0.02, 0.05, 0.1)},
    **{f"checks, noisy pool {m}, floor {f}": {"lone": 0.3, "checks": True, "pool_min": m, "pool_w": 1.0, "floor": f,
                                             "noisy": True}
       for m in (0.5, 0.7, 0.9) for f in (0.05, 0.1, 0.2)},
}


def joined(iv: Interview, rules: Spans, marg: tuple[list, list], cfg: dict) -> Spans:
    """Rules and tagger joined with one setting of ``VARIANTS`` (pooling, then the lone check,
    then ``as_detect``)."""
    toks, probs = marg
    probs = tagger.pooled(iv.text, toks, probs, cfg["pool_min"], cfg["pool_w"], cfg.get("floor", 0.0),
                          cfg.get("noisy", False))
    learned = tagger._as_findings(iv.text, tagger.proposals(iv.text, toks, probs, tagger.THRESHOLD))
    learned = tagger.lone_checked(iv.text, learned, [(a, b) for a, b, _ in rules], cfg["lone"], cfg["checks"])
    return as_detect(iv.text, rules, [(f.start, f.end, f.entity_type) for f in learned])


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


GATE_LOWS = (0.05, 0.1, 0.15, 0.2)


def gate_band(interviews: list[Interview], rules: list[Spans], margs: list[tuple[list, list]],
              cfg: dict | None = None) -> dict:
    """What flagging the tagger's spans from each of GATE_LOWS up at the export gate would
    catch, after the first pass (rules + tagger joined with ``cfg``): identifiers the first pass
    leaves in that a flag overlaps, and flags on no identifier. The gate's other suspicions
    are not in this (``gate`` below runs the whole second look)."""
    from bench_deid import _covered
    cfg = cfg or CURRENT
    out = {}
    for low in GATE_LOWS:
        left = caught = flags = on_nothing = 0
        for iv, r, m in zip(interviews, rules, margs):
            first = joined(iv, r, m, cfg)
            probs = tagger.pooled(iv.text, m[0], m[1], cfg["pool_min"], cfg["pool_w"], cfg.get("floor", 0.0),
                          cfg.get("noisy", False))
            band = [(s, e) for s, e, _, p in tagger.proposals(iv.text, m[0], probs, low)
                    if not any(s < b and a < e for a, b, _ in first)]
            missed = [g for g in iv.gold if not _covered(g, first, iv.text)]
            left += len(missed)
            caught += sum(any(s < g.end and g.start < e for s, e in band) for g in missed)
            flags += len(band)
            on_nothing += sum(not any(s < g.end and g.start < e for g in iv.gold) for s, e in band)
        out[str(low)] = {"left_in": left, "flagged": caught, "flags": flags, "flags_on_nothing": on_nothing,
                         "flag_precision": round((flags - on_nothing) / flags, 3) if flags else None}
    left = caught = flags = on_nothing = 0
    for iv, r, m in zip(interviews, rules, margs):
        first = joined(iv, r, m, cfg)
        said = [(f.start, f.end) for f in said_again(iv.text, [(s, e, t) for s, e, t in first])]
        missed = [g for g in iv.gold if not _covered(g, first, iv.text)]
        left += len(missed)
        caught += sum(any(s < g.end and g.start < e for s, e in said) for g in missed)
        flags += len(said)
        on_nothing += sum(not any(s < g.end and g.start < e for g in iv.gold) for s, e in said)
    out["said again"] = {"left_in": left, "flagged": caught, "flags": flags, "flags_on_nothing": on_nothing,
                         "flag_precision": round((flags - on_nothing) / flags, 3) if flags else None}
    return out


def said_again(text: str, hidden: list[tuple[int, int, str]]) -> list[Finding]:
    """Each word of a hidden person's span said elsewhere in ``text`` and not hidden there
    (measured for decision 0247, not shipped): "goyo" hidden once and left in three lines on.
    ``hidden`` holds the hidden spans as (start, end, entity type); only person types count, and only words that are not
    function words, titles or months."""
    from core.deid.gate import _MONTHS, _STOPS, _TITLES
    forms: set[str] = set()
    for s, e, t in hidden:
        if is_person_type(t):
            forms |= {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text[s:e])}
    forms -= _STOPS | _TITLES | _MONTHS
    out: list[Finding] = []
    for m in re.finditer(r"[^\W\d_]{3,}", text):
        if m.group().lower() in forms and not any(m.start() < e and s < m.end() for s, e, _ in hidden):
            out.append(Finding(m.start(), m.end(), "PERSON", m.group(), 0.5, "second_look_said_again"))
    return out


def gate(interviews: list[Interview], rules: list[Spans], margs: list[tuple[list, list]], model: Path,
         cfg: dict | None = None) -> dict:
    """The whole second look (``core.deid.gate.second_look``, the fold's model in its detector)
    after the first pass (rules + tagger joined with ``cfg``, every span hidden), without and
    with the tagger's band: left-in identifiers flagged, flags, flag precision."""
    from bench_deid import _covered

    from core.deid import gate as gate_mod
    from core.deid.detect import detect
    cfg = cfg or CURRENT
    shipped, tagger.MODEL_FILE = tagger.MODEL_FILE, model
    try:
        rows = {"second look, no band": [0, 0, 0, 0], "second look + band": [0, 0, 0, 0]}
        for iv, r, m in zip(interviews, rules, margs):
            first = joined(iv, r, m, cfg)
            left = [g for g in iv.gold if not _covered(g, first, iv.text)]
            hidden = [(s, e, "[HIDDEN]") for s, e, _ in first]
            cache: dict[str, list] = {}

            def detect_fn(t: str, iv: Interview = iv, cache: dict = cache) -> list:
                if t not in cache:
                    cache[t] = detect(t, names=iv.names, workplaces=iv.workplaces, language=iv.language)
                return cache[t]

            probs = tagger.pooled(iv.text, m[0], m[1], cfg["pool_min"], cfg["pool_w"], cfg.get("floor", 0.0),
                          cfg.get("noisy", False))
            band = tagger._as_findings(iv.text, tagger.proposals(iv.text, m[0], probs, tagger.GATE_LOW))
            for name, b in (("second look, no band", None), ("second look + band", band)):
                suspects = gate_mod.second_look(iv.text, hidden, [(s, e) for s, e, _ in first], detect_fn, band=b)
                row = rows[name]
                row[0] += len(left)
                row[1] += sum(any(x.start < g.end and g.start < x.end for x in suspects) for g in left)
                row[2] += len(suspects)
                row[3] += sum(not any(x.start < g.end and g.start < x.end for g in iv.gold) for x in suspects)
    finally:
        tagger.MODEL_FILE = shipped
    return {k: {"left_in": v[0], "flagged": v[1], "flags": v[2], "flags_on_nothing": v[3],
                "flag_precision": round((v[2] - v[3]) / v[2], 3) if v[2] else None} for k, v in rows.items()}


def lowo(params: dict, tmp: Path, cache: Path | None = None, variants: dict | None = None) -> dict:
    out: dict = {"params": params, "files": {}}
    for k, name in enumerate(WRITER_FILES):
        model = tmp / f"lowo{k}.crfsuite"  # a new path each time: loaded models are cached by path
        train_model((HELD_OUT, "test-v6", name), model, params)
        interviews = load_set(HERE / name)
        rules = _cached_rules(interviews, cache, name)
        margs = tagger_marginals(model, interviews)
        row: dict = {"rules (seen)": score(interviews, rules)}
        if variants is None:
            for t in THRESHOLDS:
                tag = [tagger_spans(iv, m, t) for iv, m in zip(interviews, margs)]
                row[f"tagger@{t}"] = score(interviews, tag)
                row[f"union@{t}"] = score(interviews, [r + s for r, s in zip(rules, tag)])
        for vname, cfg in (variants or {}).items():
            row[vname] = score(interviews, [joined(iv, r, m, cfg) for iv, r, m in zip(interviews, rules, margs)])
        out["files"][name] = row
        _print(f"left out {name} ({len(interviews)} interviews)", row)
        out.setdefault("gate_band", {})[name] = gate_band(interviews, rules, margs)
    bands: dict = {}
    for per_file in out["gate_band"].values():
        for low, r in per_file.items():
            acc = bands.setdefault(low, {"left_in": 0, "flagged": 0, "flags": 0, "flags_on_nothing": 0})
            for k in acc:
                acc[k] += r[k]
    out["gate_band_pooled"] = bands
    print("\ngate band, pooled:", bands)
    if variants:
        out["pooled"] = pooled_rows(out["files"])
        print("\n== leave-one-writer-file-out, pooled over the six files ==  (recall / precision, found / proposed)")
        for vname, r in out["pooled"].items():
            print(f"{vname:<24}{r['recall']:.4f} / {r['precision']:.4f}   {r['caught']}/{r['planted']}, "
                  f"{r['right']}/{r['proposed']}")
    return out


def pooled_rows(files: dict) -> dict:
    """Each row's counts summed over the left-out files."""
    out: dict = {}
    for row in files.values():
        for vname, r in row.items():
            acc = out.setdefault(vname, {"planted": 0, "caught": 0, "proposed": 0, "right": 0})
            acc["planted"] += r["planted"]
            acc["caught"] += round(r["recall"] * r["planted"])
            acc["proposed"] += r["proposed"]
            acc["right"] += round((r["precision"] or 0) * r["proposed"])
    for acc in out.values():
        acc["recall"] = round(acc["caught"] / acc["planted"], 4)
        acc["precision"] = round(acc["right"] / acc["proposed"], 4) if acc["proposed"] else 0.0
    return out


def seen(cache: Path | None = None) -> dict:
    """Every committed set with the SHIPPED model (trained on all of them, so this says only that
    nothing breaks): this checkout's rules, the round-6 join and the current one (``CURRENT``),
    per file and language."""
    out: dict = {}
    cfgs = {"as shipped (r6)": VARIANTS["as shipped (r6)"], "current": CURRENT}
    for path in build_tagger.training_files():
        interviews = load_set(path)
        name = str(path.relative_to(HERE))
        rules = _cached_rules(interviews, cache, "seen-" + name)
        margs = tagger_marginals(tagger.MODEL_FILE, interviews)
        for lang in ("en", "es"):
            idx = [i for i, iv in enumerate(interviews) if iv.language == lang]
            if not idx:
                continue
            ivs = [interviews[i] for i in idx]
            row: dict = {"rules": score(ivs, [rules[i] for i in idx])}
            for cname, cfg in cfgs.items():
                row[cname] = score(ivs, [joined(interviews[i], rules[i], margs[i], cfg) for i in idx])
            out[f"{name} {lang}"] = row
            print(f"{name} {lang} ({len(ivs)}): " + "; ".join(f"{k} {_brief(r)}" for k, r in row.items()), flush=True)
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


QUICK = ("as shipped (r6)",)  # without --variants: this row and "current"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="the learned tagger's honest and leave-one-out folds")
    ap.add_argument("fold", choices=("honest", "lowo", "seen", "speed"))
    ap.add_argument("--c1", type=float, default=build_tagger.PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=build_tagger.PARAMS["c2"])
    ap.add_argument("--name", default="")
    ap.add_argument("--hold", help="honest fold on this set (a folder under data/, e.g. test-v6) with this checkout's rules")
    ap.add_argument("--variants", action="store_true", help="also score every setting of VARIANTS")
    ap.add_argument("--gate", action="store_true", help="honest: also run the whole export gate (slow)")
    ap.add_argument("--detect", action="store_true", help="honest: also run detect itself with the fold's model (slow)")
    ap.add_argument("--rules-cache", type=Path, help="keep this checkout's rule spans here between lowo runs")
    ap.add_argument("--model-cache", type=Path, help="keep the fold models here between runs")
    a = ap.parse_args(argv)
    global MODEL_CACHE
    MODEL_CACHE = a.model_cache
    params = {"c1": a.c1, "c2": a.c2}
    with tempfile.TemporaryDirectory() as tmp:
        variants = dict(VARIANTS, current=CURRENT) if a.variants else dict(
            {k: VARIANTS[k] for k in QUICK}, current=CURRENT)
        result = {"honest": lambda: honest(params, Path(tmp), a.hold, a.rules_cache, variants, a.gate, a.detect),
                  "lowo": lambda: lowo(params, Path(tmp), a.rules_cache, variants if a.variants else None),
                  "seen": lambda: seen(a.rules_cache), "speed": speed}[a.fold]()
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    hold = "_" + a.hold if a.hold and a.fold == "honest" else ""
    dest = results / f"deid_tagger_{a.fold}{hold}{'_' + a.name if a.name else ''}.json"
    rows = result.get("languages") or result.get("files") or (result if a.fold == "seen" else {})
    for row in rows.values():
        for r in row.values():
            r["leaks"] = r["leaks"][:200]
    dest.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
