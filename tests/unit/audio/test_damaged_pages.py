"""A damaged page in vault.db: the second it holds reads as silence, the rest still reads.

SQLCipher returns a page that fails its HMAC as zeros and fails only the next read, so these
tests flip real bytes in a real vault file and check what a person would get back.
"""

from __future__ import annotations

import logging
import os

import numpy as np
import pytest

from core.audio import codec
from core.audio.source import read_audio, waveform_overview
from core.errors import AudioDamaged, CoreError
from core.vault.db import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import ChunkRow, RecordingRepo
from tests.conftest import PASSPHRASE
from tests.unit.audio.conftest import noise

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


def test_unreadable_chunk_list_is_a_core_error_with_a_hint(recorded):
    folder, rid, _sig = recorded
    db = folder / "vault.db"
    n_pages = db.stat().st_size // PAGE
    for page in range(n_pages - 8, n_pages):  # the last chunks and the leaf pages listing them
        _damage(db, page)
    with Vault.open(folder, PASSPHRASE) as v:
        with pytest.raises(AudioDamaged) as err:
            read_audio(v, rid)
        assert isinstance(err.value, CoreError) and err.value.hint
        assert "backup" in err.value.hint
