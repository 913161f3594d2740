"""The PDF report, and `confidant audit` / `confidant audit packet` as a reviewer runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf
from pypdf import PdfReader

from core.audit.model import AuditReport
from core.reports.audit_pdf import write_audit_pdf
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "tests" / "vectors" / "packets"


def test_pdf_has_every_check_and_the_threat_model():
    report = AuditReport(subject="vault", subject_id="abc-123")
    report.add("No plaintext on disk", "FAIL", "Found in 1 file(s): /x/y.wav: WAV header.", "Delete it.")
    report.add("Security log hash chain", "PASS", "12 entries.")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(write_audit_pdf(report))).pages)
    for needle in ("Confidant privacy audit", "abc-123", "No plaintext on disk", "/x/y.wav",
                   "Security log hash chain", "Threat model in brief", "FAIL", "0.1.0"):
        assert needle in text, needle


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("CONFIDANT_")}
    full.update(PYTHONPATH=str(REPO), CONFIDANT_PASSPHRASE=PASSPHRASE, **(env or {}))
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=REPO, env=full,
                          capture_output=True, text=True, timeout=300, check=False)


def test_cli_vault_audit_json_pdf_and_planted_wav(content_vault, tmp_path):
    folder = content_vault.folder
    from core.audio.source import read_audio
    samples = read_audio(content_vault, 1)
    content_vault.close()
    env = {"TMPDIR": str(tmp_path / "tmpdir"), "XDG_CACHE_HOME": str(tmp_path / "xdg"),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "XDG_STATE_HOME": str(tmp_path / "xdg")}
    (tmp_path / "tmpdir").mkdir()
    ok = _cli("--vault", str(folder), "audit", "--json", str(tmp_path / "a.json"), "--pdf", str(tmp_path / "a.pdf"),
              "--language", "es", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "[PASS] Independent decryption (SQLCipher 4 page format)" in ok.stdout
    data = json.loads((tmp_path / "a.json").read_text())
    assert data["status"] in ("PASS", "WARN") and data["subject_id"]
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    # the PDF in Spanish names every check of this real audit in Spanish; the JSON keeps the English
    from pypdf import PdfReader

    from core.reports.catalogue import words
    pdf = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(tmp_path / "a.pdf")).pages)
    assert "Revisión de privacidad de Confidant" in pdf and "Confidant privacy audit" not in pdf
    for check in data["checks"]:
        spanish = words("es").check_name(check["name"])
        assert spanish != check["name"], f"no Spanish name for the check {check['name']!r}"
        assert spanish.split(" (")[0] in pdf, spanish
    assert "Independent decryption (SQLCipher 4 page format)" in {c["name"] for c in data["checks"]}
    sf.write(folder / "export.wav", samples, 16000)
    bad = _cli("--vault", str(folder), "audit", env=env)
    assert bad.returncode == 1 and "[FAIL] No plaintext on disk" in bad.stdout and "export.wav" in bad.stdout
    assert "Traceback" not in bad.stderr


@pytest.mark.slow  # loads Presidio + spaCy in the child process
def test_cli_packet_audit():
    ok = _cli("audit", "packet", str(VECTORS / "valid.cpkt"), "--identity", str(VECTORS / "keys" / "coordinator.agekey"),
              "--device-key", str(VECTORS / "keys" / "researcher-device.pub"))
    assert ok.returncode == 0 and "Overall: PASS" in ok.stdout, ok.stdout + ok.stderr
    bad = _cli("audit", "packet", str(VECTORS / "flipped-signature.cpkt"),
               "--device-key", str(VECTORS / "keys" / "researcher-device.pub"))
    assert bad.returncode == 1 and "[FAIL] Signature and enrolment" in bad.stdout
    missing = _cli("audit", "packet", str(VECTORS / "valid.cpkt"), "--identity", str(VECTORS / "README.md"))
    assert missing.returncode != 0 and "error:" in missing.stderr and "Traceback" not in missing.stderr


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_spanish_audit_says_every_check_in_spanish_and_keeps_english_json(content_vault, tmp_path):
    """`confidant audit` in Spanish (no --language): each check's evidence and what to do are
    Spanish on the terminal and in the PDF; the JSON report keeps the English for reviewers."""
    folder = content_vault.folder
    content_vault.close()
    env = {"TMPDIR": str(tmp_path / "tmpdir"), "XDG_CACHE_HOME": str(tmp_path / "xdg"),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "XDG_STATE_HOME": str(tmp_path / "xdg"), "CONFIDANT_LANG": "es"}
    (tmp_path / "tmpdir").mkdir()
    (tmp_path / "tmpdir" / "copia.txt").write_text("Rosalind Quimby", encoding="utf-8")  # a planted leak: FAIL
    run = _cli("--vault", str(folder), "audit", "--json", str(tmp_path / "a.json"), "--pdf", str(tmp_path / "a.pdf"),
               env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stdout + run.stderr
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    pdf = _flat(" ".join(p.extract_text() or "" for p in PdfReader(str(tmp_path / "a.pdf")).pages))
    out = _flat(run.stdout)
    assert "[FALLO] Nada en texto sin cifrar en el disco" in run.stdout
    assert "Encontrado en 1 archivo(s): " in out and "nombre protegido" in out
    assert "qué hacer: Borra de forma segura los archivos de la lista" in out
    assert "Resultado: FALLO (" in out and "Overall" not in out
    assert f"Se escribió {tmp_path / 'a.pdf'}" in run.stdout
    english = [c["evidence"] for c in data["checks"]] + [c["what_to_do"] for c in data["checks"] if c["what_to_do"]]
    assert "Found in 1 file(s): " in " ".join(english)  # the JSON keeps the English
    for text in english:
        words = _flat(text)
        # A sentence of the English evidence (file paths and numbers aside) is never printed.
        opening = words.split(":")[0][:40]
        assert opening not in out, opening
        assert opening not in pdf, opening
    assert "Qué hacer:" in pdf and "Borra de forma segura" in pdf
