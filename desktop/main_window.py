"""The main window: composes the screens and switches between them. No logic of its own
beyond navigation, locking and the close guard."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QThreadPool, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.interviews.interview_page import InterviewPage
from desktop.interviews.interviews_view import InterviewsView
from desktop.new_interview.new_interview_view import NewInterviewView
from desktop.settings.settings_view import SettingsView
from desktop.unlock.autolock import IdleWatcher
from desktop.unlock.unlock_view import UnlockView
from desktop.widgets.buttons import button
from desktop.widgets.confirm import ask
from desktop.window_fit import fit_to_screen, scrolling

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, default_folder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Confidant")
        self._close_after_stop = False
        self._fitted = False
        self.resize(1200, 800)  # until shown: then fitted to its screen (desktop/window_fit.py)
        self.outer = QStackedWidget(self)
        self.setCentralWidget(scrolling(self.outer, self))
        self.unlock_view = UnlockView(ctx.session, default_folder, self)
        self.outer.addWidget(self.unlock_view)
        self.workspace = QWidget(self)
        self.outer.addWidget(self.workspace)
        row = QHBoxLayout(self.workspace)
        side = QVBoxLayout()
        self.nav = QListWidget(self.workspace)
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(230)
        side.addWidget(self.nav, 1)
        self.lock_button = button(self.tr("Lock now"), self.workspace, name="lock_button")
        side.addWidget(self.lock_button)
        row.addLayout(side)
        self.pages = QStackedWidget(self.workspace)
        row.addWidget(self.pages, 1)
        self._build_screens()
        self.idle = IdleWatcher(ctx.prefs.autolock_minutes, self)
        self.idle.idle_timeout.connect(self._on_idle)
        self.settings.general.autolock_changed.connect(self._on_autolock_changed)
        ctx.session.unlocked.connect(self._on_unlocked)
        ctx.session.locked.connect(self._on_locked)
        ctx.session.vault_closed.connect(self.unlock_view.show_start)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_view.unlock.stop_recording_requested.connect(self._on_stop_from_lock)
        self._banner_timer = QTimer(self)
        self._banner_timer.setInterval(1000)
        self._banner_timer.timeout.connect(self._update_banner)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        self.outer.setCurrentWidget(self.unlock_view)

    def _build_screens(self) -> None:
        ctx = self.ctx
        self.interviews = InterviewsView(ctx, self.pages)
        self.new_interview = NewInterviewView(ctx, self.pages)
        self.interview = InterviewPage(ctx, self.pages)
        self.settings = SettingsView(ctx, self.pages)
        self._add_interview_tabs()
        self.coordinator = self._make_coordinator()
        for page in (self.interviews, self.new_interview, self.interview, self.settings):
            self.pages.addWidget(page)
        self._nav_items: dict[str, QListWidgetItem] = {}
        self._add_nav("interviews", self.tr("Interviews"), self.interviews)
        if self.coordinator is not None:
            self.pages.addWidget(self.coordinator)
            self._add_nav("coordinator", self.tr("Coordinator"), self.coordinator)
        self._add_nav("settings", self.tr("Settings"), self.settings)
        self.nav.currentItemChanged.connect(self._on_nav)
        self.interviews.new_requested.connect(self.show_new_interview)
        self.interviews.open_requested.connect(self.open_interview)
        self.interviews.open_at_requested.connect(self.open_interview_at)
        self.new_interview.created.connect(self._on_interview_created)
        self.new_interview.cancelled.connect(self.show_interviews)
        self.interview.back_requested.connect(self.show_interviews)
        self.interview.deleted.connect(self.show_interviews)

    def _add_interview_tabs(self) -> None:
        from desktop.record.record_view import RecordView
        from desktop.review.review_view import ReviewView
        from desktop.transcript.transcript_view import TranscriptView
        self.record = RecordView(self.ctx, self.interview)
        self.transcript = TranscriptView(self.ctx, self.interview)
        self.review = ReviewView(self.ctx, self.interview)
        self.interview.add_tab(self.record, self.tr("Record"))
        self.interview.add_tab(self.transcript, self.tr("Transcript and themes"))
        self.interview.add_tab(self.review, self.tr("Check and share"))
        self.record.recording_finished.connect(self._on_recording_finished)
        self.record.recording_started.connect(self.interview.reload_header)
        self.record.transcribe_requested.connect(self._on_type_up)

    def _make_coordinator(self) -> QWidget | None:
        from desktop.coordinator.coordinator_view import CoordinatorView
        return CoordinatorView(self.ctx, self.pages)

    def _add_nav(self, key: str, text: str, page: QWidget) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self._nav_items[key] = item
        item.setData(Qt.ItemDataRole.UserRole + 1, self.pages.indexOf(page))

    # --- navigation ------------------------------------------------------------------
    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_nav(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is None:
            return
        page = self.pages.widget(int(item.data(Qt.ItemDataRole.UserRole + 1)))
        self.pages.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    def _select_nav(self, key: str) -> None:
        item = self._nav_items.get(key)
        if item is not None:
            if self.nav.currentItem() is item:
                self._on_nav(item, None)
            else:
                self.nav.setCurrentItem(item)

    @Slot()
    def show_interviews(self) -> None:
        self._select_nav("interviews")

    @Slot()
    def show_new_interview(self) -> None:
        self.new_interview.reset()
        self.pages.setCurrentWidget(self.new_interview)

    @Slot(str)
    def open_interview(self, interview_id: str, tab: int = 0) -> None:
        self.pages.setCurrentWidget(self.interview)
        self.interview.open(interview_id, tab)

    @Slot(str, int)
    def open_interview_at(self, interview_id: str, segment_id: int) -> None:
        self.open_interview(interview_id, 1)
        self.transcript.focus_segment(segment_id)

    @Slot()
    def _on_type_up(self) -> None:
        """"Type it up now" on the Record tab: go to the transcript and start typing up."""
        self.interview.tabs.setCurrentWidget(self.transcript)
        self.transcript.transcribe()

    @Slot(str)
    def _on_interview_created(self, interview_id: str) -> None:
        self.open_interview(interview_id, 0)

    @Slot()
    def _on_recording_finished(self) -> None:
        if self._close_after_stop:
            self._close_after_stop = False
            self.close()
            return
        if self.ctx.session.is_unlocked:
            self.interview.reload_header()

    # --- locking ---------------------------------------------------------------------
    @Slot()
    def _on_unlocked(self) -> None:
        is_coord = self.ctx.session.role == "coordinator"
        item = self._nav_items.get("coordinator")
        if item is not None:
            item.setHidden(not is_coord)
        self.outer.setCurrentWidget(self.workspace)
        self.unlock_view.unlock.show_recording(None)
        if self.ctx.session.is_recording:
            self.pages.setCurrentWidget(self.interview)  # straight back to the recording
        else:
            self._select_nav("coordinator" if is_coord else "interviews")
        from core.study.limits import effective_autolock
        self.idle.set_minutes(effective_autolock(self.ctx.prefs.autolock_minutes,
                                                 self.ctx.session.autolock_cap))
        self.idle.start()

    @Slot()
    def lock(self) -> None:
        self.ctx.session.lock()

    @Slot()
    def _on_locked(self) -> None:
        self.idle.stop()
        self.unlock_view.show_start()
        self.record.on_locked()
        self.outer.setCurrentWidget(self.unlock_view)
        self._update_banner()
        if self.ctx.session.is_recording:
            self._banner_timer.start()

    @Slot()
    def _update_banner(self) -> None:
        rec = self.ctx.session.recorder
        if self.ctx.session.is_unlocked or rec is None or not rec.is_recording:
            self._banner_timer.stop()
            self.unlock_view.unlock.show_recording(None)
            return
        from desktop.widgets.plain import clock
        self.unlock_view.unlock.show_recording(clock(rec.elapsed_s))

    @Slot()
    def _on_stop_from_lock(self) -> None:
        """Stop the recording without unlocking: the audio is saved, then the vault closes."""
        self.record.stop_recording()
        self._banner_timer.stop()
        self.unlock_view.unlock.show_recording(None)

    @Slot()
    def _on_idle(self) -> None:
        log.info("auto-lock after idle")
        self.lock()

    @Slot(int)
    def _on_autolock_changed(self, minutes: int) -> None:
        from core.study.limits import effective_autolock
        self.idle.set_minutes(effective_autolock(minutes, self.ctx.session.autolock_cap))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing while recording asks first; stopping always saves the audio before closing."""
        if self.ctx.session.is_recording or self.record.is_recording:
            if not self._close_after_stop:
                stop = ask(self, self.tr("A recording is running"),
                           self.tr("A recording is running. Stop it and close Confidant? "
                                   "Everything recorded so far is kept."),
                           self.tr("Stop recording and close"), self.tr("Keep recording"))
                if not stop:
                    event.ignore()
                    return
                self._close_after_stop = True
                self.record.stop_recording()
            event.ignore()  # close again once the recording is saved (_on_recording_finished)
            return
        from desktop import jobs
        jobs.cancel_all()
        QThreadPool.globalInstance().waitForDone(5000)  # let jobs let go of the vault
        self.ctx.session.close()
        event.accept()
