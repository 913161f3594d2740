"""Workplaces nobody listed, named the way people name a site: "the Walmart on Fruitvale", "at
the kroger on kings canyon", "en el costco de shattuck", "la Marriott del centro" (decision 0151).

No maintained library ships an offline list of employers, so there is no brand lexicon: the
shape of the phrase carries it. After "at/in/from/en/de/a…" and an article comes one or two
to three words that are not function words ("the Hilton Garden Inn in Emeryville"), then "on/off/by/near/in/at" ("de/del/en/por" in Spanish) and one
or two words naming where it is. What is generic about the place ("the store on nights",
"el turno de noche", "the meeting on friday") is left alone.
"""

from __future__ import annotations

import functools
import re

from core.deid.findings import Finding
from core.deid.places import is_place

_WORD = r"[^\W\d_][\w'’&-]*"
_PHRASE = re.compile(
    r"\b(?:at|in|from|for|to|near|by|en|de|desde|para|a)\s+(?P<art>the|el|la|los|las)\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?P<prep>on|off|by|near|in|at|de|del|en|por)\s+(?:the\s+|la\s+|el\s+)?"
    rf"(?P<place>{_WORD}(?:\s+{_WORD})?|\d{{1,3}}(?:st|nd|rd|th)|(?:[a-z]+\s+)?(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth)\b)", re.IGNORECASE)
# Where the second half says when or how, not where ("the warehouse on nights").
_NOT_PLACE = {
    "nights", "night", "days", "day", "weekends", "weekend", "time", "break", "breaks", "shift", "shifts", "call",
    "duty", "site", "foot", "hold", "it", "there", "here", "top", "fire", "board", "track", "purpose", "line",
    "sale", "strike", "leave", "vacation", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekdays", "morning", "mornings", "afternoon",
    "evening", "evenings", "floor", "phone", "radio", "camera", "record", "paper", "average", "way",
    "side", "inside", "outside", "street", "road", "highway", "freeway", "corner", "block", "town", "city",
    # Spanish: "el turno de noche", "la hora de la comida", "la línea de producción"
    "noche", "noches", "día", "dia", "días", "dias", "mañana", "tarde", "tardes", "semana", "fin", "turno",
    "comida", "producción", "produccion", "trabajo", "lunes", "martes", "miércoles", "miercoles", "jueves",
    "viernes", "sábado", "sabado", "domingo", "vez", "veces", "mes", "año", "ano", "hora", "horas", "paso",
    "regreso", "vuelta", "enfrente", "lado", "fondo", "entrada", "salida", "esquina", "calle", "pueblo",
    "casa", "ella", "él", "el", "mi", "su", "nosotros", "ellos", "todo", "todos", "nuevo", "nueva",
    "repente", "veras", "verdad", "acuerdo", "hecho", "modo", "manera", "planta", "oficina",
}
# After "in"/"at" the second half is far more often a time, a state or a part of the site than a
# town ("the warehouse in march", "the kaiser in richmond"): these are not where.
_NOT_PLACE_IN = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "general", "person", "charge", "front", "back", "order", "case", "fact", "total",
    "private", "public", "advance", "time", "training", "orientation", "question", "trouble",
    "school", "college", "class", "meeting", "meetings", "office", "warehouse", "store", "kitchen", "lobby",
    "parking", "lot", "yard", "dock", "room", "hallway", "bathroom", "restroom", "basement", "attic", "past",
    "future", "beginning", "end", "middle", "summer", "winter", "spring", "fall", "season", "peak", "english",
    "spanish", "cash", "writing", "pain", "tears", "shock", "line", "bed", "rain", "heat", "cold", "dark",
    "mind", "life", "hand", "hands", "way", "least", "most", "first", "last", "once", "all", "home",
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "after-school",
    "neighborhood", "neighbourhood", "community", "area",
}


def _stop(word: str) -> bool:
    from core.deid.people import _STOPS
    low = word.lower()
    return low in _STOPS and low not in ("walmart", "amazon", "target", "costco", "ups", "fedex", "usps")


# Spanish builds every noun phrase with "de" ("la farmacia del hospital", "el área de empaque",
# "los tigres del licey"): with de/del/en/por the phrase is a workplace only when one half shows
# it is a name (decision 0196).
_ES_PREPS = {"de", "del", "en", "por"}
_SPANISH_NOUN = re.compile(r"(?:[áéíóúñ]|ci[oó]n|si[oó]n|dad|ia|ía|er[oa]s?|it[oa]s?|ncia|ente|ante|ura|aje|ismo|"
                           r"ista|illo|illa|ores|ares)$", re.IGNORECASE)
