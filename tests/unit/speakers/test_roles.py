"""The interviewer by voice: the voice closest to the researcher's sample; else who asks."""

from __future__ import annotations

import numpy as np

from core.speakers.child import embed_clip
from core.speakers.diarize import DiarizeOptions, diarize
from core.speakers.roles import roles_from_sample, roles_from_wording
from core.vault.transcripts import Segment


def test_the_voice_closest_to_the_sample_is_the_interviewer(encoder, joined4, one_reader):
    audio, ref = joined4
    # The researcher is the "librivox" reader: their sample is a separate reading of theirs.
    sample, speech_s = embed_clip(one_reader, encoder)
    assert speech_s > 20
    d = diarize(audio, encoder, DiarizeOptions(n_speakers=4))
    roles = roles_from_sample(d.centroids, sample, d.speech_s)
    interviewer = [v for v, r in roles.items() if r.role == "interviewer"]
    assert len(interviewer) == 1
    # That voice is the one speaking during the reader's reference turns.
    theirs = [(s, e) for s, e, k in ref if k == "librivox"]
    heard = sum(min(t.end_ms, e) - max(t.start_ms, s) for t in d.turns if t.voice == interviewer[0]
                for s, e in theirs if min(t.end_ms, e) > max(t.start_ms, s))
    own = sum(t.end_ms - t.start_ms for t in d.turns if t.voice == interviewer[0])
    assert heard >= 0.8 * sum(e - s for s, e in theirs)  # reference turns include the clips' edges
    assert heard >= 0.95 * own  # and that voice is hardly ever anyone else
    labels = sorted(r.label for r in roles.values())
    assert labels == ["Interviewer", "Participant", "Participant 2", "Participant 3"]


def test_a_pair_of_interviewers_gets_two_interviewer_voices():
    vectors = {"V1": [1.0, 0.0, 0.0], "V2": [0.8, 0.6, 0.0], "V3": [0.0, 0.0, 1.0]}
    roles = roles_from_sample(vectors, np.array([1.0, 0.1, 0.0]), {"V1": 10, "V2": 5, "V3": 20}, interviewers=2)
    assert {v: r.label for v, r in roles.items()} == {"V1": "Interviewer", "V2": "Interviewer 2", "V3": "Participant"}


def test_without_a_sample_the_voice_that_asks_is_the_interviewer():
    segs = [Segment(0, 1, "How did your shift go?", voice="V2"),
            Segment(1, 2, "It was long. My lead kept changing the plan.", voice="V1"),
            Segment(2, 3, "What happened when the plan changed?", voice="V2"),
            Segment(3, 4, "We stayed late. Nobody told us why.", voice="V1")]
    roles = roles_from_wording(segs, ["V1", "V2"], {"V1": 30, "V2": 8})
    assert roles["V2"].role == "interviewer" and roles["V1"].role == "participant"
