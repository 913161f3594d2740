"""A stereo recording's per-channel levels (one voice per channel): the repository.

Written once by the importer when the channels carry different voices; read by the speaker
step. Levels are loudness over time, not audio; they stay in the vault like the audio does,
and go with the recording when it is deleted (ON DELETE CASCADE, and the erase sweep by
``recording_id``).
"""

from __future__ import annotations

import numpy as np

from core.vault.db import Vault


class ChannelRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def save(self, recording_id: int, levels_db: np.ndarray, frame_ms: int) -> None:
        blob = np.asarray(levels_db, dtype="<f2").reshape(-1, 2).tobytes()
        with self.vault.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO recording_channels (recording_id, frame_ms, levels) VALUES (?,?,?)",
                         (recording_id, frame_ms, blob))

    def levels(self, recording_id: int) -> tuple[np.ndarray, int] | None:
        """(frames x 2 float32 dBFS, frame_ms), or None when the recording has no channel voices."""
        row = self.vault.conn.execute("SELECT levels, frame_ms FROM recording_channels WHERE recording_id = ?",
                                (recording_id,)).fetchone()
        if row is None:
            return None
        return np.frombuffer(row[0], dtype="<f2").astype(np.float32).reshape(-1, 2), int(row[1])
