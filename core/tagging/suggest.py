"""Theme suggestions for each answer, with a score.

An answer is the run of participant segments under one question. Three kinds of evidence are
combined into one score in 0..1:

* expected: the guide says this question's answers touch this theme;
* meaning: sentence-embedding similarity between the answer's sentences and the theme's
  description and example phrases (the best-matching sentence counts, so a long answer that
  touches a theme once is not diluted);
* keywords: the theme's own words (label and examples) appearing in the answer.

An answer ends at every interviewer turn and at a follow-up question the speaker marking
took for the participant's (a segment of 3+ words ending in "?" or opening with "¿"), so the answer to a
follow-up gets its own tags; an answer under ``MIN_ANSWER_WORDS`` words, or one that declines
the question ("I'd rather not talk about that one"), gets none.

A theme is suggested when the score reaches ``DEFAULT_THRESHOLD``. The question's own theme
goes on the answer's longest segment (the best-matching one was often a fragment of the
question itself, which matches its theme best); any other theme goes on the sentence that
matches it best, so accepting it codes real evidence (decision 0224).
Threshold chosen by ``benchmarks/tagging/run.py --tune`` (nested leave-one-interview-out).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from core.tagging.embed import Embedder
from core.tagging.text import STOPWORDS, content_words, sentences, stem, words

# The most recall at precision >= 0.85 over every English labelled set (`run.py --tune`,
# leave-one-interview-out; decision 0224; was 0.35, decision 0206). With W_EXPECTED 0.5 the
# question's own theme always passes; another theme needs strong meaning and keyword evidence.
DEFAULT_THRESHOLD = 0.4
# An answer this short ("two months", "no, never") says too little to tag.
MIN_ANSWER_WORDS = 4
# A follow-up question inside a participant run: this many words or more, ending in "?"
# (or, in Spanish, opening with "¿").
_FOLLOW_UP_MIN_WORDS = 3
# A participant declining a question ("I'd rather not talk about that one", "de eso prefiero
# no hablar") answers nothing: no theme. Only in a short answer, where it is the whole reply.
_DECLINE = re.compile(r"\b(?:(?:i'd|i would) rather (?:not (?:talk|say|answer|get into|go into|on that|that)|skip)|"
                      r"prefer not to (?:say|talk|answer)|skip that|pass on that|no comment|"
                      r"prefiero no (?:hablar|contestar|decir)|de eso (?:mejor )?no|mejor lo dejamos|"
                      r"mejor no hablo|pasemos a otra)")
_DECLINE_MAX_WORDS = 25
W_EXPECTED, W_MEANING, W_KEYWORDS = 0.5, 0.3, 0.2
# Cosine similarity between a sentence and a theme phrase: LOW says nothing, HIGH is clear.
SIM_LOW, SIM_HIGH = 0.2, 0.55
# Generic words that appear in many theme phrases and say nothing about one theme.
_GENERIC = frozenset(stem(w) for w in (
    ["work", "job", "jobs", "working", "worker", "people", "time", "day", "days", "good", "bad", "really", "feel", "person", "their", "trabajo", "trabajar", "gente", "tiempo", "bueno", "malo", "persona", "siempre", "nunca"]))


class ThemeLike(Protocol):
    # Read-only members: the guide's and the vault's Theme are frozen dataclasses.
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def examples(self) -> list[str]: ...


@dataclass(frozen=True)
class Answer:
    """A run of segment indices answering one question (None: not tied to a question)."""

    question_id: str | None
    segments: list[int]


@dataclass(frozen=True)
class Suggestion:
    segment: int       # index into the segment list given
    code_id: str
    score: float


def is_follow_up(text: str) -> bool:
    """A participant-marked segment that is a question ("wait, the driving's not paid at all?");
    a Spanish one opens with "¿" even where the transcript cut its closing "?"."""
    t = text.strip()
    return (t.endswith("?") or t.startswith("¿")) and len(words(t)) >= _FOLLOW_UP_MIN_WORDS


def is_declined(text: str) -> bool:
    """A short answer that declines the question."""
    return len(words(text)) <= _DECLINE_MAX_WORDS and bool(_DECLINE.search(" ".join(words(text))))


def answers_of(question_ids: Sequence[str | None], speakers: Sequence[str],
               texts: Sequence[str] | None = None) -> list[Answer]:
    """Group consecutive participant segments under the same question into answers; an
    interviewer turn or (given ``texts``) a follow-up question ends one and belongs to none."""
    out: list[Answer] = []
    for i, (qid, speaker) in enumerate(zip(question_ids, speakers)):
        if speaker not in ("participant", ""):  # interviewer turns, off-record passages
            continue
        if texts is not None and is_follow_up(texts[i]):
            continue
        if out and out[-1].question_id == qid and out[-1].segments[-1] == i - 1:
            out[-1].segments.append(i)
        else:
            out.append(Answer(qid, [i]))
    return out


def theme_keywords(theme: ThemeLike) -> frozenset[str]:
    text = " ".join([theme.label, *theme.examples])
    return frozenset(w for w in content_words(text) if w not in _GENERIC)


class ThemeIndex:
    """The codebook, embedded once: one row per theme phrase (description, examples)."""

    def __init__(self, themes: Sequence[ThemeLike], embedder: Embedder | None) -> None:
        self.themes = list(themes)
        self.keywords = [theme_keywords(t) for t in self.themes]
        phrases, owners = [], []
        for ti, t in enumerate(self.themes):
            for text in [f"{t.label}: {t.description}" if t.description else t.label, *t.examples]:
                phrases.append(text)
                owners.append(ti)
        self.owners = np.asarray(owners, dtype=np.int64)
        self.vectors = embedder.encode(phrases) if embedder is not None and phrases else None
        self.gain = float(getattr(embedder, "similarity_gain", 1.0))

    def similarity(self, sentence_vectors: np.ndarray) -> np.ndarray:
        """[sentences, themes]: the best cosine between a sentence and any of a theme's phrases."""
        out = np.zeros((len(sentence_vectors), len(self.themes)), dtype=np.float32)
        if self.vectors is None or not len(sentence_vectors):
            return out
        sims = self.gain * (sentence_vectors @ self.vectors.T)
        for ti in range(len(self.themes)):
            out[:, ti] = sims[:, self.owners == ti].max(axis=1)
        return out