_ES_COMMON = {"familia", "cosas", "cosa", "vaina", "virgen", "tigres", "conciertos", "planta", "parte", "gente",
              "break", "casa", "hora", "unión", "union", "campo", "pueblo", "barrio", "iglesia", "escuela", "oficina"}
_TIME_WORDS = {"morning", "mornings", "night", "nights", "afternoon", "evening", "day", "days", "week", "weekend",
               "shift", "time", "year", "summer", "winter", "lunch", "break",
               # people, not places: "the people in the neighborhood", "the kids in after-school"
               "people", "kids", "folks", "guys", "ladies", "men", "women", "workers", "family", "friends", "parents"}


def _plain_spanish_noun(word: str) -> bool:
    low = word.lower()
    return low in _ES_COMMON or bool(_SPANISH_NOUN.search(low)) or bool(re.search(r"[áéíóúñ]", low))


def _common_noun_phrase(name_words: list[str], place_words: list[str], article: str = "") -> bool:
    """"el área de empaque", "el invernadero o afuera en el sol", "la virgen de san juan": a
    Spanish noun phrase, not a brand and its locator."""
    if any(w.lower() in ("o", "y", "u", "e") for w in name_words):
        return True
    if len(name_words) == 1 and (_plain_spanish_noun(name_words[0]) or (
            article in ("las", "los") and name_words[0].lower().endswith("s")) or (
            article == "la" and name_words[0].lower().endswith("a"))):
        return True  # "el campo en florida", "las fotos de la página", "la alfombra del pasillo"
    place = " ".join(place_words)
    if any(w[:1].isupper() for w in place_words) or is_place(place):
        return False
    return len(name_words) == 1 and _plain_spanish_noun(name_words[0]) or name_words[0].lower() in _ES_COMMON


def workplace_phrases(text: str) -> list[Finding]:
    """"<brand> on <street>" phrases as WORKPLACE findings (the brand through the place)."""
    from core.deid.lexicon import GENERIC_WORKPLACE_WORDS
    out: list[Finding] = []
    for m in _PHRASE.finditer(text):
        name, place = m.group("name"), m.group("place")
        name_words, place_words = name.split(), place.split()
        if any(_stop(w) for w in name_words) or place_words[0].lower() in _NOT_PLACE:
            continue
        if len(name_words) == 1 and (name.lower() in GENERIC_WORKPLACE_WORDS or name.lower() in _TIME_WORDS):
            continue  # "the university in davis", "the morning at the picnic table": no name in it
        if m.group("prep").lower() in _ES_PREPS and (_common_noun_phrase(name_words, place_words, m.group("art").lower())
                                                     or _all_spanish(name_words, text[m.start("place"):])):
            continue
        if m.group("prep").lower() in ("in", "at") and (
                place_words[0].lower() in _NOT_PLACE_IN or place_words[0][:1].isdigit()
                or name_words[-1].lower() in _NOT_PLACE_IN and len(name_words) == 1):
            continue
        # a second place word that is a function word or a "when" word is not part of it
        if len(place_words) == 2 and (_stop(place_words[1]) or place_words[1].lower() in _NOT_PLACE):
            place_words = place_words[:1]
        if _stop(place_words[0]) and not place_words[0][:1].isdigit():
            continue
        start = m.start("name")
        end = m.start("place") + len(" ".join(place_words)) if len(place_words) == len(place.split()) \
            else m.start("place") + len(place_words[0])
        street = _street_at(text, m.start("place"))
        end = max(end, street or 0)  # "the nwcs on port of tacoma road"
        span = text[start:end]
        out.append(Finding(start, end, "WORKPLACE", span, 0.55, "workplace_phrase", canonical=span.lower()))
    for m in _ON_STREET.finditer(text):
        name_words = m.group("name").split()
        if any(_stop(w) or w.lower() in _HOME_WORDS or w.lower() in _TIME_WORDS for w in name_words):
            continue  # "the house on lake street" is a home; "the one on X" says nothing of a firm
        from core.deid.lexicon import GENERIC_WORKPLACE_WORDS
        if all(w.lower() in GENERIC_WORKPLACE_WORDS for w in name_words):
            continue  # "the warehouse on lake street": the street is the address rule's
        street_end = _street_at(text, m.start("street"))
        if street_end is None:
            continue
        span = text[m.start("name"):street_end]
        out.append(Finding(m.start("name"), street_end, "WORKPLACE", span, 0.55, "workplace_phrase",
                           canonical=span.lower()))
    from core.deid.employers import cued_employers
    return out + cued_employers(text)


