"""`confidant retention set|show|apply` through the CLI."""

from __future__ import annotations

import json

from core.vault import Vault
from core.vault.deid import DeidRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.unit.cli.test_vault_cli import cli
from tests.unit.vault.erase_fixtures import GONE, make_interview


def test_retention_through_the_cli(tmp_path, noise_wav):
    folder = tmp_path / "v"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    made = make_interview(v, GONE, noise_wav)
    DeidRepo(v).add_signoff(made.interview_id, "0" * 64)
    v.close()
    assert "No retention rule" in cli("--vault", str(folder), "retention", "show").stdout
    assert cli("--vault", str(folder), "retention", "apply", "--yes").stdout.startswith("No audio is past")
    out = cli("--vault", str(folder), "retention", "set", "--audio-days-after-signoff", "0")
    assert "0 day(s) after sign-off" in out.stdout, out.stderr
    shown = json.loads(cli("--vault", str(folder), "retention", "show", "--json").stdout)
    assert shown["audio"][0]["past_due"] is True and shown["audio"][0]["interview"] == made.interview_id
    applied = cli("--vault", str(folder), "retention", "apply", "--yes")
    assert applied.returncode == 0 and "Deleted 1 take(s)" in applied.stdout, applied.stderr
    assert "has no recordings" in cli("--vault", str(folder), "audio", "info", made.interview_id).stdout
