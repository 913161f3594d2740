"""The fixed words of the interview summary PDF in the interview's language (decision 0134).

Keys are stable ids; English is the fallback for any language without its own words. Theme
labels the researcher never renamed are shown with the bundled guide's label in that language.
"""

from __future__ import annotations

import functools

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "participant_code": "Participant code", "site": "Site", "month": "Month", "language": "Language",
        "consent": "Consent", "witnessed": ", witnessed", "guide": "Guide", "passages": "Passages",
        "signed_off": "Reviewed and signed off", "redactions": "Redactions", "none": "none",
        "packet": "Packet", "corrects": "corrects", "title": "Interview summary",
        "themes_across": "Themes across the interview",
        "no_themes": "No themes were confirmed for this interview.",
        "deidentified_note": "This summary is de-identified: names, places and other identifying details "
                             "were replaced with placeholders such as [PERSON 1], and passages spoken off "
                             "the record were removed.",
        "themes": "Themes:", "none_confirmed": "none confirmed",
        "no_answer": "No answer was recorded for this question.", "question": "Question",
        "other_passages": "Other passages (not tied to a guide question)",
        "footer": "Confidential — de-identified interview summary (Confidant)", "page": "page",
        "chart_axis": "number of tagged passages",
        "interviewer": "Interviewer", "participant": "Participant",
        "verbal": "verbal", "written": "written",
    },
    "es": {
        "participant_code": "Código de participante", "site": "Lugar", "month": "Mes", "language": "Idioma",
        "consent": "Consentimiento", "witnessed": ", con testigo", "guide": "Guía", "passages": "Pasajes",
        "signed_off": "Revisado y aprobado", "redactions": "Ocultaciones", "none": "ninguna",
        "packet": "Copia", "corrects": "corrige", "title": "Resumen de la entrevista",
        "themes_across": "Temas en toda la entrevista",
        "no_themes": "No se confirmó ningún tema en esta entrevista.",
        "deidentified_note": "Este resumen no tiene datos personales: los nombres, lugares y otros datos "
                             "que identifican se cambiaron por marcas como [PERSONA 1], y se quitaron los "
                             "pasajes dichos fuera de grabación.",
        "themes": "Temas:", "none_confirmed": "ninguno confirmado",
        "no_answer": "No se registró ninguna respuesta a esta pregunta.", "question": "Pregunta",
        "other_passages": "Otros pasajes (sin pregunta de la guía)",
        "footer": "Confidencial — resumen de entrevista sin datos personales (Confidant)", "page": "página",
        "chart_axis": "número de pasajes etiquetados",
        "interviewer": "Entrevistadora/Entrevistador", "participant": "Participante",
        "verbal": "verbal", "written": "por escrito",
    },
}


def base_language(language: str | None) -> str:
    return (language or "").lower().split("-")[0].split("_")[0]


def words(language: str | None) -> dict[str, str]:
    """The summary's words in ``language`` (English where it has none)."""
    return {**WORDS["en"], **WORDS.get(base_language(language), {})}


@functools.cache
def _bundled_labels() -> dict[str, dict[str, str]]:
    """{language: {theme id: label}} from the guides that ship with Confidant."""
    from core.guide.loader import load_guide
    from core.vault.guides import default_guides_dir
    out: dict[str, dict[str, str]] = {}
    for path in sorted(default_guides_dir().glob("*.yaml")):
        guide = load_guide(path.read_text(encoding="utf-8"), path.name)
        out.setdefault(base_language(guide.language), {}).update({t.id: t.label for t in guide.themes})
    return out


def theme_labels(labels: dict[str, str], language: str | None) -> dict[str, str]:
    """Theme labels in ``language`` where the label is still a bundled guide's (not renamed)."""
    bundled = _bundled_labels()
    lang = base_language(language)
    own = bundled.get(lang)
    if not own:
        return labels
    stock = {tid for per in bundled.values() for tid, label in per.items() if labels.get(tid) == label}
    return {tid: (own.get(tid, label) if tid in stock else label) for tid, label in labels.items()}


@functools.cache
def _bundled_descriptions() -> dict[str, dict[str, str]]:
    """{language: {theme id: description}} from the guides that ship with Confidant."""
    from core.guide.loader import load_guide
    from core.vault.guides import default_guides_dir
    out: dict[str, dict[str, str]] = {}
    for path in sorted(default_guides_dir().glob("*.yaml")):
        guide = load_guide(path.read_text(encoding="utf-8"), path.name)
        out.setdefault(base_language(guide.language), {}).update({t.id: t.description for t in guide.themes})
    return out


def theme_texts(labels: dict[str, str], language: str | None) -> dict[str, tuple[str, str]]:
    """{theme id: (label, description)} in ``language`` where the theme is still a bundled guide's
    (not renamed); the description is "" where the label was kept as it was."""
    shown = theme_labels(labels, language)
    own = _bundled_descriptions().get(base_language(language), {})
    return {tid: (label, own.get(tid, "") if label != labels[tid] else "") for tid, label in shown.items()}
