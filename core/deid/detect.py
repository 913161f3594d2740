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
from core.deid import spelled as _spelled
from core.deid.email_said import given_names, said_emails
from core.deid.findings import Finding, is_person_type, is_place_note
from core.deid.initials import initialled_names, initials_people
from core.deid.names import NameMatcher, unlisted_people
from core.deid.nicknamed import nickname_mentions, nicknamed_people, nicknames_beside_names
from core.deid.numbers import number_runs, tokens
from core.deid.people import lexicon_people, linked_people
from core.deid.readings import drop_place_readings
from core.deid.workplaces import attach_locators, listed_parts, sort_out, workplace_phrases
from core.errors import CoreError, TaggerUnavailable

log = logging.getLogger(__name__)

# Presidio findings below this are dropped. Its phone recognizer scores 0.4 on plain US
# numbers, so the threshold sits under that (decision 0041).
PRESIDIO_MIN_SCORE = 0.35

# Which recognizer wins when two findings overlap: the most specific one.
_PRIORITY = {"email": 10, "spoken_email": 10, "email_echo": 7, "ssn": 9, "id_code": 9, "phone": 9, "spoken_phone": 9,
             "street_address": 8, "street_address_es": 8, "zip_code": 8, "po_box": 8, "id_number": 8, "exact_date": 7, "age_over_89": 7,
             "name_list": 6, "name_spelled": 6, "spelled_id": 8, "spelled_cued": 5, "workplace_list": 6, "name_list_cued": 5, "nickname_cue": 5, "initials": 4, "workplace_list_cued": 5, "workplace_list_part": 5,
             "street_name": 4, "address_context": 4, "name_fuzzy": 4, "name_echo": 4, "workplace_phrase": 4, "named_cue": 3, "name_lexicon": 3, "presidio": 2, "given_name_list": 1,
             "learned_tagger": 1}
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


def _presidio(text: str, language: str = "en") -> list[Finding]:
    if len(text) > PRESIDIO_WINDOW_CHARS:
        return [dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
                for offset, piece in _windows(text) for f in _presidio(piece, language)]
    from core.deid.engine import PRESIDIO_TYPES, analyzer
    out: list[Finding] = []
    kind = "es" if language == "es" else "confidant"
    for r in analyzer(kind).analyze(text=text, language=language, score_threshold=PRESIDIO_MIN_SCORE):
        etype = PRESIDIO_TYPES.get(r.entity_type, "ID_NUMBER")
        if etype in ("NRP", "DATE"):
            continue  # nationality alone does not identify; exact dates are ours
        start, end = r.start, r.end
        span = text[start:end]
        m = re.search(r"(?:['’]s|['’])$", span)
        if m and etype in ("PERSON", "WORKPLACE", "LOCATION"):
            end -= len(m.group())
            span = text[start:end]
        if etype in ("PERSON", "WORKPLACE", "LOCATION"):
            start, end = _trim_stop_words(text, start, end)
            span = text[start:end]
        if etype in ("PERSON", "WORKPLACE", "LOCATION") and (
                span.lower().strip() in _STOP or not re.search(r"[^\W\d_]{2}", span)):
            continue
        if etype == "PERSON" and not _plausible_person(text, start, end, language):
            continue
        if etype in ("LOCATION", "WORKPLACE") and not _plausible_place(text, start, end):
            continue
        if etype == "LOCATION" and _named_like_a_person(text, start, end):
            etype = "PERSON"  # "then Oyelowo got moved to days": a person, not a town (decision 0195)
        if etype == "PERSON" and span.lower() in _speaker_labels():
            continue  # "Participant: yes", "Entrevistadora:" read as a town: a turn's label (0232)
        canonical = re.sub(r"\s+", " ", span.lower()).strip()
        out.append(Finding(start, end, etype, span, float(r.score), "presidio", canonical=canonical))
    return out


CHUNK_CHARS = 20_000
_TITLE_WORDS = {"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "don", "doña", "dona", "señor", "señora",
                "senor", "senora", "señorita", "sr", "sra", "srta", "sir", "madam"}
