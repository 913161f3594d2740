"""Every unlock recovers a recording a crash left open: the CLI's every command, the desktop's
unlock (tests/ui/test_recording_recovery_live.py), the recovery-code unlock, the audit."""

from __future__ import annotations

import numpy as np
import pytest

from core.audio.codec import encode
from core.cli import main
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def crashed(tmp_path):
    """A vault whose app died while recording: one second committed, never stopped."""
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iv = InterviewRepo(vault).create("P-001", "SITE-A")
    repo = RecordingRepo(vault)
    rec = repo.create(iv.id, "mic")
    samples = (np.sin(np.arange(16000) / 8) * 0.3).astype(np.float32)
    repo.add_chunk(rec.id, 0, 0, len(samples), encode(samples, "flac"))
    vault.close()
    return folder, code, rec.id, iv.id


def _state(folder, rid) -> str:
    with Vault.open(folder, PASSPHRASE) as v:
        return RecordingRepo(v).get(rid).state


@pytest.mark.parametrize("argv", [["interview", "list"], ["log", "verify"], ["coordinator", "inbox"]],
                         ids=lambda a: " ".join(a))
def test_any_cli_command_recovers_and_says_so(crashed, tmp_path, capsys, argv):
    folder, _code, rid, _iid = crashed
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    main(["--vault", str(folder), "--passphrase-file", str(pw), *argv])  # its own outcome does not matter
    assert f"Recovered recording {rid}" in capsys.readouterr().err
    assert _state(folder, rid) == "recovered"


def test_open_and_recovery_code_unlock_recover(crashed):
    folder, code, rid, iid = crashed
    with Vault.open_with_recovery_code(folder, code) as v:
        assert v.recovered_recordings == [rid]
        rec = RecordingRepo(v).get(rid)
        assert rec.state == "recovered" and rec.total_samples == 16000  # exactly what was committed
        assert InterviewRepo(v).get(iid).state == "recorded"
    with Vault.open(folder, PASSPHRASE) as v:
        assert v.recovered_recordings == []  # once is enough
