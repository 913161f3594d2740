"""Fuzz targets shared by the hypothesis tests and benchmarks/faults/fuzz_campaign.py.

Each target feeds one hostile input to a reader and returns the outcome class; anything but a
result or the reader's own clean error (a ``CoreError`` with a message) is a finding.
"""

from __future__ import annotations

import time
from pathlib import Path

from core.errors import CoreError

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "tests" / "vectors" / "packets"
MAX_SECONDS_PER_CASE = 5.0


def _timed(fn, *args, **kwargs) -> str:
    t0 = time.perf_counter()
    try:
        fn(*args, **kwargs)
        outcome = "accepted"
    except CoreError as exc:
        assert exc.user_message, "a reject without a message"
        outcome = type(exc).__name__
    elapsed = time.perf_counter() - t0
    assert elapsed < MAX_SECONDS_PER_CASE, f"took {elapsed:.1f} s"
    return outcome


def packet_keys() -> tuple[list[str], list[str]]:
    lines = (VECTORS / "keys" / "coordinator.agekey").read_text().splitlines()
    identity = [line for line in lines if line.startswith("AGE-SECRET-KEY-1")]
    return identity, [(VECTORS / "keys" / "researcher-device.pub").read_text().strip()]


def fuzz_packet(data: bytes) -> str:
    from core.packets.reader import inspect, verify_and_open
    identity, trusted = packet_keys()
    _timed(inspect, data)
    return _timed(verify_and_open, data, identities=identity, trusted_devices=trusted)


def fuzz_guide(text: str) -> str:
    from core.guide.loader import load_guide
    return _timed(load_guide, text)


def fuzz_transcript(data: bytes, file_name: str) -> str:
    from core.tagging.transcript_import import read_transcript
    return _timed(read_transcript, data, file_name)


def valid_packet() -> bytes:
    return (VECTORS / "valid.cpkt").read_bytes()


def default_guide() -> str:
    return (REPO / "resources" / "guides" / "job-quality.en.yaml").read_text(encoding="utf-8")
