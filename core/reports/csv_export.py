"""Tidy CSV tables of the imported interviews, for spreadsheets, pandas and R.

One observation per row, one variable per column, one table per kind of thing:
``interviews.csv`` (one row per interview), ``answers.csv`` (interview × guide question),
``segments.csv`` (transcript segments), ``tags.csv`` (coded passages) and ``themes.csv``
(the codebook). Keys join the tables: ``packet_id`` everywhere, plus ``question_id`` and
``segment_index``. UTF-8 without a byte-order mark (R would read it into the first column
name), a header row, "true"/"false" booleans and empty cells for missing values — both
``pandas.read_csv`` and R's ``read.csv`` take them as they are. Text is de-identified and has
its line breaks folded into spaces so every row is one line. A text cell starting with
``= + - @``, a tab or a carriage return gets a leading ``'`` so no spreadsheet runs it as a
formula (OWASP); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.documents.interview import InterviewDoc, Segment
from core.reports.model import NO_QUESTION, Aggregate
from core.vault.files import write_output_file

INTERVIEW_COLUMNS = ["packet_id", "participant_code", "site", "month", "language", "guide_id",
                     "guide_version", "consent_method", "consent_witnessed", "signed_off_at",
                     "supersedes", "n_segments", "n_answers", "n_tags", "n_redactions"]
ANSWER_COLUMNS = ["packet_id", "participant_code", "site", "month", "question_id", "question_text",
                  "section", "n_segments", "n_tags", "start_ms", "end_ms", "text"]
SEGMENT_COLUMNS = ["packet_id", "participant_code", "site", "segment_index", "question_id",
                   "speaker", "start_ms", "end_ms", "text"]
TAG_COLUMNS = ["packet_id", "participant_code", "site", "month", "question_id", "segment_index",
               "theme_id", "theme_label", "start_char", "end_char", "source", "passage"]
THEME_COLUMNS = ["theme_id", "label", "description", "parent_id"]


def _interviews_of(source: Aggregate | Iterable[InterviewDoc]) -> list[InterviewDoc]:
    return source.interviews if isinstance(source, Aggregate) else list(source)


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


def _write(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    write_output_file(path, buf.getvalue().encode("utf-8"))


def tables(interviews: list[InterviewDoc]) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """The five tables as rows (dicts), keyed by file stem."""
    iv_rows, ans_rows, seg_rows, tag_rows = [], [], [], []
    themes: dict[str, dict[str, Any]] = {}
    for iv in interviews:
        meta, guide = iv.interview, iv.guide
        pid, code, site, month = iv.packet_id, meta.code, meta.site, meta.month
        base = {"packet_id": pid, "participant_code": code, "site": site, "month": month}
        labels = iv.labels()
        for theme in iv.codebook:
            themes[theme.id] = {"theme_id": theme.id, "label": theme.display_label,
                                "description": theme.description, "parent_id": theme.parent}
        segments = iv.segments_by_index()
        tags_by_segment: dict[int, int] = defaultdict(int)
        for tag in iv.tags:
            seg = segments.get(tag.segment)
            if seg is None:  # cannot happen for a validated document; never crash on it
                continue
            tags_by_segment[seg.index] += 1
            span = tag.span(seg.text)
            tag_rows.append({**base, "question_id": seg.question_id or NO_QUESTION,
                             "segment_index": seg.index, "theme_id": tag.theme,
                             "theme_label": labels.get(tag.theme, tag.theme),
                             "start_char": span[0] if span else None,
                             "end_char": span[1] if span else None, "source": tag.source,
                             "passage": seg.text[span[0]:span[1]] if span else seg.text})
        answers: dict[str, list[Segment]] = defaultdict(list)
        for idx in sorted(segments):
            seg = segments[idx]
            answers[seg.question_id or NO_QUESTION].append(seg)
            seg_rows.append({"packet_id": pid, "participant_code": code, "site": site,
                             "segment_index": idx, "question_id": seg.question_id or NO_QUESTION,
                             "speaker": seg.speaker, "start_ms": seg.start_ms,
                             "end_ms": seg.end_ms, "text": seg.text})
        for qid, segs in answers.items():
            q = iv.question(qid)
            ans_rows.append({**base, "question_id": qid, "question_text": q.text if q else "",
                             "section": q.section if q else "", "n_segments": len(segs),
                             "n_tags": sum(tags_by_segment[s.index] for s in segs),
                             "start_ms": min(s.start_ms for s in segs),
                             "end_ms": max(s.end_ms for s in segs),
                             "text": " ".join(s.text for s in segs if s.speaker != "interviewer")})
        iv_rows.append({**base, "language": meta.language, "guide_id": guide.id,
                        "guide_version": guide.version, "consent_method": meta.consent.method,
                        "consent_witnessed": meta.consent.witnessed,
                        "signed_off_at": iv.deid.signed_off_at,
                        "supersedes": iv.supersedes, "n_segments": len(segments),
                        "n_answers": len(answers), "n_tags": len(iv.tags),
                        "n_redactions": iv.deid.n_redactions})
    return {
        "interviews": (INTERVIEW_COLUMNS, iv_rows),
        "answers": (ANSWER_COLUMNS, ans_rows),
        "segments": (SEGMENT_COLUMNS, seg_rows),
        "tags": (TAG_COLUMNS, tag_rows),
        "themes": (THEME_COLUMNS, sorted(themes.values(), key=lambda t: t["theme_id"])),
    }


def write_csv(source: Aggregate | Iterable[InterviewDoc], out_dir: str | Path) -> list[Path]:
    """Write the tidy tables into ``out_dir`` (created if needed); returns the file paths.

    ``source`` is an ``Aggregate`` (its filtered interviews) or interview documents (e.g. a
    coordinator vault's ``InboxRepo(vault).current_interviews()``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, (columns, rows) in tables(_interviews_of(source)).items():
        path = out / f"{stem}.csv"
        _write(path, columns, rows)
        written.append(path)
    return written
