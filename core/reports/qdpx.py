"""REFI-QDA exchange: a ``.qdpx`` project and a ``.qdc`` codebook for NVivo, ATLAS.ti,
MAXQDA and QualCoder.

The project (``project.qde`` in a ZIP, schema ``urn:QDA-XML:project:1.0``) holds: the codebook
(themes, nested by parent), one ``TextSource`` per interview whose plain text is a file in
``sources/`` (de-identified transcript, one line per segment, with question headings), coded
passages as ``PlainTextSelection`` → ``Coding`` → ``CodeRef``, one ``Case`` per interview with
site, month, guide version and language as variables (on the case only), and shared memos as
``Notes`` referred to from the passage or interview they are about — and, because QualCoder
reads memos only from ``Description`` elements, also as the passage selection's and the
source's ``Description``. Source text is LF-only UTF-8 without a BOM (offsets stay exact).

Rules the schema enforces that tools get wrong: container elements (``Users``, ``Codes``,
``Variables``, ``Cases``, ``Sources``, ``Notes``, ``Sets``) must hold at least one child, so an
empty one is left out rather than written empty; elements keep the schema's order; GUIDs are
deterministic (UUID 5 of (device, packet id) and of theme ids), so exporting twice gives the same ids and
a tool can match re-imported items.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from core.documents.interview import CodebookEntry, InterviewDoc
from core.reports.model import NO_QUESTION, Aggregate
from core.vault.files import write_output_file

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_GUID_NS = uuid.UUID("6f6b2a52-6a3c-4f0e-9a55-1c0f1d7e2b10")  # Confidant's namespace for uuid5
# XML 1.0 forbids most control characters; a stray one in a transcript must not break export.
# Each becomes a space (not nothing) so character positions of coded passages stay right.
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"]
VARIABLES = [("site", "Site (workplace code)"), ("month", "Month of the interview (YYYY-MM)"),
             ("guide_version", "Interview guide id@version"), ("language", "Interview language")]


def guid(*parts: object) -> str:
    """A stable GUID for a thing named by ``parts``."""
    return str(uuid.uuid5(_GUID_NS, "/".join(str(p) for p in parts)))


def _iv_key(iv: InterviewDoc) -> str:
    """What names an interview in GUIDs: packet ids are unique per device only (spec §8), so
    two devices' packets with one id are two cases and two sources, never one."""
    return f"{iv.device_fingerprint}/{iv.packet_id}" if iv.device_fingerprint else iv.packet_id


def _clean(text: Any) -> str:
    return _XML_BAD.sub(" ", str(text))


def _interviews_of(source: Aggregate | Iterable[InterviewDoc]) -> list[InterviewDoc]:
    return source.interviews if isinstance(source, Aggregate) else list(source)


def merged_codebook(interviews: Sequence[InterviewDoc]) -> list[CodebookEntry]:
    """Themes across interviews (a later interview's entry wins), first-seen order."""
    themes: dict[str, CodebookEntry] = {}
    for iv in interviews:
        for theme in iv.codebook:
            themes[theme.id] = theme
        for tag in iv.tags:
            themes.setdefault(tag.theme, CodebookEntry(tag.theme, tag.theme, "", None))
    return list(themes.values())


def _parents(themes: Sequence[CodebookEntry]) -> dict[str, str | None]:
    """Each theme's parent, with unknown parents and parent cycles cut (those become roots),
    so every theme appears exactly once in the tree."""
    ids = {t.id for t in themes}
    parents = {t.id: (t.parent if t.parent and t.parent in ids else None) for t in themes}
    for tid in list(parents):
        seen, cur = {tid}, parents[tid]
        while cur is not None:
            if cur in seen:
                parents[tid] = None
                break
            seen.add(cur)
            cur = parents[cur]
    return parents


def _code_tree(parent_el: etree._Element, ns: str, themes: Sequence[CodebookEntry], *,
               codable: bool = True) -> None:
    parents = _parents(themes)
    children: dict[str | None, list[CodebookEntry]] = {}
    for theme in themes:
        children.setdefault(parents[theme.id], []).append(theme)
    colour = {t.id: PALETTE[i % len(PALETTE)] for i, t in enumerate(themes)}

    def add(el: etree._Element, theme: CodebookEntry) -> None:
        tid = theme.id
        code = etree.SubElement(el, f"{{{ns}}}Code", guid=guid("code", tid),
                                name=_clean(theme.display_label), isCodable="true" if codable else "false",
                                color=colour[tid])
        if theme.description:
            etree.SubElement(code, f"{{{ns}}}Description").text = _clean(theme.description)
        for child in children.get(tid, []):
            add(code, child)

    codes = etree.SubElement(parent_el, f"{{{ns}}}Codes")
    for theme in children.get(None, []):
        add(codes, theme)


