"""The Spanish interface end to end: a new interview starts with the Spanish guide and its
consent script (real vault, real catalogue, real Qt offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from tests.helpers.spanish_screens import english_sources, visible_texts
from tests.ui.conftest import wait_idle


def test_a_new_interview_in_the_spanish_interface_starts_with_the_spanish_guide(
        qtbot, spanish, researcher_window):
    window = researcher_window
    window.show_new_interview()
    wait_idle(qtbot)
    form = window.new_interview
    chosen = next(sg for sg in form.data.guides if sg.pk == form.guide.currentData())
    assert chosen.guide_id == "job-quality-es" and chosen.guide.language == "es"
    assert form.script.toPlainText().startswith("Gracias por tomarte el tiempo")


@pytest.fixture
def english():
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))  # another test may have left the Spanish locale set
    yield
    QLocale.setDefault(before)


def test_a_new_interview_in_the_english_interface_starts_with_the_english_guide(
        qtbot, english, researcher_window):
    window = researcher_window
    window.show_new_interview()
    wait_idle(qtbot)
    form = window.new_interview
    chosen = next(sg for sg in form.data.guides if sg.pk == form.guide.currentData())
    assert chosen.guide_id == "job-quality" and chosen.guide.language == "en"


def test_core_errors_and_stages_reach_the_spanish_interface_in_spanish(qtbot, spanish):
    from core.errors import WrongPassphrase
    from core.jobs import Progress
    from desktop.errors import describe
    from desktop.widgets.job_status import JobStatus

    shown = describe(WrongPassphrase())
    assert shown.message == "Esa frase no desbloquea esta bóveda."
    assert shown.hint.startswith("Revisa las mayúsculas")
    status = JobStatus()
    qtbot.addWidget(status)
    status._on_progress(Progress(1, 4, "Loading the theme model"))
    assert status.label.text() == "Cargando el modelo de temas"


def test_the_main_screens_in_spanish_show_no_english(qtbot, spanish, researcher_window):
    """Walk the main path in the Spanish interface; no visible text may be an English source."""
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo

    window = researcher_window
    vault = window.ctx.session.vault
    guide = GuideRepo(vault).resolve("job-quality-es")
    iid = InterviewRepo(vault).create("P-002", "SITE-A", guide_pk=guide.pk,
                                      consent=Consent("verbal", "2025-01-01T10:00", "", True)).id
    interviews = InterviewRepo(vault)
    interviews.add_protected_name(iid, "Rosa Díaz", "supervisor")
    TranscriptRepo(vault).create(iid, [
        Segment(0, 4000, "¿Cómo describirías la forma en que tu supervisor trata a la gente?"),
        Segment(4000, 9000, "Mi supervisora, Rosa Díaz, nos grita delante de todos y tiene favoritos."),
    ], language="es")
    from core.deid.review import make_detect_job
    from core.jobs import run_job
    run_job(make_detect_job(vault, iid))
    english = english_sources()
    found: dict[str, set[str]] = {}

    def look(name: str) -> None:
        wait_idle(qtbot)
        hits = {t for t in visible_texts(window) if t in english}
        if hits:
            found[name] = hits

    window.show_interviews()
    look("interviews")
    window.show_new_interview()
    look("new interview")
    for tab, name in ((0, "record"), (1, "transcript"), (2, "review")):
        window.open_interview(iid, tab)
        look(name)
        if name == "review":
            from desktop.review.review_view import ENTITY_TYPES
            rows = [window.review.redactions.item(i).text() for i in range(window.review.redactions.count())]
            assert rows and any("[SUPERVISORA/SUPERVISOR 1]" in r for r in rows), rows
            shown_types = [r.split(":")[0].lstrip("\u2691 ") for r in rows]
            found.update({"review types": set(shown_types) & set(ENTITY_TYPES)} if
                         set(shown_types) & set(ENTITY_TYPES) else {})
            combo = [window.review.entity.itemText(i) for i in range(window.review.entity.count())]
            assert "PERSONA" in combo and "PERSON" not in combo
    window._select_nav("settings")
    look("settings")
    assert not found, f"English on Spanish screens: {found}"


@pytest.mark.slow
@pytest.mark.parametrize("guide", ["job-quality-es", None])
def test_the_desktop_transcribes_a_spanish_interview_in_spanish_with_no_settings(
        qtbot, spanish, researcher_window, tmp_path, guide):
    """Real recorded Spanish through the Transcript tab's button: the guide's language (or,
    with no guide, the language heard in the first 30 s) picks the model; nothing is set."""
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo
    from tests.helpers import prompts
    from tests.helpers.transcription import wer

    prompts.require()
    window = researcher_window
    vault = window.ctx.session.vault
    pk = GuideRepo(vault).resolve(guide).pk if guide else None
    iid = InterviewRepo(vault).create("P-003", "SITE-A", guide_pk=pk).id
    audio, reference = prompts.spanish_speech()
    run_job(make_import_job(vault, iid, prompts.write_wav(audio, tmp_path / "es.wav")))
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    view = window.transcript
    view.transcribe()
    qtbot.waitUntil(lambda: not view.job.is_busy, timeout=240000)
    wait_idle(qtbot)
    transcript = TranscriptRepo(vault).current(iid)
    text = " ".join(s.text for s in TranscriptRepo(vault).segments(transcript.id))
    assert transcript.language == "es" and transcript.model == "base"
    assert wer(prompts.fold(reference), prompts.fold(text)) <= 0.25
    if guide is None:
        assert view.job.label.text() == ("Transcrita en español: el idioma que se oyó en los "
                                         "primeros 30 segundos.")
