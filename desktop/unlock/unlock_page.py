"""The two first pages: Welcome (no vault yet) and Unlock (passphrase)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.widgets.buttons import button, heading, note


def _centered(parent: QWidget) -> QVBoxLayout:
    outer = QHBoxLayout(parent)
    outer.addStretch(1)
    column = QVBoxLayout()
    column.addStretch(1)
    outer.addLayout(column, 3)
    outer.addStretch(1)
    return column


class WelcomePage(QWidget):
    """First start: create a vault, try the sample, or open another folder."""

    create_requested = Signal()
    sample_requested = Signal()
    folder_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = _centered(self)
        col.addWidget(heading(self.tr("Welcome to Confidant"), self))
        col.addWidget(note(self.tr(
            "Confidant keeps your interviews locked on this computer. It records, types up and "
            "sorts what people tell you, and only shares a copy with names taken out."), self))
        # "Vault" is our word, not theirs: the first screen speaks of interviews (issue 16).
        self.open_button = button(self.tr("Unlock my interviews"), self, role="primary",
                                  name="open_button")
        self.create_button = button(self.tr("Start keeping interviews on this computer"), self,
                                    role="primary", name="create_button")
        self.sample_button = button(self.tr("Try it with a sample interview"), self, role="big",
                                    name="sample_button")
        self.sample_note = note(self.tr(
            "The sample holds a made-up interview only. It reopens without a passphrase of "
            "your own (its passphrase is \u201c{p}\u201d)."), self)
        self.folder_button = button(self.tr("Open interviews kept in another folder\u2026"), self)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        for w in (self.open_button, self.create_button, self.sample_button, self.sample_note,
                  self.folder_button, self.status):
            col.addWidget(w)
        col.addStretch(2)
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_requested)
        self.create_button.clicked.connect(self.create_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.folder_button.clicked.connect(self.folder_requested)


class UnlockPage(QWidget):
    """Type the passphrase; a banner shows when a recording runs behind the lock."""

    unlock_requested = Signal(str)
    forgot_requested = Signal()
    folder_requested = Signal()
    stop_recording_requested = Signal()
    back_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = _centered(self)
        col.addWidget(heading(self.tr("Unlock your interviews"), self))
        self.folder_label = QLabel("", self)
        self.folder_label.setProperty("note", "1")
        self.folder_label.setWordWrap(True)
        col.addWidget(self.folder_label)
        # The sample vault's passphrase is no secret (made-up data): say it, and open it in one press.
        self.sample_note = note("", self)
        self.sample_button = button(self.tr("Open the sample interview"), self, role="big",
                                    name="open_sample_button")
        col.addWidget(self.sample_note)
        col.addWidget(self.sample_button)
        self.recording_banner = QLabel("", self)
        self.recording_banner.setObjectName("recording_banner")
        self.recording_banner.setWordWrap(True)
        self.stop_recording_button = button(self.tr("Stop the recording (it is kept safe)"), self,
                                            role="danger", name="stop_recording_button")
        col.addWidget(self.recording_banner)
        col.addWidget(self.stop_recording_button)
        col.addWidget(QLabel(self.tr("Passphrase"), self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        col.addWidget(self.passphrase)
        self.unlock_button = button(self.tr("Unlock"), self, role="primary", name="unlock_button")
        col.addWidget(self.unlock_button)
        self.status = QLabel("", self)
        self.status.setObjectName("unlock_status")
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        row = QHBoxLayout()
        self.forgot_button = button(self.tr("I forgot my passphrase"), self)
        self.folder_button = button(self.tr("Interviews in another folder\u2026"), self)
        self.back_button = button(self.tr("\u2190 Back to the start"), self, name="back_to_start_button")
        row.addWidget(self.back_button)
        row.addWidget(self.forgot_button)
        row.addWidget(self.folder_button)
        col.addLayout(row)
        col.addStretch(2)
        self.unlock_button.clicked.connect(self._on_unlock)
        self.passphrase.returnPressed.connect(self._on_unlock)
        self.forgot_button.clicked.connect(self.forgot_requested)
        self.folder_button.clicked.connect(self.folder_requested)
        self.stop_recording_button.clicked.connect(self.stop_recording_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.show_recording(None)
        self.show_sample(None)

    def show_sample(self, passphrase: str | None) -> None:
        """Show (or hide, with None) that this is the sample vault and how it opens."""
        visible = passphrase is not None
        self.sample_note.setVisible(visible)
        self.sample_button.setVisible(visible)
        self.forgot_button.setVisible(not visible)
        if visible:
            self.sample_note.setText(self.tr(
                "This is the sample: a made-up interview, no real data. Its passphrase is "
                "\u201c{p}\u201d, or just press the button.").format(p=passphrase))

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.unlock_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.status.setText(message)

    def show_recording(self, elapsed_text: str | None) -> None:
        """Show (or hide, with None) the "recording continues" banner."""
        visible = elapsed_text is not None
        self.recording_banner.setVisible(visible)
        self.stop_recording_button.setVisible(visible)
        self.back_button.setVisible(not visible)  # the running recording needs this vault
        if visible:
            self.recording_banner.setText(self.tr(
                "A recording is running ({elapsed}). It keeps recording while the screen is "
                "locked. Unlock to return to it.").format(elapsed=elapsed_text))

    @Slot()
    def _on_unlock(self) -> None:
        text = self.passphrase.text()
        if text and self.unlock_button.isEnabled():
            self.unlock_requested.emit(text)
