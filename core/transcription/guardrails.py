"""Flags for segments a person should check: hallucinations, loops, silence read as words.

Whisper, on long interviews, sometimes repeats a phrase many times, invents text over
silence or noise, or is unsure. We never delete what it wrote (the researcher decides); we
flag the segment so the editor highlights it, and keep each word's probability.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter

from core.transcription.engine import RawSegment

# Thresholds follow Whisper's own fallbacks (compression 2.4, log-prob -1.0, no-speech 0.6).
COMPRESSION_RATIO_MAX = 2.4
AVG_LOGPROB_MIN = -1.0
NO_SPEECH_PROB_MAX = 0.6
LOW_WORD_PROBABILITY = 0.5
NGRAM = 3
NGRAM_REPEATS = 3

FLAG_REPETITION = "repetition"          # a phrase repeats inside the segment (a loop)
FLAG_REPEATED_SEGMENT = "repeated_segment"  # same text as the previous segment
FLAG_COMPRESSION = "high_compression"   # text compresses too well: likely looping
FLAG_NO_SPEECH = "no_speech"            # probably silence or noise transcribed as words
FLAG_LOW_CONFIDENCE = "low_confidence"  # the engine was unsure overall

_WORD_RE = re.compile(r"[\w']+")


def compression_ratio(text: str) -> float:
    raw = text.encode("utf-8")
    return len(raw) / max(1, len(zlib.compress(raw))) if raw else 0.0


def has_repeated_ngram(text: str, n: int = NGRAM, repeats: int = NGRAM_REPEATS) -> bool:
    words = _WORD_RE.findall(text.lower())
    if len(words) < n * repeats:
        return False
    counts = Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return max(counts.values()) >= repeats


def confidence(seg: RawSegment) -> float:
    """0..1: the mean word probability, or exp(avg log-probability) without words."""
    if seg.words:
        return sum(w.probability for w in seg.words) / len(seg.words)
    return max(0.0, min(1.0, math.exp(seg.avg_logprob)))


def flags_for(seg: RawSegment, previous_text: str | None = None) -> list[str]:
    flags: list[str] = []
    if has_repeated_ngram(seg.text):
        flags.append(FLAG_REPETITION)
    if previous_text is not None and _norm(previous_text) == _norm(seg.text) and _norm(seg.text):
        flags.append(FLAG_REPEATED_SEGMENT)
    if max(seg.compression_ratio, compression_ratio(seg.text)) > COMPRESSION_RATIO_MAX:
        flags.append(FLAG_COMPRESSION)
    if seg.no_speech_prob > NO_SPEECH_PROB_MAX and seg.avg_logprob < AVG_LOGPROB_MIN:
        flags.append(FLAG_NO_SPEECH)
    if seg.avg_logprob < AVG_LOGPROB_MIN:
        flags.append(FLAG_LOW_CONFIDENCE)
    return flags


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def flag_all(segments: list[RawSegment]) -> list[list[str]]:
    """Flags per segment, in order (repetition across segments needs the previous one)."""
    out, previous = [], None
    for seg in segments:
        out.append(flags_for(seg, previous))
        previous = seg.text
    return out
