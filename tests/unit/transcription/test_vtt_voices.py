"""VTT voices are closed spans and the text survives a round trip through an importer."""

from __future__ import annotations

import re

from core.tagging.transcript_import import parse_cues
from core.transcription import formats
from core.vault.transcripts import Segment


def test_every_voice_span_is_closed_and_text_round_trips():
    segs = [Segment(0, 2000, "Tell me about R&D <nights>.", speaker="interviewer"),
            Segment(2000, 5000, "My lead said 'no' --> twice.", speaker="participant"),
            Segment(5000, 6000, "(no speaker)")]
    vtt = formats.to_vtt(segs)
    cues = [line for line in vtt.splitlines() if line.startswith("<v")]
    assert len(cues) == 2 and all(re.fullmatch(r"<v [A-Z][a-z]+>[^<]*</v>", c) for c in cues), cues
    back = parse_cues(vtt, "vtt").segments
    assert [(s.speaker, s.text) for s in back] == [
        ("interviewer", "Tell me about R&D <nights>."),
        ("participant", "My lead said 'no' -> twice."),
        ("", "(no speaker)")]
