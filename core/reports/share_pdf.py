"""The shareable cross-site report (PDF) drawn from a ``ShareView`` (decision 0117).

Same sections as the team report — cover, themes at a glance, themes by site, themes that
come up together, one section per theme, methods — but every number comes from the view, in
which the small-group rules already withheld what must not be shown; a withheld figure is
printed as "–". Quotes carry coarse attribution only. The methods page states the rules and
what they withheld.
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
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.reports import fonts
from core.reports.charts import MAX_THEMES, grouped_bars, heatmap
from core.reports.coordinator_pdf import CONTENT_W, MARGIN, _styles, _t, _table, filters_text
from core.reports.disclosure import OTHER_SITES
from core.reports.share_view import ShareView, ThemeView

FOOTER = "Confidant cross-site report — shareable: groups under {k} interviews withheld"
HIDDEN = "–"


def _n(value: int | None) -> str:
    return HIDDEN if value is None else str(value)


def _withheld_box(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    lines = view.statements() or ["Nothing had to be withheld."]
    return [Paragraph("What this report withholds", s["h2"])] + [
        Paragraph(_t(line), s["bullet"], bulletText="•") for line in lines]


def _cover(view: ShareView, s: dict[str, ParagraphStyle], title: str) -> list[Any]:
    k = view.rules.k
    months = f"{view.months[0]} to {view.months[1]}" if view.months and view.n_interviews else "–"
    groups = ", ".join(f"{_t(label)} ({n})" for label, n in view.groups) or "–"
    versions = ", ".join(f"{_t(v)} ({'fewer than ' + str(k) if c is None else c})"
                         for v, c in view.guide_versions.items()) or "–"
    story: list[Any] = [Spacer(1, 0.5 * inch), Paragraph(_t(title), s["title"]),
                        Paragraph(f"Generated {_t(view.generated_at[:16].replace('T', ' '))} UTC by Confidant. "
                                  f"Shareable version: no site, figure or quote below {k} interviews.",
                                  s["small"]), Spacer(1, 0.2 * inch), Paragraph("What this report includes", s["h2"])]
    rows = [["Interviews counted", str(view.n_interviews)], ["Sites", Paragraph(groups, s["cell"])],
            ["Months", months], ["Guide versions", Paragraph(versions, s["cell"])],
            ["Themes coded", str(len(view.themes))],
            ["Filters", Paragraph(_t(filters_text(view.filters)), s["cell"])]]
    table = Table(rows, colWidths=[2.3 * inch, CONTENT_W - 2.3 * inch], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9.5), ("FONT", (0, 0), (0, -1), fonts.BOLD, 9.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 0.15 * inch)] + _withheld_box(view, s)
    story += [Spacer(1, 0.2 * inch), Paragraph(
        "All text in this report is de-identified: names and other identifying details were replaced "
        "with placeholders such as [PERSON 1] and reviewed by the interviewer before the interview left "
        "their laptop. Quotes are never signed with a participant code.", s["small"]), PageBreak()]
    return story


def _overview(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    n, k = view.n_interviews, view.rules.k
    rows: list[list[Any]] = [["Theme", "Interviews", "% of interviews", "Answers", "Passages"]]
    rows += [[Paragraph(_t(t.label), s["cell"]), _n(t.interviews), t.pct, _n(t.answers), _n(t.passages)]
             for t in view.themes]
    story: list[Any] = [Paragraph("Themes at a glance", s["h1"]),
                        Paragraph(f"How many of the {n} interviews raised each theme. “{HIDDEN}”: raised in "
                                  f"fewer than {k} interviews, so not counted here.", s["body"]), Spacer(1, 6),
                        _table(rows, [2.6 * inch, 1.0 * inch, 1.3 * inch, 0.8 * inch, 0.8 * inch])]
    shown = [t for t in view.themes if t.interviews][:MAX_THEMES]
    if shown and view.groups:
        rows = [["Theme"] + [label for label, _size in view.groups]]
        rows += [[Paragraph(_t(t.label), s["cell"])] + [_n(t.by_group.get(label)) for label, _size in view.groups]
                 for t in shown]
        width = (CONTENT_W - 2.4 * inch) / max(1, len(view.groups))
        values = [[None if t.by_group.get(label) is None else round(100.0 * (t.by_group[label] or 0) / size)
                   for t in shown] for label, size in view.groups]
        story += [CondPageBreak(3 * inch), Paragraph("Themes by site", s["h2"]),
                  Paragraph(f"Interviews at each site that raised the theme. “{HIDDEN}”: fewer than {k}, or "
                            "hidden so that such a number cannot be worked out from the total.", s["small"]),
                  Spacer(1, 4), _table(rows, [2.4 * inch] + [width] * len(view.groups)),
                  KeepTogether([Paragraph("Theme frequency by site", s["h2"]), grouped_bars(
                      [t.label for t in shown], view.groups, values, CONTENT_W,
                      note="% of the site's interviews in which the theme was coded (no bar: withheld)")])]
    return story


def _questions(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    if not view.questions or not view.groups:
        return []
    rows: list[list[Any]] = [["Question"] + [label for label, _size in view.groups] + ["All"]]
    rows += [[Paragraph(_t(q.text), s["cell"])] + [_n(q.by_group.get(label)) for label, _size in view.groups]
             + [_n(q.interviews)] for q in view.questions]
    width = (CONTENT_W - 3.0 * inch) / (len(view.groups) + 1)
    return [CondPageBreak(2 * inch), Paragraph("Questions answered, by site", s["h2"]),
            Paragraph(f"Interviews that answered each question. “{HIDDEN}”: fewer than {view.rules.k}, or "
                      "hidden so that such a number cannot be worked out from the total.", s["small"]),
            Spacer(1, 4), _table(rows, [3.0 * inch] + [width] * (len(view.groups) + 1))]


def _cooccurrence(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    ids = view.pair_ids[:MAX_THEMES]
    if len(ids) < 2:
        return []
    matrix = [row[:len(ids)] for row in view.pairs[:len(ids)]]
    return [PageBreak(), Paragraph("Themes that come up together", s["h1"]),
            Paragraph(f"Each cell counts the answers in which both themes were coded; grey “{HIDDEN}”: the "
                      f"pair came up in fewer than {view.rules.k} interviews.", s["body"]), Spacer(1, 6),
            heatmap([view.label(t) for t in ids], matrix, CONTENT_W)]


def _theme_section(view: ShareView, t: ThemeView, s: dict[str, ParagraphStyle]) -> list[Any]:
    n, k = view.n_interviews, view.rules.k
    head: list[Any] = [Paragraph(_t(t.label), s["h2"])]
    if t.description:
        head.append(Paragraph(_t(t.description), s["small"]))
    if t.interviews is None:
        head.append(Paragraph(f"Raised in fewer than {k} interviews: no figures are shown.", s["body"]))
        return [CondPageBreak(1.2 * inch), KeepTogether(head)]
    head.append(Paragraph(f"Raised in {t.interviews} of {n} interviews ({t.pct}), {_n(t.answers)} answers, "
                          f"{_n(t.passages)} coded passages.", s["body"]))
    rows: list[list[Any]] = [["Site", "Interviews with theme", "Site interviews", "%"]]
    for label, size in view.groups:
        value = t.by_group.get(label)
        rows.append([_t(label), _n(value), size, HIDDEN if value is None else f"{round(100 * value / size)}%"])
    head += [Spacer(1, 4), _table(rows, [2.0 * inch, 1.7 * inch, 1.2 * inch, 0.7 * inch])]
    if t.top_questions:
        listed = "; ".join(f"“{_t(q)}”" for q in t.top_questions)
        head.append(Paragraph(f"Came up most under: {listed}", s["small"]))
    story: list[Any] = [CondPageBreak(2.5 * inch), KeepTogether(head)]
    for q in t.quotes:
        where = f"— {_t(q.attribution)}"
        if q.question_text:
            where += f"; question: “{_t(q.question_text)}”"
        story.append(KeepTogether([Paragraph(f"“{_t(q.text)}”", s["quote"]), Paragraph(where, s["source"])]))
    return story


def methods_lines(view: ShareView) -> list[str]:
    """The rules applied, in plain words (the report's and the brief's methods notes)."""
    k, q = view.rules.k, view.rules.quote_min_interviews
    return [
        (f"Small groups: a site with fewer than {k} interviews gets no figures of its own; small sites "
        f"together appear as “{OTHER_SITES}” when they reach {k}, otherwise they are left out of every "
        "figure and total."),
        (f"Small numbers: a count below {k} interviews is not shown, and neither is any figure that would "
        "let it be worked out from a total (complementary suppression); percentages follow their counts."),
        ("Filters: a filtered report uses the same groups as the full one, and leaves out a site the "
        f"filters cut into (keeping some of its interviews but dropping fewer than {k})."),
        (f"Quotes: only for themes raised in at least {q} interviews, at most one quote per interview in the "
        "whole report, never with a participant code; the site is named only when it has at least "
        f"{k} interviews. Quotes that mention a rare job title, a length of service, a named event, a day "
        "or time, or a placeholder next to a role appear only when the coordinator approved them."),
    ]


def _methods(view: ShareView, s: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [PageBreak(), Paragraph("Methods notes", s["h1"]),
                        Paragraph("Rules that keep this report from pointing at anyone", s["h2"])]
    story += [Paragraph(_t(line), s["bullet"], bulletText="•") for line in methods_lines(view)]
    story += _withheld_box(view, s)
    story.append(Paragraph("What is counted", s["h2"]))
    for line in (
        f"{view.n_interviews} interviews" + (f", {view.months[0]} to {view.months[1]}" if view.months else "") + ".",
        ("Each interview counts once: a packet received twice is stored once, and when a researcher sent a "
         "corrected copy, only the newest copy is counted."),
        ("Themes are those the interviewer confirmed (suggested automatically or added by hand, always "
         "reviewed by a person). An interview counts for a theme if any passage in it was coded with it."),
    ):
        story.append(Paragraph(_t(line), s["bullet"], bulletText="•"))
    story.append(Paragraph("De-identification", s["h2"]))
    story.append(Paragraph(
        "Before an interview left the researcher's laptop, names of people, workplaces, places, addresses, "
        "phone numbers, e-mail addresses, dates, ages and identifying numbers were detected, replaced by "
        "consistent placeholders such as [PERSON 1], and every replacement was reviewed and signed off by "
        "the interviewer. Moments marked off the record were removed. No audio leaves the laptop.", s["body"]))
    if view.redactions:
        total = sum(view.redactions.values())
        kinds = ", ".join(f"{_t(k.lower())} {v}" for k, v in view.redactions.items())
        story.append(Paragraph(f"Replacements made in these interviews: {total} ({kinds}).", s["small"]))
    return story


def footer(text: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        page_w, _page_h = doc.pagesize
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor("#555555")
        canvas.drawRightString(page_w - MARGIN, 0.5 * inch, f"Page {doc.page}")
        canvas.drawString(MARGIN, 0.5 * inch, text)
        canvas.restoreState()
    return draw


def write_share_report(view: ShareView, *, title: str = "Job quality interviews: cross-site report") -> bytes:
    """The shareable report as PDF bytes."""
    s = _styles()
    story = _cover(view, s, title)
    if view.n_interviews:
        story += _overview(view, s) + _questions(view, s) + _cooccurrence(view, s)
        if view.themes:
            story += [PageBreak(), Paragraph("Themes one by one", s["h1"])]
            for t in view.themes:
                story += _theme_section(view, t, s)
    story += _methods(view, s)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            author="Confidant", invariant=1)
    page = footer(FOOTER.format(k=view.rules.k))
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
