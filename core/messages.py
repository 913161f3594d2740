"""Stable ids for the words core shows people, and their translations (Qt-free).

Three kinds of text leave core for a person: the message and hint of every ``CoreError``
subclass, a message raised with details (``Msg``), and the ``stage`` of a ``Progress``. Each
gets a stable id so a translation does not depend on the English wording staying the same:
- ``error.<ClassName>``, ``hint.<ClassName>`` (and ``desktop_hint.<ClassName>``) for an
  error's own message and hints;
- ``stage.<name>`` for a progress stage (``STAGES`` below: id -> English);
- ``<package>.<what>`` for a message raised with details (``core/message_texts.py``).
Translations live in ``resources/translations/core.<lang>.json`` ({id: text}); the desktop
and the CLI use ``localise_error``, ``render`` and ``localise_stage``; the CLI finds the
person's language with ``person_language``. tests/unit/test_messages.py checks that every id
has a Spanish text with the same placeholders, and that no raise site in core writes its
message as plain text.
"""

from __future__ import annotations

import configparser
import functools
import importlib
import json
import os
import pkgutil
import sys
from pathlib import Path

import core
from core.errors import CoreError, Join, Msg

# The languages Confidant speaks (the interface and core's messages).
LANGUAGES = ("en", "es")

# Progress stages core reports (the English text is what core passes in ``Progress.stage``).
STAGES: dict[str, str] = {
    "stage.reading_audio": "Reading audio",
    "stage.loading_speech_model": "Loading the speech model",
    "stage.finding_language": "Finding the language",
    "stage.transcribing": "Transcribing",
    "stage.done": "Done",
    "stage.loading_theme_model": "Loading the theme model",
    "stage.finding_questions": "Finding the questions",
    "stage.suggesting_themes": "Suggesting themes",
    "stage.saving_suggestions": "Saving suggestions",
    "stage.preparing": "Preparing",
    "stage.preparing_summary": "Preparing the summary",
    "stage.sealing": "Sealing",
    "stage.saving": "Saving",
    "stage.saved": "Saved",
    "stage.importing_audio": "Importing audio",
    "stage.imported": "Imported",
    "stage.deleting": "Deleting",
    "stage.deleted": "Deleted",
    "stage.checking": "Checking",
    "stage.checking_nothing_left": "Checking that nothing is left",
    "stage.backing_up": "Backing up",
    "stage.restoring": "Restoring",
    "stage.writing_withdrawal": "Writing the withdrawal notice",
    "stage.deleting_expired_audio": "Deleting audio past its date",
    "stage.importing_packets": "Importing packets",
    "stage.finding_names": "Looking for names and numbers",
    "stage.watching_packets": "Watching for packets",
    "stage.finding_speakers": "Finding who spoke",
    "stage.learning_voice": "Learning your voice",
    "stage.loading_voice_model": "Loading the voice model",
}
_STAGE_IDS = {text: sid for sid, text in STAGES.items()}


def _resources() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    return base / "resources" / "translations"


@functools.cache
def translation_file(name: str, language: str) -> dict[str, str]:
    """{id: text} from resources/translations/<name>.<language>.json ({} for English or none).

    One loader for every catalogue core keeps (``core`` messages, ``reports`` words).
    """
    path = _resources() / f"{name}.{language}.json"
    if language == "en" or not path.is_file():
        return {}
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if v}


def catalogue(language: str) -> dict[str, str]:
    """The translations of core's messages into ``language`` ({} for English or none)."""
    return translation_file("core", language)


def error_classes() -> list[type[CoreError]]:
    """Every CoreError subclass in core (modules imported so none is missed)."""
    for info in pkgutil.walk_packages(core.__path__, "core."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional dependency missing here: its errors are not shown
            continue
    found, todo = [], [CoreError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.__name__)


def error_ids() -> dict[str, str]:
    """id -> English for every error class's own message and hint."""
    out: dict[str, str] = {}
    for cls in error_classes():
        if "user_message" in vars(cls):
            out[f"error.{cls.__name__}"] = cls.user_message
        if vars(cls).get("hint"):
            out[f"hint.{cls.__name__}"] = cls.hint
        if vars(cls).get("desktop_hint"):
            out[f"desktop_hint.{cls.__name__}"] = cls.desktop_hint
    return out


def _own_text(exc: CoreError, attr: str, prefix: str, language: str) -> str | None:
    """The translation of the class's own text, if the instance still uses it."""
    text = getattr(exc, attr)
    for cls in type(exc).__mro__:
        if attr in vars(cls) and issubclass(cls, CoreError):
            if vars(cls)[attr] == text:
                return catalogue(language).get(f"{prefix}.{cls.__name__}")
            return None
    return None


def localise_error(exc: CoreError, language: str, *, desktop: bool = False) -> tuple[str, str]:
    """(message, hint) in ``language`` where a translation exists, else as raised.

    ``desktop``: the hint for a window (``desktop_hint``) where the error has one.
    """
    texts = catalogue(language)
    if exc.message_id is not None:
        message = exc.message_id.render(texts)
    else:
        message = _own_text(exc, "user_message", "error", language) or exc.user_message
    if desktop and exc.desktop_hint:
        return message, _own_text(exc, "desktop_hint", "desktop_hint", language) or exc.desktop_hint
    if exc.hint_id is not None:
        return message, exc.hint_id.render(texts)
    hint = _own_text(exc, "hint", "hint", language) or exc.hint
    return message, hint


def render(msg: Msg | Join, language: str) -> str:
    """A message with an id, in ``language`` (English where no translation exists)."""
    return msg.render(catalogue(language))


def _settings_file() -> Path:
    """Where the desktop saves its preferences (Qt's INI file for Confidant, user scope)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "Confidant" / "confidant.ini"


def saved_language() -> str | None:
    """The interface language the desktop saved in its preferences, if any."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(_settings_file(), encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get("General", "language", fallback="").strip().strip('"')
    return value if value in LANGUAGES else None


def person_language(explicit: str | None = None) -> str:
    """The language to speak to the person in, outside the desktop (the CLI).

    In order: ``explicit`` (``--language``), ``CONFIDANT_LANG``, the interface language the
    desktop saved, the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English.
    """
    for value in (explicit, os.environ.get("CONFIDANT_LANG")):
        code = (value or "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    saved = saved_language()
    if saved:
        return saved
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:  # the first one set decides, as for gettext
            code = value.lower()[:2]
            return code if code in LANGUAGES else "en"
    return "en"


def stage_id(text: str) -> str | None:
    return _STAGE_IDS.get(text)


def localise_stage(text: str, language: str) -> str:
    sid = _STAGE_IDS.get(text)
    return catalogue(language).get(sid, text) if sid else text
