"""Street addresses, written and spoken, in English and Spanish; PO boxes; ZIP codes.

Three sources, combined (decision 0105):

* ``pyap2`` finds complete written US addresses ("1420 Oak Street Oakland CA 94612").
* Our grammar anchored on a house number, written or spoken ("2231 East 14th Street, Apartment
  3B", "twenty two thirty one east fourteenth"): direction, up to three name words (ordinals
  such as "14th"/"fourteenth" included), a street suffix, a unit. ``usaddress`` (a CRF parser
  of US address strings) then says whether the words after it ("…, Oakland", "… oakland ca")
  are still the address.
* Rules for what people say instead of an address: "the corner of X and Y", "on Foothill and
  35th", "I live on Maple Avenue", and the Spanish forms ("en la calle Mission y la 24",
  "avenida Insurgentes 1500", "colonia Las Flores").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from core.deid.findings import Finding
from core.deid.numbers import NumberRun
from core.deid.places import is_place
from core.deid.streets import bare_crossings, bare_streets, cued_house_numbers, everyday_es

_SUFFIX = (r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|"
           r"parkway|pkwy|highway|hwy|circle|cir|terrace|ter|trail|trl|square|sq|alley|row|pike|"
           r"turnpike|crescent|loop|path|plaza|expressway|freeway|concourse)\.?")
# Suffixes that are street words whatever comes before ("on maple avenue"); "way", "place",
# "court", "row", "path", "loop" are everyday words too and need a house number.
_STRONG_SUFFIX = r"(?:street|avenue|ave|boulevard|blvd|road|drive|lane|parkway|highway|hwy|terrace|pike|turnpike|concourse)\.?"
_DIRECTION = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|n|s|e|w|ne|nw|se|sw)\.?"
_ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                 r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                 r"thirtieth|fortieth|fiftieth)")
_ORDINAL = (r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?"
            + _ORDINAL_WORD + r")")
_NAME_WORD = r"(?:" + _ORDINAL + r"|[^\W\d_][\w'’.-]*)"
_UNIT = (r"(?:,?\s*(?:apartment|apartamento|apto|apt|unit|unidad|suite|ste|number|no|#|room|lot|floor|space|trailer|"
         r"departamento|depto|interior|int)\.?\s*#?\s*"
         r"(?:[a-z]?\d+[a-z]?|[a-z]\b|(?:[^\W\d_]+[\s-]){0,2}[^\W\d_]+(?=[\s,.]|$)))?")
_ZIP = r"(?:,?\s+\d{5}(?:-\d{4})?)"
_MONTH_AFTER = re.compile(r"\s+[a-z]+(?:st|nd|rd|th)?\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                          re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:the\s+)?$",
                           re.IGNORECASE)
_STREET_TAIL = re.compile(
    r"\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+\d{1,3}\s+|(?:" + _DIRECTION
    + r"\s+)?(?:" + _NAME_WORD + r"\s+){0,3}?)" + _SUFFIX + r"(?![^\W\d_])" + _UNIT
    + _ZIP + r"?", re.IGNORECASE)
# "3920 west 1820 south": a grid address (a direction, a number, a direction).
_GRID = r"(?:north|south|east|west)\s+\d{1,5}\s+(?:north|south|east|west)\b"
# "2231 east fourteenth", "1500 west 35th": a direction or an ordinal says street without a suffix.
_NO_SUFFIX_TAIL = re.compile(r"\s+(?:" + _GRID + r"|" + _DIRECTION + r"\s+(?:(?:(?:cien|ciento|doscientos|[a-z]+enta|[a-z]+ce|"
                             r"veinti[a-z]+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b(?:\s+y)?\s*){1,4}(?<!\s)|"
                             + _NAME_WORD + r")"
                             r"|" + _ORDINAL + r")(?![^\W\d_])" + _UNIT, re.IGNORECASE)
# "868 powell, room 34": a house number, one name and a unit.
_UNIT_TAIL = re.compile(r"\s+[^\W\d_][\w'’-]*,?\s+(?:(?:upstairs|downstairs|in\s+the\s+back|arriba|atrás),?\s+)?"
                        r"(?:room|apartment|apt\.?|unit|unidad|suite|apartamento|cuarto)\s+#?(?:\d{1,4}[a-z]?\b|(?-i:[A-H])\b)",
                        re.IGNORECASE)
# "the 4400 block of bissonnet": a hundred block names a street's stretch.
_BLOCK_TAIL = re.compile(r"\s+block\s+of\s+(?:the\s+)?(?:" + _DIRECTION + r"\s+)?[^\W\d_][\w'’-]*(?:\s+" + _SUFFIX
                         + r")?(?![^\W\d_])", re.IGNORECASE)
# "N4571 county road K": a rural number has a letter before it and the county road a letter after.
_COUNTY_ROAD_END = re.compile(r"\s+(?:[A-Z]{1,2}|\d{1,4})\b(?![\w'’])")
# "8700 de la piney branch road": Spanish speakers put "de la" between the number and the street.
_DE_LA = re.compile(r"\s+(?:de\s+la|de\s+el|del)(?=\s)", re.IGNORECASE)
_NOT_STREET_WORDS = {"years", "year", "hours", "hour", "dollars", "bucks", "minutes", "days", "weeks",
                     "months", "times", "people", "of", "and", "or", "but", "to", "the", "a", "in",
                     "on", "at", "for", "i", "we", "they", "he", "she", "it", "you", "was", "is", "by", "near",
                     "with", "from", "off", "behind", "past",
                     "percent", "cents", "miles", "pounds", "boxes", "cases", "orders", "units", "am", "pm",
                     "años", "horas", "dólares", "dolares", "pesos", "minutos", "días", "dias"}
_LIVE_ON = re.compile(
    r"\b(?:live|lives|lived|living|house|home|place|apartment|moved|stay|stays|staying|i'?m|we['’]re|we\s+are|i\s+am|"
    r"address\s+is)\s+(?:is\s+)?(?:on|over\s+on|off|at|to|by)\s+((?:the\s+)?(?:" + _DIRECTION + r"\s+)?(?:"
    + _NAME_WORD + r"\s+){1,2}" + _SUFFIX + r")(?![^\W\d_])", re.IGNORECASE)
# A named street anywhere: "East 14th Street", "Maple Avenue" (a capital or an ordinal, or a
# strong suffix after on/at/off).
# The suffix is read in any case ("Jackson Street", "Jackson street"); the name needs its capital.
_NAMED_STREET = re.compile(r"\b(?:(?i:(?:" + _DIRECTION + r"\s+)?" + _ORDINAL + r")|[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)\s+"
                           r"(?i:" + _STRONG_SUFFIX + r")(?![^\W\d_])")
_STREET_SIDE = r"(?:(?:" + _DIRECTION + r"\s+)?(?:" + _ORDINAL + r"|[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)(?:\s+" \
               + _SUFFIX + r")?)"
_CORNER = re.compile(r"(\b(?:the\s+)?corner\s+of\s+" + _STREET_SIDE + r"\s+(?:and|&|n)\s+" + _STREET_SIDE + r")"
                     r"(?![^\W\d_])", re.IGNORECASE)
# "on Foothill and 35th", "at 35th and foothill": one side must be an ordinal or a street.
_CROSS = re.compile(r"\b(?:on|at|off(?:\s+of)?|near|by|over\s+by|around)\s+((?:" + _DIRECTION + r"\s+)?(?:" + _ORDINAL
                    + r"|[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)(?:\s+" + _SUFFIX + r")?\s+(?:and|&)\s+(?:"
                    + _DIRECTION + r"\s+)?(?:" + _ORDINAL + r"|[^\W\d_][\w'’-]*)(?:\s+" + _SUFFIX
                    + r")?)(?![^\W\d_])", re.IGNORECASE)
_STREETISH = re.compile(r"(?:^|\s)(?:" + _ORDINAL + r"|" + _SUFFIX + r"|(?:six|seven|eight|nine|ten|eleven|twelve)\s+mile)"
                        r"(?:$|\s)", re.IGNORECASE)
_ZIP_CUE = re.compile(r"\b(?:zip(?:\s+code)?|zipcode|c[oó]digo(?:\s+postal)?|c\.?p\.?)\s*(?:is|es|was|:)?"
                      r"[\s,]*(?:(?:uh|um|eh|este|pues)[\s,]+)?$",
                      re.IGNORECASE)

# --- Spanish -------------------------------------------------------------------------------
_ES_KIND = (r"(?:calle|avenida|av\.|avda\.?|calzada|callej[oó]n|camino|carretera|bulevar|boulevard|paseo|"
            r"privada|cerrada|andador|prolongaci[oó]n|colonia|col\.|barrio|fraccionamiento|fracc\.|"
            r"residencial|ejido|rancho|manzana|mza\.?|lote|urbanizaci[oó]n|urb\.|reparto|sector|pasaje)")
_ES_STOP = {"y", "e", "o", "u", "en", "que", "con", "por", "para", "pero", "porque", "donde", "cuando",
            "a", "al", "es", "era", "fue", "está", "esta", "son", "me", "te", "se", "nos", "le", "les", "lo",
            "ahí", "ahi", "allí", "alli", "aquí", "aqui", "cerca", "entre", "hasta", "desde", "sin", "muy",
            "no", "sí", "si", "como", "pues", "entonces", "vivo", "vive", "vivimos", "trabajo", "mi", "su",
            "mis", "sus", "tu", "número", "numero", "num", "núm", "esquina", "frente", "atrás", "atras",
            "junto", "ya", "también", "tambien", "todo", "todos", "the", "and", "on", "in", "at"}
_ES_LINKERS = {"de", "del", "la", "las", "los", "el"}
_ES_NUMBER = re.compile(r"\s*,?\s*(?:el\s+)?(?:(?:n[uú]mero|num\.?|n[uú]m\.?|no\.?|#)\s*)?(\d{1,5}[a-z]?\b)", re.IGNORECASE)
_ES_CROSS = re.compile(r",?\s+(?:y|e|esquina(?:\s+con)?|con|entre|cerca\s+de)(?:\s+la|\s+el)?(?:\s+calle|\s+avenida)?(?=\s)",
                       re.IGNORECASE)
_ES_KIND_RE = re.compile(r"\b(?:(?:la|el)\s+)?(?:(?:primera|segunda|tercera|cuarta|quinta|sexta|s[eé]ptima|octava|"
                         r"novena|d[eé]cima|\d{1,3}(?:a|ª)?)\s+(?=avenida|calle))?" + _ES_KIND + r"(?=\s)", re.IGNORECASE)
_ES_WORD = re.compile(r"\s+([^\W_][\w'’.-]*)")


_ES_SIDE_OF_TOWN = re.compile(r"\s+(?:norte|sur|oriente|poniente|este|oeste)\b", re.IGNORECASE)
# What follows a Spanish street: ", casa B 12", ", apartamento 3B", ", interior 4", ", calle 4, …"
_ES_SPOKEN = (r"(?:(?:cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
              r"dieci\w+|veinti\w+|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|"
              r"(?:dos|tres|cuatro|seis|sete|ocho|nove)cientos|quinientos|y)\b\s*){1,4}")
_PO_BOX = re.compile(r"\b(?:p\.?\s?o\.?|post\s+office|apartado(?:\s+postal)?)\s*(?:box\s+)?(?:#\s*)?"
                     r"(?:\d+|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b\s*){1,6}|" + _ES_SPOKEN
                     + r"(?<!\s))",
                     re.IGNORECASE)
_ES_UNIT = re.compile(r",?\s*(?:casa|apartamento|apto\.?|departamento|depto\.?|interior|int\.|piso|edificio|"
                      r"torre|bloque|pasaje|lote|manzana)\s+(?:n[uú]mero\s+)?(?:(?:[a-z]\s?)?\d{1,4}[a-z]?\b|"
                      + _ES_SPOKEN + r"(?:[a-f]\b)?)", re.IGNORECASE)
_ES_NEXT_KIND = re.compile(r",?\s*(?=" + _ES_KIND + r"\s)", re.IGNORECASE)


def _es_name(text: str, pos: int) -> int:
    """End of the street name that starts at ``pos`` ("de los Insurgentes Sur", "Mission", "24")."""
    end, words, linkers = pos, 0, 0
    while words < 4:
        m = _ES_WORD.match(text, end)
        if not m:
            break
        w = m.group(1).lower().strip(".,")
        if w in _ES_LINKERS and linkers < 2:
            nxt = _ES_WORD.match(text, m.end())
            if not nxt or nxt.group(1).lower() in _ES_STOP:
                break
            linkers += 1
            end = m.end()
            continue
        if w in _ES_STOP or not w:
            break
        end = m.end() - (len(m.group(1)) - len(m.group(1).rstrip(".,")))
        words += 1
        if w.isdecimal():
            # "la 24": a numbered street is one word, and its side of town ("calle 3 sur") or its
            # kind after it ("la 27 avenida")
            side = _ES_SIDE_OF_TOWN.match(text, end) or re.compile(r"\s+(?:avenida|calle|street|avenue)\b",
                                                                   re.IGNORECASE).match(text, end)
            if side:
                end = side.end()
            break
    return end if words else pos


def _spanish(text: str) -> list[Finding]:
    """"calle Hidalgo 123", "en la calle Mission y la 24", "avenida de los Insurgentes número 1500",
    "colonia Las Flores"."""
    out: list[Finding] = []
    for m in _ES_KIND_RE.finditer(text):
        end = _es_name(text, m.end())
        ordinal = not re.match(r"(?:(?:la|el)\s+)?" + _ES_KIND, m.group(), re.IGNORECASE)
        if end == m.end() and not ordinal:
            continue  # "la novena avenida" names its street with the ordinal
        num = _ES_NUMBER.match(text, end)
        if num:
            end = num.end()
        cross = _ES_CROSS.match(text, end)
        if cross:
            end2 = _es_name(text, cross.end())
            if end2 > cross.end():
                end = end2
        while True:  # "urbanización Villa del Rey, calle 4, casa B 12" is one address
            unit = _ES_UNIT.match(text, end)
            if unit:
                end = unit.end()
                continue
            nxt = _ES_NEXT_KIND.match(text, end)
            kind = _ES_KIND_RE.match(text, nxt.end()) if nxt else None
            if kind:
                name_end = _es_name(text, kind.end())
                if name_end > kind.end():
                    num = _ES_NUMBER.match(text, name_end)
                    end = num.end() if num else name_end
                    continue
            break
        span = text[m.start():end]
        out.append(Finding(m.start(), end, "ADDRESS", span, 0.75, "street_address_es",
                           canonical=re.sub(r"\W+", " ", span.lower()).strip()))
    return out


# --- English -------------------------------------------------------------------------------
_ZIP_ANYWHERE = re.compile(r"\b\d{5}(?:-\d{4})?\b")


def _pyap(text: str) -> list[Finding]:
    """pyap2 on the stretch before each ZIP code: it finds complete addresses only (street,
    city, state, ZIP), and its one big regex costs ~0.1 s per thousand words, so it only reads
    where a ZIP makes a complete address possible."""
    import pyap
    out: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for z in _ZIP_ANYWHERE.finditer(text):
        lo = max(0, z.start() - 160)
        if spans and lo < spans[-1][1]:
            spans[-1] = (spans[-1][0], z.end())
        else:
            spans.append((lo, z.end()))
    found = []
    for lo, hi in spans:
        try:
            found += [(lo, a) for a in pyap.parse(text[lo:hi], country="US")]
        except Exception:  # noqa: BLE001, S112 - a library failure must not hide our own rules
            continue
    for lo, a in found:
        start, end = getattr(a, "match_start", None), getattr(a, "match_end", None)
        if start is None or end is None:
            continue
        start, end = start + lo, end + lo
        span = text[start:end].rstrip(" ,.")
        out.append(Finding(start, start + len(span), "ADDRESS", span, 0.9, "street_address",
                           canonical=re.sub(r"\W+", " ", span.lower()).strip()))
    return out


_SPOKEN_DIGITS = {"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "cero", "uno",
                  "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"}
_PLACE_LABELS = {"PlaceName", "StateName", "ZipCode", "OccupancyType", "OccupancyIdentifier",
                 "SubaddressType", "SubaddressIdentifier", "CountryName"}
_AFTER_WORDS = re.compile(r"(,?\s+[^\W\d_][\w'’-]*|,?\s+\d{5}(?:-\d{4})?)")


def _extend_with_place(text: str, start: int, end: int) -> int:
    """Take the city, state and ZIP after a street ("…, Oakland", "… oakland ca 94601") when
    usaddress reads them as part of the address."""
    import usaddress
    words: list[tuple[int, str]] = []
    pos = end
    for _ in range(4):
        m = _AFTER_WORDS.match(text, pos)
        if not m:
            break
        words.append((m.end(), m.group()))
        pos = m.end()
        if text[pos:pos + 1] in (".", "!", "?", ";", ":"):
            break  # the sentence ends: what follows is not the address
    street_tokens = len(text[start:end].split())
    best = end
    # The CRF reads the words after the street differently with more of the sentence behind
    # them ("…, Bakersfield before the shift" makes "Bakersfield" a building name): every
    # shorter reading is tried and the longest place it gives is kept.
    for n in range(len(words), 0, -1):
        try:
            parsed = usaddress.parse(text[start:words[n - 1][0]])
        except Exception:  # noqa: BLE001, S112
            continue
        if any(label in ("Recipient", "PlaceName", "StateName", "BuildingName") for _, label in parsed[:street_tokens]):
            continue  # the street itself was not read as a street: its tail means nothing
        best = max(best, _place_end(words[:n], parsed[street_tokens:], end))
        if best == words[n - 1][0]:
            break
    return best


def _place_end(words: list[tuple[int, str]], tail: list[tuple[str, str]], end: int) -> int:
    new_end = end
    for (word_end, word), (_, label) in zip(words, tail):
        low = word.strip(" ,").lower()
        if low in _SPOKEN_DIGITS:
            break  # "…, los angeles, nine zero zero six three": the ZIP said digit by digit is read after
        if label not in _PLACE_LABELS or low in _NOT_STREET_WORDS or (
                label not in ("StateName", "ZipCode") and (low in STOP_WORDS or low in _ES_STOP)):
            break
        # A comma before a place name is the usual sign; without one, only a state or ZIP joins.
        if not word.startswith(",") and label == "PlaceName" and new_end == end and not word.strip()[:1].isupper():
            break
        new_end = word_end
    return new_end


def _last_groups(text: str, runs: list[NumberRun]) -> list[NumberRun]:
    """The part after the last ", " of each run that has one: "off of FM 725, 3318 ebano lane"
    reads as one seven-digit run, but its house number is the last group."""
    from core.deid.numbers import number_runs
    out = []
    for run in runs:
        cut = text.rfind(", ", run.start, run.end)
        if cut > 0:
            out += [NumberRun(r.start + cut + 2, r.end + cut + 2, r.digits, r.chunks, r.is_spoken)
                    for r in number_runs(text[cut + 2:run.end])[:1]]
    return out


def _numbered(text: str, runs: list[NumberRun]) -> list[Finding]:
    out: list[Finding] = []
    for run in runs + _last_groups(text, runs):
        if len(run.digits) > 6:
            continue
        said = text[run.start:run.end].lower()
        if said in ("one", "uno", "una", "two", "dos") or said in ("a", "an"):
            continue  # "the big one off the freeway", "uno se queda": a pronoun, not a house number
        if _MONTH_BEFORE.search(text[max(0, run.start - 12):run.start]) or _MONTH_AFTER.match(text, run.end):
            continue  # "july twenty eighth", "march 3rd street fair": a date, not a house number
        at = run.end
        de_la = _DE_LA.match(text, at)
        if de_la and _STREET_TAIL.match(text, de_la.end()):
            at = de_la.end()
        m = _STREET_TAIL.match(text, at)
        recognizer, score = "street_address", 0.85
        if not m:
            m = _NO_SUFFIX_TAIL.match(text, run.end) or _UNIT_TAIL.match(text, run.end)
            recognizer, score = "street_address", 0.7
        if not m and run.digits.endswith("00"):
            m = _BLOCK_TAIL.match(text, run.end)
        if not m:
            continue
        first_word = m.group().split()[0].lower().strip(".,")
        if first_word in _NOT_STREET_WORDS:
            continue
        end = run.start + len(text[run.start:m.end()].rstrip(" ,."))
        if re.search(r"\b(?:county|state)\s+(?:road|rd\.?|highway|hwy\.?)$", text[run.start:end], re.IGNORECASE):
            letter = _COUNTY_ROAD_END.match(text, end)
            end = letter.end() if letter else end
        end = _extend_with_place(text, run.start, end)
        start = run.start
        if start >= 1 and text[start - 1] in "NSEWnsew" and (start == 1 or not text[start - 2].isalnum()):
            start -= 1  # "N4571", "W5521": a rural house number
        span = text[start:end]
        out.append(Finding(start, end, "ADDRESS", span, score, recognizer,
                           canonical=re.sub(r"\W+", " ", span.lower()).strip()))
    return out


_STREET_PREP = r"(?:on|off(?:\s+of)?|at|by|near|onto|down|up|from|to|en|de|por|sobre)\s+(?:the\s+|la\s+|el\s+)?"
_NOT_NAME = {"the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "same", "next", "one",
             "other", "whole", "la", "el", "una", "esa", "esta", "mi", "su", "long", "fast", "slow", "back", "front",
             "wrong", "dirt", "gravel", "side", "toll", "private", "main", "open", "country", "service", "access",
             "test", "loading", "express", "bus", "bike", "i", "we", "you", "they", "he", "she", "it", "and", "or",
             "to", "of", "in", "on", "at", "for", "with", "new", "old", "big", "little", "busy", "quiet", "dark"}
# "off of candler road", "on memorial drive", "la atlanta highway", "en la franklin avenue": a
# street named with its suffix after where-words, in any case (decision 0197).
_PREP_STREET = re.compile(r"\b" + _STREET_PREP + r"((?:[^\W\d_][\w'’-]*\s+){1,3}?" + _STRONG_SUFFIX + r")(?![^\W\d_])",
                          re.IGNORECASE)
# "on west grand", "over on east fourteenth": a direction makes the next word a street.
_DIRECTION_STREET = re.compile(r"\b(?:on|off(?:\s+of)?|at|near|by)\s+((?:north|south|east|west)\s+(?!side\b|coast\b|end\b|bay\b)"
                               r"[^\W\d_][\w'’-]*)", re.IGNORECASE)


# "off de la bissonnet": Spanish speech borrows "off" for a street one lives or works off of.
_OFF_DE_LA = re.compile(r"\boff\s+de\s+(?:la|el)\s+([^\W\d_][\w'’-]*(?:\s+" + _SUFFIX + r"(?![^\W\d_]))?)", re.IGNORECASE)


def _prep_streets(text: str) -> list[Finding]:
    out = []
    for off in _OFF_DE_LA.finditer(text):
        word = off.group(1).split()[0].lower()
        if word in _ES_STOP or word in _NOT_STREET_ES or word in STOP_WORDS or word in _NOT_NAME:
            continue
        out.append(Finding(off.start(1), off.end(1), "ADDRESS", off.group(1), 0.55, "street_name",
                           canonical=off.group(1).lower()))
    for rx in (_PREP_STREET, _DIRECTION_STREET):
        pos = 0
        while m := rx.search(text, pos):
            words = [w.lower() for w in m.group(1).split()[:-1]] if rx is _PREP_STREET else []
            if any(w in _NOT_NAME or w in STOP_WORDS or w in _ES_STOP for w in words):
                pos = m.start(1)  # "up off of vineland road": read again from "off of"
                continue
            pos = m.end()
            span = m.group(1).rstrip(".")
            out.append(Finding(m.start(1), m.start(1) + len(span), "ADDRESS", span, 0.55, "street_name",
                               canonical=span.lower()))
    return out


# "8th Avenue and 55th Street", "broad street esquina con la public street", "west 12 avenue con la
# 49 street": two streets, each with its suffix, joined are one crossing.
_SUFFIXED = r"(?:(?:" + _DIRECTION + r"\s+)?(?:" + _ORDINAL + r"|\d{1,3}|[^\W\d_][\w'’-]*)(?:\s+[^\W\d_][\w'’-]*)?\s+" \
            + _STRONG_SUFFIX + r")"
_SUFFIX_CROSS = re.compile(r"\b(" + _SUFFIXED + r",?\s+(?:and|&|y|con|esquina(?:\s+(?:con|de))?)\s+(?:(?:la|el|the)\s+)?"
                           + _SUFFIXED + r")(?![^\W\d_])", re.IGNORECASE)


def _suffix_crossings(text: str) -> list[Finding]:
    out = []
    pos = 0
    while m := _SUFFIX_CROSS.search(text, pos):
        sides = re.split(r",?\s+(?:and|&|y|con|esquina(?:\s+(?:con|de))?)\s+(?:(?:la|el|the)\s+)?", m.group(1), maxsplit=1,
                         flags=re.IGNORECASE)
        names = [w.lower() for side in sides for w in side.split()[:-1]]
        if any(w in _NOT_NAME or w in STOP_WORDS or w in _ES_STOP for w in names):
            pos = m.start() + 1
            continue
        pos = m.end()
        span = m.group(1)[:-1] if re.search(r"[^\W\d_]{5}\.$", m.group(1)) else m.group(1)
        # as sure as a numbered street: it outranks the two streets found apart ("12 avenue")
        out.append(Finding(m.start(1), m.start(1) + len(span), "ADDRESS", span, 0.6, "street_address",
                           canonical=span.lower()))
    return out


def _named(text: str) -> list[Finding]:
    out: list[Finding] = _suffix_crossings(text)
    for rx, rec, score in ((_LIVE_ON, "street_name", 0.6), (_CORNER, "street_name", 0.65), (_CROSS, "street_name", 0.6)):
        for m in rx.finditer(text):
            group = m.group(1)
            if rx is _CROSS and (not _STREETISH.search(" " + group + " ") or re.search(r"['’]s\s+\S+$", group)):
                continue  # "on time and budget", "at tom and jerry's place" are not crossings
            out.append(Finding(m.start(1), m.end(1), "ADDRESS", group, score, rec, canonical=group.lower()))
    for m in _NAMED_STREET.finditer(text):
        span = m.group()
        if span.endswith(".") and re.search(r"[^\W\d_]{5}\.$", span):
            span = span[:-1]  # "on Jackson Street." : the sentence's full stop, not an abbreviation
        out.append(Finding(m.start(), m.start() + len(span), "ADDRESS", span, 0.55, "street_name",
                           canonical=span.lower()))
    return out


# Where someone lives or works, said just before a crossing: "i live near mission and geneva",
# "vivo en la tully y la king" -- two plain words joined by "and"/"y" are a crossing only there.
_HOME_CUE = re.compile(r"\b(?:live|lives|lived|living|house|home|apartment|place|moved|stay|staying|work|works|"
                       r"vivo|vive|viven|vivimos|viví|vivi|casa|departamento|apartamento|trabajo|trabaja|queda|"
                       r"quedan|mudé|mude|mudamos|tienda|taquería|taqueria|restaurante|negocio)\b[^.?!]{0,40}$",
                       re.IGNORECASE)
_ES_SIDE = r"(?:\d{1,4}|[^\W\d_][\w'’-]*)"
# "en la 24 y mission", "en la tully y la king", "grand concourse con la 183"
_ES_CORNER = re.compile(r"\b(?:en|por|de|a|entre)\s+(?:la|el)\s+(" + _ES_SIDE + r"(?:\s+[^\W\d_][\w'’-]*)?\s+(?:y|con)\s+"
                        r"(?:la\s+|el\s+)?" + _ES_SIDE + r")(?![^\W_])", re.IGNORECASE)
_NOT_STREET_ES = {"mañana", "tarde", "noche", "casa", "escuela", "iglesia", "tienda", "familia", "comida", "semana",
                  "fábrica", "fabrica", "planta", "oficina", "cocina", "línea", "linea", "bodega", "troca", "calle",
                  "migra", "policía", "policia", "clínica", "clinica", "mamá", "mama", "niña", "gente", "renta",
                  "luz", "agua", "primera", "segunda", "misma", "otra", "una", "uno", "última", "ultima"}


def _crossings(text: str) -> list[Finding]:
    """Crossings said where someone lives or works, in English and Spanish."""
    out: list[Finding] = []
    for m in _CROSS.finditer(text):
        group = m.group(1)
        words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", group)]
        if _STREETISH.search(" " + group + " ") or not _HOME_CUE.search(text[max(0, m.start() - 48):m.start()]):
            continue  # the streetish ones are _named's; plain words need a home or work cue
        if any(w in STOP_WORDS or w in _NOT_STREET_ES for w in words if w not in ("and",)):
            continue
        out.append(Finding(m.start(1), m.end(1), "ADDRESS", group, 0.55, "street_name", canonical=group.lower()))
    for m in _ES_CORNER.finditer(text):
        group = m.group(1)
        sides = re.split(r"\s+(?:y|con)\s+(?:la\s+|el\s+)?", group, maxsplit=1, flags=re.IGNORECASE)
        if len(sides) != 2:
            continue
        words = [w.lower() for w in " ".join(sides).split()]
        if any(w in _ES_STOP or w in _NOT_STREET_ES or w in STOP_WORDS or _verb(w) or everyday_es(w) for w in words):
            continue  # "entramos a la 8 y salimos", "entre la navidad y el año": no streets
        if re.match(r"\s+(?:horas|hours|años|years|d[oó]lares|dollars|pesos|minutos|de\s+la\s+(?:mañana|tarde|noche))\b",
                    text[m.end(1):], re.IGNORECASE):
            continue  # "de la 8 y la 10 de la noche", "la 24 horas": times and counts, not streets
        numbered = any(side.strip().isdigit() for side in sides)
        # "entre la slauson y la gage": between two "la" is between two streets; so is "en la
        # elysian fields con la claiborne", "la main con la appleton" (decision 0235)
        between = re.match(r"(?:entre|en|por|de)\s", m.group(), re.IGNORECASE) and re.search(
            r"\s(?:y|con)\s+(?:la|el)\s", group, re.IGNORECASE) and (
            re.match(r"entre\s", m.group(), re.IGNORECASE) or re.search(r"\scon\s+la\s", group, re.IGNORECASE))
        if not numbered and not between and (not _HOME_CUE.search(text[max(0, m.start() - 48):m.start() + 1])
                                             or any(_spanish_word(w) for w in words)):
            continue  # a home cue alone does not make "trabaja en la construcción y llega" a corner
        end = m.end(1)
        kind = re.compile(r"\s+(?:avenida|calle|street|avenue)\b", re.IGNORECASE).match(text, end)
        if kind and sides[1].strip().isdigit():
            end = kind.end()  # "la 82 con la 37 avenida"
        out.append(Finding(m.start(1), end, "ADDRESS", text[m.start(1):end], 0.6, "street_name",
                           canonical=text[m.start(1):end].lower()))
    for m in _ES_NUMBER_BETWEEN.finditer(text):
        words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", m.group("a") + " " + m.group("b"))]
        if any(w in _ES_STOP or w in _NOT_STREET_ES or w in STOP_WORDS or _verb(w) or everyday_es(w) for w in words):
            continue  # "los 300 entre semana y domingo": no streets
        out.append(Finding(m.start(1), m.end(1), "ADDRESS", m.group(1), 0.6, "street_name", canonical=m.group(1).lower()))
    return out


# "vivo en la 174 entre audubon y amsterdam": a house number and the two streets it is between
# (decision 0235).
_ES_NUMBER_BETWEEN = re.compile(r"\b(?:en|por|de)\s+(?:la|el)\s+(\d{1,5}[a-z]?\s+entre\s+(?:la\s+|el\s+)?"
                                r"(?P<a>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+y\s+(?:la\s+|el\s+)?"
                                r"(?P<b>[^\W\d_][\w'’-]*))(?![\w'’])", re.IGNORECASE)


def _spanish_word(word: str) -> bool:
    """An everyday Spanish word by spaCy's tables and its shape ("construcción", "carnicería"),
    a Spanish verb form ("llega") or a Spanish function word ("los") (decision 0235)."""
    from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP_WORDS

    from core.deid.readings import verb_form, word_form
    from core.deid.streets import _SPANISH_SHAPE
    if word.isdigit():
        return False
    return word in ES_STOP_WORDS or bool(word_form(word, "es") and _SPANISH_SHAPE.search(word)) or (
        verb_form(word, "es") and not verb_form(word, "en"))


def _verb(word: str) -> bool:
    from core.deid.readings import verb_form
    return not word.isdigit() and verb_form(word, "es") and not verb_form(word, "en") and word.endswith(("mos", "ron", "ó", "é"))


def _zips(text: str, runs: list[NumberRun]) -> list[Finding]:
    out: list[Finding] = []
    for run in runs:
        if len(run.digits) == 5 and _ZIP_CUE.search(text[max(0, run.start - 24):run.start]):
            out.append(Finding(run.start, run.end, "ADDRESS", text[run.start:run.end], 0.8, "zip_code",
                               canonical=run.digits))
    # The same five digits said again ("el mío es 07513 … ok, 07513") are the same ZIP code
    # (decision 0235); written digits only, so a spoken count is not read as one.
    cued = {f.text for f in out if f.text.isdigit()}
    out += [Finding(run.start, run.end, "ADDRESS", text[run.start:run.end], 0.7, "zip_code", canonical=run.digits)
            for run in runs if text[run.start:run.end] in cued and not any(f.start == run.start for f in out)]
    return out


# "my lady in apartment 4C", "the green building, apartment 206", "apartamento dos b": a flat's
# number said on its own locates a home (the label rules mark it).
_FLAT = re.compile(r"\b(?:apartment|apartamento|apt\.?|apto\.?|depto\.?|departamento|unidad)\s*(?:#|n[uú]mero\s+|number\s+)?"
                   r"(?:\d{1,4}[a-z]?\b|(?-i:[A-H])\b(?![’'-])|[a-z]\s?\d{1,4}\b|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|"
                   r"ten|twenty|thirty|forty|fifty|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b[\s-]?){1,3}"
                   r"(?:[a-f]\b)?)", re.IGNORECASE)


def _flats(text: str) -> list[Finding]:
    out = []
    for m in _FLAT.finditer(text):
        span = m.group().rstrip(" -")
        if not any(ch.isdigit() for ch in span) and (
                re.match(r"\s+[^\W\d_]+s\b", text[m.start() + len(span):])
                or re.search(r"\b(?:an?|un|una)\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
            continue  # "an apartment two blocks away": a count, not a flat's number
        out.append(Finding(m.start(), m.start() + len(span), "ADDRESS", span, 0.6, "street_name",
                           canonical=span.lower()))
    return out


# "la traila número cuarenta y seis", "lot 23", "space 14": a trailer's place locates a home.
_TRAILER = re.compile(r"\b(?:traila|tráiler|trailer|lote|lot|space|espacio)\s+(?:n[uú]mero\s+|number\s+|#\s*)?"
                      r"(?:\d{1,4}[a-z]?\b|" + _ES_SPOKEN + r"(?<!\s)|(?:(?:one|two|three|four|five|six|seven|eight|nine|"
                      r"ten|twenty|thirty|forty|fifty)\b[\s-]?){1,3}(?<![\s-]))", re.IGNORECASE)
_ONLY_SUFFIX = re.compile(r"^(?:the\s+)?(?:(?:front|back|main|long|side|whole|same|other|drive|counter|road|street)\s*)+$",
                          re.IGNORECASE)


def _plain_road(f: Finding) -> bool:
    """"the road", "front counter and drive": every word of it is a road word or an everyday one."""
    if f.recognizer != "street_name" or re.fullmatch(r"[A-Z]\w+ (?:Street|Avenue|Road)", f.text):
        return False  # "Main Street" in capitals is a town's street
    sides = re.split(r"\s+(?:and|&|y|con)\s+", f.text, flags=re.IGNORECASE)
    return any(_ONLY_SUFFIX.match(side.strip()) for side in sides)


def addresses(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Every address-like span: numbered streets, named streets and crossings, PO boxes, ZIP
    codes, and the Spanish forms."""
    out = _pyap(text) + _numbered(text, runs) + _named(text) + _zips(text, runs) + _spanish(text) + _crossings(text)
    out += _flats(text) + _prep_streets(text) + _ordinal_crossings(text)
    out += bare_streets(text) + cued_house_numbers(text, runs) + bare_crossings(text)
    out += [Finding(m.start(), m.end(), "ADDRESS", m.group(), 0.6, "street_name", canonical=m.group().lower())
            for m in _TRAILER.finditer(text) if any(ch.isdigit() for ch in m.group()) or len(m.group().split()) > 2]
    out = [f for f in out if not _plain_road(f)]
    for m in _PO_BOX.finditer(text):
        out.append(Finding(m.start(), m.end(), "ADDRESS", m.group(), 0.8, "po_box", canonical=m.group().lower()))
    return out