def source_text(iv: InterviewDoc) -> tuple[str, dict[int, int]]:
    """An interview's plain text and, per segment index, where its text starts."""
    questions = {q.id: q for q in iv.questions}
    parts: list[str] = []
    offsets: dict[int, int] = {}
    length, current_q = 0, object()
    for seg in sorted(iv.segments, key=lambda s: s.index):
        qid = seg.question_id or NO_QUESTION
        if qid != current_q:
            current_q = qid
            heading = (f"== {qid}: {questions[qid].text} ==" if qid in questions
                       else "== (not linked to a guide question) ==" if qid == NO_QUESTION
                       else f"== {qid} ==")
            block = ("\n" if parts else "") + _clean(heading) + "\n"
            parts.append(block)
            length += len(block)
        speaker = {"interviewer": "Interviewer: ", "participant": "Participant: "}.get(seg.speaker, "")
        parts.append(speaker)
        length += len(speaker)
        offsets[seg.index] = length
        text = _clean(seg.text) + "\n"
        parts.append(text)
        length += len(text)
    return "".join(parts), offsets


def build_project(interviews: Sequence[InterviewDoc], *, name: str = "Confidant coordinator export",
                  description: str = "", created_at: str | None = None) -> tuple[bytes, dict[str, bytes]]:
    """The project.qde XML and the ``sources/`` files (name -> UTF-8 bytes).

    ``created_at`` (ISO 8601, UTC) is the project's time; an aggregate's own generation time,
    so the same report gives the same project.
    """
    P = f"{{{PROJECT_NS}}}"
    when = dt.datetime.fromisoformat(created_at) if created_at else dt.datetime.now(dt.UTC)
    now = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    user = guid("user", "coordinator")
    root = etree.Element(P + "Project", nsmap={None: PROJECT_NS}, name=_clean(name),
                         origin="Confidant", creatingUserGUID=user, creationDateTime=now)
    etree.SubElement(etree.SubElement(root, P + "Users"), P + "User", guid=user, name="Coordinator")
    themes = merged_codebook(interviews)
    if themes:
        _code_tree(etree.SubElement(root, P + "CodeBook"), PROJECT_NS, themes)
    if interviews:
        variables = etree.SubElement(root, P + "Variables")
        for var, desc in VARIABLES:
            v = etree.SubElement(variables, P + "Variable", guid=guid("variable", var), name=var,
                                 typeOfVariable="Text")
            etree.SubElement(v, P + "Description").text = desc
        cases = etree.SubElement(root, P + "Cases")
        for iv in interviews:
            _add_case(cases, iv)
    files: dict[str, bytes] = {}
    notes: list[etree._Element] = []
    if interviews:
        sources = etree.SubElement(root, P + "Sources")
        for iv in interviews:
            _add_source(sources, iv, files, notes, user, now)
    if notes:
        notes_el = etree.SubElement(root, P + "Notes")
        for note in notes:
            notes_el.append(note)
    if description:
        etree.SubElement(root, P + "Description").text = _clean(description)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True), files


def _values(iv: InterviewDoc) -> dict[str, str]:
    meta = iv.interview
    return {"site": meta.site, "month": meta.month, "guide_version": iv.guide.full_version,
            "language": meta.language}


def _add_values(el: etree._Element, iv: InterviewDoc) -> None:
    P = f"{{{PROJECT_NS}}}"
    for var, value in _values(iv).items():
        vv = etree.SubElement(el, P + "VariableValue")
        etree.SubElement(vv, P + "VariableRef", targetGUID=guid("variable", var))
        etree.SubElement(vv, P + "TextValue").text = _clean(value)


def _case_name(iv: InterviewDoc) -> str:
    return f"{iv.interview.site} {iv.interview.code}".strip()


def _add_case(cases: etree._Element, iv: InterviewDoc) -> None:
    P = f"{{{PROJECT_NS}}}"
    key = _iv_key(iv)
    case = etree.SubElement(cases, P + "Case", guid=guid("case", key), name=_clean(_case_name(iv)))
    _add_values(case, iv)
    etree.SubElement(case, P + "SourceRef", targetGUID=guid("source", key))


def _note(notes: list[etree._Element], key: str, name: str, text: str, user: str, now: str) -> str:
    P = f"{{{PROJECT_NS}}}"
    note_guid = guid("note", key)
    note = etree.Element(P + "Note", guid=note_guid, name=_clean(name), creatingUser=user,
                         creationDateTime=now)
    etree.SubElement(note, P + "PlainTextContent").text = _clean(text)
    notes.append(note)
    return note_guid


