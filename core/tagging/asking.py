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
* also (decision 0205): similarity to each sentence of a two-sentence question, to the
  question's expected themes (definitions and example phrases: interviewers word questions
  in the themes' words, "what's the hardest part"), shared content words with the question's
  whole topic, the answer sentence that fits the question's topic best (one clear sentence
  says more than a long answer's mean), and the guide's first question at the opening of the
  transcript where an answer follows it (chat before the first question gets a short reply,
  decision 0222);
* for "none": how much the unit reads like asking (a '?', a question word, a short turn
  followed by a long answer, the sentences around it), its best wording score, how many of
  the transcript's questions lack a '?' (unpunctuated transcripts hide the asking form), and
  (0205) whether it is a follow-up or off-guide chat: close in meaning and words to the answer
  just given, far from every guide question and theme, or a turn of three words or fewer.

* (decision 0239) how real interviewers asked each question: the nearest of the wordings of
  that question's asking turns in every labelled set (``asking_bank.json``, "and the boss?",
  "¿y los jefes?", "what keeps you here then"), absolute, relative, and the share of the 5
  nearest wordings of the whole bank that are the question's, so very short questions
  and paraphrases are recognised by their likeness to other people's askings. The bank is
  found by the guide question's exact text; a question it does not know (an edited guide) is
  scored by weights fit without these two features;
* (decision 0240) with diarization's voices (two or more): whether the unit opens a voice's
  turn, whether it is the first asking sentence of its turn, and how long the other voice
  speaks next (the answer ends where the voice changes). Transcripts with voices use weights
  fit on both readings of every labelled set (the text alone and split by voice).

The weights (``asking_weights.py``) are fit on every labelled set of both languages
(``benchmarks/tagging/run.py --fit``), one set for both languages and both sentence models:
the features are relative or already on one scale (``similarity_gain``). The probabilities
feed the same Viterbi as before (skips cheap, going back costs); a placed question's
probability is the confidence shown. Decisions 0180, 0205.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from core.guide.model import Guide
from core.tagging.align import similarity_gain
from core.tagging.asking_bank import WORDINGS
from core.tagging.asking_weights import (
    BANK_NONE_WEIGHTS,
    BANK_QUESTION_WEIGHTS,
    NONE_WEIGHTS,
    QUESTION_WEIGHTS,
    VOICES_BANK_NONE_WEIGHTS,
    VOICES_BANK_QUESTION_WEIGHTS,
    VOICES_NONE_WEIGHTS,
    VOICES_QUESTION_WEIGHTS,
)
from core.tagging.embed import Embedder
from core.tagging.text import content_words, is_question_like, sentences
from core.tagging.unmarked import answer_fit, asking_form, unmarked_scores

# A question is placed where its probability beats this (Viterbi gain = p - threshold), and
# going back to an earlier question costs this much (both chosen by leave-one-interview-out
# over every labelled set, decisions 0205, 0207, 0241 and 0255).
PLACE_THRESHOLD = 0.1
BACK_PENALTY = 0.1
# Skipping each guide question forward (up to unmarked.MAX_SKIPS of them).
SKIP_PENALTY = 0.02
# How far ahead the answer after a unit is read for its length (units).
FOLLOW_UNITS = 8
# The whole answer (up to this many units) against each question's topic, besides 0034's 3.
LONG_FIT_UNITS = 8

# The first this share of a transcript is its opening, where the guide's first question sits.
OPENING_SHARE = 0.1
# The opening counts fully where an answer of this many words follows (less for a short reply).
OPENING_ANSWER_WORDS = 15.0
# How many units before a sentence are read as "the answer just given" (follow-up evidence).
FOLLOW_BACK_UNITS = 4

QUESTION_FEATURES = ("text", "probe", "best_rel", "wording", "wording_rel", "fit", "fit_rel",
                     "pair", "pair_rel", "combined", "combined_rel", "order", "long_fit_rel",
                     "theme", "theme_rel", "topic_words_rel", "opening", "peak_rel", "bank", "bank_rel", "bank_knn")
