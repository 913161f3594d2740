"""Which guide question (if any) was asked in each sentence: a small trained scorer.

Without markers, ``align_by_wording`` needs, for every sentence ("unit") and guide question,
how likely it is that the question was asked there. Hand-weighted evidence
(``core.tagging.unmarked``) confused questions that share words ("qué haces en tu trabajo"
against "qué te hace seguir en este trabajo") and placed questions on small talk ("¿quieres
un café?"), because a per-question score cannot say "none of them". Here a multinomial logit
chooses among the guide's questions *and* "no guide question is asked here":

* per unit and question: embedding similarity to the question's text and to its probes, the
  sentence read with the one before it, the fuzzy/embedding wording score, the answer fit
  (the next 3 units and the whole answer) and 0034's combined score, each also relative to
  the best other question for that unit (a paraphrase is recognised by standing out, not by
  an absolute cosine), and how far the question's place in the guide is from the unit's
  place in the transcript;
* for "none": how much the unit reads like asking (a '?', a question word, a short turn
  followed by a long answer, the sentences around it), its best wording score, and whether
  the transcript has any punctuation at all (unpunctuated transcripts hide the asking form).

The weights (``asking_weights.py``) are fit on the dev splits of the English and Spanish
labelled sets only (``benchmarks/tagging/run.py --fit``), one set for both languages and both
sentence models: the features are relative or already on one scale (``similarity_gain``).
The probabilities feed the same Viterbi as before (skips cheap, going back costs); a placed
question's probability is the confidence shown. Decision 0180.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from core.guide.model import Guide
from core.tagging.align import similarity_gain
from core.tagging.asking_weights import NONE_WEIGHTS, QUESTION_WEIGHTS
from core.tagging.embed import Embedder
from core.tagging.text import is_question_like
from core.tagging.unmarked import answer_fit, asking_form, unmarked_scores

# A question is placed where its probability beats this (Viterbi gain = p - threshold), and
# going back to an earlier question costs this much (both chosen on the dev splits only).
PLACE_THRESHOLD = 0.1
BACK_PENALTY = 0.1
# How far ahead the answer after a unit is read for its length (units).
FOLLOW_UNITS = 8
# The whole answer (up to this many units) against each question's topic, besides 0034's 3.
LONG_FIT_UNITS = 8

QUESTION_FEATURES = ("text", "probe", "best_rel", "wording", "wording_rel", "fit", "fit_rel",
                     "pair", "pair_rel", "combined", "combined_rel", "order", "long_fit_rel")
NONE_FEATURES = ("form", "question_mark", "question_like", "length", "answer_after",
                 "asking_before", "asking_after", "best_wording", "plain", "plain_form", "bias")


def _relative(x: np.ndarray) -> np.ndarray:
    """Each question's value minus the best of the other questions, per unit."""
    m = x.shape[1]
    if m < 2:
        return np.zeros_like(x)
    order = np.sort(x, axis=1)
    best, second = order[:, -1:], order[:, -2:-1]
    return x - np.where(x >= best, second, best)


def question_features(texts: Sequence[str], uv: np.ndarray, wording: np.ndarray, fit: np.ndarray,
                      combined: np.ndarray, guide: Guide, embedder: Embedder,
                      long_fit: np.ndarray) -> np.ndarray:
    """(units, questions, len(QUESTION_FEATURES))."""
    questions = guide.questions()
    n, m = len(texts), len(questions)
    gain = similarity_gain(embedder)
    c_text = gain * (uv @ embedder.encode([q.text for q in questions]).T)
    c_probe = np.full((n, m), -1.0, dtype=np.float32)
    probes = [(qi, p) for qi, q in enumerate(questions) for p in q.probes]
    if probes:
        ps = gain * (uv @ embedder.encode([p for _, p in probes]).T)
        for j, (qi, _p) in enumerate(probes):
            c_probe[:, qi] = np.maximum(c_probe[:, qi], ps[:, j])
    c_pair = c_text.copy()
    if n > 1:
        pair = uv[1:] + uv[:-1]
        pair /= np.maximum(np.linalg.norm(pair, axis=1, keepdims=True), 1e-6)
        tv = embedder.encode([q.text for q in questions])
        c_pair[1:] = np.maximum(c_pair[1:], gain * (pair @ tv.T))
    best = np.maximum(c_text, c_probe)
    # Interviews follow the guide roughly: how far the question's place in the guide is from
    # the unit's place in the transcript (both as fractions).
    order = -np.abs(np.arange(n)[:, None] / max(1, n - 1) - np.arange(m)[None, :] / max(1, m - 1))
    return np.stack([c_text, c_probe, _relative(best), wording, _relative(wording), fit,
                     _relative(fit), c_pair, _relative(c_pair), combined, _relative(combined),
                     order, _relative(long_fit)], axis=2).astype(np.float32)


