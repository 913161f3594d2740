"""Re-create ``tagger.crfsuite`` from the committed labelled interviews (decision 0236).

Every labelled set under ``benchmarks/deid/`` (``[[TYPE|text]]`` marks, the format
``benchmarks/deid/bench_deid.load_set`` reads) is one training file; each interview becomes
token sequences with BIO labels (UPERSON counts as PERSON). The same files and settings give
the same model: files are read in sorted order and L-BFGS has no randomness.

Run:  python -m core.deid.build_tagger [--out FILE] [--exclude SUBSTRING ...]
(``--exclude test-v5`` leaves those files out, as the honest benchmark fold does.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.deid import tagger
from core.deid.names import NameMatcher

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "benchmarks" / "deid"
# L1 keeps the model small (most of the word features get weight zero) and L2 steadies it;
# chosen by leave-one-writer-file-out (decision 0236).
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True,
          "feature.minfreq": 2}
CARD_FILE = tagger.MODEL_FILE.with_suffix(".json")
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")


@dataclass
class Labelled:
    """One labelled interview: its text, language, listed names and workplaces, and spans."""

    id: str
    language: str = "en"
    names: list[str] = field(default_factory=list)
    workplaces: list[str] = field(default_factory=list)
    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def training_files(data: Path = DATA) -> list[Path]:
    """Every committed labelled set, in a fixed order."""
    return sorted(p for p in data.rglob("*.txt") if p.is_file())


def read_labelled(path: Path) -> list[Labelled]:
    """The interviews of one labelled file (the benchmark's format)."""
    out: list[Labelled] = []
    body: list[str] = []

    def finish() -> None:
        if not out:
            return
        raw, text, pos = " ".join(body).strip(), [], 0
        cur = out[-1]
        for m in _MARK.finditer(raw):
            text.append(raw[pos:m.start()])
            start = sum(map(len, text))
            etype = "PERSON" if m.group(1) == "UPERSON" else m.group(1)
            if etype in tagger.TYPES:
                cur.spans.append((start, start + len(m.group(2)), etype))
            text.append(m.group(2))
            pos = m.end()
        text.append(raw[pos:])
        cur.text = "".join(text)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            finish()
            out.append(Labelled(line[3:].strip()))
            body = []
        elif line.startswith("#") or not out:
            continue
        elif line.startswith("names:"):
            out[-1].names = [i.strip().partition("/")[0].strip() for i in line[6:].split(";") if i.strip()]
        elif line.startswith("language:"):
            out[-1].language = line[9:].strip() or "en"
        elif line.startswith("workplaces:"):
            out[-1].workplaces = [w.strip() for w in line[11:].split(";") if w.strip()]
        elif line.strip():
            body.append(line.strip())
    finish()
    return out


def token_labels(iv: Labelled, toks: list[tuple[int, int]]) -> list[str]:
    """BIO label of each token: a token overlapping a labelled span takes its type."""
    labels = ["O"] * len(toks)
    for s, e, etype in iv.spans:
        inside = [i for i, (a, b) in enumerate(toks) if a < e and s < b]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + etype
    return labels


def examples(interviews: list[Labelled]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sequence of every interview."""
    out = []
    for iv in interviews:
        toks = tagger.tokenize(iv.text)
        names, workplaces = tagger.listed(NameMatcher(iv.names, iv.workplaces))
        feats = tagger.features(iv.text, toks, iv.language, names, workplaces)
        labels = token_labels(iv, toks)
        out += [(feats[a:b], labels[a:b]) for a, b in tagger.sequences(iv.text, toks)]
    return out


def train(interviews: list[Labelled], out: Path, params: dict | None = None) -> dict:
    """Train on ``interviews`` and write the model to ``out``; returns counts."""
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(dict(PARAMS, **(params or {})))
    labels: Counter[str] = Counter()
    tokens = 0
    for x, y in examples(interviews):
        trainer.append(x, y)
        labels.update(y)
        tokens += len(y)
    trainer.train(str(out))
    info = pycrfsuite.Tagger()
    info.open(str(out))
    state = info.info()
    n_features = len(state.state_features)
    info.close()
    return {"interviews": len(interviews), "tokens": tokens, "labels": dict(sorted(labels.items())),
            "state_features": n_features, "bytes": out.stat().st_size}


def load(files: list[Path], exclude: tuple[str, ...] = ()) -> list[Labelled]:
    """The interviews of ``files`` except those whose path holds one of ``exclude``."""
    return [iv for f in files if not any(x in str(f) for x in exclude) for iv in read_labelled(f)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="rebuild the learned de-identification tagger")
    ap.add_argument("--out", type=Path, default=tagger.MODEL_FILE)
    ap.add_argument("--exclude", nargs="*", default=[], help="leave out files whose path holds this")
    a = ap.parse_args(argv)
    files = [f for f in training_files() if not any(x in str(f) for x in a.exclude)]
    stats = train(load(files), a.out)
    if a.out == tagger.MODEL_FILE:
        # What the model was made from, for the test that checks it still matches the data.
        card = dict(stats, params=PARAMS, files=[str(f.relative_to(REPO)) for f in files],
                    sha256=hashlib.sha256(a.out.read_bytes()).hexdigest())
        CARD_FILE.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(f"{stats['interviews']} interviews, {stats['tokens']} tokens, {stats['state_features']} features, "
          f"{stats['bytes']} bytes -> {a.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
