"""Pure parts: time maps, guardrail flags, VTT/SRT/TXT writers, carrying edits over."""

from __future__ import annotations

import numpy as np
import pytest

from core.transcription import formats
from core.transcription.engine import EngineOptions, RawSegment, RawWord
from core.transcription.guardrails import (
    FLAG_COMPRESSION,
    FLAG_LOW_CONFIDENCE,
    FLAG_NO_SPEECH,
    FLAG_REPEATED_SEGMENT,
    FLAG_REPETITION,
    flag_all,
)
from core.transcription.store import FLAG_KEPT_EDIT, carry_edits, to_segments
from core.transcription.timemap import TimeMap
from core.vault.transcripts import Segment

SR = 16000


def test_timemap_cuts_and_maps_back_to_the_recording_clock():
    # 10 s recording, 2..5 s off the record: the engine sees 7 s.
    tm = TimeMap.cutting(10 * SR, [(2 * SR, 5 * SR)])
    audio = np.arange(10 * SR, dtype=np.float32)
    clip = tm.apply(audio)
    assert len(clip) == 7 * SR and tm.kept_samples == 7 * SR
    assert clip[2 * SR] == audio[5 * SR]  # the sample after the cut is the one after the span
    assert tm.to_source_s(1.0) == 1.0
    assert tm.to_source_s(2.5) == 5.5
    assert tm.to_source_s(2.0) == 5.0                 # a start at the border is after the cut
    assert tm.to_source_s(2.0, is_end=True) == 2.0    # an end at the border is before it
    assert tm.to_source_s(7.0, is_end=True) == 10.0


def test_timemap_edge_cases():
    assert TimeMap.cutting(100, [(0, 100)]).kept_samples == 0
    assert len(TimeMap.cutting(100, [(0, 100)]).apply(np.ones(100, np.float32))) == 0
    tm = TimeMap.cutting(100, [(80, 200), (-5, 10), (30, 40), (35, 50)])
    assert tm.pieces == ((10, 30), (50, 80))
    audio = np.ones(100, np.float32)
    assert TimeMap.keep_all(100).apply(audio) is audio  # no copy when nothing is cut


def _seg(text, logprob=-0.2, nsp=0.01, cr=1.2, start=0.0, end=1.0, words=()):
    return RawSegment(start, end, text, logprob, nsp, cr, list(words))


def test_guardrail_flags():
    segs = [
        _seg("I work nights at the depot."),
        _seg("thank you thank you thank you thank you thank you"),
        _seg("thank you thank you thank you thank you thank you"),
        _seg("Okay.", logprob=-1.4, nsp=0.9),
        _seg("la la la", cr=3.1),
    ]
    flags = flag_all(segs)
    assert flags[0] == []
    assert FLAG_REPETITION in flags[1] and FLAG_REPEATED_SEGMENT not in flags[1]
    assert FLAG_REPEATED_SEGMENT in flags[2]
    assert FLAG_NO_SPEECH in flags[3] and FLAG_LOW_CONFIDENCE in flags[3]
    assert FLAG_COMPRESSION in flags[4]


def test_to_segments_keeps_word_probabilities_on_the_recording_clock():
    tm = TimeMap.cutting(10 * SR, [(2 * SR, 5 * SR)])
    raw = [_seg("before after", start=1.0, end=3.0,
                words=[RawWord(1.0, 1.5, " before", 0.9), RawWord(2.5, 3.0, " after", 0.3)]),
           _seg("   ")]
    segs = to_segments(raw, tm, offset_s=100.0)
    assert len(segs) == 1  # empty text dropped
    s = segs[0]
    assert (s.start_ms, s.end_ms) == (101_000, 106_000)
    assert [(w.start_ms, w.word, w.probability) for w in s.words] == [(101_000, " before", 0.9),
                                                                     (105_500, " after", 0.3)]
    assert s.confidence == pytest.approx(0.6)
    assert s.original_text == s.text == "before after"


def test_carry_edits_replaces_overlapped_segments_and_keeps_speakers():
    old = [Segment(0, 2000, "Hello there", speaker="interviewer", original_text="hello their", is_edited=True, id=1),
           Segment(2000, 5000, "raw text", speaker="participant", id=2)]
    new = [Segment(0, 1000, "hello"), Segment(1000, 2100, "their"), Segment(2100, 5000, "new text"),
           Segment(6000, 7000, "more")]
    out = carry_edits(old, new)
    assert [s.text for s in out] == ["Hello there", "new text", "more"]
    assert out[0].is_edited and FLAG_KEPT_EDIT in out[0].flags and out[0].id is None
    assert out[1].speaker == "participant"   # carried by overlap
    assert out[2].speaker == ""              # nothing old overlaps it


def test_formats():
    segs = [Segment(0, 1500, "Hello  --> world", speaker="interviewer"), Segment(3_723_004, 3_724_000, "Bye"),
            Segment(5, 6, " ")]
    vtt = formats.to_vtt(segs)
    # A closed voice span (Taguette shows an unclosed one literally); cue text escaped as markup.
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n<v Interviewer>Hello -&gt; world</v>\n")
    assert "01:02:03.004 --> 01:02:04.000\nBye" in vtt
    assert formats.to_vtt([Segment(0, 1, "R&D <said> so", speaker="participant")]).splitlines()[4] == (
        "<v Participant>R&amp;D &lt;said&gt; so</v>")
    srt = formats.to_srt(segs)
    assert srt.startswith("1\n00:00:00,000 --> 00:00:01,500\nHello -> world\n\n2\n01:02:03,004")
    assert formats.to_txt(segs) == "interviewer: Hello -> world\nBye\n"
    assert formats.to_txt(segs, with_times=True).splitlines()[1] == "[01:02:03] Bye"


def test_engine_options_from_dict_ignores_unknown_keys():
    opts = EngineOptions.from_dict({"beam_size": 2, "discard_edits": True, "vad": False})
    assert (opts.beam_size, opts.vad, opts.condition_on_previous_text) == (2, False, False)