# "the walgreens on lake street", "the nwcs on port of tacoma road": a firm and the street it is
# on, said with the street's kind word (decision 0234).
_STREET_KIND = r"(?:street|avenue|road|boulevard|blvd|drive|lane|parkway|highway|pike|way)"
_STREET_REST = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){1,3}?(?:of\s+[^\W\d_][\w'’-]*\s+)?" + _STREET_KIND + r"\b"
                          r"(?:\s+(?:north|south|east|west)\b(?!\s+(?:of|side)\b))?", re.IGNORECASE)
_ON_STREET = re.compile(rf"\bthe\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}}?)\s+(?:on|off)\s+(?:of\s+)?(?P<street>{_WORD})",
                        re.IGNORECASE)
_HOME_WORDS = {"house", "home", "apartment", "apartments", "place", "one", "ones", "building", "corner", "lot", "block",
               "bus", "light", "sign", "stop", "traffic", "accident", "side", "end", "other", "same", "new", "old",
               "big", "little", "small", "rent", "room", "trailer", "park"}


def _street_at(text: str, pos: int) -> int | None:
    """Where a street said with its kind word ends, when one starts at ``pos``."""
    m = _STREET_REST.match(text, pos)
    if m is None:
        return None
    words = m.group().split()
    if any(_stop(w) and w.lower() != "of" for w in words[:-1]):
        return None  # "on time for the day shift road trip"
    return m.end()


def _all_spanish(name_words: list[str], after: str) -> bool:
    """"el pago de la entrevista", "los apartamentos atrás de la carnicería": everyday Spanish on
    both sides of "de" is a noun phrase, not a firm and where it is (decision 0234)."""
    from core.deid.readings import word_form
    from core.deid.streets import _SPANISH_SHAPE

    def spanish(word: str) -> bool:
        low = word.lower().strip("'’.,")
        return bool(word_form(low, "es") or _SPANISH_SHAPE.search(low)) and not is_place(low)
    place = re.match(r"\s*(?:(?:la|el|los|las)\s+)?([^\W\d_][\w'’-]*)", after)
    return all(spanish(w) for w in name_words) and place is not None and spanish(place.group(1))


# --- listed workplaces said in part ---------------------------------------------------------
# What a site is called by its kind, said after a part of the listed name: "the del monte
# plant", "oakland airport", "the san leandro hub", "la amazon de tracy" is the phrase rule's.
_KIND_AFTER = (r"(?:plant|hub|airport|warehouse|store|center|centre|site|facility|dc|building|campus|office|branch|"
               r"location|yard|terminal|depot|kitchen|hotel|hospital|clinic|school|academy|planta|bodega|tienda|"
               r"f[aá]brica|almac[eé]n|sucursal|hotel|escuela|cl[ií]nica)")
_CUE_BEFORE = re.compile(r"\b(?:at|for|with|from|to|in|by|join(?:ed)?|en|de|del|la|el|con|para|por|a)\s+(?:the\s+)?$",
                         re.IGNORECASE)
_CODE = re.compile(r"^(?:[A-Z][A-Z0-9&+]{1,6}|[A-Za-z]{2,5}\d{1,3})$")  # UPS, IHSS, SMF1, OAK4, SP+


def _everyday(word: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    from core.deid.people import _kinds
    kinds = _kinds(word)
    return len(word) < 4 or word in STOP_WORDS or "w" in kinds or "d" in kinds


def _distinctive(listed: str) -> tuple[list[str], list[str]]:
    """From one listed workplace: codes said alone ("UPS", "IHSS", "SP+"), brand words said
    alone (a possessive, "Macy's"; the name after Spanish kind words, "Semillitas"), and
    runs of its words that, said with a kind word after them, name the site ("del monte")."""
    from core.deid.lexicon import COMMON_ALONE, GENERIC_WORKPLACE_WORDS, LEADING_KIND_WORDS
    words = [w.strip(".,()") for w in re.split(r"[\s/]+", listed) if w.strip(".,()")]
    alone: list[str] = []
    for w in words:
        if _CODE.match(w) and not w.isdecimal() or re.search(r"[^\W\d_]{3,}['’]s$", w):
            alone.append(w)
    low = [w.lower() for w in words]
    kinds = LEADING_KIND_WORDS | GENERIC_WORKPLACE_WORDS | {"centro", "de", "del"}
    if len(low) >= 2 and low[0] in kinds and len(low[-1]) >= 5 and low[-1] not in kinds \
            and low[-1] not in COMMON_ALONE and not is_place(low[-1]):
        alone.append(words[-1])  # "Centro de Cuido Semillitas" -> "semillitas"
    # The head of the name ("del monte" of "Del Monte Foods Plant 4", "oakland" of "Oakland
    # International Airport") or its town ("san leandro") said with a kind word after it.
    runs: list[str] = []
    for i in range(len(low)):
        for j in range(i + 1, min(len(low), i + 3) + 1):
            run = low[i:j]
            if all(w in GENERIC_WORKPLACE_WORDS or w in COMMON_ALONE or len(w) < 3 for w in run) \
                    or run[-1] in GENERIC_WORKPLACE_WORDS or run[-1] in ("of", "and", "at", "in", "de", "del"):
                continue
            if j - i == 1 and _everyday(run[0]):
                continue  # "Little Sprouts": "the little office" is not the site
            if i == 0 or is_place(" ".join(run)):
                runs.append(" ".join(words[i:j]))
    return alone, runs


@functools.lru_cache(maxsize=4096)
def _patterns(listed: str) -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    """The compiled forms of ``_distinctive`` (a vault's workplaces are read in every segment)."""
    alone, runs = _distinctive(listed)
    words = []
    for word in alone:
        body = re.escape(word).replace(r"\+", r"(?:\+|\s?plus)").replace("'", "['’]?").replace("’", "['’]?")
        words.append((word, re.compile(r"(?<![\w'’])(" + body + r")(?![\w'’])", re.IGNORECASE)))
    kinds = [re.compile(r"(?<![\w'’])(" + r"[\s-]+".join(re.escape(w) for w in run.split()) + r"\s+" + _KIND_AFTER
                        + r")\b", re.IGNORECASE) for run in runs]
    return words, kinds


@functools.lru_cache(maxsize=1024)
def _ampersand(listed: str) -> re.Pattern[str] | None:
    """A listed name written with "&" as it is said: "Sunrise Lawn & Tree Care" is "sunrise lawn
    and tree care", "Silver Palms Resort & Casino" is "silver palms resort y casino" (decision 0234)."""
    if "&" not in listed:
        return None
    body = r"\s*(?:&|\band\b|\by\b|\bn\b|['’]n['’]?)\s*".join(
        r"[\s-]+".join(re.escape(w) for w in part.split()) for part in listed.split("&") if part.strip())
    tail = r"(?:,?\s+(?:inc|llc|corp|co)\b\.?)?"
    return re.compile(r"(?<![\w'’])(" + body + tail + r")(?![\w'’])", re.IGNORECASE)


def listed_parts(text: str, workplaces: list[str]) -> list[Finding]:
    """Parts of listed workplaces the list matcher does not take alone (decision 0196): codes
    ("for UPS", "con IHSS", "at SMF1"), brand words ("the macy's at serramonte"), and a run of the
    name with a kind word after it ("the del monte plant", "oakland airport"); a name written
    with "&" said with "and"/"y" (decision 0234)."""
    out: list[Finding] = []
    for listed in workplaces:
        amp = _ampersand(listed)
        if amp is not None:
            out += [Finding(m.start(1), m.end(1), "WORKPLACE", m.group(1), 0.95, "workplace_list",
                            canonical=listed.lower()) for m in amp.finditer(text)]
        alone, runs = _patterns(listed)
        for word, rx in alone:
            for m in rx.finditer(text):
                said = m.group(1)
                # A code written in lower case ("ups and downs") needs a workplace cue before it.
                if said.islower() and word.upper() == word and not _CUE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                    continue
                out.append(Finding(m.start(1), m.end(1), "WORKPLACE", said, 0.75, "workplace_list_part",
                                   canonical=listed.lower()))
        for rx in runs:
            for m in rx.finditer(text):
                out.append(Finding(m.start(1), m.end(1), "WORKPLACE", m.group(1), 0.75, "workplace_list_part",
                                   canonical=listed.lower()))
    return out


# --- a locator said with a workplace --------------------------------------------------------
_LOCATOR = re.compile(r"\s+(?:on|at|in|by|near|off|de|del|en|por)\s+(?:the\s+|la\s+|el\s+)?", re.IGNORECASE)
_PLACE_WORDS = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,2}}")


