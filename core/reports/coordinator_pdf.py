"""The coordinator's cross-site report (PDF, reportlab) drawn from an ``Aggregate``.

Sections: a cover saying what is included (interviews, sites, months, guide versions,
filters); an overview table and a chart of theme frequency by site; a co-occurrence heat
map; one section per theme with a short table of counts and a handful of de-identified
quotes; methods notes (what the counts mean, how quotes were chosen, guide versions, the
de-identification statement). Everything in it comes from de-identified interview.json;
interviews are named by participant code and site only. Output is reproducible (reportlab's
invariant mode) apart from the generation time printed on the cover.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.reports import fonts
from core.reports.charts import cooccurrence_heatmap, theme_by_site_chart
from core.reports.model import Aggregate, ThemeStat

PAGE_W, PAGE_H = fonts.page_size()
MARGIN = 0.8 * inch
CONTENT_W = PAGE_W - 2 * MARGIN
_GRID = colors.HexColor("#999999")
_HEAD_BG = colors.HexColor("#E8EEF5")


def _styles() -> dict[str, ParagraphStyle]:
    base = fonts.sample_styles()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=fonts.REGULAR, fontSize=10.5, leading=14)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=22, leading=27, spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontSize=16, leading=20, spaceBefore=6, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontSize=13, leading=17, spaceBefore=10, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#333333")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11),
        "quote": ParagraphStyle("quote", parent=body, fontName=fonts.ITALIC, leftIndent=14,
                                rightIndent=10, spaceBefore=4),
        "source": ParagraphStyle("source", parent=body, fontSize=8.5, leading=11, leftIndent=24,
                                 textColor=colors.HexColor("#333333"), spaceAfter=4),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
    }


def _t(value: Any) -> str:
    return escape(str(value if value is not None else ""))


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _table(rows: list[list[Any]], widths: list[float], *, numeric_from: int = 1) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 9),
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 9),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def filters_text(f: dict[str, Any]) -> str:
    """A report's filters in words (the team and the shareable report say them the same way)."""
    parts = []
    if f.get("site"):
        parts.append(f"site {f['site']}")
    if f.get("guide_version"):
        parts.append(f"guide version {f['guide_version']}")
    if f.get("date_from") or f.get("date_to"):
        parts.append(f"months {f.get('date_from') or 'start'} to {f.get('date_to') or 'latest'}")
    return "; ".join(parts) if parts else "none (all imported interviews)"


def _cover(agg: Aggregate, s: dict[str, ParagraphStyle], title: str) -> list[Any]:
    months = f"{agg.months[0]} to {agg.months[1]}" if agg.months else "–"
    sites = ", ".join(f"{_t(x.site)} ({x.interviews})" for x in agg.sites) or "–"
    versions = ", ".join(f"{_t(k)} ({v})" for k, v in agg.guide_versions.items()) or "–"
    coded = sum(1 for t in agg.themes if t.interviews)
    story: list[Any] = [Spacer(1, 0.6 * inch), Paragraph(_t(title), s["title"]),
                        Paragraph(f"Generated {_t(agg.generated_at[:16].replace('T', ' '))} UTC by Confidant.", s["small"]),
                        Spacer(1, 0.3 * inch), Paragraph("What this report includes", s["h2"])]
    rows = [["Interviews", str(agg.n_interviews)], ["Answers (interview × question)", str(agg.total_answers)],
            ["Sites", Paragraph(sites, s["cell"])], ["Months", months],
            ["Guide versions", Paragraph(versions, s["cell"])],
            ["Themes coded", f"{coded} of {len(agg.themes)}"], ["Filters", Paragraph(_t(filters_text(agg.filters)), s["cell"])]]
    table = Table(rows, colWidths=[2.3 * inch, CONTENT_W - 2.3 * inch], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5),
                               ("FONT", (0, 0), (0, -1), fonts.BOLD, 9.5),
                               ("GRID", (0, 0), (-1, -1), 0.4, _GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 0.25 * inch), Paragraph("Contents", s["h2"])]
    for line in ("Themes at a glance: counts and a chart of theme frequency by site",
                 "Themes that come up together: a co-occurrence heat map",
                 "One section per theme: counts by site and question, and quotes",
                 "Methods notes: what the numbers mean, guide versions, de-identification"):
        story.append(Paragraph(_t(line), s["bullet"], bulletText="•"))
    story += [Spacer(1, 0.3 * inch), Paragraph(
        "All text in this report is de-identified: interviews are named only by participant code and "
        "site, and names and other identifying details were replaced with placeholders such as "
        "[PERSON 1] and reviewed by the interviewer before the interview left their laptop.", s["small"]),
        PageBreak()]
    return story


