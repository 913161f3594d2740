"""`confidant backup --out DIR` and `confidant --vault NEWDIR restore FILE` through the CLI."""

from __future__ import annotations

import json

from core.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.cli.test_vault_cli import assert_user_error, cli
from tests.unit.vault.erase_fixtures import KEPT, make_interview


def test_backup_and_restore(tmp_path):
    folder = tmp_path / "v"
    v, code = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    made = make_interview(v, KEPT, None)
    v.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    result = cli("--vault", str(folder), "backup", "--out", str(stick))
    assert result.returncode == 0, result.stderr
    (backup,) = stick.iterdir()
    assert str(backup) in result.stdout and "encrypted" in result.stdout
    wrong = cli("--vault", str(tmp_path / "new"), "restore", str(backup), passphrase="not it at all")
    assert_user_error(wrong, "That passphrase does not unlock this vault.")
    ok = cli("--vault", str(tmp_path / "new"), "restore", str(backup))
    assert ok.returncode == 0, ok.stderr
    assert "Restored 1 interview(s)" in ok.stdout
    listed = json.loads(cli("--vault", str(tmp_path / "new"), "interview", "list", "--json").stdout)
    assert made.interview_id in json.dumps(listed)
    by_code = cli("--vault", str(tmp_path / "other"), "restore", str(backup), "--recovery-code", code,
                  passphrase=None)
    assert by_code.returncode == 0, by_code.stderr
    again = cli("--vault", str(tmp_path / "new"), "restore", str(backup))
    assert_user_error(again, "A vault already exists in that folder.")
