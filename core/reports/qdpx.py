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
import itertools
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from lxml import etree

from core.documents.interview import CodebookEntry, InterviewDoc
from core.reports.model import NO_QUESTION, Aggregate, InterviewStream
from core.vault.files import output_file, write_output_file

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_GUID_NS = uuid.UUID("6f6b2a52-6a3c-4f0e-9a55-1c0f1d7e2b10")  # Confidant's namespace for uuid5
# XML 1.0 forbids most control characters; a stray one in a transcript must not break export.
# Each becomes a space (not nothing) so character positions of coded passages stay right.
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ZIP64_FROM = 100_000  # interviews from which project.qde is written as a ZIP64 entry
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


def merged_codebook(interviews: Iterable[InterviewDoc]) -> list[CodebookEntry]:
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


def _element(tag: str, **attrs: str) -> etree._Element:
    """A standalone project element (written on its own into the streamed project.qde)."""
    return etree.Element(f"{{{PROJECT_NS}}}{tag}", nsmap={None: PROJECT_NS}, **attrs)


def _project_time(created_at: str | None) -> dt.datetime:
    return dt.datetime.fromisoformat(created_at) if created_at else dt.datetime.now(dt.UTC)


def write_project(out: IO[bytes], interviews: Iterable[InterviewDoc], themes: Sequence[CodebookEntry], *,
                  name: str = "Confidant coordinator export", description: str = "",
                  created_at: str | None = None) -> int:
    """Write project.qde to ``out``, one element at a time (lxml's incremental writer).

    ``interviews`` is read three times (cases, sources, notes: the schema's order) and only one
    interview's elements exist at a time. ``created_at`` (ISO 8601, UTC) is the project's
    time; an aggregate's own generation time, so the same report gives the same project.
    Returns how many interviews it holds.
    """
    now = _project_time(created_at).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    user = guid("user", "coordinator")
    P = f"{{{PROJECT_NS}}}"
    n_interviews = n_notes = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(P + "Project", nsmap={None: PROJECT_NS}, name=_clean(name), origin="Confidant",
                        creatingUserGUID=user, creationDateTime=now):
            users = _element("Users")
            etree.SubElement(users, P + "User", guid=user, name="Coordinator")
            xf.write("\n", users, pretty_print=True)
            if themes:
                codebook = _element("CodeBook")
                _code_tree(codebook, PROJECT_NS, themes)
                xf.write(codebook, pretty_print=True)
            passes = iter(interviews)
            first = next(passes, None)  # containers must hold a child: none without interviews
            if first is not None:
                variables = _element("Variables")
                for var, desc in VARIABLES:
                    v = etree.SubElement(variables, P + "Variable", guid=guid("variable", var), name=var,
                                         typeOfVariable="Text")
                    etree.SubElement(v, P + "Description").text = desc
                xf.write(variables, pretty_print=True)
                with xf.element(P + "Cases"):
                    for iv in itertools.chain([first], passes):
                        xf.write("\n", _case(iv), pretty_print=True)
                        n_interviews += 1
            if n_interviews:
                xf.write("\n")
                with xf.element(P + "Sources"):
                    for iv in interviews:
                        xf.write("\n", _source(iv, user, now), pretty_print=True)
                        n_notes += len(iv.memos)
                xf.write("\n")
            if n_notes:
                with xf.element(P + "Notes"):
                    for iv in interviews:
                        for note in _notes(iv, user, now):
                            xf.write("\n", note, pretty_print=True)
                xf.write("\n")
            if description:
                desc_el = _element("Description")
                desc_el.text = _clean(description)
                xf.write(desc_el, pretty_print=True)
    return n_interviews


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


def _case(iv: InterviewDoc) -> etree._Element:
    P = f"{{{PROJECT_NS}}}"
    key = _iv_key(iv)
    case = _element("Case", guid=guid("case", key), name=_clean(_case_name(iv)))
    _add_values(case, iv)
    etree.SubElement(case, P + "SourceRef", targetGUID=guid("source", key))
    return case


def _note_guid(iv: InterviewDoc, n: int) -> str:
    return guid("note", f"{_iv_key(iv)}/{n}")


