"""A privacy check that cannot run is a FAIL with the reason, never a pass and never a skip.

Each test breaks a real dependency of one check on purpose (a module that cannot be imported,
a decoder that is missing) and asserts what a reviewer reads: that check FAILs and says why,
the other checks still run.
"""

from __future__ import annotations

import sys

from core.audit import needles
from core.audit.model import CANNOT_RUN_HINT, FAIL, PASS
from core.audit.packet_audit import audit_packet
from tests.unit.audit.conftest import audit
from tests.unit.audit.test_packet_audit import VECTORS, _identity, _trusted


def test_packet_audit_fails_when_the_detector_cannot_be_loaded(monkeypatch):
    monkeypatch.delitem(sys.modules, "core.deid.detect", raising=False)
    monkeypatch.setitem(sys.modules, "core.deid.detect", None)  # `import` of it now fails
    report = audit_packet((VECTORS / "valid.cpkt").read_bytes(), _identity(), _trusted())
    check = report.by_name("Payload de-identification")
    assert check.status == FAIL and report.status == FAIL
    assert "could not run" in check.evidence and "core.deid.detect" in check.evidence
    assert check.what_to_do == CANNOT_RUN_HINT
    assert report.by_name("No audio leaves").status == PASS  # the rest of the audit ran


def test_vault_audit_fails_the_plaintext_scan_when_audio_cannot_be_decoded(content_vault, scan_dirs, monkeypatch):
    def missing_decoder(*_args, **_kwargs):
        raise ImportError("No module named 'soundfile'", name="soundfile")

    monkeypatch.setattr(needles, "read_audio", missing_decoder)
    report = audit(content_vault, scan_dirs)
    for name in ("No plaintext on disk", "Raw audio search"):
        check = report.by_name(name)
        assert check.status == FAIL, name
        assert "could not run: the module soundfile could not be loaded" in check.evidence
    assert report.status == FAIL
    assert report.by_name("vault.db looks random").status == PASS
    assert report.by_name("Security log hash chain").status == FAIL  # it needs the same needles


def test_vault_audit_fails_when_the_app_folders_cannot_be_named(content_vault, scan_dirs, monkeypatch):
    from core.audit.vault_audit import run_vault_audit
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    report = run_vault_audit(content_vault, temp_dirs=[scan_dirs["temp"]], seed=1)
    check = report.by_name("App folders scanned")
    assert check.status == FAIL and "the module platformdirs could not be loaded" in check.evidence
    assert report.by_name("No plaintext on disk").status == PASS  # the vault and temp folders were still scanned
