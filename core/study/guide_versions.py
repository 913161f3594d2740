"""Saving an edited guide: always a new version, never a change to one interviews used.

A guide that came in the coordinator's study file is adapted here only as a local version
("1.0-local.1"): packets carry the guide's id and version, so the coordinator sees which
interviews used the adapted questions.
"""

from __future__ import annotations

from core.guide.draft import GuideDraft, next_version
from core.study.service import joined_study
from core.vault import Vault
from core.vault.guides import GuideRepo, StoredGuide


def is_study_guide(vault: Vault, guide_id: str) -> bool:
    signed = joined_study(vault)
    return signed is not None and any(g.id == guide_id for g in signed.study.guides)


def version_for(vault: Vault, draft: GuideDraft) -> str:
    """The version the draft will be saved as."""
    taken = [g.guide.version for g in GuideRepo(vault).list() if g.guide.id == draft.id]
    return next_version(draft.version, taken, local=is_study_guide(vault, draft.id))


def save_new_version(vault: Vault, draft: GuideDraft) -> StoredGuide:
    """Validate the draft and store it as the next version; GuideInvalid says what to fix."""
    text, guide = draft.finish(version_for(vault, draft))
    return GuideRepo(vault).import_yaml(text, f"{guide.id}-{guide.version}.yaml")
