"""Synthetic de-identified interview.json payloads for coordinator tests and benchmarks.

They follow the "confidant-interview/1" format in the contracts exactly (what a researcher's
export puts in a packet), with made-up, name-free answers, so aggregation and reports can be
tested on hundreds of interviews without running the researcher pipeline for each one.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from core.documents.interview import InterviewDoc

THEMES = [
    ("pay", "Pay and wages", "Pay rates, wage theft, tips, raises"),
    ("hours", "Hours and scheduling", "Schedules, overtime, split shifts, notice"),
    ("safety", "Health and safety", "Injuries, equipment, heat, pace of work"),
    ("respect", "Respect and dignity", "How supervisors and managers treat workers"),
    ("voice", "Voice at work", "Being heard, raising problems, organizing"),
    ("training", "Training and growth", "Learning the job, promotion, skills"),
    ("workload", "Workload", "Staffing, speed-ups, too much work"),
    ("security", "Job security", "Fear of losing the job, temp contracts"),
]

QUESTIONS = [
    ("q1", "Tell me about a normal shift.", "Daily work"),
    ("q2", "How is your pay, and is it paid on time?", "Pay"),
    ("q3", "How do schedules get made where you work?", "Hours"),
    ("q4", "Have you or a co-worker been hurt at work?", "Safety"),
    ("q5", "How do supervisors treat people?", "Respect"),
    ("q6", "When something is wrong, can you say so?", "Voice"),
]

PHRASES = {
    "pay": ["the pay has not gone up in three years even though rent keeps climbing",
            "they shorted my check twice last month and I had to fight to get it back"],
    "hours": ["we get the schedule on Friday night for the Monday shift",
              "they send people home early when it is slow so you never know your hours"],
    "safety": ["the floor is always wet by the freezers and [PERSON 1] slipped there",
               "in the summer the loading dock gets over a hundred degrees"],
    "respect": ["[SUPERVISOR 1] yells at people in front of the whole crew",
                "nobody says thank you, they only notice when something goes wrong"],
    "voice": ["when we complained about the heat they said we could leave if we did not like it",
              "a few of us started meeting in the break room to talk about it"],
    "training": ["I learned the machine by watching, nobody trained me",
                 "there is no way to move up unless you know somebody"],
    "workload": ["they cut two people from the line and kept the same quota",
                 "we are always short staffed on weekends"],
    "security": ["most of us are through the agency so they can let us go any day",
                 "I worry every week that I will not be called back"],
}


def make_interview(*, packet_id: str | None = None, code: str = "P-001", site: str = "SITE-A",
                   month: str = "2025-03", guide_version: str = "1.0", seed: int = 0,
                   supersedes: str | None = None, segments_per_question: int = 3,
                   language: str = "en") -> dict[str, Any]:
    """One de-identified interview: every question answered, 1–3 themes per answer."""
    rng = random.Random(seed)
    segments: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    t_ms = 0
    for qid, qtext, _section in QUESTIONS:
        segments.append({"index": len(segments), "question_id": qid, "speaker": "interviewer",
                         "start_ms": t_ms, "end_ms": t_ms + 4000, "text": qtext})
        t_ms += 4000
        chosen = rng.sample([t[0] for t in THEMES], k=rng.randint(1, 3))
        for n in range(segments_per_question):
            theme = chosen[n % len(chosen)]
            phrase = rng.choice(PHRASES[theme])
            text = f"Well, {phrase}. That is how it is for a lot of us on {site.lower()} shifts."
            idx = len(segments)
            segments.append({"index": idx, "question_id": qid, "speaker": "participant",
                             "start_ms": t_ms, "end_ms": t_ms + 9000, "text": text})
            t_ms += 9000
            if n < len(chosen):
                start = text.index(phrase)
                span = rng.random() < 0.5
                tags.append({"segment": idx, "theme": theme,
                             "start": start if span else None,
                             "end": start + len(phrase) if span else None,
                             "source": "manual" if rng.random() < 0.3 else "auto"})
    return {
        "format": "confidant-interview/1",
        "packet_id": packet_id or uuid.UUID(int=rng.getrandbits(128)).hex,
        "supersedes": supersedes,
        "interview": {"code": code, "site": site, "month": month, "language": language,
                      "consent": {"method": "verbal", "witnessed": bool(seed % 2)}},
        "guide": {"id": "job-quality", "version": guide_version, "title": "Job quality"},
        "codebook": [{"id": tid, "label": label, "description": desc, "parent": None}
                     for tid, label, desc in THEMES],
        "questions": [{"id": qid, "text": text, "section": section} for qid, text, section in QUESTIONS],
        "segments": segments,
        "tags": tags,
        "memos": [{"segment": 1, "text": "Participant was tired after a double shift."},
                  {"segment": None, "text": "Interview held in the break room."}],
        "deid": {"signed_off_at": f"{month}-15T18:00:00+00:00",
                 "redactions": {"PERSON": 1, "SUPERVISOR": 1}},
        "app": {"name": "confidant", "version": "0.1.0"},
    }


def make_corpus(n: int, *, sites: tuple[str, ...] = ("SITE-A", "SITE-B", "SITE-C"),
                seed: int = 1) -> list[dict[str, Any]]:
    """``n`` interviews spread over sites and months."""
    out = []
    for i in range(n):
        site = sites[i % len(sites)]
        month = f"2025-{1 + (i % 6):02d}"
        out.append(make_interview(code=f"P-{i + 1:03d}", site=site, month=month, seed=seed * 100_000 + i,
                                  guide_version="1.0" if i % 4 else "1.1"))
    return out


def typed(interviews: list[dict[str, Any]]) -> list[InterviewDoc]:
    """The dicts as the typed documents the coordinator works on (validated on the way)."""
    return [InterviewDoc.from_json(iv) for iv in interviews]
