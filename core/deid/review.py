"""Review and sign-off: detection proposes, the researcher decides, a sign-off seals the text.

Flow: ``make_detect_job`` scans the current transcript and files proposals (never touching a
decision a person made); the researcher accepts, rejects or adds redactions; ``sign_off``
records a SHA-256 over the segment texts and every decision. Any later edit of the text or of
a decision changes that hash, so the sign-off no longer holds (``is_signed_off`` recomputes
it; it is not a flag someone could forget to clear). ``deidentified_segments`` is what may
leave the laptop: accepted redactions replaced by placeholders, off-record segments gone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from core.deid.detect import detect, learned_problem
from core.deid.findings import PLACE_NOTE_SOURCE, Finding, is_place_note
from core.deid.names import NameMatcher
from core.deid.pseudonyms import PseudonymBook
from core.deid.redact import Replacement, apply
from core.errors import (
    Msg,
    NotFound,
    NotSignedOff,
    ReviewIncomplete,
    ScanNeeded,
    SecondLookFlags,
    SpanInvalid,
)
from core.jobs import CancelToken, Progress, ReportFn
from core.vault.db import Vault
from core.vault.deid import DeidRepo, NewRedaction, Pseudonym, Redaction, SignOff
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo

log = logging.getLogger(__name__)

_CHUNK_SEGMENTS = 40            # segments per detection call (progress and cancel between)
_JOINER = "\n\n"                # between segments in one call: no pattern crosses a blank line

__all__ = [
    "DeidSegment",
    "Redaction",
    "SignOff",
    "accept",
    "accept_all",
    "add",
    "deidentified_segments",
    "is_signed_off",
    "list_redactions",
    "make_detect_job",
    "pseudonym_map",
    "quasi_identifier_messages",
    "quasi_identifier_warnings",
    "reject",
    "require_signoff",
    "sign_off",
]


@dataclass(frozen=True)
class DeidSegment:
    segment_id: int
    index: int                       # position among the exported segments (0, 1, 2...)
    start_ms: int
    end_ms: int
    speaker: str
    question_id: str | None
    text: str                        # de-identified
    offset_map: Callable[[int], int]  # original character offset -> offset in ``text``


# --- hashing -----------------------------------------------------------------------------
def _text_sha256(segments: list[Segment]) -> str:
    data = [[s.id, s.text, bool(s.off_record)] for s in segments]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def _signoff_sha256(segments: list[Segment], redactions: list[Redaction]) -> str:
    decisions = [[r.id, r.segment_id, r.start_char, r.end_char, r.entity_type, r.placeholder, r.state]
                 for r in sorted(redactions, key=lambda r: r.id)]
    payload = json.dumps([_text_sha256(segments), decisions], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def _segments(vault: Vault, interview_id: str) -> list[Segment]:
    InterviewRepo(vault).get(interview_id)  # NotFound for a wrong id
    transcripts = TranscriptRepo(vault)
    return transcripts.segments(transcripts.require_current(interview_id).id)


def _book(vault: Vault, repo: DeidRepo, interview_id: str) -> PseudonymBook:
    """The interview's placeholders, new ones worded in its language ([PERSONA 1]; 0133)."""
    from core.deid.placeholder_words import words_for
    return PseudonymBook(((p.entity_type, p.original, p.placeholder) for p in repo.pseudonyms(interview_id)),
                         words=words_for(interview_language(vault, interview_id), vault))


def interview_language(vault: Vault, interview_id: str) -> str:
    """The language detection reads the interview in: the transcript's, else the guide's, else
    English ("es" for any Spanish variant; other languages get English NER plus our bilingual
    rules, which is the closest we have)."""
    transcript = TranscriptRepo(vault).current(interview_id)
    lang = (transcript.language if transcript is not None else "") or ""
    if not lang:
        iv = InterviewRepo(vault).get(interview_id)
        if iv.guide_pk is not None:
            from core.vault.guides import GuideRepo
            try:
                lang = GuideRepo(vault).get(iv.guide_pk).guide.language or ""
            except NotFound:
                lang = ""
    return "es" if lang.lower().startswith("es") else "en"


