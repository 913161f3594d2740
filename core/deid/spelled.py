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
# Between letters: a pause mark, or the word for the name's own hyphen ("p-i-e-r-r-e, dash, l-o-u-i-s").
_GAP = re.compile(r"^(?:\s*[-,.]\s*|\s+|[\s,]*\b(?:dash|hyphen|guion|guión)\b[\s,]*)$", re.IGNORECASE)
_JOINER_WORDS = {"dash", "hyphen", "guion", "guión"}
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
    units: tuple[tuple[int, int, str], ...] = ()  # each letter or digit: start, end, value


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
            out.append(Run(cur[0][0], cur[-1][1], joined, sum(c.isdigit() for c in joined), tuple(cur)))
        cur.clear()

    for m in _UNIT.finditer(text):
        ch = _letter(m.group())
        if ch is None and cur and m.group().lower() in _JOINER_WORDS:
            continue  # "p-i-e-r-r-e, dash, l-o-u-i-s": the hyphen said between the letters
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
        inner = None if run.digits or letters in parts else _listed_inside(run, parts)
        said = None if run.digits or letters in parts or inner else _spells_the_word_beside(text, run)
        if not run.digits and letters in parts:
            added.append(Finding(run.start, run.end, parts[letters], text[run.start:run.end], 0.9, "name_spelled",
                                 canonical=letters))
        elif inner is not None:
            s0, e0, joined = inner
            added.append(Finding(s0, e0, parts[joined], text[s0:e0], 0.9, "name_spelled", canonical=joined))
        elif said is not None:
            for s0, e0 in said:
                if not any(f.start < e0 and s0 < f.end for f in out + added):
                    added.append(Finding(s0, e0, "PERSON", text[s0:e0], 0.8, "spelled_cued",
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


def _listed_inside(run: Run, parts: dict[str, str]) -> tuple[int, int, str] | None:
    """A listed name spelled inside a longer run: the run took a word of the sentence on an
    edge ("a-r-b-e-l-a-e-z. y el teléfono": Spanish "y" is also a letter). Up to two units
    off either end, at least four letters left."""
    units = run.units
    for cut in range(1, 5):
        for head in range(min(cut, 2) + 1):
            tail = cut - head
            if tail > 2 or len(units) - cut < 4:
                continue
            kept = units[head:len(units) - tail]
            joined = "".join(u[2] for u in kept)
            if joined in parts:
                return kept[0][0], kept[-1][1], joined
    return None


_WORD_BESIDE_BEFORE = re.compile(r"([^\W\d_][\w'’]+)[ \t]*[,:]?[ \t]*$")
_WORD_BESIDE_AFTER = re.compile(r"^[ \t]*[,:]?[ \t]*([^\W\d_][\w'’]+)")


def _spells_the_word_beside(text: str, run: Run) -> list[tuple[int, int]] | None:
    """A word said and spelled right next to each other ("Claudie, C-L-A-U-D-I-E", "M I N A,
    mina"): what a speaker spells out is a name or a part of an address. The spans of the run
    and the word; None when the letters spell no word beside them (four letters at least)."""
    from core.deid.people import _kinds, everyday_word
    if len(run.joined) < 4 or everyday_word(run.joined, "en") and not set(_kinds(run.joined)) & {"f", "l"} \
            or everyday_word(run.joined, "es") and not set(_kinds(run.joined)) & {"f", "l"}:
        return None  # "T-E-A-M, team": a word spelled to make a point
    before = _WORD_BESIDE_BEFORE.search(text[max(0, run.start - 40):run.start])
    after = _WORD_BESIDE_AFTER.match(text[run.end:run.end + 40])
    if before and fold(before.group(1)).lower() == run.joined:
        base = run.start - len(before.group()) + before.start(1) - before.start()
        return [(base, base + len(before.group(1))), (run.start, run.end)]
    if after and fold(after.group(1)).lower() == run.joined:
        return [(run.start, run.end), (run.end + after.start(1), run.end + after.end(1))]
    return None


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
