"""Human decisions survive re-runs; span codes survive edits; themes rename/merge/split."""

from __future__ import annotations

from core.jobs import run_job
from core.tagging.service import make_tag_job, set_speaker
from core.vault.memos import MemoRepo
from core.vault.tags import TagRepo
from core.vault.themes import NewTheme, ThemeRepo
from core.vault.transcripts import TranscriptRepo
from tests.unit.tagging.conftest import build_segments

TURNS = [
    "Can you tell me about your job right now? What does a normal day look like?",
    "I work nights in the hospital kitchen and we prep four hundred trays a shift.",
    "When you have a concern about the work, do you feel you can speak up?",
    ("No, when I complained about the broken dishwasher nothing happened, and my supervisor "
    "moved me to the worst station."),
]


def _seg(vault, iid, words: str):
    return next(s for s in TranscriptRepo(vault).current_segments(iid) if words in s.text)


def _tagged(vault, iid, embedder):
    TranscriptRepo(vault).create(iid, build_segments(TURNS))
    run_job(make_tag_job(vault, iid, embedder=embedder))
    return TagRepo(vault)


def test_rerun_never_overwrites_accepted_or_rejected_and_never_resuggests(vault, guided_interview, embedder):
    iid = guided_interview.id
    tags = _tagged(vault, iid, embedder)
    suggested = tags.list(iid, state="suggested")
    assert {t.code_id for t in suggested} >= {"current_job_experience", "voice"}
    accepted = next(t for t in suggested if t.code_id == "voice")
    rejected = next(t for t in suggested if t.code_id == "current_job_experience")
    tags.accept(accepted.id)
    tags.reject(rejected.id)
    seg3 = _seg(vault, iid, "supervisor")
    manual = tags.add_manual(iid, seg3.id, "leadership_power", 47, 70)
    before = {t.id: (t.state, t.score, t.code_id, t.segment_id) for t in tags.list(iid)}

    summary = run_job(make_tag_job(vault, iid, embedder=embedder))

    after = {t.id: (t.state, t.score, t.code_id, t.segment_id) for t in tags.list(iid)}
    for tag_id in (accepted.id, rejected.id, manual.id):
        assert after[tag_id] == before[tag_id]
    again = [t for t in tags.list(iid) if t.code_id == "current_job_experience"
             and t.segment_id == rejected.segment_id and t.start_char is None]
    assert [t.id for t in again] == [rejected.id]  # not suggested a second time
    assert summary.kept == 2  # the accepted and the rejected suggestion (spans are never touched)


def test_a_speaker_set_by_a_person_stays(vault, guided_interview, embedder):
    iid = guided_interview.id
    _tagged(vault, iid, embedder)
    seg = _seg(vault, iid, "hospital kitchen")
    assert seg.speaker == "participant"
    set_speaker(vault, seg.id, "interviewer")
    run_job(make_tag_job(vault, iid, embedder=embedder))
    assert TranscriptRepo(vault).segment(seg.id).speaker == "interviewer"


def test_span_codes_survive_edits_of_neighbouring_and_own_segment(vault, guided_interview, embedder):
    iid = guided_interview.id
    tags = _tagged(vault, iid, embedder)
    segs = [_seg(vault, iid, w) for w in ("normal day", "hospital kitchen", "speak up", "supervisor")]
    text = segs[3].text
    start = text.index("my supervisor")
    span = tags.add_manual(iid, segs[3].id, "leadership_power", start, start + len("my supervisor"))
    TranscriptRepo(vault).update_text(segs[2].id, "So when something worries you at work, can you say so?")
    TranscriptRepo(vault).update_text(segs[1].id, "I work nights. " + segs[1].text)
    got = tags.get(span.id)
    assert text[got.start_char:got.end_char] == "my supervisor"
    # Now edit the tagged segment itself, before the span: the span follows its words.
    new_text = "Honestly? " + text.replace("broken dishwasher", "broken old dishwasher")
    TranscriptRepo(vault).update_text(segs[3].id, new_text)
    got = tags.get(span.id)
    assert new_text[got.start_char:got.end_char] == "my supervisor"
    assert tags.reanchor(iid) == 1
    assert tags.get(span.id).start_char == new_text.index("my supervisor")


def test_themes_rename_merge_split_with_tags_following(vault, guided_interview, embedder):
    iid = guided_interview.id
    tags = _tagged(vault, iid, embedder)
    themes = ThemeRepo(vault)
    seg = _seg(vault, iid, "supervisor")
    a = tags.add_manual(iid, seg.id, "voice")
    b = tags.add_manual(iid, seg.id, "psychological_safety")
    themes.rename("voice", "Speaking up")
    assert themes.get("voice").label == "Speaking up" and tags.get(a.id).code_id == "voice"
    moved = themes.merge(["psychological_safety"], "voice")
    assert moved >= 1
    assert tags.get(a.id).code_id == "voice"
    ids = [t.id for t in tags.list(iid)]
    assert b.id not in ids  # same segment, same theme after the merge: one tag kept
    assert "psychological_safety" not in {t.id for t in themes.list()}
    assert themes.resolve("psychological_safety") == "voice"
    # A manual tag with the merged theme lands on the surviving one.
    assert tags.add_manual(iid, seg.id, "psychological_safety", 0, 3).code_id == "voice"
    kids = themes.split("voice", [NewTheme("voice_ideas", "Ideas"), NewTheme("voice_complaints", "Complaints")],
                        {a.id: "voice_complaints"})
    assert [k.parent for k in kids] == ["voice", "voice"]
    assert tags.get(a.id).code_id == "voice_complaints"


def test_memos_on_segment_and_interview(vault, guided_interview, embedder):
    iid = guided_interview.id
    _tagged(vault, iid, embedder)
    seg = _seg(vault, iid, "hospital kitchen")
    memos = MemoRepo(vault)
    memos.add(iid, "Good quote about night work", segment_id=seg.id, is_shared=True)
    memos.add(iid, "Participant was tired")
    assert [(m.segment_id, m.is_shared) for m in memos.list(iid)] == [(seg.id, True), (None, False)]
    assert [m.text for m in memos.list(iid, shared_only=True)] == ["Good quote about night work"]
