"""Interviews: a table of every interview and a search across what people said."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.vault.interviews import Interview, InterviewRepo
from core.vault.transcripts import TranscriptRepo
from desktop.context import AppContext
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, heading


def state_label(state: str) -> str:
    """An interview state in plain words."""
    labels = {
        "new": QCoreApplication.translate("states", "Not recorded yet"),
        "recorded": QCoreApplication.translate("states", "Recorded"),
        "transcribed": QCoreApplication.translate("states", "Typed up"),
        "tagged": QCoreApplication.translate("states", "Themes suggested"),
        "reviewed": QCoreApplication.translate("states", "Checked and signed off"),
        "exported": QCoreApplication.translate("states", "Copy saved for the coordinator"),
    }
    return labels.get(state, state)


@dataclass(frozen=True)
class SearchHit:
    interview_id: str
    participant_code: str
    segment_id: int | None
    start_ms: int
    text: str


def _search(vault, query: str) -> list[SearchHit]:
    codes = {iv.id: iv.participant_code for iv in InterviewRepo(vault).list()}
    return [SearchHit(iid, codes.get(iid, "?"), seg.id, seg.start_ms, seg.text)
            for iid, seg in TranscriptRepo(vault).search(query)]


def _clock(ms: int) -> str:
    s = ms // 1000
    return f"{s // 60:02d}:{s % 60:02d}"


class InterviewsView(QWidget):
    open_requested = Signal(str)        # interview id
    open_at_requested = Signal(str, int)  # interview id, segment id
    new_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interviews: list[Interview] = []
        self.shared: dict = {}   # interview id -> core.lifecycle.receipts.ShareStatus
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Interviews"), self), 1)
        self.new_button = button(self.tr("New interview"), self, role="primary", name="new_button")
        top.addWidget(self.new_button)
        layout.addLayout(top)
        # Reminders from the interview's life cycle (backup due); empty and hidden otherwise.
        self.reminder = QLabel("", self)
        self.reminder.setObjectName("life_reminder")
        self.reminder.setWordWrap(True)
        self.reminder.hide()
        layout.addWidget(self.reminder)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search what people said\u2026"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Participant"), self.tr("Site"), self.tr("Date"), self.tr("Where it is")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        layout.addWidget(self.results, 1)
        self.empty = QLabel(self.tr("No interviews yet. Press \u201cNew interview\u201d to start."), self)
        self.empty.setProperty("note", "1")
        layout.addWidget(self.empty)
        # First start: the coordinator's study file sets everything up in one step.
        self.study_button = button(self.tr("I have a study file from my coordinator"), self,
                                   name="join_study_first")
        self.study_button.clicked.connect(self._on_join_study)
        layout.addWidget(self.study_button)
        self.join_flow = None
        self.status = QLabel("", self)
        layout.addWidget(self.status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._on_search_changed)
        self.new_button.clicked.connect(self.new_requested)
        self.table.cellActivated.connect(self._on_activated)
        self.table.cellDoubleClicked.connect(self._on_activated)
        self.results.itemActivated.connect(self._on_result)
        self.results.itemDoubleClicked.connect(self._on_result)
        self.results.hide()

    # --- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        start_job(lambda r, c, v=self.ctx.session.vault: (InterviewRepo(v).list(),
                                                           v.get_setting("study.id") is not None),
                  self, succeeded=self._on_loaded, name="list_interviews")
        from core.lifecycle.receipts import share_statuses
        start_job(call(share_statuses, self.ctx.session.vault), self, succeeded=self._on_shared,
                  name="share_statuses")
        from core.lifecycle.reminders import due_reminders
        start_job(call(due_reminders, self.ctx.session.vault), self, succeeded=self._on_reminders,
                  name="life_reminders")

    @Slot(object)
    def _on_shared(self, statuses: dict) -> None:
        """Add "received by the coordinator on …" to the "Where it is" column."""
        self.shared = statuses
        self._show_shared()

    def _show_shared(self) -> None:
        for row, iv in enumerate(self.interviews):
            item = self.table.item(row, 3)
            if item is not None and iv.id in self.shared:
                item.setText(f"{state_label(iv.state)} \u2014 {self._shared_text(self.shared[iv.id])}")

    def _shared_text(self, status) -> str:
        if status.received_at:
            return self.tr("received by the coordinator on {date}").format(date=status.received_at[:10])
        return self.tr("saved on {date}, no receipt from the coordinator yet").format(date=status.sent_at[:10])

    @Slot(object)
    def _on_reminders(self, due: list) -> None:
        words = {
            "audio_past_date": self.tr("The audio of {n} interview(s) is past the date your retention rule "
                                       "keeps it. Delete it now in Settings \u2192 Retention; the transcripts stay."),
            "no_backup": self.tr("Nothing in this vault has been backed up yet. Back up to a USB stick in "
                                 "Settings \u2192 Backup, so a lost or broken laptop does not lose these interviews."),
            "backup_old": self.tr("The last backup was {n} days ago. Back up now in Settings \u2192 Backup."),
        }
        lines = [words[r.kind].format(n=r.count) if r.kind in words else r.sentence for r in due]
        self.reminder.setText("\n".join(lines))
        self.reminder.setVisible(bool(lines))

    @Slot(object)
    def _on_loaded(self, loaded: tuple[list[Interview], bool]) -> None:
        interviews, joined = loaded
        self.interviews = interviews
        self.table.setRowCount(len(interviews))
        for row, iv in enumerate(interviews):
            for col, text in enumerate((iv.participant_code, iv.site, iv.interview_date,
                                        state_label(iv.state))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, iv.id)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not interviews)
        self.study_button.setVisible(not interviews and not joined and self.ctx.session.role != "coordinator")
        self._show_shared()

    @Slot()
    def _on_join_study(self) -> None:
        from desktop.study.join_flow import JoinFlow
        self.join_flow = JoinFlow(self.ctx, self)
        self.join_flow.joined.connect(self._on_study_joined)
        self.join_flow.told.connect(self.status.setText)
        self.join_flow.start()

    @Slot(str)
    def _on_study_joined(self, saved: str) -> None:
        self.study_button.hide()
        text = self.tr("The study is set up. Press \u201cNew interview\u201d to start.")
        if saved:
            text += " " + self.tr("Send %1 to your coordinator.").replace("%1", saved)
        self.status.setText(text)

    @Slot(int, int)
    def _on_activated(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.interviews):
            self.open_requested.emit(self.interviews[row].id)

    def open_row(self, row: int) -> None:
        self._on_activated(row, 0)

    # --- search -----------------------------------------------------------------------
    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        searching = bool(text.strip())
        self.results.setVisible(searching)
        self.table.setVisible(not searching)
        if searching:
            self._search_timer.start()

    @Slot()
    def _run_search(self) -> None:
        query = self.search.text().strip()
        if query and self.ctx.session.is_unlocked:
            start_job(call(_search, self.ctx.session.vault, query), self,
                      succeeded=self._on_results, name="search")

    @Slot(object)
    def _on_results(self, hits: list[SearchHit]) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.participant_code}  {_clock(hit.start_ms)}  \u2014  {hit.text}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.interview_id, hit.segment_id))
            self.results.addItem(item)
        # Separate sentences, not "{n} places": Spanish needs its own plural ("1 lugar").
        n = len(hits)
        self.status.setText(self.tr("Nothing found.") if n == 0 else self.tr("1 place found.") if n == 1
                            else self.tr("{n} places found.").format(n=n))

    @Slot(QListWidgetItem)
    def _on_result(self, item: QListWidgetItem) -> None:
        iid, sid = item.data(Qt.ItemDataRole.UserRole)
        self.open_at_requested.emit(iid, int(sid or 0))