NONE_FEATURES = ("form", "question_mark", "question_like", "length", "answer_after",
                 "asking_before", "asking_after", "best_wording", "plain", "plain_form", "bias",
                 "follow_sim", "follow_words", "best_sim", "short", "voice_turn_start", "voice_first_ask",
                 "voice_answer_after")


def _relative(x: np.ndarray) -> np.ndarray:
    """Each question's value minus the best of the other questions, per unit."""
    m = x.shape[1]
    if m < 2:
        return np.zeros_like(x)
    order = np.sort(x, axis=1)
    best, second = order[:, -1:], order[:, -2:-1]
    return x - np.where(x >= best, second, best)


def theme_texts(guide: Guide) -> list[list[str]]:
    """Per question: its expected themes' definitions and example phrases (what an answer to it
    talks about, so also how the interviewer may word it: "what's the hardest part" is the
    barriers theme's own example)."""
    out = []
    for q in guide.questions():
        texts: list[str] = []
        for tid in q.themes:
            theme = guide.theme(tid)
            if theme is not None:
                texts.extend([f"{theme.label}: {theme.description}", *theme.examples])
        out.append(texts)
    return out


def _text_variants(text: str) -> list[str]:
    spans = sentences(text)
    return [text] + ([text[a:b] for a, b in spans] if len(spans) > 1 else [])


def topic_words(guide: Guide) -> list[frozenset[str]]:
    """Per question: the content words (stems) of its text, probes and expected themes."""
    out = []
    for q, themes in zip(guide.questions(), theme_texts(guide)):
        out.append(frozenset(w for t in [q.text, *q.probes, *themes] for w in content_words(t)))
    return out


def _best_cosine(uv: np.ndarray, texts: Sequence[Sequence[str]], embedder: Embedder,
                 gain: float) -> np.ndarray:
    """(units, questions): the best cosine between a unit and any of a question's texts (-1 none)."""
    flat = [(qi, t) for qi, ts in enumerate(texts) for t in ts]
    out = np.full((len(uv), len(texts)), -1.0, dtype=np.float32)
    if flat:
        sims = gain * (uv @ embedder.encode([t for _, t in flat]).T)
        for j, (qi, _t) in enumerate(flat):
            out[:, qi] = np.maximum(out[:, qi], sims[:, j])
    return out


# The nearest this many wordings of the whole bank vote for their questions.
BANK_VOTES = 5


def _bank_votes(uv: np.ndarray, bank: Sequence[Sequence[str]], embedder: Embedder) -> np.ndarray:
    """(units, questions): the share of the unit's BANK_VOTES nearest wordings, over every
    question's, that are wordings of each question (one odd wording does not decide)."""
    owner = np.array([qi for qi, ws in enumerate(bank) for _ in ws])
    sims = uv @ embedder.encode([w for ws in bank for w in ws]).T
    k = min(BANK_VOTES, sims.shape[1])
    top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    out = np.zeros((len(uv), len(bank)), dtype=np.float32)
    for u in range(len(uv)):
        np.add.at(out[u], owner[top[u]], 1.0 / k)
    return out


