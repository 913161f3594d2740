"""Speech recognition models: what is installed, import one, choose the default."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.preferences import ENGINES
from desktop.widgets.buttons import button
from desktop.widgets.files import chooser


def _list_models(vault) -> list:
    from core.transcription.registry import list_models
    return list_models(vault)


def _defaults(vault) -> dict[str, str]:
    """The model each interview language is transcribed with (set, or built in)."""
    from core.transcription.language import LANGUAGE_NAMES, model_for
    return {lang: model_for(vault, lang).name for lang in LANGUAGE_NAMES}


def _set_default(vault, language: str, name: str) -> object:
    from core.transcription.language import set_default_model
    return set_default_model(vault, language, name)


def _import_model(vault, path) -> object:
    from core.transcription.registry import import_model
    return import_model(vault, path)


class ModelsSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Speech recognition"), parent)
        self.ctx = ctx
        self.models: list = []
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(140)
        layout.addWidget(self.list)
        form = QFormLayout()
        self.engine = QComboBox(self)
        for engine in ENGINES:
            self.engine.addItem(engine, engine)
        self.engine.setCurrentIndex(max(0, self.engine.findData(ctx.prefs.engine)))
        form.addRow(self.tr("Engine"), self.engine)
        # One model per interview language (the interview's guide says which language).
        self.models_by_language = {"en": QComboBox(self), "es": QComboBox(self)}
        form.addRow(self.tr("Model for English interviews"), self.models_by_language["en"])
        form.addRow(self.tr("Model for Spanish interviews"), self.models_by_language["es"])
        self.model = self.models_by_language["en"]
        layout.addLayout(form)
        self.import_button = button(self.tr("Import a model from your coordinator\u2026"), self)
        layout.addWidget(self.import_button)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.engine.currentIndexChanged.connect(self._on_engine)
        self.models_by_language["en"].currentIndexChanged.connect(self._on_model_en)
        self.models_by_language["es"].currentIndexChanged.connect(self._on_model_es)
        self.import_button.clicked.connect(self._on_import)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(lambda r, c, v=self.ctx.session.vault: (_list_models(v), _defaults(v)), self,
                      succeeded=self._on_listed, failed=self._on_failed, name="list_models")

    @Slot(object)
    def _on_listed(self, listed: tuple) -> None:
        models, defaults = listed
        self.models = models
        self.list.clear()
        for m in models:
            langs = self.tr("many languages") if m.is_multilingual else ", ".join(m.languages)
            where = self.tr("imported") if m.source == "vault" else self.tr("built in")
            self.list.addItem(f"{m.name} \u2014 {langs}, {m.size_bytes // 1_000_000} MB, {where}")
            # The checksum lets the person compare it with the one their coordinator sent.
            self.list.item(self.list.count() - 1).setToolTip(f"SHA-256 {m.sha256}")
        for lang, combo in self.models_by_language.items():
            combo.blockSignals(True)
            combo.clear()
            for m in models:
                if m.is_multilingual or lang in m.languages:  # tiny.en is never offered for Spanish
                    combo.addItem(m.name, m.name)
            combo.setCurrentIndex(max(0, combo.findData(defaults.get(lang))))
            combo.blockSignals(False)

    @Slot(int)
    def _on_engine(self, _i: int) -> None:
        self.ctx.prefs.engine = str(self.engine.currentData())

    @Slot(int)
    def _on_model_en(self, _i: int) -> None:
        self._choose("en")

    @Slot(int)
    def _on_model_es(self, _i: int) -> None:
        self._choose("es")

    def _choose(self, language: str) -> None:
        name = self.models_by_language[language].currentData()
        if name and self.ctx.session.is_unlocked:
            start_job(call(_set_default, self.ctx.session.vault, language, str(name)), self,
                      failed=self._on_failed, name="set_default_model")

    @Slot()
    def _on_import(self) -> None:
        folder = chooser().folder(self, self.tr("Choose the model folder"))
        if folder is None or not self.ctx.session.is_unlocked:
            return
        self.status.setText(self.tr("Importing the model\u2026"))
        start_job(call(_import_model, self.ctx.session.vault, folder), self,
                  succeeded=self._on_imported, failed=self._on_failed, name="import_model",
                  serial=False)  # copying a model takes a while

    @Slot(object)
    def _on_imported(self, info: object) -> None:
        # Show the checksum so it can be compared with the one the coordinator gave.
        self.status.setText(self.tr("Model {name} imported. SHA-256 checksum: {sha}").format(
            name=getattr(info, "name", ""), sha=getattr(info, "sha256", "")))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.status.clear()
        show_error(self, exc)
