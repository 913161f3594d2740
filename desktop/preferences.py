"""App preferences that are not participant data: auto-lock minutes, language, vault folder.

They live in a QSettings INI file (outside the vault) because they are needed before the
vault is unlocked (which language to show the unlock screen in, how soon to lock). Nothing
here is secret. Tests pass their own file path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_AUTOLOCK_MINUTES = 10
LANGUAGES = ("en", "es")
ENGINES = ("faster-whisper", "openai-whisper")


class Preferences:
    """Typed access to the app's INI settings."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "Confidant", "confidant")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: str) -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: str) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    @property
    def autolock_minutes(self) -> int:
        try:
            return max(1, int(self._get("autolock_minutes", str(DEFAULT_AUTOLOCK_MINUTES))))
        except ValueError:
            return DEFAULT_AUTOLOCK_MINUTES

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self._set("autolock_minutes", str(max(1, int(minutes))))

    @property
    def language(self) -> str:
        lang = self._get("language", "en")
        return lang if lang in LANGUAGES else "en"

    @language.setter
    def language(self, lang: str) -> None:
        self._set("language", lang if lang in LANGUAGES else "en")

    @property
    def vault_folder(self) -> str:
        return self._get("vault_folder", "")

    @vault_folder.setter
    def vault_folder(self, folder: str) -> None:
        self._set("vault_folder", folder)

    @property
    def engine(self) -> str:
        engine = self._get("engine", ENGINES[0])
        return engine if engine in ENGINES else ENGINES[0]

    @engine.setter
    def engine(self, engine: str) -> None:
        self._set("engine", engine)

    @property
    def model(self) -> str:
        return self._get("model", "")

    @model.setter
    def model(self, name: str) -> None:
        self._set("model", name)
