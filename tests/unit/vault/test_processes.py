"""Real child processes: a second opener gets VaultInUse; kill -9 mid-write loses nothing committed."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from core.errors import VaultInUse
from core.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import python_child

HOLDER = """
import sys
from core.vault import Vault
v = Vault.open(sys.argv[1], sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
v.close()
"""

# Writes an interview and a transcript per transaction and reports each commit.
WRITER = """
import sys
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo
v = Vault.open(sys.argv[1], sys.argv[2])
interviews, transcripts = InterviewRepo(v), TranscriptRepo(v)
i = 0
while True:
    iv = interviews.create(f"P-{i:04d}", "SITE-K")
    transcripts.create(iv.id, [Segment(j * 1000, j * 1000 + 900, f"segment {j} of {i} " * 20)
                               for j in range(30)])
    v.set_setting("blob", "x" * 50000)
    print(i, flush=True)
    i += 1
"""


@pytest.fixture
def closed_vault(vault_dir):
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    return vault_dir


def test_second_process_gets_vault_in_use(closed_vault):
    child = python_child(HOLDER, str(closed_vault), PASSPHRASE)
    try:
        assert child.stdout.readline().strip() == "open", child.stderr.read()
        with pytest.raises(VaultInUse) as err:
            Vault.open(closed_vault, PASSPHRASE)
        assert "Close the other window" in err.value.hint
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=30)
    assert child.returncode == 0
    Vault.open(closed_vault, PASSPHRASE).close()


def test_lock_is_released_when_the_holder_is_killed(closed_vault):
    child = python_child(HOLDER, str(closed_vault), PASSPHRASE)
    assert child.stdout.readline().strip() == "open"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    Vault.open(closed_vault, PASSPHRASE).close()


def test_second_opener_in_same_process_gets_vault_in_use(vault):
    with pytest.raises(VaultInUse):
        Vault.open(vault.folder, PASSPHRASE)


def test_kill_9_during_writes_keeps_the_vault_consistent(closed_vault):
    rng = random.Random(20240501)
    before = 0  # interviews in the vault before this run's writer started
    for _run in range(6):
        child = python_child(WRITER, str(closed_vault), PASSPHRASE)
        committed = -1
        deadline = time.monotonic() + 30
        wanted = rng.randint(2, 8)
        while committed < wanted and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"writer died: {child.stderr.read()}")
            committed = int(line)
        time.sleep(rng.uniform(0.0, 0.3))  # land somewhere inside the next transaction
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        for line in child.stdout.read().split():  # commits reported before the kill
            committed = int(line)
        with Vault.open(closed_vault, PASSPHRASE) as v:
            conn = v.conn
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            n_interviews = conn.execute("SELECT count(*) FROM interviews WHERE site='SITE-K'").fetchone()[0]
            # Every commit the writer reported is there (a process crash loses nothing that was
            # committed); at most the one in flight may also have landed.
            assert before + committed + 1 <= n_interviews <= before + committed + 2
            before = n_interviews
            # Each interview's transcript is complete or absent, never half written.
            partial = conn.execute(
                "SELECT count(*) FROM transcripts t WHERE (SELECT count(*) FROM segments s"
                " WHERE s.transcript_id = t.id) NOT IN (0, 30)").fetchone()[0]
            assert partial == 0
            fts = conn.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'segment'").fetchone()[0]
            assert fts == conn.execute("SELECT count(*) FROM segments").fetchone()[0]
            from core.vault import auditlog
            assert auditlog.verify(conn).ok
