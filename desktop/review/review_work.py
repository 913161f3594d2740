"""What the review tab asks of the core (plain functions run inside jobs; no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.vault.interviews import InterviewRepo
from core.vault.transcripts import TranscriptRepo


@dataclass
class ReviewData:
    code: str = ""
    interview_date: str = ""
    segments: list = field(default_factory=list)        # original, on the record
    deidentified: list = field(default_factory=list)    # DeidSegment
    redactions: list = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)    # Msg: what could point at someone
    is_signed_off: bool = False
    has_scan: bool = False
    recipients: int = 0


def load(vault: Any, interview_id: str) -> ReviewData:
    from core.deid import review
    from core.packets import keys
    iv = InterviewRepo(vault).get(interview_id)
    data = ReviewData(code=iv.participant_code, interview_date=iv.interview_date)
    data.segments = [s for s in TranscriptRepo(vault).current_segments(interview_id) if not s.off_record]
    data.recipients = len(keys.list_recipients(vault))
    if not data.segments:
        return data  # nothing typed up yet: nothing to review
    data.redactions = review.list_redactions(vault, interview_id)
    data.has_scan = bool(data.redactions) or _has_scan(vault, interview_id)
    data.deidentified = review.deidentified_segments(vault, interview_id)
    data.warnings = review.quasi_identifier_messages(vault, interview_id)  # Msgs: the view says them
    data.is_signed_off = review.is_signed_off(vault, interview_id)
    data.recipients = len(keys.list_recipients(vault))
    return data


def _has_scan(vault: Any, interview_id: str) -> bool:
    from core.vault.deid import DeidRepo
    return DeidRepo(vault).last_scan(interview_id) is not None


def decide(vault: Any, redaction_id: int, accept: bool) -> None:
    from core.deid import review
    (review.accept if accept else review.reject)(vault, redaction_id)


def accept_all(vault: Any, interview_id: str) -> None:
    from core.deid import review
    review.accept_all(vault, interview_id)


def add(vault: Any, interview_id: str, segment_id: int, start: int, end: int, entity_type: str) -> None:
    from core.deid import review
    review.add(vault, interview_id, segment_id, start, end, entity_type)


def sign_off(vault: Any, interview_id: str) -> None:
    from core.deid import review
    review.sign_off(vault, interview_id)


def packet_name(code: str, interview_date: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", code)
    return f"confidant-{safe}-{interview_date}.cpkt"


def export_job(vault: Any, interview_id: str, out_path: Path):
    from core.packets.writer import make_export_job
    job = make_export_job(vault, interview_id, out_path)

    def save_copy(report: Any, cancel: Any) -> tuple[Any, str]:
        from core.packets import keys
        info = job(report, cancel)
        words = keys.fingerprint_words(keys.device_public_key(vault))
        return info, words
    return save_copy
