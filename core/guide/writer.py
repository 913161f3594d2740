"""Write a guide back to YAML that ``load_guide`` reads to the same guide.

The guide editor builds guides in memory; what is stored (and exported, and sent in a study
file) is still the YAML text people can read and edit by hand, so it is written here with
multi-line text as literal blocks and every value as text ("1.10" stays "1.10").
"""

from __future__ import annotations

from typing import Any

import yaml

from core.guide.model import Guide

HEADER = ("# Interview guide made with Confidant's guide editor. You can edit it by hand too:\n"
          "# indent with spaces, never tabs; change the version before importing it again.\n")


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def guide_to_data(guide: Guide) -> dict[str, Any]:
    """The guide as plain YAML data, keys in the order people read them."""
    data: dict[str, Any] = {"id": guide.id, "version": guide.version, "title": guide.title,
                            "language": guide.language}
    if guide.consent_script:
        data["consent_script"] = guide.consent_script.rstrip("\n") + "\n"
    themes = []
    for t in guide.themes:
        item: dict[str, Any] = {"id": t.id, "label": t.label}
        if t.description:
            item["description"] = t.description
        if t.examples:
            item["examples"] = list(t.examples)
        if t.parent:
            item["parent"] = t.parent
        themes.append(item)
    data["themes"] = themes
    sections = []
    for s in guide.sections:
        questions = []
        for q in s.questions:
            qd: dict[str, Any] = {"id": q.id, "text": q.text}
            if q.probes:
                qd["probes"] = list(q.probes)
            if q.themes:
                qd["themes"] = list(q.themes)
            questions.append(qd)
        sections.append({"id": s.id, "title": s.title, "questions": questions})
    data["sections"] = sections
    return data


def dump_guide(guide: Guide) -> str:
    """YAML text for ``guide`` (``load_guide(dump_guide(g)) == g``)."""
    body = yaml.dump(guide_to_data(guide), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
    return HEADER + body
