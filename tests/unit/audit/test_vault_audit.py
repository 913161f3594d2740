"""The vault audit FAILs on planted plaintext and PASSes on a clean vault."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from core.audit.model import FAIL, PASS, WARN
from tests.conftest import PASSPHRASE
from tests.unit.audit.conftest import audit


def _statuses(report):
    return {c.name: c.status for c in report.checks}


def test_clean_vault_passes(content_vault, scan_dirs):
    report = audit(content_vault, scan_dirs, passphrase=PASSPHRASE)
    statuses = _statuses(report)
    assert FAIL not in statuses.values(), [c for c in report.checks if c.status == FAIL]
    for name in ("vault.db has no SQLite header", "vault.db looks random", "SQLCipher version and settings",
                 "Key hierarchy re-derived from the passphrase", "Independent decryption (SQLCipher 4 page format)",
                 "vault.json holds no secret in plaintext", "No plaintext on disk", "Raw audio search",
                 "Security log hash chain", "Security log holds no content", "Recovery code created"):
        assert statuses[name] == PASS, (name, report.by_name(name).evidence)
    # The unit-test KDF is below OWASP's minimum, and the audit says so.
    assert statuses["vault.json format and key-derivation policy"] == WARN
    assert report.facts["plaintext_scan"]["needles"]["raw audio"] >= 3
    assert report.facts["independent_check"]["wrong_key_control_ok_pages"] == 0


def test_planted_wav_in_vault_folder_fails(content_vault, scan_dirs):
    from core.audio.source import read_audio
    samples = read_audio(content_vault, 1)
    planted = content_vault.folder / "backup.wav"
    sf.write(planted, samples, 16000, subtype="PCM_16")
    report = audit(content_vault, scan_dirs)
    check = report.by_name("No plaintext on disk")
    assert check.status == FAIL and str(planted) in check.evidence and "WAV header" in check.evidence
    assert report.by_name("Raw audio search").status == FAIL
    assert report.status == FAIL


def test_headerless_pcm_in_temp_dir_fails(content_vault, scan_dirs):
    from core.audio.source import read_audio
    samples = read_audio(content_vault, 1)
    pcm = (np.clip(samples, -1, 1) * 32767).round().astype("<i2").tobytes()
    planted = scan_dirs["temp"] / "tmpab12cd"
    planted.write_bytes(b"\x00" * 1000 + pcm)
    check = audit(content_vault, scan_dirs).by_name("No plaintext on disk")
    assert check.status == FAIL and str(planted) in check.evidence and "raw audio (PCM16)" in check.evidence


def test_transcript_names_and_codes_in_app_folder_fail(content_vault, scan_dirs):
    planted = scan_dirs["app"] / "cache" / "notes.txt"
    planted.parent.mkdir()
    planted.write_text("draft: Rosalind Quimby from P-314 said the agency staff were sent home", encoding="utf-16")
    report = audit(content_vault, scan_dirs)
    check = report.by_name("No plaintext on disk")
    assert check.status == FAIL and str(planted) in check.evidence
    assert "protected name" in check.evidence and "participant code" in check.evidence
    assert "Rosalind" not in check.evidence  # the report names the kind, never the content
    assert report.by_name("Log files hold no content").status == FAIL
    # Text is not audio: the audio check still says what it searched and that no audio is out.
    audio = report.by_name("Raw audio search")
    assert audio.status == PASS and "16-bit PCM" in audio.evidence, audio.evidence


def test_key_material_on_disk_fails(content_vault, scan_dirs):
    (scan_dirs["temp"] / "debug.dump").write_text(content_vault.db_key().hex())
    check = audit(content_vault, scan_dirs).by_name("No plaintext on disk")
    assert check.status == FAIL and "key material" in check.evidence


def test_tampered_security_log_fails(content_vault, scan_dirs):
    content_vault.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    assert audit(content_vault, scan_dirs).by_name("Security log hash chain").status == FAIL


def test_wrong_passphrase_for_rederivation_fails(content_vault, scan_dirs):
    report = audit(content_vault, scan_dirs, passphrase="not the passphrase at all")
    assert report.by_name("Key hierarchy re-derived from the passphrase").status == FAIL


def test_empty_vault_warns_no_recordings(vault, scan_dirs):
    check = audit(vault, scan_dirs).by_name("Raw audio search")
    assert check.status == WARN and "No recordings" in check.evidence


def test_autolock_setting_is_read(vault, scan_dirs):
    (scan_dirs["app"] / "confidant.ini").write_text("[General]\nautolock_minutes=120\n")
    check = audit(vault, scan_dirs).by_name("Auto-lock on")
    assert check.status == WARN and "120 minutes" in check.evidence


def test_report_json_shape(vault, scan_dirs):
    data = audit(vault, scan_dirs).to_json()
    assert data["format"] == "confidant-audit/1" and data["subject_id"] == vault.vault_id
    assert all(set(c) == {"name", "status", "evidence", "what_to_do"} for c in data["checks"])


def test_many_planted_files_are_all_reported_and_the_pdf_still_renders(content_vault, scan_dirs):
    """A temp folder full of leftovers (seen on a busy machine) must not break the report."""
    import io

    from pypdf import PdfReader

    from core.reports.audit_pdf import write_audit_pdf
    for i in range(120):
        (scan_dirs["temp"] / f"leftover-{i:03d}-{'x' * 60}.txt").write_text(
            "Rosalind Quimby from P-314", encoding="utf-8")
    report = audit(content_vault, scan_dirs)
    check = report.by_name("No plaintext on disk")
    assert check.status == FAIL and "and 95 more" in check.evidence
    assert len(report.facts["plaintext_hits"]) == 120
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(write_audit_pdf(report))).pages)
    assert "No plaintext on disk" in text and "leftover-000" in text
