"""Backup and restore: the same interviews, transcripts and audio come back; a damaged, cut or
wrongly unlocked file restores nothing; a kill -9 or a full drive leaves earlier backups and the
vault intact."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from core.errors import DiskFull, VaultExists, WrongPassphrase
from core.jobs import run_job
from core.lifecycle.backup import (
    BackupDamaged,
    backup_reminder,
    make_backup_job,
    make_restore_job,
)
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import ChunkRow, RecordingRepo
from core.vault.transcripts import TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import can_mount, tmpfs
from tests.unit.vault.erase_fixtures import KEPT, make_interview

REPO = Path(__file__).resolve().parents[3]


def _content(vault) -> dict:
    from core.audio.source import read_audio
    out = {}
    for iv in InterviewRepo(vault).list():
        audio = [read_audio(vault, r.id) for r in RecordingRepo(vault).for_interview(iv.id)]
        out[iv.participant_code] = {
            "transcripts": [[s.text for s in TranscriptRepo(vault).segments(t.id)]
                            for t in TranscriptRepo(vault).for_interview(iv.id)],
            "audio": [a.tobytes() for a in audio],
            "names": [n.name for n in iv.protected_names],
        }
    return out


@pytest.fixture
def full_vault(vault, noise_wav):
    make_interview(vault, KEPT, noise_wav)
    return vault


def test_backup_then_restore_gives_the_same_interviews_transcripts_and_audio(full_vault, tmp_path):
    out = tmp_path / "stick"
    out.mkdir()
    result = run_job(make_backup_job(full_vault, out))
    assert result.path.parent == out and result.path.name.endswith(".cbak")
    assert list(out.iterdir()) == [result.path]
    before = _content(full_vault)
    assert before[KEPT["code"]]["audio"][0]
    restored = run_job(make_restore_job(result.path, tmp_path / "new", passphrase=PASSPHRASE))
    assert restored.interviews == 1 and restored.vault_id == full_vault.vault_id
    with Vault.open(tmp_path / "new", PASSPHRASE) as again:
        assert _content(again) == before
        hits = again.conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'kumquat'")
        assert hits.fetchone()[0] == 2


def test_restore_with_the_recovery_code(vault_dir, tmp_path, noise_wav):
    v, code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    make_interview(v, KEPT, None)
    out = tmp_path / "stick"
    out.mkdir()
    path = run_job(make_backup_job(v, out)).path
    v.close()
    restored = run_job(make_restore_job(path, tmp_path / "new", recovery_code=code))
    assert restored.interviews == 1


def test_the_backup_file_holds_no_plaintext(full_vault, tmp_path):
    data = run_job(make_backup_job(full_vault, tmp_path)).path.read_bytes()
    for needle in (KEPT["code"], KEPT["name"], "kumquat", "Wendemuth", "CREATE TABLE", "SQLite format 3"):
        assert needle.encode() not in data


def test_wrong_passphrase_restores_nothing(full_vault, tmp_path):
    path = run_job(make_backup_job(full_vault, tmp_path)).path
    with pytest.raises(WrongPassphrase):
        run_job(make_restore_job(path, tmp_path / "new", passphrase="not the passphrase"))
    assert not (tmp_path / "new").exists() or not any((tmp_path / "new").iterdir())


@pytest.mark.parametrize("where", ["header", "keyfile", "pages", "mac"])
def test_a_changed_byte_restores_nothing(full_vault, tmp_path, where):
    path = run_job(make_backup_job(full_vault, tmp_path)).path
    data = bytearray(path.read_bytes())
    at = {"header": 30, "keyfile": data.index(b'"vault_id"', 100) + 14, "pages": len(data) // 2,
          "mac": len(data) - 5}[where]
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises((BackupDamaged, WrongPassphrase)):
        run_job(make_restore_job(path, tmp_path / "new", passphrase=PASSPHRASE))
    assert not (tmp_path / "new" / "vault.json").exists() and not (tmp_path / "new" / "vault.db").exists()


def test_a_cut_file_restores_nothing(full_vault, tmp_path):
    path = run_job(make_backup_job(full_vault, tmp_path)).path
    path.write_bytes(path.read_bytes()[:-4096])
    with pytest.raises(BackupDamaged) as err:
        run_job(make_restore_job(path, tmp_path / "new", passphrase=PASSPHRASE))
    assert "cut short" in err.value.user_message


def test_restore_never_overwrites_a_vault(full_vault, tmp_path):
    path = run_job(make_backup_job(full_vault, tmp_path)).path
    with pytest.raises(VaultExists):
        run_job(make_restore_job(path, full_vault.folder, passphrase=PASSPHRASE))


def test_reminder_when_never_backed_up_or_old(full_vault, tmp_path):
    assert "has been backed up yet" in backup_reminder(full_vault)
    run_job(make_backup_job(full_vault, tmp_path))
    assert backup_reminder(full_vault) == ""
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    assert "8 days ago" in backup_reminder(full_vault, later)
    full_vault.set_setting("backup_reminder_days", "30")
    assert backup_reminder(full_vault, later) == ""


def _grow(vault, megabytes: int) -> None:
    """Random audio-like chunks, so the vault is big enough to kill a backup half-way."""
    iv = InterviewRepo(vault).create("P-5150", "SITE-BULK")
    repo = RecordingRepo(vault)
    rid = repo.create(iv.id, "import").id
    rng = np.random.default_rng(1)
    per = 256 * 1024
    for base in range(0, megabytes * 4, 16):
        repo.add_chunks(rid, [ChunkRow(s, s * 16000, 16000, rng.bytes(per)) for s in range(base, base + 16)])
    repo.finish(rid)


def test_kill_9_during_backup_leaves_the_earlier_backup_and_the_vault_intact(vault_dir, tmp_path):
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    make_interview(v, KEPT, None)
    stick = tmp_path / "stick"
    stick.mkdir()
    earlier = run_job(make_backup_job(v, stick)).path
    _grow(v, 160)
    v.close()
    env = {k: val for k, val in os.environ.items() if not k.startswith("CONFIDANT_")}
    env.update(PYTHONPATH=str(REPO), CONFIDANT_PASSPHRASE=PASSPHRASE)
    child = subprocess.Popen([sys.executable, "-m", "core.cli", "--vault", str(vault_dir), "backup", "--out",
                              str(stick)], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    partial = []
    while time.monotonic() < deadline and child.poll() is None:
        partial = [p for p in stick.iterdir() if p.name.endswith(".partial") and p.stat().st_size > 1 << 20]
        if partial:
            break
        time.sleep(0.001)
    assert partial, "the backup finished before it could be killed; grow the vault"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert [p for p in stick.iterdir() if p.suffix == ".cbak"] == [earlier]
    restored = run_job(make_restore_job(earlier, tmp_path / "from-earlier", passphrase=PASSPHRASE))
    assert restored.interviews == 1
    with Vault.open(vault_dir, PASSPHRASE) as again:
        assert again.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert len(InterviewRepo(again).list()) == 2
        assert again.get_setting("last_backup_at") is not None
        after = run_job(make_backup_job(again, stick))      # the next backup clears the dead partial
    assert not [p for p in stick.iterdir() if p.name.endswith(".partial")]
    assert sorted(p.name for p in stick.iterdir()) == sorted([earlier.name, after.path.name])


@pytest.mark.skipif(not can_mount(), reason="needs root to mount a small tmpfs")
def test_a_full_drive_leaves_the_earlier_backup_and_the_vault_intact(vault_dir, tmp_path):
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    make_interview(v, KEPT, None)
    with tmpfs(tmp_path / "stick", size="8m") as stick:
        earlier = run_job(make_backup_job(v, stick)).path
        _grow(v, 12)
        with pytest.raises(DiskFull) as err:
            run_job(make_backup_job(v, stick))
        assert "Earlier backups and the vault are unchanged" in err.value.user_message
        assert [p.name for p in stick.iterdir()] == [earlier.name]
        assert run_job(make_restore_job(earlier, tmp_path / "r", passphrase=PASSPHRASE)).interviews == 1
    assert v.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert len(InterviewRepo(v).list()) == 2
    v.close()
