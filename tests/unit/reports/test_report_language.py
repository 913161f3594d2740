"""The coordinator's reports and the audit report in the reader's language (decision 0175).

The real PDFs are rendered and read back with pypdf (as the other report tests do): a Spanish
report carries no English heading, label or sentence from the catalogue, shows the Spanish
guide's theme labels where the theme ids match, Spanish months and dates, and keeps the quotes
as they were said; the English reports are what they were.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.audit.model import AuditReport
from core.coordinator.aggregate import aggregate_interviews
from core.coordinator.share import build_share_view
from core.errors import InvalidInput
from core.reports import catalogue
from core.reports.audit_pdf import write_audit_pdf
from core.reports.brief_pdf import write_brief
from core.reports.coordinator_pdf import write_report
from core.reports.disclosure import Rules
from core.reports.export import team_notes
from core.reports.share_pdf import write_share_report
from tests.helpers.coordinator_data import make_corpus, typed

ROOT = Path(__file__).resolve().parents[3]
SPANISH = ROOT / "resources" / "translations" / "reports.es.json"
# Two of the corpus's themes carry ids (and English labels) of the bundled guide.
BUNDLED = {"respect": ("leadership_power", "Leadership and power dynamics"),
           "pay": ("job_satisfaction", "Job satisfaction")}
WHEN = "2025-06-01T10:00:00+00:00"


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _bundled(doc: dict) -> dict:
    for theme in doc["codebook"]:
        if theme["id"] in BUNDLED:
            theme["id"], theme["label"] = BUNDLED[theme["id"]]
    for tag in doc["tags"]:
        tag["theme"] = BUNDLED.get(tag["theme"], (tag["theme"],))[0]
    for question in doc.get("questions", []):
        question["expected_themes"] = [BUNDLED.get(t, (t,))[0] for t in question.get("expected_themes", [])]
    return doc


@pytest.fixture(scope="module")
def corpus():
    docs = [_bundled(d) for d in make_corpus(30, sites=("SITE-A", "SITE-B", "SITE-C", "SITE-D"))]
    small = [_bundled(d) for d in make_corpus(2, sites=("SITE-Z",), seed=7)]
    interviews = typed(docs)
    agg = dataclasses.replace(aggregate_interviews(interviews), generated_at=WHEN)
    view = dataclasses.replace(build_share_view(interviews + typed(small), rules=Rules(5, 5)), generated_at=WHEN)
    return agg, view


def _reports(corpus, language: str) -> dict[str, str]:
    agg, view = corpus
    banner = catalogue.words(language)("common.team_banner")
    return {"team": _text(write_report(agg, banner=banner, team_notes=team_notes(Rules(), language),
                                       language=language)),
            "share": _text(write_share_report(view, language=language)),
            "brief": _text(write_brief(view, language=language))}


@pytest.fixture(scope="module")
def spanish(corpus):
    return _reports(corpus, "es")


@pytest.fixture(scope="module")
def english(corpus):
    return _reports(corpus, "en")


def _english_phrases() -> list[str]:
    """Catalogue texts (and their pieces between fields) that a Spanish report must not show."""
    spanish = json.loads(SPANISH.read_text(encoding="utf-8"))
    out = set()
    for key, text in catalogue.ENGLISH.items():
        if spanish.get(key) == text or key == "common.placeholder_example":  # quotes may carry [PERSON 1]
            continue
        for piece in text.replace("<i>", "{").replace("</i>", "}").split("{"):
            piece = piece.split("}")[-1].strip(" .,;:()—“”")
            if len(piece) >= 9 and " " in piece or piece in ("Interviews", "Answers", "Passages", "Contents"):
                out.add(piece)
    return sorted(out)


def test_a_spanish_report_shows_no_english_words_of_the_catalogue(spanish):
    phrases = _english_phrases()
    assert len(phrases) > 150  # the pieces of every heading, table header and sentence
    for name, text in spanish.items():
        found = [p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]
        assert not found, f"{name}: English left in the Spanish report: {found[:8]}"


def test_a_spanish_team_report_says_it_in_spanish(spanish):
    text = spanish["team"]
    for words in ("Entrevistas sobre la calidad del trabajo", "Qué incluye este informe", "Los temas de un vistazo",
                  "Temas que aparecen juntos", "Los temas uno por uno", "Notas de método", "% de las entrevistas",
                  "Entrevistas con el tema", "Solo para el equipo de investigación", "Página 1",
                  "de enero de 2025 a", "1 de junio de 2025, 10:00", "[PERSONA 1]", "Versiones de la guía",
                  # longer Spanish headers wrap inside their cells, whole words only
                  "Respuestas (entrevista × pregunta)", "Respuestas Pasajes", "Entrevistas del lugar"):
        assert words in text, words
    # the Spanish guide's labels where the ids match; the other themes keep their own label
    assert "Liderazgo y relaciones de poder" in text and "Satisfacción laboral" in text
    assert "Leadership and power dynamics" not in text and "Job satisfaction" not in text
    assert "Hours and scheduling" in text  # a theme of no bundled guide: as its codebook names it
    # percentages the Spanish way; quotes as they were said
    assert "\u00a0%" in text or " %" in text
    assert "That is how it is for a lot of us" in text


def test_a_spanish_share_report_and_brief_say_what_they_withheld_in_spanish(spanish):
    share, brief = spanish["share"], spanish["brief"]
    for words in ("Qué oculta este informe", "Reglas que impiden que este informe señale a alguien",
                  "menos de 5 entrevistas", "Temas por lugar", "Preguntas respondidas, por lugar",
                  "quedó fuera de todas las cifras", "una persona participante"):
        assert words in share, words
    for words in ("Resumen de hallazgos", "Sobre estas entrevistas", "Temas principales", "Recomendaciones",
                  "Qué podría cambiar", "Cómo leer este resumen", "1 de junio de 2025"):
        assert words in brief, words
    assert "SITE-Z" not in share and "SITE-Z" not in brief


def test_the_english_reports_are_unchanged(corpus, english):
    agg, view = corpus
    # "en" is what the writers always wrote: the same bytes as a call without a language
    assert write_report(agg, language="en") == write_report(agg)
    assert write_share_report(view, language="en") == write_share_report(view)
    assert write_brief(view, language="en") == write_brief(view)
    for words in ("Job quality interviews: cross-site report", "What this report includes", "Themes at a glance",
                  "Methods notes", "Generated 2025-06-01 10:00 UTC by Confidant.", "Page 1",
                  "Leadership and power dynamics", "[PERSON 1]"):
        assert words in english["team"], words
    assert "What this report withholds" in english["share"] and "a participant at SITE-" in english["share"]
    assert "Main themes" in english["brief"] and "Recommendations" in english["brief"]
    assert not any(s in t for t in english.values() for s in ("Liderazgo", "Página", "entrevistas"))


def _audit() -> AuditReport:
    report = AuditReport(subject="vault", subject_id="v-123", created_at=WHEN)
    report.add("Auto-lock on", "PASS", "Auto-lock after 10 minutes.")
    report.add("No plaintext on disk", "WARN", "x" * 3000, "Delete the copies.")
    return report


def test_the_audit_pdf_in_spanish_names_its_frame_statuses_and_checks_in_spanish():
    text = _text(write_audit_pdf(_audit(), language="es"))
    for words in ("Revisión de privacidad de Confidant", "Fecha (UTC)", "1 de junio de 2025, 10:00",
                  "Identificador de la bóveda", "AVISO (1 bien, 1 con aviso, 0 con fallo)", "Comprobaciones",
                  "Bloqueo automático activado", "Nada en texto sin cifrar en el disco", "Qué hacer:",
                  "El modelo de amenazas en breve", "caracteres más"):
        assert words in text, words
    for english in ("Confidant privacy audit", "Threat model in brief", "Evidence and what to do", "Auto-lock on",
                    "What to do:", "Date (UTC)", "more characters"):
        assert english not in text, english
    english = _text(write_audit_pdf(_audit()))
    assert "Confidant privacy audit" in english and "Auto-lock on" in english and "WARN (1 pass" in english


def test_every_check_the_audit_can_write_has_a_name_in_the_catalogue():
    names = set()
    for path in (ROOT / "core" / "audit").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r'\.add\(\s*"([^"]+)"', text))
        names.update(re.findall(r'^(?:NAME|RETENTION) = "([^"]+)"', text, re.MULTILINE))
    assert len(names) >= 25
    assert not sorted(names - set(catalogue.AUDIT_CHECKS)), "give these checks an id in AUDIT_CHECKS"


def test_the_catalogue_has_spanish_for_every_id_with_the_same_fields():
    spanish = json.loads(SPANISH.read_text(encoding="utf-8"))
    missing = sorted(k for k in catalogue.ENGLISH if catalogue.ENGLISH[k] and not spanish.get(k, "").strip())
    assert not missing, f"no Spanish for: {missing[:10]}"
    assert not sorted(set(spanish) - set(catalogue.ENGLISH)), "Spanish for ids the catalogue no longer has"
    wrong = [k for k in catalogue.ENGLISH if catalogue.fields(catalogue.ENGLISH[k]) != catalogue.fields(spanish[k])]
    assert not wrong, f"fields differ: {wrong}"
    same = [k for k, v in catalogue.ENGLISH.items() if spanish[k] == v and len(re.sub(r"{\w+}", "", v)) > 12]
    assert not same, f"left in English: {same}"


def test_numbers_months_and_dates_are_written_the_readers_way():
    es, en = catalogue.words("es"), catalogue.words("en")
    assert (es.n(12345), es.n(1234), en.n(12345)) == ("12.345", "1234", "12345")
    assert (es.month("2025-03"), en.month("2025-03")) == ("marzo de 2025", "2025-03")
    assert es.date("2025-12-04T09:05:00+00:00") == "4 de diciembre de 2025, 09:05"
    assert es.pct("45%") == "45\u00a0%" and es.pct("–") == "–" and en.pct("45%") == "45%"
    assert es.attribution("a participant at SITE-A") == "una persona participante de SITE-A"
    assert es.group("Other sites") == "Otros lugares" and es.group("SITE-A") == "SITE-A"
    assert es.redaction_kind("PERSON") == "persona" and en.redaction_kind("PERSON") == "person"


def test_a_language_reports_cannot_be_written_in_is_refused_plainly():
    with pytest.raises(InvalidInput) as info:
        catalogue.check_language("fr")
    assert "fr" in str(info.value.user_message) and "es" in str(info.value.hint)
