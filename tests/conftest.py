"""Shared fixtures: temporary vaults with a fast KDF, offscreen Qt, offline model hubs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Tests read English messages from the CLI whatever the machine's locale or the app's saved
# language (tests/unit/test_messages.py runs the CLI in Spanish on purpose).
os.environ["CONFIDANT_LANG"] = "en"

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
JFK_FLAC = SHARED_DATA / "audio" / "jfk.flac"
JFK_TEXT = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."

# Unit tests use cheap Argon2id parameters so hundreds of vaults stay fast; the real
# parameters are exercised by tests that say so and by benchmarks/vault_bench.py.
FAST_KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path):
    from core.vault import Vault
    v, _code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield v
    v.close()


@pytest.fixture
def coordinator_vault(tmp_path: Path):
    from core.vault import Vault
    v, _code = Vault.create(tmp_path / "coordinator", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    yield v
    v.close()


@pytest.fixture
def interview(vault):
    from core.vault.interviews import InterviewRepo
    return InterviewRepo(vault).create("P-001", "SITE-A")


@pytest.fixture
def jfk_path() -> Path:
    if not JFK_FLAC.exists():
        pytest.skip(f"test data missing: {JFK_FLAC}")
    return JFK_FLAC