# "24th y mission", "79th and king drive": a numbered street crossing another needs no cue.
_ORDINAL_CROSS = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th)\s+(?:and|y|&|con)\s+(?:la\s+|el\s+)?(?:\d{1,3}(?:st|nd|rd|th)?|"
                            r"[^\W\d_][\w'’-]*)(?:\s+" + _SUFFIX + r")?)(?![^\W\d_])", re.IGNORECASE)


def _ordinal_crossings(text: str) -> list[Finding]:
    out = []
    for m in _ORDINAL_CROSS.finditer(text):
        last = m.group(1).split()[-1].lower()
        if last in STOP_WORDS or last in _ES_STOP or last in _NOT_STREET_WORDS:
            continue
        out.append(Finding(m.start(1), m.end(1), "ADDRESS", m.group(1), 0.6, "street_name",
                           canonical=m.group(1).lower()))
    return out


_JOIN_GAP = re.compile(r",?\s{1,2}$")
_ZIP_AFTER = re.compile(r"[,.]?\s{1,2}(?:\d{5}(?:-\d{4})?\b|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|"
                        r"cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b[\s,-]*){5}(?<![\s,-]))", re.IGNORECASE)


def join_places(text: str, findings: list[Finding]) -> list[Finding]:
    """A town or state said right after a street address is part of it ("3956 Alvarado
    Boulevard, Bakersfield", "…, apartamento 3B, oakland, 94601"): the place note that follows
    an address with only a comma between joins it, and so does a ZIP code after either
    (decision 0195). ``findings`` are sorted and do not overlap."""
    out: list[Finding] = []
    for f in findings:
        prev = out[-1] if out else None
        gap = text[prev.end:f.start] if prev is not None else ""
        if prev is not None and prev.entity_type == "ADDRESS" and f.start > prev.end and (
                f.entity_type in ("LOCATION", "ADDRESS") and _JOIN_GAP.fullmatch(gap or " ")
                or f.entity_type == "ADDRESS" and _CROSS_GAP.fullmatch(gap)):
            out[-1] = _widened(text, prev, f.end)
            continue
        out.append(f)
    for i, f in enumerate(out):
        if f.entity_type != "ADDRESS":
            continue
        house = _HOUSE_BEFORE.search(text[max(0, f.start - 8):f.start])
        if house and re.match(r"\d{1,3}(?:st|nd|rd|th)\b", f.text, re.IGNORECASE) and \
                not any(o.end > f.start - len(house.group()) and o.start < f.start for o in out if o is not f):
            start = f.start - len(house.group())  # "388 21st avenue": the house number before a numbered street
            f = out[i] = Finding(start, f.end, "ADDRESS", text[start:f.end], f.score, f.recognizer,
                                 canonical=text[start:f.end].lower())
        unit = _UNIT_AFTER.match(text, f.end)
        if unit and not any(o.start < unit.end() and f.end < o.end for o in out if o is not f):
            f = out[i] = _widened(text, f, unit.end())
        tail = _DIRECTION_AFTER.match(text, f.end)
        if tail and re.search(_STRONG_SUFFIX + r"$", f.text, re.IGNORECASE) and \
                not any(o.start < tail.end() and f.end < o.end for o in out if o is not f):
            f = out[i] = _widened(text, f, tail.end())  # "fourteenth avenue south" (decision 0235)
        flat = _SPOKEN_FLAT_AFTER.match(text, f.end)
        if flat and not any(o.start < flat.end() and f.end < o.end for o in out if o is not f):
            f = out[i] = _widened(text, f, flat.end())  # "…entre audubon y amsterdam, el cuatro d"
        z = _ZIP_AFTER.match(text, f.end)
        if z and not any(o.start < z.end() and f.end < o.end for o in out if o is not f):
            out[i] = _widened(text, f, z.end())
    zips = []
    for z in _ZIP_AFTER_TOWN.finditer(text):
        # "Detroit, 48235": five digits after a town and a comma are its ZIP code.
        words = z.group(1).split()
        if not any(is_place(" ".join(words[i:])) for i in range(len(words))):
            continue
        if not any(o.start < z.end(2) and z.start(2) < o.end for o in out):
            zips.append(Finding(z.start(2), z.end(2), "ADDRESS", z.group(2), 0.7, "zip_code", canonical=z.group(2)))
    return sorted(out + zips, key=lambda f: f.start) if zips else out


