"""Hostile input to the packet reader, the guide loader and the transcript importer (hypothesis).

No crash, no hang: each input is accepted or rejected with a clean ``CoreError``. The number of
cases each run is asserted (and a larger campaign's figures are in benchmarks/faults/README.md).
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.audit import fuzz_targets as targets

CASES = 150
_ran: Counter[str] = Counter()
_settings = settings(max_examples=CASES, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw, original: bytes):
    """The original with a few bytes flipped, cut, or spliced with random bytes."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[pos:pos + draw(st.integers(1, 200))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif data:
            data[pos:pos + 32] = bytes(min(32, len(data) - pos))
    return bytes(data)


@_settings
@given(st.one_of(st.binary(max_size=2048), mutated(targets.valid_packet())))
def test_packet_reader_rejects_cleanly(data):
    _ran["packet"] += 1
    outcome = targets.fuzz_packet(data)
    assert outcome in ("accepted", "PacketRejected")


@_settings
@given(st.one_of(st.text(max_size=2000), mutated(targets.default_guide().encode()).map(
    lambda b: b.decode("utf-8", "replace"))))
def test_guide_loader_rejects_cleanly(text):
    _ran["guide"] += 1
    assert targets.fuzz_guide(text) in ("accepted", "GuideInvalid")


_VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: How are shifts set?\n\n" \
       b"00:00:04.500 --> 00:00:09.000\nParticipant: The rota changes every week.\n"


@_settings
@given(st.one_of(st.binary(max_size=2048), mutated(_VTT)),
       st.sampled_from(["t.vtt", "t.srt", "t.txt", "t.html", "t"]))
def test_transcript_importer_rejects_cleanly(data, name):
    _ran["transcript"] += 1
    assert targets.fuzz_transcript(data, name) in ("accepted", "TranscriptImportError")


@pytest.mark.parametrize("target", ["packet", "guide", "transcript"])
def test_number_of_cases_ran(target):
    # Runs after the fuzz tests in file order; if they were deselected, there is nothing to count.
    if not _ran:
        pytest.skip("fuzz tests not run in this session")
    assert _ran[target] >= CASES