_CUT = re.compile(r"\n|(?<=[.!?])\s")


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most CHUNK_CHARS, at a line or sentence end where one is
    near (else at a space, else anywhere), with each piece's offset."""
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK_CHARS)
        if end < len(text):
            window = text[pos + CHUNK_CHARS // 2:end]
            cuts = [m.end() for m in _CUT.finditer(window)]
            if cuts:
                end = pos + CHUNK_CHARS // 2 + cuts[-1]
            else:
                space = text.rfind(" ", pos + CHUNK_CHARS // 2, end)
                end = space + 1 if space > 0 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _presidio_any_case(text: str, language: str) -> list[Finding]:
    """spaCy's NER on ``text``; text in capitals ("MY SUPERVISOR MARIA") is read in lower case,
    which the models handle better, and spans are mapped back (same length)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        low = text.lower()
        if len(low) == len(text):
            return [Finding(f.start, f.end, f.entity_type, text[f.start:f.end], f.score, f.recognizer,
                            f.canonical, f.label) for f in _presidio(low, language)]
    return _presidio(text, language)


def _speaker_labels() -> set[str]:
    from core.deid.people import _LABELS
    return _LABELS


def _trim_stop_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop function words at the edges of an NER span ("guadalupe martínez me" -> the name)."""
    from core.deid.people import _STOPS
    words = list(re.finditer(r"[^\s,.;:!?]+", text[start:end]))
    while words and words[-1].group().lower() in _STOPS:
        words.pop()
    while words and (words[0].group().lower() in _STOPS or words[0].group().lower().rstrip(".") in _TITLE_WORDS):
        words.pop(0)  # "doña maricela ibarra" -> the name; the title stays readable
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def _plausible_person(text: str, start: int, end: int, language: str = "en") -> bool:
    """spaCy reads lower-case speech poorly ("an hour" as a PERSON): a span with no capital
    stays only if one of its words is a known name that is not an everyday word, or a cue
    ("told X", "X said") stands next to it. The Spanish model also calls a capitalised verb
    at a sentence's start a person ("Entré a trabajar", "Vivo en"): one word there needs the
    same (decision 0153)."""
    span = text[start:end]
    from core.deid.people import _cue, _kinds
    if language == "es" and " " not in span.strip() and span[:1].isupper() and _at_sentence_start(text, start):
        kinds = _kinds(span)
        return bool(kinds and "w" not in kinds and "s" not in kinds) or _cue(text, start, end) == 2
    if any(ch.isupper() for ch in span):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", span)
    if any((k := _kinds(w)) and "w" not in k for w in words):
        return True
    return _cue(text, start, end) == 2


def _named_like_a_person(text: str, start: int, end: int) -> bool:
    """A one-word capitalised "place" with no place word or article before it ("then Oyelowo got
    moved", "después Barragán consiguió"): towns are said after "in/from/en/de", people are
    not. Now that a place alone is only a note, spaCy's mistake would leave the name in."""
    span = text[start:end].strip()
    if " " in span or not span[:1].isupper() or span[1:].isupper() or \
            _PLACE_BEFORE.search(text[max(0, start - 24):start]):
        return False
    prev = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 20):start])
    return not (prev and prev.group(1).lower() in _ARTICLES)


_ARTICLES = {"the", "a", "an", "this", "that", "el", "la", "los", "las", "un", "una", "este", "esta", "ese", "esa"}


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".?!:\n\"“¿¡"


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|on|by|around|en|de|del|desde|hasta|para|por|a|al|cerca\s+de|"
                           r"city|town|pueblo|ciudad|rancho|estado|state|county|condado)\s+(?:the\s+|la\s+|el\s+)?$",
                           re.IGNORECASE)


def _plausible_place(text: str, start: int, end: int) -> bool:
    """spaCy's Spanish model calls everyday lower-case words places ("días malos"): a one-word
    place or organisation with no capital stays only after a place word ("en fresno", "from
    oaxaca") or when it is a known name (decision 0153)."""
    span = text[start:end]
    if any(ch.isupper() for ch in span) or " " in span.strip():
        return True
    from core.deid.people import _kinds
    kinds = _kinds(span)
    if kinds and "w" not in kinds and "s" not in kinds:
        return True
    return bool(_PLACE_BEFORE.search(text[max(0, start - 24):start]))


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
        if f.recognizer == _LEARNED:
            _join_learned(chosen, f, hits)
            continue
        if len(hits) == 1:
            c = chosen[hits[0]]
            same_kind = _same_kind(c, f)
            if same_kind and (f.start < c.start or f.end > c.end):
                start, end = min(c.start, f.start), max(c.end, f.end)
                if not any(o.start < end and start < o.end for o in chosen if o is not c):
                    text = f.text if f.start == start and f.end == end else None
                    merged_text = text if text is not None else _union_text(c, f, start, end)
                    canonical = c.canonical if _PRIORITY.get(c.recognizer, 0) >= 5 else merged_text.lower()
                    chosen[hits[0]] = Finding(start, end, c.entity_type, merged_text, c.score, c.recognizer,
                                              canonical, c.label)
    return sorted(chosen, key=lambda f: f.start)


def _same_kind(a: Finding, b: Finding) -> bool:
    return a.entity_type == b.entity_type or is_person_type(a.entity_type) and is_person_type(b.entity_type)


