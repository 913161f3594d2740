"""What an address found in an interview makes of the words around it and later (decision 0251).

A street found once ("we live on sinclair", "9120 rainier avenue south") changes how the rest of
the interview reads: the flat said a sentence later ("unit 312", "apartment 3 c. no, sorry, 3
d", "la casita b", "número catorce"), the house number said again in words ("apartment 208. two
oh eight"), the street's name said alone or with a house number ("on mclaughlin", "4410 caney
fork", "212 church"), a crossing with it ("rainier and henderson") and a spoken house number
right before it ("nine one two zero rainier avenue south") are the same home.

Two Spanish forms need no street found first, because their shape says address on its own: a
house number before "de la" and a street name ("el veintidós cuarenta y dos de la sanborn", "el
mil ciento ocho de story road"), and a crossing after "la esquina de" or "la de" ("la esquina de
slaughter y manchaca", "la de pico y normandie").

``address_context(text, findings)`` returns the new ADDRESS findings; ``detect`` resolves them
with the rest (same-type overlaps widen the finding they touch).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP_WORDS

from core.deid.findings import Finding
from core.deid.numbers import NumberRun, number_runs, tokens
from core.deid.places import fold, is_place
from core.deid.readings import word_form
from core.deid.streets import _SPANISH_SHAPE, _regions, everyday_es, name_word, ordinary

_RECOGNIZER = "address_context"
# How far from a found address a flat said with a cue still belongs to it (characters).
_UNIT_REACH = 700
# "number"/"número" is a phone's or a badge's cue as often as a flat's: only right after one.
_NUMBER_REACH = 160

_EN_SPOKEN = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
_ES_SPOKEN = r"(?:cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|" \
             r"dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento)"
_SPOKEN = r"(?:" + _EN_SPOKEN + r"|" + _ES_SPOKEN + r")"
# A flat's value: "312", "3b", "3 d", "12 b", "doce-b", "c", "catorce", "three twelve", "dos b".
_VALUE = (r"(?:\d{1,4}(?:\s?-?(?-i:[a-hA-H])(?![\w'’]))?|(?-i:[a-hA-H])(?![\w'’-])|"
          r"" + _SPOKEN + r"(?:[\s-]+(?:y\s+)?" + _SPOKEN + r"){0,2}(?:[\s-](?-i:[a-hA-H])(?![\w'’]))?(?![\w'’-]))")
_UNIT_WORD = (r"(?:apartment|apartamento|apt\.?|apto\.?|unit|unidad|suite|ste\.?|depto\.?|departamento|interior|building|"
              r"bldg\.?|edificio|"
              r"casita|basement|room|cuarto|lot|lote|space|espacio|trailer|traila)")
_UNIT = re.compile(r"\b(?:la\s+|the\s+)?" + _UNIT_WORD + r"(?:\s*#\s*|\s+)(?P<v>" + _VALUE + r")", re.IGNORECASE)
_NUMBER_UNIT = re.compile(r"\b(?:n[uú]mero|number|#)\s*(?P<v>\d{1,4}[a-h]?\b|" + _SPOKEN + r"(?:\s+" + _SPOKEN + r"){0,2}\b)"
                          r"(?!\s*[,.-]?\s*\d)", re.IGNORECASE)
# "en el doce-b de los apartamentos": a flat said as "the one" in a named building.
_EL_FLAT = re.compile(r"\b(?:en\s+el|el|in)\s+(?P<v>" + _VALUE + r")\s+(?:de\s+los\s+apartamentos|of\s+the\s+apartments)",
                      re.IGNORECASE)
# "apartment 3 c. no, sorry, 3 d": the flat corrected right after it.
_CORRECTED = re.compile(r"[.,;]?\s*(?:no|nope|perd[oó]n|digo)\s*[,.]?\s*(?:(?:sorry|wait|perd[oó]n|esp[eé]rese|espera|i\s+mean|"
                        r"digo|mejor\s+dicho),?\s*)?(?P<v>" + _VALUE + r")(?=[\s,.;!?]|$)", re.IGNORECASE)
# What a number before a word counts when it is no house number.
_QUANTITY = re.compile(r"\s*(?:years?|hours?|dollars|bucks|minutes|days|weeks|months|times|people|percent|cents|miles|"
                       r"pounds|boxes|cases|orders|units|am|pm|o['’]?clock|a\.m|p\.m|años|horas|d[oó]lares|pesos|minutos|"
                       r"d[ií]as|semanas|meses|veces|personas|millas|libras|cajas|de\s+la\s+(?:mañana|tarde|noche))\b",
                       re.IGNORECASE)
_NOT_NAME = frozenset("""
street st avenue ave road rd boulevard blvd drive dr lane ln way court ct place pl parkway highway hwy circle terrace
trail north south east west northeast northwest southeast southwest n s e w ne nw se sw apartment apt unit suite
number no room lot floor space trailer calle avenida apartamento unidad número numero casa de del la el los las
the and y on at in off of en por near by interior depto departamento colonia código codigo zip box p.o po
""".split())  # noqa: SIM905
# "el veintidós cuarenta y dos de la sanborn", "el 1520 de la larkin", "el mil ciento ocho de story road"
_ES_HOUSE = re.compile(r"\b(?:el|al|en\s+el)\s+$", re.IGNORECASE)
_ES_HOUSE_TAIL = re.compile(r"\s+(?:de\s+la|de\s+el|del|de)\s+(?P<name>[^\W\d_][\w'’-]*(?:\s+(?:road|street|avenue|drive|"
                            r"boulevard|lane|way|calle|avenida|st|ave|rd|blvd))?)(?![\w'’])", re.IGNORECASE)
_ES_KIND_TAIL = re.compile(r"\s+(?:de\s+la|del|de)\s+(?:calle|avenida|calzada|carretera|street|avenue)\s+"
                           r"[^\W\d_][\w'’-]*(?![\w'’])", re.IGNORECASE)
# "la esquina de slaughter y manchaca", "la de pico y normandie", "de la cermak y kedzie"
_ES_CROSS = re.compile(r"\b(?P<cue>(?:la\s+)?esquina\s+de(?:\s+la)?|(?:la|el)\s+de(?:\s+la)?|de\s+la|en\s+la)\s+"
                       r"(?P<a>[^\W\d_][\w'’-]*)\s+y\s+(?:la\s+)?(?P<b>[^\W\d_][\w'’-]*)(?![\w'’])", re.IGNORECASE)
_ES_CROSS_STOP = frozenset("""
la el los las un una de del y o que con por para en es mi su tu yo él ella ellos nosotros pero porque como cuando
ya no sí si más mas muy bien mal todo toda nada algo mañana tarde noche casa
""".split())  # noqa: SIM905


def address_context(text: str, findings: list[Finding]) -> list[Finding]:
    """New ADDRESS findings that the addresses among ``findings`` (sorted, not overlapping) make
    readable in ``text``, plus the Spanish house numbers and crossings that need none."""
    runs = number_runs(text, tokens(text))
    out = _es_houses(text, runs) + _es_crossings(text) + _el_flats(text) + _parks(text) + _cued_crossings(text)
    anchors = [f for f in findings if f.entity_type == "ADDRESS"] + out
    if not anchors:
        return out
    out += _units(text, anchors) + _said_after(text, anchors, runs)
    out += _corrections(text, anchors + out)
    out += _street_echoes(text, anchors, runs)
    out += _house_before(text, anchors, runs)
    out += _number_echoes(text, anchors + out, runs)
    out += _number_cut(text, anchors, runs)
    out += _state_zips(text, anchors, runs) + _numbered_crossings(text, anchors)
    # A guessed name or a town note gives way ("denver and bryant", "de la larkin"); a phone,
    # an e-mail, a date, an ID or a listed name does not.
    taken = [(f.start, f.end) for f in findings if f.entity_type != "ADDRESS" and f.recognizer not in _GUESSES
             and f.entity_type != "LOCATION"]
    return [f for f in out if not any(s < f.end and f.start < e for s, e in taken)]


_GUESSES = frozenset({"name_lexicon", "presidio", "given_name_list", "named_cue", "learned_tagger", "name_fuzzy",
                      "name_echo"})


def _number_cut(text: str, anchors: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    """A spoken house number that an address cut in the middle ("calle río culiacán mil quinientos
    | cuarenta"): the address goes on to the number's end."""
    return [_finding(text, a.start, r.end, 0.7) for a in anchors for r in runs
            if r.is_spoken and a.start < r.start < a.end < r.end and len(r.digits) <= 6]


def _finding(text: str, start: int, end: int, score: float = 0.6) -> Finding:
    span = text[start:end]
    return Finding(start, end, "ADDRESS", span, score, _RECOGNIZER, canonical=re.sub(r"\W+", " ", span.lower()).strip())


def _near(pos: int, anchors: list[Finding], reach: int) -> bool:
    return any(a.start - reach <= pos <= a.end + reach for a in anchors)


def _units(text: str, anchors: list[Finding]) -> list[Finding]:
    out = []
    for m in _UNIT.finditer(text):
        if _near(m.start(), anchors, _UNIT_REACH) and not _QUANTITY.match(text, m.end()) and _value_ok(m.group("v")):
            out.append(_finding(text, m.start(), m.end()))
    for m in _NUMBER_UNIT.finditer(text):
        if any(a.end <= m.start() <= a.end + _NUMBER_REACH for a in anchors) and not _QUANTITY.match(text, m.end()):
            out.append(_finding(text, m.start(), m.end("v")))
    return out


def _el_flats(text: str) -> list[Finding]:
    return [_finding(text, m.start("v"), m.end("v")) for m in _EL_FLAT.finditer(text) if _value_ok(m.group("v"))]


# After a street: ", el trece diez" (the house number said after it) or, after "calle X", the
# number in words ("calle río culiacán mil quinientos cuarenta").
_EL_AFTER = re.compile(r",\s{1,2}el\s+$", re.IGNORECASE)
_ES_STREET_KIND = re.compile(r"(?:calle|avenida|av\.|calzada|callej[oó]n|camino|carretera|bulevar|paseo|privada|cerrada)\s",
                             re.IGNORECASE)


def _said_after(text: str, anchors: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    out = []
    for a in anchors:
        for r in runs:
            gap = text[a.end:r.start]
            if not 0 <= r.start - a.end <= 6 or not r.is_spoken or not 3 <= len(r.digits) <= 5 \
                    or _QUANTITY.match(text, r.end) or re.match(r"\s+(?:de|del|y)\b", text[r.end:]):
                continue
            if _EL_AFTER.fullmatch(gap) or gap == " " and _ES_STREET_KIND.match(a.text):
                out.append(_finding(text, a.start, r.end, 0.7))
    return out


def _value_ok(value: str) -> bool:
    """A flat's number, not a word that only looks like one ("a", "one of")."""
    v = value.strip()
    return bool(re.search(r"\d", v)) or len(v) > 1 or v.isupper() or v.lower() in "bcdefgh"


_CORRECTED_BEFORE = re.compile(r"(?:[.…,;]+|\s)\s*(?:no|nope|perd[oó]n)\s*[,.]?\s*(?:(?:sorry|wait|perd[oó]n|esp[eé]rese|espera|"
                               r"i\s+mean|digo|mejor\s+dicho)\s*,?\s*)?(?:el\s+|the\s+)?$", re.IGNORECASE)


def _corrections(text: str, found: list[Finding]) -> list[Finding]:
    """A flat or house number corrected right after it ("apartment 3 c. no, sorry, 3 d") or
    said wrong right before it ("es el veintidós cuarenta... no, perdón, el veintidós cuarenta y
    dos de la sanborn")."""
    out = []
    runs = number_runs(text[max(0, min((f.start for f in found), default=0) - 80):], None)
    base = max(0, min((f.start for f in found), default=0) - 80)
    for f in found:
        lead = _CORRECTED_BEFORE.search(text[max(0, f.start - 40):f.start])
        if lead and re.match(r"\s*(?:\d|" + _SPOKEN + r"\b)", f.text, re.IGNORECASE):
            cut = f.start - (len(text[max(0, f.start - 40):f.start]) - lead.start())
            wrong = next((r for r in runs if 0 <= cut - (r.end + base) <= 1), None)
            if wrong:
                out.append(_finding(text, wrong.start + base, wrong.end + base))
        m = _CORRECTED.match(text, f.end)
        if m and _value_ok(m.group("v")) and re.search(r"\d|" + _SPOKEN, f.text[-12:], re.IGNORECASE):
            out.append(_finding(text, m.start("v"), m.end("v")))
    return out


def _street_names(anchors: list[Finding]) -> set[str]:
    """The names of the streets among ``anchors``: their words that are no number, street kind,
    direction or function word, in runs ("caney fork road" -> "caney fork")."""
    names: set[str] = set()
    for a in anchors:
        if a.recognizer == "zip_code":
            continue
        street = re.split(r"[,.;:]\s|\b" + _UNIT_WORD + r"\b", a.text, maxsplit=1, flags=re.IGNORECASE)[0]
        part: list[str] = []
        for w in [*re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*(?![\w'’])", street.lower()), ""]:
            if w and w not in _NOT_NAME and w not in STOP_WORDS and w not in ES_STOP_WORDS \
                    and not re.fullmatch(_SPOKEN, w) and len(w) > 2:
                part.append(w)
                continue
            if part:
                names.add(" ".join(part))
                names.update(p for p in part if not ordinary(p))
            part = []
    return names


def _street_echoes(text: str, anchors: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    """A found street's name said again: alone when it is no everyday word ("on mclaughlin"),
    after a house number ("212 church", "4410 caney fork") or in a crossing ("rainier and
    henderson") when it is one."""
    out: list[Finding] = []
    names = _street_names(anchors)
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text, re.IGNORECASE):
            start, end = m.start(), m.end()
            house = next((r for r in runs if 0 <= m.start() - r.end <= 8 and
                          re.fullmatch(r"\s+(?:(?:de\s+la|del|on)\s+)?", text[r.end:m.start()], re.IGNORECASE)
                          and len(r.digits) >= 2), None)
            if house:
                start = house.start
            cross = re.match(r"\s+(?:and|&|y|con)\s+(?:la\s+|el\s+)?([^\W\d_][\w'’-]*|\d{1,3}(?:st|nd|rd|th)?)(?![\w'’])",
                             text[end:], re.IGNORECASE)
            if cross and cross.group(1).lower() not in _ES_CROSS_STOP and (
                    not ordinary(cross.group(1)) or re.match(r"\d", cross.group(1))):
                end += cross.end()
            before = re.search(r"(?:^|\s)([^\W\d_][\w'’-]*)\s+(?:and|&|y)\s+(?:la\s+|el\s+)?$", text[max(0, start - 30):start],
                               re.IGNORECASE)
            if before and before.group(1).lower() not in _ES_CROSS_STOP and not ordinary(before.group(1)) \
                    and not is_place(before.group(1)):
                start -= len(text[max(0, start - 30):start]) - before.start(1)
            where = re.search(r"\b(?:on|off(?:\s+of)?|up|down|past|onto|by|en\s+la|por\s+la|de\s+la|la\s+de|el\s+de)\s+$",
                              text[max(0, start - 12):start], re.IGNORECASE)
            if (start, end) == m.span() and not where:
                continue  # "the church", "en carolina" alone: the building or the town; "on mclaughlin" is the street
            if any(a.start <= start and end <= a.end for a in anchors):
                continue
            out.append(_finding(text, start, end, 0.55))
    return out


def _state_zips(text: str, anchors: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    """"p.o. box cuatrocientos diecinueve, cactus, texas, siete nueve cero uno tres": five digits
    right after a state and a comma, shortly after an address, are its ZIP code."""
    out = []
    for r in runs:
        if len(r.digits) != 5 or not any(0 <= r.start - a.end <= 80 for a in anchors):
            continue
        m = re.search(r"([^\W\d_]+(?:\s[^\W\d_]+)?),?\s+$", text[max(0, r.start - 30):r.start])
        if m and (fold(m.group(1)) in _regions() or fold(m.group(1).split()[-1]) in _regions()):
            out.append(_finding(text, r.start, r.end, 0.7))
    return out


# "en la cincuenta y dos y la veintiséis": a numbered street crossing another said after it.
_NUMBERED_CROSS = re.compile(r"\s+(?:y|con)\s+la\s+(\d{1,3}\b|" + _ES_SPOKEN + r"(?:\s+y\s+" + _ES_SPOKEN + r")?\b)",
                             re.IGNORECASE)


def _numbered_crossings(text: str, anchors: list[Finding]) -> list[Finding]:
    out = []
    for a in anchors:
        m = _NUMBERED_CROSS.match(text, a.end)
        if m and not _QUANTITY.match(text, m.end()) and not re.match(r"\s+(?:de|del)\b", text[m.end():]):
            out.append(_finding(text, a.start, m.end(), 0.6))
    return out


def _house_before(text: str, anchors: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    """A spoken house number right before a street found without one ("nine one two zero rainier
    avenue south", "one five two two zero international boulevard")."""
    out = []
    for a in anchors:
        if not a.text[:1].isalpha() or re.match(r"\s*" + _SPOKEN + r"\b", a.text, re.IGNORECASE):
            continue
        run = next((r for r in runs if 0 < a.start - r.end <= 2 and text[r.end:a.start].isspace()), None)
        if run and run.is_spoken and 2 <= len(run.digits) <= 6:
            out.append(_finding(text, run.start, a.end, 0.7))
    return out


def _numbers_in(anchors: list[Finding], runs: list[NumberRun]) -> set[str]:
    return {r.digits for r in runs if len(r.digits) >= 3 and any(a.start <= r.start and r.end <= a.end for a in anchors
                                                                   if a.recognizer != "zip_code")}


def _number_echoes(text: str, found: list[Finding], runs: list[NumberRun]) -> list[Finding]:
    """A house or flat number of a found address said again, in digits or words ("apartment
    208. two oh eight")."""
    known = _numbers_in(found, runs)
    out = []
    for r in runs:
        if r.digits in known and not any(f.start <= r.start and r.end <= f.end for f in found) \
                and not _QUANTITY.match(text, r.end) and _near(r.start, found, _UNIT_REACH):
            out.append(_finding(text, r.start, r.end, 0.55))
    return out


def _es_houses(text: str, runs: list[NumberRun]) -> list[Finding]:
    """"el quince veinte de la larkin": a house number of three digits or more after "el" and
    before "de la" and a name that is no everyday word."""
    out = []
    for r in runs:
        kind = _ES_KIND_TAIL.match(text, r.end)
        if kind and len(r.digits) >= 2 and not _QUANTITY.match(text, r.end):
            # "es trescientos doce de la calle sargeant": the street's kind says it, no "el" needed
            out.append(_finding(text, r.start, kind.end(), 0.7))
            continue
        if len(r.digits) < 3 or not _ES_HOUSE.search(text[max(0, r.start - 8):r.start]):
            continue
        m = _ES_HOUSE_TAIL.match(text, r.end)
        if not m:
            continue
        word = m.group("name").split()[0]
        if word.lower() in _ES_CROSS_STOP or everyday_es(word) or ordinary(word) and " " not in m.group("name") \
                and not name_word(word) \
                or fold(word) in _regions() or len(r.chunks) == 1 and 1900 <= int(r.digits) <= 2039:
            continue
        out.append(_finding(text, r.start, m.end(), 0.7))
    return out


# "pecan grove, lot 27", "lakeview mobile home park, lote veintisiete": a park's name said before its lot.
_LOT = re.compile(r",\s+(?:lot|lote|space|espacio|trailer|traila)\s+(?:n[uú]mero\s+|number\s+|#\s*)?(?:\d{1,4}[a-z]?\b|"
                  + _SPOKEN + r"(?:\s+(?:y\s+)?" + _SPOKEN + r")?\b)", re.IGNORECASE)
_PARK_KIND = re.compile(r"\b(?:park|grove|estates|village|court|manor|homes|acres|meadows|villa|villas)$", re.IGNORECASE)


def _parks(text: str) -> list[Finding]:
    out = []
    for m in _LOT.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, m.start() - 48):m.start()].split(",")[-1])[-4:]
        while words and (words[0].lower() in STOP_WORDS or words[0].lower() in ES_STOP_WORDS):
            words.pop(0)
        if not words or any(w.lower() in STOP_WORDS or w.lower() in ES_STOP_WORDS for w in words):
            continue
        name = " ".join(words)
        if not (_PARK_KIND.search(name) or any(not ordinary(w) for w in words)):
            continue
        start = text.rfind(words[0], max(0, m.start() - 48), m.start())
        out.append(_finding(text, start, m.end(), 0.6))
    return out


# "the address, if you need, east shields and clovis", "mail it to the apartment, wilcrest and
# beechnut": a crossing said as the answer to an address or mail cue.
_CUED_CROSS = re.compile(r"\b(?:(?:the|my|our|mi|la)\s+address|direcci[oó]n|(?:mail|send)\s+(?:it|them|that|everything)\s+to"
                         r"(?:\s+the\s+\w+)?|m[aá]ndel[oa]s?\s+a(?:\s+la\s+\w+)?)(?:\s+(?:is|es))?\s*[,:]"
                         r"(?:[^.?!,]{0,20},)?\s+(?P<x>(?:(?:north|south|east|west)\s+)?(?P<a>[^\W\d_][\w'’-]+)\s+(?:and|&|y|con)\s+"
                         r"(?:la\s+)?(?P<b>[^\W\d_][\w'’-]+))(?![\w'’-])", re.IGNORECASE)


def _cued_crossings(text: str) -> list[Finding]:
    out = []
    for m in _CUED_CROSS.finditer(text):
        a, b = m.group("a"), m.group("b")
        if any(w.lower() in STOP_WORDS or w.lower() in ES_STOP_WORDS or w.lower() in _ES_CROSS_STOP for w in (a, b)):
            continue
        if ordinary(a) and ordinary(b):
            continue
        out.append(_finding(text, m.start("x"), m.end("x"), 0.6))
    return out


def _es_crossings(text: str) -> list[Finding]:
    """"la esquina de slaughter y manchaca", "la de pico y normandie": two street names after a
    corner or "the one on" cue; at least one side is no everyday word or place, neither a
    function word ("la de pollo y papas" is food: both sides everyday)."""
    out = []
    for m in _ES_CROSS.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in _ES_CROSS_STOP or b.lower() in _ES_CROSS_STOP:
            continue
        strong = [w for w in (a, b) if not everyday_es(w) and (not ordinary(w) or len(w) > 4 and not word_form(w, "es")
                                                                and not _SPANISH_SHAPE.search(w))]
        corner = "esquina" in m.group("cue").lower()
        if is_place(a) and is_place(b) and not corner or not strong:
            continue  # "de la florida y georgia": two places; "la esquina de lamar y burnet" is a corner
        if len(strong) == 2 or corner or m.group("cue").lower().startswith(("la de", "el de")):
            out.append(_finding(text, m.start("a"), m.end("b"), 0.6))
    return out
