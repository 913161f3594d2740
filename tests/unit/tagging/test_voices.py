"""Alignment without markers when diarization gave the transcript voices but no roles yet
(decision 0221): the voice that does not ask places no guide question, so a '?' inside an
answer ("Honestly?", a question the participant quotes) no longer starts one. Real MiniLM."""

from __future__ import annotations

from dataclasses import replace

from core.guide.loader import load_guide
from core.tagging.questions import align_by_wording, roles_by_asking
from core.vault.guides import default_guides_dir
from tests.unit.tagging.conftest import build_segments

TURNS = [
    ("ask", "So walk me through a regular day at the warehouse."),
    ("say", "I pick orders from six to four, scanner on my wrist, ten hours on my feet."),
    ("ask", "And who's your supervisor, what's he like?"),
    ("say", ("Honestly? He's fine. What would you do if your boss yelled at you in front of everyone? "
             "That's what he does to the new guys.")),
    ("say", "But with me he's okay, he leaves me alone."),
    ("ask", "If you could change one thing about the job, what would it be?"),
    ("say", "Less rate pressure. And a chair at break."),
]


def _answers(voiced: bool, embedder) -> list[str | None]:
    guide = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))
    segments = build_segments([t for _, t in TURNS])
    if voiced:
        segments = [replace(s, voice="V1" if kind == "ask" else "V2") for s, (kind, _) in zip(segments, TURNS)]
    result = align_by_wording(segments, guide, embedder)
    said = [t for kind, t in TURNS if kind == "say"]
    # Each answer's question: the question of the segment holding the answer's last words.
    return [next(s.question_id for s in reversed(result.segments) if s.text and s.text in text)
            for text in said]


def test_with_voices_a_question_inside_the_participants_answer_starts_nothing(embedder):
    # Text alone (no voices) puts "Honestly?" under satisfaction and the quoted question under
    # psychological safety, taking the supervisor answer and the next one with them.
    assert _answers(True, embedder) == ["current_job", "leadership", "leadership", "ideal_job"]


def test_the_voice_that_asks_far_less_is_the_participant():
    voices = ["V1", "V2", "V2", "V1", "V2", "V2"]
    texts = ["What do you do there?", "I drive.", "Why? The pay.", "And your boss, how is she?",
             "She's fair.", "She listens."]
    assert roles_by_asking(voices, texts) == {"V1": "", "V2": "participant"}


def test_two_interviewers_sharing_the_questions_both_keep_asking():
    voices = ["V1", "V3", "V2", "V3", "V2"]
    texts = ["What do you do there?", "How long have you been there?", "I drive.",
             "And your boss, how is she?", "She's fair."]
    assert roles_by_asking(voices, texts) == {"V1": "", "V3": "", "V2": "participant"}


def test_one_voice_or_none_says_nothing():
    assert roles_by_asking(["V1", "V1"], ["What do you do?", "I drive."]) == {}
    assert roles_by_asking(["", ""], ["What do you do?", "I drive."]) == {}


def test_the_tag_job_reads_the_voices_when_the_roles_were_only_guessed(vault, guided_interview, embedder):
    # As `transcribe --speakers auto` leaves a transcript without a voice sample: voices, and
    # roles guessed from who asks (flag speaker_auto), which the tag job works out again.
    from core.jobs import run_job
    from core.tagging.service import make_tag_job
    from core.vault.transcripts import TranscriptRepo
    segments = [replace(s, voice="V1" if kind == "ask" else "V2",
                        speaker="interviewer" if kind == "ask" else "participant", flags=["speaker_auto"])
                for s, (kind, _) in zip(build_segments([t for _, t in TURNS]), TURNS)]
    TranscriptRepo(vault).create(guided_interview.id, segments)
    run_job(make_tag_job(vault, guided_interview.id, embedder=embedder))
    stored = TranscriptRepo(vault).current_segments(guided_interview.id)
    quoted = next(s for s in stored if "yelled at you" in s.text)
    assert quoted.question_id == "leadership" and quoted.speaker == "participant"