def _overview(agg: Aggregate, s: dict[str, ParagraphStyle]) -> list[Any]:
    n = agg.n_interviews
    themes = sorted(agg.themes, key=lambda t: (-t.interviews, -t.answers, t.label))
    rows: list[list[Any]] = [["Theme", "Interviews", "% of interviews", "Answers", "Passages"]]
    rows += [[Paragraph(_t(t.label), s["cell"]), t.interviews, _pct(t.interviews, n), t.answers, t.passages]
             for t in themes]
    story: list[Any] = [Paragraph("Themes at a glance", s["h1"]),
                        Paragraph(f"How many of the {n} interviews raised each theme. An <i>answer</i> is one "
                                  "interview's talk under one guide question; a <i>passage</i> is one coded "
                                  "piece of text.", s["body"]), Spacer(1, 6),
                        _table(rows, [2.9 * inch, 0.9 * inch, 1.1 * inch, 0.8 * inch, 0.8 * inch])]
    if any(t.interviews for t in agg.themes):
        story.append(KeepTogether([Paragraph("Theme frequency by site", s["h2"]),
                                   theme_by_site_chart(agg, CONTENT_W)]))
    return story


def _cooccurrence(agg: Aggregate, s: dict[str, ParagraphStyle]) -> list[Any]:
    if len(agg.theme_ids) < 2:
        return []
    pairs = sorted(((agg.cooccurrence[i][j], a, b) for i, a in enumerate(agg.theme_ids)
                    for j, b in enumerate(agg.theme_ids) if i < j), key=lambda p: (-p[0], p[1], p[2]))
    top = [p for p in pairs[:5] if p[0] > 0]
    story: list[Any] = [PageBreak(), Paragraph("Themes that come up together", s["h1"]),
                        Paragraph("Each cell counts the answers in which both themes were coded. Darker "
                                  "means more often.", s["body"]), Spacer(1, 6),
                        cooccurrence_heatmap(agg, CONTENT_W)]
    if top:
        story.append(Paragraph("Most frequent pairs", s["h2"]))
        for count, a, b in top:
            story.append(Paragraph(f"{_t(agg.label(a))} + {_t(agg.label(b))}: {count} answers", s["bullet"],
                                   bulletText="•"))
    return story


