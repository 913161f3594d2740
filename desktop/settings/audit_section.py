"""The privacy audit: run it on this vault and show each check in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGroupBox, QListWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.errors import interface_language
from desktop.widgets.buttons import button, note
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus

EVIDENCE_CHARS = 240
_MARK = {"PASS": "\u2714", "WARN": "!", "FAIL": "\u2716"}


def _run_audit(vault, report, cancel, **where) -> object:
    from core.audit.vault_audit import run_vault_audit
    return run_vault_audit(vault, **where)


class AuditSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Privacy check"), parent)
        self.ctx = ctx
        self.report: object | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Checks that everything on this laptop is encrypted and that nothing private was "
            "left in plain files."), self))
        self.run_button = button(self.tr("Run the privacy check"), self, role="big",
                                 name="audit_button")
        layout.addWidget(self.run_button)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        self.checks = QListWidget(self)
        self.checks.setObjectName("audit_checks")
        # Each finding wraps onto several lines instead of running off to the right.
        self.checks.setWordWrap(True)
        self.checks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks.setMinimumHeight(320)
        layout.addWidget(self.checks)
        self.pdf_button = button(self.tr("Save the report as PDF\u2026"), self)
        self.pdf_button.setEnabled(False)
        layout.addWidget(self.pdf_button)
        self.run_button.clicked.connect(self._on_run)
        self.pdf_button.clicked.connect(self._on_pdf)

    @Slot()
    def _on_run(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        vault = self.ctx.session.vault
        # Tests and screenshots point the scan at their own folders instead of the real
        # temp and app folders (overrides "audit_temp_dirs", "audit_app_folders").
        where = {key: self.ctx.overrides[f"audit_{key}"] for key in ("temp_dirs", "app_folders")
                 if f"audit_{key}" in self.ctx.overrides}
        self.job.run(lambda r, c: _run_audit(vault, r, c, **where), self.tr("Checking\u2026"),
                     succeeded=self._on_done, name="audit")

    @Slot(object)
    def _on_done(self, report: object) -> None:
        self.report = report
        self.checks.clear()
        from core.reports.catalogue import words
        language = interface_language()
        w = words(language)  # statuses and check names as the PDF words them
        for check in getattr(report, "checks", []):
            evidence, what_to_do = check.texts(language)
            if len(evidence) > EVIDENCE_CHARS:
                evidence = evidence[:EVIDENCE_CHARS] + "\u2026"  # the PDF holds all of it
            status = str(check.status)
            line = f"{_MARK.get(status, '?')} {w('audit.' + status)}  {w.check_name(check.name)}\n    {evidence}"
            if status != "PASS" and what_to_do:
                line += f"\n    {what_to_do}"
            self.checks.addItem(line)
        self.pdf_button.setEnabled(True)

    @Slot()
    def _on_pdf(self) -> None:
        path = chooser().save_file(self, self.tr("Save the privacy report"),
                                   "confidant-privacy-check.pdf", "PDF (*.pdf)")
        if path is None or self.report is None:
            return
        report, language = self.report, interface_language()  # the PDF follows the interface

        def write(r, c) -> None:
            from core.reports.export import export_audit
            export_audit(report, path, language=language)
        self.job.run(write, self.tr("Saving\u2026"), name="audit_pdf")
