"""Build interview.json (format confidant-interview/1) from the vault, de-identified.

Segment text comes only from ``core.deid.review.deidentified_segments`` (accepted redactions
applied, off-the-record passages removed). Tags and memos are carried over to the segments
that remain; anything tied to a removed passage is dropped, not moved.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from core import __version__
from core.documents.interview import (
    AppInfo,
    CodebookEntry,
    Consent,
    Deid,
    GuideRef,
    InterviewDoc,
    InterviewMeta,
    Memo,
    Question,
    Segment,
    StudyRef,
    Tag,
)
from core.vault import settings_keys
from core.vault.db import Vault
from core.vault.deid import DeidRepo
from core.vault.guides import GuideRepo
from core.vault.interviews import Interview, InterviewRepo
from core.vault.memos import MemoRepo
from core.vault.tags import TagRepo
from core.vault.themes import ThemeRepo
from core.vault.transcripts import TranscriptRepo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuiltDoc:
    doc: InterviewDoc
    segments: list[Any]   # the DeidSegments, for the VTT


def _consent(iv: Interview) -> Consent:
    if iv.consent is None:
        return Consent("", False)
    return Consent(iv.consent.method, bool(iv.consent.witnessed_by.strip()))


def _guide_parts(vault: Vault, interview_id: str
                 ) -> tuple[GuideRef, list[Question], list[str], str]:
    stored = GuideRepo(vault).for_interview(interview_id)
    if stored is None:
        return GuideRef("", "", ""), [], [], ""
    guide = stored.guide
    questions = [Question(q.id, q.text, guide.section_of(q.id).title) for q in guide.questions()]
    return (GuideRef(guide.id, str(guide.version), guide.title), questions,
            [t.id for t in guide.themes], guide.language)


def _codebook(vault: Vault, theme_ids: list[str]) -> list[CodebookEntry]:
    """The vault's codebook entries for the given ids (the researcher's labels win)."""
    by_id = {t.id: t for t in ThemeRepo(vault).list(include_merged=True)}
    out = []
    for tid in dict.fromkeys(theme_ids):
        t = by_id.get(tid)
        out.append(CodebookEntry(tid, t.label if t else tid, (t.description or "") if t else "",
                                 t.parent if t else None))
    return out


def _tags(vault: Vault, interview_id: str, index_of: dict[int, Any]) -> list[Tag]:
    themes = ThemeRepo(vault)
    out = []
    for tag in TagRepo(vault).list(interview_id, state="accepted"):
        seg = index_of.get(tag.segment_id)
        if seg is None:  # its passage was removed (off the record)
            continue
        try:
            code = themes.resolve(tag.code_id)
        except Exception:  # noqa: BLE001 - a theme deleted from the codebook keeps its id
            code = tag.code_id
        start = end = None
        if tag.start_char is not None and tag.end_char is not None:
            start, end = seg.offset_map(tag.start_char), seg.offset_map(tag.end_char)
        out.append(Tag(seg.index, code, start, end, tag.source))
    return out


def _mask_known_names(text: str, names: list[str], placeholder: str) -> str:
    for name in sorted(names, key=len, reverse=True):
        if name.strip():
            text = re.sub(rf"(?<!\w){re.escape(name.strip())}(?:'s)?(?!\w)", placeholder, text,
                          flags=re.IGNORECASE)
    return text


def _memos(vault: Vault, iv: Interview, index_of: dict[int, Any]) -> list[Memo]:
    """Shared memos, with identifiers masked: a memo is free text the detector never reviewed."""
    memos = [m for m in MemoRepo(vault).list(iv.id, shared_only=True)
             if m.segment_id is None or m.segment_id in index_of]
    if not memos:
        return []
    from core.deid import review
    from core.deid.detect import detect
    names = [p.name for p in iv.protected_names]
    workplaces = InterviewRepo(vault).workplace_names()
    # Who is [PERSON 1] is known from the review: use the same placeholders in memos.
    pseudonyms = sorted(review.pseudonym_map(vault, iv.id), key=lambda p: len(p.original), reverse=True)
    out = []
    for memo in memos:
        text = memo.text
        for p in pseudonyms:
            if p.original.strip():
                text = re.sub(rf"(?<!\w){re.escape(p.original.strip())}(?!\w)", p.placeholder, text,
                              flags=re.IGNORECASE)
        for f in sorted(detect(text, names=names, workplaces=workplaces), key=lambda f: f.start, reverse=True):
            text = text[:f.start] + f"[{f.entity_type}]" + text[f.end:]
        text = _mask_known_names(_mask_known_names(text, names, "[PERSON]"), workplaces, "[WORKPLACE]")
        seg = index_of.get(memo.segment_id) if memo.segment_id is not None else None
        out.append(Memo(seg.index if seg is not None else None, text))
    return out


def _study(vault: Vault) -> StudyRef | None:
    """The joined study, carried inside the encryption so the coordinator files it there."""
    sid = vault.get_setting(settings_keys.STUDY_ID)
    return StudyRef(sid, int(vault.get_setting(settings_keys.STUDY_VERSION) or "1")) if sid else None


def build_interview_doc(vault: Vault, interview_id: str, packet_id: str,
                        supersedes: str | None) -> BuiltDoc:
    """interview.json for one interview; the caller has checked the sign-off."""
    from core.deid import review
    iv = InterviewRepo(vault).get(interview_id)
    segments = review.deidentified_segments(vault, interview_id)
    index_of = {s.segment_id: s for s in segments}
    guide, questions, guide_themes, guide_language = _guide_parts(vault, interview_id)
    tags = _tags(vault, interview_id, index_of)
    transcript = TranscriptRepo(vault).current(interview_id)
    deid = DeidRepo(vault)
    signoff = deid.latest_signoff(interview_id)
    redactions = Counter(r.entity_type for r in deid.redactions(interview_id, "accepted"))
    doc = InterviewDoc(
        packet_id=packet_id, supersedes=supersedes,
        interview=InterviewMeta(iv.participant_code, iv.site, iv.interview_date[:7],
                                (transcript.language if transcript else "") or guide_language or "en",
                                _consent(iv)),
        guide=guide,
        codebook=tuple(_codebook(vault, guide_themes + [t.theme for t in tags])),
        questions=tuple(questions),
        segments=tuple(Segment(s.index, s.question_id, s.speaker or "", int(s.start_ms), int(s.end_ms),
                               s.text) for s in segments),
        tags=tuple(tags),
        memos=tuple(_memos(vault, iv, index_of)),
        deid=Deid(signoff.signed_at if signoff else "", tuple(sorted(redactions.items()))),
        app=AppInfo("confidant", __version__),
        study=_study(vault),
    )
    log.info("interview doc built interview=%s segments=%d tags=%d", interview_id, len(segments), len(tags))
    return BuiltDoc(doc, segments)
