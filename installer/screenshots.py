"""Open every screen with the sample interview and save PNGs (``make screenshots``).

Runs under Xvfb (see the Makefile). Builds the sample vault once with
``core.demo.create_demo_vault`` (the bundled interview, transcribed, tagged and scanned for
names) in a temporary folder, then drives the real windows through the whole workflow:
a new vault, the sample vault (interviews, new interview, a recording from a fake
microphone, transcript, review, sharing, settings, the privacy check) and a coordinator
vault that imports the copy saved from the sample vault, so the dashboard shows data.
Every vault lives in the temporary folder and is deleted at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "correct horse battery staple"
FAST_KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
SIZE = (1320, 860)


def prepare(tmp: Path) -> dict[str, Any]:
    """The sample vault (some themes accepted, some still suggested) and a coordinator vault."""
    from core.coordinator import devices
    from core.demo import create_demo_vault
    from core.packets import keys
    from core.vault import Vault
    from core.vault.tags import TagRepo

    started = time.perf_counter()
    coordinator, _ = Vault.create(tmp / "coordinator", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    demo = create_demo_vault(tmp / "sample", PASSPHRASE)  # default KDF: the check passes
    try:
        keys.add_recipient(demo, keys.age_recipient(coordinator), label="Site coordinator")
        devices.enrol(coordinator, keys.device_public_key(demo), "Researcher laptop")
        tags = TagRepo(demo)
        from core.vault.interviews import InterviewRepo
        [iv] = InterviewRepo(demo).list()
        # Accept two of every three suggestions: the transcript shows both kinds of chip and
        # the coordinator's charts get most themes.
        for i, tag in enumerate(tags.list(iv.id, state="suggested")):
            if i % 3:
                tags.accept(tag.id)
    finally:
        demo.close()
        coordinator.close()
    print(f"sample vault ready in {time.perf_counter() - started:.0f} s")
    return {"interview_id": iv.id}


class Shooter:
    def __init__(self, app: Any, out: Path) -> None:
        self.app, self.out = app, out
        self.window: Any = None

    def pump(self, ms: int) -> None:
        from PySide6.QtCore import QThread
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            QThread.msleep(15)

    def settle(self, ms: int = 400, timeout_s: float = 300) -> None:
        from desktop import jobs
        end = time.monotonic() + timeout_s
        while jobs.active_jobs() and time.monotonic() < end:
            self.pump(30)
        self.pump(ms)

    def wait_for(self, predicate: Any, timeout_s: float = 120) -> None:
        end = time.monotonic() + timeout_s
        while not predicate() and time.monotonic() < end:
            self.pump(50)

    def shot(self, name: str, *, settle: bool = True) -> None:
        if settle:
            self.settle()
        else:
            self.pump(150)
        path = self.out / f"{name}.png"
        self.window.grab().save(str(path))
        print(path, f"{path.stat().st_size // 1024} KB")

    def open_window(self, folder: Path, prefs: Path, overrides: dict[str, Any] | None = None) -> Any:
        from desktop.app import build
        from desktop.preferences import Preferences
        if self.window is not None:
            self.close_window()
        self.window = build(self.app, prefs=Preferences(prefs), vault_folder=folder, kdf=FAST_KDF,
                            overrides=overrides or {"live_transcript": False})
        self.window.resize(*SIZE)
        self.window.show()
        self.pump(300)
        return self.window

    def unlock(self) -> None:
        page = self.window.unlock_view.unlock
        page.passphrase.setText(PASSPHRASE)
        page.unlock_button.click()
        self.wait_for(lambda: self.window.ctx.session.is_unlocked)
        self.settle()

    def close_window(self) -> None:
        self.settle(100)
        self.window.ctx.session.close()
        self.window.hide()
        self.window.deleteLater()
        self.pump(100)
        self.window = None


def new_vault_screens(s: Shooter, tmp: Path) -> None:
    w = s.open_window(tmp / "new-vault", tmp / "prefs-new.ini")
    s.shot("01-welcome")
    view = w.unlock_view
    view.welcome.create_button.click()
    view.create.passphrase.setText(PASSPHRASE)
    view.create.confirm.setText(PASSPHRASE)
    s.shot("02-create-vault")
    view.create.create_button.click()
    s.wait_for(lambda: view.currentWidget() is view.recovery)
    s.shot("03-recovery-code")
    s.close_window()


def researcher_screens(s: Shooter, tmp: Path, sample: dict[str, Any]) -> Path:
    import numpy as np
    import soundfile as sf

    from core.audio.fake import fake_input_factory
    from core.audio.resample import resample
    from core.demo.sample import load_sample
    from desktop.widgets.files import FixedChooser, set_chooser

    audio, rate = sf.read(str(load_sample().audio_path), dtype="float32")
    mono = audio if audio.ndim == 1 else audio.mean(axis=1)
    signal = resample(mono, int(rate)).astype(np.float32)
    overrides = {"stream_factory": fake_input_factory(signal, speed=1.5), "live_transcript": True}
    w = s.open_window(tmp / "sample", tmp / "prefs-sample.ini", overrides)
    s.shot("04-unlock")
    s.unlock()
    s.shot("05-interviews")

    # A new interview, then a recording from the fake microphone (the sample audio, 2x).
    w.interviews.new_button.click()
    s.settle()
    ni = w.new_interview
    ni.site.setEditText("SITE-B")
    ni.witness.setText("Union steward")
    ni.names.set_entries([("Maria Lopez", "participant"), ("Deshawn", "supervisor")])
    ni.workplaces.setText("Hilltop Care Home")
    ni.script_read.setChecked(True)
    s.shot("06-new-interview")
    ni.create_button.click()
    s.settle()
    rec = w.record
    rec.record_button.click()
    s.wait_for(lambda: rec.recorder is not None)
    s.pump(6000)
    rec.guide_panel.next_button.click()
    s.pump(6000)
    rec.guide_panel.next_button.click()
    s.wait_for(lambda: bool(rec.live_text.toPlainText().strip()), timeout_s=60)
    s.wait_for(lambda: rec.recorder.level[0] > 0.2, timeout_s=10)
    s.shot("07-record", settle=False)
    rec.off_button.click()
    s.pump(1000)
    s.wait_for(lambda: rec.recorder.level[0] > 0.2, timeout_s=10)
    s.shot("08-record-off-the-record", settle=False)
    rec.off_button.click()
    rec.stop_recording()
    s.settle(500)

    # The sample interview: transcript, review, sharing.
    w.show_interviews()
    s.settle()
    w.open_interview(sample["interview_id"], 1)
    s.settle(800)
    # Scroll to the first passage showing both a suggested and an accepted theme.
    tv = w.transcript
    accepted = [x for x in tv.widgets if any(b.property("chip") == "accepted" for b in x.chip_buttons())]
    target = (accepted or tv.widgets)[0]
    tv.scroll.verticalScrollBar().setValue(max(0, target.y() - 260))
    s.shot("09-transcript")
    w.interview.tabs.setCurrentWidget(w.review)
    s.settle(800)
    if w.review.redactions.count():
        w.review.redactions.setCurrentRow(0)
    s.shot("10-review")
    usb = tmp / "usb-stick"
    usb.mkdir()
    set_chooser(FixedChooser(folder=usb))
    w.review.accept_all_button.click()
    s.settle()
    w.review.confirm.setChecked(True)
    w.review.signoff_button.click()
    s.settle()
    if not w.review.data.is_signed_off:
        # The second look (decision 0108) filed what still needs a decision: hide each one,
        # as a person would after reading it, then sign off again.
        from core.deid import review as deid_review
        vault = w.ctx.session.vault
        for r in deid_review.list_redactions(vault, sample["interview_id"], "proposed"):
            deid_review.accept(vault, r.id)
        w.review.reload()
        s.settle()
        w.review.confirm.setChecked(True)
        w.review.signoff_button.click()
        s.settle()
    w.review.save_button.click()
    s.settle()
    info = w.review.packet_info
    info.setText(info.text().replace(str(usb), "/media/researcher/USB-STICK"))  # no temp path
    s.shot("11-share")
    [packet] = usb.glob("*.cpkt")

    w._select_nav("settings")
    s.shot("12-settings")
    w.settings.audit.run_button.click()
    s.settle(500)
    from PySide6.QtWidgets import QScrollArea
    scroll = w.settings.findChild(QScrollArea)
    scroll.ensureWidgetVisible(w.settings.audit)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    s.shot("13-privacy-check")
    w.lock()
    s.shot("14-locked")
    s.close_window()
    return packet


def coordinator_screens(s: Shooter, tmp: Path, packet: Path) -> None:
    from desktop.widgets.files import FixedChooser, set_chooser
    w = s.open_window(tmp / "coordinator", tmp / "prefs-coordinator.ini")
    s.unlock()
    coord = w.coordinator
    set_chooser(FixedChooser(opens=[packet]))
    coord.tabs.setCurrentIndex(1)
    coord.import_button.click()
    s.settle()
    s.shot("15-coordinator-inbox")
    coord.tabs.setCurrentIndex(2)
    coord.refresh()
    s.settle(800)
    s.shot("16-coordinator-dashboard")
    coord.tabs.setCurrentIndex(0)
    s.shot("17-coordinator-devices")
    s.close_window()


def main(out_dir: str = "docs/screenshots") -> int:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop import errors
    from desktop.widgets import confirm
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    app = QApplication([sys.argv[0]])
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))  # as desktop.app.main does
    app.setFont(font)
    errors.set_presenter(lambda parent, msg: print("error shown:", msg.message, msg.hint))
    confirm.set_answerer(lambda parent, title, question, yes, no: True)
    tmp = Path(tempfile.mkdtemp(prefix="confidant-shots-"))
    # The privacy check scans the temp and app folders: point them into our own folder so it
    # sees this run only (and no path of the machine making the pictures shows up in them).
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(tmp / "home" / var.lower())
    (tmp / "system-temp").mkdir()
    tempfile.tempdir = str(tmp / "system-temp")
    try:
        sample = prepare(tmp)
        s = Shooter(app, out)
        new_vault_screens(s, tmp)
        packet = researcher_screens(s, tmp, sample)
        coordinator_screens(s, tmp, packet)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
