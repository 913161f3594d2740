"""The guide editor's core: edits in plain words, a YAML that loads back to the same guide."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import GuideInvalid
from core.guide.draft import GuideDraft, next_version, slug
from core.guide.loader import load_guide
from core.guide.writer import dump_guide

GUIDES = Path(__file__).resolve().parents[3] / "resources" / "guides"


@pytest.mark.parametrize("name", ["job-quality.en.yaml", "job-quality.es.yaml"])
def test_default_guides_round_trip_through_the_writer(name):
    guide = load_guide((GUIDES / name).read_text(encoding="utf-8"))
    assert load_guide(dump_guide(guide)) == guide


def test_edits_make_a_valid_new_version():
    draft = GuideDraft.from_guide(load_guide((GUIDES / "job-quality.en.yaml").read_text()))
    first_section = draft.sections[0]
    n_before = len(draft.question_ids())
    q = draft.add_question(0, "How are night shifts different: more or less respect?", after=0)
    assert q.id == "how_are_night_shifts_different" and first_section.questions[1] is q
    theme = draft.add_theme("Night work", "What changes on nights.")
    q.themes.append(theme.id)
    q.probes = ["Who decides who works nights?", "  "]
    assert draft.move_question(0, 1, -1) == (0, 0)
    draft.delete_question(0, 1)
    draft.consent_script = "We will talk about your work. You can stop at any time: just say so."
    text, guide = draft.finish(next_version(draft.version, ["1.0"]))
    assert guide.version == "1.1" and len(guide.questions()) == n_before
    assert guide.questions()[0].themes == ["night_work"]
    assert guide.questions()[0].probes == ["Who decides who works nights?"]  # blank probe dropped
    assert "Night work" in text and load_guide(text) == guide
    kept = draft.themes[0].id
    draft.rename_theme(kept, "Satisfaction at work")
    assert draft.themes[0].id == kept  # ids in the guide never change (tags point at them)
    fresh = draft.add_theme("New theme")
    q.themes.append(fresh.id)
    draft.rename_theme(fresh.id, "Breaks and rest")
    assert fresh.id == "breaks_and_rest" and "breaks_and_rest" in q.themes
    draft.delete_theme("night_work")
    assert all("night_work" not in q.themes for s in draft.sections for q in s.questions)


def test_problems_are_plain_words_and_nothing_invalid_is_saved():
    draft = GuideDraft.from_guide(load_guide((GUIDES / "job-quality.en.yaml").read_text()))
    draft.sections[0].questions[0].text = "  "
    draft.themes[1].label = draft.themes[0].label
    problems = draft.problems()
    assert "Question 1 has no text." in problems
    assert any("Two themes are called" in p for p in problems)
    with pytest.raises(GuideInvalid) as err:
        draft.finish("2.0")
    assert "cannot be saved yet" in err.value.user_message


def test_versions_and_ids():
    assert next_version("1.9", ["1.9", "1.10"]) == "1.11"
    assert next_version("2", []) == "3"
    assert next_version("1.0", ["1.0-local.1"], local=True) == "1.0-local.2"
    assert next_version("beta", []) == "beta.2"
    assert slug("¿Cómo es tu supervisora?", []) == "como_es_tu_supervisora"
    assert slug("x", ["x"]) == "x_2" and slug("???", []) == "item"
