"""Find what could identify someone in a piece of text (offline).

``detect`` runs our recognizers (the researcher's names and workplaces, spoken and written
phones, emails, street addresses, exact dates, ages over 89, ID numbers) and Presidio (spaCy
NER for unlisted people and places, its phone/email/SSN/card recognizers), then keeps one
finding per stretch of text: the one from the most specific recognizer. It proposes; a person
decides (see ``core.deid.review``).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable

from core.deid import dates as _dates
from core.deid import patterns
from core.deid.findings import Finding
from core.deid.names import NameMatcher, unlisted_people
from core.deid.numbers import number_runs, tokens

log = logging.getLogger(__name__)

# Presidio findings below this are dropped. Its phone recognizer scores 0.4 on plain US
# numbers, so the threshold sits under that (decision 0041).
PRESIDIO_MIN_SCORE = 0.35

# Which recognizer wins when two findings overlap: the most specific one.
_PRIORITY = {"email": 10, "spoken_email": 10, "ssn": 9, "phone": 9, "spoken_phone": 9,
             "street_address": 8, "street_address_es": 8, "zip_code": 8, "po_box": 8, "id_number": 8, "exact_date": 7, "age_over_89": 7,
             "name_list": 6, "workplace_list": 6, "name_list_cued": 5, "workplace_list_cued": 5,
             "street_name": 4, "name_fuzzy": 4, "named_cue": 3, "presidio": 2, "given_name_list": 1}
_STOP = {"i", "me", "my", "we", "you", "he", "she", "they", "it", "yeah", "okay", "ok", "um", "uh",
         "like", "so", "well", "the", "a", "oh", "mm", "hmm", "right", "no", "yes", "sir", "ma'am",
         "god", "lord", "jesus christ", "mom", "dad", "mama", "papa", "grandma", "grandpa"}


# spaCy refuses texts over its max_length (E088) and its memory grows with length; a long
# text (a segment pasted in whole) is read in windows cut at whitespace.
PRESIDIO_WINDOW_CHARS = 50_000


def _windows(text: str, size: int = PRESIDIO_WINDOW_CHARS) -> list[tuple[int, str]]:
    out, start = [], 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _presidio(text: str) -> list[Finding]:
    if len(text) > PRESIDIO_WINDOW_CHARS:
        return [dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
                for offset, piece in _windows(text) for f in _presidio(piece)]
    from core.deid.engine import PRESIDIO_TYPES, analyzer
    out: list[Finding] = []
    for r in analyzer().analyze(text=text, language="en", score_threshold=PRESIDIO_MIN_SCORE):
        etype = PRESIDIO_TYPES.get(r.entity_type, "ID_NUMBER")
        if etype in ("NRP", "DATE"):
            continue  # nationality alone does not identify; exact dates are ours
        start, end = r.start, r.end
        span = text[start:end]
        m = re.search(r"(?:['’]s|['’])$", span)
        if m and etype in ("PERSON", "WORKPLACE", "LOCATION"):
            end -= len(m.group())
            span = text[start:end]
        if etype in ("PERSON", "WORKPLACE", "LOCATION") and (
                span.lower().strip() in _STOP or not re.search(r"[A-Za-z]{2}", span)):
            continue
        canonical = re.sub(r"\s+", " ", span.lower()).strip()
        out.append(Finding(start, end, etype, span, float(r.score), "presidio", canonical=canonical))
    return out


def _resolve(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per stretch of text: the most specific, then the longest.

    A lower-ranked finding of the same type that sticks out of the winner widens it
    ("jennifer" from NER and "jennifer lopez" from the name list give "jennifer lopez"), so
    a partial overlap never leaves part of a name behind.
    """
    ranked = sorted(findings, key=lambda f: (-_PRIORITY.get(f.recognizer, 0), -f.length, -f.score, f.start))
    chosen: list[Finding] = []
    for f in ranked:
        if f.end <= f.start:
            continue
        hits = [i for i, c in enumerate(chosen) if f.start < c.end and c.start < f.end]
        if not hits:
            chosen.append(f)
            continue
        if len(hits) == 1:
            c = chosen[hits[0]]
            if c.entity_type == f.entity_type and (f.start < c.start or f.end > c.end):
                start, end = min(c.start, f.start), max(c.end, f.end)
                if not any(o.start < end and start < o.end for o in chosen if o is not c):
                    text = f.text if f.start == start and f.end == end else None
                    merged_text = text if text is not None else _union_text(c, f, start, end)
                    canonical = c.canonical if _PRIORITY.get(c.recognizer, 0) >= 5 else merged_text.lower()
                    chosen[hits[0]] = Finding(start, end, c.entity_type, merged_text, c.score, c.recognizer,
                                              canonical, c.label)
    return sorted(chosen, key=lambda f: f.start)


def _union_text(a: Finding, b: Finding, start: int, end: int) -> str:
    """The text of the union of two overlapping findings."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    text = first.text + second.text[first.end - second.start:] if second.end > first.end else first.text
    return text[: end - start]


def detect(text: str, *, names: Iterable[str | tuple[str, str]] = (), workplaces: Iterable[str] = (),
           use_presidio: bool = True, matcher: NameMatcher | None = None) -> list[Finding]:
    """Findings in ``text``, sorted by position, never overlapping.

    Args:
        text: Any text; lower-case conversational transcripts are expected.
        names: The interview's protected names, each a string (``"Robert Smith (Bob)"``) or a
            ``(name, role)`` pair; a role other than "person" becomes the entity type
            (``("Dana Ruiz", "supervisor")`` -> SUPERVISOR).
        workplaces: Employers, sites and teams to protect.
        use_presidio: False skips spaCy/Presidio (fast checks of our own recognizers).
        matcher: A prepared ``NameMatcher`` (instead of ``names``/``workplaces``) for callers
            that detect in many texts with the same lists.
    """
    if not text.strip():
        return []
    matcher = matcher or NameMatcher(names, workplaces)
    runs = number_runs(text, tokens(text))
    found: list[Finding] = []
    found += patterns.emails(text)
    found += patterns.phones(text, runs)
    found += patterns.addresses(text, runs)
    found += patterns.id_numbers(text, runs)
    found += patterns.ages(text, runs)
    found += _dates.dates(text)
    found += matcher.find(text)
    found += unlisted_people(text)
    if use_presidio:
        found += _presidio(text)
    result = _resolve(found)
    log.debug("detected %d findings (%d candidates) in %d chars", len(result), len(found), len(text))
    return result