_VAULT_NAMES_MAX = 5000  # names from other interviews: plenty for a study, bounded for speed


def language_note(vault: Vault, interview_id: str) -> Msg | None:
    """A sentence for the researcher when the transcript reads as the other language than
    the one detection uses (the guide's or the transcript's), else None."""
    from core.deid.people import guess_language
    text = " ".join(s.text for s in _segments(vault, interview_id) if not s.off_record)
    used = interview_language(vault, interview_id)
    guessed = guess_language(text)
    if guessed is None or guessed == used:
        return None
    names = {"en": Msg("transcription.language_en"), "es": Msg("transcription.language_es")}
    return Msg("deid.language_note", guessed=names[guessed], used=names[used])


def _names(vault: Vault, interview_id: str) -> tuple[list[tuple[str, str]], list[str]]:
    """This interview's protected names (with their roles), then the names protected in every
    other interview of the vault (as persons): a supervisor listed by one participant is the
    same person when another participant mentions her without listing her."""
    repo = InterviewRepo(vault)
    names = [(p.name, p.role) for p in repo.get(interview_id).protected_names]
    mine = {n.lower() for n, _ in names}
    rows = vault.conn.execute("SELECT DISTINCT name FROM protected_names WHERE interview_id != ? ORDER BY name",
                              (interview_id,)).fetchall()
    for (name,) in rows[:_VAULT_NAMES_MAX]:
        if name.strip() and name.lower() not in mine:
            names.append((name, "person"))
            mine.add(name.lower())
    return names, repo.workplace_names()


# --- keeping spans on the text they were made for ----------------------------------------
def _relocate(text: str, r: Redaction) -> tuple[int, int] | None:
    """Where the redaction's original text is now (nearest occurrence), or None if gone."""
    if text[r.start_char:r.end_char] == r.original:
        return r.start_char, r.end_char
    spots = [m.start() for m in re.finditer(re.escape(r.original), text)]
    if not spots:
        return None
    best = min(spots, key=lambda s: abs(s - r.start_char))
    return best, best + len(r.original)


def _refresh_spans(repo: DeidRepo, interview_id: str, by_id: dict[int, Segment]) -> list[Redaction]:
    """Move redactions whose text moved after an edit; drop proposals whose text is gone."""
    stale: list[int] = []
    for r in repo.redactions(interview_id):
        seg = by_id.get(r.segment_id)
        where = _relocate(seg.text, r) if seg is not None else None
        if where is None:
            if r.state == "proposed" or seg is None:
                stale.append(r.id)
        elif where != (r.start_char, r.end_char):
            repo.move(r.id, *where)
    if stale:
        repo.delete(stale)
    return repo.redactions(interview_id)


# --- detection ---------------------------------------------------------------------------
_LISTED = ("name_list", "workplace_list")  # core.deid.names: exact matches of the lists