def question_features(texts: Sequence[str], uv: np.ndarray, wording: np.ndarray, fit: np.ndarray,
                      combined: np.ndarray, guide: Guide, embedder: Embedder,
                      long_fit: np.ndarray, peak: np.ndarray | None = None,
                      bank: Sequence[Sequence[str]] | None = None) -> np.ndarray:
    """(units, questions, len(QUESTION_FEATURES))."""
    questions = guide.questions()
    n, m = len(texts), len(questions)
    gain = similarity_gain(embedder)
    # A question written as two sentences ("Can you tell me about your job right now? What
    # does a normal day look like?") is asked by either one: the best of the whole and each.
    c_text = _best_cosine(uv, [_text_variants(q.text) for q in questions], embedder, gain)
    c_probe = _best_cosine(uv, [q.probes for q in questions], embedder, gain)
    c_pair = c_text.copy()
    if n > 1:
        pair = uv[1:] + uv[:-1]
        pair /= np.maximum(np.linalg.norm(pair, axis=1, keepdims=True), 1e-6)
        tv = embedder.encode([q.text for q in questions])
        c_pair[1:] = np.maximum(c_pair[1:], gain * (pair @ tv.T))
    best = np.maximum(c_text, c_probe)
    # The question's themes: their definitions and examples, as a paraphrase of the question.
    c_theme = _best_cosine(uv, theme_texts(guide), embedder, gain)
    # Shared content words with the question's whole topic (question, probes, themes).
    topics = topic_words(guide)
    unit_words = [frozenset(content_words(t)) for t in texts]
    topic_hits = np.array([[min(3, len(w & tw)) / 3 for tw in topics] for w in unit_words],
                          dtype=np.float32).reshape(n, m)
    # Interviews follow the guide roughly: how far the question's place in the guide is from
    # the unit's place in the transcript (both as fractions).
    order = -np.abs(np.arange(n)[:, None] / max(1, n - 1) - np.arange(m)[None, :] / max(1, m - 1))
    # Interviews open with the guide's first question: near the start, it is the likely one.
    # Only where a real answer follows: chat before the first question ("can you hear me okay?",
    # "twenty minutes left on break?") gets a short reply (decision 0222).
    opening = np.zeros((n, m), dtype=np.float32)
    if m:
        after = answer_words(texts, np.array([asking_form(t) for t in texts], dtype=np.float32))
        opening[:, 0] = (np.arange(n) / max(1, n - 1) < OPENING_SHARE) * np.minimum(1.0, after / OPENING_ANSWER_WORDS)
    # How real interviewers asked each question (decision 0239): the nearest of their wordings.
    c_bank = np.zeros((n, m), dtype=np.float32)
    knn = np.zeros((n, m), dtype=np.float32)
    if bank is not None and any(bank):
        c_bank = np.maximum(_best_cosine(uv, bank, embedder, gain), 0.0)
        knn = _bank_votes(uv, bank, embedder)
    return np.stack([c_text, c_probe, _relative(best), wording, _relative(wording), fit,
                     _relative(fit), c_pair, _relative(c_pair), combined, _relative(combined),
                     order, _relative(long_fit), c_theme, _relative(c_theme),
                     _relative(topic_hits), opening,
                     _relative(peak if peak is not None else np.zeros((n, m), dtype=np.float32)),
                     c_bank, _relative(c_bank), knn], axis=2).astype(np.float32)


def answer_words(texts: Sequence[str], form: np.ndarray) -> np.ndarray:
    """Per unit: the words of the answer after it (up to the next asking unit, FOLLOW_UNITS)."""
    n = len(texts)
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float32)
    after = np.zeros(n, dtype=np.float32)
    for u in range(n):
        k = u + 1
        while k < n and k < u + FOLLOW_UNITS and form[k] < 0.9:
            after[u] += n_words[k]
            k += 1
    return after


def voice_features(texts: Sequence[str], voices: Sequence[str] | None, form: np.ndarray) -> np.ndarray:
    """(units, 3), from diarization's voices (zeros with fewer than two voices): the unit opens
    a voice's turn; it is the first asking sentence of its turn; and the words the *other*
    voice says next (log scale), the answer that ends where the voice changes (decision 0240)."""
    n = len(texts)
    out = np.zeros((n, 3), dtype=np.float32)
    if voices is None or not has_voices(voices):
        return out
    n_words = [len(t.split()) for t in texts]
    asked_in_turn = False
    for u in range(n):
        start = u == 0 or voices[u] != voices[u - 1]
        if start:
            asked_in_turn = False
        out[u, 0] = float(start)
        if form[u] >= 0.9 and not asked_in_turn:
            out[u, 1] = 1.0
            asked_in_turn = True
        k = u + 1
        while k < n and voices[k] == voices[u]:
            k += 1
        said = 0
        while k < n and voices[k] != voices[u] and said < 400:
            said += n_words[k]
            k += 1
        out[u, 2] = np.log1p(said) / 3
    return out


