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

import dataclasses
import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
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
from core.reports.catalogue import Words, words
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


def _warnings(agg: Aggregate, w: Words) -> list[str]:
    """The aggregate's notes in the report's language (as written where they have no id)."""
    from core.messages import render
    if len(agg.warning_msgs) == len(agg.warnings):
        return [render(m, w.language) for m in agg.warning_msgs]
    return list(agg.warnings)


def _t(value: Any) -> str:
    return escape(str(value if value is not None else ""))


def _pct(part: int, whole: int, w: Words | None = None) -> str:
    text = f"{round(100 * part / whole)}%" if whole else "–"
    return w.pct(text) if w else text


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


def filters_text(f: dict[str, Any], w: Words | None = None) -> str:
    """A report's filters in words (the team and the shareable report say them the same way)."""
    w = w or words("en")
    parts = []
    if f.get("site"):
        parts.append(w("filters.site", site=f["site"]))
    if f.get("guide_version"):
        parts.append(w("filters.guide_version", version=f["guide_version"]))
    if f.get("date_from") or f.get("date_to"):
        start = w.month(str(f["date_from"])) if f.get("date_from") else w("filters.start")
        end = w.month(str(f["date_to"])) if f.get("date_to") else w("filters.latest")
        parts.append(w("filters.months", start=start, end=end))
    return "; ".join(parts) if parts else w("filters.none")


def localised(agg: Aggregate, w: Words) -> Aggregate:
    """``agg`` with its theme labels (and their descriptions) in the report's language where the
    theme is still a bundled guide's; English leaves it as it is."""
    if w.is_english:
        return agg
    from core.reports.words import theme_texts
    texts = theme_texts({t.theme_id: t.label for t in agg.themes}, w.language)
    themes = [dataclasses.replace(t, label=texts[t.theme_id][0], description=texts[t.theme_id][1] or t.description)
              for t in agg.themes]
    return dataclasses.replace(agg, themes=themes)


def _cover(agg: Aggregate, s: dict[str, ParagraphStyle], title: str, w: Words) -> list[Any]:
    months = (w("common.months_range", start=w.month(agg.months[0]), end=w.month(agg.months[1]))
              if agg.months else "–")
    sites = ", ".join(f"{_t(x.site)} ({w.n(x.interviews)})" for x in agg.sites) or "–"
    versions = ", ".join(f"{_t(k)} ({w.n(v)})" for k, v in agg.guide_versions.items()) or "–"
    coded = sum(1 for t in agg.themes if t.interviews)
    when = _t(w.date(agg.generated_at[:16].replace('T', ' ')))
    story: list[Any] = [Spacer(1, 0.6 * inch), Paragraph(_t(title), s["title"]),
                        Paragraph(w("common.generated", when=when), s["small"]),
                        Spacer(1, 0.3 * inch), Paragraph(w("common.includes"), s["h2"])]
    rows = [[w("common.interviews"), w.n(agg.n_interviews)], [w("team.answers_row"), w.n(agg.total_answers)],
            [w("common.sites"), Paragraph(sites, s["cell"])], [w("common.months"), months],
            [w("common.guide_versions"), Paragraph(versions, s["cell"])],
            [w("common.themes_coded"), w("team.themes_of", coded=coded, total=len(agg.themes))],
            [w("common.filters"), Paragraph(_t(filters_text(agg.filters, w)), s["cell"])]]
    table = Table(label_cells(rows, w), colWidths=[2.3 * inch, CONTENT_W - 2.3 * inch], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5),
                               ("FONT", (0, 0), (0, -1), fonts.BOLD, 9.5),
                               ("GRID", (0, 0), (-1, -1), 0.4, _GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 0.25 * inch), Paragraph(w("team.contents"), s["h2"])]
    for key in ("team.contents_glance", "team.contents_together", "team.contents_themes", "team.contents_methods"):
        story.append(Paragraph(_t(w(key)), s["bullet"], bulletText="•"))
    story += [Spacer(1, 0.3 * inch), Paragraph(
        w("team.deidentified", example=w("common.placeholder_example")), s["small"]), PageBreak()]
    return story


_HEAD_LEFT = ParagraphStyle("head", fontName=fonts.BOLD, fontSize=8, leading=10)
_HEAD_RIGHT = ParagraphStyle("head_right", parent=_HEAD_LEFT, alignment=TA_RIGHT)


