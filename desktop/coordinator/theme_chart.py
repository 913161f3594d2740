"""Horizontal bars: for each theme, how many interviews touched it, one bar per site.

Drawn with QPainter (docs/decisions/0070): no extra Qt module, renders offscreen in tests and
screenshots, and the colours come from a palette safe for colour-blind readers (Okabe-Ito).
Every bar also carries its number, so nothing depends on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
BAR_H = 16
GAP = 10
LABEL_W = 230


class ThemeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, dict[str, int]]] = []  # theme label -> site -> interviews
        self.sites: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Themes by site"))

    def set_data(self, rows: list[tuple[str, dict[str, int]]], sites: list[str]) -> None:
        self.rows, self.sites = rows, sites
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        per_theme = max(1, len(self.sites)) * BAR_H + GAP
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
        top = max((max(v.values(), default=0) for _, v in self.rows), default=0) or 1
        bar_w = max(50, self.width() - LABEL_W - 60)
        font = QFont(self.font())
        p.setFont(font)
        x_legend = LABEL_W
        for i, site in enumerate(self.sites):
            p.fillRect(QRectF(x_legend, 8, 12, 12), QColor(PALETTE[i % len(PALETTE)]))
            p.setPen(QColor("#1b1f24"))
            p.drawText(int(x_legend + 16), 19, site)
            x_legend += 24 + p.fontMetrics().horizontalAdvance(site)
        y = 32.0
        for label, by_site in self.rows:
            block_h = max(1, len(self.sites)) * BAR_H
            p.setPen(QColor("#1b1f24"))
            p.drawText(QRectF(4, y, LABEL_W - 10, block_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter |
                       Qt.TextFlag.TextWordWrap, label)
            for i, site in enumerate(self.sites):
                n = by_site.get(site, 0)
                w = bar_w * n / top
                p.fillRect(QRectF(LABEL_W, y + i * BAR_H + 1, w, BAR_H - 2),
                           QColor(PALETTE[i % len(PALETTE)]))
                p.drawText(int(LABEL_W + w + 4), int(y + (i + 1) * BAR_H - 3), str(n))
            y += block_h + GAP
        p.end()
