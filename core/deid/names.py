"""Recognizers for people and workplaces: the researcher's list first, then safety nets.

The interview's protected names match case-insensitively, in possessives ("maria's"), by first
or last name alone, by nickname ("Robert" finds "bob") and with small misspellings (Whisper
writes "Gonzales" for "Gonzalez"). A listed name may carry aliases: ``"Robert Smith (Bob,
Bobby)"``. Given names that are also words ("Will", "Rose") need a cue when alone in lower
case. Unlisted people are proposed from a list of common given names and from "named X".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS as _STOP_WORDS

from core.deid.findings import Finding
from core.deid.lexicon import (
    AMBIGUOUS_NAMES,
    COMMON_ALONE,
    COMMON_GIVEN_NAMES,
    COMMON_SURNAMES,
    GENERIC_WORKPLACE_WORDS,
    LEADING_KIND_WORDS,
)
from core.deid.nicknames import clipped, family
from core.deid.people import _STOPS as _PEOPLE_STOPS
from core.deid.people import _kinds, everyday_word

_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|doctor|señor|senor|señora|senora|doña|dona|don|sister|brother|coach|" \
          r"mister|m[ií]ster|chef|ingeniero|ingeniera|inge|licenciado|licenciada|lic|profe|profesor|profesora)\.?\s+"
_POSSESSIVE = r"(?=(?:['’]s|['’]|s)?\b)"
# Words around a lower-case ambiguous name that make it a person ("will said", "told will").
_ROLE_NOUNS = (r"supervisor|supervisora|sup|supe|manager|boss|lead|foreman|jefe|jefa|encargad[oa]|assistant|"
               r"helper|aide|trainer|partner|coordinator|coordinadora?|dispatcher|chef|sous\s+chef")
_CUE_BEFORE = re.compile(r"\b(?:with|to|and|named|called|told|tell|asked|ask|by|from|about|"
                         r"supervisor|manager|boss|lead|coworker|co-worker|friend|guy|lady|assistant|helper|aide|"
                         r"me\s+and|him|her|like|thank\s+you|thanks|gracias|ma['’]?am|madam|sir|"
                         # Spanish: "habló con frank", "le dije a rosa", "rosa y lupe"
                         r"con|y|le\s+dije\s+a|le\s+pregunt[eé]\s+a|"
                         # "everybody calls me lola", "they call him chuy", "me dicen flaco"
                         r"call(?:s|ed)?\s+(?:me|him|her|us|them)|(?:me|le|nos|les)\s+dicen|"
                         # "the mall manager is nick", "mi jefa es rosa", "la sous chef de banquetes es dolores"
                         r"(?:" + _ROLE_NOUNS + r")(?:\s+de\s+[^\W\d_]+)?\s+(?:is|was|es|era))\s*$",
                         re.IGNORECASE)
_CUE_AFTER = re.compile(r"^(?:['’]s\b|,?\s+thanks?\b|,\s+(?:she|he|ella|él)(?:['’]s|\s+(?:is|was|es|era))\b|"
                        r"\s+(?:dijo|dice|me\s+dijo|nos\s+dijo|habl[oó]|lleg[oó]|vino|se\s+fue|me\s+dec[ií]a|"
                        r"said|says|told|tells|asked|asks|was|is|and\s+i|and\s+me|"
                        r"came|comes|got|gets|went|goes|had|has|would|wanted|wants|called|yelled|"
                        r"did|does|thinks|thought|knows|knew|saw|sees|never|always|just|kept|"
                        r"started|used|works|worked))", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ'’-]+")
_NAMED = re.compile(r"\b(?:named|called|name\s+is|name's|name\s+was|goes\s+by)\s+"
                    r"([^\W\d_][\w'-]+(?:\s+[^\W\d_][\w'-]+)?)", re.IGNORECASE)
# "mister goldberg", "mrs. eleanor", "dr shah": a title makes the next word a person.
_TITLED = re.compile(r"\b(?:mr|mrs|ms|miss|mister|missus|dr|doctor|señor|senor|señora|senora|doña|"
                     r"dona|licenciad[oa]|lic|ingenier[oa]|inge|profe|profesor|profesora)\.?\s+([^\W\d_][\w'-]+)",
                     re.IGNORECASE)
_ROLE_TITLED = re.compile(r"\b(?:coach|officer|sergeant|sgt|captain|capt|pastor|nurse|sheriff|deputy|"
                          r"professor|judge|father|padre|sister)\.?\s+([^\W\d_][\w'-]+)", re.IGNORECASE)
# "my son mateo", "my wife lan": kin and work relations are often followed by a name.
_KIN = re.compile(r"\bmy\s+(?:son|daughter|wife|husband|partner|boyfriend|girlfriend|brother|sister|"
                  r"cousin|nephew|niece|uncle|aunt|mom|mother|dad|father|grandson|granddaughter|"
                  r"friend|neighbou?r|roommate|coworker|co-worker)\s+([^\W\d_][\w'-]+)",
                  re.IGNORECASE)
# "me and tyrell", "tyrell and me": people doing things together are named in pairs.
# Two patterns, searched separately: in "sam and me and tyrell" both pairs share the "me".
_COORD = (re.compile(r"\b(?:me|i)\s+and\s+([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]+)\b(?!\s+i\b)", re.IGNORECASE),
          re.compile(r"\b([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]+)\s+and\s+(?:me|i)\b", re.IGNORECASE))
_VERBISH = re.compile(r"(?:ing|ed|n't)$|^(?:helps|works|lives|goes|comes|gets|has|does|says|makes|"
                      r"takes|wants|needs|thinks|knows|likes|loves|drives|cleans|cooks|plays|stays|"
                      r"got|had|was|is|said|told|too|also|still|just|never|always|really|says|"
                      r"set|live|work|go|come|get|take|make|help|call|say|tell|drive|pick|stay|"
                      r"cook|clean|play|want|need|think|know|like|love|use|keep|let|put|run|"
                      r"sent|saw|came|went|left|made|took|gave|found|bought|paid|lost|won)$")
_NOT_A_NAME = {"it", "that", "this", "him", "her", "them", "me", "you", "us", "the", "a", "an",
               "something", "like", "out", "in", "back", "off", "up", "because", "so", "and",
               "but", "a lot", "what", "whatever",
               # "called osha", "called 911": who one calls at work is often an institution.
               "osha", "hr", "911", "police", "cops", "security", "corporate", "management",
               "union", "ambulance", "everyone", "everybody", "someone", "somebody", "nobody",
               "anybody", "anyone", "people", "everything", "nothing"}
# A listed name that is also a word, right after one of these, is the word ("my hope is",
# "the bill came", "a crossroads"). ("her" is left out: "told her" is a cue.)
_DETERMINERS = {"my", "your", "his", "our", "their", "the", "a", "an", "this", "that", "these",
                "those", "no", "any", "some", "every", "each"}
# Where a clause starts: after punctuation or a conjunction ("so june trains everybody").
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?\"“”]|\b(?:and|but|so|then|because|cause|cuz|when|if|"
                           r"um|uh|yeah|well|now|plus))\s*$", re.IGNORECASE)
# A finite verb after the name at a clause start ("june trains", "mark runs", "hope wanted").
_VERB_AFTER = re.compile(r"^\s+(?:(?:also|just|never|already|always|still)\s+)?([a-z]+(?:s|ed))\b", re.IGNORECASE)
# A past tense after a word-name cannot follow the modal or the noun ("frank put in a word",
# "may also told him", "carter brought up"): the word is a person.
_PAST_AFTER = re.compile(r"^\s+(?:(?:also|just|never|already|always|still)\s+)?(?:put|got|came|went|took|gave|made|"
                         r"saw|left|brought|told|said|kept|sent|called|wrote|knew|thought|found|felt|heard|ran|"
                         r"quit|bought|paid|caught|taught|fought|stood|sat|spoke|broke|drove|threw|"
                         r"[a-z]+ed)\b", re.IGNORECASE)
# A subject pronoun right before a word-name makes it the verb or modal ("i hope", "you may").
_SUBJECT_BEFORE = re.compile(r"\b(?:i|(?<!thank\s)you|we|they|he|she|it|who|that|yo|tú|usted|ustedes|nosotros)\s+$",
                             re.IGNORECASE)
_NOT_VERBS = {"always", "sometimes", "this", "his", "its", "us", "as", "yes", "less", "plus",
              "days", "nights", "weeks", "years", "hours", "guys", "folks", "kids", "times",
              "red", "bed", "shed", "need", "speed", "seed", "feed", "hundred", "tired"}
# "the hilltop" vs "at a crossroads": a single-word workplace after "a"/"an" is the word.
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# Site designators: "Plant 2", "DC7", "Store #14", "Building B".
_SITE_CODE = re.compile(r"^(?P<word>[a-z]+)\s*#?\s*(?P<num>\d{1,3})$")
_DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
               "eighteen", "nineteen"]
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def fold(text: str) -> str:
    """Drop accents letter by letter, keeping the length ("Mejía" -> "Mejia").

    Whisper writes a name with or without its accents; matching on folded text finds both,
    and because every letter stays one letter, spans found in the folded text are spans of
    the original.
    """
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)
        out.append(base[0] if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]) else ch)
    return "".join(out)


def _spoken_number(n: int) -> str:
    """0-99 as words, as Whisper writes a site number it heard ("plant two", "dc seven")."""
    if n < 10:
        return _DIGIT_WORDS[n]
    if n < 20:
        return _TEEN_WORDS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS_WORDS[tens] + (" " + _DIGIT_WORDS[unit] if unit else "")


def _site_variants(words: list[str]) -> set[str]:
    """A workplace name ending in a site designator ("... Plant 2", "Summit DC7") is often
    called by that designator alone: "plant 2", "plant two", "dc7", "dc 7", "dc seven"."""
    if not words:
        return set()
    last = words[-1].strip(".,")
    m = _SITE_CODE.match(last)
    if m is None and len(words) >= 2 and words[-1].strip("#").isdecimal():
        m = _SITE_CODE.match(words[-2].strip(".,") + " " + words[-1].strip("#"))
    if m is None or int(m.group("num")) >= 100:
        return set()
    word, num = m.group("word"), int(m.group("num"))
    return {f"{word} {num}", f"{word}{num}", f"{word} {_spoken_number(num)}"}


def _role_type(role: str) -> str:
    """The researcher's role label as an entity type: "supervisor" -> SUPERVISOR."""
    label = re.sub(r"[^A-Za-z0-9 -]", "", role).strip().upper().replace(" ", "-")
    return "PERSON" if label in ("", "PERSON", "NAME", "OTHER") else label


