"""The sharing rules and the quote review list: candidate quotes for shareable reports,
flagged ones first.

Core decides what is a candidate and why it is flagged (core.reports.share_quotes,
core.reports.quote_screen); this widget lists the view's review items and sends each
approve/reject to core, which keeps it in the vault and logs it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.reports.quote_screen import kind_message
from desktop.errors import say
from desktop.widgets.buttons import button, note


class QuoteReviewWidget(QWidget):
    decided = Signal(str, str, list)  # quote key, "approved" | "rejected", flag kinds
    rules_changed = Signal(int, int)   # k, quote threshold

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []
        self.labels: dict[str, str] = {}
        v = QVBoxLayout(self)
        rules = QHBoxLayout()
        rules.addWidget(QLabel(self.tr("Smallest group shown"), self))
        self.k = QSpinBox(self)
        self.k.setRange(2, 50)
        self.k.setSuffix(self.tr(" interviews"))
        rules.addWidget(self.k)
        rules.addWidget(QLabel(self.tr("Quotes only for themes in at least"), self))
        self.quote_min = QSpinBox(self)
        self.quote_min.setRange(2, 500)
        self.quote_min.setSuffix(self.tr(" interviews"))
        rules.addWidget(self.quote_min)
        self.save_rules = button(self.tr("Save the rules"), self, name="save_rules")
        rules.addWidget(self.save_rules)
        rules.addStretch(1)
        v.addLayout(rules)
        self.save_rules.clicked.connect(self._on_save_rules)
        v.addWidget(note(self.tr("Quotes a shareable report may carry. Flagged ones mention a detail that "
                                 "could point at a person; they appear only once you approve them. The "
                                 "findings brief carries only quotes you approved."), self))
        self.show_all = QCheckBox(self.tr("Also show quotes nothing was flagged in"), self)
        v.addWidget(self.show_all)
        self.list = QListWidget(self)
        self.list.setObjectName("quote_review")
        self.list.setWordWrap(True)
        v.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.approve_button = button(self.tr("Approve for sharing"), self, name="approve_quote")
        self.reject_button = button(self.tr("Keep it out"), self, name="reject_quote")
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        v.addLayout(row)
        self.show_all.toggled.connect(self._fill)
        self.approve_button.clicked.connect(self._on_approve)
        self.reject_button.clicked.connect(self._on_reject)

    def set_rules(self, k: int, quote_min: int) -> None:
        self.k.setValue(k)
        self.quote_min.setValue(quote_min)

    @Slot()
    def _on_save_rules(self) -> None:
        self.rules_changed.emit(self.k.value(), self.quote_min.value())

    def set_items(self, items: list[Any], labels: dict[str, str]) -> None:
        self.items, self.labels = items, labels
        self._fill()

    @Slot()
    def _fill(self) -> None:
        self.list.clear()
        shown = [r for r in self.items if r.flags or self.show_all.isChecked()]
        shown.sort(key=lambda r: (r.decision is not None, not r.flags, self.labels.get(r.theme_id, ""), r.key))
        for r in shown:
            state = {"approved": self.tr("approved"), "rejected": self.tr("kept out")}.get(
                r.decision or "", self.tr("waiting for you") if r.flags else self.tr("not flagged"))
            lines = [f"[{state}] {self.labels.get(r.theme_id, r.theme_id)} \u00b7 {r.site}", f"\u201c{r.text}\u201d"]
            lines += [f"  \u26a0 {say(kind_message(f.kind))}: {f.words}" for f in r.flags]
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, r.key)
            self.list.addItem(item)
        if shown:
            self.list.setCurrentRow(0)

    def _selected(self) -> Any:
        item = self.list.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((r for r in self.items if r.key == key), None)

    @Slot()
    def _on_approve(self) -> None:
        r = self._selected()
        if r is not None:
            self.decided.emit(r.key, "approved", [f.kind for f in r.flags])

    @Slot()
    def _on_reject(self) -> None:
        r = self._selected()
        if r is not None:
            self.decided.emit(r.key, "rejected", [f.kind for f in r.flags])
