"""Settings: the paper size of every PDF Confidant writes (kept in the vault)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from desktop.context import AppContext
from desktop.jobs import call, start_job


def _get(vault) -> str:
    from core.reports.fonts import use_paper_of
    return use_paper_of(vault)


def _set(vault, paper: str) -> str:
    from core.reports.fonts import set_paper
    return set_paper(vault, paper)


class PaperSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Printed reports"), parent)
        self.ctx = ctx
        form = QFormLayout(self)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paper")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.addItem(self.tr("A4"), "a4")
        form.addRow(self.tr("Paper size of every PDF"), self.paper)
        self._loading = False
        self.paper.currentIndexChanged.connect(self._on_changed)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_get, self.ctx.session.vault), self, succeeded=self._on_loaded,
                      name="paper_load", serial=True)

    @Slot(object)
    def _on_loaded(self, paper: str) -> None:
        self._loading = True
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self._loading = False

    @Slot(int)
    def _on_changed(self, _index: int) -> None:
        if self._loading or not self.ctx.session.is_unlocked:
            return
        paper = self.paper.currentData()
        start_job(call(_set, self.ctx.session.vault, paper), self,
                  name="paper_set", serial=True)
