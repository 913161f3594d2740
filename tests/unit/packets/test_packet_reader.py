"""The reader's accept/reject algorithm (docs/packet-format.md §7)."""

from __future__ import annotations

import hashlib
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import PacketRejected
from core.packets import format as fmt
from core.packets.reader import inspect, verify_and_open
from tests.helpers.packets import Coordinator, Device, make_packet


@pytest.fixture(scope="module")
def parties():
    return Device.new(), Coordinator.new()


@pytest.fixture(scope="module")
def packet(parties):
    device, coord = parties
    return make_packet(device, [coord.recipient])


def _open(data, parties, **kw):
    device, coord = parties
    return verify_and_open(data, identities=kw.get("identities", [coord.identity]),
                           trusted_devices=kw.get("trusted", {"laptop": device.public}))


def _code(data, parties, **kw) -> str:
    with pytest.raises(PacketRejected) as info:
        _open(data, parties, **kw)
    assert info.value.reason and info.value.hint  # a person can read why and what to do
    return info.value.code


def test_valid_packet_opens(packet, parties):
    opened = _open(packet, parties)
    assert sorted(opened.files) == sorted(fmt.REQUIRED_FILES)
    assert opened.interview.packet_id == opened.header.packet_id
    assert opened.header.device_fingerprint == parties[0].fingerprint
    assert opened.header.digest == hashlib.sha256(packet[:fmt.HEADER_LEN]).hexdigest()


def test_inspect_needs_no_keys_and_reveals_only_the_header(packet):
    header = inspect(packet)
    assert set(header.to_dict()) == {"format_version", "packet_id", "created_day", "device_fingerprint",
                                     "payload_sha256", "payload_len", "supersedes", "header_digest"}
    assert b"P-001" not in packet and b"SITE-A" not in packet


def test_header_round_trip(packet):
    header = inspect(packet)
    assert header.encode() == packet[:fmt.HEADER_LEN]


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:]


@pytest.mark.parametrize("mutate, code", [
    (lambda d: d[:4], "truncated"),
    (lambda d: d[:150], "truncated"),
    (lambda d: d[:-1], "truncated"),
    (lambda d: d + b"\0", "malformed"),
    (lambda d: b"PK\x03\x04" + d[4:], "malformed"),
    (lambda d: _flip(d, 20), "bad_signature"),          # packet id
    (lambda d: _flip(d, 80), "bad_signature"),          # payload hash
    (lambda d: _flip(d, 40), "unknown_device"),         # device fingerprint
    (lambda d: _flip(d, 9), "unsupported_version"),
    (lambda d: _flip(d, 11), "malformed"),              # flags: supersedes without an id
    (lambda d: _flip(d, 127), "malformed"),             # reserved
    (lambda d: _flip(d, 130), "bad_signature"),
    (lambda d: _flip(d, len(d) - 5), "hash_mismatch"),
    (lambda d: d[:102] + struct.pack(">Q", fmt.MAX_PAYLOAD_LEN + 1) + d[110:], "oversized"),
])
def test_each_way_to_be_wrong(packet, parties, mutate, code):
    assert _code(mutate(packet), parties) == code


def test_unknown_device_and_wrong_recipient(packet, parties):
    assert _code(packet, parties, trusted={}) == "unknown_device"
    assert _code(packet, parties, identities=[Coordinator.new().identity]) == "not_for_you"
    assert _code(packet, parties, identities=["not a key"]) == "not_for_you"


def test_any_of_several_recipients_can_open(parties):
    device, coord = parties
    other = Coordinator.new()
    data = make_packet(device, [other.recipient, coord.recipient])
    assert _open(data, parties).header.payload_len == len(data) - fmt.PAYLOAD_OFFSET
    assert _open(data, parties, identities=[other.identity]).files


def test_manifest_must_match(parties):
    device, coord = parties
    # A payload listing a file whose bytes differ: made by hand, sealed and signed properly.
    import io
    import json
    import zipfile

    from core.packets.payload import build_manifest
    from core.packets.seal import seal
    from tests.helpers.packets import interview_doc
    pid = fmt.new_packet_id()
    files = {"interview.json": json.dumps(interview_doc(pid)).encode(), "summary.pdf": b"%PDF",
             "transcript.vtt": b"WEBVTT\n"}
    manifest = build_manifest(files, pid, None)
    files["transcript.vtt"] = b"WEBVTT\n\nchanged"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in {**files, "manifest.json": manifest}.items():
            zf.writestr(name, data)
    data, _ = seal(buf.getvalue(), recipients=[coord.recipient], signer=device.secret.sign,
                   device_fingerprint=device.fingerprint, packet_id=pid)
    assert _code(data, parties) == "manifest_mismatch"


def test_supersedes_is_carried_and_bound(parties):
    device, coord = parties
    first = inspect(make_packet(device, [coord.recipient])).packet_id
    second = make_packet(device, [coord.recipient], supersedes=first)
    opened = _open(second, parties)
    assert opened.header.supersedes == first == opened.interview.supersedes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_no_exception_but_packet_rejected_escapes(packet, parties, data):
    kind = data.draw(st.sampled_from(["flip", "cut", "splice", "random"]))
    if kind == "flip":
        offset = data.draw(st.integers(0, len(packet) - 1))
        mutated = packet[:offset] + bytes([packet[offset] ^ data.draw(st.integers(1, 255))]) + packet[offset + 1:]
    elif kind == "cut":
        mutated = packet[:data.draw(st.integers(0, len(packet) - 1))]
    elif kind == "splice":
        offset = data.draw(st.integers(0, len(packet)))
        mutated = packet[:offset] + data.draw(st.binary(min_size=1, max_size=64)) + packet[offset:]
    else:
        mutated = fmt.MAGIC + data.draw(st.binary(max_size=400))
    try:
        _open(mutated, parties)
    except PacketRejected as exc:
        assert exc.code in fmt.REASONS
    else:
        raise AssertionError("a changed packet was accepted")


def test_constants_match_the_spec():
    """Every constant in docs/packet-format.md §2 exists in core.packets.format with that value."""
    import re
    from pathlib import Path
    spec = (Path(__file__).resolve().parents[3] / "docs" / "packet-format.md").read_text()
    table = spec[spec.index("## 2. Constants"):spec.index("## 3.")]
    rows = re.findall(r"^\| `([A-Z_]+)` \| (.+?) \|", table, re.MULTILINE)
    assert len(rows) >= 20
    for name, value in rows:
        assert hasattr(fmt, name), name
        number = re.match(r"`(\d+)`", value)
        if number:
            assert getattr(fmt, name) == int(number.group(1)), name
    assert fmt.MAGIC == bytes.fromhex("434F4E46504B540A")
    assert len(fmt.SIGNATURE_CONTEXT) == 30 and fmt.PAYLOAD_OFFSET == 192
    assert fmt.MAX_PACKET_LEN == fmt.PAYLOAD_OFFSET + fmt.MAX_PAYLOAD_LEN
