"""How interviewers asked each default guide question: the wordings of the question-starting
turns in every labelled set (decision 0239).

The wordings live in ``asking_bank.json`` beside this module, written by
``benchmarks/tagging/run.py --fit``. Keyed by the guide question's exact text, so an edited
question is not matched. These are the benchmark's invented interviews, not anyone's transcript.
"""

from __future__ import annotations

import json
from pathlib import Path

BANK_FILE = Path(__file__).with_name("asking_bank.json")

WORDINGS: dict[str, tuple[str, ...]] = {
    question: tuple(wordings)
    for question, wordings in json.loads(BANK_FILE.read_text(encoding="utf-8")).items()}
