"""Recognizers for people and workplaces: the researcher's list first, then safety nets.

The interview's protected names match case-insensitively, in possessives ("maria's"), by first
or last name alone, by nickname ("Robert" finds "bob") and with small misspellings (Whisper
writes "Gonzales" for "Gonzalez"). A listed name may carry aliases: ``"Robert Smith (Bob,
Bobby)"``. Given names that are also words ("Will", "Rose") need a cue when alone in lower
case. Unlisted people are proposed from a list of common given names and from "named X".
"""

from __future__ import annotations

import re
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
)
from core.deid.nicknames import family

_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|doctor|señor|senor|señora|senora|doña|dona|don|sister|brother|coach)\.?\s+"
_POSSESSIVE = r"(?=(?:['’]s|['’]|s)?\b)"
# Words around a lower-case ambiguous name that make it a person ("will said", "told will").
_CUE_BEFORE = re.compile(r"\b(?:with|to|and|named|called|told|tell|asked|ask|by|from|about|"
                         r"supervisor|manager|boss|lead|coworker|co-worker|friend|guy|lady|"
                         r"me\s+and|him|her|like)\s*$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"^(?:['’]s\b|\s+(?:said|says|told|tells|asked|asks|was|is|and\s+i|and\s+me|"
                        r"came|comes|got|gets|went|goes|had|has|would|wanted|wants|called|yelled|"
                        r"did|does|thinks|thought|knows|knew|saw|sees|never|always|just|kept|"
                        r"started|used|works|worked))", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ'’-]+")
_NAMED = re.compile(r"\b(?:named|called|name\s+is|name's|name\s+was|goes\s+by)\s+"
                    r"([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]+(?:\s+[A-Z][A-Za-zÀ-ÿ'-]+)?)", re.IGNORECASE)
# "mister goldberg", "mrs. eleanor", "dr shah": a title makes the next word a person.
_TITLED = re.compile(r"\b(?:mr|mrs|ms|miss|mister|missus|dr|doctor|señor|senor|señora|senora|doña|"
                     r"dona)\.?\s+([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]+)", re.IGNORECASE)
# "my son mateo", "my wife lan": kin and work relations are often followed by a name.
_KIN = re.compile(r"\bmy\s+(?:son|daughter|wife|husband|partner|boyfriend|girlfriend|brother|sister|"
                  r"cousin|nephew|niece|uncle|aunt|mom|mother|dad|father|grandson|granddaughter|"
                  r"friend|neighbou?r|roommate|coworker|co-worker)\s+([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]+)",
                  re.IGNORECASE)
_VERBISH = re.compile(r"(?:ing|ed|n't)$|^(?:helps|works|lives|goes|comes|gets|has|does|says|makes|"
                      r"takes|wants|needs|thinks|knows|likes|loves|drives|cleans|cooks|plays|stays|"
                      r"got|had|was|is|said|told|too|also|still|just|never|always|really|says|"
                      r"set|live|work|go|come|get|take|make|help|call|say|tell|drive|pick|stay|"
                      r"cook|clean|play|want|need|think|know|like|love|use|keep|let|put|run|"
                      r"sent|saw|came|went|left|made|took|gave|found|bought|paid|lost|won)$")
_NOT_A_NAME = {"it", "that", "this", "him", "her", "them", "me", "you", "us", "the", "a", "an",
               "something", "like", "out", "in", "back", "off", "up", "because", "so", "and",
               "but", "a lot", "what", "whatever"}


def _role_type(role: str) -> str:
    """The researcher's role label as an entity type: "supervisor" -> SUPERVISOR."""
    label = re.sub(r"[^A-Za-z0-9 -]", "", role).strip().upper().replace(" ", "-")
    return "PERSON" if label in ("", "PERSON", "NAME", "OTHER") else label


def parse_entry(entry: str) -> tuple[str, list[str]]:
    """``"Robert Smith (Bob, Bobby)"`` -> ("Robert Smith", ["Bob", "Bobby"]); also "a.k.a." and "/"."""
    aliases: list[str] = []
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


_TITLE_PREFIX = re.compile(r"^" + _TITLES, re.IGNORECASE)


def _person(entry: str, role: str) -> _Entity:
    canonical, aliases = parse_entry(entry)
    # "Ms. Jenkins" on the list: the title is not part of the name to match.
    canonical = _TITLE_PREFIX.sub("", canonical).strip() or canonical
    aliases = [_TITLE_PREFIX.sub("", a).strip() or a for a in aliases]
    ent = _Entity(canonical, _role_type(role))
    for form in [canonical, *aliases]:
        words = form.split()
        ent.exact.add(form.lower())
        if len(words) > 1:
            ent.exact.add(f"{words[0]} {words[-1]}".lower())
        for i, w in enumerate(words):
            w = w.strip(".,").lower()
            if len(w) < 2:
                continue
            (ent.cued if w in AMBIGUOUS_NAMES else ent.exact).add(w)
            if len(w) >= 4:
                ent.fuzzy.add(w)
            if i == 0:
                for nick in family(w):
                    (ent.cued if nick in AMBIGUOUS_NAMES or len(nick) <= 2 else ent.exact).add(nick)
                    if len(words) > 1:
                        ent.exact.add(f"{nick} {words[-1].lower()}")
    ent.cued -= ent.exact
    return ent


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
        # Alone, only the first word can name the place ("riverside"); later words are
        # usually what it is or does ("harbor call center": "call" is not the workplace).
        first = words[0].strip(".,") if words else ""
        if len(first) >= 4 and first not in GENERIC_WORKPLACE_WORDS and first not in COMMON_ALONE:
            ent.exact.add(first)
            if len(first) >= 6:
                ent.fuzzy.add(first)
        if len(words) > 2:  # "Riverside Distribution Center" -> "RDC"
            acronym = "".join(w[0] for w in words if w not in ("the", "of", "and"))
            if len(acronym) >= 3:
                ent.cued.add(acronym)
    return ent


def _variant_regex(variant: str) -> re.Pattern[str]:
    body = r"[\s-]+".join(re.escape(w) for w in variant.split())
    return re.compile(r"(?<![\w@.])(?:" + _TITLES + r")?(" + body + r")" + _POSSESSIVE, re.IGNORECASE)


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
        self._compiled = [(ent, [(v, _variant_regex(v)) for v in sorted(ent.exact, key=len, reverse=True)],
                           [(v, _variant_regex(v)) for v in ent.cued]) for ent in self.entities]

    def find(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        for ent, exact, cued in self._compiled:
            rec = "workplace_list" if ent.entity_type == "WORKPLACE" else "name_list"
            for variant, rx in exact:
                for m in rx.finditer(text):
                    score = 0.95 if " " in variant else 0.85
                    out.append(Finding(m.start(1), m.end(1), ent.entity_type, m.group(1), score, rec,
                                       canonical=ent.canonical))
            for variant, rx in cued:
                for m in rx.finditer(text):
                    word = m.group(1)
                    capitalised = word[:1].isupper() and m.start(1) > 0 and not _sentence_start(text, m.start(1))
                    if capitalised or _CUE_BEFORE.search(text[max(0, m.start() - 20):m.start()]) \
                            or _CUE_AFTER.match(text[m.end(1):m.end(1) + 20]):
                        out.append(Finding(m.start(1), m.end(1), ent.entity_type, word, 0.6, rec + "_cued",
                                           canonical=ent.canonical))
        out += self._fuzzy(text)
        return out

    def _fuzzy(self, text: str) -> list[Finding]:
        """Tokens within a letter or two of a listed name part ("gonzales" for "gonzalez")."""
        out: list[Finding] = []
        targets = [(t, ent) for ent in self.entities for t in ent.fuzzy]
        if not targets:
            return out
        for m in _WORD_RE.finditer(text):
            word = m.group().lower().strip("'’-")
            if len(word) < 4 or word in COMMON_GIVEN_NAMES and not any(word == t for t, _ in targets):
                continue
            for target, ent in targets:
                if word == target or abs(len(word) - len(target)) > 2 or word[0] != target[0]:
                    continue
                cutoff = 80 if len(target) >= 7 else 85
                if fuzz.ratio(word, target) >= cutoff:
                    end = m.start() + len(m.group().rstrip("'’-"))
                    if m.group().lower().endswith(("'s", "’s")):
                        end -= 2
                    out.append(Finding(m.start(), end, ent.entity_type, text[m.start():end], 0.55,
                                       "name_fuzzy", canonical=ent.canonical))
                    break
        return out


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".?!\n\"“"


def unlisted_people(text: str) -> list[Finding]:
    """People nobody listed: common given names (plus a following surname) and "named X"."""
    out: list[Finding] = []
    words = list(_WORD_RE.finditer(text))
    for i, m in enumerate(words):
        w = m.group().lower()
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        if w not in COMMON_GIVEN_NAMES:
            continue
        start, end = m.start(), m.start() + len(w)
        if i + 1 < len(words):
            nxt = words[i + 1]
            gap = text[end:nxt.start()]
            nw = nxt.group().lower()
            base = nw[:-2] if nw.endswith(("'s", "’s")) else nw
            if gap.strip() == "" and (base in COMMON_SURNAMES or (nxt.group()[:1].isupper() and base not in _NOT_A_NAME)):
                end = nxt.start() + len(base)
        out.append(Finding(start, end, "PERSON", text[start:end], 0.5, "given_name_list",
                           canonical=text[start:end].lower()))
    for m in _KIN.finditer(text):
        name = m.group(1)
        low = name.lower()
        if low in COMMON_GIVEN_NAMES or (low not in _STOP_WORDS and low not in _NOT_A_NAME
                                         and not _VERBISH.search(low) and len(low) > 1):
            out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.5, "named_cue", canonical=low))
    for m in _TITLED.finditer(text):
        name = m.group(1)
        if name.lower() not in _NOT_A_NAME and name.lower() not in ("said", "says", "told", "was", "is"):
            out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.55, "named_cue",
                               canonical=name.lower()))
    for m in _NAMED.finditer(text):
        name = m.group(1)
        if name.lower() in _NOT_A_NAME or name.split()[0].lower() in _NOT_A_NAME:
            continue
        out.append(Finding(m.start(1), m.end(1), "PERSON", name, 0.55, "named_cue", canonical=name.lower()))
    return out
