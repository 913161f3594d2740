"""With voices known, the tagging step makes the voice that asks the guide's questions the
interviewer for all its passages — a participant's own question does not flip them."""

from __future__ import annotations

from core.guide.loader import load_guide
from core.tagging.questions import align_by_wording
from core.vault.guides import default_guides_dir
from core.vault.transcripts import Segment

GUIDE = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))


def test_the_voice_asking_the_guide_is_the_interviewer_for_all_its_passages():
    segs = [Segment(0, 4000, "Can you tell me about your job right now?", voice="V1"),
            Segment(4000, 9000, "I pack orders at the warehouse. Why do you ask?", voice="V2"),
            Segment(9000, 12000, "Okay, that makes sense.", voice="V1"),
            Segment(12000, 16000, "Overall, how satisfied are you with your job?", voice="V1"),
            Segment(16000, 20000, "Mostly satisfied, the pay is fine.", voice="V2")]
    result = align_by_wording(segs, GUIDE, embedder=None)
    roles = {(s.voice, s.speaker) for s in result.segments}
    assert roles == {("V1", "interviewer"), ("V2", "participant")}