def _site_part() -> re.Pattern[str]:
    from core.deid.employers import BRANDS
    brands = "|".join(re.escape(b) for b in sorted(BRANDS, key=len, reverse=True))
    value = (r"(?:\d{1,3}[a-z]?|(?-i:[A-H])|[a-h](?=[\s,.;!?]|$)|one|two|three|four|five|six|seven|eight|nine|ten|"
             r"uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)(?![\w'’-])")
    return re.compile(r"\s+(?:(?:in|at|on|en)\s+(?:the\s+|la\s+|el\s+)?(?:concourse|terminal|gate|pier|hangar|"
                      r"building|edificio|terminal|muelle)\s+" + value + r"|(?:in|inside|at|en|dentro\s+de)\s+(?:the\s+|el\s+|la\s+)"
                      r"(?:" + brands + r")(?![\w'’-])|off\s+(?:of\s+)?(?:highway\s+|route\s+|hwy\s+)?\d{1,3}(?![\w:.,]\d|\w))",
                      re.IGNORECASE)


_SITE_PART = _site_part()


def attach_locators(text: str, findings: list[Finding]) -> list[Finding]:
    """A workplace and the place said right after it are one name ("the macy's at serramonte",
    "la amazon de tracy", "the fairmont in san jose", "JBS en worthington"): the locator joins
    when it is a town by the gazetteer or was itself found as a place, a workplace or an
    address (decision 0196). ``findings`` are sorted and do not overlap."""
    out: list[Finding] = []
    i = 0
    while i < len(findings):
        f = findings[i]
        i += 1
        if f.entity_type != "WORKPLACE":
            out.append(f)
            continue
        m = _LOCATOR.match(text, f.end)
        end = None
        part = _SITE_PART.match(text, f.end)
        if part:
            end = part.end()  # "the starbucks in concourse b", "regal nails in the walmart", "off of 23"
            while i < len(findings) and findings[i].start < end:
                end = max(end, findings[i].end)
                i += 1
        elif m:
            nxt = findings[i] if i < len(findings) else None
            if nxt is not None and nxt.start == m.end() and nxt.entity_type in ("WORKPLACE", "LOCATION", "ADDRESS"):
                end = nxt.end
                i += 1
            else:
                words = _PLACE_WORDS.match(text, m.end())
                if words:
                    parts = words.group().split()
                    first = parts[0].lower()
                    blocked = first in _NOT_PLACE or first in _NOT_PLACE_IN or _stop(first)
                    for n in range(len(parts), 0, -1):
                        if not blocked and is_place(" ".join(parts[:n])):
                            end = m.end() + len(" ".join(parts[:n]))
                            break
                    street = re.fullmatch(r"(?:on|off)(?:\s+the)?", m.group().strip(), re.IGNORECASE)
                    if end is None and street and not blocked and len(first) > 3 and not first.endswith("s"):
                        end = m.end() + len(parts[0])  # "the marriott on biscayne": the street it is on
                    if end is not None:  # a finding inside the town ("tracy" as a person) goes
                        while i < len(findings) and findings[i].start < end:
                            end = max(end, findings[i].end)
                            i += 1
        if end is None:
            out.append(f)
            continue
        span = text[f.start:end]
        out.append(Finding(f.start, end, "WORKPLACE", span, f.score, f.recognizer, canonical=f.canonical or span.lower()))
    return out


