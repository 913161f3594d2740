"""Tidy CSV tables of the imported interviews, for spreadsheets, pandas and R.

One observation per row, one variable per column, one table per kind of thing:
``interviews.csv`` (one row per interview), ``answers.csv`` (interview × guide question),
``segments.csv`` (transcript segments), ``tags.csv`` (coded passages), ``themes.csv`` (the
codebook), ``theme_parents.csv`` and ``corrections.csv`` (optional links), with
``data-dictionary.csv`` (every column's type and meaning) and ``codebook-taguette.csv``
beside them. Keys join the tables: ``device`` and ``packet_id`` together name an interview
everywhere (packet ids are unique per sending device only, spec §8, so two laptops may use the
same id), plus ``question_id`` and ``segment_index``. UTF-8 without a byte-order mark (R would read it into the first column
name), a header row, "true"/"false" booleans, one type per column (see ``COLUMNS``) —
``pandas.read_csv`` and R's ``read.csv`` read every column right with no options. Text is de-identified and has
its line breaks folded into spaces so every row is one line. A text cell starting with
``= + - @``, a tab or a carriage return gets a leading ``'`` so no spreadsheet runs it as a
formula (OWASP); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from core.documents.interview import InterviewDoc, Segment
from core.reports.model import NO_QUESTION, Aggregate
from core.vault.files import output_file

# Every column has one type, so pandas and R read each table right with no options:
# "text" columns never hold a number-looking value (guide versions are written "id@1.10",
# which "1.10" as a number would lose), "integer" columns always hold a number (a tag that
# codes the whole segment spans 0..len(text) and says so in whole_segment), and optional
# links (corrections, parent themes) are their own tables instead of mostly-empty columns
# (pandas reads an all-empty column as floats). Dates are ISO 8601.
TEXT, INTEGER, BOOLEAN, MONTH, DATETIME = "text", "integer", "true/false", "month (ISO 8601 YYYY-MM)", \
    "date-time (ISO 8601)"
NOT_TIED = "(not tied)"       # question_id of passages not tied to a guide question
NOT_RECORDED = "not recorded"  # consent_method when no consent was recorded
UNKNOWN_SPEAKER = "unknown"
NOT_SENT = "not sent"          # device of an interview that did not come in a packet

COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "interviews": [
        ("device", TEXT, ("fingerprint of the device that sent the packet (64 hex digits); with packet_id, "
                          f"names the interview and joins every table ('{NOT_SENT}' if it came in no packet)")),
        ("packet_id", TEXT, "the packet's id (32 hex digits), unique per device only"),
        ("participant_code", TEXT, "the researcher's pseudonym for the participant, never a name"),
        ("site", TEXT, "the site code"),
        ("month", MONTH, "the month of the interview (the day is never given)"),
        ("language", TEXT, "language code of the interview (en, es)"),
        ("guide_id", TEXT, "the interview guide's id"),
        ("guide_version", TEXT, "the guide and its version as id@version (e.g. job-quality@1.10)"),
        ("consent_method", TEXT, f"verbal, written or '{NOT_RECORDED}'"),
        ("consent_witnessed", BOOLEAN, "whether a witness confirmed the consent"),
        ("signed_off_at", DATETIME, "when the researcher signed off the de-identification"),
        ("is_correction", BOOLEAN, "whether this packet replaces an earlier one (see corrections.csv)"),
        ("n_segments", INTEGER, "passages in the transcript"),
        ("n_answers", INTEGER, "guide questions answered (rows in answers.csv)"),
        ("n_tags", INTEGER, "coded passages (rows in tags.csv)"),
        ("n_redactions", INTEGER, "identifiers the researcher hid"),
    ],
    "answers": [
        ("device", TEXT, "with packet_id, joins interviews.csv"),
        ("packet_id", TEXT, "with device, joins interviews.csv"),
        ("participant_code", TEXT, "as in interviews.csv"), ("site", TEXT, "as in interviews.csv"),
        ("month", MONTH, "as in interviews.csv"),
        ("question_id", TEXT, f"the guide question answered, or '{NOT_TIED}'"),
        ("question_text", TEXT, "the question as the guide words it"),
        ("section", TEXT, "the guide section of the question"),
        ("n_segments", INTEGER, "passages in the answer"), ("n_tags", INTEGER, "coded passages in the answer"),
        ("start_ms", INTEGER, "start of the answer in the recording, milliseconds"),
        ("end_ms", INTEGER, "end of the answer in the recording, milliseconds"),
        ("text", TEXT, "the participant's words in the answer (de-identified)"),
    ],
    "segments": [
        ("device", TEXT, "with packet_id, joins interviews.csv"),
        ("packet_id", TEXT, "with device, joins interviews.csv"),
        ("participant_code", TEXT, "as in interviews.csv"), ("site", TEXT, "as in interviews.csv"),
        ("segment_index", INTEGER, "the passage's number in its transcript; joins tags.csv"),
        ("question_id", TEXT, f"the guide question, or '{NOT_TIED}'"),
        ("speaker", TEXT, f"interviewer, participant or '{UNKNOWN_SPEAKER}'"),
        ("start_ms", INTEGER, "start in the recording, milliseconds"),
        ("end_ms", INTEGER, "end in the recording, milliseconds"),
        ("text", TEXT, "the passage (de-identified)"),
    ],
    "tags": [
        ("device", TEXT, "with packet_id, joins interviews.csv"),
        ("packet_id", TEXT, "with device, joins interviews.csv"),
        ("participant_code", TEXT, "as in interviews.csv"), ("site", TEXT, "as in interviews.csv"),
        ("month", MONTH, "as in interviews.csv"),
        ("question_id", TEXT, f"the guide question, or '{NOT_TIED}'"),
        ("segment_index", INTEGER, "joins segments.csv"),
        ("theme_id", TEXT, "joins themes.csv"), ("theme_label", TEXT, "the theme's name"),
        ("whole_segment", BOOLEAN, "true when the tag codes the whole passage"),
        ("start_char", INTEGER, "first character of the coded words in the passage (0-based)"),
        ("end_char", INTEGER, "the character after the last coded one"),
        ("source", TEXT, "manual (the researcher coded it) or auto (a suggestion the researcher accepted)"),
        ("passage", TEXT, "the coded words (de-identified)"),
    ],
    "themes": [
        ("theme_id", TEXT, "the theme's id; joins tags.csv"), ("label", TEXT, "the theme's name"),
        ("description", TEXT, "what the theme means"),
        ("is_top_level", BOOLEAN, "false when the theme sits under another (see theme_parents.csv)"),
    ],
    "theme_parents": [
        ("theme_id", TEXT, "a theme that sits under another"), ("parent_id", TEXT, "the theme above it"),
    ],
    "corrections": [
        ("device", TEXT, "the device that sent both packets (a packet replaces only its own device's)"),
        ("packet_id", TEXT, "a packet that corrects an earlier one"),
        ("supersedes", TEXT, "the id of the packet it replaces (no longer counted)"),
    ],
}
TAGUETTE_CODEBOOK = "codebook-taguette.csv"   # name, description: what Taguette imports
DATA_DICTIONARY = "data-dictionary.csv"


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) could
# send a row to anyone). OWASP "CSV Injection": prefix such a text cell with a single quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text, never evaluates (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralise(" ".join(value.split()) if ("\n" in value or "\r" in value) else value)
    return value


class _TableFile:
    """One table written row by row into an output file (a header row first), in pieces of
    about 64 kB, so a table of any length never sits whole in memory."""

    def __init__(self, fh: BinaryIO, columns: list[str]) -> None:
        self.fh, self.columns = fh, columns
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, lineterminator="\n")
        self.writer.writerow(columns)

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.writer.writerow([_cell(row.get(c)) for c in self.columns])
        if self.buf.tell() > 65536:
            self.flush()

    def flush(self) -> None:
        self.fh.write(self.buf.getvalue().encode("utf-8"))
        self.buf.seek(0)
        self.buf.truncate()


def _write(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    with output_file(path) as fh:
        table = _TableFile(fh, columns)
        table.write(rows)
        table.flush()


PER_INTERVIEW = ("interviews", "answers", "segments", "tags", "corrections")


def interview_rows(iv: InterviewDoc) -> dict[str, list[dict[str, Any]]]:
    """One interview's rows of each per-interview table (see ``PER_INTERVIEW``)."""
    iv_rows, ans_rows, seg_rows, tag_rows, fix_rows = [], [], [], [], []
    meta, guide = iv.interview, iv.guide
    pid, code, site, month = iv.packet_id, meta.code, meta.site, meta.month
    dev = iv.device_fingerprint or NOT_SENT
    base = {"device": dev, "packet_id": pid, "participant_code": code, "site": site, "month": month}
    labels = iv.labels()
    segments = iv.segments_by_index()
    tags_by_segment: dict[int, int] = defaultdict(int)
    for tag in iv.tags:
        seg = segments.get(tag.segment)
        if seg is None:  # cannot happen for a validated document; never crash on it
            continue
        tags_by_segment[seg.index] += 1
        span = tag.span(seg.text)
        start, end = span if span else (0, len(seg.text))
        tag_rows.append({**base, "question_id": seg.question_id or NOT_TIED,
                         "segment_index": seg.index, "theme_id": tag.theme,
                         "theme_label": labels.get(tag.theme, tag.theme), "whole_segment": span is None,
                         "start_char": start, "end_char": end, "source": tag.source,
                         "passage": seg.text[start:end]})
    answers: dict[str, list[Segment]] = defaultdict(list)
    for idx in sorted(segments):
        seg = segments[idx]
        answers[seg.question_id or NO_QUESTION].append(seg)
        seg_rows.append({"device": dev, "packet_id": pid, "participant_code": code, "site": site,
                         "segment_index": idx, "question_id": seg.question_id or NOT_TIED,
                         "speaker": seg.speaker or UNKNOWN_SPEAKER, "start_ms": seg.start_ms,
                         "end_ms": seg.end_ms, "text": seg.text})
    for qid, segs in answers.items():
        q = iv.question(qid)
        ans_rows.append({**base, "question_id": qid or NOT_TIED, "question_text": q.text if q else "",
                         "section": q.section if q else "", "n_segments": len(segs),
                         "n_tags": sum(tags_by_segment[s.index] for s in segs),
                         "start_ms": min(s.start_ms for s in segs),
                         "end_ms": max(s.end_ms for s in segs),
                         "text": " ".join(s.text for s in segs if s.speaker != "interviewer")})
    iv_rows.append({**base, "language": meta.language, "guide_id": guide.id,
                    "guide_version": guide.full_version,
                    "consent_method": meta.consent.method or NOT_RECORDED,
                    "consent_witnessed": meta.consent.witnessed,
                    "signed_off_at": iv.deid.signed_off_at, "is_correction": iv.supersedes is not None,
                    "n_segments": len(segments), "n_answers": len(answers), "n_tags": len(iv.tags),
                    "n_redactions": iv.deid.n_redactions})
    if iv.supersedes is not None:
        fix_rows.append({"device": dev, "packet_id": pid, "supersedes": iv.supersedes})
    return {"interviews": iv_rows, "answers": ans_rows, "segments": seg_rows, "tags": tag_rows,
            "corrections": fix_rows}