def make_detect_job(vault: Vault, interview_id: str) -> Callable[[ReportFn, CancelToken], int]:
    """A job that scans the current transcript and files proposals; returns how many are new."""

    def job(report: ReportFn, cancel: CancelToken) -> int:
        started = time.monotonic()
        segments = _segments(vault, interview_id)
        names, workplaces = _names(vault, interview_id)
        repo = DeidRepo(vault)
        by_id = {s.id: s for s in segments if s.id is not None}
        existing = _refresh_spans(repo, interview_id, by_id)
        book = _book(vault, repo, interview_id)
        matcher = NameMatcher(names, workplaces)
        language = interview_language(vault, interview_id)
        # Off-record segments are removed entirely on export; scanning them would only file
        # their names in the pseudonym map.
        todo = [s for s in segments if not s.off_record and s.text.strip()]
        report(Progress(0, len(todo), "Looking for names and numbers"))
        findings: list[tuple[Segment, Finding]] = []
        for first in range(0, len(todo), _CHUNK_SEGMENTS):
            cancel.raise_if_cancelled()
            chunk = todo[first:first + _CHUNK_SEGMENTS]
            findings += _detect_chunk(chunk, matcher, language)
            report(Progress(first + len(chunk), len(todo), "Looking for names and numbers"))
        findings += _echoes(todo, findings, _vault_people(vault, interview_id), language)
        findings += _nickname_echoes(todo, findings, language)
        taken: dict[int, list[tuple[int, int]]] = {}
        for r in existing:
            taken.setdefault(r.segment_id, []).append((r.start_char, r.end_char))
        new: list[NewRedaction] = []
        for seg, f in findings:
            spans = taken.setdefault(seg.id or 0, [])
            if any(f.start < e and s < f.end for s, e in spans):
                continue  # a person already decided about this stretch of text
            spans.append((f.start, f.end))
            placeholder = book.placeholder(f.entity_type, f.canonical or f.text, f.label)
            # A name the researcher listed, found as written, is hidden from the start: they
            # already said so (issue 16). Guesses (cued, misspelt, Presidio) stay to decide.
            state = "accepted" if f.recognizer in _LISTED else "proposed"
            source = "auto"
            if is_place_note(f.entity_type):
                # A town or country named alone stays in the text, shown as kept: the researcher
                # hides or generalises it where it narrows who spoke (decision 0195).
                state, source = "rejected", PLACE_NOTE_SOURCE
            new.append(NewRedaction(seg.id or 0, f.start, f.end, f.entity_type, f.text, placeholder,
                                    round(f.score, 3), source=source, state=state))
        for entity_type, key, placeholder in book.added:
            repo.add_pseudonym(interview_id, entity_type, key, placeholder)
        repo.add_redactions(interview_id, new)
        repo.record_scan(interview_id, _text_sha256(segments), len(findings))
        vault.audit("deid_scanned", {"interview": interview_id, "proposed": len(new),
                                     "segments": len(todo)})
        log.info("deid scan interview=%s language=%s segments=%d new=%d in %.2f s", interview_id, language,
                 len(todo), len(new), time.monotonic() - started)
        problem = learned_problem()
        if problem is not None:
            # The rules' proposals are filed; the person must hear that the learned tagger
            # did not run (decision 0236), so the job fails with that message.
            raise problem
        return len(new)

    return job


def _vault_people(vault: Vault, interview_id: str) -> set[str]:
    """Full names hidden as persons in the vault's other interviews (decision 0150): one
    participant says "Maureen Holloway", another only "holloway"."""
    from core.deid.echo import full_names
    from core.deid.findings import ENTITY_TYPES
    fixed = [t for t in ENTITY_TYPES if t != "PERSON"]
    rows = vault.conn.execute(
        "SELECT DISTINCT original FROM redactions WHERE interview_id != ? AND state = 'accepted' "
        f"AND entity_type NOT IN ({','.join('?' * len(fixed))}) AND original LIKE '% %' LIMIT ?",
        (interview_id, *fixed, _VAULT_NAMES_MAX)).fetchall()
    return full_names(Finding(0, len(o), "PERSON", o, 1.0, "vault") for (o,) in rows)


def _echoes(todo: list[Segment], findings: list[tuple[Segment, Finding]], known: set[str],
            language: str) -> list[tuple[Segment, Finding]]:
    """Lone parts of every full name found anywhere in the interview (each chunk already
    echoed its own) or known to the vault, in every segment."""
    from core.deid.echo import echo_people, full_names
    names = full_names(f for _, f in findings) | known
    if not names:
        return []
    spans: dict[int, list[tuple[int, int]]] = {}
    for seg, f in findings:
        spans.setdefault(id(seg), []).append((f.start, f.end))
    return [(seg, f) for seg in todo for f in echo_people(seg.text, names, spans.get(id(seg), ()), language)]


