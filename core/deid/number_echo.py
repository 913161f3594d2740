"""A number said once is said again: "my badge is 30418 ... three zero four one eight".

Participants repeat a phone, an ID or an age to be understood ("badge is 4 0 8 8 2, four zero
eight eight two"), say it in the other form (digits, then words) or give only the tail again
("zero one eight three. no wait, eight six. zero one eight six"). The first pass finds the
number where its cue is; the repeat has no cue of its own. Once a phone, an ID or an age over
89 has been found in an interview, the same digits said alone elsewhere in it are that number
too (decision 0230):

* the same digits (four or more) as a found phone or ID: that phone or ID; four digits only
  near it (a short number recurs by chance further away);
* the last four or seven digits of a found phone, near it: the phone's tail said again; four
  digits said one by one after a correction ("no, sorry") just after a phone: its new tail;
* the same age (90 to 120) as a found age, near it and not followed by a quantity
  ("noventa y cuatro años, noventa y cuatro y más lúcido"; never "ninety dollars").

An age over a hundred said again in words ("he's 101, a hundred and one") is found the same
way, and a second ID given as another person's right after a found one ("el mío es el 1187 ...
y el de ella es el 1342", "hers is ...") is an ID too.

A spelled letter prefix said before the digits ("V F dash two oh nine three one" after
"VF-20931") joins the repeat.
"""

from __future__ import annotations

import re

from core.deid.findings import Finding
from core.deid.numbers import NumberRun, ascii_digits, number_runs

_NEAR = 600           # characters: how far a short repeat or an age repeat may be
_MIN_FAR_DIGITS = 5   # a repeat this long may be anywhere in the interview
_TYPES = ("PHONE", "ID_NUMBER")
# An age said again stands alone: "noventa y tres, y todavía", "ninety-two. she drives" (never
# "ninety-two tamales").
_ALONE_AFTER = re.compile(r"\s*(?:[,.;:!?)\]]|$|(?:y|and|now|ya|años|añitos|years?|cumplid[oa]s)\b)", re.IGNORECASE)
# "... zero one three two. no, sorry, three seven. zero one three seven": the speaker corrects the tail.
_CORRECTION = re.compile(r"\b(?:no|sorry|wait|i\s+mean|perd[oó]n|digo|mejor\s+dicho|espera)\b", re.IGNORECASE)
_TAIL_REACH = 120


def _digits_of(f: Finding, runs: list[NumberRun]) -> str:
    inside = [r for r in runs if f.start <= r.start and r.end <= f.end]
    return "".join(r.digits for r in inside) or ascii_digits(f.text)


def _letter_prefix(text: str, start: int, code: str) -> int:
    """Where a spelled prefix of ``code``'s letters ("V F dash ") before ``start`` begins."""
    letters = [ch for ch in code if ch.isalpha()]
    if not letters or len(letters) > 4:
        return start
    pattern = r"(?<![\w])" + r"[\s.-]*".join(re.escape(ch) for ch in letters) + r"(?:\s*(?:dash|gui[oó]n|-)\s*|\s+)$"
    m = re.search(pattern, text[max(0, start - 24):start], re.IGNORECASE)
    return start - (len(text[max(0, start - 24):start]) - m.start()) if m else start


