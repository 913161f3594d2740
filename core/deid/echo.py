"""A name said in full once is said in part later: "Maureen Holloway ... Holloway runs the floor".

The first pass takes a surname alone only with a cue (so "white" and "long" stay words). Once
a full name has been found anywhere in the interview, or is known to the vault, each of its
parts is that person wherever it stands alone in the same interview, in any casing, with a
possessive ("holloway's") and with or without accents (decision 0150).

Parts that are everyday words ("Rose" of "Rose Martin", "Long" of "Tina Long") still need a
capital in mixed-case text or a cue, like any word-name; one- and two-letter parts never echo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.deid.findings import Finding, is_person_type

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARTICLES = {"de", "del", "la", "las", "los", "el", "van", "der", "von", "da", "di", "du", "le", "dos", "das",
              "y", "e", "bin", "ibn", "al", "st", "saint", "mr", "mrs", "ms", "dr", "don", "doña", "señor", "señora"}
# Findings from these recognizers are a person's full name in the text (not a guess about one word).
_FULL_NAME_MIN_WORDS = 2


def full_names(findings: Iterable[Finding]) -> set[str]:
    """The multi-word person names among ``findings`` (lower case). A name only spaCy found
    counts when one of its words is a known first name or surname that is no everyday word
    (spaCy also calls "Desert Rose" a person)."""
    from core.deid.people import _kinds
    out: set[str] = set()
    for f in findings:
        if is_person_type(f.entity_type):
            words = [w for w in _WORD.findall(f.text) if w.lower() not in _PARTICLES]
            if len(words) < _FULL_NAME_MIN_WORDS:
                continue
            if f.recognizer == "presidio" and not any(
                    set(k := _kinds(w)) & {"f", "l"} and "w" not in k for w in words):
                continue
            out.add(" ".join(w.lower() for w in words))
    return out


def _parts(names: Iterable[str]) -> dict[str, str]:
    """Each usable part of each name -> the full name it belongs to."""
    from core.deid.names import fold
    from core.deid.people import _STOPS
    out: dict[str, str] = {}
    for name in names:
        for part in name.split():
            part = part.strip(".,'’")
            for piece in {part, *part.split("-")}:
                if len(piece) >= 3 and piece not in _STOPS and piece not in _PARTICLES:
                    out.setdefault(fold(piece), name)
    return out


def echo_people(text: str, names: Iterable[str], taken: Iterable[tuple[int, int]] = (),
                language: str = "en") -> list[Finding]:
    """Parts of ``names`` (full names found or known) standing alone in ``text``.

    Args:
        text: The text to search.
        names: Full names, e.g. from ``full_names(first_pass)`` and the vault.
        taken: Spans already proposed; an echo inside one is not repeated.
        language: The interview's language (word-names need a cue in either).
    """
    from core.deid.names import fold
    from core.deid.people import (
        _capitalised_mid_sentence,
        _cue,
        _is_mixed_case,
        _kinds,
        everyday_word,
    )
    parts = _parts(names)
    if not parts:
        return []
    spans = sorted(taken)
    folded = fold(text)
    mixed = _is_mixed_case(text)
    out: list[Finding] = []
    for m in _WORD.finditer(folded):
        word = m.group()
        low = word.lower()
        end = m.end()
        if low.endswith(("'s", "’s")):
            low, end = low[:-2], end - 2
        elif low.endswith(("'", "’")):
            low, end = low[:-1], end - 1
        full = parts.get(low)
        if full is None or any(s <= m.start() < e for s, e in spans):
            continue
        kinds = _kinds(low)
        # A part no lexicon holds that is an everyday word ("big" of "big lou", "míster" of
        # "míster collins") needs a cue like a word-name.
        if "w" in kinds or (language == "es" and "s" in kinds) or not kinds and everyday_word(low, language):
            original = text[m.start():end]
            if not (_cue(text, m.start(), end) == 2
                    or mixed and _capitalised_mid_sentence(text, m.start(), original)):
                continue
        out.append(Finding(m.start(), end, "PERSON", text[m.start():end], 0.6, "name_echo", canonical=full))
    return out
