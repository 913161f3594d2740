"""Crash recovery: close recordings that a crash or power cut left open.

Runs inside every unlock (``Vault.open`` and ``open_with_recovery_code``), so the CLI's
every command, the desktop's unlock, the audit and backups all see the same thing; the
vault's folder lock guarantees no other process is writing. Everything up to the last
committed chunk is kept; the recording's total becomes exactly what its chunks hold and its
state becomes 'recovered'.
"""

from __future__ import annotations

import logging

from core.vault.db import Vault
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo

log = logging.getLogger(__name__)


def recover_unfinished(vault: Vault) -> list[int]:
    """Mark every recording still in state 'recording' as 'recovered'; returns their ids."""
    repo = RecordingRepo(vault)
    recovered = []
    for rec in repo.unfinished():
        repo.finish(rec.id, "recovered", "interrupted")
        samples = repo.committed_samples(rec.id)
        vault.audit("recording_recovered", {"recording": rec.id, "interview": rec.interview_id,
                                            "samples": samples})
        log.info("recording %d recovered with %d samples", rec.id, samples)
        recovered.append(rec.id)
    for rec_id in recovered:
        rec = repo.get(rec_id)
        if rec.total_samples > 0:
            InterviewRepo(vault).advance_state(rec.interview_id, "recorded")
    return recovered
