"""Settings: composes the sections; each loads its own data in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.settings.general_section import GeneralSection
from desktop.widgets.buttons import heading


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Settings"), self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.general = GeneralSection(ctx.prefs, body)
        self.sections: list[QWidget] = [self.general]
        for section in self._optional_sections(body):
            self.sections.append(section)
        for section in self.sections:
            self.body_layout.addWidget(section)
        self.body_layout.addStretch(1)

    def _optional_sections(self, body: QWidget) -> list[QWidget]:
        from desktop.guide_editor.guides_section import GuidesSection
        from desktop.settings.audit_section import AuditSection
        from desktop.settings.models_section import ModelsSection
        from desktop.settings.paper_section import PaperSection
        from desktop.settings.sharing_section import SharingSection
        from desktop.study.study_section import StudySection
        self.models = ModelsSection(self.ctx, body)
        self.sharing = SharingSection(self.ctx, body)
        self.audit = AuditSection(self.ctx, body)
        from desktop.settings.backup_section import BackupSection
        self.backup = BackupSection(self.ctx, body)
        self.study = StudySection(self.ctx, body)
        self.guides = GuidesSection(self.ctx, body)
        from desktop.settings.receipts_section import ReceiptsSection
        self.receipts = ReceiptsSection(self.ctx, body)
        from desktop.settings.retention_section import RetentionSection
        self.retention = RetentionSection(self.ctx, body)
        self.paper = PaperSection(self.ctx, body)
        from desktop.settings.voice_section import VoiceSection
        self.voice = VoiceSection(self.ctx, body)
        from desktop.settings.placeholder_section import PlaceholderSection
        self.placeholders = PlaceholderSection(self.ctx, body)
        return [self.study, self.guides, self.voice, self.models, self.placeholders, self.sharing, self.receipts,
                self.retention, self.backup, self.paper, self.audit]

    def refresh(self) -> None:
        for section in self.sections:
            refresh = getattr(section, "refresh", None)
            if refresh is not None:
                refresh()
