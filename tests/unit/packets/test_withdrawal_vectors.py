"""Every withdrawal-notice vector (tests/vectors/withdrawals) gets its verdict from the reader."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from core.errors import PacketRejected
from core.packets import format as fmt
from core.packets.reader import inspect, verify_and_open

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "withdrawals"
EXPECTED = sorted(VECTORS.glob("*.expected.json"))


def _lines(rel: str) -> list[str]:
    text = (VECTORS / rel).read_text()
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_there_are_vectors():
    assert len(EXPECTED) >= 7


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.replace(".expected.json", ""))
def test_notice_vector_gets_its_verdict(path):
    expected = json.loads(path.read_text())
    data = (VECTORS / expected["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == expected["sha256"]
    identities = _lines(expected["identity"])
    trusted = [ln for rel in expected["trusted_devices"] for ln in _lines(rel)]
    if expected["verdict"] == "accept":
        opened = verify_and_open(data, identities=identities, trusted_devices=trusted)
        assert opened.header.is_withdrawal and opened.header.version == fmt.WITHDRAWAL_VERSION
        assert opened.withdrawal["notice_id"] == expected["notice_id"] == opened.header.packet_id
        assert opened.withdrawal["withdraws"] == expected["withdraws"]
        assert set(opened.files) == set(fmt.WITHDRAWAL_FILES) and opened.interview is None
        return
    with pytest.raises(PacketRejected) as info:
        verify_and_open(data, identities=identities, trusted_devices=trusted)
    assert info.value.code == expected["verdict"], info.value.reason
    assert len(info.value.reason) > 20 and info.value.hint


def test_the_notice_withdraws_the_valid_packet_vector():
    notice = json.loads((VECTORS / "valid-notice.expected.json").read_text())
    valid = inspect((VECTORS.parent / "packets" / "valid.cpkt").read_bytes())
    assert notice["withdraws"] == [valid.packet_id]


def test_an_interview_packet_is_still_version_1():
    header = inspect((VECTORS.parent / "packets" / "valid.cpkt").read_bytes())
    assert header.version == fmt.FORMAT_VERSION == 1 and not header.is_withdrawal


def test_generator_reproduces_the_committed_files():
    spec = importlib.util.spec_from_file_location("make_notice_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data, _expected in module.build():
        assert (VECTORS / name).read_bytes() == data, f"{name} differs: run make_vectors.py"


def test_the_packet_audit_reads_a_notice():
    from core.audit.model import FAIL
    from core.audit.packet_audit import audit_packet
    data = (VECTORS / "valid-notice.cpkt").read_bytes()
    identity = _lines("../packets/keys/coordinator.agekey")[0]
    report = audit_packet(data, identity=identity)
    assert report.status != FAIL, [(c.name, c.evidence) for c in report.checks if c.status == FAIL]
    assert "withdrawal notice" in report.by_name("What the outer header reveals").evidence
