"""The Spanish catalogue loads and translates the screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.app import install_translator


def test_spanish_translation_loads(qtbot):
    app = QCoreApplication.instance()
    translator = install_translator(app, "es")
    try:
        assert translator is not None
        assert QCoreApplication.translate("WelcomePage", "Create a new vault") == "Crear una bóveda nueva"
        assert QCoreApplication.translate("MainWindow", "Lock now") == "Bloquear ahora"
    finally:
        if translator is not None:
            app.removeTranslator(translator)