def _nickname_echoes(todo: list[Segment], findings: list[tuple[Segment, Finding]],
                     language: str) -> list[tuple[Segment, Finding]]:
    """A nickname given in one chunk of the interview ("le decimos el gordo") in every other
    segment (each chunk already found its own mentions; decision 0218)."""
    from core.deid.nicknamed import nickname_mentions
    nicks = {f.canonical for _, f in findings if f.recognizer == "nickname_cue"}
    if not nicks:
        return []
    spans: dict[int, list[tuple[int, int]]] = {}
    for seg, f in findings:
        spans.setdefault(id(seg), []).append((f.start, f.end))
    return [(seg, f) for seg in todo for f in nickname_mentions(seg.text, nicks, spans.get(id(seg), ()), language)]


def _detect_chunk(chunk: list[Segment], matcher: NameMatcher, language: str = "en") -> list[tuple[Segment, Finding]]:
    """Detect in several segments at once (one spaCy call), then split findings back."""
    text: list[str] = []
    starts: list[int] = []
    pos = 0
    for seg in chunk:
        starts.append(pos)
        text.append(seg.text)
        pos += len(seg.text) + len(_JOINER)
    joined = _JOINER.join(text)
    out: list[tuple[Segment, Finding]] = []
    for f in detect(joined, matcher=matcher, language=language):
        for seg, base in zip(chunk, starts):
            end_of_seg = base + len(seg.text)
            if base <= f.start < end_of_seg:
                lo, hi = f.start - base, min(f.end, end_of_seg) - base
                out.append((seg, Finding(lo, hi, f.entity_type, seg.text[lo:hi], f.score, f.recognizer,
                                         f.canonical, f.label)))
                break
    return out


# --- decisions ---------------------------------------------------------------------------
def list_redactions(vault: Vault, interview_id: str, state: str | None = None) -> list[Redaction]:
    return DeidRepo(vault).redactions(interview_id, state)


def _decided(vault: Vault, interview_id: str, event: str, count: int) -> None:
    DeidRepo(vault).void_signoffs(interview_id)
    vault.audit(event, {"interview": interview_id, "count": count})


SECOND_LOOK = "second_look"  # the source of a redaction filed by the second look


def accept_all(vault: Vault, interview_id: str) -> int:
    """Accept every proposal of the first pass; returns how many. Second-look flags are left:
    each needs its own decision (decision 0108)."""
    repo = DeidRepo(vault)
    flags = [r for r in repo.redactions(interview_id, "proposed") if r.source == SECOND_LOOK]
    if not flags:
        n = repo.set_state_where(interview_id, "proposed", "accepted")
    else:
        todo = [r for r in repo.redactions(interview_id, "proposed") if r.source != SECOND_LOOK]
        for r in todo:
            repo.set_state(r.id, "accepted")
        n = len(todo)
    _decided(vault, interview_id, "deid_accepted", n)
    return n


def accept(vault: Vault, redaction_id: int) -> None:
    repo = DeidRepo(vault)
    r = repo.redaction(redaction_id)
    repo.set_state(redaction_id, "accepted")
    _decided(vault, r.interview_id, "deid_accepted", 1)


def reject(vault: Vault, redaction_id: int) -> None:
    repo = DeidRepo(vault)
    r = repo.redaction(redaction_id)
    repo.set_state(redaction_id, "rejected")
    _decided(vault, r.interview_id, "deid_rejected", 1)


