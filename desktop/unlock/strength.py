"""Passphrase strength in plain words (zxcvbn) and a meter that shows it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from core.vault.db import MIN_PASSPHRASE_LEN

MIN_SCORE = 2  # zxcvbn 0..4; below 2 is guessable within hours offline


def _tr(text: str) -> str:
    return QCoreApplication.translate("strength", text)


@dataclass(frozen=True)
class Strength:
    score: int       # 0..4
    label: str
    advice: str
    is_acceptable: bool


def rate(passphrase: str) -> Strength:
    """Rate a passphrase; acceptable means long enough and zxcvbn score >= 2."""
    if not passphrase:
        return Strength(0, "", _general_advice(), False)
    import zxcvbn  # fast (a few ms); imported late so start-up stays quick
    result = zxcvbn.zxcvbn(passphrase[:128])  # zxcvbn slows down on very long input
    score = int(result["score"])
    labels = [QCoreApplication.translate("strength", "Very weak"), QCoreApplication.translate("strength", "Weak"),
              QCoreApplication.translate("strength", "Fair"), QCoreApplication.translate("strength", "Strong"),
              QCoreApplication.translate("strength", "Very strong")]
    advice = " ".join(x for x in [result["feedback"].get("warning", "")]
                      + list(result["feedback"].get("suggestions", [])) if x)
    long_enough = len(passphrase) >= MIN_PASSPHRASE_LEN
    if not long_enough:
        said = QCoreApplication.translate("strength", "Use at least %n characters.").replace("%n", str(MIN_PASSPHRASE_LEN))
    else:
        said = _advice(advice) if advice else ""
    return Strength(score, labels[score], said, long_enough and score >= MIN_SCORE)


def _general_advice() -> str:
    return QCoreApplication.translate("strength", "A few unrelated words make a strong passphrase that is easy "
                                                  "to remember.")


def _advice(advice: str) -> str:
    """zxcvbn's advice is English; where the interface language has no words for it, the
    general advice in that language is shown instead of English."""
    from desktop.errors import interface_language
    said = _tr(advice)
    if said == advice and interface_language() != "en":
        return _general_advice()
    return said


class StrengthMeter(QWidget):
    """A bar and a sentence that follow the passphrase as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.strength = rate("")
        self.update_for("")

    def update_for(self, passphrase: str) -> Strength:
        self.strength = rate(passphrase)
        self.bar.setValue(self.strength.score if passphrase else 0)
        self.bar.setProperty("level", str(self.strength.score))
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        text = self.strength.label
        if self.strength.advice:
            text = f"{text}. {self.strength.advice}" if text else self.strength.advice
        self.label.setText(text)
        return self.strength
