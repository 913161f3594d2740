"""The coordinator PDF renders and says what the aggregate says."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from core.coordinator.aggregate import aggregate_interviews
from core.reports.coordinator_pdf import write_report
from tests.helpers.coordinator_data import make_corpus, typed


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def report():
    agg = aggregate_interviews(typed(make_corpus(24, sites=("SITE-A", "SITE-B", "SITE-C", "SITE-D"))))
    return agg, write_report(agg)


def test_pdf_renders_with_pdftoppm(report, tmp_path):
    _agg, pdf = report
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "r.pdf"), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages) >= 4
    assert all(p.stat().st_size > 1000 for p in pages)


def test_pdf_contains_theme_names_and_counts(report):
    agg, pdf = report
    text = " ".join(_text(pdf).split())
    assert "cross-site report" in text and "Methods notes" in text and "De-identification" in text
    assert f"Interviews {agg.n_interviews}" in text
    for theme in agg.themes:
        if not theme.interviews:
            continue
        assert theme.label in text
        # the per-theme sentence carries its counts
        assert (f"Raised in {theme.interviews} of {agg.n_interviews} interviews" in text), theme.label
        assert re.search(rf"{re.escape(theme.label)} {theme.interviews} \d+% {theme.answers} {theme.passages}", text)
    for site in agg.sites:
        assert f"{site.site} ({site.interviews})" in text
    for version, count in agg.guide_versions.items():
        assert f"{version} ({count})" in text
    # quotes come with their participant code
    quote = agg.themes[0].quotes[0]
    assert quote.interview_code in text


def test_filtered_and_empty_reports_still_build():
    corpus = make_corpus(6)
    agg = aggregate_interviews(typed(corpus), site="SITE-B")
    text = " ".join(_text(write_report(agg)).split())
    assert "site SITE-B" in text and "SITE-A" not in text
    empty = aggregate_interviews([])
    assert "Interviews 0" in " ".join(_text(write_report(empty)).split())


def test_many_sites_fold_into_other_sites():
    corpus = make_corpus(30, sites=tuple(f"S{i:02d}" for i in range(10)))
    text = " ".join(_text(write_report(aggregate_interviews(typed(corpus)))).split())
    assert "4 other sites" in text
