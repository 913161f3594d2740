"""`confidant interview delete` and `confidant audio delete` through a real CLI process."""

from __future__ import annotations

import json

from core.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.cli.test_vault_cli import assert_user_error, cli
from tests.unit.vault.erase_fixtures import GONE, KEPT, make_interview, scan


def _vault_with_two(tmp_path, audio):
    folder = tmp_path / "v"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    gone, kept = make_interview(v, GONE, audio), make_interview(v, KEPT, None)
    v.close()
    return folder, gone, kept


def test_interview_delete_needs_yes_without_a_terminal(tmp_path, noise_wav):
    folder, gone, _ = _vault_with_two(tmp_path, noise_wav)
    result = cli("--vault", str(folder), "interview", "delete", gone.interview_id)
    assert_user_error(result, "Deleting needs a confirmation.")
    listed = json.loads(cli("--vault", str(folder), "interview", "list", "--json").stdout)
    assert gone.interview_id in json.dumps(listed)


def test_interview_delete_yes_removes_it_and_reports_the_check(tmp_path, noise_wav):
    folder, gone, kept = _vault_with_two(tmp_path, noise_wav)
    result = cli("--vault", str(folder), "interview", "delete", gone.interview_id, "--yes")
    assert result.returncode == 0, result.stderr
    assert "none is left" in result.stdout
    listed = cli("--vault", str(folder), "interview", "list", "--json").stdout
    assert gone.interview_id not in listed and kept.interview_id in listed
    with Vault.open(folder, PASSPHRASE) as v:
        assert scan(v, GONE) == {}
        assert "code" in scan(v, KEPT)
    shown = cli("--vault", str(folder), "log", "show", "--json").stdout
    assert "interview_deleted" in shown and GONE["code"] not in shown


def test_audio_delete_take(tmp_path, noise_wav):
    folder, gone, _ = _vault_with_two(tmp_path, noise_wav)
    info = cli("--vault", str(folder), "audio", "info", gone.interview_id)
    assert "Take 1 (recording" in info.stdout
    missing = cli("--vault", str(folder), "audio", "delete", gone.interview_id, "--take", "2", "--yes")
    assert_user_error(missing, f"Interview {gone.interview_id} has no take 2.")
    result = cli("--vault", str(folder), "audio", "delete", gone.interview_id, "--take", "1", "--yes")
    assert result.returncode == 0, result.stderr
    after = cli("--vault", str(folder), "audio", "info", gone.interview_id)
    assert "has no recordings" in after.stdout


def test_scrub(tmp_path):
    folder, _, _ = _vault_with_two(tmp_path, None)
    result = cli("--vault", str(folder), "scrub")
    assert result.returncode == 0 and "rebuilt" in result.stdout
