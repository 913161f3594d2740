"""Single letters and initials that stand for a person (decision 0219).

People are called by a letter ("mr. D", "miss K", "la seño M", "D said"), by dotted
initials ("J.R.", "t.j."), or by a letter's name said as a word after a title ("mister dee",
"miss kay", "la seño jota"). A letter alone is everywhere in speech ("plan b", "vitamin d",
"a", "y", "o"), so each form needs what makes it a person: a title before it, a verb of
saying after it, or the dots of initials that are no common abbreviation ("a.m.", "u.s.").
"""

from __future__ import annotations

import re

from core.deid.findings import Finding

_EN_TITLES = r"mr|mrs|ms|miss|mister|missus|mx|dr|doctor|coach|officer|nurse|sister|brother|uncle|auntie|aunt"
_ES_TITLES = (r"don|doña|dona|señor|señora|señorita|seño|sr|sra|srta|profe|profesor|profesora|maestro|maestra|"
              r"ingeniero|ingeniera|inge|licenciado|licenciada|lic|míster|tío|tía|tio|tia")
# Letters' names, English and Spanish, that are no everyday word after a title ("de", "el",
# "en", "ese", "te", "be" are left out: "señora de la cruz", "doña te dice").
_LETTER_NAMES = (r"bee|cee|dee|gee|jay|kay|em|tee|vee|zee|zed|jota|ka|eme|ele|efe|equis|zeta|erre|ere|"
                 r"ache|hache|eñe|cu|uve|jei|kei|di|ji|ti")
_TITLED = re.compile(r"\b(?P<title>" + _EN_TITLES + "|" + _ES_TITLES + r")\.?\s+"
                     r"(?P<who>(?:[A-Za-z]\.){2,3}|[A-Za-z](?:\.|(?![\w'’-]))|(?:" + _LETTER_NAMES + r")(?![\w'’-]))",
                     re.IGNORECASE)
_ABBREVIATED = {"mr", "mrs", "ms", "mx", "dr", "sr", "sra", "srta", "lic", "inge", "profe"}
# Letters that are words after a title: "miss a day", "señora y señor", "doña o don".
_NOT_AFTER_TITLE = {"a", "i", "y", "e", "o", "u"}
# "D said", "K told me", "J dijo": a capital letter and a verb of saying.
_SAID = re.compile(r"(?<![\w'’.-])(?P<who>[A-HJ-Z])(?:\.)?\s+(?:said|says|told|tells|asked|asks|yelled|texted|"
                   r"called\s+me|was\s+telling|been\s+telling|keeps\s+telling|dijo|dice|me\s+dijo|le\s+dijo|"
                   r"nos\s+dijo|me\s+dec[ií]a|me\s+grit[oó]|me\s+llam[oó])\b")
_SAID_LOWER = re.compile(r"(?<![\w'’.-])(?P<who>[b-df-hj-np-tv-xz])\s+(?:said|says|told|asked|dijo|me\s+dijo)\b")
# A letter that names a thing, not a person: "plan b", "vitamin d", "building c", "zona b".
_THING_BEFORE = re.compile(
    r"\b(?:plan|vitamin|vitamina|building|edificio|gate|door|puerta|line|l[ií]nea|row|fila|zone|zona|dock|"
    r"bay|aisle|pasillo|class|clase|lot|wing|ala|shift|turno|letter|letra|word|apartment|apt|unit|suite|"
    r"hall|floor|piso|pod|area|área|section|secci[oó]n|grade|size|type|tipo|option|opci[oó]n|part|parte|"
    r"team|equipo|group|grupo|hepatitis|the|a|an|un|una|el|la|my|mi)\s+$", re.IGNORECASE)
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Za-z]\.\s?){1,2}[A-Za-z]\.)(?![\w])")
_ABBREVIATIONS = {"am", "pm", "us", "uk", "dc", "la", "ny", "eg", "ie", "bc", "ad", "po", "rn", "md", "ok", "tv",
                  "sf", "id", "hr", "ac", "nj", "un", "eu", "jd", "vp", "ceo", "gm", "sa", "cv", "df", "usa",
                  "dob", "sos", "nyc", "lvn", "cna", "ot", "pt", "er", "icu", "or", "dj", "pa", "aka", "ps", "nb",
                  "ss", "st", "ca", "tx", "az", "nm", "nv", "wa", "fl", "ga", "il", "mi", "oh", "nc", "sc", "va",
                  "co", "mx", "ee", "uu", "cc", "ap", "ii", "iii", "iv", "vs", "et", "al", "rip", "asap", "fyi",
                  "ufw", "seiu", "mba", "gpa", "hs", "ged", "ma", "ba", "bs"}


