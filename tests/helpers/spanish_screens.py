"""What a person sees on a screen, and the English a Spanish screen must never show (the
Spanish UI tests: tests/ui/test_spanish.py, tests/ui/test_spanish_walk.py)."""

from __future__ import annotations


def english_sources() -> set[str]:
    """English strings a Spanish screen must never show: every catalogue source whose Spanish
    differs, and core's own messages and stages."""
    import json
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from core import messages
    root = Path(__file__).resolve().parents[2]
    out = set()
    for m in ET.parse(root / "resources" / "translations" / "confidant_es.ts").getroot().iter("message"):
        source, tr = m.findtext("source") or "", m.find("translation")
        if tr is not None and tr.get("type") not in ("vanished", "obsolete") and (tr.text or "") != source:
            out.add(source)
    spanish = json.loads((root / "resources" / "translations" / "core.es.json").read_text(encoding="utf-8"))
    out |= {text for key, text in messages.STAGES.items() if spanish.get(key) != text}
    # The English guide's theme labels and questions (a Spanish interview has its own).
    from core.guide.loader import load_guide
    from core.vault.guides import default_guides_dir
    en = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))
    out |= {t.label for t in en.themes} | {q.text for q in en.questions()}
    # A language picker names each language in itself (English, Español): not a slip.
    return {s for s in out if len(s) > 3 and not s.startswith("%") and "{" not in s} - {"English"}


def visible_texts(widget) -> list[str]:
    """Every text a person can see on ``widget`` and its visible children."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTabBar,
        QTableWidget,
        QTextEdit,
        QTreeWidget,
        QTreeWidgetItemIterator,
        QWidget,
    )
    texts: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())] + [w.item(i).toolTip() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount()) if w.horizontalHeaderItem(i)]
            texts += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
        elif isinstance(w, QTreeWidget):
            texts += [w.headerItem().text(i) for i in range(w.columnCount())]
            it = QTreeWidgetItemIterator(w)
            while it.value():
                texts += [it.value().text(i) for i in range(w.columnCount())]
                it += 1
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(w.placeholderText())
        if w.toolTip():
            texts.append(w.toolTip())
        if w.isWindow() and w.windowTitle():
            texts.append(w.windowTitle())
    return [t for t in texts if t and t.strip()]