def _join_learned(chosen: list[Finding], f: Finding, hits: list[int]) -> None:
    """Place a learned span ``f`` that overlaps the findings ``chosen[hits]`` (decision 0236).

    The rules win a type conflict: ``f`` is dropped when it overlaps a finding of another type or
    two findings. One finding of the same type is widened to cover ``f`` and keeps its type and
    pseudonym ("fourteenth avenue" + the tagger's "fourteenth avenue south"). A street address or
    workplace over place notes takes them in ("2231 east 14th street, apartment 3b, oakland":
    the town was only a note).
    """
    notes = [i for i in hits if is_place_note(chosen[i].entity_type) and f.entity_type in ("ADDRESS", "WORKPLACE")]
    rest = [i for i in hits if i not in notes]
    if len(rest) > 1 or rest and not _same_kind(chosen[rest[0]], f):
        chosen += _outside(f, [chosen[i] for i in hits])
        return
    merged = chosen[rest[0]] if rest else f
    for other in [f] + [chosen[i] for i in notes]:
        start, end = min(merged.start, other.start), max(merged.end, other.end)
        if (start, end) != (merged.start, merged.end):
            text = _union_text(merged, other, start, end)
            canonical = merged.canonical if _PRIORITY.get(merged.recognizer, 0) >= 5 else text.lower()
            merged = Finding(start, end, merged.entity_type, text, merged.score, merged.recognizer, canonical,
                             merged.label)
    keep = [c for i, c in enumerate(chosen) if i not in hits]
    if any(o.start < merged.end and merged.start < o.end for o in keep):
        chosen += _outside(f, [chosen[i] for i in hits])
        return
    chosen[:] = keep + [merged]


def _outside(f: Finding, inside: list[Finding]) -> list[Finding]:
    """The stretches of learned span ``f`` outside the findings ``inside``, each trimmed to its
    letters and digits: the rules keep what they found and its type, and nothing the tagger
    read as an identifier is left out ("marisol's address, 412 pine" with the name found)."""
    out: list[Finding] = []
    pos = f.start
    for c in sorted(inside, key=lambda c: c.start) + [Finding(f.end, f.end, "", "", 0.0, "")]:
        lo, hi = pos, min(c.start, f.end)
        piece = f.text[lo - f.start:hi - f.start]
        m = re.search(r"[^\W_](?:.*[^\W_])?", piece, re.DOTALL)
        if m and len(m.group()) > 1:
            s, e = lo + m.start(), lo + m.end()
            out.append(Finding(s, e, f.entity_type, f.text[s - f.start:e - f.start], f.score, f.recognizer,
                               " ".join(f.text[s - f.start:e - f.start].lower().split())))
        pos = max(pos, c.end)
    return out


def _person_parts(matcher: NameMatcher) -> dict[str, str]:
    """Each word of a listed person's names, and each two or three words said together ("Pa Houa"
    spelled "P-A-H-O-U-A"), with the person's type (to find it spelled out)."""
    out: dict[str, str] = {}
    for e in matcher.entities:
        if is_person_type(e.entity_type):
            for v in e.exact | e.cued:
                words = re.findall(r"[^\W\d_]+", v)
                out.update({"".join(words[i:i + n]): e.entity_type
                            for n in (1, 2, 3) for i in range(len(words) - n + 1)})
    return out


