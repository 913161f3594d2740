"""The second look: what in the de-identified text still looks like a person, an address or a
number sequence (decision 0108).

It reads the text as it would leave (placeholders in place) with the full detector again and
with broader, cheaper suspicions the first pass does not propose on its own:

* a capitalised word in the middle of a sentence (mixed-case text), not a function word, month,
  weekday or language;
* a well-known name that is also a word after a preposition ("with hope", "to rose");
* a surname alone ("ortega"), which the first pass only takes with a cue, unless it is also a
  dictionary word ("forklift");
* "<word> street/avenue/calle <word>" without a house number;
* a run of at least five digits, or three or four that are not a year, an amount, a time or a
  count ("unit 4471", "code three nine one").

Each suspicion comes back in the original text's offsets, so the researcher decides on the
words they said: hide it (a redaction) or mark it fine (a rejected redaction). Nothing is
dropped or passed without that decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.deid.findings import Finding, is_place_note
from core.deid.lexicon import AMBIGUOUS_NAMES  # the well-known word-names
from core.deid.numbers import number_runs
from core.deid.people import _STOPS, _WEAK_BEFORE, _cue, _kinds
from core.deid.places import is_place
from core.deid.readings import verb_form
from core.deid.redact import Replacement, merge

_PLACEHOLDER = re.compile(r"\[[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ0-9 _/-]*(?::[^\]]*)?\]")  # Spanish: [TELÉFONO]
_CAPITAL_OK = {"i", "i'm", "i've", "i'd", "i'll", "ok", "okay", "english", "spanish", "español", "inglés",
               "american", "mexican", "covid", "god", "dios", "christmas", "navidad", "thanksgiving",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
               "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november",
               "december", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
               "septiembre", "octubre", "noviembre", "diciembre", "interviewer", "participant", "hr",
               "osha", "ceo", "pto", "usa", "us", "tv", "ppe", "n95", "am", "pm",
               # titles and turn labels: the name after them is what matters (decision 0198)
               "mr", "mrs", "ms", "miss", "dr", "don", "doña", "sr", "sra", "speaker",
               # turn labels of other transcribers, holidays, peoples and languages (decision 0198)
               "respondent", "interviewee", "narrator", "moderator", "entrevistador", "entrevistadora",
               "entrevistado", "entrevistada", "hanukkah", "easter", "passover", "ramadan", "eid", "diwali",
               "halloween", "kwanzaa", "pascua", "hmong", "diné", "dine", "navajo", "tagalog", "creole",
               "kreyol", "kreyòl", "mixteco", "zapoteco", "quiché", "k'iche'", "farsi", "dari", "pashto", "urdu",
               "hindi", "arabic", "swahili", "amharic", "tigrinya", "yoruba", "igbo", "somali"}
# The common last word of a place or school whose name is hidden just before it ("[PLACE] Park",
# "[PLACE] High"): the name is gone, the word that is left names nothing (decision 0198).
_NAME_TAIL = {"park", "high", "school", "elementary", "middle", "academy", "college", "university", "hospital",
              "clinic", "county", "city", "heights", "hills", "village", "center", "centre", "plaza", "square",
              "mall", "market", "station", "terminal", "church", "lake", "beach", "valley", "springs", "falls"}
_TIMESTAMP = re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?\]\s*$")   # "[00:01:14] Respondent:"
_ASIDE = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")                  # "(laughs) Everybody", "(in English) Thank"
_TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "don", "doña", "dona", "señor", "señora", "sr", "sra", "srta",
           "tío", "tía", "tio", "tia", "ma'am", "sir", "madam", "auntie", "uncle", "aunt"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"}
_STREET_WORD = re.compile(r"\b([^\W\d_][\w'’-]*)\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|lane|"
                          r"highway|hwy|parkway)\b|\b(?:calle|avenida|av|colonia|barrio)\s+([^\W\d_][\w'’-]*)",
                          re.IGNORECASE)
_NOT_STREET = {"the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "same", "next",
               "main", "one", "other", "whole", "la", "el", "una", "esa", "esta", "mi", "su",
               # "i drive", "the long lane", "the fast lane": a verb or an adjective, not a street name
               "i", "we", "you", "they", "he", "she", "long", "fast", "slow", "back", "front", "left", "right", "far",
               "middle", "wrong", "test", "loading", "service", "access", "private", "dirt", "gravel", "side",
               "turning", "passing", "bike", "bus", "express", "toll", "drive", "road"}
# A word-name followed by these is a verb ("got to mark every pallet", "to bill the client").
_OBJECT_AFTER = re.compile(r"^\s+(?:every|the|a|an|my|his|her|their|our|this|that|these|those|all|each|it|them|"
                           r"him|me|us|up|down|out|off|el|la|los|las|un|una)\b", re.IGNORECASE)
_SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_NUMBER_OK_AFTER = re.compile(
    r"^\s*(?:%|percent|dollars?|bucks|cents|pesos|hours?|hrs|minutes?|mins?|seconds?|days?|weeks?|months?|"
    r"years?|yrs|times|people|workers|employees|boxes|cases|orders|units|pounds|lbs|kilos?|miles|feet|ft|"
    r"degrees|calories|pieces|pallets|beds|residents|patients|a\.?m\.?|p\.?m\.?|o'?clock|k\b|grand|"
    r"por\s+ciento|d[oó]lares|horas?|minutos?|d[ií]as|semanas?|meses|años|veces|personas|cajas|libras)",
    re.IGNORECASE)
_NUMBER_OK_BEFORE = re.compile(r"(?:\$|\bin|\bsince|\bfrom|\buntil|\bby|\bback\s+in|\bdesde|\ben\s+el)\s*$",
                               re.IGNORECASE)


_DEMONYM = re.compile(r"(?:an|ian|ese|ish|ican|ino|ina|ano|ana|eño|eña|ense|i)s?$")


def _is_demonym(low: str) -> bool:
    """"Americans", "Mexicanos", "Salvadoreña", "Filipino": a group, not a person; spaCy's
    NRP type (nationality) is not proposed by the first pass either."""
    if not _DEMONYM.search(low):
        return False
    kinds = _kinds(low)
    return not kinds or "w" in kinds  # "brian", "cristina": names, whatever their ending


@dataclass(frozen=True)
class Suspect:
    """A stretch of the original text that the second look wants a person to decide on."""

    start: int
    end: int
    entity_type: str
    text: str
    reason: str


def _masked(text: str, hidden: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text as it leaves (placeholders in), and (new_start, new_end, orig_start) for every
    piece of it that is the original's own text."""
    reps = merge(Replacement(s, e, p) for s, e, p in hidden)
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    cursor = new = 0
    for r in reps:
        if r.start > cursor:
            parts.append(text[cursor:r.start])
            pieces.append((new, new + r.start - cursor, cursor))
            new += r.start - cursor
        parts.append(r.placeholder)
        new += len(r.placeholder)
        cursor = max(cursor, r.end)
    parts.append(text[cursor:])
    pieces.append((new, new + len(text) - cursor, cursor))
    return "".join(parts), pieces


