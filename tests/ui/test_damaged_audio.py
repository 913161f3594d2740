"""A damaged page in a real vault file: the Transcript tab says what audio was lost, in plain
words from core, and typing up still works on the rest (decision 0157, issue 22)."""

from __future__ import annotations

import numpy as np
import pytest

from core.audio import codec
from core.vault import Vault
from core.vault.guides import GuideRepo
from core.vault.interviews import Consent, InterviewRepo
from core.vault.recordings import ChunkRow, RecordingRepo
from core.vault.transcripts import TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle
from tests.unit.audio.test_damaged_pages import PAGE, _damage

CHUNK = 16000


def _damaged_vault(folder, signal: np.ndarray) -> str:
    """A closed researcher vault with one interview whose recording has one damaged chunk."""
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    guide = GuideRepo(v).ensure_defaults()[0]
    iv = InterviewRepo(v).create("P-001", "SITE-A", guide_pk=guide.pk,
                                 consent=Consent("verbal", "2025-01-01T10:00", "", True))
    repo = RecordingRepo(v)
    rec = repo.create(iv.id, "import", codec="pcm16")
    n = len(signal) // CHUNK
    repo.add_chunks(rec.id, [ChunkRow(i, i * CHUNK, CHUNK, codec.encode(signal[i * CHUNK:(i + 1) * CHUNK], "pcm16"))
                             for i in range(n)])
    repo.finish(rec.id)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    v.close()
    db = folder / "vault.db"
    _damage(db, db.stat().st_size // PAGE - 20)  # inside the audio: one chunk's pages
    return iv.id


def test_intact_audio_says_nothing(qtbot, researcher_window, jfk_signal):
    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    repo = RecordingRepo(vault)
    rec = repo.create(iid, "import", codec="pcm16")
    repo.add_chunks(rec.id, [ChunkRow(i, i * CHUNK, CHUNK, codec.encode(jfk_signal[i * CHUNK:(i + 1) * CHUNK],
                                                                        "pcm16")) for i in range(3)])
    repo.finish(rec.id)
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    assert not window.transcript.damage.isVisible() and window.transcript.damage.text() == ""


@pytest.mark.slow
def test_damaged_take_is_said_and_the_rest_types_up(qtbot, tmp_path, shown_errors, answers, files, jfk_signal):
    folder = tmp_path / "vault"
    iid = _damaged_vault(folder, jfk_signal)
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    try:
        window.open_interview(iid, 1)
        wait_idle(qtbot)
        note = window.transcript.damage
        assert note.isVisible()
        text = note.text()
        assert text.startswith("Take 1 (recording ")
        assert "1.0 s of this 11.0 s recording could not be read (at 0:" in text
        assert "the rest of the recording is kept" in text and "backup" in text
        assert not shown_errors  # no error dialog, no traceback

        window.transcript.transcribe_button.click()
        wait_idle(qtbot, 300000)
        assert not shown_errors, shown_errors
        vault = window.ctx.session.vault
        current = TranscriptRepo(vault).current(iid)
        assert current is not None
        words = " ".join(s.text for s in TranscriptRepo(vault).segments(current.id)).split()
        assert len(words) >= 8, words   # the ten seconds that read back are typed up
        assert window.transcript.widgets
        assert note.isVisible() and "could not be read" in note.text()  # still said after typing up
    finally:
        stop_everything(qtbot, window)


def test_the_damage_is_said_in_the_interface_language(qtbot, tmp_path, shown_errors, answers, files,
                                                      jfk_signal, spanish):
    folder = tmp_path / "vault"
    iid = _damaged_vault(folder, jfk_signal)
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    try:
        window.open_interview(iid, 1)
        wait_idle(qtbot)
        note = window.transcript.damage
        assert note.isVisible()
        assert note.text().startswith("Toma 1 (grabación ")
        assert "No se pudieron leer 1.0 s de esta grabación de 11.0 s (en 0:" in note.text()
    finally:
        stop_everything(qtbot, window)
