"""Default guides, versions in the vault, and interviews keeping their guide version."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InvalidInput, NotFound
from core.guide.loader import load_guide
from core.vault.guides import GuideRepo, default_guides_dir
from core.vault.interviews import InterviewRepo
from core.vault.themes import ThemeRepo

THEMES = {"job_satisfaction", "leadership_power", "current_job_experience", "previous_experience",
          "resources_support", "policies_procedures", "org_communication", "motivations_north_star",
          "barriers_challenges", "autonomy", "feeling_valued", "voice", "psychological_safety",
          "advancement", "job_quality_definition", "ideal_jobs"}


def _default(lang: str):
    return load_guide((default_guides_dir() / f"job-quality.{lang}.yaml").read_text(encoding="utf-8"))


def test_default_guides_load_and_share_the_sixteen_theme_ids():
    en, es = _default("en"), _default("es")
    assert (en.id, en.language, es.id, es.language) == ("job-quality", "en", "job-quality-es", "es")
    assert set(en.theme_ids()) == set(es.theme_ids()) == THEMES
    assert [q.id for q in en.questions()] == [q.id for q in es.questions()]
    assert all(q.themes for q in en.questions()) and en.consent_script and es.consent_script
    for t_en in en.themes:  # translated, not copied
        assert es.theme(t_en.id).label != t_en.label or t_en.id == "autonomy"
        assert len(t_en.examples) >= 2 and t_en.description


def test_ensure_defaults_is_idempotent_and_fills_the_codebook(vault):
    repo = GuideRepo(vault)
    assert {(s.guide_id, s.version) for s in repo.ensure_defaults()} == {("job-quality", "1.0"),
                                                                       ("job-quality-es", "1.0")}
    assert repo.ensure_defaults() == []
    assert {t.id for t in ThemeRepo(vault).list()} == THEMES
    # The codebook keeps the first language's labels; the Spanish guide adds no duplicates.
    assert ThemeRepo(vault).get("voice").label == "Voice"


def test_new_version_never_rewrites_past_interviews(vault):
    repo = GuideRepo(vault)
    repo.ensure_defaults()
    v1 = repo.resolve("job-quality")
    iv = InterviewRepo(vault).create("P-001", "SITE-A", guide_pk=v1.pk)
    text = v1.yaml.replace('version: "1.0"', 'version: "1.1"').replace(
        "Overall, how satisfied are you with your job?", "All in all, how happy are you at work?")
    with pytest.raises(InvalidInput):  # same version, different content: refused
        repo.import_yaml(v1.yaml.replace("Overall, how", "All in all, how"))
    v2 = repo.import_yaml(text)
    assert repo.resolve("job-quality").pk == v2.pk
    assert repo.resolve("job-quality@1.0").pk == v1.pk
    old = repo.for_interview(iv.id)
    assert old is not None and old.pk == v1.pk
    assert old.guide.question("satisfaction").text == "Overall, how satisfied are you with your job?"
    assert repo.import_yaml(text).pk == v2.pk  # the same text again is a no-op


def test_resolve_unknown_guide_says_what_exists(vault):
    GuideRepo(vault).ensure_defaults()
    with pytest.raises(NotFound) as exc:
        GuideRepo(vault).resolve("nope")
    assert "job-quality" in exc.value.hint


def test_version_ordering_is_numeric(vault, tmp_path: Path):
    repo = GuideRepo(vault)
    base = (default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8")
    for v in ("1.9", "1.10", "1.2"):
        repo.import_yaml(base.replace('version: "1.0"', f'version: "{v}"'))
    assert repo.resolve("job-quality").version == "1.10"
