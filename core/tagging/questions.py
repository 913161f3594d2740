"""Question alignment of a whole transcript, with or without markers, and speaker marking.

Pure functions over segments (no vault): ``core.tagging.service`` reads and writes them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from core.guide.model import Guide
from core.tagging import asking
from core.tagging.align import (
    ASK_THRESHOLD,
    SNAP_AFTER_MS,
    SNAP_BEFORE_MS,
    Boundary,
    Unit,
    ask_scores,
    split_at_time,
    split_segment,
    units_of,
)
from core.tagging.embed import Embedder
from core.tagging.text import is_question_like, sentences
from core.tagging.unmarked import asking_form, split_plain, unmarked_scores, viterbi_places
from core.vault.transcripts import Segment

# A question-like sentence scoring this against the current question or its probes is the
# interviewer asking (probes and follow-ups included).
SPEAKER_THRESHOLD = 0.45
# Flag on segments whose speaker was worked out here (so a later run may work it out again).
SPEAKER_AUTO = "speaker_auto"
_MIN_SPLIT_WORDS = 3
# A sentence just before an asking sentence, scoring this for the same question, is its lead-in.
LEAD_IN_THRESHOLD = 0.12
# A voice whose share of asking sentences is under this part of the most-asking voice's is a
# participant's when the alignment looks for questions (decision 0221).
VOICE_ASKING_SHARE = 0.5


@dataclass
class Alignment:
    """Segments (possibly split) with question_id, question_score and speaker filled in."""

    segments: list[Segment]
    method: str                       # "markers" | "wording" | "none"
    placed: dict[str, float] = field(default_factory=dict)  # question id -> confidence
    splits: int = 0
    unit_vectors: np.ndarray | None = None


def boundaries_from_markers(markers: Sequence[Any], guide: Guide,
                            sample_rate_hz: int = 16000) -> list[Boundary]:
    """``next_question`` markers as boundaries; a marker without a question id takes the
    guide's next question after the previous marker's."""
    qids = [q.id for q in guide.questions()]
    out: list[Boundary] = []
    last = -1
    for m in sorted((m for m in markers if getattr(m, "kind", "") == "next_question"),
                    key=lambda m: m.sample_offset):
        qid = getattr(m, "question_id", None)
        if qid not in qids:
            qid = qids[last + 1] if last + 1 < len(qids) else None
        if qid is None:
            continue
        last = qids.index(qid)
        out.append(Boundary(int(m.sample_offset * 1000 // sample_rate_hz), qid))
    return out


def _unit_time(seg: Segment, unit: Unit) -> int:
    n_before = len(seg.text[:unit.start_char].split())
    if seg.words and len(seg.words) == len(seg.text.split()) and n_before < len(seg.words):
        return seg.words[n_before].start_ms
    frac = unit.start_char / max(1, len(seg.text))
    return int(seg.start_ms + frac * (seg.end_ms - seg.start_ms))


def snap_boundaries(segments: Sequence[Segment], units: Sequence[Unit], scores: np.ndarray,
                    boundaries: list[Boundary], guide: Guide) -> list[Boundary]:
    """Move each marker to where its question was asked, if that is found close by.

    People press "next question" a little before or after asking; answer words between the
    press and the asking would otherwise land under the wrong question.
    """
    qindex = {q.id: i for i, q in enumerate(guide.questions())}
    times = [_unit_time(segments[u.segment], u) for u in units]
    out: list[Boundary] = []
    for k, b in enumerate(boundaries):
        lo = max(b.start_ms - SNAP_BEFORE_MS, out[-1].start_ms + 1 if out else 0)
        hi = b.start_ms + SNAP_AFTER_MS
        if k + 1 < len(boundaries):
            hi = min(hi, boundaries[k + 1].start_ms - 1)
        qi = qindex[b.question_id]
        best, best_t = ASK_THRESHOLD, None
        for ui, t in enumerate(times):
            if lo <= t <= hi and scores[ui, qi] > best and is_question_like(units[ui].text):
                best, best_t = float(scores[ui, qi]), t
        out.append(replace(b, start_ms=best_t) if best_t is not None else b)
    return out


def align_with_markers(segments: Sequence[Segment], boundaries: list[Boundary], guide: Guide,
                       embedder: Embedder | None = None) -> Alignment:
    """Markers decide; segments straddling one are split at the word timings."""
    # Unpunctuated text: a question glued onto an answer starts its own unit, so a marker
    # pressed late can still snap back to it (decision 0206).
    units = split_plain(units_of(segments))
    uv = embedder.encode([u.text for u in units]) if embedder is not None and units else None
    scores = ask_scores(units, guide.questions(), embedder, uv, [s.speaker for s in segments])
    boundaries = snap_boundaries(segments, units, scores, boundaries, guide)
    out: list[Segment] = []
    splits = 0
    for seg in segments:
        pending = [seg]
        for b in boundaries:
            tail = pending[-1]
            if tail.start_ms < b.start_ms < tail.end_ms:
                parts = split_at_time(tail, b.start_ms)
                if parts is not None:
                    pending[-1:] = list(parts)
                    splits += 1
        out.extend(pending)
    for i, seg in enumerate(out):
        mid = (seg.start_ms + seg.end_ms) / 2
        current = [b for b in boundaries if b.start_ms <= mid]
        out[i] = replace(seg, question_id=current[-1].question_id if current else None,
                         question_score=1.0 if current else None)
    result = Alignment(out, "markers", {b.question_id: 1.0 for b in boundaries}, splits)
    mark_speakers(result, guide, embedder)
    return result


def wording_inputs(segments: Sequence[Segment], guide: Guide, embedder: Embedder | None
                   ) -> tuple[list[Unit], list[str], list[str], list[str], np.ndarray, np.ndarray | None]:
    """What alignment without markers reads: the units (sentences, unpunctuated stretches cut
    at question openers), their texts, speakers (roles; with voices but no roles, a voice that
    asks far less than another is the participant's, decision 0221), voices, wording scores
    and sentence vectors."""
    units = split_plain(units_of(segments))
    uv = embedder.encode([u.text for u in units]) if embedder is not None and units else None
    texts = [u.text for u in units]
    speakers = [segments[u.segment].speaker for u in units]
    voices = [segments[u.segment].voice for u in units]
    if not any(speakers):
        # Voices known (diarization) but no roles yet: the voices that do not ask ask nothing.
        roles = roles_by_asking(voices, texts)
        speakers = [roles.get(v, "") for v in voices]
    wording = ask_scores(units, guide.questions(), embedder, uv, form=False)
    return units, texts, speakers, voices, wording, uv


def align_by_wording(segments: Sequence[Segment], guide: Guide,
                     embedder: Embedder | None = None) -> Alignment:
    """Find where each question was asked from the wording (paraphrases and skips allowed)."""
    questions = guide.questions()
    units, texts, speakers, voices, wording, uv = wording_inputs(segments, guide, embedder)
    if embedder is not None and uv is not None:
        scores = asking.asked_probabilities(texts, speakers, wording, uv, guide, embedder, voices)
        places = viterbi_places(scores, threshold=asking.PLACE_THRESHOLD, back_penalty=asking.BACK_PENALTY,
                                skip_penalty=asking.SKIP_PENALTY)
        places = asked_once(opening_places(places), scores, min_score=asking.PLACE_THRESHOLD)
    else:  # no sentence model: 0034's hand-weighted evidence
        scores = unmarked_scores(texts, speakers, wording, uv, guide, embedder)
        places = viterbi_places(scores)
    out, anchors, splits = segments_from_places(segments, units, scores, places, guide)
    placed = {questions[qi].id: round(score, 3) for _ui, qi, score in anchors}
    plain_split = len(units) != sum(len(sentences(s.text)) for s in segments)
    result = Alignment(out, "wording", placed, splits, uv if not (splits or plain_split) else None)
    mark_speakers(result, guide, embedder)
    return result


def segments_from_places(segments: Sequence[Segment], units: Sequence[Unit], scores: np.ndarray,
                         places: Sequence[tuple[int, int, float]], guide: Guide
                         ) -> tuple[list[Segment], list[tuple[int, int, float]], int]:
    """The segments with ``question_id`` and ``question_score`` set from the places found (split
    so that each asking sentence starts its own segment), the anchors (places widened over
    their lead-ins) and the number of splits."""
    questions = guide.questions()
    anchors = [(_turn_start(units, scores, ui, qi), qi, sc) for ui, qi, sc in places]
    # Split segments so that each asking sentence starts (and ends) its own segment.
    cuts: dict[int, set[int]] = {}
    for ui, _qi, _score in anchors:
        u = units[ui]
        seg = segments[u.segment]
        if u.start_char > 0 and len(seg.text[:u.start_char].split()) >= _MIN_SPLIT_WORDS:
            cuts.setdefault(u.segment, set()).add(u.start_char)
        if len(seg.text[u.end_char:].split()) >= _MIN_SPLIT_WORDS:
            cuts.setdefault(u.segment, set()).add(u.end_char)
    anchor_at: dict[int, list[tuple[int, str, float]]] = {}
    for ui, qi, score in anchors:
        anchor_at.setdefault(units[ui].segment, []).append((units[ui].start_char, questions[qi].id, score))

    def starting(si: int, lo: int, hi: int) -> tuple[str, float] | None:
        inside = [(q, sc) for c, q, sc in anchor_at.get(si, []) if lo <= c < hi]
        return inside[-1] if inside else None

    out: list[Segment] = []
    starts: list[tuple[str, float] | None] = []  # the question starting in each output segment
    splits = 0
    for si, seg in enumerate(segments):
        offsets = sorted(cuts.get(si, ()))
        base, rest = 0, seg
        for off in offsets:
            if off <= base:  # the cut falls on spaces already dropped at the previous one
                continue
            before = rest
            left, rest = split_segment(rest, off - base)
            out.append(left)
            starts.append(starting(si, base, off))
            # The right part starts without the spaces at the cut: later offsets count from there.
            base, splits = off + len(before.text) - (off - base) - len(rest.text), splits + 1
        out.append(rest)
        starts.append(starting(si, base, len(seg.text) + 1))
    current: tuple[str, float] | None = None
    for i, seg in enumerate(out):
        if starts[i] is not None:
            current = starts[i]
        out[i] = replace(seg, question_id=current[0] if current else None,
                         question_score=round(current[1], 3) if current else None)
    return out, anchors, splits


def roles_by_asking(voices: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """Per voice, before any question is placed: "participant" for a voice that asks far less
    than the voice asking most (its sentences then ask no guide question), "" for the rest (the
    scorer decides among their sentences: an interviewer also chats and follows up, and a pair of
    interviewers share the asking). Empty with fewer than two voices (decision 0221)."""
    asking: dict[str, float] = {}
    spoken: dict[str, int] = {}
    for voice, text in zip(voices, texts):
        if voice:
            spoken[voice] = spoken.get(voice, 0) + 1
            asking[voice] = asking.get(voice, 0.0) + (1.0 if asking_form(text) >= 0.9 else 0.0)
    if len(spoken) < 2:
        return {}
    share = {v: asking[v] / spoken[v] for v in spoken}
    top = max(share.values())
    if top <= 0.0:
        return {}
    return {v: "" if s >= VOICE_ASKING_SHARE * top else "participant" for v, s in share.items()}


# A repeat of a question placed earlier stays that question unless its best free question
# scores at least this share of the repeat's own score there (decision 0254).
REPEAT_KEEP_SHARE = 0.25
# The transcript's first question is placed from its clearest asking: a weaker place of it up to
# this many units before one at least twice as strong was chat or consent (decision 0254).
OPENING_UNITS = 8


def opening_places(places: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Drop the weak leading places of the transcript's first question ("okay it's recording
    i think", "can you hear me okay?" read as "tell me about your job") when the same question
    is placed again soon after at least twice as strongly: that later place is where it was
    asked, and the chat before it asked nothing (decision 0254)."""
    if not places:
        return places
    first_q = places[0][1]
    run = list(itertools.takewhile(lambda p: p[1] == first_q, places))
    drop = 0
    for k, (u, _qi, score) in enumerate(run):
        if any(v - u <= OPENING_UNITS and s >= 2 * score for v, _q, s in run[k + 1:]):
            drop = k + 1
        else:
            break
    return places[drop:]


def asked_once(places: list[tuple[int, int, float]], scores: np.ndarray,
               min_score: float = 0.0, keep_share: float = REPEAT_KEEP_SHARE) -> list[tuple[int, int, float]]:
    """A guide question is asked once (with its probes): when the same question is placed in
    two stretches apart, the weaker stretch was either another question worded alike ("¿Qué
    haces en el almacén?" read as motivation's "¿Qué te hace seguir?"), which takes its best
    question not placed anywhere else (decision 0205), or the same question asked again later
    ("so going back to your supervisor"): it stays that question when no free question scores
    at least ``keep_share`` of its own score there (decision 0254). The first stretch of the
    transcript, when even that question scores under ``min_score`` there, asked nothing: it
    was chat before the first question ("alright we're good"), and its place is dropped
    (decision 0222)."""
    runs: list[list[int]] = []                     # indices into places, one run per asking
    for k, (_u, qi, _s) in enumerate(places):
        if runs and places[runs[-1][-1]][1] == qi:
            runs[-1].append(k)
        else:
            runs.append([k])
    by_q: dict[int, list[list[int]]] = {}
    for run in runs:
        by_q.setdefault(places[run[0]][1], []).append(run)
    out: list[tuple[int, int, float] | None] = list(places)
    used = {qi for _u, qi, _s in places}
    for qi, q_runs in by_q.items():
        if len(q_runs) < 2:
            continue
        keep = max(q_runs, key=lambda r: max(places[k][2] for k in r))
        for run in q_runs:
            if run is keep:
                continue
            u0 = places[run[0]][0]
            free = [q for q in np.argsort(-scores[u0]) if int(q) not in used]
            if not free:
                continue
            alt = int(free[0])
            if run[0] == 0 and float(scores[u0, alt]) < min_score:
                for k in run:
                    out[k] = None
                continue
            if float(scores[u0, alt]) < keep_share * max(places[k][2] for k in run):
                continue  # asked again: the same question
            used.add(alt)
            for k in run:
                out[k] = (places[k][0], alt, float(scores[places[k][0], alt]))
    return [p for p in out if p is not None]


def _turn_start(units: Sequence[Unit], scores: np.ndarray, ui: int, qi: int) -> int:
    """Widen an asking sentence back over the lead-in of the same turn ("So, to start, walk me
    through your job. What's a usual day?"): earlier sentences of the segment that lean
    towards the same question belong to the asking, not to the previous answer."""
    while (ui > 0 and units[ui - 1].segment == units[ui].segment
           and scores[ui - 1, qi] >= LEAD_IN_THRESHOLD and scores[ui - 1, qi] >= scores[ui - 1].max() * 0.8):
        ui -= 1
    return ui


def mark_speakers(alignment: Alignment, guide: Guide, embedder: Embedder | None = None) -> None:
    """Mark question-asking segments as the interviewer's and the rest as the participant's.

    Speakers already set (an imported transcript's labels, a person's correction) stay.
    """
    segments = alignment.segments
    todo = [i for i, s in enumerate(segments) if not s.speaker]
    if not todo:
        return
    sub = [segments[i] for i in todo]
    units = units_of(sub)
    scores = ask_scores(units, guide.questions(), embedder)
    qindex = {q.id: i for i, q in enumerate(guide.questions())}
    # Where the alignment starts a question (a marker, or the sentence it was found in): an
    # asking sentence there is the interviewer's even when worded unlike the guide ("What's
    # your coordinator like with you guys?"), decision 0206.
    starts = {k for k, i in enumerate(todo) if segments[i].question_id is not None
              and (i == 0 or segments[i - 1].question_id != segments[i].question_id)}
    asked_chars: dict[int, int] = {}
    for ui, u in enumerate(units):
        if u.segment in starts and (is_question_like(u.text) or asking_form(u.text) >= 0.9):
            asked_chars[u.segment] = asked_chars.get(u.segment, 0) + (u.end_char - u.start_char)
            continue
        if not is_question_like(u.text):
            continue
        own = sub[u.segment].question_id
        near = [qindex[own]] if own in qindex else list(range(len(qindex)))
        if own in qindex and qindex[own] + 1 < len(qindex):
            near.append(qindex[own] + 1)
        if scores.shape[1] and float(scores[ui, near].max()) >= SPEAKER_THRESHOLD:
            asked_chars[u.segment] = asked_chars.get(u.segment, 0) + (u.end_char - u.start_char)
    by_voice = _interviewer_voice(sub, asked_chars)
    for k, i in enumerate(todo):
        seg = segments[i]
        if by_voice is not None and seg.voice:
            # Voices are known: the voice that asks the guide's questions is the interviewer,
            # for all its passages (a participant's "why?" does not make them the interviewer).
            is_asking = seg.voice == by_voice
        else:
            is_asking = asked_chars.get(k, 0) >= 0.5 * len(seg.text.strip())
        flags = seg.flags if SPEAKER_AUTO in seg.flags else [*seg.flags, SPEAKER_AUTO]
        segments[i] = replace(seg, speaker="interviewer" if is_asking else "participant", flags=flags)


def _interviewer_voice(segments: Sequence[Segment], asked_chars: dict[int, int]) -> str | None:
    """The voice with the largest share of its words asking guide questions (None when the
    segments carry fewer than two voices or nobody asked anything)."""
    asked: dict[str, int] = {}
    spoken: dict[str, int] = {}
    for k, seg in enumerate(segments):
        if seg.voice:
            spoken[seg.voice] = spoken.get(seg.voice, 0) + len(seg.text.strip())
            asked[seg.voice] = asked.get(seg.voice, 0) + asked_chars.get(k, 0)
    if len(spoken) < 2 or not any(asked.values()):
        return None
    return max(spoken, key=lambda v: asked[v] / max(1, spoken[v]))