def add(vault: Vault, interview_id: str, segment_id: int, start: int, end: int,
        entity_type: str) -> Redaction:
    """A redaction the researcher marks by hand (accepted at once)."""
    segments = {s.id: s for s in _segments(vault, interview_id)}
    seg = segments.get(segment_id)
    if seg is None:
        raise NotFound(Msg("deid.segment_not_interview_current", segment_id=segment_id),
                       Msg("deid.segment_not_interview_current.hint"))
    if not 0 <= start < end <= len(seg.text):
        raise SpanInvalid()
    entity_type = re.sub(r"[^A-Z0-9_-]", "", entity_type.upper().replace(" ", "-")) or "PERSON"
    repo = DeidRepo(vault)
    book = _book(vault, repo, interview_id)
    original = seg.text[start:end]
    label = ""
    if entity_type == "DATE":
        from core.deid.dates import dates
        found = dates(original)
        label = found[0].label if found else ""
    placeholder = book.placeholder(entity_type, original, label)
    for etype, key, ph in book.added:
        repo.add_pseudonym(interview_id, etype, key, ph)
    (rid,) = repo.add_redactions(interview_id, [NewRedaction(
        segment_id, start, end, entity_type, original, placeholder, None, source="manual", state="accepted")])
    _decided(vault, interview_id, "deid_added", 1)
    return repo.redaction(rid)


def pseudonym_map(vault: Vault, interview_id: str) -> list[Pseudonym]:
    """Who is who (for the researcher only; never exported)."""
    return DeidRepo(vault).pseudonyms(interview_id)


# --- sign-off ----------------------------------------------------------------------------
def sign_off(vault: Vault, interview_id: str, signed_by: str = "") -> SignOff:
    """Seal the current text and decisions. Refused if the text changed since the last scan or
    any proposal is undecided."""
    segments = _segments(vault, interview_id)
    repo = DeidRepo(vault)
    scan = repo.last_scan(interview_id)
    if scan is None or scan.text_sha256 != _text_sha256(segments):
        raise ScanNeeded()
    redactions = _refresh_spans(repo, interview_id, {s.id: s for s in segments if s.id is not None})
    undecided = sum(1 for r in redactions if r.state == "proposed")
    if undecided:
        raise ReviewIncomplete(Msg("deid.proposed_redaction_not_accepted", undecided=undecided))
    flags = second_look(vault, interview_id)
    if flags:
        _file_flags(vault, interview_id, flags)
        raise SecondLookFlags(Msg("deid.second_look_de_identified", count=len(flags)))
    redactions = repo.redactions(interview_id)
    signoff = repo.add_signoff(interview_id, _signoff_sha256(segments, redactions), signed_by)
    InterviewRepo(vault).advance_state(interview_id, "reviewed")
    vault.audit("deid_signed_off", {"interview": interview_id, "signoff": signoff.id,
                                    "redactions": sum(1 for r in redactions if r.state == "accepted")})
    return signoff


def is_signed_off(vault: Vault, interview_id: str) -> bool:
    """True only if the latest sign-off covers exactly the current text and decisions."""
    repo = DeidRepo(vault)
    latest = repo.latest_signoff(interview_id)
    if latest is None or latest.is_void:
        return False
    transcripts = TranscriptRepo(vault)
    current = transcripts.current(interview_id)
    if current is None:
        return False
    segments = transcripts.segments(current.id)
    if latest.text_sha256 != _signoff_sha256(segments, repo.redactions(interview_id)):
        repo.void_signoffs(interview_id)
        vault.audit("deid_signoff_voided", {"interview": interview_id, "signoff": latest.id})
        return False
    return True


def require_signoff(vault: Vault, interview_id: str) -> SignOff:
    """The valid sign-off, or ``NotSignedOff``; ``SecondLookFlags`` if the second look finds
    anything nobody decided on (the packet writer calls this right before it builds a packet)."""
    if not is_signed_off(vault, interview_id):
        raise NotSignedOff()
    flags = second_look(vault, interview_id)
    if flags:
        raise SecondLookFlags(Msg("deid.second_look_de_identified_2", count=len(flags)),
                              Msg("deid.second_look_de_identified_2.hint"))
    latest = DeidRepo(vault).latest_signoff(interview_id)
    assert latest is not None
    return latest


# --- the second look ---------------------------------------------------------------------
@dataclass(frozen=True)
class Flag:
    segment_id: int
    start: int
    end: int
    entity_type: str
    original: str
    reason: str


