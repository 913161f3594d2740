"""The words inside placeholders, in the interview's language: ``[PERSONA 1]``, ``[TELÉFONO]``.

Spanish marks gender on roles; the researcher chooses how a role reads (decision 0133):
``SUPERVISORA``, ``SUPERVISOR`` or both, ``SUPERVISORA/SUPERVISOR`` (the default, which says
nothing about the person), or a word of their own that ``check_word`` accepts (decision 0176).
The choice is a vault setting ``deid.placeholder.es.<TYPE>`` (``confidant deid
placeholder-word``, Settings → Placeholder words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.vault.db import Vault

SETTING_PREFIX = "deid.placeholder."

# Numbered types (people, roles, places) and the fixed labels, per language.
WORDS: dict[str, dict[str, str]] = {
    "es": {"PERSON": "PERSONA", "WORKPLACE": "LUGAR DE TRABAJO", "LOCATION": "LUGAR", "DATE": "FECHA",
           "SUPERVISOR": "SUPERVISORA/SUPERVISOR", "MANAGER": "GERENTE", "CO-WORKER": "COMPAÑERA/COMPAÑERO",
           "FAMILY": "FAMILIAR", "PARTICIPANT": "PARTICIPANTE", "OTHER": "OTRA PERSONA"},
}
FIXED: dict[str, dict[str, str]] = {
    "es": {"PHONE": "[TELÉFONO]", "EMAIL": "[CORREO]", "ADDRESS": "[DIRECCIÓN]",
           "ID_NUMBER": "[NÚMERO DE IDENTIFICACIÓN]", "AGE": "[EDAD: 90 o más]"},
}
# The roles whose word a researcher may change, and the forms suggested for each.
ROLES = ("SUPERVISOR", "MANAGER", "CO-WORKER", "FAMILY", "PARTICIPANT", "OTHER")
MAX_WORD_CHARS = 40
_WORD_CHAR = re.compile(r"[A-ZÁÉÍÓÚÑÜ /-]")   # what the placeholder patterns accept (gate, audit)
_WORD_CHAR_LETTER = re.compile(r"[A-ZÁÉÍÓÚÑÜ]")
CHOICES: dict[str, tuple[str, ...]] = {
    "SUPERVISOR": ("SUPERVISORA/SUPERVISOR", "SUPERVISORA", "SUPERVISOR"),
    "CO-WORKER": ("COMPAÑERA/COMPAÑERO", "COMPAÑERA", "COMPAÑERO"),
    "PARTICIPANT": ("PARTICIPANTE",),
    "MANAGER": ("GERENTE", "JEFA/JEFE", "JEFA", "JEFE"),
}


def base_language(language: str | None) -> str:
    return (language or "").lower().split("-")[0].split("_")[0]


def words_for(language: str | None, vault: Vault | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(numbered words, fixed labels) for ``language``; empty for English (the types as they are)."""
    lang = base_language(language)
    words = dict(WORDS.get(lang, {}))
    if vault is not None and words:
        for entity_type in ROLES:
            chosen = vault.get_setting(f"{SETTING_PREFIX}{lang}.{entity_type}")
            if chosen:
                words[entity_type] = chosen
    return words, dict(FIXED.get(lang, {}))


@dataclass(frozen=True)
class RoleWord:
    """How one role reads in a language's placeholders, for the screen that shows and changes it."""

    entity_type: str          # SUPERVISOR, CO-WORKER, ...
    word: str                 # what new placeholders say now
    default: str              # what they say when nobody chose
    suggestions: tuple[str, ...]

    @property
    def is_default(self) -> bool:
        return self.word == self.default


def preview(word: str, n: int = 1) -> str:
    """What a placeholder with ``word`` looks like: ``[SUPERVISORA 1]``."""
    return f"[{word} {n}]"


def role_words(vault: Vault, language: str = "es") -> list[RoleWord]:
    """Every role of ``language`` with its current word, its default and suggested forms."""
    lang = base_language(language)
    current, _fixed = words_for(lang, vault)
    defaults = WORDS.get(lang, {})
    return [RoleWord(t, current[t], defaults[t], CHOICES.get(t, (defaults[t],))) for t in ROLES if t in defaults]


