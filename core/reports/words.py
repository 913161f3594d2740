"""The fixed words of the interview summary PDF in the interview's language (decision 0134).

The words live in the reports' one catalogue (``summary.*`` ids in core/reports/catalogue.py,
Spanish in resources/translations/reports.es.json); English is the fallback for any language
without its own words. Theme labels the researcher never renamed are shown with the bundled
guide's label in that language.
"""

from __future__ import annotations

import functools


def base_language(language: str | None) -> str:
    return (language or "").lower().split("-")[0].split("_")[0]


def words(language: str | None) -> dict[str, str]:
    """The summary's words in ``language`` (English where it has none), from the reports'
    catalogue (ids ``summary.*``, core/reports/catalogue.py)."""
    from core.reports.catalogue import ENGLISH, translations
    own = translations(base_language(language)) if base_language(language) else {}
    prefix = "summary."
    return {key[len(prefix):]: own.get(key) or text for key, text in ENGLISH.items() if key.startswith(prefix)}


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
