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
from core.reports.catalogue import Words, words
from core.reports.coordinator_pdf import CONTENT_W, MARGIN, _styles, _t
from core.reports.share_pdf import footer, localised, methods_lines
from core.reports.share_view import ShareView, ThemeView

MAIN_THEMES = 5        # more would not fit four pages with room to write
QUOTES_PER_THEME = 2


def _about(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    months = (w("brief.between", start=w.month(view.months[0]), end=w.month(view.months[1]))
              if view.months else "")
    sites = ", ".join(f"{_t(w.group(label))} ({w.n(n)})" for label, n in view.groups) or w("brief.none")
    return [Paragraph(w("brief.about"), s["h2"]),
            Paragraph(w("brief.about_body", n=view.n_interviews, months=_t(months), sites=sites), s["body"])]


def _theme(view: ShareView, t: ThemeView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    parts: list[Any] = [Paragraph(w("brief.theme_heading", label=_t(t.label), interviews=t.interviews,
                                    n=view.n_interviews, pct=w.pct(t.pct)), s["h2"])]
    if t.description:
        parts.append(Paragraph(w("brief.talked_about", description=_t(t.description[0].lower() + t.description[1:])),
                               s["body"]))
    for q in t.quotes[:QUOTES_PER_THEME]:
        parts += [Paragraph(f"“{_t(q.text)}”", s["quote"]),
                  Paragraph(w("share.quote_source", attribution=_t(w.attribution(q.attribution))), s["source"])]
    return [KeepTogether(parts)]


def _recommendations(themes: list[ThemeView], s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    story: list[Any] = [CondPageBreak(2.5 * inch), Paragraph(w("brief.recommendations"), s["h1"]),
                        Paragraph(w("brief.recommendations_body"), s["body"]), Spacer(1, 6)]
    for t in themes:
        rows = [[Paragraph(f"<b>{_t(t.label)}</b>", s["cell"]), ""], [w("brief.what_could_change"), ""],
                [w("brief.who_can_act"), ""], [w("brief.by_when"), ""]]
        table = Table(rows, colWidths=[1.6 * inch, CONTENT_W - 1.6 * inch],
                      rowHeights=[None, 0.45 * inch, 0.3 * inch, 0.3 * inch], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                                   ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                                   ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [KeepTogether([table, Spacer(1, 8)])]
    return story


def write_brief(view: ShareView, *, title: str | None = None, language: str = "en") -> bytes:
    """The brief as PDF bytes (two to four pages), in ``language`` ("en" or "es"; decision 0175)."""
    w = words(language)
    title = title or w("brief.title")
    view = localised(view, w)
    s = _styles()
    main = [t for t in view.themes if t.interviews][:MAIN_THEMES]
    story: list[Any] = [Paragraph(_t(title), s["title"]),
                        Paragraph(w("brief.subtitle", date=_t(w.date(view.generated_at[:10])), k=view.rules.k),
                                  s["small"])]
    story += _about(view, s, w)
    story.append(Paragraph(w("brief.main_themes"), s["h1"]))
    if not main:
        story.append(Paragraph(w("brief.no_theme"), s["body"]))
    for t in main:
        story += _theme(view, t, s, w)
    if main and not any(t.quotes for t in main):
        story.append(Paragraph(w("brief.no_quotes"), s["small"]))
    story += _recommendations(main, s, w)
    story.append(Paragraph(w("brief.how_to_read"), s["h2"]))
    for line in methods_lines(view, w) + view.statements(w.language) + [w("brief.approved_only")]:
        story.append(Paragraph(_t(line), s["small"], bulletText="•"))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            author="Confidant", invariant=1)
    page = footer(w("brief.footer"), w)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