def initials_people(text: str) -> list[Finding]:
    """Letters and initials that stand for a person in ``text``."""
    out: list[Finding] = []
    for m in _TITLED.finditer(text):
        who = m.group("who")
        if who.rstrip(".").lower() in _NOT_AFTER_TITLE or re.match(r"\s*:", text[m.end("who"):]):
            continue  # "señora y señor"; "doctor. q: how is she": a turn's label
        if text[m.end("title"):m.end("title") + 1] == "." and m.group("title").lower() not in _ABBREVIATED:
            continue  # "to the doctor. P: ..." : the sentence ended
        if len(who.rstrip(".")) == 1 and m.group("title").lower() in ("miss", "sister", "brother") \
                and who.islower() and not _mixed(text):
            continue  # "miss d"? in lower-case speech "miss" is also the verb
        out.append(Finding(m.start("who"), m.end("who"), "PERSON", who, 0.55, "initials",
                           canonical=who.lower()))
    for rx in (_SAID, _SAID_LOWER):
        for m in rx.finditer(text):
            if _THING_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
                continue
            if rx is _SAID and _sentence_start(text, m.start()) and m.group("who") == "A":
                continue
            out.append(Finding(m.start("who"), m.end("who"), "PERSON", m.group("who"), 0.5, "initials",
                               canonical=m.group("who").lower()))
    for m in _DOTTED.finditer(text):
        letters = re.sub(r"[^A-Za-z]", "", m.group(1)).lower()
        if letters in _ABBREVIATIONS:
            continue
        out.append(Finding(m.start(1), m.end(1), "PERSON", m.group(1), 0.5, "initials", canonical=letters))
    return out


def _mixed(text: str) -> bool:
    from core.deid.people import _is_mixed_case
    return _is_mixed_case(text)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".?!:\n"


_INITIAL_BEFORE = re.compile(r"(?<![\w.'’-])([A-Za-z])\.[ \t]*$")
_INITIAL_GAP = re.compile(r"^[ \t]+[A-Za-z]\.[ \t]+$")  # a dot: "kendrick y oduya" is two people
_LISTED = ("name_list", "name_list_cued", "name_echo", "name_fuzzy")


def initialled_names(text: str, findings: list[Finding]) -> list[Finding]:
    """Listed people written with an initial (decision 0250): "d. mancuso" (the initial before a
    listed surname joins it) and "wandy r. almonte" (a middle initial between two parts of the same
    listed name: one finding). ``findings`` are resolved; the result replaces them."""
    from core.deid.findings import is_person_type
    out = sorted(findings, key=lambda f: f.start)
    merged: list[Finding] = []
    for f in out:
        if not (is_person_type(f.entity_type) and f.recognizer in _LISTED):
            merged.append(f)
            continue
        prev = merged[-1] if merged else None
        if prev is not None and is_person_type(prev.entity_type) and prev.recognizer in _LISTED \
                and prev.canonical == f.canonical and _INITIAL_GAP.match(text[prev.end:f.start]):
            merged[-1] = Finding(prev.start, f.end, prev.entity_type, text[prev.start:f.end], prev.score,
                                 prev.recognizer, prev.canonical, prev.label)
            continue
        m = _INITIAL_BEFORE.search(text[max(0, f.start - 4):f.start])
        lo = prev.end if prev is not None else 0
        if m and f.canonical and " " in f.canonical and m.group(1).lower() == f.canonical[0].lower() \
                and f.start - len(m.group()) >= lo and " " not in f.text.strip():
            start = f.start - len(m.group())
            f = Finding(start, f.end, f.entity_type, text[start:f.end], f.score, f.recognizer, f.canonical, f.label)
        merged.append(f)
    return merged
