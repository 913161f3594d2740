"""The interview summary PDF made from interview.json (core.reports.interview_summary)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.documents.interview import InterviewDoc
from core.reports.interview_summary import write_interview_summary

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "packets"


def _doc() -> InterviewDoc:
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = module.interview_doc("ab" * 16, None)
    doc["questions"].append({"id": "q2", "text": "What would you change first?", "section": "Change"})
    doc["segments"].append({"index": 2, "question_id": None, "speaker": "participant", "start_ms": 3_700_000,
                            "end_ms": 3_705_000, "text": "One more thing <b>& done</b>."})
    return InterviewDoc.from_json(doc)


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_page_per_question_with_answers_and_themes():
    pages = _pages(write_interview_summary(_doc()))
    assert "Interview summary" in pages[0] and "P-900" in pages[0] and "SITE-T" in pages[0]
    assert "Pay" in pages[0] and "Scheduling" in pages[0]  # chart labels of the theme counts
    q1 = next(p for p in pages if "How is the pay where you work?" in p)
    assert "[PERSON 1] cut our hours again" in q1 and "Themes:" in q1
    q2 = next(p for p in pages if "What would you change first?" in p)
    assert "No answer was recorded" in q2
    other = next(p for p in pages if "not tied to a guide question" in p)
    assert "1:01:40" in other and "<b>& done</b>" in other  # markup in text is shown, not obeyed
    assert len(pages) == 4


def test_reproducible_and_without_a_creation_time():
    doc = _doc()
    pdf = write_interview_summary(doc)
    assert pdf == write_interview_summary(InterviewDoc.from_json(json.loads(json.dumps(doc.to_json()))))
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert "2000" in str(info.get("/CreationDate", "D:2000"))  # reportlab's invariant date


def test_tolerates_a_sparse_document():
    bare = {"format": "confidant-interview/1", "packet_id": "ab" * 16, "supersedes": None,
            "interview": {"code": "", "site": "", "month": "", "language": "",
                          "consent": {"method": "", "witnessed": False}},
            "guide": {"id": "", "version": "", "title": ""}, "codebook": [], "questions": [],
            "segments": [], "tags": [], "memos": [],
            "deid": {"signed_off_at": "", "redactions": {}}, "app": {"name": "confidant", "version": ""}}
    pages = _pages(write_interview_summary(InterviewDoc.from_json(bare)))
    assert "No themes were confirmed" in pages[0]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_renders(tmp_path):
    (tmp_path / "s.pdf").write_bytes(write_interview_summary(_doc()))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "s.pdf"), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == 4
