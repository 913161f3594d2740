"""Words take their voice from their own timing; no segment spans a change of voice."""

from __future__ import annotations

from core.speakers.assign import FLAG_VOICE_MANUAL, voice_segments
from core.speakers.diarize import VoiceTurn
from core.vault.transcripts import Segment, Word


def _seg(words: list[tuple[int, int, str]], **kw) -> Segment:
    ws = [Word(s, e, w, 0.9) for s, e, w in words]
    return Segment(ws[0].start_ms, ws[-1].end_ms, " ".join(w for *_, w in words), words=ws, **kw)


TURNS = [VoiceTurn(0, 2100, "V1"), VoiceTurn(2300, 5000, "V2")]


def test_a_segment_is_split_at_the_change_of_voice():
    seg = _seg([(0, 400, "How"), (400, 800, "was"), (800, 1900, "work?"),
                (2400, 2900, "Long,"), (2900, 3500, "really"), (3500, 4200, "long.")])
    out, splits = voice_segments([seg], TURNS)
    assert splits == 1
    assert [(s.text, s.voice) for s in out] == [("How was work?", "V1"), ("Long, really long.", "V2")]
    assert out[0].end_ms <= out[1].start_ms == 2400
    assert all(w.voice == s.voice for s in out for w in s.words)


def test_a_segment_whose_words_split_a_token_is_still_split_at_the_change_of_voice():
    # The engine's words as they come (leading spaces; "ill" + "-disposed" are one token of the
    # text): the text is their concatenation, and each part gets its own words' text.
    ws = [Word(0, 400, " He", 0.9), Word(400, 800, " was", 0.9), Word(800, 1200, " ill", 0.9),
          Word(1200, 1900, "-disposed.", 0.9), Word(2400, 2900, " Ask", 0.9), Word(2900, 3500, " not.", 0.9)]
    seg = Segment(0, 3500, "He was ill-disposed. Ask not.", words=ws)
    out, splits = voice_segments([seg], TURNS)
    assert splits == 1
    assert [(s.text, s.voice) for s in out] == [("He was ill-disposed.", "V1"), ("Ask not.", "V2")]


def test_a_short_flip_inside_one_voice_does_not_cut_the_sentence():
    turns = [VoiceTurn(0, 1000, "V1"), VoiceTurn(1000, 1200, "V2"), VoiceTurn(1200, 3000, "V1")]
    seg = _seg([(0, 500, "I"), (500, 1000, "mostly"), (1000, 1200, "uh"), (1200, 2000, "stack"),
                (2000, 2900, "shelves.")])
    out, splits = voice_segments([seg], turns)
    assert splits == 0 and [s.voice for s in out] == ["V1"]


def test_words_in_a_pause_take_the_nearest_voice():
    seg = _seg([(5200, 5600, "Right.")])
    out, _ = voice_segments([seg], TURNS)
    assert out[0].voice == "V2"


def test_edited_and_moved_passages_keep_their_voice():
    edited = _seg([(0, 400, "How"), (2400, 2900, "Long")], is_edited=True, voice="V2")
    moved = _seg([(0, 400, "Hi"), (400, 800, "there")], voice="V2", flags=[FLAG_VOICE_MANUAL])
    out, splits = voice_segments([edited, moved], TURNS)
    assert splits == 0 and [s.voice for s in out] == ["V2", "V2"]