def number_echoes(text: str, findings: list[Finding]) -> list[Finding]:
    """Repeats of the phones, IDs and ages among ``findings`` that no finding covers yet."""
    from core.deid.patterns import _QUANTITY_AFTER, _age_value
    runs = number_runs(text)
    taken = [(f.start, f.end) for f in findings]
    wanted = [f for f in findings if f.entity_type in _TYPES or f.entity_type == "AGE"]
    known: list[tuple[str, str, int, Finding]] = []  # (digits, type, position, finding)
    ages: list[tuple[int, int]] = []                 # (value, position)
    for f in wanted:
        if f.entity_type == "AGE":
            values = {v for r in runs if f.start <= r.start and r.end <= f.end
                      if (v := _age_value(r)) is not None and 90 <= v <= 120}
            if re.fullmatch(r"(?:a|one)\s+hundred", f.text.strip(), re.IGNORECASE):
                values.add(100)  # "she turned a hundred": no run starts on "hundred"
            ages += [(v, f.start) for v in values]
            continue
        digits = _digits_of(f, runs)
        if len(digits) >= 4:
            known.append((digits, f.entity_type, f.start, f))
    out: list[Finding] = []
    fixes = _corrected_groups(text, runs, known, taken)
    out += [fix for fix, _ in fixes]
    known += [(digits, "PHONE", fix.start, fix) for fix, digits in fixes]
    taken = [(f.start, f.end) for f in findings + out]
    for run in runs:
        if any(run.start < e and s < run.end for s, e in taken):
            continue
        hit = _repeat_of(run, known)
        if hit is not None:
            etype, source = hit
            start = _letter_prefix(text, run.start, source.text) if etype == "ID_NUMBER" else run.start
            recognizer = "spoken_phone" if etype == "PHONE" else "id_number"
            out.append(Finding(start, run.end, etype, text[start:run.end], 0.7, recognizer,
                               canonical=source.canonical))
            continue
        fix = _corrected_tail(text, run, known)
        if fix is not None:
            out.append(Finding(run.start, run.end, "PHONE", text[run.start:run.end], 0.7, "spoken_phone",
                               canonical=fix.canonical))
            continue
        value = _age_value(run)
        if value is not None and any(v == value and abs(p - run.start) <= _NEAR for v, p in ages) \
                and _ALONE_AFTER.match(text, run.end) and not _QUANTITY_AFTER.match(text[run.end:run.end + 24]):
            out.append(Finding(run.start, run.end, "AGE", text[run.start:run.end], 0.7, "age_over_89",
                               canonical="90+"))
    out += _hundreds_again(text, ages, taken)
    out += _second_ids(text, runs, [f for f in findings if f.entity_type == "ID_NUMBER"], taken)
    return out + _said_twice(text, runs, [(f.start, f.end) for f in findings + out])


_HUNDRED_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                   "ten": 10, "eleven": 11, "twelve": 12}


def _hundreds_again(text: str, ages: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Finding]:
    """"he's 101, a hundred and one": an age over a hundred said again in words."""
    from core.deid.patterns import _HUNDRED_AGE
    out: list[Finding] = []
    for m in _HUNDRED_AGE.finditer(text):
        words = m.group().lower().split()
        value = 100 + (_HUNDRED_VALUES.get(words[-1], 0) if words[-2] == "and" else 0)
        if any(m.start() < e and s < m.end() for s, e in taken) or not _ALONE_AFTER.match(text, m.end()):
            continue
        if any(v == value and abs(p - m.start()) <= _NEAR for v, p in ages):
            out.append(Finding(m.start(), m.end(), "AGE", m.group(), 0.7, "age_over_89", canonical="90+"))
    return out


# "el mío es el 1187, ... y el de ella es el 1342", "mine is 4471 and hers is 4472": a second ID
# given right after the first, as the other person's.
_SECOND_ID_BEFORE = re.compile(r"(?:\b(?:y\s+yo|and\s+me|and\s+i['’]?m)\s+(?:(?:soy\s+)?(?:el|la)\s+)?$|\b(?:el|la)\s+de\s+(?:ella|él|el|la|mi|su|los|las)\b[^.?!]{0,30}?\b(?:es|era)\b"
                               r"[^.?!\d]{0,12}?\b(?:el|la)|\b(?:hers|his|mine|theirs)\s+(?:is|was))\s+$",
                               re.IGNORECASE)
_SECOND_REACH = 150


def _second_ids(text: str, runs: list[NumberRun], ids: list[Finding], taken: list[tuple[int, int]]) -> list[Finding]:
    out: list[Finding] = []
    for run in runs:
        if not 3 <= len(run.digits) <= 12 or any(run.start < e and s < run.end for s, e in taken):
            continue
        if any(0 <= run.start - f.end <= _SECOND_REACH for f in ids) and \
                _SECOND_ID_BEFORE.search(text, max(0, run.start - 60), run.start):
            out.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.7, "id_number",
                               canonical=run.digits))
    return out


# "... cero uno, noventa y dos, no, noventa y tres": the last group of a phone said again corrected.
_CORRECTED_GROUP = re.compile(r"^[\s,.;]*(?:no|sorry|wait|perd[oó]n|digo|mejor\s+dicho|i\s+mean)\b[\s,.;]*"
                              r"(?:(?:sorry|wait|perd[oó]n|digo|i\s+mean|es)\b[\s,.;]*)?(?:it['’]?s\s+|it\s+is\s+)?$", re.IGNORECASE)


