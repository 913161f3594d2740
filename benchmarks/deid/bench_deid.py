"""De-identification benchmark: Confidant's detection vs Presidio out of the box, same run.

Reads the labelled interview-style sets in this folder (``devset.txt``, used while tuning, and
``heldout.txt``, written after tuning and never tuned on), runs both detectors on each
interview and reports, per entity type, recall (a planted identifier counts as caught only if
every letter and digit of it lies inside some proposed span, of any type) and precision (a
proposed span is right if it overlaps a planted identifier), and the share of interviews with
any identifier left. Then times detection on a one-hour interview's worth of text.

Run: .venv/bin/python benchmarks/deid/bench_deid.py   (prints tables; writes
benchmarks/results/deid.json)
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from core.deid import engine
from core.deid.detect import detect
from core.deid.findings import is_person_type, is_place_note

_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")
# The stock analyzer's entity names, mapped to ours for the per-type precision table.
_STOCK_TYPES = dict(engine.PRESIDIO_TYPES) | {"DATE_TIME": "DATE", "NRP": "NRP"}


@dataclass
class Gold:
    start: int
    end: int
    entity_type: str   # PERSON, WORKPLACE, ... (UPERSON folded into PERSON)
    text: str
    listed: bool


@dataclass
class Interview:
    id: str
    names: list[tuple[str, str]]
    workplaces: list[str]
    text: str = ""
    language: str = "en"
    gold: list[Gold] = field(default_factory=list)


def load_set(path: Path) -> list[Interview]:
    interviews: list[Interview] = []
    current: Interview | None = None
    body: list[str] = []

    def finish() -> None:
        if current is None:
            return
        raw = " ".join(body).strip()
        text, gold, pos = [], [], 0
        for m in _MARK.finditer(raw):
            text.append(raw[pos:m.start()])
            start = sum(len(t) for t in text)
            etype, span = m.group(1), m.group(2)
            gold.append(Gold(start, start + len(span), "PERSON" if etype == "UPERSON" else etype, span,
                             etype != "UPERSON"))
            text.append(span)
            pos = m.end()
        text.append(raw[pos:])
        current.text, current.gold = "".join(text), gold
        interviews.append(current)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("## "):
            finish()
            current, body = Interview(line[3:].strip(), [], []), []
        elif current is not None and line.startswith("names:"):
            for item in line[6:].split(";"):
                if item.strip():
                    name, _, role = item.strip().partition("/")
                    current.names.append((name.strip(), role.strip() or "person"))
        elif current is not None and line.startswith("language:"):
            current.language = line[9:].strip() or "en"
        elif current is not None and line.startswith("workplaces:"):
            current.workplaces = [w.strip() for w in line[11:].split(";") if w.strip()]
        elif current is not None and line.strip():
            body.append(line.strip())
    finish()
    return interviews


def ours(iv: Interview) -> list[tuple[int, int, str]]:
    """What Confidant proposes to hide; places named alone are notes, kept in the text (decision
    0195), so they neither catch an identifier nor count against precision here."""
    return [s for s in ours_with_notes(iv) if not is_place_note(s[2])]


def ours_with_notes(iv: Interview) -> list[tuple[int, int, str]]:
    """Every finding, place notes included (scored as if each were a proposal). Findings are
    kept per interview, so scoring one run both ways detects once."""
    key = (iv.id, iv.text, tuple(iv.names), tuple(iv.workplaces), iv.language)
    if key not in _FOUND:
        _FOUND[key] = [(f.start, f.end, "PERSON" if is_person_type(f.entity_type) else f.entity_type)
                       for f in detect(iv.text, names=iv.names, workplaces=iv.workplaces, language=iv.language)]
    return list(_FOUND[key])


_FOUND: dict = {}


def stock(iv: Interview) -> list[tuple[int, int, str]]:
    results = engine.analyzer("stock").analyze(text=iv.text, language="en")
    return [(r.start, r.end, _STOCK_TYPES.get(r.entity_type, "ID_NUMBER")) for r in results]


def _covered(g: Gold, spans: list[tuple[int, int, str]], text: str) -> bool:
    need = [i for i in range(g.start, g.end) if text[i].isalnum()]
    return all(any(s <= i < e for s, e, _ in spans) for i in need)


def evaluate(interviews: list[Interview], system) -> dict:
    per_type: dict[str, dict[str, int]] = {}
    pred_type: dict[str, dict[str, int]] = {}
    leaked_interviews, leaks, seconds = 0, [], []
    for iv in interviews:
        started = time.perf_counter()
        spans = system(iv)
        seconds.append(time.perf_counter() - started)
        missed = [g for g in iv.gold if not _covered(g, spans, iv.text)]
        for g in iv.gold:
            keys = [g.entity_type] + (["PERSON (listed)" if g.listed else "PERSON (unlisted)"]
                                      if g.entity_type == "PERSON" else [])
            for key in keys:
                row = per_type.setdefault(key, {"planted": 0, "caught": 0})
                row["planted"] += 1
                row["caught"] += g not in missed
        for s, e, t in spans:
            row = pred_type.setdefault(t, {"proposed": 0, "right": 0})
            row["proposed"] += 1
            row["right"] += any(s < g.end and g.start < e for g in iv.gold)
        if missed:
            leaked_interviews += 1
            leaks += [f"{iv.id}: {g.entity_type} '{g.text}'" for g in missed]
    planted = sum(v["planted"] for k, v in per_type.items() if "(" not in k)
    caught = sum(v["caught"] for k, v in per_type.items() if "(" not in k)
    proposed = sum(v["proposed"] for v in pred_type.values())
    right = sum(v["right"] for v in pred_type.values())
    for row in per_type.values():
        row["recall"] = round(row["caught"] / row["planted"], 4)
    for row in pred_type.values():
        row["precision"] = round(row["right"] / row["proposed"], 4) if row["proposed"] else None
    return {"recall": round(caught / planted, 4), "precision": round(right / proposed, 4) if proposed else None,
            "planted": planted, "proposed": proposed, "interviews": len(interviews),
            "interviews_with_leak": leaked_interviews,
            "share_with_leak": round(leaked_interviews / len(interviews), 4),
            "per_type": dict(sorted(per_type.items())), "per_predicted_type": dict(sorted(pred_type.items())),
            "median_ms_per_interview": round(statistics.median(seconds) * 1000, 1), "leaks": leaks}


def one_hour_text(interviews: list[Interview], words: int = 9000) -> list[str]:
    """About an hour of talk (150 words a minute) as ~20-word segments."""
    all_words: list[str] = []
    while len(all_words) < words:
        for iv in interviews:
            all_words += iv.text.split()
    all_words = all_words[:words]
    return [" ".join(all_words[i:i + 20]) for i in range(0, len(all_words), 20)]


def time_one_hour(interviews: list[Interview]) -> dict:
    from core.deid.names import NameMatcher
    from core.deid.review import _detect_chunk, make_detect_job
    from core.jobs import run_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    texts = one_hour_text(interviews)
    names = interviews[0].names
    workplaces = sorted({w for iv in interviews for w in iv.workplaces})
    segs = [Segment(i * 8000, (i + 1) * 8000, t, id=i + 1) for i, t in enumerate(texts)]
    matcher = NameMatcher(names, workplaces)
    started = time.perf_counter()
    for first in range(0, len(segs), 40):
        _detect_chunk(segs[first:first + 40], matcher)
    detect_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "v", "benchmark passphrase",
                                kdf={"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1})
        repo = InterviewRepo(vault)
        iv = repo.create("P-100", "SITE-A")
        for name, role in names:
            repo.add_protected_name(iv.id, name, role)
        for w in workplaces:
            repo.add_workplace_name(w)
        TranscriptRepo(vault).create(iv.id, [Segment(s.start_ms, s.end_ms, s.text) for s in segs])
        started = time.perf_counter()
        proposals = run_job(make_detect_job(vault, iv.id))
        job_s = time.perf_counter() - started
        vault.close()
    return {"words": sum(len(t.split()) for t in texts), "segments": len(texts),
            "detect_s": round(detect_s, 2), "detect_job_with_vault_s": round(job_s, 2), "proposals": proposals}


def _table(name: str, result: dict, baseline: dict) -> None:
    print(f"\n{name}: {result['interviews']} interviews, {result['planted']} planted identifiers")
    print(f"{'type':<20}{'planted':>8}{'ours':>8}{'stock':>8}")
    for key, row in result["per_type"].items():
        other = baseline["per_type"].get(key, {"recall": 0.0})
        print(f"{key:<20}{row['planted']:>8}{row['recall']:>8.3f}{other['recall']:>8.3f}")
    print(f"{'recall (all)':<20}{'':>8}{result['recall']:>8.3f}{baseline['recall']:>8.3f}")
    print(f"{'precision (all)':<20}{'':>8}{result['precision']:>8.3f}{baseline['precision']:>8.3f}")
    print(f"{'interviews w/ leak':<20}{'':>8}{result['interviews_with_leak']:>8}{baseline['interviews_with_leak']:>8}")
    print("precision by proposed type (ours | stock):")
    for key in sorted(set(result["per_predicted_type"]) | set(baseline["per_predicted_type"])):
        a = result["per_predicted_type"].get(key)
        b = baseline["per_predicted_type"].get(key)
        fmt = lambda r: f"{r['precision']:.3f} ({r['right']}/{r['proposed']})" if r else "-"
        print(f"  {key:<14} {fmt(a):>18} | {fmt(b):>18}")
    if result["leaks"]:
        print("left in (ours):", "; ".join(result["leaks"]))


def main() -> int:
    started = time.perf_counter()
    engine.analyzer("confidant")
    load_ours = time.perf_counter() - started
    started = time.perf_counter()
    engine.analyzer("stock")
    load_stock = time.perf_counter() - started
    out: dict = {"load_s": {"confidant": round(load_ours, 2), "presidio_stock": round(load_stock, 2)}, "sets": {}}
    for set_name in ("devset", "heldout"):
        path = HERE / f"{set_name}.txt"
        if not path.exists():
            continue
        interviews = load_set(path)
        result, baseline = evaluate(interviews, ours), evaluate(interviews, stock)
        out["sets"][set_name] = {"confidant": result, "presidio_stock": baseline}
        _table(set_name, result, baseline)
    interviews = load_set(HERE / "devset.txt")
    out["one_hour"] = time_one_hour(interviews)
    print(f"\nload: ours {load_ours:.1f} s, stock {load_stock:.1f} s")
    print("one-hour interview text:", out["one_hour"])
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "deid.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