def second_look(vault: Vault, interview_id: str) -> list[Flag]:
    """What in the de-identified text still looks like a person, an address or a number
    sequence and has no decision yet (see ``core.deid.gate``)."""
    from core.deid.gate import second_look as look
    from core.deid.gate import tagger_band
    segments = [s for s in _segments(vault, interview_id) if not s.off_record and s.text.strip()]
    names, workplaces = _names(vault, interview_id)
    matcher = NameMatcher(names, workplaces)
    language = interview_language(vault, interview_id)
    by_segment: dict[int, list[Redaction]] = {}
    for r in DeidRepo(vault).redactions(interview_id):
        by_segment.setdefault(r.segment_id, []).append(r)
    flags: list[Flag] = []
    for seg in segments:
        mine = by_segment.get(seg.id or 0, [])
        hidden, decided = [], []
        for r in mine:
            where = _relocate(seg.text, r)
            if where is None:
                continue
            decided.append(where)
            if r.state == "accepted":
                hidden.append((where[0], where[1], r.placeholder))
        for s in look(seg.text, hidden, decided, lambda t: detect(t, matcher=matcher, language=language),
                      band=tagger_band(seg.text, matcher, language)):
            flags.append(Flag(seg.id or 0, s.start, s.end, s.entity_type, s.text, s.reason))
    log.info("second look interview=%s segments=%d flags=%d", interview_id, len(segments), len(flags))
    return flags


def _file_flags(vault: Vault, interview_id: str, flags: list[Flag]) -> None:
    repo = DeidRepo(vault)
    book = _book(vault, repo, interview_id)
    new = [NewRedaction(f.segment_id, f.start, f.end, f.entity_type, f.original,
                        book.placeholder(f.entity_type, f.original), None, source=SECOND_LOOK)
           for f in flags]
    for entity_type, key, placeholder in book.added:
        repo.add_pseudonym(interview_id, entity_type, key, placeholder)
    repo.add_redactions(interview_id, new)
    repo.void_signoffs(interview_id)
    vault.audit("deid_second_look", {"interview": interview_id, "flags": len(flags)})


# --- what leaves -------------------------------------------------------------------------
def deidentified_segments(vault: Vault, interview_id: str) -> list[DeidSegment]:
    """Segments as they may leave the laptop: accepted redactions applied, off-record removed."""
    segments = _segments(vault, interview_id)
    accepted: dict[int, list[Redaction]] = {}
    for r in DeidRepo(vault).redactions(interview_id, "accepted"):
        accepted.setdefault(r.segment_id, []).append(r)
    out: list[DeidSegment] = []
    for seg in segments:
        if seg.off_record:
            continue
        replacements = []
        for r in accepted.get(seg.id or 0, []):
            where = _relocate(seg.text, r)
            if where is not None:
                replacements.append(Replacement(where[0], where[1], r.placeholder))
        text, offsets = apply(seg.text, replacements)
        out.append(DeidSegment(seg.id or 0, len(out), seg.start_ms, seg.end_ms, seg.speaker,
                               seg.question_id, text, offsets))
    return out


def redaction_counts(vault: Vault, interview_id: str) -> dict[str, int]:
    """Accepted redactions per entity type (for the packet's "deid" block)."""
    counts: dict[str, int] = {}
    for r in DeidRepo(vault).redactions(interview_id, "accepted"):
        counts[r.entity_type] = counts.get(r.entity_type, 0) + 1
    return dict(sorted(counts.items()))


def quasi_identifier_messages(vault: Vault, interview_id: str) -> list[Msg]:
    """Combinations of details that together could point at one person (see ``core.deid.quasi``)."""
    from core.deid.quasi import warning_messages
    return warning_messages([(s.index, s.text) for s in deidentified_segments(vault, interview_id)])


def quasi_identifier_warnings(vault: Vault, interview_id: str) -> list[str]:
    """``quasi_identifier_messages`` in English."""
    return [m.render() for m in quasi_identifier_messages(vault, interview_id)]

