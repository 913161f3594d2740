"""Charts for the coordinator report (reportlab.graphics): theme frequency by site and a
theme co-occurrence heat map.

Made to survive a black-and-white printer: site bars use the Okabe–Ito colour-blind-safe
palette *and* carry their value as a label; the heat map is one hue from white to dark blue
with the number written in every cell (white on dark cells).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors

from core.reports import fonts
from core.reports.catalogue import Words, words
from core.reports.model import Aggregate

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MAX_SITES = 7       # more sites than this: the smallest are drawn together as "other sites"
MAX_THEMES = 14     # rows in the charts (the most frequent themes)
FONT = fonts.REGULAR
MAX_PLOT_H = 430.0  # points: the bar area of the theme-by-site chart, so it fits one page


def _short(text: str, width_pt: float, size: float) -> str:
    """Fitted by its drawn width with an ellipsis (a count of letters cut wide ones short)."""
    return fonts.fit(text, width_pt, FONT, size)


def site_groups(agg: Aggregate, w: Words | None = None) -> list[tuple[str, set[str], int]]:
    """(label, sites, interviews) for the chart: the largest sites, then the rest together."""
    ordered = sorted(agg.sites, key=lambda s: (-s.interviews, s.site))
    if len(ordered) <= MAX_SITES:
        return [(s.site, {s.site}, s.interviews) for s in ordered]
    head, tail = ordered[: MAX_SITES - 1], ordered[MAX_SITES - 1:]
    return [(s.site, {s.site}, s.interviews) for s in head] + [
        ((w or words("en"))("common.other_sites_chart", n=len(tail)), {s.site for s in tail},
         sum(s.interviews for s in tail))]


def theme_by_site_chart(agg: Aggregate, width: float, w: Words | None = None) -> Drawing:
    """Grouped horizontal bars: per theme, the share of each site's interviews that raised it."""
    themes = sorted((t for t in agg.themes if t.interviews), key=lambda t: (-t.interviews, t.label))[:MAX_THEMES]
    w = w or words("en")
    groups = site_groups(agg, w)
    values: list[list[float | None]] = [
        [round(100.0 * sum(t.interviews_by_site.get(s, 0) for s in sites) / n, 0) if n else 0 for t in themes]
        for _label, sites, n in groups]
    return grouped_bars([t.label for t in themes], [(label, n) for label, _s, n in groups], values, width,
                        note=w("common.chart_note"))


def grouped_bars(theme_labels: list[str], groups: list[tuple[str, int]], values: Sequence[Sequence[float | None]],
                 width: float, *, note: str = "% of the site's interviews in which the theme was coded"
                 ) -> Drawing:
    """Per theme, one bar per group: ``values[group][theme]`` in percent. ``None`` draws no bar
    (a figure a shared report withholds)."""
    n_t, n_g = len(theme_labels), max(1, len(groups))
    # Bars shrink so the chart fits one page; below 6 pt their value labels would overlap.
    bar_h = max(2.0, min(9.0, (MAX_PLOT_H - 8 * n_t) / max(1, n_t * n_g)))
    plot_h = max(40, n_t * (bar_h * n_g + 8))
    legend_rows = (n_g + 2) // 3
    height = plot_h + 50 + legend_rows * 14
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 30 + legend_rows * 14
    chart.width, chart.height = width - 175, plot_h
    # reportlab draws the first category at the bottom and series bottom-up inside each
    # category: both reversed, the first theme is on top and the first site first.
    chart.data = [list(row)[::-1] for row in values][::-1] or [[0] * n_t]
    chart.categoryAxis.categoryNames = [_short(label, 140, 8.5) for label in theme_labels[::-1]]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barSpacing = 1
    chart.groupSpacing = 8
    chart.barLabelFormat = "%d" if bar_h >= 6 else None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    for i in range(len(groups)):
        chart.bars[len(groups) - 1 - i].fillColor = colors.HexColor(OKABE_ITO[i % len(OKABE_ITO)])
        chart.bars[i].strokeColor = colors.black
        chart.bars[i].strokeWidth = 0.3
    drawing.add(chart)
    drawing.add(String(chart.x + chart.width / 2, chart.y - 22, note, fontName=FONT, fontSize=8,
                       textAnchor="middle"))
    legend = Legend()
    legend.x, legend.y = chart.x, legend_rows * 14 + 2
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = legend_rows
    legend.deltax = 140
    legend.dxTextSpace = 4
    legend.colorNamePairs = [(colors.HexColor(OKABE_ITO[i % len(OKABE_ITO)]), f"{label} (n={n})")
                             for i, (label, n) in enumerate(groups)]
    drawing.add(legend)
    return drawing


def _shade(value: int, top: int) -> colors.Color:
    """White (0) to dark blue (top), linear."""
    f = 0.0 if top <= 0 else min(1.0, value / top)
    return colors.Color(1 - 0.85 * f, 1 - 0.65 * f, 1 - 0.3 * f)


def cooccurrence_heatmap(agg: Aggregate, width: float, w: Words | None = None) -> Drawing:
    """Theme × theme: answers in which both themes were coded (diagonal: the theme alone)."""
    ids = agg.theme_ids[:MAX_THEMES]
    matrix: list[list[int | None]] = [list(row[:len(ids)]) for row in agg.cooccurrence[:len(ids)]]
    return heatmap([agg.label(t) for t in ids], matrix, width, w)


def heatmap(labels: list[str], matrix: list[list[int | None]], width: float, w: Words | None = None) -> Drawing:
    """The grid behind ``cooccurrence_heatmap``; a ``None`` cell is withheld (grey, "–")."""
    n = len(labels)
    label_w = 150
    cell = min(26.0, (width - label_w - 10) / max(n, 1))
    height = label_w * 0.7 + n * cell + 20
    drawing = Drawing(width, height)
    top_y = height - label_w * 0.7
    off_diag = [v for i in range(n) for j in range(n) if i != j and (v := matrix[i][j]) is not None]
    top = max(off_diag, default=0) or 1
    for i, name in enumerate(labels):
        y = top_y - (i + 1) * cell
        drawing.add(String(label_w - 6, y + cell / 2 - 3, _short(name, label_w - 12, 8),
                           fontName=FONT, fontSize=8, textAnchor="end"))
        for j in range(n):
            x = label_w + j * cell
            value = matrix[i][j]
            if value is None:
                fill, ink = colors.HexColor("#D9D9D9"), colors.HexColor("#333333")
            elif i == j:
                fill, ink = colors.HexColor("#EEEEEE"), colors.HexColor("#555555")
            else:
                fill = _shade(value, top)
                ink = colors.white if value > top * 0.55 else colors.black
            drawing.add(Rect(x, y, cell, cell, fillColor=fill, strokeColor=colors.white, strokeWidth=0.5))
            drawing.add(String(x + cell / 2, y + cell / 2 - 2.5, "–" if value is None else str(value),
                               fontName=FONT, fontSize=6.5 if (value or 0) >= 100 else 7, fillColor=ink,
                               textAnchor="middle"))
    for j, name in enumerate(labels):
        # Rotated 60 degrees, a label of length L rises L * sin(60) into the label band.
        label = String(0, 0, _short(name, label_w * 0.7 / 0.87 - 8, 7.5), fontName=FONT, fontSize=7.5)
        # Rotated column labels: a Group with a transform keeps them readable above the grid.
        g = Group(label)
        g.translate(label_w + j * cell + cell / 2 + 2, top_y + 4)
        g.rotate(60)
        drawing.add(g)
    drawing.add(String(label_w, 4, (w or words("en"))("common.heatmap_note"), fontName=FONT, fontSize=7.5))
    return drawing