# --- what a workplace finding really is ------------------------------------------------------
# Acronyms of the working world that spaCy calls organisations: certificates, documents,
# departments, measures, equipment, programmes and unions (the label rules do not mark unions).
NOT_EMPLOYER_ACRONYMS = frozenset("""
cna lvn lpn rn np emt cma hha cpr bls acls cdl ead tps daca ssn itin ged esl eit nclex ptcb osha hr pto ac
hvac er icu or evs ppe aht kpi uph qa qc it ceo cfo coo gm dm ada fmla edd sdi ui covid seiu ufcw unite ibt
afl cio afscme uaw cwa flsa wic snap ebt mri ot pt dmv id w2 w-2 tsa ice tv usa us uk eu ny la sf dc np
rfid wms ot dot fda usda ssi ssdi medi-cal ihss-pa cal cvs sop lms sat act gpa ap iep ell tot eld eap sro cda
dsp don app lead gm sup hub rn's noc llc inc bsn ba bs ma mba phd evv pca
""".split())  # noqa: SIM905
_GENERIC_EXTRA = {"district", "call", "car", "wash", "centro", "cuido", "unified", "public", "learning", "room",
                  "de", "del", "la", "el", "los", "las", "the", "of", "and", "y"}
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
                            r"hundred|thousand|cien|mil|dos|tres|cinco|diez|veinte)\b)\s*$", re.IGNORECASE)


