"""Open every screen with the sample interview and save PNGs (``make screenshots``).

Runs under Xvfb (see the Makefile). Uses core.demo's sample vault when present; otherwise it
builds a small vault itself from the bundled guide and the test recording.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out_dir: str = "docs/screenshots") -> int:
    from PySide6.QtWidgets import QApplication

    from desktop import errors, jobs
    from desktop.app import build
    from desktop.preferences import Preferences
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    errors.set_presenter(lambda parent, msg: print("error shown:", msg.message))
    tmp = Path(tempfile.mkdtemp(prefix="confidant-shots-"))
    window = build(app, prefs=Preferences(tmp / "prefs.ini"), vault_folder=tmp / "vault",
                   kdf={"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1},
                   overrides={"live_transcript": False})
    window.resize(1300, 850)
    window.show()

    def settle(ms: int = 400) -> None:
        from PySide6.QtCore import QDeadlineTimer, QThread
        deadline = QDeadlineTimer(120000)
        while jobs.active_jobs() and not deadline.hasExpired():
            app.processEvents()
            QThread.msleep(20)
        for _ in range(max(1, ms // 20)):
            app.processEvents()
            QThread.msleep(20)

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    shot("01-welcome")
    view = window.unlock_view
    view.welcome.create_button.click()
    view.create.passphrase.setText("correct horse battery staple")
    view.create.confirm.setText("correct horse battery staple")
    shot("02-create-vault")
    view.create.create_button.click()
    settle()
    shot("03-recovery-code")
    view.recovery.kept.setChecked(True)
    view.recovery.continue_button.click()
    shot("04-interviews-empty")
    window.interviews.new_button.click()
    settle()
    window.new_interview.site.setEditText("SITE-A")
    shot("05-new-interview")
    window.new_interview.script_read.setChecked(True)
    window.new_interview.create_button.click()
    shot("06-record")
    window.interview.tabs.setCurrentWidget(window.transcript)
    shot("07-transcript")
    window.interview.tabs.setCurrentWidget(window.review)
    shot("08-review")
    window._select_nav("settings")
    shot("09-settings")
    window._select_nav("interviews")
    shot("10-interviews")
    window.lock()
    shot("11-locked")
    window.ctx.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
