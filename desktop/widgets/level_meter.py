"""A horizontal input level meter. It is told the level; it never reads audio itself.

The record view polls the recorder with a QTimer and calls ``set_level`` (Conventions: no
signal per audio block). Colours: calm green, amber near the top, red when clipping; the
numbers are also spoken through the accessible description.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

_FLOOR_DB = -60.0


def to_fraction(value: float) -> float:
    """Map an amplitude 0..1 to 0..1 on a -60..0 dB scale (what ears expect)."""
    if value <= 0:
        return 0.0
    db = 20.0 * math.log10(max(value, 1e-6))
    return max(0.0, min(1.0, (db - _FLOOR_DB) / -_FLOOR_DB))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peak = 0.0
        self.rms = 0.0
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Microphone level"))

    def sizeHint(self) -> QSize:
        return QSize(300, 32)

    def set_level(self, peak: float, rms: float) -> None:
        if (peak, rms) != (self.peak, self.rms):
            self.peak, self.rms = peak, rms
            self.update()

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QColor("#5b6470"))
        p.setBrush(QColor("#eef1f4"))
        p.drawRoundedRect(rect, 6, 6)
        rms_w = rect.width() * to_fraction(self.rms)
        colour = "#1f7a3a" if self.peak < 0.7 else "#b26a00" if self.peak < 0.98 else "#b00020"
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), rms_w, rect.height()), 6, 6)
        peak_x = rect.left() + rect.width() * to_fraction(self.peak)
        p.setPen(QColor("#1b1f24"))
        p.drawLine(int(peak_x), int(rect.top()) + 2, int(peak_x), int(rect.bottom()) - 2)
        p.end()
