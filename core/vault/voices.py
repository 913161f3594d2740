"""An interview's voices and the researcher's voice sample: the repository (the only SQL for them).

A voice vector identifies a person as surely as a face does, so both stay inside the
encrypted vault: nothing here is ever written to a packet, a report or a log. Deleting the
sample deletes its row; the vault's secure_delete zeroes the freed pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.vault.db import Vault, now_iso


@dataclass(frozen=True)
class InterviewVoice:
    voice: str                   # V1, V2, ...
    role: str                    # interviewer | participant
    label: str                   # what people see: "Interviewer", "Participant 2", a renamed label
    is_manual: bool = False      # a person set the role or label: re-runs keep it
    centroid: np.ndarray | None = None
    speech_s: float = 0.0


@dataclass(frozen=True)
class VoiceSample:
    id: int
    created_at: str
    model: str
    vector: np.ndarray
    speech_s: float


def _blob(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype="<f4").tobytes()


def _vector(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<f4").copy()


class VoiceRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    # --- an interview's voices ---------------------------------------------------------------
    def voices(self, interview_id: str) -> list[InterviewVoice]:
        rows = self.vault.conn.execute(
            "SELECT voice, role, label, is_manual, centroid, speech_s FROM interview_voices"
            " WHERE interview_id = ?", (interview_id,)).fetchall()
        out = [InterviewVoice(r[0], r[1], r[2], bool(r[3]), _vector(r[4]), float(r[5])) for r in rows]
        return sorted(out, key=lambda v: int(v.voice[1:]) if v.voice[1:].isdigit() else 999)

    def replace_voices(self, interview_id: str, voices: list[InterviewVoice]) -> None:
        """Store the voices of the interview's current transcript (one transaction)."""
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM interview_voices WHERE interview_id = ?", (interview_id,))
            conn.executemany(
                "INSERT INTO interview_voices (interview_id, voice, role, label, is_manual, centroid, speech_s)"
                " VALUES (?,?,?,?,?,?,?)",
                [(interview_id, v.voice, v.role, v.label, int(v.is_manual), _blob(v.centroid), v.speech_s)
                 for v in voices])

    def set_voice(self, interview_id: str, voice: str, *, role: str | None = None,
                  label: str | None = None) -> None:
        """A person's rename or role change of one voice (kept on re-runs)."""
        with self.vault.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO interview_voices (interview_id, voice) VALUES (?, ?)",
                         (interview_id, voice))
            if role is not None:
                conn.execute("UPDATE interview_voices SET role = ?, is_manual = 1 WHERE interview_id = ?"
                             " AND voice = ?", (role, interview_id, voice))
            if label is not None:
                conn.execute("UPDATE interview_voices SET label = ?, is_manual = 1 WHERE interview_id = ?"
                             " AND voice = ?", (label, interview_id, voice))

    # --- the researcher's voice sample ------------------------------------------------------------
    def sample(self) -> VoiceSample | None:
        r = self.vault.conn.execute(
            "SELECT id, created_at, model, vector, speech_s FROM voice_samples ORDER BY id DESC LIMIT 1").fetchone()
        if r is None:
            return None
        vector = _vector(r[3])
        assert vector is not None
        return VoiceSample(r[0], r[1], r[2], vector, float(r[4]))

    def save_sample(self, *, model: str, vector: np.ndarray, audio_pcm16: bytes, sample_rate_hz: int,
                    speech_s: float) -> VoiceSample:
        """Keep one sample: a new one replaces the old (which is deleted, not hidden)."""
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM voice_samples")
            conn.execute("INSERT INTO voice_samples (created_at, model, vector, audio, sample_rate_hz, speech_s)"
                         " VALUES (?,?,?,?,?,?)", (now_iso(), model, _blob(vector), audio_pcm16,
                                                   sample_rate_hz, speech_s))
        self.vault.audit("voice_sample_saved", {"speech_s": round(speech_s, 1)})
        sample = self.sample()
        assert sample is not None
        return sample

    def delete_sample(self) -> bool:
        """Delete the voice sample (audio and vector); True if there was one."""
        with self.vault.transaction() as conn:
            n = conn.execute("DELETE FROM voice_samples").rowcount
        if n:
            self.vault.audit("voice_sample_deleted", {})
        return bool(n)
