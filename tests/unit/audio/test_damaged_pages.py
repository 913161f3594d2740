"""A damaged page in vault.db: the second it holds reads as silence, the rest still reads.

SQLCipher returns a page that fails its HMAC as zeros and fails only the next read, so these
tests flip real bytes in a real vault file and check what a person would get back.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import Counter

import numpy as np
import pytest

from core.audio import codec
from core.audio.source import check_recording, read_audio, waveform_overview
from core.cli.audio_cmds import recording_info
from core.errors import AudioDamaged, VaultCorrupt
from core.messages import render
from core.vault.db import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import ChunkRow, RecordingRepo
from tests.conftest import PASSPHRASE
from tests.unit.audio.conftest import noise
from tests.unit.cli.test_vault_cli import cli

PAGE = 4096
N_CHUNKS = 6
CHUNK = 16000


def _damage(path, page: int) -> None:
    data = bytearray(path.read_bytes())
    data[page * PAGE + 200: page * PAGE + 216] = os.urandom(16)
    path.write_bytes(bytes(data))


@pytest.fixture(params=["pcm16", "flac"])
def recorded(vault, interview, request):
    """A closed vault holding one recording of noise (noise fills the pages: no compression)."""
    sig = noise(N_CHUNKS, seed=3)
    repo = RecordingRepo(vault)
    rec = repo.create(interview.id, "import", codec=request.param)
    repo.add_chunks(rec.id, [ChunkRow(i, i * CHUNK, CHUNK, codec.encode(sig[i * CHUNK:(i + 1) * CHUNK],
                                                                        request.param))
                             for i in range(N_CHUNKS)])
    repo.finish(rec.id)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.close()
    return vault.folder, rec.id, sig


def test_damaged_chunk_reads_as_silence_and_the_rest_is_exact(recorded, caplog):
    folder, rid, sig = recorded
    db = folder / "vault.db"
    n_pages = db.stat().st_size // PAGE
    # The chunks are the last rows written, so their pages sit at the end of the file; this
    # one is inside the audio, well clear of the table's leaf pages at the very end.
    _damage(db, n_pages - 20)
    with Vault.open(folder, PASSPHRASE) as v, caplog.at_level(logging.WARNING, "core.audio.source"):
        got = read_audio(v, rid)
        assert len(got) == len(sig)
        silent = [i for i in range(N_CHUNKS) if not np.any(got[i * CHUNK:(i + 1) * CHUNK])]
        assert len(silent) == 1
        for i in set(range(N_CHUNKS)) - set(silent):
            np.testing.assert_array_equal(got[i * CHUNK:(i + 1) * CHUNK], sig[i * CHUNK:(i + 1) * CHUNK])
        assert f"recording {rid}: 1 damaged chunks" in caplog.text
        peaks = waveform_overview(v, rid, N_CHUNKS)
        assert peaks[silent[0]] == 0 and all(peaks[i] > 0.3 for i in range(N_CHUNKS) if i != silent[0])
        # This thread's own connection is not left failing every later read.
        assert InterviewRepo(v).list()[0].participant_code == "P-001"


def _silent(got: np.ndarray) -> list[tuple[int, int]]:
    return [(i * CHUNK, (i + 1) * CHUNK) for i in range(N_CHUNKS) if not np.any(got[i * CHUNK:(i + 1) * CHUNK])]


def _merged(spans):
    out: list[tuple[int, int]] = []
    for a, b in spans:
        out = out[:-1] + [(out[-1][0], b)] if out and out[-1][1] == a else out + [(a, b)]
    return out


def test_damaged_pages_listing_the_chunks_lose_only_the_chunks_on_them(recorded):
    """The last pages hold the table's rows that list the chunks: the chunks are found through
    the indexes instead and read one by one (before, the whole recording was AudioDamaged)."""
    folder, rid, sig = recorded
    db = folder / "vault.db"
    n_pages = db.stat().st_size // PAGE
    for page in range(n_pages - 8, n_pages):  # the last chunks and the leaf pages listing them
        _damage(db, page)
    with Vault.open(folder, PASSPHRASE) as v:
        lost: list[tuple[int, int]] = []
        got = read_audio(v, rid, lost=lost)
        assert len(got) == len(sig)
        silent = _silent(got)
        assert 0 < len(silent) <= N_CHUNKS // 2  # most of the recording is kept
        for i in range(N_CHUNKS):
            if (i * CHUNK, (i + 1) * CHUNK) not in silent:
                np.testing.assert_array_equal(got[i * CHUNK:(i + 1) * CHUNK], sig[i * CHUNK:(i + 1) * CHUNK])
        assert lost == _merged(silent)  # what was lost is said, exactly
        check = check_recording(v, rid)
        assert check.lost == tuple(lost) and check.seconds_lost == len(silent) * CHUNK / 16000
        text = render(check.message(), "en")
        assert text.startswith(f"{check.seconds_lost:.1f} s of this 6.0 s recording could not be read (at 0:0")
        assert "the rest of the recording is kept" in text
        assert "No se pudieron leer" in render(check.message(), "es")
        takes = recording_info(v, InterviewRepo(v).list()[0].id, check=True)
        assert takes[0]["seconds_lost"] == check.seconds_lost and takes[0]["damage"] == check.message()


def test_a_recording_damaged_anywhere_is_read_without_a_traceback(recorded, tmp_path):
    """Every page of a small vault holding one recording, damaged in turn: the vault says it is
    damaged in plain words, or the recording reads back whole-length with exactly the seconds it
    reports lost silent and every other second exact."""
    folder, rid, sig = recorded
    original = (folder / "vault.db").read_bytes()
    outcomes: Counter[str] = Counter()
    for page in range(len(original) // PAGE):
        copy = tmp_path / f"copy-{page}"
        shutil.copytree(folder, copy)
        _damage(copy / "vault.db", page)
        try:
            with Vault.open(copy, PASSPHRASE) as v:
                lost: list[tuple[int, int]] = []
                got = read_audio(v, rid, lost=lost)
        except (VaultCorrupt, AudioDamaged) as exc:
            assert exc.hint
            outcomes[type(exc).__name__] += 1
            continue
        finally:
            shutil.rmtree(copy)
        assert len(got) == len(sig), page
        silent = _silent(got)
        assert lost == _merged(silent), page
        for i in range(N_CHUNKS):
            if (i * CHUNK, (i + 1) * CHUNK) not in silent:
                np.testing.assert_array_equal(got[i * CHUNK:(i + 1) * CHUNK], sig[i * CHUNK:(i + 1) * CHUNK])
        outcomes["all kept" if not silent else "lost 1" if len(silent) == 1 else "lost more"] += 1
    assert outcomes["lost 1"] >= N_CHUNKS  # each chunk's own pages lose that second only
    assert outcomes["AudioDamaged"] == 0


def test_audio_info_check_says_what_was_lost_in_seconds(recorded):
    folder, _rid, _sig = recorded
    with Vault.open(folder, PASSPHRASE) as v:
        iid = InterviewRepo(v).list()[0].id
    intact = cli("--vault", str(folder), "audio", "info", iid, "--check")
    assert intact.returncode == 0, intact.stderr
    assert "all 6.0 s can be read" in intact.stdout
    db = folder / "vault.db"
    _damage(db, db.stat().st_size // PAGE - 20)  # inside the audio: one chunk's pages
    damaged = cli("--vault", str(folder), "audio", "info", iid, "--check")
    assert damaged.returncode == 0 and "Traceback" not in damaged.stderr
    assert "1.0 s of this 6.0 s recording could not be read (at 0:0" in damaged.stdout
    assert "the rest of the recording is kept" in damaged.stdout
    spanish = cli("--vault", str(folder), "--language", "es", "audio", "info", iid, "--check")
    assert "No se pudieron leer 1.0 s de esta grabación de 6.0 s" in spanish.stdout, spanish.stderr
