"""The interview summary PDF that travels inside a packet (made from interview.json alone).

A cover page with the facts and a chart of themes, then one page per guide question with
its theme tags, a small chart, and the de-identified answers. It never sees anything that
interview.json does not hold, so it cannot leak what the payload does not already carry.
Output is reproducible (reportlab's invariant mode): no creation time in the PDF.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.documents.interview import InterviewDoc, Segment, Tag
from core.reports import fonts
from core.reports.words import theme_labels, words

_MAX_BARS = 12
_BAR_COLOR = colors.HexColor("#3B6EA5")
_NOT_TIED = "__none__"


def _styles() -> dict[str, ParagraphStyle]:
    base = fonts.sample_styles()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=fonts.REGULAR, fontSize=10.5, leading=14)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=20, leading=24, spaceAfter=12),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontSize=14, leading=18, spaceAfter=4),
        "question": ParagraphStyle("question", parent=body, fontName=fonts.BOLD, fontSize=12,
                                   leading=16, spaceAfter=6),
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#444444")),
        "body": body,
        "answer": ParagraphStyle("answer", parent=body, leftIndent=12, spaceAfter=5),
    }


def _t(value: Any) -> str:
    return escape(str(value if value is not None else ""))


def _mmss(ms: int) -> str:
    seconds = max(0, int(ms) // 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def theme_chart(counts: Counter[str], width: float = 6.5 * inch,
                axis: str = "number of tagged passages") -> Drawing:
    """A horizontal bar chart of theme counts (largest first, at most ``_MAX_BARS`` bars)."""
    items = counts.most_common(_MAX_BARS)[::-1]  # reportlab draws the first category at the bottom
    bar_h = 16
    height = bar_h * len(items) + 40
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 30
    chart.width, chart.height = width - 170, bar_h * len(items)
    chart.data = [[n for _, n in items]]
    # Labels are fitted by width with an ellipsis; the axis labels sit left of x=150.
    chart.categoryAxis.categoryNames = [fonts.fit(label, 140, size=9) for label, _ in items]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    top = max((n for _, n in items), default=1)
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, top // 5)
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = _BAR_COLOR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.REGULAR
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(chart.x, 2, axis, fontName=fonts.REGULAR, fontSize=8))
    return drawing


def _counts(tags: Iterable[Tag], labels: dict[str, str]) -> Counter[str]:
    return Counter(labels.get(t.theme, t.theme) for t in tags)


def _cover(doc: InterviewDoc, st: dict[str, ParagraphStyle], labels: dict[str, str],
           w: dict[str, str]) -> list[Flowable]:
    info, guide, deid = doc.interview, doc.guide, doc.deid
    rows = [
        [w["participant_code"], info.code], [w["site"], info.site],
        [w["month"], info.month], [w["language"], info.language],
        [w["consent"], (f"{w.get(info.consent.method, info.consent.method)}"
                       f"{w['witnessed'] if info.consent.witnessed else ''}")],
        [w["guide"], f"{guide.title} ({guide.id} v{guide.version})"],
        [w["passages"], str(len(doc.segments))],
        [w["signed_off"], deid.signed_off_at],
        [w["redactions"], ", ".join(f"{k.lower()} {v}" for k, v in deid.redactions) or w["none"]],
        [w["packet"], doc.packet_id[:8] + (f" ({w['corrects']} {doc.supersedes[:8]})" if doc.supersedes else "")],
    ]
    table = Table([[Paragraph(_t(k), st["small"]), Paragraph(_t(v), st["body"])] for k, v in rows],
                  colWidths=[1.9 * inch, 4.6 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC"))]))
    out: list[Flowable] = [Paragraph(w["title"], st["title"]), table, Spacer(1, 14)]
    counts = _counts(doc.tags, labels)
    out.append(Paragraph(w["themes_across"], st["h2"]))
    if counts:
        out.append(theme_chart(counts, axis=w["chart_axis"]))
    else:
        out.append(Paragraph(w["no_themes"], st["body"]))
    out += [Spacer(1, 10), Paragraph(w["deidentified_note"], st["small"])]
    return out


def _question_page(title: str, text: str, segments: list[Segment], tags: list[Tag],
                   st: dict[str, ParagraphStyle], labels: dict[str, str],
                   w: dict[str, str]) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Paragraph(_t(title), st["h2"])]
    if text:
        out.append(Paragraph(_t(text), st["question"]))
    counts = _counts(tags, labels)
    if counts:
        listed = ", ".join(f"{label} ({n})" for label, n in counts.most_common())
        out += [Paragraph(f"<b>{w['themes']}</b> {_t(listed)}", st["body"]),
                theme_chart(counts, axis=w["chart_axis"])]
    else:
        out.append(Paragraph(f"<b>{w['themes']}</b> {w['none_confirmed']}", st["body"]))
    out.append(Spacer(1, 6))
    if not segments:
        out.append(Paragraph(w["no_answer"], st["small"]))
    for seg in segments:
        speaker = w.get(seg.speaker, seg.speaker.capitalize())
        who = f"<b>{_t(speaker)}:</b> " if speaker else ""
        line = f"<font color='#666666'>[{_mmss(seg.start_ms)}]</font> {who}{_t(seg.text)}"
        out.append(KeepTogether([Paragraph(line, st["answer"])]))
    return out


def _footer(w: dict[str, str]) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(0.75 * inch, 0.5 * inch, w["footer"])
        canvas.drawRightString(doc.pagesize[0] - 0.75 * inch, 0.5 * inch, f"{w['page']} {doc.page}")
        canvas.restoreState()
    return draw


def write_interview_summary(interview: InterviewDoc) -> bytes:
    """PDF bytes summarising an interview document (format confidant-interview/1)."""
    st = _styles()
    # In the interview's language (decision 0134): the fixed words and unrenamed theme labels.
    w = words(interview.interview.language)
    labels = theme_labels(interview.labels(), interview.interview.language)
    seg_question = {s.index: s.question_id or _NOT_TIED for s in interview.segments}
    by_question: dict[str, list[Segment]] = {}
    for seg in interview.segments:
        by_question.setdefault(seg.question_id or _NOT_TIED, []).append(seg)
    tags_by_question: dict[str, list[Tag]] = {}
    for tag in interview.tags:
        tags_by_question.setdefault(seg_question.get(tag.segment, _NOT_TIED), []).append(tag)

    story = _cover(interview, st, labels, w)
    for number, q in enumerate(interview.questions, 1):
        title = f"{w['question']} {number}" + (f" · {q.section}" if q.section else "")
        story += _question_page(title, q.text, by_question.pop(q.id, []),
                                tags_by_question.get(q.id, []), st, labels, w)
    leftovers = [s for qid, segs in by_question.items() for s in segs]  # not tied to a guide question
    if leftovers:
        leftover_tags = [t for qid, ts in tags_by_question.items() if qid in by_question for t in ts]
        story += _question_page(w["other_passages"], "", leftovers, leftover_tags, st, labels, w)
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.75 * inch, bottomMargin=0.8 * inch, invariant=1,
                            title=w["title"], author="Confidant", subject="de-identified",
                            creator="Confidant", producer="Confidant")
    pdf.build(story, onFirstPage=_footer(w), onLaterPages=_footer(w))
    return buf.getvalue()