def parse_entry(entry: str) -> tuple[str, list[str]]:
    """``"Robert Smith (Bob, Bobby)"`` -> ("Robert Smith", ["Bob", "Bobby"]); also "a.k.a.", "/"
    and a nickname in quotes (``'Luis "Big Lou" Ortega'`` -> ("Luis Ortega", ["Big Lou"]))."""
    aliases: list[str] = [q.strip() for q in _QUOTED.findall(entry) if q.strip()]
    entry = _QUOTED.sub(" ", entry).strip()
    m = re.match(r"^(.*?)\((.*)\)\s*$", entry)
    if m:
        entry, inner = m.group(1), m.group(2)
        aliases += [a.strip() for a in re.split(r"[,;/]", inner) if a.strip()]
    parts = re.split(r"\s*(?:/|\|| a\.?k\.?a\.? )\s*", entry, flags=re.IGNORECASE)
    canonical = parts[0].strip()
    aliases += [p.strip() for p in parts[1:] if p.strip()]
    return canonical, aliases


@dataclass
class _Entity:
    canonical: str
    entity_type: str
    exact: set[str] = field(default_factory=set)     # always match
    cued: set[str] = field(default_factory=set)      # match when capitalised or with a cue
    fuzzy: set[str] = field(default_factory=set)     # tokens worth a misspelling check