_LABEL = ParagraphStyle("label", fontName=fonts.BOLD, fontSize=9.5, leading=12)


def label_cells(rows: list[list[Any]], w: Words) -> list[list[Any]]:
    """A cover table's labels, wrapping in other languages (English keeps its one-line cells)."""
    return rows if w.is_english else [[Paragraph(_t(label), _LABEL), *rest] for label, *rest in rows]


def header_row(w: Words, *keys: str) -> list[Any]:
    """A table's header: the first column left, the numbers right. Other languages' longer
    words wrap inside their column (English keeps its plain one-line cells, as before)."""
    if w.is_english:
        return [w(k) for k in keys]
    return [Paragraph(_t(w(k)), _HEAD_LEFT if i == 0 else _HEAD_RIGHT) for i, k in enumerate(keys)]


def _overview(agg: Aggregate, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    n = agg.n_interviews
    themes = sorted(agg.themes, key=lambda t: (-t.interviews, -t.answers, t.label))
    rows: list[list[Any]] = [header_row(w, "common.theme", "common.interviews", "common.pct_interviews",
                                        "common.answers", "common.passages")]
    rows += [[Paragraph(_t(t.label), s["cell"]), w.n(t.interviews), _pct(t.interviews, n, w), w.n(t.answers),
              w.n(t.passages)] for t in themes]
    story: list[Any] = [Paragraph(w("common.at_a_glance"), s["h1"]),
                        Paragraph(w("team.glance_body", n=n), s["body"]), Spacer(1, 6),
                        _table(rows, [x * inch for x in (2.9, 0.9, 1.1, 0.8, 0.8) if w.is_english]
                               or [x * inch for x in (2.5, 1.0, 1.1, 0.95, 0.95)])]
    if any(t.interviews for t in agg.themes):
        story.append(KeepTogether([Paragraph(w("common.by_site_chart"), s["h2"]),
                                   theme_by_site_chart(agg, CONTENT_W, w)]))
    return story


def _cooccurrence(agg: Aggregate, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    if len(agg.theme_ids) < 2:
        return []
    pairs = sorted(((agg.cooccurrence[i][j], a, b) for i, a in enumerate(agg.theme_ids)
                    for j, b in enumerate(agg.theme_ids) if i < j), key=lambda p: (-p[0], p[1], p[2]))
    top = [p for p in pairs[:5] if p[0] > 0]
    story: list[Any] = [PageBreak(), Paragraph(w("common.together"), s["h1"]),
                        Paragraph(w("team.together_body"), s["body"]), Spacer(1, 6),
                        cooccurrence_heatmap(agg, CONTENT_W, w)]
    if top:
        story.append(Paragraph(w("team.top_pairs"), s["h2"]))
        for count, a, b in top:
            story.append(Paragraph(w("team.pair", a=_t(agg.label(a)), b=_t(agg.label(b)), count=count), s["bullet"],
                                   bulletText="•"))
    return story


def _theme_section(agg: Aggregate, t: ThemeStat, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    n = agg.n_interviews
    head: list[Any] = [Paragraph(_t(t.label), s["h2"])]
    if t.description:
        head.append(Paragraph(_t(t.description), s["small"]))
    head.append(Paragraph(w("common.raised_in", interviews=t.interviews, n=n, pct=_pct(t.interviews, n, w),
                            answers=t.answers, passages=t.passages), s["body"]))
    site_n = {x.site: x.interviews for x in agg.sites}
    rows: list[list[Any]] = [header_row(w, "common.site", "common.interviews_with_theme", "common.site_interviews",
                                        "common.percent")]
    rows += [[_t(site), w.n(k), w.n(site_n.get(site, 0)), _pct(k, site_n.get(site, 0), w)]
             for site, k in sorted(t.interviews_by_site.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
    head += [Spacer(1, 4), _table(rows, [2.2 * inch, 1.5 * inch, 1.2 * inch, 0.7 * inch])]
    qtext = {q.question_id: q.text for q in agg.questions}
    top_q = sorted(t.answers_by_question.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    if top_q:
        listed = "; ".join(f"{w('common.quoted', text=_t(qtext.get(q, q or w('team.no_question'))))} ({w.n(k)})"
                           for q, k in top_q)
        head.append(Paragraph(w("common.came_up_under", listed=listed), s["small"]))
    story: list[Any] = [CondPageBreak(2.5 * inch), KeepTogether(head)]
    for q in t.quotes:
        where = w("team.quote_source", code=_t(q.interview_code), site=_t(q.site))
        if q.question_text:
            where += w("common.quote_question", question=_t(q.question_text))
        story.append(KeepTogether([Paragraph(f"“{_t(q.text)}”", s["quote"]), Paragraph(where, s["source"])]))
    return story


def replacements(redactions: dict[str, int], w: Words) -> str:
    """The methods page's count of replacements by kind ("person 3, phone 1")."""
    kinds = ", ".join(f"{_t(w.redaction_kind(k))} {w.n(v)}" for k, v in redactions.items())
    return w("common.replacements", total=sum(redactions.values()), kinds=kinds)


def _methods(agg: Aggregate, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    story: list[Any] = [PageBreak(), Paragraph(w("common.methods"), s["h1"]),
                        Paragraph(w("common.what_is_counted"), s["h2"])]
    months = (w("team.counted_months", start=w.month(agg.months[0]), end=w.month(agg.months[1]))
              if agg.months else "")
    notes = [w("team.counted_sites", n=agg.n_interviews, sites=len(agg.sites)) + months + ".",
             w("team.counted_once"), w("common.themes_confirmed"), w("team.quotes_rule")]
    for line in notes:
        story.append(Paragraph(_t(line), s["bullet"], bulletText="•"))
    story.append(Paragraph(w("team.guide_versions"), s["h2"]))
    rows: list[list[Any]] = [header_row(w, "team.guide", "common.interviews")] + [
        [_t(k), w.n(v)] for k, v in agg.guide_versions.items()]
    story.append(_table(rows, [3.5 * inch, 1.0 * inch]))
    story.append(Paragraph(w("common.deidentification"), s["h2"]))
    story.append(Paragraph(w("team.deid_body", example=w("common.placeholder_example")), s["body"]))
    if agg.redactions:
        story.append(Paragraph(replacements(agg.redactions, w), s["small"]))
    if agg.warnings:
        story.append(Paragraph(w("team.please_check"), s["h2"]))
        for warning in _warnings(agg, w)[:20]:
            story.append(Paragraph(_t(warning), s["bullet"], bulletText="•"))
        if len(agg.warnings) > 20:
            story.append(Paragraph(w("team.and_more", n=len(agg.warnings) - 20), s["small"]))
    return story


def page_number(w: Words) -> Any:
    """A page callback: the page number and the team report's footer."""
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawRightString(PAGE_W - MARGIN, 0.5 * inch, w("common.page", page=doc.page))
        canvas.drawString(MARGIN, 0.5 * inch, w("team.footer"))
        canvas.restoreState()
    return draw


def banner_page(banner: str, w: Words | None = None) -> Any:
    """A page callback: page number and footer, and ``banner`` across the top of every page
    (the team copy's "do not share" mark, decision 0117)."""
    numbered = page_number(w or words("en"))

    def draw(canvas: Any, doc: Any) -> None:
        numbered(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#B00020"))
        canvas.rect(MARGIN, PAGE_H - 0.62 * inch, PAGE_W - 2 * MARGIN, 0.3 * inch, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(fonts.BOLD, 10)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 0.52 * inch, banner)
        canvas.restoreState()
    return draw


def write_report(agg: Aggregate, *, title: str | None = None, banner: str | None = None,
                 team_notes: list[str] | None = None, language: str = "en") -> bytes:
    """The report as PDF bytes: every site, count and quote (the research team's copy).

    ``banner`` marks every page; ``team_notes`` (the share rules this copy does not apply) go on
    the cover; ``language`` ("en" or "es") is the report's own (decision 0175).
    """
    w = words(language)
    title = title or w("common.title")
    agg = localised(agg, w)
    s = _styles()
    story = _cover(agg, s, title, w)
    if team_notes:
        story[-1:-1] = [Paragraph(w("team.not_shareable"), s["h2"])] + [
            Paragraph(_t(line), s["bullet"], bulletText="•") for line in team_notes]
    story += _overview(agg, s, w) + _cooccurrence(agg, s, w)
    themed = sorted((t for t in agg.themes if t.interviews), key=lambda t: (-t.interviews, t.label))
    if themed:
        story += [PageBreak(), Paragraph(w("common.one_by_one"), s["h1"])]
        for t in themed:
            story += _theme_section(agg, t, s, w)
    story += _methods(agg, s, w)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, author="Confidant", invariant=1)
    page = banner_page(banner, w) if banner else page_number(w)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
