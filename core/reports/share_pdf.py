"""The shareable cross-site report (PDF) drawn from a ``ShareView`` (decision 0117).

Same sections as the team report — cover, themes at a glance, themes by site, themes that
come up together, one section per theme, methods — but every number comes from the view, in
which the small-group rules already withheld what must not be shown; a withheld figure is
printed as "–". Quotes carry coarse attribution only. The methods page states the rules and
what they withheld.
"""

from __future__ import annotations

import dataclasses
import io
from typing import Any

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
from core.reports.catalogue import Words, words
from core.reports.charts import MAX_THEMES, grouped_bars, heatmap
from core.reports.coordinator_pdf import (
    CONTENT_W,
    MARGIN,
    _styles,
    _t,
    _table,
    filters_text,
    header_row,
    label_cells,
    replacements,
)
from core.reports.share_view import ShareView, ThemeView

HIDDEN = "–"


def localised(view: ShareView, w: Words) -> ShareView:
    """``view`` with theme labels and descriptions in the report's language where the theme is
    still a bundled guide's (English: unchanged)."""
    if w.is_english:
        return view
    from core.reports.words import theme_texts
    texts = theme_texts({t.theme_id: t.label for t in view.themes}, w.language)
    return dataclasses.replace(view, themes=[
        dataclasses.replace(t, label=texts[t.theme_id][0], description=texts[t.theme_id][1] or t.description)
        for t in view.themes])


def _n(value: int | None, w: Words) -> str:
    return HIDDEN if value is None else w.n(value)


def _withheld_box(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    lines = view.statements(w.language) or [w("share.nothing_withheld")]
    return [Paragraph(w("share.withholds"), s["h2"])] + [
        Paragraph(_t(line), s["bullet"], bulletText="•") for line in lines]


def _cover(view: ShareView, s: dict[str, ParagraphStyle], title: str, w: Words) -> list[Any]:
    k = view.rules.k
    months = (w("common.months_range", start=w.month(view.months[0]), end=w.month(view.months[1]))
              if view.months and view.n_interviews else "–")
    groups = ", ".join(f"{_t(w.group(label))} ({w.n(n)})" for label, n in view.groups) or "–"
    versions = ", ".join(f"{_t(v)} ({w('share.fewer_than', k=k) if c is None else w.n(c)})"
                         for v, c in view.guide_versions.items()) or "–"
    when = _t(w.date(view.generated_at[:16].replace('T', ' ')))
    story: list[Any] = [Spacer(1, 0.5 * inch), Paragraph(_t(title), s["title"]),
                        Paragraph(w("share.generated", when=when, k=k), s["small"]), Spacer(1, 0.2 * inch),
                        Paragraph(w("common.includes"), s["h2"])]
    rows = [[w("share.interviews_counted"), w.n(view.n_interviews)],
            [w("common.sites"), Paragraph(groups, s["cell"])],
            [w("common.months"), months], [w("common.guide_versions"), Paragraph(versions, s["cell"])],
            [w("common.themes_coded"), w.n(len(view.themes))],
            [w("common.filters"), Paragraph(_t(filters_text(view.filters, w)), s["cell"])]]
    table = Table(label_cells(rows, w), colWidths=[2.3 * inch, CONTENT_W - 2.3 * inch], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5), ("FONT", (0, 0), (0, -1), fonts.BOLD, 9.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 0.15 * inch)] + _withheld_box(view, s, w)
    story += [Spacer(1, 0.2 * inch), Paragraph(
        w("share.deidentified", example=w("common.placeholder_example")), s["small"]), PageBreak()]
    return story