# Spanish words that are also English given names ("dan" = they give, "mar" = sea).
_ES_VERBISH = {"dan", "den", "van", "ven", "dale", "mar", "sol", "paz", "luz", "rey", "mayo", "abril", "junio", "julio"}
_NAME_PARTICLES = {"de", "del", "la", "las", "los", "el", "van", "der", "von", "da", "di", "du", "le", "dos", "das",
                   "y", "e", "bin", "ibn", "al", "st", "saint"}
# A title, a role or an article written on the list with the name ("Chef Dominic Russo",
# "Ingeniero Castro", "El Flaco"): not part of the name to match alone.
_TITLE_PREFIX = re.compile(r"^(?:(?:sous\s+)?" + _TITLES[3:] + r"|^(?:el|la|the)\s+(?=\S)", re.IGNORECASE)
# A nickname in quotes inside the name: 'Luis "Big Lou" Ortega'.
_QUOTED = re.compile(r"\s*[\"“”]([^\"“”]+)[\"“”]\s*")
# Words that join a workplace's name to where it is or what it belongs to.
_JOINING_WORDS = {"of", "at", "in", "on", "and", "&", "de", "del", "la", "el", "los", "las", "en", "y", "the", "for"}


def _wordy(word: str) -> bool:
    """A word of a listed nickname that is also an everyday word ("flaco" of "El Flaco", "big"
    of "Big Lou"): alone it needs a capital or a cue."""
    from core.deid.people import everyday_word
    kinds = _kinds(word)
    return word in AMBIGUOUS_NAMES or "w" in kinds or (not kinds and everyday_word(word, "en"))


def _person(entry: str, role: str) -> _Entity:
    canonical, aliases = parse_entry(entry)
    written = [canonical, *aliases]
    # "Ms. Jenkins" on the list: the title is not part of the name to match.
    canonical = _TITLE_PREFIX.sub("", canonical).strip() or canonical
    aliases = [_TITLE_PREFIX.sub("", a).strip() or a for a in aliases]
    articled = {f for f, w in zip([canonical, *aliases], written)
                if f != w and re.match(r"(?:el|la|the)\s", w, re.IGNORECASE)}
    ent = _Entity(canonical, _role_type(role))
    # As written, with its title or article, the whole entry is this person ("el flaco").
    ent.exact |= {w.lower() for w in written if " " in w.strip()}
    for form in [canonical, *aliases]:
        words = form.split()
        # A one- or two-letter alias ("T", "JR") is also a letter or a word: it needs a cue.
        # A nickname written with its article ("El Flaco") that is a word alone ("flaco") too.
        (ent.cued if len(form.strip(". ")) <= 2 or form in articled and _wordy(form.strip(".,").lower())
         else ent.exact).add(form.lower())
        if len(words) > 1:
            ent.exact.add(f"{words[0]} {words[-1]}".lower())
        # A surname with its particles is said alone too: "de los santos", "van der berg".
        for i in range(1, len(words)):
            if words[i].lower() in _NAME_PARTICLES:
                ent.exact.add(" ".join(words[i:]).lower())
                break
        for i, w in enumerate(words):
            w = w.strip(".,").lower()
            if len(w) < 2 or w in _NAME_PARTICLES:
                continue  # "de", "los", "van" of "De Los Santos" are not the person alone
            # A part that is a word-name ("will"), only two letters ("ye" of "Ye Lin", "ah" of
            # "Ah Keung") or an everyday word of a nickname ("big" of "Big Lou") needs a
            # capital or a cue when alone.
            (ent.cued if w in AMBIGUOUS_NAMES or len(w) <= 2 or (form in aliases and len(words) > 1 or form in articled)
             and _wordy(w)
             else ent.exact).add(w)
            if len(w) >= 4:
                ent.fuzzy.add(w)
            if i > 0 and len(w) >= 3:
                ent.exact |= {n for n in clipped(fold(w), shorten=False) if not _wordy(n)}  # "hoita"
            if i == 0:
                for nick in family(fold(w)):  # "jesús" -> chuy
                    (ent.cued if nick in AMBIGUOUS_NAMES or len(nick) <= 2 else ent.exact).add(nick)
                    if len(words) > 1:
                        ent.exact.add(f"{nick} {words[-1].lower()}")
                # Shortened and small forms nobody listed ("laza" of "Lázaro", "tino" of
                # "Florentino", "tomasito"): a diminutive that is no word always, a shortened
                # form with a capital or a cue (decision 0192).
                for nick in clipped(fold(w)):
                    if nick in _PEOPLE_STOPS or nick in ent.exact or everyday_word(nick, "en"):
                        continue  # "sell" of "russell", "esto" of "ernesto"
                    small = nick.endswith(("ito", "ita")) and not _wordy(nick)
                    (ent.exact if small else ent.cued).add(nick)
    ent.cued -= ent.exact
    return ent


