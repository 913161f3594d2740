"""One embedded Unicode font family and one paper size for every PDF Confidant writes.

The base-14 PDF fonts are WinAnsi only and never embedded: "Łódź", "Nguyễn" or "phở" became
■ (docs/decisions/0145). DejaVu Sans (Debian's fonts-dejavu-core, bundled by the installer)
covers Latin, Greek, Cyrillic and Vietnamese, and reportlab embeds a subset of it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import CellStyle

from core.errors import CoreError, Msg

REGULAR = "ConfidantSans"
BOLD = "ConfidantSans-Bold"
ITALIC = "ConfidantSans-Oblique"
BOLD_ITALIC = "ConfidantSans-BoldOblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
          BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}
# Where the files are: the installer's bundle first, then the Debian/Ubuntu package.
BUNDLE_SUBDIR = Path("fonts") / "dejavu"
SYSTEM_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
               Path("/usr/local/share/fonts/dejavu"))

PAPER_SIZES = {"letter": letter, "a4": A4}
DEFAULT_PAPER = "letter"
_paper = DEFAULT_PAPER  # the open vault's choice (use_paper_of); every PDF of the process uses it


class FontMissing(CoreError):
    user_message = "The font Confidant writes PDFs with (DejaVu Sans) is not installed."
    hint = "Install the fonts-dejavu-core package (make setup does it), or reinstall Confidant."


def font_dirs() -> list[Path]:
    """Folders searched for the DejaVu files, in order."""
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / BUNDLE_SUBDIR)
    return dirs + list(SYSTEM_DIRS)


def _find(filename: str) -> Path:
    for folder in font_dirs():
        if (folder / filename).is_file():
            return folder / filename
    raise FontMissing()


def register() -> None:
    """Register the family once per process (idempotent); raises FontMissing if absent."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(_find(filename))))
    # So <b> and <i> inside Paragraph markup pick the embedded faces too.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    # Tables, canvases and charts fall back to this name wherever no font is given; left at
    # Helvetica, one unstyled cell would bring back a non-embedded WinAnsi font.
    rl_config.canvas_basefontname = REGULAR
    STATE_DEFAULTS["fontName"] = REGULAR  # charts: every drawing starts from this font
    CellStyle.fontname = REGULAR  # table cells without a FONT command (read at import time)


def page_size(paper: str | None = None) -> tuple[float, float]:
    """The page size for a paper name ("letter" or "a4"), by default the vault's setting."""
    return PAPER_SIZES.get((paper or _paper).lower(), PAPER_SIZES[DEFAULT_PAPER])


def use_paper(paper: str | None) -> str:
    """Make ``paper`` the size of every PDF written from now on (unknown: the default)."""
    global _paper
    _paper = paper.lower() if paper and paper.lower() in PAPER_SIZES else DEFAULT_PAPER
    return _paper


def use_paper_of(vault: Any) -> str:
    """Use the paper size the vault's settings give (Settings, or `confidant paper a4`)."""
    from core.vault import settings_keys
    return use_paper(vault.get_setting(settings_keys.PDF_PAPER))


def set_paper(vault: Any, paper: str) -> str:
    """Store the vault's paper size and use it; InvalidInput for an unknown name."""
    from core.errors import InvalidInput
    from core.vault import settings_keys
    if paper.lower() not in PAPER_SIZES:
        raise InvalidInput(Msg("reports.not_paper_size_confidant", paper=paper), Msg("reports.not_paper_size_confidant.hint"))
    vault.set_setting(settings_keys.PDF_PAPER, paper.lower())
    return use_paper(paper)


def fit(text: str, width_pt: float, font: str = REGULAR, size: float = 8.5) -> str:
    """``text`` shortened with an ellipsis so it fits ``width_pt`` (never cut mid-letter silently)."""
    register()
    if pdfmetrics.stringWidth(text, font, size) <= width_pt:
        return text
    ellipsis = "…"
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width_pt:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ellipsis


_BASE14 = {"Helvetica": REGULAR, "Helvetica-Bold": BOLD, "Helvetica-Oblique": ITALIC,
           "Helvetica-BoldOblique": BOLD_ITALIC, "Times-Roman": REGULAR, "Times-Bold": BOLD,
           "Times-Italic": ITALIC, "Times-BoldItalic": BOLD_ITALIC}


def sample_styles() -> StyleSheet1:
    """reportlab's sample style sheet with every base-14 font swapped for the embedded family."""
    register()
    sheet = getSampleStyleSheet()
    for name in list(sheet.byName):
        style = sheet[name]
        font = getattr(style, "fontName", None)
        if font in _BASE14:
            style.fontName = _BASE14[font]
        bullet = getattr(style, "bulletFontName", None)
        if bullet in _BASE14:
            style.bulletFontName = _BASE14[bullet]
    return sheet
