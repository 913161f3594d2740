"""The "Check and share" tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import say, show_error
from desktop.jobs import call, start_job
from desktop.review import review_work
from desktop.review.review_work import ReviewData
from desktop.widgets.buttons import button, heading, note
from desktop.widgets.confirm import ask
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus

ENTITY_TYPES = ("PERSON", "WORKPLACE", "LOCATION", "ADDRESS", "PHONE", "EMAIL", "DATE", "AGE",
                "ID_NUMBER")

def _save_transcript(vault: Any, interview_id: str, path: Any, identifying: bool) -> Any:
    from core.reports.transcript_export import save_transcript_file
    return save_transcript_file(vault, interview_id, path, identifying=identifying)


class ReviewView(QWidget):
    interview_changed = Signal()
    saved = Signal(object)   # PacketInfo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id = ""
        self.data = ReviewData()
        layout = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.detect_button = button(self.tr("Find names and details"), self, role="big",
                                    name="detect_button")
        self.accept_all_button = button(self.tr("Hide all found"), self)
        tools.addWidget(self.detect_button)
        tools.addWidget(self.accept_all_button)
        tools.addStretch(1)
        layout.addLayout(tools)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        split = QSplitter(self)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.addWidget(heading(self.tr("What was said"), left, level=2))
        self.original = QTextEdit(left)
        self.original.setMinimumHeight(48)
        self.original.setReadOnly(True)
        lv.addWidget(self.original)
        mid = QWidget(split)
        mv = QVBoxLayout(mid)
        mv.addWidget(heading(self.tr("What the coordinator will see"), mid, level=2))
        self.deidentified = QTextEdit(mid)
        self.deidentified.setMinimumHeight(48)
        self.deidentified.setReadOnly(True)
        self.deidentified.setObjectName("deidentified")
        mv.addWidget(self.deidentified)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.addWidget(heading(self.tr("Names and details found"), right, level=2))
        self.redactions = QListWidget(right)
        self.redactions.setObjectName("redactions")
        self.redactions.setWordWrap(True)  # long finds wrap instead of running off the edge
        self.redactions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.redactions.setMinimumHeight(48)  # grows with the window; the tab fits 1366x768
        rv.addWidget(self.redactions, 1)
        row = QHBoxLayout()
        self.hide_button = button(self.tr("Hide it"), right)
        self.keep_button = button(self.tr("Keep it"), right)
        row.addWidget(self.hide_button)
        row.addWidget(self.keep_button)
        rv.addLayout(row)
        add_row = QHBoxLayout()
        self.entity = QComboBox(right)
        from core.deid.placeholder_words import type_word
        from desktop.errors import interface_language
        for t in ENTITY_TYPES:  # shown in the interface's language, stored as the type
            self.entity.addItem(type_word(t, interface_language()), t)
        self.add_button = button(self.tr("Hide the selected words"), right)
        add_row.addWidget(self.entity)
        add_row.addWidget(self.add_button)
        rv.addLayout(add_row)
        self.warnings = QLabel("", right)
        self.warnings.setObjectName("qi_warnings")
        self.warnings.setWordWrap(True)
        rv.addWidget(self.warnings)
        layout.addWidget(split, 1)
        self.confirm = QCheckBox(self.tr("I have read every passage and checked every name and "
                                         "detail"), self)
        self.signoff_button = button(self.tr("Sign off"), self, role="big", name="signoff_button")
        self.signoff_state = QLabel("", self)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.confirm, 1)
        sign_row.addWidget(self.signoff_state)
        sign_row.addWidget(self.signoff_button)
        layout.addLayout(sign_row)
        self.save_button = button(self.tr("Save a copy for the coordinator\u2026"), self,
                                  role="primary", name="save_button")
        # To read or print: the de-identified transcript as Word or PDF; the one with real
        # names only after a clear warning that the file is not encrypted (issue 16).
        self.doc_button = button(self.tr("Save as Word / PDF\u2026"), self, name="save_doc_button")
        self.doc_names_button = button(self.tr("With real names\u2026"), self, name="save_doc_names_button")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button, 1)
        save_row.addWidget(self.doc_button)
        save_row.addWidget(self.doc_names_button)
        layout.addLayout(save_row)
        layout.addWidget(note(self.tr(
            "The copy holds the text with names hidden, the themes you accepted, the notes you "
            "chose to share and a one-page summary, sealed so only your coordinator can open it. "
            "It never holds the audio, the names you hid, your private notes or anything said "
            "off the record."), self))
        self.packet_info = QLabel("", self)
        self.packet_info.setObjectName("packet_info")
        self.packet_info.setWordWrap(True)
        self.packet_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.packet_info)
        self.detect_button.clicked.connect(self._on_detect)
        self.accept_all_button.clicked.connect(self._on_accept_all)
        self.hide_button.clicked.connect(self._on_hide)
        self.keep_button.clicked.connect(self._on_keep)
        self.add_button.clicked.connect(self._on_add)
        self.confirm.toggled.connect(self._update_buttons)
        self.signoff_button.clicked.connect(self._on_signoff)
        self.save_button.clicked.connect(self._on_save)
        self.doc_button.clicked.connect(self._on_save_doc)
        self.doc_names_button.clicked.connect(self._on_save_doc_names)
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------
    def load(self, interview_id: str) -> None:
        if interview_id != self.interview_id:
            self.packet_info.clear()
        self.interview_id = interview_id
        self.reload()

    def reload(self) -> None:
        if self.ctx.session.is_unlocked and self.interview_id:
            vault, iid = self.ctx.session.vault, self.interview_id
            start_job(call(review_work.load, vault, iid), self, succeeded=self._on_loaded,
                      failed=self._on_failed, name="review_load", serial=True)

    @Slot(object)
    def _on_loaded(self, data: ReviewData) -> None:
        self.data = data
        self._show_original()
        if data.has_scan:
            self.deidentified.setPlainText("\n".join(s.text for s in data.deidentified))
        elif data.segments:
            # Before any scan this would be the text with every name in it (issue 16).
            self.deidentified.setPlainText(self.tr(
                "Nothing to show yet. Press \u201cFind names and details\u201d: the copy without "
                "names appears here once they have been found."))
        else:
            self.deidentified.clear()
        self.redactions.clear()
        from core.deid.placeholder_words import type_word
        from desktop.errors import interface_language
        states = {"proposed": self.tr("to decide"), "accepted": self.tr("hidden"), "rejected": self.tr("kept")}
        for r in data.redactions:
            word = states.get(r.state, r.state)
            # Flags from the second look (decision 0108) each need their own decision; a flag
            # sign marks them (no words, so nothing new for the catalogue).
            second = "\u2691 " if r.source == "second_look" else ""
            kind = type_word(r.entity_type, interface_language())
            item = QListWidgetItem(f"{second}{kind}: \u201c{r.original}\u201d \u2192 "
                                   f"{r.placeholder}  ({word})")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.redactions.addItem(item)
        self.warnings.setText("\n".join(f"\u26a0 {say(w)}" for w in data.warnings))
        self.signoff_state.setText(self.tr("Signed off. You can save a copy.") if data.is_signed_off
                                   else self.tr("Not signed off yet."))
        self._update_buttons()

    def _show_original(self) -> None:
        self.original.setPlainText("\n".join(s.text for s in self.data.segments))
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe08a"))
        doc = self.original.document()
        index = {s.id: i for i, s in enumerate(self.data.segments)}
        for r in self.data.redactions:
            if r.state == "rejected" or r.segment_id not in index:
                continue
            block = doc.findBlockByNumber(index[r.segment_id])
            cur = QTextCursor(doc)
            cur.setPosition(block.position() + r.start_char)
            cur.setPosition(block.position() + min(r.end_char, block.length() - 1),
                            QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)

    def _update_buttons(self) -> None:
        has_text = bool(self.data.segments)
        undecided = any(r.state == "proposed" for r in self.data.redactions)
        self.detect_button.setEnabled(has_text)
        self.accept_all_button.setEnabled(undecided)
        self.signoff_button.setEnabled(has_text and self.confirm.isChecked()
                                       and not self.data.is_signed_off)
        self.save_button.setEnabled(self.data.is_signed_off)
        self.doc_button.setEnabled(self.data.is_signed_off)
        self.doc_names_button.setEnabled(has_text)

    # --- actions ------------------------------------------------------------------------
    def _write(self, fn: Any, *args: Any) -> None:
        if self.ctx.session.is_unlocked:
            vault = self.ctx.session.vault
            start_job(call(fn, vault, *args), self, succeeded=self._on_changed,
                      failed=self._on_failed, name=getattr(fn, "__name__", "review_write"), serial=True)

    @Slot(object)
    def _on_changed(self, _result: object = None) -> None:
        self.reload()
        self.interview_changed.emit()

    @Slot()
    def _on_detect(self) -> None:
        from core.deid.review import make_detect_job
        self.job.run(make_detect_job(self.ctx.session.vault, self.interview_id),
                     self.tr("Looking for names and details\u2026"), succeeded=self._on_changed,
                     name="detect")

    @Slot()
    def _on_accept_all(self) -> None:
        self._write(review_work.accept_all, self.interview_id)

    def _selected_redaction(self) -> int | None:
        item = self.redactions.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @Slot()
    def _on_hide(self) -> None:
        rid = self._selected_redaction()
        if rid is not None:
            self._write(review_work.decide, rid, True)

    @Slot()
    def _on_keep(self) -> None:
        rid = self._selected_redaction()
        if rid is not None:
            self._write(review_work.decide, rid, False)

    @Slot()
    def _on_add(self) -> None:
        cur = self.original.textCursor()
        if not cur.hasSelection() or cur.selectionStart() == cur.selectionEnd():
            self.job.say(self.tr("First select the words to hide in \u201cWhat was said\u201d."))
            return
        doc = self.original.document()
        block = doc.findBlock(cur.selectionStart())
        if doc.findBlock(cur.selectionEnd()).blockNumber() != block.blockNumber():
            self.job.say(self.tr("Select words within one passage."))
            return
        seg = self.data.segments[block.blockNumber()]
        start = cur.selectionStart() - block.position()
        end = cur.selectionEnd() - block.position()
        self._write(review_work.add, self.interview_id, seg.id, start, end,
                    str(self.entity.currentData()))

    @Slot()
    def _on_signoff(self) -> None:
        self._write(review_work.sign_off, self.interview_id)
        self.confirm.setChecked(False)

    @Slot()
    def _on_save(self) -> None:
        folder = chooser().folder(self, self.tr("Where should the copy go? (a folder or USB stick)"))
        if folder is None or not self.ctx.session.is_unlocked:
            return
        path = folder / review_work.packet_name(self.data.code, self.data.interview_date)
        self.job.run(review_work.export_job(self.ctx.session.vault, self.interview_id, path),
                     self.tr("Sealing the copy\u2026"), succeeded=self._on_saved, name="export")

    def _save_doc(self, identifying: bool) -> None:
        suggested = f"{self.data.code or 'interview'}{'-with-names' if identifying else ''}.docx"
        path = chooser().save_file(self, self.tr("Save the transcript"), suggested,
                                   self.tr("Word document (*.docx);;PDF (*.pdf)"))
        if path is None or not self.ctx.session.is_unlocked:
            return
        if path.suffix.lower() not in (".docx", ".pdf"):
            path = path.with_suffix(".docx")
        vault, iid = self.ctx.session.vault, self.interview_id
        self.job.run(call(_save_transcript, vault, iid, path, identifying),
                     self.tr("Saving the transcript\u2026"), succeeded=self._on_doc_saved, name="save_doc")

    @Slot()
    def _on_save_doc(self) -> None:
        self._save_doc(identifying=False)

    @Slot()
    def _on_save_doc_names(self) -> None:
        # The same words as core.reports.transcript_export.IDENTIFYING_WARNING / _HINT (the
        # CLI's), written out here so the Spanish catalogue carries them.
        if ask(self, self.tr("Save the transcript with real names?"),
               self.tr("This file will hold the real names and everything said on the record, "
                       "and it is NOT encrypted: anyone who opens the file, the folder or the USB "
                       "stick can read it.") + "\n\n" + self.tr(
                   "Save it only where nobody else can read it, and delete it when you are done. "
                   "The de-identified version is safer to print or carry."),
               self.tr("I understand: save with names"), self.tr("Cancel")):
            self._save_doc(identifying=True)

    @Slot(object)
    def _on_doc_saved(self, path: Any) -> None:
        self.job.say(self.tr("Saved: {path}").format(path=str(path)))

    @Slot(object)
    def _on_saved(self, result: tuple[Any, str]) -> None:
        info, words = result
        self.packet_info.setText(self.tr(
            "Saved: {path}\nCopy number: {pid}\nThis laptop's fingerprint: {fpr}\n"
            "Read aloud to your coordinator to check: {words}").format(
                path=str(info.path), pid=info.packet_id, fpr=info.device_fingerprint, words=words))
        self.saved.emit(info)
        self._on_changed()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        from core.errors import SecondLookFlags
        if isinstance(exc, SecondLookFlags):
            self.reload()  # the flags it filed appear in the list, to decide one by one
