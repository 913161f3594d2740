"""The audit report as a PDF a reviewer can attach to an ethics file (reportlab).

Takes any object shaped like ``core.audit.model.AuditReport`` (reports sit below audit in
the layers, so this module reads the report's attributes instead of importing its type).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.reports import fonts
from core.reports.catalogue import words

_COLOURS = {"PASS": colors.HexColor("#1b7f3b"), "WARN": colors.HexColor("#b36b00"),
            "FAIL": colors.HexColor("#b00020")}
# A table row cannot be taller than a page; longer evidence is cut here and stays whole in
# the JSON report (`confidant audit --json`).
MAX_EVIDENCE_CHARS = 2400


def _texts(check: Any, language: str) -> tuple[str, str]:
    """A check's evidence and what to do in ``language`` (as written, for a check without ids)."""
    texts = getattr(check, "texts", None)
    return texts(language) if callable(texts) else (check.evidence, check.what_to_do)


def write_audit_pdf(report: Any, *, language: str = "en") -> bytes:
    """PDF bytes: date, app version, subject id, each check with evidence, threat model summary.

    ``language`` ("en" or "es") words the frame, the statuses and the check names (decision
    0175), and each check's evidence and what to do (decision 0210: a check keeps the message
    ids it was written with; ``check.texts(language)``)."""
    w = words(language)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=w("audit.title"), author="Confidant")
    styles = fonts.sample_styles()
    small = ParagraphStyle("small", parent=styles["BodyText"], fontSize=8.5, leading=11)
    bold = ParagraphStyle("bold", parent=small, fontName=fonts.BOLD)
    story: list[Any] = [Paragraph(w("audit.title"), styles["Title"])]
    counts = {s: sum(1 for c in report.checks if c.status == s) for s in ("PASS", "WARN", "FAIL")}
    subject_id = "audit.packet_id" if report.subject == "packet" else "audit.vault_id"
    meta = [[w("audit.date"), w.date(report.created_at) if not w.is_english else report.created_at],
            [w("audit.version"), report.app_version],
            [w(subject_id) if report.subject in ("vault", "packet") else f"{report.subject.capitalize()} id",
             report.subject_id or "—"],
            [w("audit.overall"), w("audit.overall_counts", status=w(f"audit.{report.status}"), passed=counts["PASS"],
                                   warned=counts["WARN"], failed=counts["FAIL"])]]
    table = Table([[Paragraph(escape(a), bold), Paragraph(escape(str(b)), small)] for a, b in meta],
                  colWidths=[40 * mm, 134 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TEXTCOLOR", (1, 3), (1, 3), _COLOURS.get(report.status, colors.black))]))
    story += [table, Spacer(1, 6 * mm), Paragraph(w("audit.checks"), styles["Heading2"])]
    rows = [[Paragraph(f"<b>{w('audit.status')}</b>", small), Paragraph(f"<b>{w('audit.check')}</b>", small),
             Paragraph(f"<b>{w('audit.evidence')}</b>", small)]]
    style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    for i, check in enumerate(report.checks, start=1):
        evidence, what_to_do = _texts(check, w.language)
        if len(evidence) > MAX_EVIDENCE_CHARS:
            more = len(evidence) - MAX_EVIDENCE_CHARS
            evidence = evidence[:MAX_EVIDENCE_CHARS] + w("audit.cut", more=f"{more:,}" if w.is_english else w.n(more))
        text = escape(evidence)
        if what_to_do:
            text += f"<br/><b>{w('audit.what_to_do')}</b> {escape(what_to_do)}"
        rows.append([Paragraph(f"<b>{w('audit.' + check.status)}</b>", small),
                     Paragraph(escape(w.check_name(check.name)), small), Paragraph(text, small)])
        style.append(("TEXTCOLOR", (0, i), (0, i), _COLOURS.get(check.status, colors.black)))
    checks = Table(rows, colWidths=[16 * mm, 42 * mm, 116 * mm], repeatRows=1)
    checks.setStyle(TableStyle(style))
    story += [checks, Spacer(1, 6 * mm), Paragraph(w("audit.threat_model"), styles["Heading2"])]
    story += [Paragraph(escape(w(f"audit.threat_{i}")), small) for i in range(1, 5)]
    doc.build(story)
    return buf.getvalue()
