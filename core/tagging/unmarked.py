"""Where was each question asked, when nobody pressed "next question"?

Three kinds of evidence per sentence ("unit") and guide question:

* **asking form** (``asking_form``): does the sentence read like someone asking — a '?', a
  question word or "do you / can you / tell me about" near its start, a short turn — so
  lower-case, unpunctuated transcripts still show where questions are;
* **wording** (``ask_scores`` without the form factor): fuzzy and embedding similarity to
  the question's text and probes, so paraphrases count;
* **answer fit**: how well what follows (the answer) matches the question's topic — its
  text, probes and expected themes — compared with the other questions. Heavily paraphrased
  questions ("What about the chef, how do they treat you guys?") are found by their answer.

A Viterbi pass over the units then picks, for each unit, "the current question goes on" or
"question q is asked here", maximising the evidence above a threshold. Skipping questions
costs a little, going back to an earlier question costs more (interviewers do go back,
"I forgot to ask earlier", but rarely), so weak evidence out of order does not win.
Constants were chosen on the dev split of benchmarks/tagging only.

With a sentence model, ``align_by_wording`` now feeds this evidence (and more) to the trained
scorer in ``core.tagging.asking`` (decision 0180) and runs ``viterbi_places`` on its
probabilities; these scores and constants serve alignment without a sentence model.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np

from core.guide.model import Guide
from core.tagging.align import Unit
from core.tagging.embed import Embedder
from core.tagging.text import QUESTION_OPENERS, is_spanish_question, words

# "asked here" evidence must beat this to place a question.
PLACE_THRESHOLD = 0.42
# Going back to an earlier question than the current one; skipping each question forward.
BACK_PENALTY = 0.2
SKIP_PENALTY = 0.02
# Skipping a whole section costs no more than skipping this many questions.
MAX_SKIPS = 3
# Weight of the answer-fit term, and how many following units make "the answer".
FIT_WEIGHT = 0.45
FIT_UNITS = 3
# A centred cosine this far above the average question is full answer-fit evidence.
FIT_SCALE = 0.1
# Asking form of a statement, and of a long turn (a long unit is rarely a question).
STATEMENT_FORM = 0.55
LONG_WORDS = 30

_FILLERS = frozenset(["so", "and", "ok", "okay", "alright", "all", "right", "now", "well", "um", "uh", "then", "but", "last", "one", "first", "next", "mm", "hm", "mmhm", "yeah", "good", "great", "cool", "oh", "also", "and", "just", "let's", "lets", "y", "entonces", "bueno", "pues", "vale"])
_ASK_PHRASES = re.compile(
    r"\b(tell me|walk me through|describe|talk about|talk to me about|want to ask|"
    r"do you|did you|can you|could you|would you|are you|have you|is there|are there|"
    r"what's|what is|what are|what would|how do|how does|how did|how would|how's|how much|"
    r"how many|who's|where's|puedes|podrías|cómo|qué|cuál)\b")


def asking_form(text: str) -> float:
    """How much ``text`` reads like a question someone asked (0..1), punctuation or not."""
    tokens = words(text)
    if not tokens:
        return 0.0
    form = STATEMENT_FORM
    if "?" in text:
        form = 1.0
    else:
        k = 0
        while k < len(tokens) - 1 and tokens[k] in _FILLERS:
            k += 1
        head = " ".join(tokens[k:k + 12])
        first = tokens[k].split("'")[0]
        if first in QUESTION_OPENERS:
            form = 1.0
        elif _ASK_PHRASES.search(head) or is_spanish_question(text):
            form = 0.9
    if len(tokens) > LONG_WORDS:
        form *= 0.7
    return form


_PLAIN_SPLIT = re.compile(
    r"\b(?:(?:and|so|ok|okay|alright|now|but|well)\s+)?"
    r"(?:what|what's|how|how's|why|when|where|who|which|do you|did you|can you|could you|"
    r"would you|are you|have you|is there|tell me|walk me|"
    r"y si|qué|cómo|dónde|cuándo|cuál|cuánto|quién|cuéntame|platícame|puedes|tienes|te sientes)\b")
# An unpunctuated stretch longer than this may hold a question glued to an answer.
PLAIN_MIN_WORDS = 12
# A unit that opens like a question is that question for this many words.
PLAIN_QUESTION_WORDS = 12


def _opens_as_question(text: str) -> bool:
    """Do the first words (after fillers) ask something? Only the opening counts: an accented
    interrogative further on ("nos miden por cuántas ponemos") does not make an answer a question."""
    tokens = words(text)
    k = 0
    while k < len(tokens) - 1 and tokens[k] in _FILLERS:
        k += 1
    if not tokens:
        return False
    return tokens[k].split("'")[0] in QUESTION_OPENERS or bool(_ASK_PHRASES.search(" ".join(tokens[k:k + 6])))


def split_plain(units: Sequence[Unit]) -> list[Unit]:
    """Split long unpunctuated units before each question opener ("... that's a lot of hours
    what's the hardest thing about it"), so a question glued onto an answer by a transcriber
    without punctuation can still start its own unit."""
    out: list[Unit] = []
    for u in units:
        if any(ch in u.text for ch in ".?!") or len(u.text.split()) < PLAIN_MIN_WORDS:
            out.append(u)
            continue
        # A wh-word inside a question ("tell me how picking works, for somebody who's never
        # done it") is not a new question: while the unit still reads as the question it
        # opens with, nothing is cut (decision 0207). After an answer, every opener cuts.
        cuts: list[int] = []
        for m in _PLAIN_SPLIT.finditer(u.text):
            n = len(u.text[:m.start()].split())
            if n < 4:
                continue
            if not cuts and n < PLAIN_QUESTION_WORDS and _opens_as_question(u.text[:m.start()]):
                continue
            cuts.append(m.start())
        bounds = [0, *cuts, len(u.text)]
        for a, b in itertools.pairwise(bounds):
            if u.text[a:b].strip():
                out.append(Unit(u.segment, u.start_char + a, u.start_char + b, u.text[a:b].strip()))
    return out


def topic_texts(guide: Guide) -> list[list[str]]:
    """Per question: its text, probes, and its expected themes' descriptions and examples."""
    out = []
    for q in guide.questions():
        texts = [q.text, *q.probes]
        for tid in q.themes:
            theme = guide.theme(tid)
            if theme is not None:
                texts.extend([theme.description, *theme.examples])
        out.append(texts)
    return out


def answer_fit(unit_vectors: np.ndarray, form: np.ndarray, guide: Guide,
               embedder: Embedder, units: int = FIT_UNITS, peak: bool = False) -> np.ndarray:
    """``fit[u, q]``: how much better the answer after unit ``u`` fits question ``q`` than the
    average question (cosine, centred per unit; 0 where there is no answer). ``peak``: the
    answer's best-fitting sentence counts instead of the mean of its sentences."""
    n = len(unit_vectors)
    topics = topic_texts(guide)
    m = len(topics)
    fit = np.zeros((n, m), dtype=np.float32)
    if n == 0 or m == 0:
        return fit
    flat = [t for texts in topics for t in texts]
    owner = np.array([qi for qi, texts in enumerate(topics) for _ in texts])
    tv = embedder.encode(flat)
    sims = float(getattr(embedder, "similarity_gain", 1.0)) * (unit_vectors @ tv.T)  # (n, texts)
    # Per unit and question: the best-matching topic text.
    per_q = np.full((n, m), -1.0, dtype=np.float32)
    for qi in range(m):
        per_q[:, qi] = sims[:, owner == qi].max(axis=1)
    for u in range(n):
        follow = []
        for v in range(u + 1, min(n, u + 1 + units)):
            if form[v] >= 0.9:  # the next question: the answer has ended
                break
            follow.append(v)
        if follow:
            row = per_q[follow].max(axis=0) if peak else per_q[follow].mean(axis=0)
            fit[u] = row - row.mean()
    return fit


def viterbi_places(scores: np.ndarray, threshold: float = PLACE_THRESHOLD,
                   back_penalty: float = BACK_PENALTY,
                   skip_penalty: float = SKIP_PENALTY) -> list[tuple[int, int, float]]:
    """(unit, question, score) places, in unit order, maximising the evidence.

    State = the question being answered (or none yet). At each unit the state either goes
    on (free) or a question is asked there (its score minus ``threshold``, minus penalties
    for going back or skipping ahead). Asking the current question again (a probe) is free,
    so a strong repeat never forces a detour through another question.
    """
    n, m = scores.shape
    if n == 0 or m == 0:
        return []
    states = m + 1                                   # 0 = no question yet; q + 1 = question q
    trans = np.full((states, states), -np.inf)
    for p in range(states):
        for s in range(1, states):
            if p == 0:
                trans[p, s] = -skip_penalty * min(s - 1, MAX_SKIPS)
            elif s > p:
                trans[p, s] = -skip_penalty * min(s - p - 1, MAX_SKIPS)
            elif s < p:
                trans[p, s] = -back_penalty
            else:  # asked again (a probe, a repeat): free, it only moves the start on
                trans[p, s] = 0.0
    best = np.full(states, -np.inf)
    best[0] = 0.0
    back = np.zeros((n, states), dtype=np.int32)     # previous state; -1 = went on
    for u in range(n):
        gain = np.concatenate(([-np.inf], scores[u] - threshold))
        cand = best[:, None] + trans + gain[None, :]  # (from, to)
        frm = np.argmax(cand, axis=0)
        jump = cand[frm, np.arange(states)]
        take = jump > best
        back[u] = np.where(take, frm, -1)
        best = np.where(take, jump, best)
    places = []
    s = int(np.argmax(best))
    for u in range(n - 1, -1, -1):
        p = int(back[u, s])
        if p >= 0:
            places.append((u, s - 1, float(scores[u, s - 1])))
            s = p
    return places[::-1]


def unmarked_scores(texts: Sequence[str], speakers: Sequence[str], wording: np.ndarray,
                    unit_vectors: np.ndarray | None, guide: Guide,
                    embedder: Embedder | None) -> np.ndarray:
    """Combined "question q was asked at unit u" evidence (0..1)."""
    form = np.array([0.0 if sp == "participant" else 1.0 if sp == "interviewer" else asking_form(t)
                     for t, sp in zip(texts, speakers)], dtype=np.float32)
    combined = wording.copy()
    if embedder is not None and unit_vectors is not None and len(texts):
        fit = answer_fit(unit_vectors, form, guide, embedder)
        # The answer speaks only where the wording is unsure: an exact question stays put.
        combined = combined + FIT_WEIGHT * np.clip(fit / FIT_SCALE, -1.0, 1.0) * (1.0 - np.clip(wording, 0.0, 1.0))
    return np.clip(combined, 0.0, 1.0) * form[:, None]
