"""The findings brief for workforce-organization leaders: two to four pages (decision 0118).

Leaders asked to hear the key takeaways as the study goes, so they can co-design feasible
solutions. The brief follows the ``share`` rules (it is drawn from a ``ShareView``) and is
stricter on quotes: it carries only quotes the coordinator approved one by one. Each main
theme gets space for a recommendation to be worked out together.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.reports import fonts
from core.reports.coordinator_pdf import CONTENT_W, MARGIN, _styles, _t
from core.reports.share_pdf import footer, methods_lines
from core.reports.share_view import ShareView, ThemeView

MAIN_THEMES = 5        # more would not fit four pages with room to write
QUOTES_PER_THEME = 2


def _about(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    months = f" between {view.months[0]} and {view.months[1]}" if view.months else ""
    sites = ", ".join(f"{_t(label)} ({n})" for label, n in view.groups) or "none"
    return [Paragraph("About these interviews", s["h2"]),
            Paragraph(f"{view.n_interviews} workers were interviewed by co-workers{_t(months)} about the "
                      f"quality of their jobs. Sites: {sites}. Every interview was de-identified and checked "
                      "by the interviewer before it left their laptop.", s["body"])]


def _theme(view: ShareView, t: ThemeView, s: dict[str, ParagraphStyle]) -> list[Any]:
    parts: list[Any] = [Paragraph(f"{_t(t.label)} — raised in {t.interviews} of {view.n_interviews} "
                                  f"interviews ({t.pct})", s["h2"])]
    if t.description:
        parts.append(Paragraph(f"What people talked about: {_t(t.description[0].lower() + t.description[1:])}.",
                               s["body"]))
    for q in t.quotes[:QUOTES_PER_THEME]:
        parts += [Paragraph(f"“{_t(q.text)}”", s["quote"]), Paragraph(f"— {_t(q.attribution)}", s["source"])]
    return [KeepTogether(parts)]


def _recommendations(themes: list[ThemeView], s: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [CondPageBreak(2.5 * inch), Paragraph("Recommendations", s["h1"]),
                        Paragraph("To be worked out together with workforce-organization leaders: for each main "
                                  "theme, what could change, who can act, and by when.", s["body"]), Spacer(1, 6)]
    for t in themes:
        rows = [[Paragraph(f"<b>{_t(t.label)}</b>", s["cell"]), ""], ["What could change", ""],
                ["Who can act", ""], ["By when", ""]]
        table = Table(rows, colWidths=[1.6 * inch, CONTENT_W - 1.6 * inch],
                      rowHeights=[None, 0.45 * inch, 0.3 * inch, 0.3 * inch], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                                   ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                                   ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [KeepTogether([table, Spacer(1, 8)])]
    return story


def write_brief(view: ShareView, *, title: str = "Findings brief: job quality across our sites") -> bytes:
    """The brief as PDF bytes (two to four pages)."""
    s = _styles()
    main = [t for t in view.themes if t.interviews][:MAIN_THEMES]
    story: list[Any] = [Paragraph(_t(title), s["title"]),
                        Paragraph(f"{_t(view.generated_at[:10])} · for workforce-organization leadership · "
                                  f"no site, figure or quote below {view.rules.k} interviews", s["small"])]
    story += _about(view, s)
    story.append(Paragraph("Main themes", s["h1"]))
    if not main:
        story.append(Paragraph("No theme was raised in enough interviews to report yet.", s["body"]))
    for t in main:
        story += _theme(view, t, s)
    if main and not any(t.quotes for t in main):
        story.append(Paragraph("No quotes yet: the brief carries only quotes the coordinator has approved.",
                               s["small"]))
    story += _recommendations(main, s)
    story.append(Paragraph("How to read this brief", s["h2"]))
    for line in methods_lines(view) + view.statements() + [
            "The brief carries only quotes the coordinator approved one by one."]:
        story.append(Paragraph(_t(line), s["small"], bulletText="•"))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            author="Confidant", invariant=1)
    page = footer("Confidant findings brief — shareable")
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