def _partial_names(words: list[str]) -> set[str]:
    """Runs of two or more leading words, cut before a joining word, and two-word runs with a
    word of their own ("desert rose" of "desert rose casino", not "home care")."""
    out: set[str] = set()
    for i in range(2, len(words)):
        head = words[:i]
        while head and head[-1].strip(".,") in _JOINING_WORDS:
            head = head[:-1]
        if len(head) >= 2 and not (len(head) == 2 and head[0] in _JOINING_WORDS):
            out.add(" ".join(head))
    for i in range(len(words) - 1):
        pair = [w.strip(".,") for w in words[i:i + 2]]
        if pair[1] not in _JOINING_WORDS and (pair[0] not in _JOINING_WORDS or pair[0] in ("los", "las", "el", "la")) \
                and any(w not in GENERIC_WORKPLACE_WORDS and w not in COMMON_ALONE and w not in _JOINING_WORDS
                        for w in pair):
            out.add(" ".join(words[i:i + 2]))
    return out


def _kind_word(word: str) -> bool:
    """A kind of place said first in a Spanish name: the listed ones, and any shop named by
    "-ería" ("Pupusería La Ceiba", "Paletería", "Tortillería"): alone it is what the place
    is, not which one (decision 0243)."""
    from core.deid.people import _kinds
    return word in LEADING_KIND_WORDS or word.endswith("ería") or (
        word.endswith("eria") and len(word) >= 8 and "f" not in _kinds(word))


def _workplace(entry: str, kind: str = "workplace") -> _Entity:
    """Variants: the full name, the name without its trailing kind-of-place words
    ("Valley Fresh Farms" -> "valley fresh"), distinctive single words ("riverside")."""
    canonical, aliases = parse_entry(entry)
    ent = _Entity(canonical, "WORKPLACE")
    for form in [canonical, *aliases]:
        low = form.lower()
        ent.exact.add(low)
        words = [w for w in re.split(r"[\s&]+", low) if w]
        while words and words[0] in ("the",):
            words = words[1:]
        trimmed = list(words)
        while len(trimmed) > 1 and trimmed[-1].strip(".,") in GENERIC_WORKPLACE_WORDS:
            trimmed.pop()  # "pacific freight lines" -> "pacific freight" -> "pacific"
            ent.exact.add(" ".join(trimmed))
            ent.exact.add("the " + " ".join(trimmed))
        if low.startswith("the "):
            ent.exact.add(" ".join(words))
        else:
            ent.exact.add("the " + low)  # "the Hilltop Diner": the article is part of how it is said
        # Said in part (decision 0151): "Comfort Keepers" of "Comfort Keepers of Tulare",
        # "Carnes Finas" of "Carnes Finas Zacatecas", "Desert Rose" of "Desert Rose Casino":
        # every run of two or more leading words, cut before "of"/"de"/"at"..., and every
        # two-word run with a word of its own in it.
        ent.exact |= _partial_names(words)
        if words and _kind_word(words[0]):  # "Empacadora Los Álamos Delano" -> "los álamos"
            ent.exact |= _partial_names(words[1:])
        # Spanish names put the kind first ("Hotel Las Palmas", "Rancho San Isidro"): the rest
        # names the place, with or without its article ("las palmas", "el güero").
        lead = list(words)
        if lead and _kind_word(lead[0]):
            ent.exact |= {"la " + " ".join(words), "el " + " ".join(words)}  # "la empacadora del valle"
        while len(lead) > 1 and _kind_word(lead[0].strip(".,")):
            lead = lead[1:]
            rest = " ".join(lead)
            if len(rest) >= 4:
                ent.exact.add(rest)
                if lead[0] in ("el", "la", "los", "las", "del") and len(lead) > 1:
                    ent.exact.add(" ".join(lead[1:]))
        # "St. Agnes Hospital" is said "saint agnes" and written "st agnes".
        if any(w.rstrip(".") in ("st", "saint", "san", "santa") for w in trimmed):
            alt = " ".join("st" if w.rstrip(".") in ("st", "saint") else w for w in trimmed)
            ent.exact |= {alt, alt.replace("st ", "saint ")}
        # Alone, only the first word can name the place ("riverside"); later words are
        # usually what it is or does ("harbor call center": "call" is not the workplace).
        first = words[0].strip(".,") if words else ""
        if len(first) >= 4 and first not in GENERIC_WORKPLACE_WORDS and first not in COMMON_ALONE \
                and not _kind_word(first):  # "empacadora" alone is the job, not the place
            ent.exact.add(first)
            if len(first) >= 6:
                ent.fuzzy.add(first)
        ent.exact |= _site_variants(words)
        if len(words) > 2:  # "Riverside Distribution Center" -> "RDC"
            acronym = "".join(w[0] for w in words if w not in ("the", "of", "and"))
            if len(acronym) >= 3:
                ent.cued.add(acronym)
    return ent


