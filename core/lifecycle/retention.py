"""Apply the retention rule: delete the audio that is past its date, with the same proof as a
deletion (decision 0139). Transcripts stay; each take removed is logged as
``audio_retention_deleted`` (ids only) and checked in the file pages afterwards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.jobs import CancelToken, Progress, ReportFn
from core.lifecycle.delete import DeleteResult, finish_erase, take_needles
from core.vault import Vault
from core.vault.erase import erase_recording
from core.vault.retention import AudioDue, audio_past_due


@dataclass(frozen=True)
class RetentionResult:
    interviews: int
    takes: int
    results: tuple[DeleteResult, ...]


def make_apply_retention_job(vault: Vault, now: dt.datetime | None = None):  # -> Job[RetentionResult]
    """Delete every take whose keep-until date has passed (and nothing else)."""
    def job(report: ReportFn, cancel: CancelToken) -> RetentionResult:
        due = audio_past_due(vault, now)
        takes = [(d, rid) for d in due for rid in d.recording_ids]
        results = []
        for n, (item, rid) in enumerate(takes):
            cancel.raise_if_cancelled()
            report(Progress(n, len(takes), "Deleting audio past its date"))
            needles = take_needles(vault, rid)
            counts = erase_recording(vault, rid, event="audio_retention_deleted",
                                     extra={"because": item.because})
            results.append(finish_erase(vault, counts, needles, lambda _p: None,
                                   {"interview": item.interview_id, "recording": rid}))
        report(Progress(len(takes), len(takes) or 1, "Done"))
        return RetentionResult(len(due), len(takes), tuple(results))
    return job


def reminder(vault: Vault, now: dt.datetime | None = None) -> str:
    due: list[AudioDue] = audio_past_due(vault, now)
    if not due:
        return ""
    return (f"The audio of {len(due)} interview(s) is past the date your retention rule keeps it. "
            "Delete it now (Settings, Retention) — the transcripts stay.")