def none_features(texts: Sequence[str], wording: np.ndarray) -> np.ndarray:
    """(units, len(NONE_FEATURES)): how much each unit does *not* read like a guide question."""
    n = len(texts)
    form = np.array([asking_form(t) for t in texts], dtype=np.float32)
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float32)
    marks = np.array([1.0 if "?" in t else 0.0 for t in texts], dtype=np.float32)
    like = np.array([1.0 if is_question_like(t) else 0.0 for t in texts], dtype=np.float32)
    after = np.zeros(n, dtype=np.float32)
    for u in range(n):
        k = u + 1
        while k < n and k < u + FOLLOW_UNITS and form[k] < 0.9:
            after[u] += n_words[k]
            k += 1
    before = np.concatenate(([0.0], form[:-1])) if n else form
    next_ = np.concatenate((form[1:], [0.0])) if n else form
    best = wording.max(axis=1) if wording.shape[1] else np.zeros(n, dtype=np.float32)
    plain = np.full(n, 0.0 if any("?" in t for t in texts) else 1.0, dtype=np.float32)
    return np.stack([form, marks, like, np.minimum(n_words, 40) / 20, np.log1p(after) / 3,
                     before, next_, best, plain, plain * form, np.ones(n, dtype=np.float32)],
                    axis=1).astype(np.float32)


def features(texts: Sequence[str], speakers: Sequence[str], wording: np.ndarray, uv: np.ndarray,
             guide: Guide, embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """Both feature blocks for a transcript's units (what ``fit`` and ``asked_probabilities``
    read)."""
    form = np.array([asking_form(t) for t in texts], dtype=np.float32)
    fit = answer_fit(uv, form, guide, embedder)
    # 0034's score as the scorer was fit on it: no speakers (the labelled sets carry none).
    combined = unmarked_scores(texts, [""] * len(texts), wording, uv, guide, embedder)
    long_fit = answer_fit(uv, form, guide, embedder, units=LONG_FIT_UNITS)
    return (question_features(texts, uv, wording, fit, combined, guide, embedder, long_fit),
            none_features(texts, wording))


def probabilities(qf: np.ndarray, nf: np.ndarray, question_weights: np.ndarray,
                  none_weights: np.ndarray) -> np.ndarray:
    """(units, questions + 1): the logit's choice per unit; the last column is "none"."""
    logits = np.concatenate([qf @ question_weights, (nf @ none_weights)[:, None]], axis=1)
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def asked_probabilities(texts: Sequence[str], speakers: Sequence[str], wording: np.ndarray,
                        uv: np.ndarray | None, guide: Guide, embedder: Embedder | None) -> np.ndarray:
    """``p[u, q]``: probability that guide question ``q`` is asked in unit ``u``.

    Without a sentence model this falls back to 0034's combined score. Known speakers
    decide: the participant's sentences ask nothing.
    """
    if embedder is None or uv is None or not len(texts) or not guide.questions():
        return unmarked_scores(texts, speakers, wording, uv, guide, embedder)
    qf, nf = features(texts, speakers, wording, uv, guide, embedder)
    p = probabilities(qf, nf, np.asarray(QUESTION_WEIGHTS, dtype=np.float32),
                      np.asarray(NONE_WEIGHTS, dtype=np.float32))[:, :-1]
    participant = np.array([sp == "participant" for sp in speakers], dtype=bool)
    p[participant] = 0.0
    return p.astype(np.float32)


def fit(blocks: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], l2: float = 1.0,
        steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Fit the weights by gradient descent on the multinomial log-likelihood (L2-penalised).

    ``blocks``: per interview (question features, none features, gold) with gold[u] the
    question index asked in unit u, or -1 for none.
    """
    fq, fn = len(QUESTION_FEATURES), len(NONE_FEATURES)
    prepared = []
    total = 0
    for qf, nf, gold in blocks:
        n, m, _ = qf.shape
        x = np.zeros((n, m + 1, fq + fn), dtype=np.float64)
        x[:, :m, :fq] = qf
        x[:, m, fq:] = nf
        y = np.where(gold >= 0, gold, m)
        prepared.append((x, x[np.arange(n), y].sum(axis=0)))
        total += n
    w = np.zeros(fq + fn)
    for _ in range(steps):
        grad = l2 * w
        for x, picked in prepared:
            s = x @ w
            s -= s.max(axis=1, keepdims=True)
            e = np.exp(s)
            pr = e / e.sum(axis=1, keepdims=True)
            grad += np.einsum("nm,nmf->f", pr, x) - picked
        w -= rate * grad / max(1, total)
    return w[:fq], w[fq:]
