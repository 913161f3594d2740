"""Other readings of a word the name lexicon holds: an everyday word form, or a place.

The lexicon (``name_lexicon.txt``) comes from a social-network dump, so it holds "domingos",
"salgo", "murió" and "niños" as names, and "guatemala", "salinas" and "yuma" too. Two
maintained resources that are installed already tell those readings apart (decision 0190):

* spaCy's own lemmatizer tables, shipped inside the English and Spanish pipelines we load:
  a word that the lemmatizer's rules reduce to a lemma of its index is a word form of the
  language ("murió" -> morir, "domingos" -> domingo, "watches" -> watch). Read straight from
  the pipeline folders (no model is loaded for this).
* the town, region and country names that phonenumbers ships for its geocoder, derived into
  ``place_names.txt`` (``build_place_names.py``): "san francisco", "daly city", "el salvador".

A word-form reading makes an unlisted name need a cue; a place reading in place context
("in yuma", "de guatemala", "san mateo") drops the person reading unless a person cue says
otherwise. Listed names are never touched here.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from core.deid.engine import SPACY_MODEL, SPACY_MODEL_ES
from core.deid.findings import Finding
from core.deid.tabfile import read_tab_file

_PLACES = Path(__file__).with_name("place_names.txt")
# Spanish diminutives: "chocolatito" -> chocolate, "chiquita" -> chica, "poquito" -> poco.
_DIMINUTIVE = re.compile(r"(?:c|ec)?(?:it|ill)(?P<g>[oa])s?$")


@lru_cache(maxsize=2)
def _tables(language: str) -> tuple[dict[str, frozenset[str]], frozenset[str], tuple[tuple[str, str], ...]]:
    """(lemmas by part of speech, irregular forms, suffix rules) of the pipeline's rule lemmatizer."""
    from spacy.lookups import Lookups
    from spacy.strings import StringStore
    spec = importlib.util.find_spec(SPACY_MODEL_ES if language == "es" else SPACY_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return {}, frozenset(), ()
    folders = list(Path(next(iter(spec.submodule_search_locations))).glob("*/lemmatizer/lookups"))
    if not folders:
        return {}, frozenset(), ()
    lookups = Lookups().from_disk(folders[0])
    store = StringStore()
    names = {store.add(p): p for p in ("noun", "verb", "adj", "adv", "det", "pron")}
    index = lookups.get_table("lemma_index")
    lemmas = {names.get(k, str(k)): frozenset(v) for k, v in index.items()}
    lemmas["any"] = frozenset().union(*lemmas.values())
    forms: set[str] = set()
    if lookups.has_table("lemma_exc"):
        for table in lookups.get_table("lemma_exc").values():
            if isinstance(table, dict):
                forms.update(table)
    rules: list[tuple[str, str]] = []
    for values in lookups.get_table("lemma_rules").values():
        rules += [(old, new) for old, new in values if old]
    return lemmas, frozenset(forms), tuple(sorted(set(rules)))


def _reduces(word: str, language: str, pos: str = "any") -> bool:
    all_lemmas, forms, rules = _tables(language)
    lemmas = all_lemmas.get(pos, frozenset())
    if word in lemmas or pos == "any" and word in forms:
        return True
    for old, new in rules:
        if word.endswith(old) and len(word) > len(old) + 1:
            stem = word[: len(word) - len(old)] + new
            if stem in lemmas:
                return True
            if language == "es":
                # stem-changing verbs: "murió" -> "murir" -> morir, "quiere" -> querer
                for a, b in (("ue", "o"), ("ie", "e"), ("u", "o"), ("i", "e")):
                    k = stem.rfind(a, 0, len(stem) - 2)
                    if k >= 0 and stem[:k] + b + stem[k + len(a):] in lemmas:
                        return True
    return False


@lru_cache(maxsize=8192)
def describing_form(word: str, language: str) -> bool:
    """Whether ``word`` reads as an adjective or adverb of ``language`` ("eléctrico", "serio")."""
    low = word.lower().strip("'’")
    return len(low) >= 3 and low.isalpha() and (_reduces(low, language, "adj") or _reduces(low, language, "adv"))


@lru_cache(maxsize=8192)
def verb_form(word: str, language: str) -> bool:
    """Whether ``word`` reads as a form of a verb of ``language`` ("murió", "trabaja", "laughs")."""
    low = word.lower().strip("'’")
    return len(low) >= 3 and low.isalpha() and _reduces(low, language, "verb")


@lru_cache(maxsize=8192)
def word_form(word: str, language: str) -> bool:
    """Whether ``word`` (any case) is an inflected or plain word of ``language`` ("en"/"es")
    by spaCy's lemmatizer tables. The English index holds WordNet's nouns, names among them
    ("david"), so callers ask it only about words that are no lexicon first name."""
    low = word.lower().strip("'’")
    if len(low) < 3 or not low.isalpha():
        return False
    if _reduces(low, language):
        return True
    if language == "es":
        m = _DIMINUTIVE.search(low)
        if m and m.start() >= 2:
            stem = low[: m.start()]
            lemmas = _tables("es")[0].get("any", frozenset())
            return any(s in lemmas for s in (stem + m.group("g"), stem + "e", stem))
    return False


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Place name -> "c" for a country, "" for a town or region."""
    return read_tab_file(_PLACES)


_WORD = re.compile(r"[^\W\d_]+")
# Words before a place ("in yuma", "soy de guatemala", "from peru", "near bart").
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|from|near|outside|around|en|desde|hasta|hacia|cerca\s+de|"
                           r"(?:soy|es|eres|somos|son|era|eran|vengo|vino|vine|venimos|viene|vienen|los|las|"
                           r"gente|pueblo|ciudad|estado)\s+de)\s+)$", re.IGNORECASE)

# Where someone comes from: "she's from", "we came from", "i'm originally from", "vine de", "llegué de".
_ORIGIN_BEFORE = re.compile(
    r"(?:\b(?:i['’]m|i\s+am|she['’]s|he['’]s|she\s+is|he\s+is|we['’]re|they['’]re|we\s+are|they\s+are|"
    r"you['’]re|came|come|comes|coming|moved|immigrated|fled|escaped)\s+(?:(?:here|originally|all|also|too|"
    r"both|the\s+same\s+year)\s+)*from|"
    r"\b(?:vengo|vine|vino|viene|vienen|venimos|vinieron|vinimos|llegu[eé]|lleg[oó]|llegaron|llegamos|"
    r"naci[oó]|nac[ií]|nacimos|emigr[eé]|emigr[oó])\s+(?:aqu[ií]\s+|ac[aá]\s+)?(?:de|desde|del))\s+$",
    re.IGNORECASE)

_SAINT_BEFORE = re.compile(r"\b(?:san|santa|santo|sao|são|puerto|porto|ciudad|colonia)\s+$", re.IGNORECASE)


def place_reading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a proposed person) reads as a place here: part of a longer
    place name ("san francisco", "daly city", "el salvador", "puerto rico"), or a place name
    right after a place word ("in yuma", "de guatemala"). A possessive ("in maria's car") is
    a person."""
    from core.deid.names import fold
    if text[end:end + 2] in ("'s", "’s"):
        return False
    known = places()
    span = fold(text[start:end]).lower()
    words = list(_WORD.finditer(fold(text[max(0, start - 40):end + 40]).lower()))
    offset = max(0, start - 40)
    inside = [i for i, w in enumerate(words) if w.start() + offset < end and w.end() + offset > start]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    # A longer place that holds the span: up to four words, at least one beyond the span.
    for a in range(max(0, first - 3), first + 1):
        for b in range(last, min(len(words), a + 4)):
            if a == first and b == last:
                continue
            phrase = " ".join(w.group() for w in words[a:b + 1])
            if phrase in known and re.fullmatch(r"[^\W\d_]+(?:[\s-]+[^\W\d_]+)*",
                                                 text[words[a].start() + offset:words[b].end() + offset]):
                return True
    if _SAINT_BEFORE.search(text[max(0, start - 12):start]):
        return True  # "san pablo", "santa cruz", "puerto rico": a town named after a saint or a port
    name = " ".join(span.split())
    before = text[max(0, start - 30):start]
    if " " not in name and (_ORIGIN_BEFORE.search(before) or re.match(r",?\s*\d{5}\b(?![-.:/]\d)", text[end:end + 8])):
        return True  # "she's from asmara", "desde que llegué de santiago", "Flushing, 11355" (0244)
    # "mándamela a paterson, 388 21st avenue": a town before its street address (0244).
    if re.match(r",\s*\d{1,6}\s+(?:[^\W\d_]+|\d+(?:st|nd|rd|th))\s+(?:[^\W\d_]+\s+)?(?:street|st|avenue|ave|road|rd|"
                r"boulevard|blvd|drive|dr|lane|ln|way|calle|avenida)\b", text[end:end + 50], re.IGNORECASE):
        return True
    # "de honduras, de san pedro sula", "de usulután y yo de san miguel": a place in a list of places.
    prev_place = re.search(r"([^\W\d_]{4,}(?:\s+[^\W\d_]+)?)\s*(?:,|\by\s+yo|\band\s+i)\s+(?:de|from)\s+$",
                           fold(before).lower())
    if prev_place and (prev_place.group(1) in known or prev_place.group(1).split()[-1] in known):
        return True
    if name not in known:
        return False
    if known[name] == "c" and re.search(r"\b(?:to|for|a|para|hacia)\s+$", before, re.IGNORECASE):
        return True  # "he let me go to yemen", "a party for guatemala": a country (0244)
    if _PLACE_BEFORE.search(before):
        return True
    # "yuma, arizona", "bethel, pennsylvania": a town, a comma, its region or country.
    nxt = re.match(r",\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", fold(text[end:end + 30]).lower())
    if nxt and any(known.get(n) in ("r", "c") for n in (nxt.group(1), nxt.group(1).split()[0])):
        return True
    # "huehuetenango, de guatemala": a country after a place and a comma.
    prev = re.search(r"([^\W\d_]{4,}),\s+(?:de\s+)?$", fold(before).lower())
    if prev and prev.group(1) in known and known[name] in ("r", "c"):
        return True
    # A country after "de" or in a list ("de guatemala", "eritrea and ethiopia").
    return known[name] == "c" and bool(re.search(r"\b(?:de|and|y|or|o)\s+$|,\s+$", before, re.IGNORECASE))


_PLACE_CHECKED = ("name_lexicon", "given_name_list", "presidio")


def drop_place_readings(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` less the unlisted persons that read as places here ("salvador" of "el
    salvador", "yuma" of "in yuma"), unless a person cue stands next to them ("told yuma"), and
    less the other readings of ``core.deid.other_readings`` (a people, a holiday, a turn label...)."""
    from core.deid.other_readings import drop_other_readings
    from core.deid.people import _cue
    findings = drop_other_readings(text, findings)
    return [f for f in findings
            if not (f.entity_type == "PERSON" and f.recognizer in _PLACE_CHECKED
                    and place_reading(text, f.start, f.end) and _cue(text, f.start, f.end) < 2)]
