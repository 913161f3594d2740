"""Fixtures for transcription tests: one vault per session with jfk.flac imported.

Real parts throughout: a real SQLCipher vault, jfk.flac through the real audio import, the
real tiny.en model in real engine child processes. Each test that changes a transcript
gets its own interview, so tests do not depend on each other's order.
"""

from __future__ import annotations

import pytest

from tests.conftest import FAST_KDF, JFK_FLAC, PASSPHRASE


@pytest.fixture(scope="session")
def tx_vault(tmp_path_factory):
    from core.vault import Vault
    if not JFK_FLAC.exists():
        pytest.skip(f"test data missing: {JFK_FLAC}")
    v, _ = Vault.create(tmp_path_factory.mktemp("txvault") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield v
    v.close()


@pytest.fixture
def jfk_interview(tx_vault):
    """A fresh interview in the session vault with jfk.flac imported: (interview_id, recording_id)."""
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo
    interview = InterviewRepo(tx_vault).create("P-100", "SITE-T")
    rid = run_job(make_import_job(tx_vault, interview.id, JFK_FLAC))
    return interview.id, rid


@pytest.fixture(scope="session")
def jfk_audio():
    """jfk.flac as float32 mono 16 kHz (decoded the way the audio import does)."""
    import soundfile as sf

    from core.audio.resample import downmix, resample
    if not JFK_FLAC.exists():
        pytest.skip(f"test data missing: {JFK_FLAC}")
    src, rate = sf.read(JFK_FLAC, dtype="float32")
    return resample(downmix(src), rate)


@pytest.fixture(scope="session")
def tiny():
    from core.transcription.registry import find_model
    return find_model("tiny.en")

