"""The Spanish catalogue loads and translates the screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.app import install_translator


def test_spanish_translation_loads(qtbot):
    app = QCoreApplication.instance()
    translator = install_translator(app, "es")
    try:
        assert translator is not None
        assert QCoreApplication.translate("WelcomePage", "Try it with a sample interview") == "Probar con una entrevista de ejemplo"
        assert QCoreApplication.translate("MainWindow", "Lock now") == "Bloquear ahora"
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def _messages(ts_path):
    """(context, source, translation, type) for every live message of a .ts catalogue."""
    import xml.etree.ElementTree as ET
    out = []
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            out.append((name, m.findtext("source"), tr.text or "", tr.get("type")))
    return out


def test_every_string_in_the_code_has_a_spanish_translation(tmp_path):
    """Re-extract the strings from desktop/ (pyside6-lupdate) into a copy of the catalogue: a
    string added to the code without a Spanish translation shows up as unfinished here."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest
    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    ts = root / "resources" / "translations" / "confidant_es.ts"
    copy = tmp_path / "confidant_es.ts"
    shutil.copy(ts, copy)
    sources = sorted(str(p) for p in (root / "desktop").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    messages = _messages(copy)
    assert len(messages) > 200
    untranslated = [src for _, src, text, kind in messages if kind == "unfinished" or not text.strip()]
    assert not untranslated, f"{len(untranslated)} strings lack Spanish: {untranslated[:10]}"


def test_compiled_catalogue_matches_the_source_catalogue(qtbot):
    """The shipped .qm is recompiled from the .ts (pyside6-lrelease, decision 0071)."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    app = QCoreApplication.instance()
    translator = install_translator(app, "es")
    try:
        assert translator is not None
        stale = [(ctx, src) for ctx, src, text, _ in _messages(root / "resources" / "translations" / "confidant_es.ts")
                 if QCoreApplication.translate(ctx, src) != text]
        assert not stale, f"recompile the .qm: {stale[:5]}"
    finally:
        app.removeTranslator(translator)


def test_spanish_counts_agree_in_number(qtbot):
    """ "1 lugares encontrados" was wrong: one place is a separate sentence (issue 16)."""
    app = QCoreApplication.instance()
    translator = install_translator(app, "es")
    try:
        assert QCoreApplication.translate("InterviewsView", "1 place found.") == "1 lugar encontrado."
        assert QCoreApplication.translate("InterviewsView", "{n} places found.").format(n=3) == \
            "3 lugares encontrados."
    finally:
        app.removeTranslator(translator)
