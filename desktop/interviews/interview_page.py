"""One interview: a header and the Record / Transcript / Review tabs.

Each tab is a view with ``load(interview_id)``; the page tells the current one to load when
it is shown, so only what the person looks at is read from the vault.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from core.vault.interviews import Interview, InterviewRepo
from desktop.context import AppContext
from desktop.interviews.delete_action import DeleteInterviewAction, WithdrawInterviewAction
from desktop.interviews.interviews_view import state_label
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button


class InterviewPage(QWidget):
    back_requested = Signal()
    deleted = Signal(str)   # interview id, after "Delete interview" removed it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id = ""
        self.interview: Interview | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = button(self.tr("\u2190 All interviews"), self, name="back_button")
        self.title = QLabel("", self)
        self.title.setProperty("heading", "2")
        self.title.setWordWrap(True)  # the header must not make the window wider than a laptop screen
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        self.withdraw_button = button(self.tr("Participant withdrew\u2026"), self, name="withdraw_button")
        top.addWidget(self.withdraw_button)
        self.delete_button = button(self.tr("Delete interview\u2026"), self, name="delete_button")
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.life_status = QLabel("", self)
        self.life_status.setObjectName("life_status")
        layout.addWidget(self.life_status)
        self.delete_action = DeleteInterviewAction(ctx, self)
        self.delete_button.clicked.connect(self._on_delete)
        self.delete_action.deleted.connect(self.deleted)
        self.delete_action.message.connect(self.life_status.setText)
        self.withdraw_action = WithdrawInterviewAction(ctx, self)
        self.withdraw_button.clicked.connect(self._on_withdraw)
        self.withdraw_action.deleted.connect(self.deleted)
        self.withdraw_action.message.connect(self.life_status.setText)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.back_button.clicked.connect(self.back_requested)
        self.tabs.currentChanged.connect(self._on_tab)

    def add_tab(self, view: QWidget, title: str) -> None:
        self.tabs.addTab(view, title)
        changed = getattr(view, "interview_changed", None)
        if changed is not None:
            changed.connect(self.reload_header)

    def open(self, interview_id: str, tab: int = 0) -> None:
        self.interview_id = interview_id
        self.life_status.setText("")
        self.reload_header()
        if self.tabs.currentIndex() == tab:
            self._on_tab(tab)
        else:
            self.tabs.setCurrentIndex(tab)

    @Slot()
    def reload_header(self) -> None:
        if self.interview_id and self.ctx.session.is_unlocked:
            start_job(call(InterviewRepo(self.ctx.session.vault).get, self.interview_id), self,
                      succeeded=self._on_header, name="interview_header")

    @Slot()
    def _on_delete(self) -> None:
        self.delete_action.run(self.interview_id)

    @Slot()
    def _on_withdraw(self) -> None:
        self.withdraw_action.run(self.interview_id)

    @Slot(object)
    def _on_header(self, iv: Interview) -> None:
        self.interview = iv
        rec = self.ctx.session.recorder
        # The stored state changes when the recording stops; while it runs, say so.
        state = (self.tr("Recording\u2026") if self.ctx.session.is_recording
                 and getattr(rec, "interview_id", None) == iv.id else state_label(iv.state))
        self.title.setText(f"{iv.participant_code} \u00b7 {iv.site} \u00b7 {iv.interview_date} \u00b7 {state}")

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if view is not None and self.interview_id and hasattr(view, "load"):
            view.load(self.interview_id)
