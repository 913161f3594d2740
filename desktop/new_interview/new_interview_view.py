"""The new-interview form. Loads guides in the background and creates the interview in one job."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.vault.interviews import Consent, InterviewRepo
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.new_interview.names_editor import NamesEditor
from desktop.widgets.buttons import button, heading, note


@dataclass
class FormData:
    """What the form needs from the vault."""

    guides: list = field(default_factory=list)   # core.vault.guides.StoredGuide
    suggested_code: str = "P-001"
    sites: list[str] = field(default_factory=list)


def suggest_code(existing: list[str]) -> str:
    """The next free code in the P-001 series."""
    numbers = [int(m.group(1)) for c in existing if (m := re.fullmatch(r"P-(\d+)", c))]
    return f"P-{(max(numbers) + 1 if numbers else 1):03d}"


def _load(vault) -> FormData:
    interviews = InterviewRepo(vault).list()
    from core.study.sites import study_sites
    # A joined study fixes the sites; without one, offer the sites used before.
    data = FormData(suggested_code=suggest_code([iv.participant_code for iv in interviews]),
                    sites=list(study_sites(vault) or sorted({iv.site for iv in interviews})))
    from core.vault.guides import GuideRepo
    repo = GuideRepo(vault)
    repo.ensure_defaults()
    data.guides = repo.list()
    return data


def _create(vault, code: str, site: str, guide_pk: int | None, consent: Consent,
            names: list[tuple[str, str]], capture_off_record: bool, workplaces: list[str] = ()) -> str:
    from core.study.sites import check_site
    site = check_site(vault, site)  # a site outside the study is refused with the list
    repo = InterviewRepo(vault)
    iv = repo.create(code, site, guide_pk=guide_pk, consent=consent,
                     capture_off_record=capture_off_record)
    for name, role in names:
        repo.add_protected_name(iv.id, name, role)
    for workplace in workplaces:
        repo.add_workplace_name(workplace)
    return iv.id


class NewInterviewView(QWidget):
    created = Signal(str)   # interview id
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = FormData()
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("New interview"), self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.guide = QComboBox(body)
        form.addRow(self.tr("Interview guide"), self.guide)
        self.code = QLineEdit(body)
        self.code.setObjectName("participant_code")
        form.addRow(self.tr("Participant code"), self.code)
        form.addRow("", note(self.tr("A code such as P-007, never a name."), body))
        self.site = QComboBox(body)
        self.site.setEditable(True)
        self.site.setObjectName("site")
        form.addRow(self.tr("Site"), self.site)
        form.addRow("", note(self.tr("A short code for where the interview belongs, such as "
                                     "SITE-A or your workplace's code. It is shared, so never "
                                     "a real place name."), body))
        consent_row = QHBoxLayout()
        self.verbal = QRadioButton(self.tr("Said yes out loud"), body)
        self.written = QRadioButton(self.tr("Signed a form"), body)
        self.verbal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.verbal)
        group.addButton(self.written)
        consent_row.addWidget(self.verbal)
        consent_row.addWidget(self.written)
        form.addRow(self.tr("How they agreed"), consent_row)
        self.script = QPlainTextEdit(body)
        self.script.setReadOnly(True)
        self.script.setObjectName("consent_script")
        self.script.setMinimumHeight(120)
        form.addRow(self.tr("Read this aloud"), self.script)
        self.script_read = QCheckBox(self.tr("I read this aloud and they agreed"), body)
        self.script_read.setObjectName("script_read")
        form.addRow("", self.script_read)
        self.witness = QLineEdit(body)
        self.witness.setPlaceholderText(self.tr("Leave empty if nobody else was there"))
        form.addRow(self.tr("Who witnessed it"), self.witness)
        self.names = NamesEditor(body)
        form.addRow(self.tr("Names to keep out of shared copies"), self.names)
        form.addRow("", note(self.tr("The participant, managers, co-workers they may mention. "
                                     "Say who each one is: a coordinator then reads "
                                     "[SUPERVISOR 1] instead of the name."), body))
        self.workplaces = QLineEdit(body)
        self.workplaces.setObjectName("workplaces")
        self.workplaces.setPlaceholderText(self.tr("e.g. Hilltop Care Home, Ward 4"))
        form.addRow(self.tr("Workplace names to hide"), self.workplaces)
        self.keep_off_record = QCheckBox(self.tr(
            "Keep audio during off-the-record moments (it is never shared)"), body)
        form.addRow("", self.keep_off_record)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        row = QHBoxLayout()
        self.cancel_button = button(self.tr("Cancel"), self)
        self.create_button = button(self.tr("Create the interview"), self, role="primary",
                                    name="create_interview_button")
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        outer.addLayout(row)
        self.guide.currentIndexChanged.connect(self._on_guide)
        self.script_read.toggled.connect(self._update_enabled)
        self.code.textChanged.connect(self._update_enabled)
        self.create_button.clicked.connect(self._on_create)
        self.cancel_button.clicked.connect(self.cancelled)

    def reset(self) -> None:
        """Clear the form and load guides and a suggested code."""
        self.names.clear()
        self.workplaces.clear()
        self.witness.clear()
        self.script_read.setChecked(False)
        self.status.clear()
        self._update_enabled()
        if self.ctx.session.is_unlocked:
            start_job(call(_load, self.ctx.session.vault), self,
                      succeeded=self._on_loaded, failed=self._on_failed, name="new_interview_load")

    @Slot(object)
    def _on_loaded(self, data: FormData) -> None:
        self.data = data
        self.code.setText(data.suggested_code)
        self.site.clear()
        self.site.addItems(data.sites)
        self.guide.clear()
        for sg in data.guides:
            self.guide.addItem(f"{sg.guide.title} ({sg.guide.language}, {sg.version})", sg.pk)
        self.guide.addItem(self.tr("No guide"), None)
        # The interface's language picks the guide (and so its consent script); core decides.
        from core.vault.guides import preferred_guide
        from desktop.errors import interface_language
        preferred = preferred_guide(data.guides, interface_language())
        if preferred is not None:
            self.guide.setCurrentIndex(max(0, self.guide.findData(preferred.pk)))
        self._on_guide(self.guide.currentIndex())

    @Slot(int)
    def _on_guide(self, index: int) -> None:
        pk = self.guide.itemData(index)
        script = ""
        for sg in self.data.guides:
            if sg.pk == pk:
                script = sg.guide.consent_script
        self.script.setPlainText(script or self.tr(
            "Tell the participant what the interview is for, that it is recorded, that they can "
            "stop at any time or go off the record, and that only a copy without names is shared."))

    @Slot()
    def _update_enabled(self) -> None:
        self.create_button.setEnabled(self.script_read.isChecked() and bool(self.code.text().strip()))

    @Slot()
    def _on_create(self) -> None:
        site = self.site.currentText().strip()
        if not site:
            self.status.setText(self.tr("Please give the site (for example SITE-A)."))
            return
        consent = Consent("written" if self.written.isChecked() else "verbal",
                          dt.datetime.now().isoformat(timespec="minutes"),
                          self.witness.text().strip(), self.script_read.isChecked())
        names = self.names.entries()
        workplaces = [w.strip() for w in self.workplaces.text().split(",") if w.strip()]
        vault = self.ctx.session.vault
        args = (vault, self.code.text().strip(), site, self.guide.currentData(), consent, names,
                self.keep_off_record.isChecked(), workplaces)
        self.create_button.setEnabled(False)
        start_job(call(_create, *args), self, succeeded=self._on_created,
                  failed=self._on_failed, name="create_interview")

    @Slot(object)
    def _on_created(self, interview_id: str) -> None:
        self._update_enabled()
        self.created.emit(interview_id)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._update_enabled()
        msg = show_error(self, exc)
        if msg is not None:
            self.status.setText(msg.message)
