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

_COLOURS = {"PASS": colors.HexColor("#1b7f3b"), "WARN": colors.HexColor("#b36b00"),
            "FAIL": colors.HexColor("#b00020")}
# A table row cannot be taller than a page; longer evidence is cut here and stays whole in
# the JSON report (`confidant audit --json`).
MAX_EVIDENCE_CHARS = 2400
THREAT_MODEL_SUMMARY = [
    ("Everything is kept in one encrypted vault: vault.db is SQLCipher 4 (AES-256-CBC pages with "
    "HMAC-SHA512) under a key derived with HKDF-SHA256 from a random 256-bit master key; vault.json "
    "holds that master key wrapped with AES-256-GCM under Argon2id of the passphrase and, separately, "
    "of a recovery code shown once."),
    ("A lost or stolen laptop, a curious co-worker or a compromised sync folder gets no interview "
    "content without the passphrase or recovery code; each guess costs one Argon2id run."),
    ("Packets carry only de-identified, signed-off text, sealed with age to the coordinators and "
    "signed with the device's Ed25519 key; audio, names and the pseudonym map never leave the laptop."),
    ("Out of scope: malware or an attacker on the laptop while the vault is unlocked, memory capture, "
    "coercion, and re-identification from what a participant said. Full model: docs/SECURITY.md."),
]


def write_audit_pdf(report: Any) -> bytes:
    """PDF bytes: date, app version, subject id, each check with evidence, threat model summary."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title="Confidant privacy audit", author="Confidant")
    styles = fonts.sample_styles()
    small = ParagraphStyle("small", parent=styles["BodyText"], fontSize=8.5, leading=11)
    bold = ParagraphStyle("bold", parent=small, fontName=fonts.BOLD)
    story: list[Any] = [Paragraph("Confidant privacy audit", styles["Title"])]
    counts = {s: sum(1 for c in report.checks if c.status == s) for s in ("PASS", "WARN", "FAIL")}
    meta = [["Date (UTC)", report.created_at], ["Confidant version", report.app_version],
            [f"{report.subject.capitalize()} id", report.subject_id or "—"],
            ["Overall", f"{report.status}  ({counts['PASS']} pass, {counts['WARN']} warn, {counts['FAIL']} fail)"]]
    table = Table([[Paragraph(escape(a), bold), Paragraph(escape(str(b)), small)] for a, b in meta],
                  colWidths=[40 * mm, 134 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TEXTCOLOR", (1, 3), (1, 3), _COLOURS.get(report.status, colors.black))]))
    story += [table, Spacer(1, 6 * mm), Paragraph("Checks", styles["Heading2"])]
    rows = [[Paragraph("<b>Status</b>", small), Paragraph("<b>Check</b>", small),
             Paragraph("<b>Evidence and what to do</b>", small)]]
    style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    for i, check in enumerate(report.checks, start=1):
        evidence = check.evidence
        if len(evidence) > MAX_EVIDENCE_CHARS:
            evidence = (evidence[:MAX_EVIDENCE_CHARS] + f" … ({len(evidence) - MAX_EVIDENCE_CHARS:,} more "
                        "characters: see the JSON report, `confidant audit --json FILE`)")
        text = escape(evidence)
        if check.what_to_do:
            text += f"<br/><b>What to do:</b> {escape(check.what_to_do)}"
        rows.append([Paragraph(f"<b>{check.status}</b>", small), Paragraph(escape(check.name), small),
                     Paragraph(text, small)])
        style.append(("TEXTCOLOR", (0, i), (0, i), _COLOURS.get(check.status, colors.black)))
    checks = Table(rows, colWidths=[16 * mm, 42 * mm, 116 * mm], repeatRows=1)
    checks.setStyle(TableStyle(style))
    story += [checks, Spacer(1, 6 * mm), Paragraph("Threat model in brief", styles["Heading2"])]
    story += [Paragraph(escape(p), small) for p in THREAT_MODEL_SUMMARY]
    doc.build(story)
    return buf.getvalue()
