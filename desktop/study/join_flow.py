"""Open a study file, show what it sets up and the coordinator's words, then join it.

One flow used by the first-start choice ("I have a study file from my coordinator") and by
Settings. Every check is core's (core.study.service): a tampered or foreign file is refused
there, with its reason, before anything is asked or written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.jobs import call, start_job
from desktop.widgets import confirm
from desktop.widgets.files import chooser


class JoinFlow(QObject):
    """Drives one join: choose -> check (background) -> compare words -> join -> enrolment file."""

    joined = Signal(str)        # where the device key file for the coordinator was saved
    told = Signal(str)          # a plain message for the screen that started the flow
    finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.data = b""
        self.path: Path | None = None
        self.plan = None

    def start(self) -> None:
        paths = chooser().open_files(self.widget, self.tr("Open the study file from your coordinator"),
                                     self.tr("Study files (*.cstudy)"))
        if not paths or not self.ctx.session.is_unlocked:
            self.finished.emit()
            return
        self.path = paths[0]
        vault = self.ctx.session.vault
        start_job(call(_check, vault, self.path), self.widget,
                  succeeded=self._on_checked, failed=self._on_failed, name="study_check", serial=True)

    @Slot(object)
    def _on_checked(self, result: tuple) -> None:
        self.data, self.plan = result
        study = self.plan.signed.study
        if self.plan.is_same:
            self.told.emit(self.tr("You already have this version of \u201c%1\u201d.").replace("%1", study.title))
            self.finished.emit()
            return
        w = self.plan.signed.signer_words.split()
        words = "   ".join(" ".join(w[i:i + 4]) for i in range(0, len(w), 4))
        question = self.tr(
            "\u201c%1\u201d sets up %2 interview guide(s), %3 site(s) and your coordinator.\n\n"
            "Ask your coordinator to read their eight words to you, by phone or in person. "
            "Do they match these?\n\n%4").replace("%1", study.title).replace(
            "%2", str(len(study.guides))).replace("%3", str(len(study.sites))).replace("%4", words)
        if not self.plan.is_update and not confirm.ask(
                self.widget, self.tr("Join the study"), question, self.tr("The words match"),
                self.tr("They do not match")):
            self.finished.emit()
            return
        vault = self.ctx.session.vault
        start_job(call(_join, vault, self.data), self.widget,
                  succeeded=self._on_joined, failed=self._on_failed, name="study_join", serial=True)

    @Slot(object)
    def _on_joined(self, _plan: object) -> None:
        saved = ""
        if self.plan is not None and not self.plan.is_update and self.path is not None:
            target = chooser().save_file(self.widget, self.tr("Save the file to send to your coordinator"),
                                         str(self.path.with_name("device-key.txt")), self.tr("Text (*.txt)"))
            if target is not None:
                from core.study.service import write_enrolment
                try:
                    saved = str(write_enrolment(self.ctx.session.vault, target))
                except Exception as exc:  # noqa: BLE001 - shown to the person, nothing lost
                    show_error(self.widget, exc)
        self.joined.emit(saved)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        show_error(self.widget, exc)
        self.finished.emit()


def _check(vault, path: Path) -> tuple:
    from core.study.service import plan_join
    from core.study.studyfile import read_file
    data = read_file(path)
    return data, plan_join(vault, data)


def _join(vault, data: bytes):
    from core.study.service import join
    return join(vault, data)
