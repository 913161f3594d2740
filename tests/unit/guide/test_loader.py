"""Every class of hand-editing mistake gets a plain message on the right line."""

from __future__ import annotations

import pytest

from core.errors import GuideInvalid
from core.guide.loader import load_guide

GOOD = """\
id: demo
version: "2"
title: Demo guide
language: en
themes:
  - id: autonomy
    label: Autonomy
    description: Say over one's work.
    examples: [I choose my hours]
  - id: voice
    label: Voice
    parent: autonomy
sections:
  - id: s1
    title: Start
    questions:
      - id: q1
        text: How much say do you have?
        probes: ["Can you change shifts?"]
        themes: [autonomy]
      - id: q2
        text: Can you speak up?
        themes: [voice]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(GuideInvalid) as exc:
        load_guide(text, "g.yaml")
    return exc.value.problems


def edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def test_good_guide_loads_with_typed_text():
    g = load_guide(GOOD)
    assert (g.id, g.version, g.language) == ("demo", "2", "en")
    assert [q.id for q in g.questions()] == ["q1", "q2"]
    assert g.question("q1").probes == ["Can you change shifts?"]
    assert g.theme("voice").parent == "autonomy"
    assert g.section_of("q2").id == "s1"


def test_tab_indentation_names_the_line():
    got = problems(edit("        text: Can you speak up?", "\ttext: Can you speak up?"))
    assert len(got) == 1 and got[0].startswith("g.yaml, line 22:") and "tab" in got[0]


def test_unknown_theme_id_with_suggestion():
    got = problems(edit("themes: [voice]", "themes: [voise]"))
    assert got == [("g.yaml, line 23: question 'q2' expects the theme 'voise', which is not in the "
                   "codebook. Did you mean 'voice'?")]


def test_duplicate_question_id_points_at_both_lines():
    got = problems(edit("- id: q2", "- id: q1"))
    assert got == [("g.yaml, line 21: the question id 'q1' is used twice (first on line 17). Give each "
                   "question its own id; interviews refer to questions by id.")]


def test_missing_text():
    got = problems(edit("        text: Can you speak up?\n", ""))
    assert got == ["g.yaml, line 21: question 'q2' has no text. Add a line 'text: ...'."]


def test_empty_text_value():
    got = problems(edit("text: Can you speak up?", "text:"))
    assert got == ["g.yaml, line 22: question 'q2' has no text. Add a line 'text: ...'."]


def test_wrong_type_list_where_text_belongs():
    got = problems(edit("text: Can you speak up?", "text: [Can you, speak up]"))
    assert len(got) == 1 and "line 22" in got[0] and "should be text, but is a list" in got[0]


def test_wrong_type_text_where_list_belongs():
    got = problems(edit('probes: ["Can you change shifts?"]', 'probes: Can you change shifts?'))
    assert len(got) == 1 and "line 19" in got[0] and "should be a list" in got[0]


def test_unknown_key_did_you_mean():
    got = problems(edit("        probes:", "        probs:"))
    assert len(got) == 1 and got[0].startswith("g.yaml, line 19: 'probs' is not something a question can have.")
    assert "Did you mean 'probes'?" in got[0]


def test_unknown_parent_and_duplicate_theme():
    text = edit("parent: autonomy", "parent: autonomyy").replace("  - id: voice\n", "  - id: autonomy\n")
    got = problems(text)
    assert any("line 10" in p and "theme id 'autonomy' is used twice" in p for p in got)
    assert any("line 12" in p and "'autonomyy' is not in the codebook. Did you mean 'autonomy'?" in p
               for p in got)


def test_yaml_syntax_colon_in_value():
    got = problems(edit("text: Can you speak up?", "text: Why: can you speak up?"))
    assert len(got) == 1 and "line 22" in got[0] and "colon" in got[0]


def test_several_mistakes_are_all_listed_in_line_order():
    text = edit("text: Can you speak up?", "text:").replace("language: en", "language: English")
    got = problems(text)
    assert [p.split(":")[0] for p in got] == ["g.yaml, line 4", "g.yaml, line 22"]


def test_empty_file():
    assert problems("") == [("g.yaml, line 1: the file is empty. Start from a default guide "
                            "(`confidant guide export`).")]


def test_bracketed_list_with_question_mark_gets_a_quoting_hint():
    got = problems(edit('probes: ["Can you change shifts?"]', "probes: [Can you change shifts?]"))
    assert len(got) == 1 and "line 19" in got[0] and "double quotes" in got[0]