def none_features(texts: Sequence[str], wording: np.ndarray, uv: np.ndarray | None = None,
                  best_sim: np.ndarray | None = None, gain: float = 1.0,
                  voices: Sequence[str] | None = None) -> np.ndarray:
    """(units, len(NONE_FEATURES)): how much each unit does *not* read like a guide question.

    Besides the asking form: a follow-up ("And the driving isn't paid?") is about the answer
    just given (close to it in meaning and words) and far from every guide question and theme
    (``best_sim``); so is off-guide chat.
    """
    n = len(texts)
    form = np.array([asking_form(t) for t in texts], dtype=np.float32)
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float32)
    marks = np.array([1.0 if "?" in t else 0.0 for t in texts], dtype=np.float32)
    like = np.array([1.0 if is_question_like(t) else 0.0 for t in texts], dtype=np.float32)
    after = answer_words(texts, form)
    before = np.concatenate(([0.0], form[:-1])) if n else form
    next_ = np.concatenate((form[1:], [0.0])) if n else form
    best = wording.max(axis=1) if wording.shape[1] else np.zeros(n, dtype=np.float32)
    # How unpunctuated the transcript's questions are: the share of asking-form units
    # without a '?' (a whole plain transcript is 1; a few questions typed without one count).
    asking_units = form >= 0.9
    plain = np.full(n, float(1.0 - marks[asking_units].mean()) if asking_units.any() else 1.0,
                    dtype=np.float32)
    follow_sim = np.zeros(n, dtype=np.float32)
    follow_words = np.zeros(n, dtype=np.float32)
    unit_words = [frozenset(content_words(t)) for t in texts]
    for u in range(1, n):
        prev = [v for v in range(max(0, u - FOLLOW_BACK_UNITS), u) if form[v] < 0.9]
        if not prev:
            continue
        if uv is not None:
            mean = uv[prev].sum(axis=0)
            mean /= max(float(np.linalg.norm(mean)), 1e-6)
            follow_sim[u] = gain * float(uv[u] @ mean)
        said = frozenset().union(*(unit_words[v] for v in prev))
        if unit_words[u]:
            follow_words[u] = len(unit_words[u] & said) / len(unit_words[u])
    best_any = best_sim if best_sim is not None else np.zeros(n, dtype=np.float32)
    out = np.stack([form, marks, like, np.minimum(n_words, 40) / 20, np.log1p(after) / 3,
                     before, next_, best, plain, plain * form, np.ones(n, dtype=np.float32),
                     follow_sim, follow_words, best_any, (n_words <= 3).astype(np.float32)],
                    axis=1)
    return np.concatenate([out, voice_features(texts, voices, form)], axis=1).astype(np.float32)


