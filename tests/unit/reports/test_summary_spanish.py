"""The interview summary PDF of a Spanish interview is in Spanish (words and theme labels)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from pypdf import PdfReader

from core.documents.interview import InterviewDoc
from core.reports.interview_summary import write_interview_summary

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "packets"


def _doc(language: str) -> InterviewDoc:
    spec = importlib.util.spec_from_file_location("make_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = module.interview_doc("ab" * 16, None)
    doc["interview"]["language"] = language
    # A theme the researcher never renamed: it carries the English guide's label.
    doc["codebook"].append({"id": "leadership_power", "label": "Leadership and power dynamics",
                            "description": "", "parent": None})
    doc["tags"].append({**doc["tags"][0], "theme": "leadership_power"})
    return InterviewDoc.from_json(doc)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_spanish_interview_summary_is_in_spanish():
    text = _text(write_interview_summary(_doc("es")))
    for spanish in ("Resumen de la entrevista", "Código de participante", "Temas en toda la entrevista",
                    "Liderazgo y relaciones de poder", "Pregunta 1", "página 1", "[PERSONA 1]"):
        assert spanish in text, spanish
    for english in ("Interview summary", "Participant code", "Leadership and power dynamics", "page 1"):
        assert english not in text, english


def test_an_english_summary_is_unchanged():
    text = _text(write_interview_summary(_doc("en")))
    assert "Interview summary" in text and "Leadership and power dynamics" in text and "page 1" in text
