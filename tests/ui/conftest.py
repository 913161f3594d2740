"""Fixtures for the desktop tests: offscreen Qt, fakes for dialogs, a window on a temp vault."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import FAST_KDF, JFK_FLAC, PASSPHRASE


class ShownErrors(list):
    """A presenter that records what would have been shown (a fake, not a mock)."""

    def __call__(self, parent, msg) -> None:
        self.append(msg)


class Answers:
    """Answers yes/no questions from a queue (default: the safe answer, "no")."""

    def __init__(self) -> None:
        self.queue: list[bool] = []
        self.asked: list[str] = []

    def __call__(self, parent, title, question, yes, no) -> bool:
        self.asked.append(question)
        return self.queue.pop(0) if self.queue else False


@pytest.fixture
def shown_errors():
    from desktop import errors
    shown = ShownErrors()
    errors.set_presenter(shown)
    yield shown
    errors.set_presenter(None)


@pytest.fixture
def answers():
    from desktop.widgets import confirm
    a = Answers()
    confirm.set_answerer(a)
    yield a
    confirm.set_answerer(None)


@pytest.fixture
def files():
    from desktop.widgets.files import FixedChooser, set_chooser
    chooser = FixedChooser()
    set_chooser(chooser)
    yield chooser
    set_chooser(None)


@pytest.fixture(scope="session")
def jfk_signal() -> np.ndarray:
    if not JFK_FLAC.exists():
        pytest.skip("test data missing: jfk.flac")
    import soundfile as sf

    from core.audio.resample import resample
    data, rate = sf.read(str(JFK_FLAC), dtype="float32")
    mono = data if data.ndim == 1 else data.mean(axis=1)
    return resample(mono, int(rate)).astype(np.float32)


def make_window(qtbot, tmp_path: Path, folder: Path, overrides: dict | None = None):
    from PySide6.QtWidgets import QApplication

    from desktop import jobs
    from desktop.app import build
    from desktop.preferences import Preferences
    jobs.set_runner(None)
    prefs = Preferences(tmp_path / f"prefs-{folder.name}.ini")
    window = build(QApplication.instance(), prefs=prefs, vault_folder=folder, kdf=FAST_KDF,
                   overrides={"live_transcript": False, "warm_theme_model": False, **(overrides or {})})
    qtbot.addWidget(window)
    window.show()
    return window


def wait_idle(qtbot, timeout_ms: int = 20000) -> None:
    """Wait until no background job is running."""
    from desktop import jobs
    qtbot.waitUntil(lambda: not jobs.active_jobs(), timeout=timeout_ms)


def unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_view.unlock
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.is_unlocked, timeout=20000)
    wait_idle(qtbot)


@pytest.fixture
def researcher_window(qtbot, tmp_path, shown_errors, answers, files):
    """A window on an existing researcher vault, unlocked, with one interview (P-001)."""
    from core.vault import Vault
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    guide = GuideRepo(v).ensure_defaults()[0]
    iv = InterviewRepo(v).create("P-001", "SITE-A", guide_pk=guide.pk,
                                 consent=Consent("verbal", "2025-01-01T10:00", "", True))
    v.close()
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    window.test_interview_id = iv.id
    yield window
    stop_everything(qtbot, window)


def stop_everything(qtbot, window) -> None:
    if window.record.recorder is not None:
        window.record.stop_recording()
    wait_idle(qtbot, 30000)
    window.ctx.session.close()


@pytest.fixture
def spanish():
    """The Spanish catalogue installed, as the app does for a Spanish interface."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop.app import install_translator
    app = QCoreApplication.instance()
    before = QLocale()
    translator = install_translator(app, "es")
    assert translator is not None
    yield
    app.removeTranslator(translator)
    QLocale.setDefault(before)
