"""Which language an interview is in, and which installed model speaks it.

Language is a property of the interview (DESIGN.md, decision 10): it comes from the
interview's guide, which is chosen when the interview is created (``--guide`` or
``--language`` on the CLI, the guide list in the desktop). Nothing here needs a flag:
- a known language picks the model set for it (setting ``transcription.model.<lang>``), else
  the built-in default for it: tiny.en for English, the bundled multilingual base for every
  other language (tiny.en cannot write Spanish: it turns it into English nonsense);
- an unknown language (no guide) is detected on the first 30 s of speech with a multilingual
  model, and the transcript says which language was found and how sure the model was.

See docs/decisions/0130-language-drives-the-model.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import Join, ModelNotInstalled, Msg
from core.transcription.registry import ModelInfo, find_model, list_models

if TYPE_CHECKING:
    from core.vault.db import Vault

DETECT_S = 30.0                       # Whisper decides a language from one 30 s window
BUILTIN_DEFAULTS = {"en": "tiny.en"}  # any other language: the first multilingual model
MULTILINGUAL_DEFAULT = "base"
SETTING_PREFIX = "transcription.model."
LEGACY_SETTING = "transcription.model"  # one model for everything (before per-language)
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


LANGUAGE_WORDS = {"en": Msg("transcription.language_en"), "es": Msg("transcription.language_es")}


def language_word(code: str) -> Msg | str:
    """The language's name as a message (rendered in the person's language); else the code."""
    return LANGUAGE_WORDS.get(code) or code or Msg("transcription.language_unknown")


def language_name(code: str) -> str:
    """"Spanish" for es; the code itself for a language without a name here."""
    return LANGUAGE_NAMES.get(code, code or "unknown")


def base_language(code: str | None) -> str:
    """The two-letter part of a code such as es-MX ("" for none)."""
    return (code or "").strip().lower().split("-")[0].split("_")[0]


def interview_language(vault: Vault, interview_id: str) -> str:
    """The interview's language from its guide; "" when it has no guide (detect it)."""
    from core.vault.guides import GuideRepo

    stored = GuideRepo(vault).for_interview(interview_id)
    return base_language(stored.guide.language) if stored is not None else ""


def speaks(model: ModelInfo, language: str) -> bool:
    """Whether the model can transcribe this language ("" means: can it detect one?)."""
    if model.is_multilingual:
        return True
    return bool(language) and language in model.languages


def default_models(vault: Vault) -> dict[str, str]:
    """The default model per language as set in the vault (``{"es": "base"}``)."""
    found = {lang: vault.get_setting(SETTING_PREFIX + lang) for lang in LANGUAGE_NAMES}
    return {lang: name for lang, name in found.items() if name}


def set_default_model(vault: Vault, language: str, name: str) -> ModelInfo:
    """Make ``name`` the model for ``language``; refuses a model that cannot speak it."""
    language = base_language(language)
    info = find_model(name, vault)
    if not speaks(info, language):
        raise ModelNotInstalled(Msg("transcription.model_only_understands", name=name, languages=Join([language_word(x) for x in info.languages], ", ")),
                                Msg("transcription.model_only_understands.hint"))
    vault.set_setting(SETTING_PREFIX + language, name)
    return info


def _first(names: list[str], installed: dict[str, ModelInfo], language: str) -> ModelInfo | None:
    for name in names:
        info = installed.get(name)
        if info is not None and speaks(info, language):
            return info
    return None


def model_for(vault: Vault | None, language: str, requested: str | None = None) -> ModelInfo:
    """The model to transcribe ``language`` with ("" = unknown: a model that can detect it).

    Order: the model asked for by name; the vault's setting for this language; the old
    single-model setting if it speaks the language; the built-in default for the language;
    any installed model that speaks it. A named model that cannot speak the language is
    refused rather than allowed to write nonsense.
    """
    language = base_language(language)
    if requested:
        named = find_model(requested, vault)
        if language and not speaks(named, language):
            raise ModelNotInstalled(
                Msg("transcription.model_cannot_transcribe", requested=requested, language=language_word(language)),
                Msg("transcription.model_cannot_transcribe.hint"))
        return named
    installed = {m.name: m for m in list_models(vault)}
    names: list[str] = []
    if vault is not None:
        setting = vault.get_setting(SETTING_PREFIX + language) if language else None
        names += [n for n in (setting, vault.get_setting(LEGACY_SETTING)) if n]
    names.append(BUILTIN_DEFAULTS.get(language, MULTILINGUAL_DEFAULT) if language else MULTILINGUAL_DEFAULT)
    names += sorted(installed, key=lambda n: (not installed[n].is_multilingual, installed[n].size_bytes))
    info = _first(names, installed, language)
    if info is None:
        if not language and "tiny.en" in installed:
            return installed["tiny.en"]  # nothing can detect: English is the best guess
        raise ModelNotInstalled(
            Msg("transcription.no_installed_speech_model", language=language_word(language)),
            Msg("transcription.no_installed_speech_model.hint"))
    return info
