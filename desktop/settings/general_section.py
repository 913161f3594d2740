"""Auto-lock minutes and language (app preferences, stored outside the vault)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from desktop.preferences import Preferences


class GeneralSection(QGroupBox):
    autolock_changed = Signal(int)
    language_changed = Signal(str)

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Locking and language"), parent)
        self.prefs = prefs
        form = QFormLayout(self)
        self.autolock = QSpinBox(self)
        self.autolock.setRange(1, 240)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.autolock.setValue(prefs.autolock_minutes)
        form.addRow(self.tr("Lock when not used for"), self.autolock)
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form.addRow(self.tr("Language"), self.language)
        self.restart_note = QLabel("", self)
        self.restart_note.setWordWrap(True)
        form.addRow("", self.restart_note)
        self.autolock.valueChanged.connect(self._on_autolock)
        self.language.currentIndexChanged.connect(self._on_language)

    @Slot(int)
    def _on_autolock(self, minutes: int) -> None:
        self.prefs.autolock_minutes = minutes
        self.autolock_changed.emit(minutes)

    @Slot(int)
    def _on_language(self, _index: int) -> None:
        lang = str(self.language.currentData())
        if lang != self.prefs.language:
            self.prefs.language = lang
            self.restart_note.setText(self.tr("The new language is used from the next start."))
            self.language_changed.emit(lang)
