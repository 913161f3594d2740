"""Settings: the study this laptop joined, and joining one from its file."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.study.join_flow import JoinFlow
from desktop.widgets.buttons import button, note


def _load(vault) -> tuple[str, int, tuple[str, ...]] | None:
    from core.study.service import joined_study
    signed = joined_study(vault)
    return None if signed is None else (signed.study.title, signed.study.version, signed.study.sites)


class StudySection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your study"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("This laptop has not joined a study yet."), self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("study_summary")
        layout.addWidget(self.summary)
        layout.addWidget(note(self.tr(
            "Your coordinator can send one study file that sets everything up: the interview "
            "guides, the sites, and where your shared copies go. A newer file from the same "
            "coordinator updates it; interviews keep the guide version they used."), self))
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setObjectName("study_status")
        layout.addWidget(self.status)
        self.join_button = button(self.tr("Open a study file\u2026"), self, name="join_study")
        layout.addWidget(self.join_button)
        self.join_button.clicked.connect(self._on_join)
        self.flow: JoinFlow | None = None

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_load, self.ctx.session.vault), self, succeeded=self._on_loaded,
                      name="study_load", serial=True)

    @Slot(object)
    def _on_loaded(self, info) -> None:
        if info is None:
            self.summary.setText(self.tr("This laptop has not joined a study yet."))
            return
        title, version, sites = info
        self.summary.setText(self.tr("%1 (version %2). Sites: %3").replace("%1", title).replace(
            "%2", str(version)).replace("%3", ", ".join(sites)))

    @Slot()
    def _on_join(self) -> None:
        self.status.setText("")
        self.flow = JoinFlow(self.ctx, self)
        self.flow.joined.connect(self._on_joined)
        self.flow.told.connect(self.status.setText)
        self.flow.start()

    @Slot(str)
    def _on_joined(self, saved: str) -> None:
        if saved:
            self.status.setText(self.tr("Joined. Send %1 to your coordinator so they can accept your "
                                        "shared copies.").replace("%1", saved))
        else:
            self.status.setText(self.tr("The study is set up."))
        self.refresh()
