"""Exporting a real interview: sign-off required, nothing identifying leaves, age CLI opens it."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

from core.errors import CoreError, NoRecipients, NotSignedOff
from core.jobs import run_job
from core.packets import keys
from core.packets.reader import verify_and_open
from core.packets.writer import make_export_job
from core.vault import auditlog
from core.vault.interviews import InterviewRepo
from core.vault.packets import SentPacketRepo
from core.vault.transcripts import TranscriptRepo
from tests.helpers.packets import OFF_RECORD_TEXT, PLANTED, make_interview, review_and_sign

pytestmark = pytest.mark.slow  # loads Presidio + spaCy once per session


@pytest.fixture
def coordinator(coordinator_vault):
    return keys.age_identity(coordinator_vault), keys.age_recipient(coordinator_vault)


@pytest.fixture
def signed(vault, coordinator):
    iv = make_interview(vault)
    keys.add_recipient(vault, coordinator[1], label="Coordinator")
    review_and_sign(vault, iv.id)
    return iv


def _export(vault, iv, path, **kw):
    return run_job(make_export_job(vault, iv.id, path, **kw))


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_export_opens_and_leaks_nothing(vault, signed, coordinator, tmp_path):
    info = _export(vault, signed, tmp_path / "out.cpkt")
    data = info.path.read_bytes()
    opened = verify_and_open(data, identities=[coordinator[0]], trusted_devices=[keys.device_public_key(vault)])
    doc = opened.interview.to_json()
    assert doc["interview"] == {"code": "P-007", "site": "SITE-B", "month": "2024-05", "language": "en",
                                "consent": {"method": "verbal", "witnessed": True}}
    assert doc["guide"]["id"] == "job-quality" and doc["questions"]
    assert [s["index"] for s in doc["segments"]] == list(range(7))
    assert {t["theme"] for t in doc["tags"]} == {"current_job_experience", "leadership_power", "job_satisfaction"}
    assert len(doc["memos"]) == 1 and doc["deid"]["redactions"].get("PERSON", 0) >= 3
    assert "[PERSON" in doc["segments"][1]["text"]

    texts = {"interview.json": opened.files["interview.json"].decode(),
             "transcript.vtt": opened.files["transcript.vtt"].decode(),
             "manifest.json": opened.files["manifest.json"].decode(),
             "summary.pdf": _pdf_text(opened.files["summary.pdf"])}
    assert "Interview summary" in texts["summary.pdf"] and "P-007" in texts["summary.pdf"]
    for name, text in texts.items():
        for secret in PLANTED:
            assert secret.lower() not in text.lower(), f"{secret!r} leaked into {name}"
    assert b"Private note" not in opened.files["interview.json"]
    assert "[PERSON 1] hearing" in doc["memos"][0]["text"]  # the review's placeholders, not a new one
    for text in texts.values():
        assert "tip jar" not in text and OFF_RECORD_TEXT[:20] not in text  # off the record: removed
    assert "voice" not in {t["theme"] for t in doc["tags"]}
    for secret in PLANTED + ["P-007", "SITE-B"]:
        assert secret.encode() not in data  # nothing readable outside the encryption


@pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")
def test_standard_age_cli_opens_the_payload(vault, signed, coordinator, tmp_path):
    import hashlib
    import zipfile
    info = _export(vault, signed, tmp_path / "out.cpkt")
    (tmp_path / "id.txt").write_text(coordinator[0] + "\n")
    payload = info.path.read_bytes()[192:]
    plain = subprocess.run(["age", "-d", "-i", str(tmp_path / "id.txt")], input=payload,
                           capture_output=True, check=True).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert set(manifest["files"]) == {"interview.json", "summary.pdf", "transcript.vtt"}
        for name, entry in manifest["files"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == entry["sha256"]


def test_export_records_audits_and_advances(vault, signed, tmp_path):
    info = _export(vault, signed, tmp_path / "a.cpkt")
    sent = SentPacketRepo(vault).get(info.packet_id)
    assert sent is not None and sent.interview_id == signed.id and sent.file_name == "a.cpkt"
    assert InterviewRepo(vault).get(signed.id).state == "exported"
    event = [e for e in auditlog.entries(vault.conn) if e.event == "packet_exported"][-1]
    assert event.details["packet"] == info.packet_id and event.details["interview"] == signed.id
    assert auditlog.verify(vault.conn).ok
    # A correction names the packet it replaces; an unknown id is refused.
    fixed = _export(vault, signed, tmp_path / "b.cpkt", supersedes=info.packet_id)
    assert fixed.supersedes == info.packet_id
    with pytest.raises(Exception) as exc:
        _export(vault, signed, tmp_path / "c.cpkt", supersedes="00" * 16)
    assert "earlier export" in str(exc.value)
    assert not (tmp_path / "c.cpkt").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_export_refused_without_signoff_and_after_an_edit(vault, coordinator, tmp_path):
    iv = make_interview(vault)
    keys.add_recipient(vault, coordinator[1])
    with pytest.raises(NotSignedOff):
        _export(vault, iv, tmp_path / "x.cpkt")
    review_and_sign(vault, iv.id)
    seg = TranscriptRepo(vault).current_segments(iv.id)[0]
    TranscriptRepo(vault).update_text(seg.id, seg.text + " Ask Kevin.")
    with pytest.raises(NotSignedOff):
        _export(vault, iv, tmp_path / "x.cpkt")
    assert not (tmp_path / "x.cpkt").exists() and SentPacketRepo(vault).list() == []


def test_export_refused_without_recipients(vault, tmp_path):
    iv = make_interview(vault)
    with pytest.raises(NoRecipients):
        _export(vault, iv, tmp_path / "x.cpkt")


def test_a_failed_write_leaves_no_packet_and_no_record(vault, signed, tmp_path, monkeypatch):
    import os

    def disk_gone(*_args, **_kw):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "replace", disk_gone)  # the crash point: after fsync, before rename
    with pytest.raises(CoreError) as err:  # a message and a hint, not a raw OSError
        _export(vault, signed, tmp_path / "out.cpkt")
    assert err.value.hint
    assert list(tmp_path.iterdir()) == [] or all(p.is_dir() for p in tmp_path.iterdir())
    assert SentPacketRepo(vault).list() == []
    assert InterviewRepo(vault).get(signed.id).state != "exported"


def test_leak_check_blocks_a_listed_name_left_in_the_text(vault, signed, tmp_path):
    from core.deid import review
    from core.errors import ExportBlocked, SecondLookFlags
    # A name listed after the review (so never proposed for redaction) is still in the text:
    # the second look (decision 0108) or the leak check stops the export.
    InterviewRepo(vault).add_protected_name(signed.id, "Bakery")
    with pytest.raises((ExportBlocked, SecondLookFlags)) as info:
        _export(vault, signed, tmp_path / "x.cpkt")
    assert "Bakery" not in str(info.value) and not (tmp_path / "x.cpkt").exists()
    # A word the researcher explicitly kept (rejected its redaction) is allowed to leave.
    run_job(review.make_detect_job(vault, signed.id))
    for r in review.list_redactions(vault, signed.id, "proposed"):
        if r.original.lower() == "bakery":
            review.reject(vault, r.id)
        else:
            review.accept(vault, r.id)
    review.sign_off(vault, signed.id)
    assert _export(vault, signed, tmp_path / "y.cpkt").path.exists()
