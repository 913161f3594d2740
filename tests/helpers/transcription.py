"""Helpers for transcription tests and benchmarks: word error rate with normalised text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def normalise(text: str) -> str:
    """Lower case, punctuation removed, single spaces (how WER is compared)."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def wer(reference: str, hypothesis: str) -> float:
    import jiwer
    return float(jiwer.wer(normalise(reference), normalise(hypothesis)))


# An interview-like passage (varied, so Whisper has no reason to loop); about 70 s spoken.
PASSAGE = (
    "Tell me about a normal shift at the warehouse. "
    "Well, I start at six in the morning, and the first thing we do is check the loading schedule. "
    "My supervisor gives out the routes, and then we have about twenty minutes to get the trucks ready. "
    "The hardest part is the heat in the summer, because the building has no air conditioning. "
    "Last July two people fainted near the freezer section, and nobody wrote a report about it. "
    "We asked for more breaks, but management said the contract does not allow it. "
    "How do you feel about the pay? "
    "The pay is fair for the city, but the overtime is not optional any more. "
    "If you refuse a Saturday, they move you to the night crew for a month. "
    "Most of my friends left after the new scanners arrived, because every minute is counted now. "
    "The scanners tell us how many boxes we moved, and a screen shows who is slowest. "
    "I think the union could help, although many people are afraid to sign the card. "
    "What would you change first? "
    "I would change the schedule, so that parents can pick up their children from school. "
    "Then I would fix the ventilation, and I would give us a quiet room to eat lunch. "
    "Thank you, that is all my questions for today."
)


def speech(text: str = PASSAGE, *, words_per_minute: int = 160) -> np.ndarray:
    """Text spoken by espeak-ng, as float32 mono 16 kHz (through a pipe: no file is written)."""
    import io
    import shutil
    import subprocess

    import numpy as np
    import pytest
    import soundfile as sf

    from core.audio.resample import downmix, resample

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (Debian: apt-get install espeak-ng)")
    wav = subprocess.run(["espeak-ng", "--stdout", "-s", str(words_per_minute), text], check=True,
                         capture_output=True, timeout=60).stdout
    samples, rate = sf.read(io.BytesIO(wav), dtype="float32")
    return np.ascontiguousarray(resample(downmix(samples), rate), dtype=np.float32)