def _to_original(pieces: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Original offsets of a span that lies inside one piece of original text; a span that
    touches a placeholder is cut to the part outside it, or None."""
    for ns, ne, orig in pieces:
        lo, hi = max(start, ns), min(end, ne)
        if lo < hi:
            return orig + lo - ns, orig + hi - ns
    return None


# A surname as the subject of a verb ("that ortega was there", "barragán dijo que").
_SUBJECT_OF = re.compile(r"\s+(?:was|is|got|has|had|came|went|did|does|quit|left|moved|told|said|says|asked|gave|took|"
                         r"called|wants|wanted|knows|dijo|fue|era|estaba|está|tiene|tenía|sabe|quiere|llegó|habló)\b",
                         re.IGNORECASE)


def _suspicions(text: str) -> list[Finding]:
    letters = [c for c in text if c.isalpha()]
    mixed = bool(letters) and 0.02 < sum(c.isupper() for c in letters) / len(letters) < 0.6
    out: list[Finding] = []
    for m in re.finditer(r"[^\W\d_][\w'’-]*", text):
        word = m.group()
        low = word.lower()[:-2] if word.lower().endswith(("'s", "’s")) else word.lower()
        if _PLACEHOLDER.search(text[max(0, m.start() - 1):m.end() + 1]) or low in _STOPS:
            continue
        before = _ASIDE.sub("", text[:m.start()]).rstrip()  # a stage note in brackets is no sentence
        turn = not before or before[-1] in ".?!:\n\"“[" or bool(_TIMESTAMP.search(before + " "))
        after_hidden = before.endswith("]") and low in _NAME_TAIL
        acronym = re.fullmatch(r"[A-Z]{2,5}(?:'s|’s|s)?", word) is not None  # "AHT", "DSP's", "CNAs"
        if mixed and word[:1].isupper() and not word.isupper() and not turn and not after_hidden and not acronym \
                and not re.match(r"[A-Z]-", word) \
                and low not in _CAPITAL_OK and low.rstrip("s") not in _CAPITAL_OK and not _is_demonym(low) \
                and not is_place(low):  # "from Nigeria"; "my A-number", "T-shirt"
            out.append(Finding(m.start(), m.end(), "PERSON", word, 0.3, "second_look_capital"))
            continue
        kinds = _kinds(word)
        if not kinds or mixed and acronym:
            continue  # "AHT", "TSA" in mixed-case text: an acronym, not a surname in capitals
        # Word-names: only the well-known ones ("rose", "will", "hope"), after a preposition
        # ("with hope", "to rose"); the dataset's other word-names ("pay", "work") are words.
        weak_before = low in AMBIGUOUS_NAMES and _WEAK_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
            and not _OBJECT_AFTER.match(text[m.end():m.end() + 8])
        # A surname alone, unless it is also a dictionary word ("forklift", "pallet" are in the
        # name lists too; decision 0154), a town or country (a place note, decision 0195), a
        # people or a language ("punjabi", "samoan"), a month, or a Spanish plural ("cajas").
        surname = "l" in kinds and "f" not in kinds and "w" not in kinds and "d" not in kinds and not (
            low in _MONTHS or low in _TITLES or is_place(low) or _is_demonym(low) or low.endswith(("ic", "ish", "ese"))
            or re.search(r"(?:as|os|es|ños|ñas)$", low) and not word[:1].isupper())
        named_place = re.search(r"\b(?:en|de|por|a)\s+(?:la|el)\s+$", text[max(0, m.start() - 10):m.start()], re.IGNORECASE)
        subject = _SUBJECT_OF.match(text, m.end())
        if surname and not word[:1].isupper() and verb_form(low, "es"):
            surname = False  # "salgo", "murió", "maneja": a Spanish verb by decision 0190's tables
        if surname and not word[:1].isupper() and not _cue(text, m.start(), m.end()) and not named_place \
                and not subject:
            # Lower-case speech is full of words that are surnames too ("mata", "corre", "bono"):
            # a lower-case surname alone is asked about only with a person's cue next to it, or
            # as a place named after someone ("en la juárez", "en la cermak").
            surname = False
        if low in _TITLES or low in _MONTHS and re.search(r"\b(?:from|in|since|until|till|by|next|last|this|every|early|late|"
                                                           r"desde|en|hasta|de)\s+$", text[max(0, m.start() - 8):m.start()],
                                                           re.IGNORECASE):
            continue  # "from april to november": the month
        if weak_before or surname:
            out.append(Finding(m.start(), m.end(), "PERSON", word, 0.3, "second_look_name"))
    for m in _STREET_WORD.finditer(text):
        name = (m.group(1) or m.group(2) or "").lower()
        if name.endswith(("n't", "n’t", "'ll", "’ll")):
            continue  # "i don't drive no more": a verb after a contraction, not a street
        if name in _STOPS or name in ("to", "gotta", "got", "can", "could", "would", "should", "will", "must", "en", "de",
                                      "del", "y", "que", "con", "por", "para"):
            continue  # "used to drive", "gotta drive the bus", "del mismo barrio en santiago"
        if name and name not in _NOT_STREET and not _PLACEHOLDER.search(m.group()):
            out.append(Finding(m.start(), m.end(), "ADDRESS", m.group(), 0.3, "second_look_street"))
    for run in number_runs(text):
        n = len(run.digits)
        value = int(run.digits) if run.digits else 0
        after, before = text[run.end:run.end + 20], text[max(0, run.start - 16):run.start]
        said = text[run.start:run.end]
        if n < 5 and _quantity_or_time(text, run.start, run.end) or _said_as_amounts(text, run) or \
                re.search(r"\b(?:local|union,?|sindicato,?\s+el|the)\s*$", before, re.IGNORECASE) and n <= 4 or \
                re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", said) or _ALWAYS.fullmatch(said):
            continue  # "fourteen, fifteen", "eighteen thousand", "local 355", "the union, 1199", "[00:01:14]", "24/7"
        if n >= 5 or n >= 3 and not (1950 <= value <= 2039 and n == 4) and not _NUMBER_OK_AFTER.match(after) \
                and not _NUMBER_OK_BEFORE.search(before) and not re.match(r"^[.,]\d", text[run.end:run.end + 2]):
            out.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.3, "second_look_number"))
    return out


_ALWAYS = re.compile(r"(?:twenty[- ]four[ ,/-]*seven|24\s*/\s*7|veinticuatro\s+siete)", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"^\s+(?:of\s+)?[a-z]{3,}s\b", re.IGNORECASE)  # "three hundred cars"
_TIME_AFTER = re.compile(r"^\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|to\s+\w+|an?\s+hour|"
                         r"per\s+hour|de\s+la\s+(?:mañana|tarde|noche)|la\s+hora)\b", re.IGNORECASE)


def _said_as_amounts(text: str, run) -> bool:  # type: ignore[no-untyped-def]
    """Spoken numbers that are amounts, not digits read out: every group is a number of its own
    ("thirty two, thirty four", "twenty four fifty", "eighteen thousand", "ochocientos"), where a
    phone or a code is read digit by digit ("two zero eight eight one five")."""
    said = text[run.start:run.end].lower()
    if not run.is_spoken:
        return False
    if re.search(r"(?:hundred|thousand|cientos|cientas|\bmil\b|\bcien\b)", said):
        return True
    return len(run.chunks) <= 3 and all(len(c) >= 2 and not c.startswith("0") for c in run.chunks)


def _quantity_or_time(text: str, start: int, end: int) -> bool:
    """Short numbers that say how many, how much or when: "three hundred cars", "four thirty in
    the morning", "fifteen fifty an hour", "911"."""
    said = text[start:end].lower()
    if said in ("911", "nine one one") or re.search(r"\b(?:hundred|thousand|cien|cientos|mil)\b", said):
        return True
    after = text[end:end + 30]
    if _PLURAL_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    groups = [g.split() for g in said.replace("-", " ").split(",")]
    if len(groups) == 2 and len(groups[0]) == 1 and groups[0][0] in _SMALL and _clock(groups[1]):
        return True  # "six, six thirty": an hour said again more exactly
    words = said.replace("-", " ").split()
    # a spoken clock time or price: "five thirty", "twelve fifteen", "fifteen fifty"
    return _clock(words)


def _clock(words: list[str]) -> bool:
    """A spoken clock time or price of two words ("five thirty", "twelve fifteen", "fifteen fifty"),
    or an hour, "oh" and a minute ("six oh five")."""
    if len(words) == 3 and words[0] in _SMALL and words[1] == "oh" and words[2] in _SMALL[:9]:
        return True
    return len(words) == 2 and (words[0] in _SMALL or words[0] in ("fifteen", "thirteen", "fourteen", "sixteen",
                                                                    "seventeen", "eighteen", "nineteen", "twenty")) \
        and words[1] in ("oh", "fifteen", "thirty", "forty", "fifty", "twenty", "forty-five", "ten")


def _function_word(found: str) -> bool:
    """"¿lo llevaron?", "¿le gustaría?": a lower-case pronoun the detector read as a name."""
    word = re.sub(r"^\W+|\W+$", "", found)
    return word.islower() and word in _STOPS


def tagger_band(text: str, matcher, language: str = "en") -> list[Finding]:  # type: ignore[no-untyped-def]
    """The learned tagger's spans down to ``tagger.GATE_LOW`` in ``text`` for the interview's
    listed names (``matcher``, a ``NameMatcher``); none when its model is missing or damaged
    (the scan has already said so, and the rest of the second look still runs)."""
    from core.deid import detect
    from core.deid.tagger import listed, uncertain_spans
    from core.errors import TaggerUnavailable
    if "core.deid.tagger" not in detect.LEARNED_MODELS:
        return []  # the learned models are switched off (the rules' own tests)
    names, workplaces = listed(matcher)
    try:
        return uncertain_spans(text, language=language, names=names, workplaces=workplaces)
    except TaggerUnavailable:
        return []


def second_look(text: str, hidden: list[tuple[int, int, str]], decided: list[tuple[int, int]],
                detect_fn, band: list[Finding] | None = None) -> list[Suspect]:
    """Suspects in one segment.

    Args:
        text: The segment's original text.
        hidden: Accepted redactions ``(start, end, placeholder)``: what leaves is the text with these in.
        decided: Spans a person already decided about (accepted or marked fine); not asked again.
        detect_fn: ``text -> list[Finding]``, the full detector (the interview's names and language).
        band: The learned tagger's weaker spans in the ORIGINAL text (``tagger.uncertain_spans``,
            decision 0247); each one that no decision covers is asked about too.
    """
    leaving, pieces = _masked(text, hidden)
    # Places named alone are notes filed at the scan, not flags (decision 0195).
    found = [f for f in detect_fn(leaving) if not _PLACEHOLDER.fullmatch(f.text.strip())
             and not is_place_note(f.entity_type) and f.text.lower().strip(" .") not in _TITLES]
    found += _suspicions(leaving)
    out: list[Suspect] = []
    taken: list[tuple[int, int]] = list(decided)
    for f in sorted(found, key=lambda f: (f.start, -f.length)):
        where = _to_original(pieces, f.start, f.end)
        if where is None:
            continue
        s, e = where
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if s >= e or _function_word(text[s:e]) or any(s < de and ds < e for ds, de in taken):
            continue
        taken.append((s, e))
        out.append(Suspect(s, e, f.entity_type, text[s:e], f.recognizer))
    for f in sorted(band or [], key=lambda f: (f.start, -f.length)):
        s, e = f.start, f.end
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if s >= e or _function_word(text[s:e]) or any(s < de and ds < e for ds, de in taken) \
                or any(s < he and hs < e for hs, he, _ in hidden):
            continue
        taken.append((s, e))
        out.append(Suspect(s, e, f.entity_type, text[s:e], "second_look_tagger"))
    return sorted(out, key=lambda x: x.start)