def _notes(iv: InterviewDoc, user: str, now: str) -> list[etree._Element]:
    """The interview's shared memos as project ``Note``s."""
    P = f"{{{PROJECT_NS}}}"
    out = []
    for n, memo in enumerate(iv.memos):
        note = _element("Note", guid=_note_guid(iv, n), name=_clean(f"Memo: {_case_name(iv)}"),
                        creatingUser=user, creationDateTime=now)
        etree.SubElement(note, P + "PlainTextContent").text = _clean(memo.text)
        out.append(note)
    return out


def source_name(iv: InterviewDoc) -> str:
    """The name of the interview's text file inside the project's ``sources/``."""
    return f"{guid('source', _iv_key(iv))}.txt"


def _source(iv: InterviewDoc, user: str, now: str) -> etree._Element:
    P = f"{{{PROJECT_NS}}}"
    pid, key = iv.packet_id, _iv_key(iv)
    src_guid = guid("source", key)
    _text, offsets = source_text(iv)
    src = _element("TextSource", guid=src_guid, name=_clean(_case_name(iv)),
                   plainTextPath=f"internal://{src_guid}.txt", creatingUser=user, creationDateTime=now)
    # QualCoder reads a source's memo from its Description, and a passage's memo from the
    # selection's Description; the Notes (NoteRef) are how NVivo and ATLAS.ti read them.
    segments = iv.segments_by_index()
    whole = [m.text for m in iv.memos if m.segment is None or m.segment not in segments]
    sender = f" from device {iv.device_fingerprint[:16]}" if iv.device_fingerprint else ""
    about = f"De-identified interview; guide {iv.guide.full_version}; packet {pid}{sender}."
    etree.SubElement(src, P + "Description").text = _clean(
        "\n\n".join([about, *(f"Memo: {text}" for text in whole)]))
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
        note_guid = _note_guid(iv, n)
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
    return src


def _rereadable(source: Aggregate | Iterable[InterviewDoc]) -> Iterable[InterviewDoc]:
    """Interviews that can be read more than once: a stream or a list (anything else is listed)."""
    interviews = source.interviews if isinstance(source, Aggregate) else source
    return interviews if isinstance(interviews, (list, InterviewStream)) else list(interviews)


def write_qdpx(source: Aggregate | Iterable[InterviewDoc], path: str | Path, *,
               name: str = "Confidant coordinator export", description: str = "") -> Path:
    """Write a .qdpx (ZIP: project.qde + sources/) for an Aggregate or interview documents;
    written to a temporary name and renamed, so never half a file.

    Streamed: project.qde goes into the ZIP as it is written and each source text file is
    made, compressed and let go in turn, so memory does not grow with the interviews (an
    aggregate's ``InterviewStream`` reads them from the vault again for each pass).
    """
    interviews = _rereadable(source)
    agg = source if isinstance(source, Aggregate) else None
    themes = agg.codebook if agg is not None and agg.codebook is not None else merged_codebook(interviews)
    count = agg.n_interviews if agg is not None else sum(1 for _ in interviews)
    if not description:
        description = (f"{count} de-identified interviews exported by Confidant. "
                       "Names and other identifying details were replaced with placeholders "
                       "such as [PERSON 1] and reviewed by the interviewer before sharing.")
    created_at = agg.generated_at if agg is not None else None
    # Members carry the project's time, not the clock's, so one report gives one file.
    stamp = _project_time(created_at).astimezone(dt.UTC).timetuple()[:6]

    def member(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.external_attr = 0o644 << 16  # rw-r--r-- when unzipped (ZipInfo's default is none)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    with output_file(path) as fh, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        # ZIP64 only where project.qde could pass 2 GiB (about 10 kB an interview): some tools
        # read ZIP64 badly, and a streamed entry must say so before its size is known
        with zf.open(member("project.qde"), "w", force_zip64=count > ZIP64_FROM) as out:
            write_project(out, interviews, themes, name=name, description=description, created_at=created_at)
        for iv in interviews:
            text, _offsets = source_text(iv)
            zf.writestr(member(f"sources/{source_name(iv)}"), text.encode("utf-8"))
    return Path(path)


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
    if isinstance(source, Aggregate) and source.codebook is not None:
        return write_output_file(path, build_codebook(source.codebook))
    return write_output_file(path, build_codebook(merged_codebook(
        source.interviews if isinstance(source, Aggregate) else source)))
