"""Helpers for packet tests: make a sealed packet from plain parts, without a vault."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from core.packets import format as fmt
from core.packets.keys import encode_device_key, fingerprint
from core.packets.payload import pack
from core.packets.seal import seal


@dataclass
class Device:
    secret: Ed25519PrivateKey
    public: str

    @classmethod
    def new(cls) -> Device:
        sk = Ed25519PrivateKey.generate()
        return cls(sk, encode_device_key(sk.public_key().public_bytes_raw()))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)


@dataclass
class Coordinator:
    identity: str
    recipient: str

    @classmethod
    def new(cls) -> Coordinator:
        from pyrage import x25519
        ident = x25519.Identity.generate()
        return cls(str(ident), str(ident.to_public()))


def interview_doc(packet_id: str, supersedes: str | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": fmt.INTERVIEW_FORMAT, "packet_id": packet_id, "supersedes": supersedes,
                           "interview": {"code": "P-001", "site": "SITE-A", "month": "2024-05",
                                         "language": "en", "consent": {"method": "verbal", "witnessed": False}},
                           "guide": {"id": "job-quality", "version": "1", "title": "Job quality"},
                           "codebook": [], "questions": [], "segments": [], "tags": [], "memos": [],
                           "deid": {"signed_off_at": "2024-05-02T10:00:00+00:00", "redactions": {}},
                           "app": {"name": "confidant", "version": "test"}}
    doc.update(extra)
    return doc


def make_packet(device: Device, recipients: list[str], *, packet_id: str | None = None,
                supersedes: str | None = None, files: dict[str, bytes] | None = None) -> bytes:
    packet_id = packet_id or fmt.new_packet_id()
    parts = {"interview.json": json.dumps(interview_doc(packet_id, supersedes)).encode(),
             "summary.pdf": b"%PDF-1.4\n%%EOF\n", "transcript.vtt": b"WEBVTT\n"}
    parts.update(files or {})
    data, _header = seal(pack(parts, packet_id, supersedes), recipients=recipients, signer=device.secret.sign,
                         device_fingerprint=device.fingerprint, packet_id=packet_id, supersedes=supersedes)
    return data


# --- a researcher's interview, ready to export ------------------------------------------------
PROTECTED = ["Maria Delgado", "Kevin"]
WORKPLACE = "Riverside Foods"
PLANTED = ["Maria", "Delgado", "Kevin", "Riverside Foods", "217-555-0143", "maria.delgado@example.com",
           "1420 Oak Street"]

OFF_RECORD_TEXT = "Off the record, the night manager takes money from the tip jar."
LINES = [
    ("interviewer", "current_job", "Tell me about your current job."),
    ("participant", "current_job", "I pack boxes at Riverside Foods, my supervisor Kevin runs the line."),
    ("participant", "current_job", "Kevin changes the schedule every week and nobody tells us."),
    ("participant", "previous_job", "Before that I was with Maria Delgado at the bakery, Maria was fair."),
    ("participant", "previous_job", "you can call me at 217-555-0143 or write maria.delgado@example.com"),
    ("participant", "satisfaction", "I live at 1420 Oak Street so the bus takes an hour, pay is low."),
    ("participant", None, "kevin's brother also works the night shift there."),
]


def make_interview(vault, n_repeats: int = 1):
    """An interview with a guide, a transcript full of identifiers, tags and a shared memo."""
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.memos import MemoRepo
    from core.vault.tags import TagRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    guides = GuideRepo(vault)
    guides.ensure_defaults()
    guide = guides.resolve("job-quality")
    repo = InterviewRepo(vault)
    iv = repo.create("P-007", "SITE-B", guide_pk=guide.pk, interview_date="2024-05-02",
                     consent=Consent("verbal", "2024-05-02T09:00:00+00:00", witnessed_by="A. Witness"))
    for name in PROTECTED:
        repo.add_protected_name(iv.id, name)
    repo.add_workplace_name(WORKPLACE)
    segments = []
    for rep in range(n_repeats):
        for i, (speaker, qid, text) in enumerate(LINES):
            start = (rep * len(LINES) + i) * 5000
            segments.append(Segment(start, start + 4800, text, speaker=speaker, question_id=qid))
    # An off-the-record passage, with a tag and a shared memo on it: none of it may leave.
    segments.append(Segment(len(segments) * 5000, len(segments) * 5000 + 4800, OFF_RECORD_TEXT,
                            speaker="participant", question_id="satisfaction", off_record=True))
    TranscriptRepo(vault).create(iv.id, segments, language="en")
    stored = TranscriptRepo(vault).current_segments(iv.id)
    tags_off = TagRepo(vault)
    tags_off.add_manual(iv.id, stored[-1].id, "voice")
    MemoRepo(vault).add(iv.id, "Off the record bit about the tip jar.", segment_id=stored[-1].id, is_shared=True)
    tags = TagRepo(vault)
    tags.add_manual(iv.id, stored[1].id, "current_job_experience")
    tags.add_manual(iv.id, stored[2].id, "leadership_power", 0, 5)
    tags.add_manual(iv.id, stored[5].id, "job_satisfaction")
    MemoRepo(vault).add(iv.id, "Participant seemed worried about Kevin hearing of this.",
                        segment_id=stored[2].id, is_shared=True)
    MemoRepo(vault).add(iv.id, "Private note: call Maria back.", is_shared=False)
    return iv


def review_and_sign(vault, interview_id: str, *, second_look: str = "hide") -> None:
    """Detect, accept every proposal and sign off; what the export gate's second look flags is
    hidden (``second_look="hide"``, the cautious default) or marked fine (``"fine"``, for
    synthetic text known to hold no identifier)."""
    from core.deid import review
    from core.errors import SecondLookFlags
    from core.jobs import run_job
    run_job(review.make_detect_job(vault, interview_id))
    review.accept_all(vault, interview_id)
    try:
        review.sign_off(vault, interview_id)
    except SecondLookFlags:  # the export gate: hide each flag, as a careful researcher would
        decide = review.accept if second_look == "hide" else review.reject
        for r in review.list_redactions(vault, interview_id, "proposed"):
            if r.source == review.SECOND_LOOK:
                decide(vault, r.id)
        review.sign_off(vault, interview_id)
