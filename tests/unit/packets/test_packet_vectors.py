"""Every file in tests/vectors/packets gets its expected verdict, with a readable reason."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from core.errors import PacketRejected
from core.packets import format as fmt
from core.packets.reader import inspect, verify_and_open

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "packets"
EXPECTED = sorted(VECTORS.glob("*.expected.json"))


def _key_lines(rel: str) -> list[str]:
    text = (VECTORS / rel).read_text()
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _load(path: Path) -> tuple[dict, bytes]:
    expected = json.loads(path.read_text())
    data = (VECTORS / expected["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == expected["sha256"]
    return expected, data


def _open(expected: dict, data: bytes):
    identities = _key_lines(expected["identity"])
    trusted = [line for rel in expected["trusted_devices"] for line in _key_lines(rel)]
    return verify_and_open(data, identities=identities, trusted_devices=trusted)


def test_there_is_a_vector_for_every_reason_code():
    verdicts = {json.loads(p.read_text())["verdict"] for p in EXPECTED}
    assert set(fmt.REASONS) | {"accept"} == verdicts


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.replace(".expected.json", ""))
def test_vector_gets_its_verdict(path):
    expected, data = _load(path)
    if expected["verdict"] == "accept":
        opened = _open(expected, data)
        assert opened.header.packet_id == expected["packet_id"]
        assert opened.header.supersedes == expected["supersedes"]
        assert set(fmt.REQUIRED_FILES) <= set(opened.files)
        assert opened.interview.packet_id == expected["packet_id"]
        return
    with pytest.raises(PacketRejected) as info:
        _open(expected, data)
    assert info.value.code == expected["verdict"], info.value.reason
    assert len(info.value.reason) > 20 and info.value.hint  # a sentence and what to do next


def test_inspect_agrees_on_header_level_verdicts():
    """inspect() runs steps 1-7 only: it must reject exactly the header-level cases."""
    payload_level = {"oversized-member.cpkt"}  # oversized, but only found inside the payload
    for path in EXPECTED:
        expected, data = _load(path)
        header_level = expected["verdict"] in {"truncated", "malformed", "unsupported_version", "oversized"}
        if header_level and expected["file"] not in payload_level:
            with pytest.raises(PacketRejected) as info:
                inspect(data)
            assert info.value.code == expected["verdict"]
        else:
            assert inspect(data).payload_len == len(data) - fmt.PAYLOAD_OFFSET


def test_duplicate_id_is_a_different_packet_with_the_same_id():
    valid = inspect((VECTORS / "valid.cpkt").read_bytes())
    dup = inspect((VECTORS / "duplicate-id.cpkt").read_bytes())
    assert dup.packet_id == valid.packet_id and dup.digest != valid.digest


def test_generator_reproduces_the_committed_files():
    spec = importlib.util.spec_from_file_location("make_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data, _expected in module.build():
        assert (VECTORS / name).read_bytes() == data, f"{name} differs: run make_vectors.py"


@pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")
def test_standard_age_cli_decrypts_a_vector_payload(tmp_path):
    data = (VECTORS / "valid-two-recipients.cpkt").read_bytes()
    (tmp_path / "payload.age").write_bytes(data[fmt.PAYLOAD_OFFSET:])
    for key in ("coordinator.agekey", "other-coordinator.agekey"):
        out = subprocess.run(["age", "--decrypt", "-i", str(VECTORS / "keys" / key), str(tmp_path / "payload.age")],
                             capture_output=True, check=True).stdout
        assert out[:2] == b"PK"