def suggest(texts: Sequence[str], question_ids: Sequence[str | None], speakers: Sequence[str],
            expected: dict[str, list[str]], index: ThemeIndex, embedder: Embedder | None,
            threshold: float = DEFAULT_THRESHOLD) -> list[Suggestion]:
    """Suggest themes for every answer; ``expected`` maps question id -> theme ids."""
    answers = [a for a in answers_of(question_ids, speakers, texts)
               if sum(len(words(texts[i])) for i in a.segments) >= MIN_ANSWER_WORDS
               and not is_declined(" ".join(texts[i] for i in a.segments))]
    wanted = sorted({i for a in answers for i in a.segments})
    sent_owner, sent_texts = [], []
    for i in wanted:
        for start, end in sentences(texts[i]):
            if len(words(texts[i][start:end])) >= 3:  # "Yeah." says nothing about a theme
                sent_owner.append(i)
                sent_texts.append(texts[i][start:end])
    owner = np.asarray(sent_owner, dtype=np.int64)
    sims = index.similarity(embedder.encode(sent_texts)) if embedder is not None and sent_texts \
        else np.zeros((len(sent_texts), len(index.themes)), dtype=np.float32)
    out: list[Suggestion] = []
    for ans in answers:
        rows = np.isin(owner, ans.segments)
        content = {w for i in ans.segments for w in content_words(texts[i])} - STOPWORDS
        exp = set(expected.get(ans.question_id or "", []))
        for ti, theme in enumerate(index.themes):
            if rows.any():
                col = sims[rows, ti]
                best_row = int(np.argmax(col))
                top = np.sort(col)[::-1]
                sim = float(top[0] if len(top) == 1 else 0.7 * top[0] + 0.3 * top[1])
                seg = int(owner[rows][best_row])
            else:
                sim, seg = 0.0, ans.segments[0]
            meaning = min(1.0, max(0.0, (sim - SIM_LOW) / (SIM_HIGH - SIM_LOW)))
            hits = len(index.keywords[ti] & content)
            keywords = min(1.0, hits / 2)
            score = W_EXPECTED * (theme.id in exp) + W_MEANING * meaning + W_KEYWORDS * keywords
            if score >= threshold:
                if theme.id in exp:
                    seg = max(ans.segments, key=lambda i: len(words(texts[i])))
                out.append(Suggestion(seg, theme.id, round(score, 3)))
    return out
