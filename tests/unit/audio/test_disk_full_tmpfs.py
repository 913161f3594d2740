"""A really full disk (a 1 MB tmpfs, root only): the recording stops cleanly, committed audio stays."""

from __future__ import annotations

import subprocess
import time

import numpy as np
import pytest

from core.audio.capture import Recorder
from core.audio.fake import fake_input_factory
from core.audio.recovery import recover_unfinished
from core.audio.source import read_audio
from core.errors import DiskFull
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.vaultfiles import can_mount, tmpfs
from tests.unit.audio.conftest import noise


@pytest.mark.skipif(not can_mount(), reason="mounting a small tmpfs needs root")
def test_full_tmpfs_stops_recording_and_keeps_committed_audio(tmp_path):
    mnt = tmp_path / "small"
    with tmpfs(mnt, size="1m"):
        v, _ = Vault.create(mnt / "vault", PASSPHRASE, kdf=FAST_KDF)
        iid = InterviewRepo(v).create("P-001", "SITE-A").id
        sig = noise(120.0, seed=3)   # noise does not compress: ~32 kB a second
        rec = Recorder(v, iid, stream_factory=fake_input_factory(sig, speed=50))
        rec.start()
        deadline = time.monotonic() + 60
        while rec.is_recording and time.monotonic() < deadline:
            time.sleep(0.05)
        assert isinstance(rec.error, DiskFull)
        rid = rec.stop()
        committed = RecordingRepo(v).committed_samples(rid)
        assert committed >= 5 * 16000 and committed % 16000 == 0
        np.testing.assert_array_equal(read_audio(v, rid), sig[:committed])
        v.close()
        # The person frees space; at the next unlock everything committed is there, intact.
        subprocess.run(["mount", "-o", "remount,size=16m", str(mnt)], check=True)
        with Vault.open(mnt / "vault", PASSPHRASE) as v2:
            recover_unfinished(v2)
            r = RecordingRepo(v2).get(rid)
            assert r.state in ("failed", "recovered") and r.total_samples == committed
            assert v2.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            np.testing.assert_array_equal(read_audio(v2, rid), sig[:committed])
