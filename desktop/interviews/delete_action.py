"""Delete an interview from its page: a plain confirmation naming what goes, then one core job."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from core.lifecycle.delete import DeleteResult, WhatGoes, make_delete_interview_job, what_goes
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.widgets.confirm import ask


class DeleteInterviewAction(QObject):
    """``run(interview_id)``: asks, deletes, checks; ``deleted`` carries the id when done."""

    deleted = Signal(str)
    message = Signal(str)   # a sentence for the page's status line

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._interview_id = ""

    def run(self, interview_id: str) -> None:
        if not interview_id or not self.ctx.session.is_unlocked:
            return
        if self.ctx.session.is_recording:
            self.message.emit(self.tr("Stop the recording before deleting an interview."))
            return
        self._interview_id = interview_id
        start_job(call(what_goes, self.ctx.session.vault, interview_id), self,
                  succeeded=self._on_what_goes, failed=self._on_failed, name="what_goes", serial=True)

    @Slot(object)
    def _on_what_goes(self, goes: WhatGoes) -> None:
        question = self.tr(
            "Interview {code} and everything in it will be deleted for good: {takes} take(s) of audio "
            "({minutes} min), {versions} transcript version(s), {memos} memo(s), tags, redactions and the "
            "pseudonym map. This cannot be undone.").format(
                code=goes.participant_code, takes=goes.takes, minutes=round(goes.audio_s / 60),
                versions=goes.transcripts, memos=goes.memos)
        if goes.shared_packets:
            question += " " + self.tr("It was shared: deleting it here does not remove it from the coordinator. "
                                      "If the participant withdrew, use \u201cParticipant withdrew\u201d instead.")
        if not ask(self._parent, self.tr("Delete interview"), question,
                   self.tr("Delete for good"), self.tr("Keep it")):
            return
        self.message.emit(self.tr("Deleting\u2026"))
        start_job(make_delete_interview_job(self.ctx.session.vault, goes.interview_id), self,
                  succeeded=self._on_deleted, failed=self._on_failed, name="delete_interview", serial=True)

    @Slot(object)
    def _on_deleted(self, result: DeleteResult) -> None:
        self.message.emit(self.tr("Deleted. {pages} pages of the vault were checked: nothing of it is left.")
                          .format(pages=result.pages_checked))
        self.deleted.emit(result.counts.interview_id)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.message.emit("")
        show_error(self._parent, exc)


def _withdraw_plan(vault, interview_id: str) -> tuple[WhatGoes, int]:
    from core.lifecycle.withdraw import shared_packets
    return what_goes(vault, interview_id), len(shared_packets(vault, interview_id))


class WithdrawInterviewAction(QObject):
    """The participant withdrew: ask, choose where the notice goes (if shared), delete, write it."""

    deleted = Signal(str)
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent

    def run(self, interview_id: str) -> None:
        if not interview_id or not self.ctx.session.is_unlocked:
            return
        if self.ctx.session.is_recording:
            self.message.emit(self.tr("Stop the recording before deleting an interview."))
            return
        start_job(call(_withdraw_plan, self.ctx.session.vault, interview_id), self,
                  succeeded=self._on_plan, failed=self._on_failed, name="withdraw_plan", serial=True)

    @Slot(object)
    def _on_plan(self, plan: tuple[WhatGoes, int]) -> None:
        from desktop.widgets.files import chooser
        goes, shared = plan
        question = self.tr("The participant withdrew. Interview {code} and everything in it will be deleted "
                           "for good. This cannot be undone.").format(code=goes.participant_code)
        if shared:
            question += " " + self.tr("It was shared, so Confidant will also write a signed withdrawal notice: "
                                      "put it where you share packets, and the coordinator's copy is erased too.")
        if not ask(self._parent, self.tr("Participant withdrew"), question,
                   self.tr("Withdraw and delete"), self.tr("Keep it")):
            return
        out = None
        if shared:
            out = chooser().save_file(self._parent, self.tr("Save the withdrawal notice"),
                                      f"confidant-withdrawal-{goes.interview_id}.cpkt", "Confidant packet (*.cpkt)")
            if out is None:
                return
        from core.lifecycle.withdraw import make_withdraw_job
        self.message.emit(self.tr("Deleting\u2026"))
        start_job(make_withdraw_job(self.ctx.session.vault, goes.interview_id, out), self,
                  succeeded=self._on_done, failed=self._on_failed, name="withdraw_interview", serial=True)

    @Slot(object)
    def _on_done(self, result) -> None:
        if result.notice_path is not None:
            self.message.emit(self.tr("Deleted. The withdrawal notice is in {path}: share it with the "
                                      "coordinator.").format(path=str(result.notice_path)))
        else:
            self.message.emit(self.tr("Deleted. It was never shared, so no notice is needed."))
        self.deleted.emit(result.interview_id)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.message.emit("")
        show_error(self._parent, exc)