def _corrected_groups(text: str, runs: list[NumberRun], known: list[tuple[str, str, int, Finding]],
                      taken: list[tuple[int, int]]) -> list[tuple[Finding, str]]:
    """A group of one to four digits said right after a found phone and a correction: part of the
    phone, and the phone as corrected (its digits with the new group at the end) is what a later
    repeat of its tail matches."""
    out: list[tuple[Finding, str]] = []
    for digits, etype, _pos, f in known:
        if etype != "PHONE" or len(digits) < 7:
            continue
        run = next((r for r in runs if 0 < r.start - f.end <= 30 and _CORRECTED_GROUP.match(text[f.end:r.start])), None)
        if run is None or not 1 <= len(run.digits) <= 4 or any(run.start < e and s < run.end for s, e in taken):
            continue
        fixed = digits[:-len(run.digits)] + run.digits
        out.append((Finding(f.start, run.end, "PHONE", text[f.start:run.end], 0.7, "spoken_phone",
                            canonical=f.canonical), fixed))
    return out


# A number said twice near itself is a code, not a count: people repeat an ID to be understood
# ("3371 ... three three seven one", "cuatro mil ochocientos treinta ... cuatro ocho tres cero",
# "24-117 ... twenty-four dash one seventeen"), and say a count once.
_TWICE_REACH = 300
_NOT_CODE = re.compile(r"^\s*(?:%|percent|por\s+ciento|dollars?|bucks|d[oó]lares|pesos|cents|centavos|an?\s+hour|"
                       r"la\s+hora|the\s+hour|per|a\s+(?:week|month|year)|al\s+(?:mes|año)|a\s+la\s+semana|"
                       r"years?|años|miles|millas|pounds|libras|people|personas|hours|horas|minutes|minutos|"
                       r"feet|pies|boxes|cajas|units|unidades)\b", re.IGNORECASE)


def _said_twice(text: str, runs: list[NumberRun], taken: list[tuple[int, int]]) -> list[Finding]:
    """Two runs with the same digits (four to twelve) within ``_TWICE_REACH`` characters, said in
    different forms (digits and words, or one group and digit by digit) or five digits or more,
    none of them inside a finding: both are an ID. Years, amounts and counts are left out."""
    from core.deid.patterns import _QUANTITY_AFTER
    free = [r for r in runs if 4 <= len(r.digits) <= 12 and not any(r.start < e and s < r.end for s, e in taken)
            and not _NOT_CODE.match(text[r.end:r.end + 30]) and not _QUANTITY_AFTER.match(text[r.end:r.end + 24]) and text[max(0, r.start - 1):r.start] != "$"
            and not re.search(r"\d[.:]\d", text[r.start:r.end]) and not _year_like(r)]
    out: list[Finding] = []
    for i, a in enumerate(free):
        for b in free[i + 1:]:
            if b.start - a.end > _TWICE_REACH:
                break
            if a.digits != b.digits or not (len(a.digits) >= 5 or a.chunks != b.chunks or a.is_spoken != b.is_spoken):
                continue
            for r in (a, b):
                if not any(o.start == r.start for o in out):
                    out.append(Finding(r.start, r.end, "ID_NUMBER", text[r.start:r.end], 0.65, "id_number",
                                       canonical=r.digits))
    return out


def _year_like(run: NumberRun) -> bool:
    """"2019", "two thousand nineteen", "twenty nineteen": a year, said twice as often as not."""
    return len(run.digits) == 4 and 1900 <= int(run.digits) <= 2039 and len(run.chunks) <= 2


def _corrected_tail(text: str, run: NumberRun, known: list[tuple[str, str, int, Finding]]) -> Finding | None:
    """A found phone, then a correction, then four digits said one by one: the phone's new tail."""
    if len(run.digits) != 4 or len(run.chunks) != 4 or not run.is_spoken:
        return None
    for digits, etype, _pos, f in known:
        if etype == "PHONE" and len(digits) >= 10 and 0 <= run.start - f.end <= _TAIL_REACH \
                and _CORRECTION.search(text, f.end, run.start):
            return f
    return None


def _repeat_of(run: NumberRun, known: list[tuple[str, str, int, Finding]]) -> tuple[str, Finding] | None:
    d = run.digits
    if len(d) < 4:
        return None
    for digits, etype, pos, f in known:
        near = abs(pos - run.start) <= _NEAR
        if d == digits and (len(d) >= _MIN_FAR_DIGITS or near):
            return etype, f
        if etype == "PHONE" and near and len(d) in (4, 7) and len(digits) >= 10 and digits.endswith(d):
            return etype, f
    return None
