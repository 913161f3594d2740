"""The plaintext scan names real leaks, not installed software (issue: Qt/.so files and pip's
AUTHORS.txt were reported as interview content)."""

from __future__ import annotations

import shutil
from pathlib import Path

import av
import soundfile as sf

from core.audit.model import FAIL, PASS
from tests.unit.audit.conftest import audit


def _real_library_with_wave_bytes() -> Path:
    """A real shared library that holds the bytes RIFF....WAVE (PyAV's bundled libasound/avformat)."""
    libs = Path(av.__file__).resolve().parent.parent / "av.libs"
    for lib in sorted(libs.glob("*.so*")):
        data = lib.read_bytes()
        import re
        if re.search(rb"RIFF....WAVE", data, re.DOTALL):
            return lib
    raise AssertionError("no bundled library with a WAV signature found; the test cannot run")


def test_shared_library_and_pip_authors_are_not_interview_content(content_vault, scan_dirs):
    temp = scan_dirs["temp"]
    shutil.copy(_real_library_with_wave_bytes(), temp / "libsomething.so.2")
    venv = temp / "build-env"
    authors = venv / "lib" / "python3.11" / "site-packages" / "pip-26.3.dist-info" / "AUTHORS.txt"
    authors.parent.mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    authors.write_text("Rosalind Quimby\nSomeone Else\n")  # a protected name, by coincidence
    report = audit(content_vault, scan_dirs)
    check = report.by_name("No plaintext on disk")
    assert check.status == PASS, check.evidence
    assert str(venv) in report.facts["plaintext_scan"]["software_folders_not_scanned"]
    assert "installed software" in check.evidence


def test_audio_hidden_after_other_bytes_is_still_found(content_vault, scan_dirs, tmp_path):
    from core.audio.source import read_audio
    wav = tmp_path / "clip.wav"
    sf.write(wav, read_audio(content_vault, 1)[:16000], 16000, subtype="PCM_16")
    planted = scan_dirs["temp"] / "cache.bin"
    planted.write_bytes(b"junk" * 1000 + wav.read_bytes())
    check = audit(content_vault, scan_dirs).by_name("No plaintext on disk")
    assert check.status == FAIL and str(planted) in check.evidence and "WAV header" in check.evidence


def test_protected_name_in_a_plain_temp_file_is_still_found(content_vault, scan_dirs):
    planted = scan_dirs["temp"] / "notes" / "AUTHORS.txt"  # a name does not make a file software
    planted.parent.mkdir()
    planted.write_text("Rosalind Quimby")
    check = audit(content_vault, scan_dirs).by_name("No plaintext on disk")
    assert check.status == FAIL and "protected name" in check.evidence
