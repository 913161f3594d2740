"""The coordinator's side of studies: which studies this vault signed, and whether an
imported interview belongs to one of them."""

from __future__ import annotations

import json
from collections.abc import Iterable

from core.documents.interview import InterviewDoc
from core.errors import Msg
from core.vault import Vault, settings_keys


def known_studies(vault: Vault) -> dict[str, str]:
    """Study id -> title for every study file this coordinator vault has signed."""
    raw = vault.get_setting(settings_keys.COORDINATOR_STUDIES)
    return dict(json.loads(raw)) if raw else {}


def remember_study(vault: Vault, study_id: str, title: str) -> None:
    studies = known_studies(vault)
    studies[study_id] = title
    vault.set_setting(settings_keys.COORDINATOR_STUDIES, json.dumps(studies, sort_keys=True))


def study_refusal(vault: Vault, doc: InterviewDoc) -> Msg | None:
    """Why an interview cannot be filed here (a study this vault did not sign), or None.

    A vault that signed no study file accepts every interview (packets from before studies)."""
    if doc.study is None:
        return None
    studies = known_studies(vault)
    if studies and doc.study.id not in studies:
        return Msg("inbox.other_study")
    return None


def in_study(interviews: Iterable[InterviewDoc], study: str | None) -> list[InterviewDoc]:
    """Only the interviews of ``study`` (an id, or its first characters); all if None."""
    items = list(interviews)
    if not study:
        return items
    return [i for i in items if belongs_to_study(i, study)]


def belongs_to_study(interview: InterviewDoc, study: str) -> bool:
    """Whether an interview is one of ``study``'s (an id, or its first characters)."""
    return interview.study is not None and interview.study.id.startswith(study.lower())
