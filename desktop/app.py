"""The composition root: builds the QApplication, preferences, session and main window.

``python -m desktop`` (and ``confidant app``) call ``main()``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.session import Session

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    """resources/ beside the code (or inside a frozen installer bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    return base / "resources"


def load_stylesheet() -> str:
    path = resources_dir() / "styles" / "confidant.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load resources/translations/confidant_<lang>.qm (English needs none)."""
    if language == "en":
        return None
    translator = QTranslator(app)
    qm = resources_dir() / "translations" / f"confidant_{language}.qm"
    if translator.load(str(qm)):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        return translator
    log.warning("no translation for %s", language)
    return None


def default_vault_folder(prefs: Preferences) -> Path:
    if prefs.vault_folder:
        return Path(prefs.vault_folder)
    from core.vault.location import default_vault_dir
    return default_vault_dir()


def build(app: QApplication, *, prefs: Preferences, vault_folder: Path | None = None,
          kdf: dict | None = None, overrides: dict | None = None) -> MainWindow:
    """Make the window (tests call this with their own preferences and folders)."""
    app.setStyleSheet(load_stylesheet())
    folder = vault_folder or default_vault_folder(prefs)
    session = Session(folder, kdf)
    ctx = AppContext(session, prefs, dict(overrides or {}))
    window = MainWindow(ctx, folder)
    icon = resources_dir() / "icons" / "confidant.svg"
    if icon.exists():
        window.setWindowIcon(QIcon(str(icon)))
    return window


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="confidant app", description="Open the Confidant window.")
    parser.add_argument("--vault", metavar="DIR", help="vault folder")
    parser.add_argument("--language", choices=["en", "es"], help="interface language")
    parser.add_argument("-v", "--verbose", action="store_true")
    args, qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from core.display import NO_DISPLAY_HINT, display_problem
    problem = display_problem()
    if problem is not None and QApplication.instance() is None:
        print(f"{problem}\nhint: {NO_DISPLAY_HINT}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Confidant")
    app.setOrganizationName("Confidant")
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    prefs = Preferences()
    install_translator(app, args.language or prefs.language)
    window = build(app, prefs=prefs, vault_folder=Path(args.vault) if args.vault else None)
    window.show()
    return int(app.exec())
