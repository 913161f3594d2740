"""A researcher's own transcript as a Word (.docx) or PDF file, to read or print.

The de-identified version (the default) is what a coordinator would read: accepted
redactions applied, off-the-record passages gone; it needs the interview's sign-off, so
nothing undecided slips into a file called "de-identified". The identifying version holds
the real names and is **not encrypted** once saved: callers must warn first
(``IDENTIFYING_WARNING``) and pass ``identifying=True``. Both are built in memory and written
once, where the person chose; the security log records that a file left the vault.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from core.errors import InvalidInput, Msg, NotSignedOff
from core.vault.db import Vault

FORMATS = ("docx", "pdf")
IDENTIFYING_WARNING = (
    "This file will hold the real names and everything said on the record, and it is NOT "
    "encrypted: anyone who opens the file, the folder or the USB stick can read it.")
IDENTIFYING_HINT = ("Save it only where nobody else can read it, and delete it when you are done. "
                    "The de-identified version is safer to print or carry.")
_SPEAKERS = {"interviewer": "Interviewer", "participant": "Participant"}


@dataclass
class Passage:
    start_ms: int
    speaker: str
    question_id: str | None
    text: str


@dataclass
class TranscriptExport:
    title: str
    subtitle: str
    is_identifying: bool
    questions: dict[str, str] = field(default_factory=dict)   # id -> "1. text"
    passages: list[Passage] = field(default_factory=list)


def _clock(ms: int) -> str:
    s = max(0, ms // 1000)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def gather(vault: Vault, interview_id: str, *, identifying: bool = False) -> TranscriptExport:
    """What goes into the file (the current transcript; off-the-record passages never)."""
    from core.deid import review
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo

    iv = InterviewRepo(vault).get(interview_id)
    kind = "identifying copy: real names, not encrypted" if identifying else "de-identified"
    out = TranscriptExport(title=f"Interview {iv.participant_code}",
                           subtitle=f"{iv.site} \u00b7 {iv.interview_date} \u00b7 {kind}",
                           is_identifying=identifying)
    stored = GuideRepo(vault).for_interview(interview_id)
    if stored is not None:
        out.questions = {q.id: f"{i}. {q.text}" for i, q in enumerate(stored.guide.questions(), 1)}
    if identifying:
        segments = [s for s in TranscriptRepo(vault).current_segments(interview_id) if not s.off_record]
        out.passages = [Passage(s.start_ms, s.speaker, s.question_id, s.text) for s in segments]
    else:
        if not review.is_signed_off(vault, interview_id):
            raise NotSignedOff(Msg("reports.de_identified_transcript_can"),
                               Msg("reports.de_identified_transcript_can.hint"))
        out.passages = [Passage(s.start_ms, s.speaker, s.question_id, s.text)
                        for s in review.deidentified_segments(vault, interview_id)]
    if not out.passages:
        raise InvalidInput(Msg("reports.interview_no_transcript_save"), Msg("reports.interview_no_transcript_save.hint"))
    return out


def _groups(doc: TranscriptExport) -> list[tuple[str, list[Passage]]]:
    """Passages under their question headings, in order (a question can come back later)."""
    groups: list[tuple[str, list[Passage]]] = []
    last: object = object()
    for p in doc.passages:
        if p.question_id != last:
            last = p.question_id
            heading = doc.questions.get(p.question_id or "", "") if p.question_id else "Before the first question"
            groups.append((heading, []))
        groups[-1][1].append(p)
    return groups


def _line_label(p: Passage) -> str:
    who = _SPEAKERS.get(p.speaker, "")
    return f"[{_clock(p.start_ms)}]" + (f" {who}:" if who else "")


def to_docx(doc: TranscriptExport) -> bytes:
    """The transcript as a Word document (python-docx)."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    d = Document()
    d.core_properties.title = doc.title
    d.core_properties.author = "Confidant"
    d.add_heading(doc.title, level=0)
    sub = d.add_paragraph(doc.subtitle)
    if doc.is_identifying:
        warn = d.add_paragraph()
        run = warn.add_run("Contains real names. Not encrypted. Keep it private and delete it when done.")
        run.bold = True
        run.font.color.rgb = RGBColor(0x9B, 0x1C, 0x1C)
    sub.runs[0].font.size = Pt(10)
    for heading, passages in _groups(doc):
        d.add_heading(heading, level=2)
        for p in passages:
            para = d.add_paragraph()
            label = para.add_run(_line_label(p) + " ")
            label.bold = True
            label.font.size = Pt(9)
            para.add_run(p.text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(doc: TranscriptExport) -> bytes:
    """The transcript as a PDF (reportlab, embedded Unicode font)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from core.reports import fonts

    base = fonts.sample_styles()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=fonts.REGULAR, fontSize=10.5, leading=14,
                          spaceAfter=5)
    story = [Paragraph(escape(doc.title), base["Title"]),
             Paragraph(escape(doc.subtitle), body)]
    if doc.is_identifying:
        story.append(Paragraph("<b>Contains real names. Not encrypted. Keep it private and delete it when "
                               "done.</b>", ParagraphStyle("warn", parent=body, textColor=colors.HexColor("#9b1c1c"))))
    story.append(Spacer(1, 8))
    for heading, passages in _groups(doc):
        story.append(Paragraph(escape(heading), base["Heading2"]))
        for p in passages:
            story.append(Paragraph(f"<b>{escape(_line_label(p))}</b> {escape(p.text)}", body))
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=fonts.page_size(), initialFontName=fonts.REGULAR,
                            leftMargin=0.8 * inch, rightMargin=0.8 * inch, topMargin=0.8 * inch,
                            bottomMargin=0.8 * inch, invariant=1, title=doc.title, author="Confidant",
                            subject=doc.subtitle, creator="Confidant", producer="Confidant")
    pdf.build(story)
    return buf.getvalue()


def save_transcript_file(vault: Vault, interview_id: str, path: str | Path, *, fmt: str | None = None,
                         identifying: bool = False) -> Path:
    """Build the file in memory and write it where the person chose (format from the suffix)."""
    target = Path(path)
    kind = (fmt or target.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise InvalidInput(Msg("reports.confidant_saves_transcripts_word"),
                           Msg("reports.confidant_saves_transcripts_word.hint"))
    doc = gather(vault, interview_id, identifying=identifying)
    data = to_docx(doc) if kind == "docx" else to_pdf(doc)
    tmp = target.with_name(target.name + ".part")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)
    vault.audit("transcript_file_saved", {"interview": interview_id, "format": kind,
                                          "identifying": identifying})
    return target
