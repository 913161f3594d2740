"""Question alignment: exact with markers; paraphrases found without them."""

from __future__ import annotations

from core.guide.loader import load_guide
from core.jobs import run_job
from core.tagging.service import make_tag_job
from core.vault.guides import default_guides_dir
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import TranscriptRepo
from tests.unit.tagging.conftest import build_segments

GUIDE = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))

# (question asked or None, who speaks, text). Turn boundaries are NOT segment boundaries in
# the marker test: answers and next questions are glued into one segment, as Whisper does.
PARAPHRASED = [
    (None, "interviewer", "Thanks for sitting down with me, this stays between us."),
    (None, "participant", "Sure, happy to help."),
    ("current_job", "interviewer", "So what's your work like at the moment, what happens on a regular day?"),
    ("current_job", "participant", "I'm on the packing line, ten hour shifts, and the pace keeps going up."),
    ("current_job", "participant", "We scan and pack and load the trucks until the end of the night."),
    ("leadership", "interviewer", "How does your boss treat the people on your team?"),
    ("leadership", "participant", "He shouts when we fall behind and he has his favourites."),
    # satisfaction, motivation, voice... skipped by the interviewer
    ("psych_safety", "interviewer", "Is it safe to make a mistake where you work?"),
    ("psych_safety", "participant", "No, you get written up, so people hide their mistakes."),
    ("ideal_job", "interviewer", "Last one: if you could build the perfect job, what would it be like?"),
    ("ideal_job", "participant", "Steady hours, fair pay and a supervisor who listens to us."),
]


def test_alignment_with_markers_is_exact_and_splits_straddling_segments(vault, guided_interview, embedder):
    iid = guided_interview.id
    turns = [t for _, _, t in PARAPHRASED]
    per_turn = build_segments(turns)
    # Glue each question onto the end of the previous answer, so markers fall inside segments.
    glued, gold_words = [], []
    for k, seg in enumerate(per_turn):
        qid = PARAPHRASED[k][0]
        gold_words.extend([qid] * len(seg.words))
        if PARAPHRASED[k][1] == "interviewer" and glued:
            prev = glued[-1]
            prev.text += " " + seg.text
            prev.words = prev.words + seg.words
            prev.end_ms = seg.end_ms
        else:
            glued.append(seg)
    rec = RecordingRepo(vault).create(iid, "mic")
    for k, seg in enumerate(per_turn):
        qid, speaker, _ = PARAPHRASED[k]
        if speaker == "interviewer" and qid is not None:
            RecordingRepo(vault).add_marker(rec.id, "next_question", seg.start_ms * 16, qid)
    TranscriptRepo(vault).create(iid, glued, recording_id=rec.id)

    summary = run_job(make_tag_job(vault, iid, embedder=embedder))

    assert summary.method == "markers" and summary.splits == 4
    stored = TranscriptRepo(vault).current_segments(iid)
    got_words = [s.question_id for s in stored for _ in s.words]
    assert got_words == gold_words
    assert [s.idx for s in stored] == list(range(len(stored)))


def test_late_marker_snaps_back_to_where_the_question_was_asked(vault, guided_interview, embedder):
    iid = guided_interview.id
    segs = build_segments([t for _, _, t in PARAPHRASED])
    rec = RecordingRepo(vault).create(iid, "mic")
    for k, seg in enumerate(segs):
        if PARAPHRASED[k][1] == "interviewer" and PARAPHRASED[k][0]:
            # pressed two seconds after the participant started answering
            late = segs[k + 1].start_ms + 2000
            RecordingRepo(vault).add_marker(rec.id, "next_question", late * 16, PARAPHRASED[k][0])
    TranscriptRepo(vault).create(iid, segs, recording_id=rec.id)
    run_job(make_tag_job(vault, iid, embedder=embedder))
    stored = TranscriptRepo(vault).current_segments(iid)
    assert [s.question_id for s in stored] == [q for q, _, _ in PARAPHRASED]


def test_alignment_without_markers_finds_paraphrased_questions_and_skips(vault, guided_interview, embedder):
    iid = guided_interview.id
    TranscriptRepo(vault).create(iid, build_segments([t for _, _, t in PARAPHRASED]))
    summary = run_job(make_tag_job(vault, iid, embedder=embedder))
    stored = TranscriptRepo(vault).current_segments(iid)
    assert summary.method == "wording"
    assert [s.question_id for s in stored] == [q for q, _, _ in PARAPHRASED]
    assert all(s.question_score is not None and 0 < s.question_score <= 1
               for s in stored if s.question_id)
    asked = [s.speaker for s, (q, who, _) in zip(stored, PARAPHRASED) if who == "interviewer" and q]
    answers = [s.speaker for s, (_, who, _) in zip(stored, PARAPHRASED) if who == "participant"]
    assert set(asked) == {"interviewer"} and set(answers) == {"participant"}


def test_question_sentence_inside_an_answer_segment_is_split_out(embedder):
    from core.tagging.questions import align_by_wording
    segs = build_segments([
        "I pack boxes all day and the pace is fast. How does your boss treat the people on your team?",
        "He shouts at us when we fall behind.",
    ])
    result = align_by_wording(segs, GUIDE, embedder)
    assert [s.text for s in result.segments] == [
        "I pack boxes all day and the pace is fast.",
        "How does your boss treat the people on your team?",
        "He shouts at us when we fall behind."]
    # The opening statement answers no asked question; the scorer (decision 0180) may read
    # it as talk about the current job, never as the leadership question asked after it.
    assert result.segments[0].question_id in (None, "current_job")
    assert [s.question_id for s in result.segments[1:]] == ["leadership", "leadership"]
    assert result.segments[1].start_ms == segs[0].words[10].start_ms
