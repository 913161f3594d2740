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

from core.reports import fonts

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


def theme_chart(counts: Counter[str], width: float = 6.5 * inch) -> Drawing:
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
    drawing.add(String(chart.x, 2, "number of tagged passages", fontName=fonts.REGULAR, fontSize=8))
    return drawing


def _theme_labels(doc: dict[str, Any]) -> dict[str, str]:
    return {str(t.get("id")): str(t.get("label") or t.get("id")) for t in doc.get("codebook") or []
            if isinstance(t, dict)}


def _counts(tags: Iterable[dict[str, Any]], labels: dict[str, str]) -> Counter[str]:
    return Counter(labels.get(str(t.get("theme")), str(t.get("theme"))) for t in tags)


def _cover(doc: dict[str, Any], st: dict[str, ParagraphStyle], labels: dict[str, str]) -> list[Flowable]:
    info = doc.get("interview") or {}
    guide = doc.get("guide") or {}
    consent = info.get("consent") or {}
    deid = doc.get("deid") or {}
    redactions = deid.get("redactions") or {}
    rows = [
        ["Participant code", info.get("code", "")], ["Site", info.get("site", "")],
        ["Month", info.get("month", "")], ["Language", info.get("language", "")],
        ["Consent", f"{consent.get('method', '')}{', witnessed' if consent.get('witnessed') else ''}"],
        ["Guide", f"{guide.get('title', '')} ({guide.get('id', '')} v{guide.get('version', '')})"],
        ["Passages", str(len(doc.get("segments") or []))],
        ["Reviewed and signed off", str(deid.get("signed_off_at", ""))],
        ["Redactions", ", ".join(f"{k.lower()} {v}" for k, v in sorted(redactions.items())) or "none"],
        ["Packet", str(doc.get("packet_id", ""))[:8]
         + (f" (corrects {str(doc.get('supersedes'))[:8]})" if doc.get("supersedes") else "")],
    ]
    table = Table([[Paragraph(_t(k), st["small"]), Paragraph(_t(v), st["body"])] for k, v in rows],
                  colWidths=[1.9 * inch, 4.6 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC"))]))
    out: list[Flowable] = [Paragraph("Interview summary", st["title"]), table, Spacer(1, 14)]
    counts = _counts(doc.get("tags") or [], labels)
    out.append(Paragraph("Themes across the interview", st["h2"]))
    if counts:
        out.append(theme_chart(counts))
    else:
        out.append(Paragraph("No themes were confirmed for this interview.", st["body"]))
    out += [Spacer(1, 10), Paragraph(
        "This summary is de-identified: names, places and other identifying details were replaced "
        "with placeholders such as [PERSON 1], and passages spoken off the record were removed.",
        st["small"])]
    return out


def _question_page(title: str, text: str, segments: list[dict[str, Any]], tags: list[dict[str, Any]],
                   st: dict[str, ParagraphStyle], labels: dict[str, str]) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), Paragraph(_t(title), st["h2"])]
    if text:
        out.append(Paragraph(_t(text), st["question"]))
    counts = _counts(tags, labels)
    if counts:
        listed = ", ".join(f"{label} ({n})" for label, n in counts.most_common())
        out += [Paragraph(f"<b>Themes:</b> {_t(listed)}", st["body"]), theme_chart(counts)]
    else:
        out.append(Paragraph("<b>Themes:</b> none confirmed", st["body"]))
    out.append(Spacer(1, 6))
    if not segments:
        out.append(Paragraph("No answer was recorded for this question.", st["small"]))
    for seg in segments:
        speaker = str(seg.get("speaker") or "").capitalize()
        who = f"<b>{_t(speaker)}:</b> " if speaker else ""
        line = f"<font color='#666666'>[{_mmss(seg.get('start_ms', 0))}]</font> {who}{_t(seg.get('text', ''))}"
        out.append(KeepTogether([Paragraph(line, st["answer"])]))
    return out


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(0.75 * inch, 0.5 * inch, "Confidential — de-identified interview summary (Confidant)")
    canvas.drawRightString(doc.pagesize[0] - 0.75 * inch, 0.5 * inch, f"page {doc.page}")
    canvas.restoreState()


def write_interview_summary(interview: dict[str, Any]) -> bytes:
    """PDF bytes summarising an interview.json document (format confidant-interview/1)."""
    st = _styles()
    labels = _theme_labels(interview)
    segments = [s for s in interview.get("segments") or [] if isinstance(s, dict)]
    seg_question = {s.get("index"): s.get("question_id") or _NOT_TIED for s in segments}
    by_question: dict[str, list[dict[str, Any]]] = {}
    for seg in segments:
        by_question.setdefault(seg.get("question_id") or _NOT_TIED, []).append(seg)
    tags_by_question: dict[str, list[dict[str, Any]]] = {}
    for tag in interview.get("tags") or []:
        tags_by_question.setdefault(seg_question.get(tag.get("segment"), _NOT_TIED), []).append(tag)

    story = _cover(interview, st, labels)
    questions = [q for q in interview.get("questions") or [] if isinstance(q, dict)]
    for number, q in enumerate(questions, 1):
        qid = str(q.get("id"))
        title = f"Question {number}" + (f" · {q.get('section')}" if q.get("section") else "")
        story += _question_page(title, str(q.get("text", "")), by_question.pop(qid, []),
                                tags_by_question.get(qid, []), st, labels)
    leftovers = [s for qid, segs in by_question.items() for s in segs]  # not tied to a guide question
    if leftovers:
        leftover_tags = [t for qid, ts in tags_by_question.items() if qid in by_question for t in ts]
        story += _question_page("Other passages (not tied to a guide question)", "", leftovers,
                                leftover_tags, st, labels)
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.75 * inch, bottomMargin=0.8 * inch, invariant=1,
                            title="Interview summary", author="Confidant", subject="de-identified",
                            creator="Confidant", producer="Confidant")
    pdf.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()
