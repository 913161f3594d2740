"""RecordingRepo: the rows other capabilities rely on (real SQLCipher vault)."""

from __future__ import annotations

import pytest

from core.audio import codec
from core.errors import InvalidInput, NotFound
from core.vault.recordings import RecordingRepo


def test_create_get_and_chunks(vault, interview):
    repo = RecordingRepo(vault)
    rec = repo.create(interview.id, "mic", device_name="vmic")
    assert rec.state == "recording" and rec.sample_rate_hz == 16000 and rec.codec == "flac"
    assert repo.unfinished() == [rec]
    assert repo.latest(interview.id) == rec
    for seq in range(3):
        repo.add_chunk(rec.id, seq, seq * 16000, 16000, codec.encode([0.0] * 16000))
    assert repo.committed_samples(rec.id) == 48000
    assert repo.get(rec.id).total_samples == 48000
    assert [c.seq for c in repo.chunks(rec.id, 16000, 16001)] == [1]
    assert [c.seq for c in repo.chunks(rec.id, 15999, 16001)] == [0, 1]
    repo.finish(rec.id)
    done = repo.get(rec.id)
    assert done.state == "complete" and done.ended_at and done.duration_s == 3.0
    assert repo.unfinished() == []


def test_markers_sorted_by_sample_clock(vault, interview):
    repo = RecordingRepo(vault)
    rec = repo.create(interview.id, "mic")
    repo.add_marker(rec.id, "next_question", 32000, question_id="q2")
    repo.add_marker(rec.id, "next_question", 100, question_id="q1", label="Q1")
    kinds = [(m.sample_offset, m.question_id) for m in repo.markers(rec.id)]
    assert kinds == [(100, "q1"), (32000, "q2")]
    with pytest.raises(InvalidInput):
        repo.add_marker(rec.id, "nonsense", 0)


def test_unknown_ids_raise_not_found(vault, interview):
    repo = RecordingRepo(vault)
    with pytest.raises(NotFound):
        repo.get(999)
    with pytest.raises(NotFound):
        repo.create("no-such-interview", "mic")
    assert repo.latest(interview.id) is None