def _add_source(sources: etree._Element, iv: InterviewDoc, files: dict[str, bytes],
                notes: list[etree._Element], user: str, now: str) -> None:
    P = f"{{{PROJECT_NS}}}"
    pid, key = iv.packet_id, _iv_key(iv)
    src_guid = guid("source", key)
    text, offsets = source_text(iv)
    files[f"{src_guid}.txt"] = text.encode("utf-8")
    src = etree.SubElement(sources, P + "TextSource", guid=src_guid, name=_clean(_case_name(iv)),
                           plainTextPath=f"internal://{src_guid}.txt", creatingUser=user,
                           creationDateTime=now)
    # QualCoder reads a source's memo from its Description, and a passage's memo from the
    # selection's Description; the Notes (NoteRef) are how NVivo and ATLAS.ti read them.
    whole = [m.text for m in iv.memos if m.segment is None or m.segment not in iv.segments_by_index()]
    sender = f" from device {iv.device_fingerprint[:16]}" if iv.device_fingerprint else ""
    about = f"De-identified interview; guide {iv.guide.full_version}; packet {pid}{sender}."
    etree.SubElement(src, P + "Description").text = _clean(
        "\n\n".join([about, *(f"Memo: {text}" for text in whole)]))
    segments = iv.segments_by_index()
    # One selection per coded passage; memos on a segment get an uncoded selection of it.
    for n, tag in enumerate(iv.tags):
        idx = tag.segment
        if idx not in segments:  # cannot happen for a validated document; never crash on it
            continue
        seg_text = _clean(segments[idx].text)
        start, end = tag.span(seg_text) or (0, len(seg_text))
        sel = etree.SubElement(src, P + "PlainTextSelection", guid=guid("selection", key, n),
                               name=_clean(seg_text[start:end][:60]),
                               startPosition=str(offsets[idx] + start),
                               endPosition=str(offsets[idx] + end), creatingUser=user, creationDateTime=now)
        coding = etree.SubElement(sel, P + "Coding", guid=guid("coding", key, n), creatingUser=user,
                                  creationDateTime=now)
        etree.SubElement(coding, P + "CodeRef", targetGUID=guid("code", tag.theme))
    source_notes = []
    for n, memo in enumerate(iv.memos):
        note_guid = _note(notes, f"{key}/{n}", f"Memo: {_case_name(iv)}", memo.text, user, now)
        seg_idx = memo.segment
        if seg_idx is not None and seg_idx in segments:
            idx = seg_idx
            seg_len = len(_clean(segments[idx].text))
            sel = etree.SubElement(src, P + "PlainTextSelection", guid=guid("memo-selection", key, n),
                                   name="memo", startPosition=str(offsets[idx]),
                                   endPosition=str(offsets[idx] + seg_len), creatingUser=user,
                                   creationDateTime=now)
            etree.SubElement(sel, P + "Description").text = _clean(memo.text)
            etree.SubElement(sel, P + "NoteRef", targetGUID=note_guid)
        else:
            source_notes.append(note_guid)
    for note_guid in source_notes:
        etree.SubElement(src, P + "NoteRef", targetGUID=note_guid)
    # Variables live on the interview's Case only: written on the TextSource as well, QualCoder
    # keeps them as a second, orphaned set of attributes.


def write_qdpx(source: Aggregate | Iterable[InterviewDoc], path: str | Path, *,
               name: str = "Confidant coordinator export", description: str = "") -> Path:
    """Write a .qdpx (ZIP: project.qde + sources/) for an Aggregate or interview documents;
    written to a temporary name and renamed, so never half a file."""
    interviews = _interviews_of(source)
    if not description:
        description = (f"{len(interviews)} de-identified interviews exported by Confidant. "
                       "Names and other identifying details were replaced with placeholders "
                       "such as [PERSON 1] and reviewed by the interviewer before sharing.")
    created_at = source.generated_at if isinstance(source, Aggregate) else None
    xml, files = build_project(interviews, name=name, description=description, created_at=created_at)
    # Members carry the project's time, not the clock's, so one report gives one file.
    when = dt.datetime.fromisoformat(created_at) if created_at else dt.datetime.now(dt.UTC)
    stamp = when.astimezone(dt.UTC).timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for member, data in [("project.qde", xml), *((f"sources/{f}", d) for f, d in files.items())]:
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.external_attr = 0o644 << 16  # rw-r--r-- when unzipped (ZipInfo's default is none)
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return write_output_file(path, buf.getvalue())


def build_codebook(themes: Sequence[CodebookEntry]) -> bytes:
    """A .qdc codebook (``urn:QDA-XML:codebook:1.0``) of codebook entries."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin="Confidant")
    if themes:
        _code_tree(root, CODEBOOK_NS, themes)
    else:  # Codes needs one Code; an empty codebook gets a non-codable placeholder
        _code_tree(root, CODEBOOK_NS, [CodebookEntry("_empty", "(no themes)", "", None)], codable=False)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdc(source: Aggregate | Iterable[InterviewDoc], path: str | Path) -> Path:
    """Write the merged codebook of the interviews as a .qdc file."""
    return write_output_file(path, build_codebook(merged_codebook(_interviews_of(source))))