# Two streets found apart and said as one crossing ("8th Avenue and 55th Street").
_CROSS_GAP = re.compile(r",?\s+(?:and|&|y|con|esquina(?:\s+(?:con|de))?)\s+(?:(?:la|el|the)\s+)?", re.IGNORECASE)
# The flat after a street: "…Avenue, number 103", "…pike, unidad 33", "…, upstairs, apartment B".
_UNIT_AFTER = re.compile(r",?\s{1,2}(?:(?:upstairs|downstairs|arriba|atrás),?\s+)?(?:apartment|apartamento|apto\.?|apt\.?|unit|"
                         r"unidad|suite|ste\.?|number|n[uú]mero|no\.|#|room|cuarto|depto\.?|departamento|space|espacio|lot|"
                         r"lote|trailer)\s*#?\s*(?:[a-z]?\d{1,5}[a-z]?\b|(?-i:[A-H])\b(?![’'-]))", re.IGNORECASE)
_HOUSE_BEFORE = re.compile(r"(?<![\w.,-])\d{1,6}\s$")
_DIRECTION_AFTER = re.compile(r"\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)\b"
                              r"(?!\s+(?:of|side|end|coast|bay)\b)", re.IGNORECASE)
# The flat said right after a street in Spanish: ", el cuatro d", ", el 3b", ", el número 12".
_SPOKEN_FLAT_AFTER = re.compile(r",\s{1,2}el\s+(?:n[uú]mero\s+)?(?:\d{1,4}[a-z]?|(?:uno|dos|tres|cuatro|cinco|seis|siete|"
                                r"ocho|nueve|diez|once|doce)(?:\s+(?-i:[a-h]))?)(?![\w'’])(?!\s+(?:de|del|y)\b)",
                                re.IGNORECASE)
_ZIP_AFTER_TOWN = re.compile(r"\b([^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){0,2}),\s{1,2}(?:el\s+)?(\d{5}(?:-\d{4})?)\b"
                             r"(?![\d,.]\d)")


def _widened(text: str, f: Finding, end: int) -> Finding:
    span = text[f.start:end]
    return Finding(f.start, end, "ADDRESS", span, f.score, f.recognizer,
                   canonical=re.sub(r"\W+", " ", span.lower()).strip())