def _variant_regex(variant: str) -> re.Pattern[str]:
    # A middle initial may stand between a listed given name and surname ("deshawn l.
    # merriweather", "Ana M Ortiz"): with its dot, or a capital alone (decision 0233).
    body = r"[\s-]+(?:[^\W\d_]\.[ \t]+|(?-i:[A-Z])[ \t]+)?".join(re.escape(w) for w in variant.split())
    # A bare "s" ("marias" for "maria's") only after a name of four letters or more: "Ye" of
    # "Ye Lin" is not in "Yes".
    tail = _POSSESSIVE if len(variant) >= 4 else r"(?=(?:['’]s|['’])?\b)"
    return re.compile(r"(?<![\w@.])(?<!\w['’])(?:" + _TITLES + r")?(" + body + r")" + tail, re.IGNORECASE)


class NameMatcher:
    """Matches one interview's listed people and the vault's workplaces in text."""

    def __init__(self, names: Iterable[str | tuple[str, str]] = (),
                 workplaces: Iterable[str] = ()) -> None:
        self.entities: list[_Entity] = []
        for item in names:
            entry, role = (item, "person") if isinstance(item, str) else item
            if entry.strip():
                self.entities.append(_person(entry, role))
        for wp in workplaces:
            if wp.strip():
                self.entities.append(_workplace(wp))
        # Variants are matched accent-folded on folded text ("Mejía" finds "mejia" and back).
        self._compiled = [(ent, [(v, _variant_regex(v)) for v in sorted({fold(x) for x in ent.exact},
                                                                         key=len, reverse=True)],
                           [(v, _variant_regex(v)) for v in sorted({fold(x) for x in ent.cued})])
                          for ent in self.entities]

    def find(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        folded = fold(text)
        for ent, exact, cued in self._compiled:
            rec = "workplace_list" if ent.entity_type == "WORKPLACE" else "name_list"
            mine: list[tuple[int, int]] = []
            for variant, rx in exact:
                for m in rx.finditer(folded):
                    if " " not in variant and ent.entity_type == "WORKPLACE" and \
                            _ARTICLE_BEFORE.search(folded[max(0, m.start() - 4):m.start()]):
                        continue  # "at a crossroads" is not Crossroads Mall
                    if " " not in variant and rec == "name_list" and _word_after_article(folded, m, variant):
                        continue  # "apagar la luz", "prayed the rosario": the word, not Luz or Rosario
                    if " " not in variant and rec == "workplace_list" and _workplace_word_here(text, folded, m):
                        continue  # "before sunrise", "tener fe": the word, not Sunrise Lawn Care or La Fe
                    score = 0.95 if " " in variant else 0.85
                    out.append(Finding(m.start(1), m.end(1), ent.entity_type, text[m.start(1):m.end(1)],
                                       score, rec, canonical=ent.canonical))
                    mine.append((m.start(1), m.end(1)))
            for variant, rx in cued:
                matches = [m for m in rx.finditer(folded)
                           if not _function_word_unaccented(text[m.start(1):m.end(1)], ent.cued)]
                named = [m for m in matches if _cued_is_name(folded, m.start(), m.start(1), m.end(1), mine)]
                # Once the text has used the word as this person, its other bare uses are the
                # person too, unless they read as the word (decision 0194).
                if named and rec == "name_list":
                    named += [m for m in matches if m not in named and not _reads_as_word(folded, m)]
                for m in named:
                    out.append(Finding(m.start(1), m.end(1), ent.entity_type, text[m.start(1):m.end(1)],
                                       0.6, rec + "_cued", canonical=ent.canonical))
        out += _set_off_nicknames(folded, text, [f for f in out if f.recognizer == "name_list"])
        out += self._fuzzy(folded, text)
        return out

    def _fuzzy(self, folded: str, text: str) -> list[Finding]:
        """Tokens within a letter or two of a listed name part ("gonzales" for "gonzalez")."""
        out: list[Finding] = []
        targets = [(fold(t), ent) for ent in self.entities for t in ent.fuzzy]
        if not targets:
            return out
        for m in _WORD_RE.finditer(folded):
            word = m.group().lower().strip("'’-")
            if len(word) < 4 or word in COMMON_GIVEN_NAMES and not any(word == t for t, _ in targets):
                continue
            for target, ent in targets:
                if word == target or abs(len(word) - len(target)) > 2 or word[0] != target[0]:
                    continue
                cutoff = 80 if len(target) >= 7 else 85
                if fuzz.ratio(word, target) >= cutoff and not _plain_word(word):
                    end = m.start() + len(m.group().rstrip("'’-"))
                    if m.group().lower().endswith(("'s", "’s")):
                        end -= 2
                    out.append(Finding(m.start(), end, ent.entity_type, text[m.start():end], 0.55,
                                       "name_fuzzy", canonical=ent.canonical))
                    break
        return out


def _plain_word(word: str) -> bool:
    """A near spelling of a listed name that is a word of English or Spanish ("wrong" for Wong,
    "brand" for Brandt, "milagro" for Milagros, "cuida" for Cuidado): the word (decision 0243).
    A form the name lexicon holds as a name and no word ("gonzales") still counts."""
    from core.deid.people import _kinds
    from core.deid.readings import word_form
    kinds = _kinds(word)
    if kinds and "w" not in kinds and "d" not in kinds:
        return False
    # English by the lexicon's own word mark: spaCy's English index holds proper nouns ("disney").
    return "w" in kinds and word_form(word, "en") or word_form(word, "es")


# Where a listed workplace is said as one ("i been with sunrise", "trabajo en la fe", "sunrise
# pays late"): a preposition of work before it, or a verb of what an employer does after it.
_WORK_BEFORE = re.compile(
    r"(?:\b(?:at|for|with|from|joined|left|quit|leave|by|to|in|work(?:s|ed|ing)?|hired|"
    r"en|para|con|de|del|desde|al|dej[eé]|entr[eé]\s+a|trabaj\w*)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?|"
    r"\b(?:salon|store|shop|place|company|job|restaurant|hotel|agency|employer|plant|tienda|compañía|compania|"
    r"empresa|trabajo|negocio|agencia|planta)\s+(?:is|was|es|era|se\s+llama|called|named)\s+|"
    r"(?:^|[.!?:]\s*))$", re.IGNORECASE)
_EMPLOYER_AFTER = re.compile(
    r"^['’]?s?\s+(?:pays?|paid|is|was|has|had|gave|gives|give|makes?|made|hired|fired|said|says|sent|wants?|"
    r"told|don['’]t|doesn['’]t|didn['’]t|won['’]t|never|always|treats?|cares?|does|did|knows?|changed|"
    r"paga|pagaba|pag[oó]|es|era|tiene|ten[ií]a|nos|me|les|da|dio|daba|quiere|cambi[oó]|contrat[oó]|corri[oó])\b",
    re.IGNORECASE)


def _workplace_word_here(text: str, folded: str, m: re.Match[str]) -> bool:
    """Whether a listed workplace's one-word part that is an everyday word ("sunrise" of
    "Sunrise Lawn & Tree Care", "magic" of "Magic Kingdom", "fe" of "La Fe", "volunteer")
    reads as the word here: lower case (or a sentence's first word), with no preposition of
    work before it and no employer's verb after it (decision 0243)."""
    from core.deid.people import _kinds
    from core.deid.readings import word_form
    word = folded[m.start(1):m.end(1)].lower()
    kinds = _kinds(word)
    # English by the lexicon's word mark only: spaCy's English index holds "amazon" and "taft".
    if not ("w" in kinds or word_form(word, "es") or word in _EVERYDAY_SHORT):
        return False
    said = text[m.start(1):m.end(1)]
    if said[:1].isupper() and not _sentence_start(text, m.start(1)):
        return False
    if said.isupper() and len(said) > 1:
        return False
    return not (_WORK_BEFORE.search(folded[max(0, m.start(1) - 30):m.start(1)])
                or _EMPLOYER_AFTER.match(folded[m.end(1):m.end(1) + 20]))


_EVERYDAY_SHORT = {"fe", "sol", "mar", "paz", "luz", "sun", "joy", "hope", "ace", "top", "key"}


_ARTICLE_BEFORE_NAME = re.compile(r"\b(?:the|la|las|los|el|un|una|de|como)\s+$", re.IGNORECASE)


def _word_after_article(text: str, m: re.Match[str], variant: str) -> bool:
    """A listed one-word name that is an everyday word ("luz", "rosario", "reina", "flores"),
    in lower case right after an article or "de", with no person cue or comma after it: the word.
    ("la lupe me dijo" keeps the person: "lupe" is no word, and "me dijo" is a cue.)"""
    from core.deid.lexicon import EVERYDAY_ES
    word = text[m.start(1):m.end(1)]
    if any(c.isupper() for c in word) or not _ARTICLE_BEFORE_NAME.search(text[max(0, m.start(1) - 8):m.start(1)]):
        return False
    kinds = _kinds(variant)
    if not (variant in EVERYDAY_ES or variant in AMBIGUOUS_NAMES or "w" in kinds or "s" in kinds
            or "d" in kinds and "f" not in kinds):
        return False
    # "la esperanza, la cajera", "el poncho, que hace la salsa": set off, it is the person.
    return not _CUE_AFTER.match(text[m.end(1):m.end(1) + 20]) and not re.match(r"\s*,", text[m.end(1):])


# "terrence, tee, he was on the window": a word set off by commas right after a listed name,
# then a pronoun, is that person's nickname.
_SET_OFF = re.compile(r"^,\s+([^\W\d_][\w'’-]{1,14}),\s+(?:he|she|him|her|who|él|ella|que|le|la)\b", re.IGNORECASE)


_ARTICLE_OR_SUBJECT = re.compile(r"\b(?:a|an|the|my|your|his|our|their|el|la|los|las|un|una|i|you|we|they|"
                                 r"to|will|would|can|could|should|must)\s+$", re.IGNORECASE)


def _function_word_unaccented(word: str, forms: set[str]) -> bool:
    """A listed name with accents ("Lê") met without them as a function word ("le dicen"):
    the accent-folded match is the word, not the name (decision 0233)."""
    from core.deid.people import _STOPS
    low = word.lower()
    return low in _STOPS and low not in {f.lower() for f in forms}


def _set_off_nicknames(folded: str, text: str, listed: list[Finding]) -> list[Finding]:
    """Nicknames said right after a listed name and set off by commas ("terrence, tee, he…"),
    and their other uses in the text that do not read as the word (decision 0194)."""
    from core.deid.people import _STOPS
    out: list[Finding] = []
    for f in listed:
        m = _SET_OFF.match(folded[f.end:f.end + 40])
        if not m or m.group(1).lower() in _STOPS:
            continue
        nick = m.group(1).lower()
        for occ in re.finditer(r"(?<![\w'’])(" + re.escape(nick) + r")(?![\w'’])", folded, re.IGNORECASE):
            if occ.start() == f.end + m.start(1) or not _ARTICLE_OR_SUBJECT.search(folded[max(0, occ.start() - 12):
                                                                                   occ.start()]):
                out.append(Finding(occ.start(1), occ.end(1), f.entity_type, text[occ.start(1):occ.end(1)], 0.6,
                                   "name_list_cued", canonical=f.canonical))
    return out


# Before a word-name, what makes it the adjective or the verb ("it's sunny", "i hope", "so frank").
_WORD_BEFORE = re.compile(r"(?:\b(?:i|you|we|they|he|she|it|who|that|is|was|are|were|be|been|being|it['’]s|so|very|"
                          r"too|really|pretty|more|most|less|not|ain['’]t|isn['’]t|wasn['’]t|and\s+i|to|will|would|can|"
                          r"could|should|must|may|might|have|has|had|keep|lose|lost|in|en|"
                          r"yo|es|era|muy|tan|más|el|la|los|las|un|una|unos|unas|mi|tu|su|mis|tus|sus)|['’](?:ll|d))\s+$",
                          re.IGNORECASE)


def _reads_as_word(text: str, m: re.Match[str]) -> bool:
    """Whether a listed word-name ("hope", "bill", "sunny", "will") reads as the word here:
    after a determiner, a subject, a verb "to be", an intensifier or a modal; before a bare
    verb when it is itself a modal ("will be", "may go"); or capitalised at a sentence start
    before a comma-less clause is left alone (it was weighed by ``_cued_is_name``)."""
    before = text[max(0, m.start() - 24):m.start()]
    prev = re.search(r"([A-Za-z']+)\s*$", before)
    if prev and prev.group(1).lower() in _DETERMINERS or _WORD_BEFORE.search(before):
        return True
    word = text[m.start(1):m.end(1)].lower()
    from core.deid.people import _MONTH_BEFORE, _MONTHS
    if word in _MONTHS and _MONTH_BEFORE.search(before):
        return True  # "in june they gave us a raise"
    if word in ("will", "may", "can", "might"):
        from core.deid.people import _bare_verb_after
        return _bare_verb_after(text, m.end(1))
    return False


def _cued_is_name(text: str, match_start: int, start: int, end: int,
                  exact_spans: list[tuple[int, int]]) -> bool:
    """Whether a listed name that is also a word ("will", "june", "rich") is the name here.

    Yes when capitalised mid-sentence, after a cue ("told will"), before one ("will said"), in
    apposition to the person's full name ("rich, rich donnelly"), or at the start of a clause
    before a finite verb ("june trains the new people"). No right after a determiner ("my
    hope is"), whatever follows.
    """
    word = text[start:end]
    before = text[max(0, match_start - 30):match_start]
    prev = re.search(r"([A-Za-z']+)\s*$", before)
    if prev and prev.group(1).lower() in _DETERMINERS or _SUBJECT_BEFORE.search(before):
        return False
    if word[:1].isupper() and start > 0 and not _sentence_start(text, start):
        return True
    if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[end:end + 20]):
        return True
    # Apposition: the same person's full name right before or after, across a comma or dash.
    # "bill. haskins.", "el chuy, bueno jesús": a period or a correction word between them too.
    for s, e in exact_spans:
        if 0 <= s - end <= 12 and _APPOSED.fullmatch(text[end:s]) or \
                0 <= start - e <= 12 and _APPOSED.fullmatch(text[e:start]):
            return True
    # Coordinated with another name: "ray and kim and me", "con rosa y lupe".
    from core.deid.people import _kinds
    for pattern, where in ((r"^,?\s+(?:and|y|&)\s+([^\W\d_]+)", text[end:end + 30]),
                           (r"([^\W\d_]+)\s+(?:and|y|&)\s+$", text[max(0, match_start - 30):match_start])):
        other = re.search(pattern, where)
        if other and (k := _kinds(other.group(1))) and "f" in k and "w" not in k:
            return True
    past = _PAST_AFTER.match(text[end:end + 30])
    if past and _CLAUSE_START.search(before) and past.group().split()[-1].lower() not in _NOT_VERBS:
        return True
    verb = _VERB_AFTER.match(text[end:end + 30])
    return bool(verb and verb.group(1).lower() not in _NOT_VERBS and _CLAUSE_START.search(before))


