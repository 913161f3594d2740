"""Consistent placeholders within one interview: the same person is ``[PERSON 1]`` throughout.

Numbered types (people, roles, workplaces, places) get one number per distinct original, in
order of first appearance; a first or last name alone joins the full name it belongs to.
Phones, emails, addresses and IDs get one fixed label; dates keep their month and year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.deid.findings import FIXED_LABEL_TYPES, is_person_type


def normalise(original: str) -> str:
    """The key a placeholder is filed under: lower case, single spaces, no possessive."""
    key = re.sub(r"\s+", " ", original.lower()).strip(" .,;:!?\"“”")
    return re.sub(r"(?:['’]s|['’])$", "", key)


class PseudonymBook:
    """Placeholders of one interview; seeded from the vault, extended as findings arrive."""

    def __init__(self, existing: Iterable[tuple[str, str, str]] = (), *,
                 words: tuple[dict[str, str], dict[str, str]] | None = None) -> None:
        # words: the placeholder words of the interview's language (placeholder_words.words_for)
        self._words, self._fixed = words or ({}, {})
        self._by_key: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}
        self.added: list[tuple[str, str, str]] = []  # (entity_type, key, placeholder) new this session
        for entity_type, key, placeholder in existing:
            self._remember(entity_type, key, placeholder)

    def _remember(self, entity_type: str, key: str, placeholder: str) -> None:
        self._by_key[(entity_type, key)] = placeholder
        m = re.search(r"(\d+)\]$", placeholder)
        if m:
            self._counts[entity_type] = max(self._counts.get(entity_type, 0), int(m.group(1)))

    def _same_person(self, entity_type: str, key: str) -> str | None:
        """A lone first or last name and the one full name it belongs to share a placeholder."""
        if " " in key:  # "maria gonzalez" after a lone "maria" was filed
            parts = key.split()
            matches = {p for (t, k), p in self._by_key.items()
                       if t == entity_type and " " not in k and k in (parts[0], parts[-1])}
        else:
            matches = {p for (t, k), p in self._by_key.items()
                       if t == entity_type and " " in k and key in k.split()}
        return matches.pop() if len(matches) == 1 else None

    def placeholder(self, entity_type: str, original: str, label: str = "") -> str:
        """The placeholder for ``original`` (filing a new one if needed)."""
        if entity_type == "DATE":
            word = self._words.get("DATE", "DATE")
            return f"[{word}: {label}]" if label else f"[{word}]"
        if entity_type in FIXED_LABEL_TYPES:
            return self._fixed.get(entity_type, FIXED_LABEL_TYPES[entity_type])
        key = normalise(original)
        found = self._by_key.get((entity_type, key))
        if found is None and is_person_type(entity_type):
            found = self._same_person(entity_type, key)
            if found is not None:
                self._by_key[(entity_type, key)] = found
                self.added.append((entity_type, key, found))
        if found is not None:
            return found
        number = self._counts.get(entity_type, 0) + 1
        placeholder = f"[{self._words.get(entity_type, entity_type)} {number}]"
        self._remember(entity_type, key, placeholder)
        self.added.append((entity_type, key, placeholder))
        return placeholder
