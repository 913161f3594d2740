"""The vault commands through a real `python -m core.cli` process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

REPO = Path(__file__).resolve().parents[3]


def cli(*args: str, passphrase: str | None = PASSPHRASE, env: dict | None = None,
        input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CONFIDANT_")}
    full_env["PYTHONPATH"] = str(REPO)
    if passphrase is not None:
        full_env["CONFIDANT_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=120, input=input_text, check=False)


def assert_user_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"error: {message}" in result.stderr
    assert "hint: " in result.stderr


@pytest.fixture
def fast_vault(tmp_path) -> Path:
    # Made in-process with a cheap KDF (stored in vault.json), so each CLI call unlocks fast.
    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    return folder


def test_init_prints_recovery_code_once_with_default_kdf(tmp_path):
    folder = tmp_path / "new"
    result = cli("--vault", str(folder), "init")
    assert result.returncode == 0, result.stderr
    codes = re.findall(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}\b", result.stdout)
    assert len(codes) == 1
    assert codes[0] not in (folder / "vault.json").read_text()
    assert json.loads((folder / "vault.json").read_text())["kdf"]["memory_kib"] >= 65536
    with Vault.open_with_recovery_code(folder, codes[0]) as v:
        assert v.role == "researcher"
    again = cli("--vault", str(folder), "init")
    assert_user_error(again, "A vault already exists")


def test_init_refuses_short_passphrase_from_file(tmp_path):
    pf = tmp_path / "pass.txt"
    pf.write_text("short\n")
    result = cli("--vault", str(tmp_path / "x"), "--passphrase-file", str(pf), "init", passphrase=None)
    assert_user_error(result, "That passphrase is too short.")
    assert not (tmp_path / "x" / "vault.json").exists()


def test_interview_new_list_show(fast_vault, tmp_path):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASSPHRASE + "\n")
    base = ("--vault", str(fast_vault), "--passphrase-file", str(pf))
    new = cli(*base, "interview", "new", "--participant-code", "P-001", "--site", "SITE-A",
              "--consent", "verbal", "--protect", "Rosalind Q", passphrase=None)
    assert new.returncode == 0, new.stderr
    iid = new.stdout.strip()
    assert re.fullmatch(r"\d{8}-[0-9a-f]{6}", iid)
    listed = cli(*base, "interview", "list", "--json", passphrase=None)
    items = json.loads(listed.stdout)
    assert [i["id"] for i in items] == [iid]
    assert items[0]["protected_names"] == 1 and "Rosalind" not in listed.stdout
    shown = json.loads(cli(*base, "interview", "show", iid, "--json", passphrase=None).stdout)
    assert shown["participant_code"] == "P-001" and shown["consent"]["method"] == "verbal"
    text = cli(*base, "interview", "show", iid, passphrase=None)
    assert "participant code: P-001" in text.stdout


def test_interview_errors_are_messages_not_tracebacks(fast_vault):
    bad_code = cli("--vault", str(fast_vault), "interview", "new", "--participant-code", "Maria Lopez",
                   "--site", "S")
    assert_user_error(bad_code, "'Maria Lopez' is not a participant code.")
    missing = cli("--vault", str(fast_vault), "interview", "show", "nope")
    assert_user_error(missing, "There is no interview nope.")


def test_wrong_passphrase_exit_code_and_hint(fast_vault):
    result = cli("--vault", str(fast_vault), "interview", "list", passphrase="wrong wrong wrong")
    assert_user_error(result, "That passphrase does not unlock this vault.")
    assert result.returncode == 2


def test_missing_vault_and_no_passphrase(tmp_path, fast_vault):
    assert_user_error(cli("--vault", str(tmp_path / "none"), "interview", "list"), "There is no vault")
    no_pass = cli("--vault", str(fast_vault), "interview", "list", passphrase=None, input_text="")
    assert_user_error(no_pass, "No passphrase given.")


def test_vault_dir_from_environment(fast_vault):
    result = cli("interview", "list", env={"CONFIDANT_DATA_DIR": str(fast_vault)})
    assert result.returncode == 0 and "No interviews yet" in result.stdout


def test_log_verify_and_tamper(fast_vault):
    ok = cli("--vault", str(fast_vault), "log", "verify")
    assert ok.returncode == 0 and "intact" in ok.stdout
    with Vault.open(fast_vault, PASSPHRASE) as v:
        v.conn.execute("UPDATE audit_log SET event='nothing' WHERE seq=1")
    bad = cli("--vault", str(fast_vault), "log", "verify")
    assert_user_error(bad, "The security log has been tampered with: entry 1 was altered.")


def test_passphrase_change_and_recover(fast_vault, tmp_path):
    new_file = tmp_path / "new.txt"
    new_file.write_text("second passphrase here\n")
    changed = cli("--vault", str(fast_vault), "passphrase", "change", "--new-passphrase-file", str(new_file))
    assert changed.returncode == 0, changed.stderr
    assert cli("--vault", str(fast_vault), "interview", "list").returncode == 2
    assert cli("--vault", str(fast_vault), "interview", "list",
               passphrase="second passphrase here").returncode == 0
    wrong = cli("--vault", str(fast_vault), "passphrase", "recover", "--recovery-code", "AAAAA-AAAAA",
                env={"CONFIDANT_NEW_PASSPHRASE": "third passphrase"})
    assert_user_error(wrong, "That recovery code does not unlock this vault.")


def test_recover_with_code_from_init(tmp_path):
    folder = tmp_path / "r"
    v, code = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    v.close()
    result = cli("--vault", str(folder), "passphrase", "recover", "--recovery-code", code.lower(),
                 passphrase=None, env={"CONFIDANT_NEW_PASSPHRASE": "after recovery 123"})
    assert result.returncode == 0, result.stderr
    Vault.open(folder, "after recovery 123").close()


def test_help_is_fast_and_imports_no_heavy_modules():
    code = ("import sys, core.cli; core.cli.build_parser(); "
            "print(sorted(m for m in ('torch','faster_whisper','spacy','presidio_analyzer','PySide6') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.stdout.strip() == "[]", result.stderr