def _everyday_only(words: list[str]) -> bool:
    """Only kind-of-place words and everyday Spanish words, no town (decision 0234)."""
    from core.deid.lexicon import GENERIC_WORKPLACE_WORDS
    from core.deid.readings import word_form
    return all(w in GENERIC_WORKPLACE_WORDS or word_form(w, "es") and not is_place(w) for w in words)


_LABEL_AFTER = re.compile(r"\.?(?:\s?\d{1,2})?\s?:")


def _generic_only(words: list[str], head: bool) -> bool:
    """Only words that say what kind of place ("call center", "el car wash"); a listed name's
    head keeps its generic words ("Home Depot") unless they are only kind words ("centro de cuido")."""
    from core.deid.lexicon import GENERIC_WORKPLACE_WORDS, LEADING_KIND_WORDS
    kind = LEADING_KIND_WORDS | _GENERIC_EXTRA
    if head:
        return all(w in kind for w in words)
    return all(w in GENERIC_WORKPLACE_WORDS or w in kind for w in words)


def _is_head(said: str, canonical: str) -> bool:
    """``said`` starts the listed name, after its kind words ("mariposa" of "Costura Mariposa")."""
    from core.deid.lexicon import LEADING_KIND_WORDS
    from core.deid.names import fold
    words = fold(canonical.lower()).split()
    while len(words) > 1 and (words[0] in LEADING_KIND_WORDS or words[0] in ("the", "el", "la", "los", "las", "de", "del")):
        words = words[1:]
    return " ".join(words).startswith(re.sub(r"^(?:the|el|la|los|las)\s+", "", fold(said.lower())))


def sort_out(text: str, findings: list[Finding]) -> list[Finding]:
    """Workplace findings that are something else (decision 0196): a town (cut out of a listed
    name, "walnut creek" of "Cheesecake Factory Walnut Creek", or read by spaCy) becomes a place
    note; a part of a listed name made only of kind words ("call center", "el car wash") or an
    amount ("two hundred dollars" for "Dollar General") and a working-world acronym ("the CDL
    school", "no AC") are dropped. The full listed name is always kept."""
    out: list[Finding] = []
    for f in findings:
        if f.entity_type != "WORKPLACE" or f.recognizer not in ("presidio", "workplace_list", "name_fuzzy",
                                                               "workplace_list_part"):
            out.append(f)
            continue
        said = re.sub(r"\s+", " ", f.text.lower().strip())
        words = said.split()
        full = f.canonical and said in (f.canonical.lower(), "the " + f.canonical.lower())
        listed = f.recognizer != "presidio"
        head = listed and _is_head(said, f.canonical)
        if not full and listed and (_generic_only(words, head) or (
                len(words) == 1 and _AMOUNT_BEFORE.search(text[max(0, f.start - 12):f.start]))):
            continue
        if not listed and (len(words) == 1 and said in NOT_EMPLOYER_ACRONYMS or _LABEL_AFTER.match(text, f.end)):
            continue  # "the CDL school"; "INTERVIEWER:", "PAR:", "Int.:", "HABLANTE 1:" are speaker labels
        if not listed and f.text.islower() and _everyday_only(words):
            continue  # "ni de la jefa", "llego al yard", "en la cocina, food service": no firm's name
        if not listed and len(words) == 1 and is_place(said):
            out.append(Finding(f.start, f.end, "LOCATION", f.text, f.score, f.recognizer, canonical=said))
            continue  # "i live in gallup now": a town the model read as a firm (decision 0234)
        # A town that ends a listed name ("Cheesecake Factory Walnut Creek") said alone is where
        # the site is; a listed name that starts with one ("Riverside Care") is the workplace.
        if not full and listed and not head and is_place(said):
            out.append(Finding(f.start, f.end, "LOCATION", f.text, f.score, f.recognizer, canonical=said))
            continue
        out.append(f)
    return out
