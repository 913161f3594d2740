"""Identifiers spelled out letter by letter (decision 0189).

People spell names, e-mails and IDs aloud and Whisper writes the letters: "P-A-H-O-U-A",
"jota, o, ese, e", "P 0 1 9 4 4 7 2 8 1". One reading covers them all: a run of single
letters (and single digits), joined by hyphens, spaces, commas or dots, English letters or
Spanish letter names, is read as one word. The run is then

* a listed person's name part (joined letters equal it) -> that person's type;
* part of an e-mail or ID found next to it -> that finding grows over it;
* a run of four or more with a spelling cue before it ("spell", "se escribe", "letter by
  letter", "my name is", "me llamo") -> proposed on its own (PERSON for letters, ID_NUMBER
  when it holds digits).

Anything else is left alone: "a b c", "U-S-A", "y o y", "a-a-and" are speech, not names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.deid import patterns
from core.deid.findings import Finding
from core.deid.names import fold

# Spanish letter names (folded): "jota, o, ese, e" is J-O-S-E.
_ES_LETTERS = {"be": "b", "ce": "c", "de": "d", "efe": "f", "ge": "g", "hache": "h", "jota": "j", "ka": "k",
               "ele": "l", "eme": "m", "ene": "n", "ene~": "n", "pe": "p", "cu": "q", "erre": "r", "ere": "r",
               "ese": "s", "te": "t", "uve": "v", "ve": "v", "equis": "x", "ye": "y", "zeta": "z", "ceta": "z"}
_UNIT = re.compile(r"(?<![\w'’])(?<![^\W\d_]{2}-)(?:doble\s+(?:u|ve)|i\s+griega|[^\W\d_]+|\d)(?![\w'’]|-[^\W\d_]{2})", re.IGNORECASE)
_GAP = re.compile(r"^(?:\s*[-,.]\s*|\s+)$")
_CUE = re.compile(r"(?:\bspell(?:s|ed|ing)?\b(?:\s+it)?|\bse\s+escribe\b|\bletter\s+by\s+letter\b|\bletra\s+por\s+letra\b|"
                  r"\bmy\s+name\s+is\b|\bme\s+llamo\b|\bmi\s+nombre\s+es\b|\bdeletre\w*)[^.?!]{0,40}$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"^[\s,.]*(?:letter\s+by\s+letter|letra\s+por\s+letra)\b", re.IGNORECASE)
_ANCHOR_TYPES = {"EMAIL", "ID_NUMBER"}


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    joined: str   # the letters and digits, lower case, joined
    digits: int


def _letter(word: str) -> str | None:
    w = fold(word).lower()
    w = re.sub(r"\s+", " ", w)
    if len(w) == 1 and (w.isalpha() or w.isdigit()):
        return w
    if w in ("doble u", "doble ve"):
        return "w"
    if w == "i griega":
        return "y"
    return _ES_LETTERS.get(w)


def runs(text: str) -> list[Run]:
    """Every run of two or more spelled letters or digits in ``text``."""
    out: list[Run] = []
    cur: list[tuple[int, int, str]] = []

    def close() -> None:
        if len(cur) >= 2:
            joined = "".join(c for _, _, c in cur)
            out.append(Run(cur[0][0], cur[-1][1], joined, sum(c.isdigit() for c in joined)))
        cur.clear()

    for m in _UNIT.finditer(text):
        ch = _letter(m.group())
        if ch is None:
            close()
            continue
        if cur and not _GAP.match(text[cur[-1][1]:m.start()]):
            close()
        cur.append((m.start(), m.end(), ch))
    close()
    return out


def _spanish_words_only(text: str, run: Run) -> bool:
    """A run made only of Spanish letter names that are everyday words and no single letter
    ("que te de ese"): read as speech unless it matches exactly."""
    words = [m.group().lower() for m in _UNIT.finditer(text[run.start:run.end])]
    return all(len(w) > 1 for w in words)


def spelled(text: str, findings: list[Finding], person_parts: dict[str, str]) -> list[Finding]:
    """``findings`` plus spelled identifiers: e-mails and IDs grown over a spelled run next to
    them, listed names spelled out, and cued spellings of four or more letters or digits."""
    parts = {fold(p).lower(): t for p, t in person_parts.items() if len(p) >= 3}
    out = list(findings)
    added: list[Finding] = []
    for run in runs(text):
        if any(f.start <= run.start and run.end <= f.end for f in out):
            continue
        anchor = _anchor(text, run, out)
        if anchor is not None:
            i = out.index(anchor)
            start, end = min(anchor.start, run.start), max(anchor.end, run.end)
            out[i] = Finding(start, end, anchor.entity_type, text[start:end], anchor.score, anchor.recognizer,
                             anchor.canonical, anchor.label)
            continue
        if any(f.start < run.end and run.start < f.end for f in out):
            continue
        letters = run.joined
        if not run.digits and letters in parts:
            added.append(Finding(run.start, run.end, parts[letters], text[run.start:run.end], 0.9, "name_spelled",
                                 canonical=letters))
        elif run.digits >= 4 and patterns.id_context_before(text, run.start):
            added.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.8, "spelled_id",
                                 canonical=letters))
        elif len(letters) >= 4 and (_CUE.search(text[max(0, run.start - 60):run.start])
                                    or _CUE_AFTER.match(text[run.end:run.end + 30])) \
                and not _spanish_words_only(text, run):
            etype = "ID_NUMBER" if run.digits else "PERSON"
            added.append(Finding(run.start, run.end, etype, text[run.start:run.end], 0.8, "spelled_cued",
                                 canonical=letters))
    return sorted(out + added, key=lambda f: f.start)


def _anchor(text: str, run: Run, found: list[Finding]) -> Finding | None:
    """The e-mail or ID right next to ``run`` (only spaces or a spoken joiner between)."""
    for f in found:
        if f.entity_type not in _ANCHOR_TYPES:
            continue
        gap = text[run.end:f.start] if run.end <= f.start else text[f.end:run.start] if f.end <= run.start else None
        if gap is not None and re.fullmatch(r"\s*(?:-|underscore|dot|dash|guion(?:\s+bajo)?|punto)?\s*", gap,
                                            re.IGNORECASE):
            return f
    return None