_APPOSED = re.compile(r"[\s,;:.-]*(?:(?:bueno|digo|o\s+sea|i\s+mean|well)[\s,]*)?", re.IGNORECASE)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".?!:\n\"“"  # ":" after a speaker label ("A: Yes")


# What follows a turn's label: "HABLANTE 3:", "SPEAKER:" (the word before it labels a turn).
_TURN_LABEL_AFTER = re.compile(r"[ \t]*\d{0,2}[ \t]*:(?!\d)")


def unlisted_people(text: str, language: str = "en") -> list[Finding]:
    """People nobody listed: common given names (plus a following surname) and "named X".

    In Spanish text a given name that is a Spanish function word or verb ("dan", "ana" is
    not) is left to the lexicon recognizer, which asks for a cue.
    """
    from spacy.lang.es.stop_words import STOP_WORDS as es_stop

    from core.deid.lexicon import EVERYDAY_ES, EVERYDAY_NAMES
    from core.deid.people import everyday_word
    from core.deid.readings import describing_form
    out: list[Finding] = []
    words = list(_WORD_RE.finditer(text))
    for i, m in enumerate(words):
        w = m.group().lower()
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        if w not in COMMON_GIVEN_NAMES or w in EVERYDAY_NAMES or (
                language == "es" and w in _ES_VERBISH | es_stop | EVERYDAY_ES):
            continue
        start, end = m.start(), m.start() + len(w)
        if i + 1 < len(words):
            nxt = words[i + 1]
            gap = text[end:nxt.start()]
            nw = nxt.group().lower()
            base = nw[:-2] if nw.endswith(("'s", "’s")) else nw
            if gap.strip() == "" and not _TURN_LABEL_AFTER.match(text, nxt.end()) and (
                    base in COMMON_SURNAMES or (nxt.group()[:1].isupper() and base not in _NOT_A_NAME)):
                end = nxt.start() + len(base)
        out.append(Finding(start, end, "PERSON", text[start:end], 0.5, "given_name_list",
                           canonical=text[start:end].lower()))
    for m in _KIN.finditer(text):
        name = m.group(1)
        low = name.lower()
        if low in COMMON_GIVEN_NAMES or (low not in _STOP_WORDS and low not in _NOT_A_NAME
                                         and not _VERBISH.search(low) and len(low) > 1
                                         and not everyday_word(low, language)):  # "my mom watches"
            out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.5, "named_cue", canonical=low))
    for m in (m for rx in _COORD for m in rx.finditer(text)):
        group = 1
        name = m.group(group)
        low = name.lower()
        prev = re.search(r"([A-Za-z']+)\s*$", text[max(0, m.start(group) - 12):m.start(group)])
        if prev and prev.group(1).lower() in _DETERMINERS:
            continue  # "the bus and i": a thing, not a person
        low = low[:-2] if low.endswith(("'s", "’s")) else low
        if low in COMMON_GIVEN_NAMES or (low not in _STOP_WORDS and low not in _NOT_A_NAME
                                         and low not in _DETERMINERS and not _VERBISH.search(low)
                                         and len(low) > 2 and not everyday_word(low, language)):  # "day and i"
            out.append(Finding(m.start(group), m.start(group) + len(low), "PERSON",
                               text[m.start(group):m.start(group) + len(low)], 0.45, "named_cue",
                               canonical=low))
    for m in _TITLED.finditer(text):
        name = m.group(1)
        if name.lower() not in _NOT_A_NAME and name.lower() not in ("said", "says", "told", "was", "is") \
                and name.lower() not in es_stop and name.lower() not in _STOP_WORDS \
                and not (re.search(r"\b(?:un|una|a|an|otr[oa])\s+$", text[max(0, m.start() - 8):m.start()])
                         and everyday_word(name, language)) \
                and not (not re.match(r"(?:mr|mrs|ms|miss|mister|missus|dr|doctor|se|do)", m.group(), re.IGNORECASE)
                         and (describing_form(name, "es") or name.lower() in ("allá", "alla", "aquí", "aqui", "ahí"))):
            # "un señor mexicano"; "era ingeniero eléctrico allá"
            out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.55, "named_cue",
                               canonical=name.lower()))
    for m in _ROLE_TITLED.finditer(text):
        # "coach brown", "officer price", "sergeant ruiz" (decision 0220): a surname after a
        # work title, not "the coach bus", "officer came", "coach said".
        name = m.group(1)
        low = name.lower()
        kinds = _kinds(low)
        if re.search(r"\b(?:the|a|an|my|our|your|his|her|their|this|that|el|la|un|una|mi|su)\s+$",
                     text[max(0, m.start() - 8):m.start()]) or low in _STOP_WORDS or low in es_stop \
                or low in _NOT_A_NAME or not set(kinds) & {"l", "f"} or _VERBISH.search(low) \
                or low in ("said", "says", "told", "was", "is", "class", "bus", "seat", "seats"):
            continue
        out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.5, "named_cue", canonical=low))
    for m in _NAMED.finditer(text):
        name = m.group(1)
        if name.lower() in _NOT_A_NAME or name.split()[0].lower() in _NOT_A_NAME \
                or " " in name and all(w.lower() in _STOP_WORDS for w in name.split()):
            continue  # "her real name is on the badge": where it is, not what it is
        out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.55, "named_cue", canonical=name.lower()))
    return out
