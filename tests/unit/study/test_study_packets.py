"""Packets carry the study id inside the encryption; the coordinator files the interview under
its study, refuses one from a study it did not make, and reports one study at a time."""

from __future__ import annotations

import pytest

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.packets import keys
from core.packets.writer import make_export_job
from core.study.service import join, new_study
from core.vault.inbox import InboxRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.packets import make_interview, review_and_sign

pytestmark = pytest.mark.slow  # Presidio + spaCy for the researcher's review


def _researcher(tmp_path, name, study_data):
    from core.vault import Vault
    v, _ = Vault.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    join(v, study_data)
    return v


def test_study_id_travels_and_foreign_studies_are_refused(tmp_path, coordinator_vault):
    from core.vault import Vault
    a = coordinator_vault
    ours = new_study(a, title="Ours", guide_refs=["job-quality"], sites=["SITE-B"])
    other, _ = Vault.create(tmp_path / "other-coord", PASSPHRASE, kdf=FAST_KDF, role="coordinator")
    # Another coordinator's study that also seals to us (a shared partner, say).
    theirs = new_study(other, title="Theirs", guide_refs=["job-quality"], sites=["SITE-B"],
                       extra_recipients=[(keys.age_recipient(a), "Partner")])
    mine = _researcher(tmp_path, "mine", ours)
    stranger = _researcher(tmp_path, "stranger", theirs)
    packets = []
    for v in (mine, stranger):
        iv = make_interview(v)
        review_and_sign(v, iv.id)
        packets.append(run_job(make_export_job(v, iv.id, tmp_path / f"{v.folder.name}.cpkt")).path)
        enrol(a, keys.device_public_key(v), v.folder.name)
    results = run_job(make_import_job(a, packets))
    assert [r.verdict for r in results] == ["imported", "rejected"]
    assert "did not make" in results[1].reason and results[1].code == "other_study"

    stored = InboxRepo(a).current_interviews()
    assert len(stored) == 1 and stored[0].study is not None
    study_id = mine.get_setting("study.id")
    assert stored[0].study.id == study_id and stored[0].study.version == 1
    assert aggregate(a, study=study_id[:8]).n_interviews == 1
    assert aggregate(a, study="ffffffff").n_interviews == 0
    for v in (mine, stranger, other):
        v.close()


def test_a_document_without_a_study_is_still_valid_and_a_bad_one_is_named():
    from core.documents.interview import InterviewDoc, InvalidInterviewDoc
    from tests.helpers.coordinator_data import make_interview as make_doc
    doc = make_doc()
    assert InterviewDoc.from_json(doc).study is None
    with_study = {**doc, "study": {"id": "ab" * 16, "version": 3}}
    parsed = InterviewDoc.from_json(with_study)
    assert parsed.study.version == 3 and InterviewDoc.from_json(parsed.to_json()) == parsed
    with pytest.raises(InvalidInterviewDoc) as err:
        InterviewDoc.from_json({**doc, "study": {"id": "x", "version": "3"}})
    assert "study.id" in str(err.value)