def _theme_section(agg: Aggregate, t: ThemeStat, s: dict[str, ParagraphStyle]) -> list[Any]:
    n = agg.n_interviews
    head: list[Any] = [Paragraph(_t(t.label), s["h2"])]
    if t.description:
        head.append(Paragraph(_t(t.description), s["small"]))
    head.append(Paragraph(f"Raised in {t.interviews} of {n} interviews ({_pct(t.interviews, n)}), "
                          f"{t.answers} answers, {t.passages} coded passages.", s["body"]))
    site_n = {x.site: x.interviews for x in agg.sites}
    rows: list[list[Any]] = [["Site", "Interviews with theme", "Site interviews", "%"]]
    rows += [[_t(site), k, site_n.get(site, 0), _pct(k, site_n.get(site, 0))]
             for site, k in sorted(t.interviews_by_site.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
    head += [Spacer(1, 4), _table(rows, [2.2 * inch, 1.5 * inch, 1.2 * inch, 0.7 * inch])]
    qtext = {q.question_id: q.text for q in agg.questions}
    top_q = sorted(t.answers_by_question.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    if top_q:
        listed = "; ".join(f"“{_t(qtext.get(q, q or 'not linked to a question'))}” ({k})" for q, k in top_q)
        head.append(Paragraph(f"Came up most under: {listed}", s["small"]))
    story: list[Any] = [CondPageBreak(2.5 * inch), KeepTogether(head)]
    for q in t.quotes:
        where = f"— {_t(q.interview_code)}, {_t(q.site)}"
        if q.question_text:
            where += f"; question: “{_t(q.question_text)}”"
        story.append(KeepTogether([Paragraph(f"“{_t(q.text)}”", s["quote"]), Paragraph(where, s["source"])]))
    return story


def _methods(agg: Aggregate, s: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [PageBreak(), Paragraph("Methods notes", s["h1"]), Paragraph("What is counted", s["h2"])]
    notes = [
        f"{agg.n_interviews} interviews from {len(agg.sites)} sites"
        + (f", {agg.months[0]} to {agg.months[1]}" if agg.months else "") + ".",
        ("Each interview counts once: a packet received twice is stored once, and when a researcher sent a "
         "corrected copy, only the newest copy is counted (earlier ones are kept as history, not counted)."),
        ("Themes are those the interviewer confirmed (suggested automatically or added by hand, always "
         "reviewed by a person). An interview counts for a theme if any passage in it was coded with it."),
        ("Quotes: participants' words first, hand-coded passages before accepted suggestions, at most one "
         "quote per interview, taken in turn from each site."),
    ]
    for line in notes:
        story.append(Paragraph(_t(line), s["bullet"], bulletText="•"))
    story.append(Paragraph("Interview guide versions", s["h2"]))
    rows: list[list[Any]] = [["Guide", "Interviews"]] + [[_t(k), v] for k, v in agg.guide_versions.items()]
    story.append(_table(rows, [3.5 * inch, 1.0 * inch]))
    story.append(Paragraph("De-identification", s["h2"]))
    story.append(Paragraph(
        "Before an interview left the researcher's laptop, names of people, workplaces, places, addresses, "
        "phone numbers, e-mail addresses, dates, ages and identifying numbers were detected, replaced by "
        "consistent placeholders such as [PERSON 1], and every replacement was reviewed and signed off by "
        "the interviewer. Moments marked off the record were removed. No audio leaves the laptop. Packets "
        "are signed by the researcher's enrolled device and encrypted to the coordinator; this report "
        "was made only from packets that passed those checks.", s["body"]))
    if agg.redactions:
        total = sum(agg.redactions.values())
        kinds = ", ".join(f"{_t(k.lower())} {v}" for k, v in agg.redactions.items())
        story.append(Paragraph(f"Replacements made in these interviews: {total} ({kinds}).", s["small"]))
    if agg.warnings:
        story.append(Paragraph("Please check", s["h2"]))
        for w in agg.warnings[:20]:
            story.append(Paragraph(_t(w), s["bullet"], bulletText="•"))
        if len(agg.warnings) > 20:
            story.append(Paragraph(f"… and {len(agg.warnings) - 20} more.", s["small"]))
    return story


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawRightString(PAGE_W - MARGIN, 0.5 * inch, f"Page {doc.page}")
    canvas.drawString(MARGIN, 0.5 * inch, "Confidant cross-site report — de-identified")
    canvas.restoreState()


def banner_page(banner: str) -> Any:
    """A page callback: page number and footer, and ``banner`` across the top of every page
    (the team copy's "do not share" mark, decision 0117)."""
    def draw(canvas: Any, doc: Any) -> None:
        _page_number(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#B00020"))
        canvas.rect(MARGIN, PAGE_H - 0.62 * inch, PAGE_W - 2 * MARGIN, 0.3 * inch, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 0.52 * inch, banner)
        canvas.restoreState()
    return draw


def write_report(agg: Aggregate, *, title: str = "Job quality interviews: cross-site report",
                 banner: str | None = None, team_notes: list[str] | None = None) -> bytes:
    """The report as PDF bytes: every site, count and quote (the research team's copy).

    ``banner`` marks every page; ``team_notes`` (the share rules this copy does not apply) go on
    the cover.
    """
    s = _styles()
    story = _cover(agg, s, title)
    if team_notes:
        story[-1:-1] = [Paragraph("This is not the shareable report", s["h2"])] + [
            Paragraph(_t(line), s["bullet"], bulletText="•") for line in team_notes]
    story += _overview(agg, s) + _cooccurrence(agg, s)
    themed = sorted((t for t in agg.themes if t.interviews), key=lambda t: (-t.interviews, t.label))
    if themed:
        story += [PageBreak(), Paragraph("Themes one by one", s["h1"])]
        for t in themed:
            story += _theme_section(agg, t, s)
    story += _methods(agg, s)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, author="Confidant", invariant=1)
    page = banner_page(banner) if banner else _page_number
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