def _columns(stem: str) -> list[str]:
    return [name for name, _kind, _doc in COLUMNS[stem]]


def dictionary_rows() -> list[dict[str, Any]]:
    """The data dictionary: one row per column of every table."""
    return [{"table": f"{stem}.csv", "column": name, "type": kind, "description": doc}
            for stem, columns in COLUMNS.items() for name, kind, doc in columns]


def write_csv(source: Aggregate | Iterable[InterviewDoc], out_dir: str | Path) -> list[Path]:
    """Write the tidy tables, the data dictionary and a Taguette codebook into ``out_dir``.

    ``source`` is an ``Aggregate`` (its filtered interviews) or interview documents (e.g. a
    coordinator vault's ``InboxRepo(vault).current_interviews()``). The interviews are read
    once, one at a time, and their rows written as they come (every table file is open at once,
    each written atomically), so an inbox of any size fits in memory. Returns the paths.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    interviews = source.interviews if isinstance(source, Aggregate) else source
    themes: dict[str, dict[str, Any]] = {}
    parents: dict[str, str] = {}
    with ExitStack() as stack:
        files = {stem: _TableFile(stack.enter_context(output_file(out / f"{stem}.csv")), _columns(stem))
                 for stem in PER_INTERVIEW}
        for iv in interviews:
            for stem, rows in interview_rows(iv).items():
                files[stem].write(rows)
            for theme in iv.codebook:
                themes[theme.id] = {"theme_id": theme.id, "label": theme.display_label,
                                    "description": theme.description, "is_top_level": not theme.parent}
                if theme.parent:
                    parents[theme.id] = theme.parent
        for table in files.values():
            table.flush()
    theme_rows = sorted(themes.values(), key=lambda t: t["theme_id"])
    _write(out / "themes.csv", _columns("themes"), theme_rows)
    _write(out / "theme_parents.csv", _columns("theme_parents"),
           [{"theme_id": t, "parent_id": p} for t, p in sorted(parents.items())])
    _write(out / DATA_DICTIONARY, ["table", "column", "type", "description"], dictionary_rows())
    # Taguette's codebook import wants a "name" column (and reads "description").
    _write(out / TAGUETTE_CODEBOOK, ["name", "description"],
           [{"name": t["label"], "description": t["description"]} for t in theme_rows])
    return [*(out / f"{stem}.csv" for stem in COLUMNS), out / DATA_DICTIONARY, out / TAGUETTE_CODEBOOK]