def features(texts: Sequence[str], speakers: Sequence[str], wording: np.ndarray, uv: np.ndarray,
             guide: Guide, embedder: Embedder, voices: Sequence[str] | None = None,
             bank: Sequence[Sequence[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Both feature blocks for a transcript's units (what ``fit`` and ``asked_probabilities``
    read). ``bank``: per guide question, wordings real interviewers used for it (None: none)."""
    form = np.array([asking_form(t) for t in texts], dtype=np.float32)
    fit = answer_fit(uv, form, guide, embedder)
    # 0034's score as the scorer was fit on it: no speakers (the labelled sets carry none).
    combined = unmarked_scores(texts, [""] * len(texts), wording, uv, guide, embedder)
    long_fit = answer_fit(uv, form, guide, embedder, units=LONG_FIT_UNITS)
    # The answer's best-fitting sentence: one clear sentence ("she gives the good clients to the
    # girls she likes") says more than the mean of a long answer (decision 0205).
    peak = answer_fit(uv, form, guide, embedder, units=LONG_FIT_UNITS, peak=True)
    qf = question_features(texts, uv, wording, fit, combined, guide, embedder, long_fit, peak, bank)
    idx = {name: k for k, name in enumerate(QUESTION_FEATURES)}
    best_sim = qf[:, :, [idx["text"], idx["probe"], idx["theme"]]].max(axis=(1, 2)) if qf.shape[1] \
        else np.zeros(len(texts), dtype=np.float32)
    return qf, none_features(texts, wording, uv, best_sim, similarity_gain(embedder), voices)


def probabilities(qf: np.ndarray, nf: np.ndarray, question_weights: np.ndarray,
                  none_weights: np.ndarray) -> np.ndarray:
    """(units, questions + 1): the logit's choice per unit; the last column is "none"."""
    logits = np.concatenate([qf @ question_weights, (nf @ none_weights)[:, None]], axis=1)
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def bank_for(guide: Guide) -> list[tuple[str, ...]] | None:
    """Per guide question, how interviewers in the labelled sets asked it (``asking_bank``),
    found by the question's exact text; None when the guide has no question the bank knows
    (an edited or new guide: the scorer then reads the question's own wording only)."""
    bank = [WORDINGS.get(q.text, ()) for q in guide.questions()]
    return bank if any(bank) else None


def weights_for(bank: object, voiced: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The scorer's weights: fit with the bank's features or without them (decision 0239), on
    text alone or on transcripts split by two voices or more (decision 0240)."""
    table = {(False, False): (QUESTION_WEIGHTS, NONE_WEIGHTS),
             (True, False): (BANK_QUESTION_WEIGHTS, BANK_NONE_WEIGHTS),
             (False, True): (VOICES_QUESTION_WEIGHTS, VOICES_NONE_WEIGHTS),
             (True, True): (VOICES_BANK_QUESTION_WEIGHTS, VOICES_BANK_NONE_WEIGHTS)}
    qw, nw = table[(bank is not None, voiced)]
    return np.asarray(qw, dtype=np.float32), np.asarray(nw, dtype=np.float32)


def has_voices(voices: Sequence[str] | None) -> bool:
    """Two voices or more among the units (diarization ran and heard both people)."""
    return voices is not None and len({v for v in voices if v}) >= 2


def asked_probabilities(texts: Sequence[str], speakers: Sequence[str], wording: np.ndarray,
                        uv: np.ndarray | None, guide: Guide, embedder: Embedder | None,
                        voices: Sequence[str] | None = None) -> np.ndarray:
    """``p[u, q]``: probability that guide question ``q`` is asked in unit ``u``.

    Without a sentence model this falls back to 0034's combined score. Known speakers
    decide: the participant's sentences ask nothing.
    """
    if embedder is None or uv is None or not len(texts) or not guide.questions():
        return unmarked_scores(texts, speakers, wording, uv, guide, embedder)
    bank = bank_for(guide)
    qf, nf = features(texts, speakers, wording, uv, guide, embedder, voices, bank)
    p = probabilities(qf, nf, *weights_for(bank, has_voices(voices)))[:, :-1]
    participant = np.array([sp == "participant" for sp in speakers], dtype=bool)
    p[participant] = 0.0
    return p.astype(np.float32)


def fit(blocks: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], l2: float = 1.0,
        steps: int = 500, start: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Fit the weights on the multinomial log-likelihood (L2-penalised, L-BFGS).

    ``blocks``: per interview (question features, none features, gold) with gold[u] the
    question index asked in unit u, or -1 for none. ``start``: weights to start from (the
    optimum is the same; a near start only gets there sooner).
    """
    from scipy.optimize import minimize

    fq, fn = len(QUESTION_FEATURES), len(NONE_FEATURES)
    by_size: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
    total = 0
    for qf, nf, gold in blocks:
        n, m, _ = qf.shape
        x = np.zeros((n, m + 1, fq + fn), dtype=np.float64)
        x[:, :m, :fq] = qf
        x[:, m, fq:] = nf
        by_size.setdefault(m, []).append((x, np.where(gold >= 0, gold, m)))
        total += n
    stacked = []
    for parts in by_size.values():  # one array per guide size: one product per step
        x = np.concatenate([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        stacked.append((x, x[np.arange(len(y)), y].sum(axis=0)))
    scale = max(1, total)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.5 * l2 * float(w @ w), l2 * w
        for x, picked in stacked:
            s = x @ w
            top = s.max(axis=1, keepdims=True)
            e = np.exp(s - top)
            z = e.sum(axis=1, keepdims=True)
            value += float((np.log(z) + top).sum() - picked @ w)
            grad = grad + np.einsum("nm,nmf->f", e / z, x) - picked
        return value / scale, grad / scale

    x0 = np.concatenate([np.asarray(start[0]), np.asarray(start[1])]) if start is not None else np.zeros(fq + fn)
    w = minimize(loss, x0, jac=True, method="L-BFGS-B",
                 options={"maxiter": steps}).x
    return w[:fq], w[fq:]
