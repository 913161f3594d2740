"""Settings: the interview guides in this vault; edit a copy, import or export a guide file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note
from desktop.widgets.files import chooser


def _list(vault) -> list:
    from core.vault.guides import GuideRepo
    repo = GuideRepo(vault)
    repo.ensure_defaults()
    return repo.list()


def _open_draft(vault, pk: int):
    from core.guide.draft import GuideDraft
    from core.study.guide_versions import version_for
    from core.vault.guides import GuideRepo
    draft = GuideDraft.from_guide(GuideRepo(vault).get(pk).guide)
    return draft, version_for(vault, draft)


def _import(vault, path: Path):
    from core.guide.loader import read_guide_file
    from core.vault.guides import GuideRepo
    return GuideRepo(vault).import_yaml(read_guide_file(path), path.name)


def _export(vault, pk: int, path: Path) -> Path:
    from core.vault.files import write_output_file
    from core.vault.guides import GuideRepo
    return write_output_file(path, GuideRepo(vault).get(pk).yaml.encode("utf-8"))


class GuidesSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Interview guides"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Make the questions your own: edit a copy of a guide and save it as a new version. "
            "Interviews keep the version they used."), self))
        self.list = QListWidget(self)
        self.list.setObjectName("guides")
        self.list.setMaximumHeight(140)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.edit_button = button(self.tr("Edit a copy\u2026"), self, name="edit_guide")
        self.import_button = button(self.tr("Import a guide file\u2026"), self)
        self.export_button = button(self.tr("Save to a file\u2026"), self)
        for b in (self.edit_button, self.import_button, self.export_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.edit_button.clicked.connect(self._on_edit)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        self.editor = None

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_list, self.ctx.session.vault), self, succeeded=self._on_listed,
                      name="guides_list", serial=True)

    @Slot(object)
    def _on_listed(self, guides: list) -> None:
        self.list.clear()
        for g in guides:
            item = QListWidgetItem(self.tr("%1 \u2014 version %2 (%3)").replace("%1", g.guide.title).replace(
                "%2", g.guide.version).replace("%3", g.guide.language))
            item.setData(Qt.ItemDataRole.UserRole, g.pk)
            self.list.addItem(item)
        if self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(self.list.count() - 1)

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot()
    def _on_edit(self) -> None:
        pk = self._selected()
        if pk is not None:
            start_job(call(_open_draft, self.ctx.session.vault, pk), self,
                      succeeded=self._on_draft, name="guide_draft", serial=True)

    @Slot(object)
    def _on_draft(self, loaded: tuple) -> None:
        from desktop.guide_editor.guide_editor_dialog import GuideEditorDialog
        draft, version = loaded
        self.editor = GuideEditorDialog(self.ctx, draft, version, self)
        self.editor.saved.connect(self._on_saved)
        self.editor.show()

    @Slot(object)
    def _on_saved(self, stored: object) -> None:
        self.status.setText(self.tr("Saved \u201c%1\u201d version %2. New interviews can use it.").replace(
            "%1", stored.guide.title).replace("%2", stored.guide.version))
        self.refresh()

    @Slot()
    def _on_import(self) -> None:
        paths = chooser().open_files(self, self.tr("Import a guide file"), self.tr("Guides (*.yaml *.yml)"))
        if paths:
            start_job(call(_import, self.ctx.session.vault, paths[0]), self,
                      succeeded=self._on_saved, name="guide_import", serial=True)

    @Slot()
    def _on_export(self) -> None:
        pk = self._selected()
        if pk is None:
            return
        path = chooser().save_file(self, self.tr("Save the guide to a file"), "guide.yaml",
                                   self.tr("Guides (*.yaml)"))
        if path is not None:
            start_job(call(_export, self.ctx.session.vault, pk, path), self,
                      succeeded=self._on_exported, name="guide_export", serial=True)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
