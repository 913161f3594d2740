"""Audit fixtures: a vault with an interview, a transcript, names and a real imported recording,
and private temp/app folders so the scan never wanders into other tests' files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE

TRANSCRIPT = ("my supervisor Rosalind Quimby changed the rota every single week without telling "
              "anyone and the agency staff were sent home without pay on three occasions")


@pytest.fixture
def scan_dirs(tmp_path: Path) -> dict[str, Path]:
    dirs = {"temp": tmp_path / "temp", "app": tmp_path / "app"}
    for d in dirs.values():
        d.mkdir()
    return dirs


@pytest.fixture
def content_vault(tmp_path: Path, jfk_path: Path):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    repo = InterviewRepo(vault)
    iv = repo.create("P-314", "SITE-NORTH")
    repo.add_protected_name(iv.id, "Rosalind Quimby")
    TranscriptRepo(vault).create(iv.id, [Segment(0, 8000, TRANSCRIPT)])
    run_job(make_import_job(vault, iv.id, jfk_path))
    yield vault
    vault.close()


def audit(vault, dirs, **kw):
    from core.audit.vault_audit import run_vault_audit
    return run_vault_audit(vault, temp_dirs=[dirs["temp"]], app_folders=[dirs["app"]], seed=1, **kw)
