"""Horizontal bars: for each theme, how many interviews touched it, one bar per site.

Drawn with QPainter (docs/decisions/0070): no extra Qt module, renders offscreen in tests and
screenshots, and the colours come from a palette safe for colour-blind readers (Okabe-Ito).
Every bar also carries its number, so nothing depends on colour alone. In the shareable view
a withheld figure (``None``) draws no bar and a dash, as the shared report prints it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
BAR_H = 16
GAP = 10


class ThemeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, dict[str, int | None]]] = []  # theme label -> site -> interviews
        self.sites: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Themes by site"))

    def set_data(self, rows: list[tuple[str, dict[str, int | None]]], sites: list[str]) -> None:
        self.rows, self.sites = rows, sites
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _bar_h(self) -> int:
        # A bar is at least as tall as a line of text, so labels never overlap at 150 %.
        return max(BAR_H, self.fontMetrics().height() + 2)

    def _label_w(self) -> int:
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(label) for label, _ in self.rows), default=0) + 14
        return max(80, min(widest, int(self.width() * 0.45)))

    def _height(self) -> int:
        per_theme = max(1, len(self.sites)) * self._bar_h() + GAP
        return 40 + len(self.rows) * per_theme

    def sizeHint(self) -> QSize:
        return QSize(700, self._height())

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No themes yet."))
            p.end()
            return
        top = max((max((n for n in v.values() if n is not None), default=0) for _, v in self.rows),
                  default=0) or 1
        bar_h, label_w = self._bar_h(), self._label_w()
        bar_w = max(50, self.width() - label_w - 60)
        font = QFont(self.font())
        p.setFont(font)
        x_legend = label_w
        for i, site in enumerate(self.sites):
            p.fillRect(QRectF(x_legend, 8, 12, 12), QColor(PALETTE[i % len(PALETTE)]))
            p.setPen(QColor("#1b1f24"))
            p.drawText(int(x_legend + 16), 19, site)
            x_legend += 24 + p.fontMetrics().horizontalAdvance(site)
        y = 32.0
        for label, by_site in self.rows:
            block_h = max(1, len(self.sites)) * bar_h
            p.setPen(QColor("#1b1f24"))
            shown = p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, label_w - 10)
            p.drawText(QRectF(4, y, label_w - 10, block_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            for i, site in enumerate(self.sites):
                n = by_site.get(site, 0)
                w = 0.0 if n is None else bar_w * n / top
                p.fillRect(QRectF(label_w, y + i * bar_h + 1, w, bar_h - 2),
                           QColor(PALETTE[i % len(PALETTE)]))
                p.drawText(int(label_w + w + 4), int(y + (i + 1) * bar_h - 4), "\u2013" if n is None else str(n))
            y += block_h + GAP
        p.end()
