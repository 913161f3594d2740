"""The words inside placeholders, in the interview's language: ``[PERSONA 1]``, ``[TELÉFONO]``.

Spanish marks gender on roles; the researcher chooses how a role reads (decision 0133):
``SUPERVISORA``, ``SUPERVISOR`` or both, ``SUPERVISORA/SUPERVISOR`` (the default, which says
nothing about the person). The choice is a vault setting
``deid.placeholder.es.<TYPE>`` (``confidant deid placeholder-word``).
"""

from __future__ import annotations

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
# The forms a researcher may choose for a Spanish role.
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
        for entity_type in CHOICES:
            chosen = vault.get_setting(f"{SETTING_PREFIX}{lang}.{entity_type}")
            if chosen:
                words[entity_type] = chosen
    return words, dict(FIXED.get(lang, {}))


def choose_word(vault: Vault, language: str, entity_type: str, word: str) -> str:
    """Set how a role reads in ``language``'s placeholders (one of ``CHOICES``)."""
    from core.errors import InvalidInput
    lang, entity_type, word = base_language(language), entity_type.upper(), word.strip().upper()
    allowed = CHOICES.get(entity_type, ())
    if lang not in WORDS or word not in allowed:
        raise InvalidInput(f"'{word}' cannot stand for {entity_type} here.",
                           f"Choose one of: {', '.join(allowed) or 'none (this role has one form)'}.")
    vault.set_setting(f"{SETTING_PREFIX}{lang}.{entity_type}", word)
    return word


def type_word(entity_type: str, language: str | None) -> str:
    """How a screen names a redaction type in ``language`` ("PERSONA" for PERSON in Spanish)."""
    lang = base_language(language)
    if entity_type in WORDS.get(lang, {}):
        return WORDS[lang][entity_type]
    fixed = FIXED.get(lang, {}).get(entity_type)
    return fixed.strip("[]").split(":")[0] if fixed else entity_type