def _overview(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    n, k = view.n_interviews, view.rules.k
    rows: list[list[Any]] = [header_row(w, "common.theme", "common.interviews", "common.pct_interviews",
                                        "common.answers", "common.passages")]
    rows += [[Paragraph(_t(t.label), s["cell"]), _n(t.interviews, w), w.pct(t.pct), _n(t.answers, w),
              _n(t.passages, w)] for t in view.themes]
    story: list[Any] = [Paragraph(w("common.at_a_glance"), s["h1"]),
                        Paragraph(w("share.glance_body", n=n, hidden=HIDDEN, k=k), s["body"]), Spacer(1, 6),
                        _table(rows, [x * inch for x in (2.6, 1.0, 1.3, 0.8, 0.8) if w.is_english]
                               or [x * inch for x in (2.4, 1.0, 1.2, 0.95, 0.95)])]
    shown = [t for t in view.themes if t.interviews][:MAX_THEMES]
    if shown and view.groups:
        rows = [[w("common.theme")] + [w.group(label) for label, _size in view.groups]]
        rows += [[Paragraph(_t(t.label), s["cell"])] + [_n(t.by_group.get(label), w) for label, _size in view.groups]
                 for t in shown]
        width = (CONTENT_W - 2.4 * inch) / max(1, len(view.groups))
        values = [[None if t.by_group.get(label) is None else round(100.0 * (t.by_group[label] or 0) / size)
                   for t in shown] for label, size in view.groups]
        story += [CondPageBreak(3 * inch), Paragraph(w("share.by_site"), s["h2"]),
                  Paragraph(w("share.by_site_body", hidden=HIDDEN, k=k), s["small"]),
                  Spacer(1, 4), _table(rows, [2.4 * inch] + [width] * len(view.groups)),
                  KeepTogether([Paragraph(w("common.by_site_chart"), s["h2"]), grouped_bars(
                      [t.label for t in shown], [(w.group(label), size) for label, size in view.groups], values,
                      CONTENT_W, note=w("share.chart_note"))])]
    return story


def _questions(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    if not view.questions or not view.groups:
        return []
    rows: list[list[Any]] = [[w("share.question")] + [w.group(label) for label, _size in view.groups]
                             + [w("share.all")]]
    rows += [[Paragraph(_t(q.text), s["cell"])] + [_n(q.by_group.get(label), w) for label, _size in view.groups]
             + [_n(q.interviews, w)] for q in view.questions]
    width = (CONTENT_W - 3.0 * inch) / (len(view.groups) + 1)
    return [CondPageBreak(2 * inch), Paragraph(w("share.questions_by_site"), s["h2"]),
            Paragraph(w("share.questions_body", hidden=HIDDEN, k=view.rules.k), s["small"]),
            Spacer(1, 4), _table(rows, [3.0 * inch] + [width] * (len(view.groups) + 1))]


def _cooccurrence(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    ids = view.pair_ids[:MAX_THEMES]
    if len(ids) < 2:
        return []
    matrix = [row[:len(ids)] for row in view.pairs[:len(ids)]]
    return [PageBreak(), Paragraph(w("common.together"), s["h1"]),
            Paragraph(w("share.together_body", hidden=HIDDEN, k=view.rules.k), s["body"]), Spacer(1, 6),
            heatmap([view.label(t) for t in ids], matrix, CONTENT_W, w)]


def _theme_section(view: ShareView, t: ThemeView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    n, k = view.n_interviews, view.rules.k
    head: list[Any] = [Paragraph(_t(t.label), s["h2"])]
    if t.description:
        head.append(Paragraph(_t(t.description), s["small"]))
    if t.interviews is None:
        head.append(Paragraph(w("share.theme_too_rare", k=k), s["body"]))
        return [CondPageBreak(1.2 * inch), KeepTogether(head)]
    head.append(Paragraph(w("common.raised_in", interviews=t.interviews, n=n, pct=w.pct(t.pct),
                            answers=_n(t.answers, w), passages=_n(t.passages, w)), s["body"]))
    rows: list[list[Any]] = [header_row(w, "common.site", "common.interviews_with_theme", "common.site_interviews",
                                        "common.percent")]
    for label, size in view.groups:
        value = t.by_group.get(label)
        rows.append([_t(w.group(label)), _n(value, w), w.n(size),
                     HIDDEN if value is None else w.pct(f"{round(100 * value / size)}%")])
    head += [Spacer(1, 4), _table(rows, [2.0 * inch, 1.7 * inch, 1.2 * inch, 0.7 * inch])]
    if t.top_questions:
        listed = "; ".join(w("common.quoted", text=_t(q)) for q in t.top_questions)
        head.append(Paragraph(w("common.came_up_under", listed=listed), s["small"]))
    story: list[Any] = [CondPageBreak(2.5 * inch), KeepTogether(head)]
    for q in t.quotes:
        where = w("share.quote_source", attribution=_t(w.attribution(q.attribution)))
        if q.question_text:
            where += w("common.quote_question", question=_t(q.question_text))
        story.append(KeepTogether([Paragraph(f"“{_t(q.text)}”", s["quote"]), Paragraph(where, s["source"])]))
    return story


def methods_lines(view: ShareView, w: Words | None = None) -> list[str]:
    """The rules applied, in plain words (the report's and the brief's methods notes)."""
    w = w or words("en")
    k, q = view.rules.k, view.rules.quote_min_interviews
    return [w("share.rule_groups", k=k, other=w("common.other_sites")), w("share.rule_numbers", k=k),
            w("share.rule_filters", k=k), w("share.rule_quotes", k=k, quote_min=q)]


def _methods(view: ShareView, s: dict[str, ParagraphStyle], w: Words) -> list[Any]:
    story: list[Any] = [PageBreak(), Paragraph(w("common.methods"), s["h1"]),
                        Paragraph(w("share.rules_heading"), s["h2"])]
    story += [Paragraph(_t(line), s["bullet"], bulletText="•") for line in methods_lines(view, w)]
    story += _withheld_box(view, s, w)
    story.append(Paragraph(w("common.what_is_counted"), s["h2"]))
    months = (w("team.counted_months", start=w.month(view.months[0]), end=w.month(view.months[1]))
              if view.months else "")
    for line in (w("share.counted", n=view.n_interviews) + months + ".", w("share.counted_once"),
                 w("common.themes_confirmed")):
        story.append(Paragraph(_t(line), s["bullet"], bulletText="•"))
    story.append(Paragraph(w("common.deidentification"), s["h2"]))
    story.append(Paragraph(w("share.deid_body", example=w("common.placeholder_example")), s["body"]))
    if view.redactions:
        story.append(Paragraph(replacements(view.redactions, w), s["small"]))
    return story


def footer(text: str, w: Words | None = None) -> Any:
    w = w or words("en")

    def draw(canvas: Any, doc: Any) -> None:
        page_w, _page_h = doc.pagesize
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor("#555555")
        canvas.drawRightString(page_w - MARGIN, 0.5 * inch, w("common.page", page=doc.page))
        canvas.drawString(MARGIN, 0.5 * inch, text)
        canvas.restoreState()
    return draw


def write_share_report(view: ShareView, *, title: str | None = None, language: str = "en") -> bytes:
    """The shareable report as PDF bytes, in ``language`` ("en" or "es"; decision 0175)."""
    w = words(language)
    title = title or w("common.title")
    view = localised(view, w)
    s = _styles()
    story = _cover(view, s, title, w)
    if view.n_interviews:
        story += _overview(view, s, w) + _questions(view, s, w) + _cooccurrence(view, s, w)
        if view.themes:
            story += [PageBreak(), Paragraph(w("common.one_by_one"), s["h1"])]
            for t in view.themes:
                story += _theme_section(view, t, s, w)
    story += _methods(view, s, w)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            author="Confidant", invariant=1)
    page = footer(w("share.footer", k=view.rules.k), w)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