def _union_text(a: Finding, b: Finding, start: int, end: int) -> str:
    """The text of the union of two overlapping findings."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    text = first.text + second.text[first.end - second.start:] if second.end > first.end else first.text
    return text[: end - start]


def with_echoes(text: str, findings: list[Finding], known_people: Iterable[str] = (),
                language: str = "en") -> list[Finding]:
    """``findings`` plus the lone parts of every full name among them or in ``known_people``, and
    the phones, IDs and ages among them said again (``core.deid.number_echo``)."""
    from core.deid.echo import echo_people, full_names
    from core.deid.number_echo import number_echoes
    names = full_names(findings) | {n.lower() for n in known_people}
    echoes = echo_people(text, names, [(f.start, f.end) for f in findings], language)
    echoes += number_echoes(text, findings)
    return _resolve(findings + echoes) if echoes else findings


# Learned models whose spans join the rules' findings: modules with a
# ``learned_findings(text, *, language, names, workplaces) -> list[Finding]`` (decision 0236).
LEARNED_MODELS = ("core.deid.tagger",)
_LEARNED = "learned_tagger"


def learned_spans(text: str, language: str, matcher: NameMatcher, rules: Iterable[Finding] = ()) -> list[Finding]:
    """Every learned model's proposals in ``text``, for the interview's listed names and workplaces;
    a proposal that overlaps none of the rules' candidates ``rules`` (place notes aside) must pass
    ``tagger.lone_checked`` (decision 0245).

    Raises:
        TaggerUnavailable: a model's file is missing or damaged (callers say so; see ``detect``).
    """
    import importlib

    from core.deid.tagger import listed
    names, workplaces = listed(matcher)
    out: list[Finding] = []
    for module in LEARNED_MODELS:
        out += importlib.import_module(module).learned_findings(text, language=language, names=names,
                                                                 workplaces=workplaces)
    from core.deid.tagger import lone_checked
    return lone_checked(text, out, [(f.start, f.end) for f in rules if not is_place_note(f.entity_type)])


def learned_problem() -> CoreError | None:
    """Why the learned models cannot run (missing or damaged file), or None when they can: a
    scan that ran on the rules alone must say so."""
    import importlib
    for module in LEARNED_MODELS:
        try:
            importlib.import_module(module).check_model()
        except TaggerUnavailable as exc:
            return exc
    return None


def detect(text: str, *, names: Iterable[str | tuple[str, str]] = (), workplaces: Iterable[str] = (),
           use_presidio: bool = True, matcher: NameMatcher | None = None,
           language: str = "en", known_people: Iterable[str] = (), use_learned: bool = True) -> list[Finding]:
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
        language: "en" or "es": which spaCy pipeline reads the text. Our own recognizers
            (lexicon, cues, numbers, addresses, phones) know both languages and always run,
            so mixed English/Spanish speech is covered either way.
        known_people: Full names found elsewhere in the interview or the vault; their parts
            alone ("holloway") are persons here too (``core.deid.echo``).
        use_learned: False leaves out the learned models (``LEARNED_MODELS``). When their file is
            missing or damaged the rules still run and ``learned_problem()`` says why; callers
            that show a scan (the CLI, the review job) report it.
    """
    if not text.strip():
        return []
    matcher = matcher or NameMatcher(names, workplaces)
    if len(text) > CHUNK_CHARS:
        # spaCy refuses texts over a million characters (E088) and its memory grows with the
        # text; a transcript is read in pieces cut at line or sentence ends.
        out: list[Finding] = []
        for base, piece in _pieces(text):
            out += [Finding(f.start + base, f.end + base, f.entity_type, f.text, f.score, f.recognizer,
                            f.canonical, f.label)
                    for f in detect(piece, matcher=matcher, use_presidio=use_presidio, language=language,
                                    known_people=known_people, use_learned=use_learned)]
        # A nickname given in one piece is the person in every piece (decision 0218).
        nicks = {f.canonical for f in out if f.recognizer == "nickname_cue"}
        out = sorted(out + nickname_mentions(text, nicks, [(f.start, f.end) for f in out], language),
                     key=lambda f: f.start)
        return with_echoes(text, out, known_people, language)
    runs = number_runs(text, tokens(text))
    found: list[Finding] = []
    found += patterns.emails(text)
    found += patterns.phones(text, runs)
    found += patterns.addresses(text, runs)
    found += patterns.id_numbers(text, runs)
    found += patterns.ages(text, runs)
    found += _dates.dates(text)
    found += matcher.find(text)
    found += workplace_phrases(text)
    found += listed_parts(text, [e.canonical for e in matcher.entities if e.entity_type == "WORKPLACE"])
    found += unlisted_people(text, language)
    found += lexicon_people(text, language)
    found += nicknamed_people(text, language)
    found += initials_people(text)
    if use_presidio:
        found += _presidio_any_case(text, language if language in ("en", "es") else "en")
    if use_learned:
        try:
            found += learned_spans(text, language, matcher, found)
        except TaggerUnavailable:
            log.warning("learned tagger unavailable: this scan uses the rules alone")
    from core.deid.address_context import address_context
    from core.deid.addresses import join_places
    first = _spelled.spelled(text, _resolve(drop_place_readings(text, found)), _person_parts(matcher))
    first = initialled_names(text, _resolve(said_emails(text, first)))
    called = given_names(first, _person_parts(matcher))
    if called:  # the name someone's e-mail gives them, wherever they are called by it
        first = _resolve(first + nickname_mentions(text, called, [(f.start, f.end) for f in first], language))
    first = _resolve(first + linked_people(text, first))
    first = _resolve(first + nicknames_beside_names(text, first, language))
    resolved = attach_locators(text, join_places(text, sort_out(text, first)))
    near_home = address_context(text, resolved)  # flats, echoes and crossings of a found address (0251)
    if near_home:
        resolved = join_places(text, _resolve(resolved + near_home))
    result = with_echoes(text, resolved, known_people, language)
    log.debug("detected %d findings (%d candidates) in %d chars", len(result), len(found), len(text))
    return result
