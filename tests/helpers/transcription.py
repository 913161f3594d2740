"""Helpers for transcription tests and benchmarks: word error rate with normalised text."""

from __future__ import annotations

import re


def normalise(text: str) -> str:
    """Lower case, punctuation removed, single spaces (how WER is compared)."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def wer(reference: str, hypothesis: str) -> float:
    import jiwer
    return float(jiwer.wer(normalise(reference), normalise(hypothesis)))
