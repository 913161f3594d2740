"""Alignment without markers (decision 0254), real MiniLM and the default guide: chat before
the first question is under no question, and a question the interviewer goes back to keeps its
answer under that question."""

from __future__ import annotations

from core.guide.loader import load_guide
from core.tagging.questions import align_by_wording
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments

TURNS = [
    ("ask", "Okay, it's recording, I think. Can you hear me okay?"),
    ("say", "Yeah, I can hear you fine, go ahead whenever you're ready."),
    ("ask", "So tell me about your job right now. What does a normal day look like for you?"),
    ("say", ("I run the morning shift at the warehouse. I get in at six, check the pick lists, and then "
             "I'm on the floor scanning and loading trucks until two.")),
    ("ask", "How does your supervisor treat you and the others on the shift?"),
    ("say", ("She's okay with me, but she picks favourites. The people she likes get the easy aisles "
             "and the rest of us get the freezer.")),
    ("ask", "What keeps you in this job, what makes you stay?"),
    ("say", "Honestly the pay is steady and my kids need the health insurance, so I stay for that."),
    ("ask", "Going back to your supervisor for a second. How does she treat the people she doesn't like?"),
    ("say", ("Not really. Her friends get the overtime and the good days off, and when we ask about it "
             "she says the schedule is not our business.")),
]


def test_chat_before_the_first_question_is_under_no_question_and_a_repeat_keeps_its_question(embedder):
    guide = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))
    result = align_by_wording(build_segments([t for _, t in TURNS]), guide, embedder)
    under = {}
    for seg in result.segments:
        for kind, text in TURNS:
            if kind == "say" and seg.text and seg.text in text:
                under.setdefault(text, seg.question_id)
    answers = [t for k, t in TURNS if k == "say"]
    assert under[answers[0]] is None                   # "Yeah, I can hear you fine": chat
    assert under[answers[1]] == "current_job"
    assert under[answers[2]] == "leadership"
    assert under[answers[3]] == "motivation"
    assert under[answers[4]] == "leadership"           # asked again: the supervisor, not another question
