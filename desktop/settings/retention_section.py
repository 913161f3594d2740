"""Retention: how long audio is kept, what is past its date, and deleting it (one core job each)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.lifecycle.retention import RetentionResult, make_apply_retention_job
from core.vault.retention import Rule, audio_past_due, rule, set_rule
from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, note
from desktop.widgets.confirm import ask
from desktop.widgets.job_status import JobStatus

OFF = -1   # the spin boxes' "no rule" value, shown as "Keep"


def _state(vault) -> tuple[Rule, int]:
    return rule(vault), len(audio_past_due(vault))


def _days_box(parent: QWidget, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(OFF, 3650)
    box.setSpecialValueText(parent.tr("Keep"))
    box.setSuffix(parent.tr(" days"))
    return box


class RetentionSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Retention"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Your ethics approval may say how long recordings are kept. Confidant deletes the audio when "
            "it is due (the transcript stays) and reminds you."), self))
        form = QFormLayout()
        self.after_signoff = _days_box(self, "retention_signoff")
        self.after_receipt = _days_box(self, "retention_receipt")
        form.addRow(self.tr("Delete the audio after sign-off:"), self.after_signoff)
        form.addRow(self.tr("Delete the audio after the coordinator confirms receipt:"), self.after_receipt)
        layout.addLayout(form)
        self.save_button = button(self.tr("Save the rule"), self, name="retention_save")
        layout.addWidget(self.save_button)
        self.due = QLabel("", self)
        self.due.setObjectName("retention_due")
        self.due.setWordWrap(True)
        layout.addWidget(self.due)
        self.apply_button = button(self.tr("Delete the audio that is past its date\u2026"), self,
                                   name="retention_apply")
        layout.addWidget(self.apply_button)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        self.save_button.clicked.connect(self._on_save)
        self.apply_button.clicked.connect(self._on_apply)

    def refresh(self) -> None:
        if self.ctx.session.is_unlocked:
            start_job(call(_state, self.ctx.session.vault), self, succeeded=self._on_state, name="retention")

    @Slot(object)
    def _on_state(self, state: tuple[Rule, int]) -> None:
        current, past = state
        for box, value in ((self.after_signoff, current.days_after_signoff),
                           (self.after_receipt, current.days_after_receipt)):
            box.setValue(OFF if value is None else value)
        self.due.setText(self.tr("The audio of {n} interview(s) is past its date.").format(n=past) if past
                         else self.tr("No audio is past its date."))
        self.apply_button.setEnabled(past > 0)

    @Slot()
    def _on_save(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        signoff = None if self.after_signoff.value() == OFF else self.after_signoff.value()
        receipt = None if self.after_receipt.value() == OFF else self.after_receipt.value()
        start_job(call(set_rule, self.ctx.session.vault, days_after_signoff=signoff, days_after_receipt=receipt),
                  self, succeeded=self._on_saved, name="retention_set", serial=True)

    @Slot(object)
    def _on_saved(self, _rule: Rule) -> None:
        self.refresh()

    @Slot()
    def _on_apply(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        if not ask(self, self.tr("Delete audio"), self.tr(
                "The audio that is past its date will be deleted for good. The transcripts stay. "
                "This cannot be undone."), self.tr("Delete the audio"), self.tr("Keep it")):
            return
        self.job.run(make_apply_retention_job(self.ctx.session.vault), self.tr("Deleting audio\u2026"),
                     succeeded=self._on_done, name="retention_apply")

    @Slot(object)
    def _on_done(self, result: RetentionResult) -> None:
        self.job.label.setText(self.tr("Deleted {n} take(s); nothing of them is left in the vault.")
                               .format(n=result.takes))
        self.refresh()
