"""Tie every transcript segment to the guide question it answers.

With next-question markers (pressed while recording) the markers decide: a segment that
straddles a marker is split at the word timings, and a marker pressed a few seconds late or
early is moved to where the question was actually asked (``snap_boundaries``), so answer
words land under the right question.

Without markers (imported audio, or the button was forgotten) we look for where each
question was asked. Every sentence gets an "asked here" score per question, combining the
guide's wording (content-word overlap, fuzzy match) with sentence-embedding similarity, so
paraphrases count; sentences that read like questions count more. ``core.tagging.unmarked``
adds the asking form and the answer's fit and picks the places with a Viterbi pass that
allows skips and, at a cost, going back (decision 0034; ``place_questions`` is 0031's
strictly ordered version, kept for callers). Everything after a question's place, up to the next
one, answers it; the place's score is the confidence shown to the researcher.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from core.guide.model import Question
from core.tagging.embed import Embedder
from core.tagging.text import content_words, is_question_like, normalise, sentences
from core.vault.transcripts import Segment

# An "asked here" score must beat this to place a question (tuned on the dev split only).
ASK_THRESHOLD = 0.42
# Probes are asked after their question: weaker evidence that the question starts there.
PROBE_WEIGHT = 0.8
# Sentences that do not read like a question are rarely where a question was asked.
STATEMENT_WEIGHT = 0.55
# A sentence read together with the one before it is weaker evidence than alone.
PAIR_WEIGHT = 0.9
# Embedding cosine below LOW says nothing; above HIGH it is a paraphrase.
EMB_LOW, EMB_HIGH = 0.25, 0.75
# How far a marker may be from where its question was really asked.
SNAP_BEFORE_MS, SNAP_AFTER_MS = 12000, 6000


@dataclass(frozen=True)
class Boundary:
    """A question starts at ``start_ms``."""

    start_ms: int
    question_id: str
    score: float = 1.0


@dataclass(frozen=True)
class Unit:
    """A sentence of a segment: the grain at which we look for asked questions."""

    segment: int
    start_char: int
    end_char: int
    text: str


# --- scoring ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Prepared:
    content: frozenset[str]
    norm: str


def _prepare(text: str, strict: bool = False) -> _Prepared:
    # strict: fuzzy-match content words only, so shared phrasing ("how would you describe")
    # does not make different questions look alike.
    cw = content_words(text)
    return _Prepared(frozenset(cw), " ".join(cw) if strict else normalise(text))


def _lexical(q: _Prepared, u: _Prepared) -> float:
    if not q.content or not u.content:
        return 0.0
    dice = 2 * len(q.content & u.content) / (len(q.content) + len(u.content))
    # partial_ratio finds the question inside a longer sentence; only fair when the sentence
    # is at least most of the question's length (else any short fragment matches).
    if len(u.norm) >= 0.7 * len(q.norm):
        fz = fuzz.partial_ratio(q.norm, u.norm) / 100
    else:
        fz = fuzz.ratio(q.norm, u.norm) / 100
    return max(dice, fz * 0.9 if fz > 0.6 else 0.0)


def similarity_gain(embedder: object) -> float:
    """How much to stretch an embedder's cosines so they read on MiniLM's scale (the
    multilingual model's centred cosines are narrower; decision 0131)."""
    return float(getattr(embedder, "similarity_gain", 1.0))


def _ask_texts(q: Question) -> list[tuple[str, float]]:
    return [(q.text, 1.0)] + [(p, PROBE_WEIGHT) for p in q.probes]


def ask_scores(units: Sequence[Unit], questions: Sequence[Question], embedder: Embedder | None,
               unit_vectors: np.ndarray | None = None, speakers: Sequence[str] = (),
               form: bool = True) -> np.ndarray:
    """``scores[u, q]``: how sure we are that question ``q`` was asked in unit ``u`` (0..1).

    With ``form=False`` only the wording counts (the caller weighs the asking form itself).
    """
    texts: list[tuple[int, str, float]] = [(qi, t, w) for qi, q in enumerate(questions)
                                           for t, w in _ask_texts(q)]
    scores = np.zeros((len(units), len(questions)), dtype=np.float32)
    if not units or not questions:
        return scores
    emb = None
    if embedder is not None:
        uv = unit_vectors if unit_vectors is not None else embedder.encode([u.text for u in units])
        tv = embedder.encode([t for _, t, _ in texts])
        gain = similarity_gain(embedder)
        emb = np.clip((gain * (uv @ tv.T) - EMB_LOW) / (EMB_HIGH - EMB_LOW), 0.0, 1.0)
    prepared_texts = [_prepare(t, strict=not form) for _, t, _ in texts]
    for ui, unit in enumerate(units):
        speaker = speakers[unit.segment] if speakers else ""
        if form and speaker == "participant":
            continue
        like = 1.0 if (not form or speaker == "interviewer" or is_question_like(unit.text)) else STATEMENT_WEIGHT
        pu = _prepare(unit.text, strict=not form)
        for ti, (qi, _text, weight) in enumerate(texts):
            s = _lexical(prepared_texts[ti], pu)
            if emb is not None:
                s = max(s, float(emb[ui, ti]))
            s *= weight * like
            scores[ui, qi] = max(scores[ui, qi], s)
    if not form and emb is not None and uv is not None and len(units) > 1:
        # A question asked in two sentences ("Let's talk about the branch manager. What's it
        # like working under her?"): the mean of the two sentences' vectors stands for both.
        pair = uv[1:] + uv[:-1]
        pair /= np.maximum(np.linalg.norm(pair, axis=1, keepdims=True), 1e-6)
        pe = np.clip((gain * (pair @ tv.T) - EMB_LOW) / (EMB_HIGH - EMB_LOW), 0.0, 1.0)
        pe *= np.array([w for _, _, w in texts], dtype=np.float32)[None, :]
        for ti, (qi, _text, _w) in enumerate(texts):
            scores[1:, qi] = np.maximum(scores[1:, qi], PAIR_WEIGHT * pe[:, ti])
    return scores


def place_questions(scores: np.ndarray, threshold: float | None = None) -> list[tuple[int, int, float]]:
    """Order-preserving choice of (unit, question, score) anchors maximising the evidence.

    Like a sequence alignment: each question is placed at most once, places increase with
    question order, and a place only counts by how much its score beats ``threshold``.
    """
    n, m = scores.shape
    gain = scores - (ASK_THRESHOLD if threshold is None else threshold)
    best = np.zeros((n + 1, m + 1), dtype=np.float64)
    move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 skip unit, 1 skip question, 2 anchor
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = (best[i - 1, j], best[i, j - 1], best[i - 1, j - 1] + gain[i - 1, j - 1])
            k = int(np.argmax(options))
            if k == 2 and gain[i - 1, j - 1] <= 0:
                k = 0 if options[0] >= options[1] else 1
            best[i, j], move[i, j] = options[k], k
    anchors, i, j = [], n, m
    while i > 0 and j > 0:
        k = int(move[i, j])
        if k == 2:
            anchors.append((i - 1, j - 1, float(scores[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif k == 0:
            i -= 1
        else:
            j -= 1
    return anchors[::-1]


# --- segments -----------------------------------------------------------------------------
def units_of(segments: Sequence[Segment]) -> list[Unit]:
    out = []
    for si, seg in enumerate(segments):
        for start, end in sentences(seg.text):
            out.append(Unit(si, start, end, seg.text[start:end]))
    return out


def split_segment(seg: Segment, char_at: int) -> tuple[Segment, Segment]:
    """Split a segment's text at ``char_at``; words and times follow (by word timings when the
    words still match the text, else in proportion to the characters)."""
    left_text, right_text = seg.text[:char_at].rstrip(), seg.text[char_at:].lstrip()
    frac = len(left_text) / max(1, len(left_text) + len(right_text))
    n_left = len(left_text.split())
    if seg.words and len(seg.words) == len(seg.text.split()):
        lw, rw = list(seg.words[:n_left]), list(seg.words[n_left:])
        cut = rw[0].start_ms if rw else seg.end_ms
    else:
        cut = int(seg.start_ms + frac * (seg.end_ms - seg.start_ms))
        lw = [w for w in seg.words if (w.start_ms + w.end_ms) / 2 < cut]
        rw = [w for w in seg.words if (w.start_ms + w.end_ms) / 2 >= cut]
    left = replace(seg, text=left_text, end_ms=cut, words=lw, original_text="")
    right = replace(seg, text=right_text, start_ms=cut, words=rw, original_text="", id=None)
    return left, right


def split_at_time(seg: Segment, cut_ms: int) -> tuple[Segment, Segment] | None:
    """Split at a time using the word timings; None when the words cannot say where."""
    if seg.is_edited or not seg.words or len(seg.words) != len(seg.text.split()):
        return None
    n_left = sum(1 for w in seg.words if (w.start_ms + w.end_ms) / 2 < cut_ms)
    if n_left == 0 or n_left == len(seg.words):
        return None
    tokens = seg.text.split()
    left_text, right_text = " ".join(tokens[:n_left]), " ".join(tokens[n_left:])
    left = replace(seg, text=left_text, end_ms=cut_ms, words=list(seg.words[:n_left]), original_text="")
    right = replace(seg, text=right_text, start_ms=cut_ms, words=list(seg.words[n_left:]),
                    original_text="", id=None)
    return left, right