def check_word(word: str, vault: Vault | None = None) -> str:
    """``word`` as it will read inside a placeholder (capitals, single spaces), or a plain refusal.

    A placeholder must stay one: letters (accents and Ñ too), spaces, "/" and "-" only — no
    brackets, digits or ":" that would end it early or read as its number — and never a name
    listed in the vault (it would carry that name into every packet)."""
    from core.errors import (
        PlaceholderWordBroken,
        PlaceholderWordEmpty,
        PlaceholderWordIsName,
        PlaceholderWordTooLong,
    )
    cleaned = " ".join((word or "").split()).upper()
    if not cleaned:
        raise PlaceholderWordEmpty()
    if len(cleaned) > MAX_WORD_CHARS:
        raise PlaceholderWordTooLong()
    if not all(_WORD_CHAR.match(ch) for ch in cleaned) or not (
            _WORD_CHAR_LETTER.match(cleaned[0]) and _WORD_CHAR_LETTER.match(cleaned[-1])):
        raise PlaceholderWordBroken()
    if vault is not None:
        from core.vault.interviews import InterviewRepo
        listed = {_fold(part) for name in InterviewRepo(vault).all_protected_names()
                  for part in re.split(r"[\s/-]+", name) if len(part) > 1}
        if any(_fold(part) in listed for part in re.split(r"[\s/-]+", cleaned)):
            raise PlaceholderWordIsName()
    return cleaned


def choose_word(vault: Vault, language: str, entity_type: str, word: str) -> str:
    """Set how a role reads in ``language``'s placeholders (checked by ``check_word``).

    New placeholders use it; placeholders already given keep their words."""
    from core.errors import InvalidInput, Msg
    lang, entity_type = base_language(language), entity_type.strip().upper()
    if lang not in WORDS:
        raise InvalidInput(Msg("deid.placeholder_language", language=language),
                           Msg("deid.placeholder_language.hint", languages=", ".join(sorted(WORDS))))
    roles = [t for t in ROLES if t in WORDS[lang]]
    if entity_type not in roles:
        raise InvalidInput(Msg("deid.placeholder_not_a_role", role=entity_type),
                           Msg("deid.placeholder_not_a_role.hint", roles=", ".join(roles)))
    cleaned = check_word(word, vault)
    vault.set_setting(f"{SETTING_PREFIX}{lang}.{entity_type}", cleaned)
    vault.audit("placeholder_word_changed", {"language": lang, "type": entity_type})
    return cleaned


def choose_words(vault: Vault, language: str, chosen: dict[str, str]) -> list[RoleWord]:
    """Set several roles' words at once (the Settings screen): every word is checked before any
    is kept, so a refused one changes nothing. A word equal to the default clears the choice."""
    defaults = WORDS.get(base_language(language), {})
    checked = {t.strip().upper(): check_word(w, vault) for t, w in chosen.items()}
    for entity_type, word in checked.items():
        if word == defaults.get(entity_type):
            reset_word(vault, language, entity_type)
        else:
            choose_word(vault, language, entity_type, word)
    return role_words(vault, language)


def reset_word(vault: Vault, language: str, entity_type: str) -> str:
    """Go back to the default word for a role; returns it."""
    lang, entity_type = base_language(language), entity_type.strip().upper()
    default = WORDS.get(lang, {}).get(entity_type, entity_type)
    vault.set_setting(f"{SETTING_PREFIX}{lang}.{entity_type}", "")
    vault.audit("placeholder_word_changed", {"language": lang, "type": entity_type})
    return default


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def type_word(entity_type: str, language: str | None) -> str:
    """How a screen names a redaction type in ``language`` ("PERSONA" for PERSON in Spanish)."""
    lang = base_language(language)
    if entity_type in WORDS.get(lang, {}):
        return WORDS[lang][entity_type]
    fixed = FIXED.get(lang, {}).get(entity_type)
    return fixed.strip("[]").split(":")[0] if fixed else entity_type
