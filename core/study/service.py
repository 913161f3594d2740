"""The study's user actions: a coordinator makes a study file; a researcher joins it.

Joining is all-or-nothing in effect: everything is checked first (signature, every guide
against what the vault already holds, a study already joined), and only then written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import InvalidInput, Msg
from core.packets import keys
from core.study import format as f
from core.study.studyfile import (
    SignedStudy,
    Study,
    StudyGuide,
    StudyRecipient,
    StudyRejected,
    decode,
    encode,
)
from core.vault import Vault
from core.vault.guides import GuideRepo

log = logging.getLogger(__name__)


def new_study(vault: Vault, *, title: str, guide_refs: Iterable[str], sites: Iterable[str],
              settings: dict[str, Any] | None = None, allow_other_sites: bool = False,
              extra_recipients: Iterable[tuple[str, str]] = (), previous: bytes | None = None) -> bytes:
    """A signed study file from a coordinator vault; ``previous`` makes its next version."""
    if vault.role != "coordinator":
        raise InvalidInput(Msg("study.only_coordinator_vault_can"),
                           Msg("study.only_coordinator_vault_can.hint"))
    signer = keys.device_public_key(vault)
    study_id, version = secrets.token_hex(16), 1
    if previous is not None:
        before = decode(previous)
        if before.signer != signer:
            raise InvalidInput(Msg("study.earlier_study_file_signed"),
                               Msg("study.earlier_study_file_signed.hint"))
        study_id, version = before.study.study_id, before.study.version + 1
    repo = GuideRepo(vault)
    guides = []
    for ref in guide_refs:
        stored = repo.resolve(ref)
        guides.append(StudyGuide(stored.guide.id, stored.guide.version, stored.guide.language, stored.yaml))
    recipients = [StudyRecipient(keys.age_recipient(vault), title[:60] + " coordinator")]
    for recipient, label in extra_recipients:
        recipients.append(StudyRecipient(keys.parse_recipient(recipient), label or "Coordinator"))
    study = Study(study_id, version, title.strip(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                  tuple(guides), tuple(dict.fromkeys(s.strip() for s in sites)), allow_other_sites,
                  tuple(recipients), dict(settings or {}))
    data = encode(study, signer, lambda payload: keys.sign(vault, payload))
    from core.study.coordinator_side import remember_study
    remember_study(vault, study_id, study.title)  # imports are filed under it (and checked)
    vault.audit("study_signed", {"study": study_id, "version": version})
    return data


@dataclass(frozen=True)
class JoinPlan:
    """What joining would do, shown before anything is written."""

    signed: SignedStudy
    guides_to_add: tuple[StudyGuide, ...]
    recipients_to_add: tuple[StudyRecipient, ...]
    is_update: bool           # a newer version of the study this vault already joined
    is_same: bool             # exactly the version already joined: nothing to do


def plan_join(vault: Vault, data: bytes) -> JoinPlan:
    """Check a study file against this vault; StudyRejected says why it cannot be joined."""
    if vault.role == "coordinator":
        raise StudyRejected(Msg("study.coordinator_vault"), Msg("study.coordinator_vault.hint"))
    signed = decode(data)
    study = signed.study
    joined_id = vault.get_setting(f.KEY_STUDY_ID)
    is_update = is_same = False
    if joined_id is not None:
        if joined_id != study.study_id:
            title = vault.get_setting(f.KEY_STUDY_TITLE) or joined_id
            raise StudyRejected(Msg("study.vault_already_belongs_study", title=title),
                                Msg("study.vault_already_belongs_study.hint"))
        if vault.get_setting(f.KEY_STUDY_SIGNER) != signed.signer:
            raise StudyRejected(Msg("study.signed_different_coordinator_study"),
                                Msg("study.signed_different_coordinator_study.hint"))
        joined_version = int(vault.get_setting(f.KEY_STUDY_VERSION) or "0")
        if study.version < joined_version:
            raise StudyRejected(Msg("study.version_older_version_you", version=study.version, joined_version=joined_version), Msg("study.version_older_version_you.hint"))
        is_same = study.version == joined_version
        is_update = not is_same
    repo = GuideRepo(vault)
    held = {(g.guide.id, g.guide.version): g for g in repo.list()}
    to_add = []
    for guide in study.guides:
        stored = held.get((guide.id, guide.version))
        if stored is None:
            to_add.append(guide)
        elif stored.yaml != guide.yaml:
            raise StudyRejected(Msg("study.guide_version_differs_one", guide_id=guide.id, version=guide.version), Msg("study.guide_version_differs_one.hint"))
    known = {r.recipient for r in keys.list_recipients(vault)}
    recipients = tuple(r for r in study.recipients if r.recipient not in known)
    return JoinPlan(signed, tuple(to_add), recipients, is_update, is_same)


def join(vault: Vault, data: bytes) -> JoinPlan:
    """Set this researcher vault up from a study file: guides, coordinators, sites, settings."""
    plan = plan_join(vault, data)
    if plan.is_same:
        return plan
    study = plan.signed.study
    repo = GuideRepo(vault)
    for guide in plan.guides_to_add:
        repo.import_yaml(guide.yaml, f"{guide.id}.yaml")
    for recipient in plan.recipients_to_add:
        keys.add_recipient(vault, recipient.recipient, label=recipient.label)
    values = {f.KEY_STUDY_ID: study.study_id, f.KEY_STUDY_VERSION: str(study.version),
              f.KEY_STUDY_TITLE: study.title, f.KEY_STUDY_SIGNER: plan.signed.signer,
              f.KEY_STUDY_SITES: json.dumps(list(study.sites)),
              f.KEY_STUDY_ALLOW_OTHER_SITES: "1" if study.allow_other_sites else "0",
              f.KEY_STUDY_FILE: data.decode("utf-8")}
    values.update({key: str(value) for key, value in study.settings.items()})
    with vault.transaction() as conn:
        for key, value in values.items():
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
    vault.audit("study_updated" if plan.is_update else "study_joined",
                {"study": study.study_id, "version": study.version,
                 "signer": plan.signed.signer_fingerprint})
    log.info("study %s id=%s version=%d guides_added=%d", "updated" if plan.is_update else "joined",
             study.study_id, study.version, len(plan.guides_to_add))
    return plan


def joined_study(vault: Vault) -> SignedStudy | None:
    """The study this vault joined (re-verified from the stored file), or None."""
    text = vault.get_setting(f.KEY_STUDY_FILE)
    return decode(text.encode("utf-8")) if text else None


def enrolment_text(vault: Vault) -> str:
    """The device key file a researcher sends back to the coordinator (public)."""
    public = keys.device_public_key(vault)
    words = keys.fingerprint_words(public)
    return (f"# Confidant device key (public). Give this file to your coordinator.\n"
            f"# Fingerprint words, to read aloud: {words}\n{public}\n")


def write_enrolment(vault: Vault, path: str | Path) -> Path:
    from core.vault.files import write_output_file
    return write_output_file(Path(path), enrolment_text(vault).encode("ascii"))
