"""Hostile inputs to the packet reader (issue #22 items 11 and 13), replayed from the red team."""

from __future__ import annotations

import os
import threading

import pytest

from core.cli import main
from core.coordinator.devices import enrol
from core.coordinator.inbox import Importer
from core.errors import InvalidInput, PacketRejected
from core.packets import reader
from core.packets.format import INTERVIEW_FORMAT, MAX_PACKET_LEN
from core.packets.keys import age_identity
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_packets import SUMMARY_PLACEHOLDER, Device, hex_id, seal_files


def _with_timeout(fn, seconds: float = 10.0):
    out: dict = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "read_packet_file hung"
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_a_named_dev_zero_is_refused_without_reading_it():
    with pytest.raises(InvalidInput) as err:
        _with_timeout(lambda: reader.read_packet_file("/dev/zero"))
    assert "not a regular file" in err.value.user_message


def test_a_fifo_is_refused_instead_of_hanging(tmp_path):
    fifo = tmp_path / "p.cpkt"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput) as err:
        _with_timeout(lambda: reader.read_packet_file(fifo))
    assert "not a regular file" in err.value.user_message


def test_a_sparse_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.cpkt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_PACKET_LEN + 1)
    with pytest.raises(PacketRejected) as err:
        reader.read_packet_file(big)
    assert err.value.code == "oversized"


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def _hostile_interview(pid: str, **extra: bytes) -> bytes:
    fields = b", ".join(b'"%s": %s' % (k.encode(), v) for k, v in extra.items())
    return (b'{"format": "%s", "packet_id": "%s", "supersedes": null, %s}'
            % (INTERVIEW_FORMAT.encode(), pid.encode(), fields))


@pytest.fixture
def deep_packet(coordinator_vault, tmp_path):
    from core.packets.keys import age_recipient
    device = Device()
    recipient = age_recipient(coordinator_vault)
    pid = hex_id("deep")
    files = {"interview.json": _hostile_interview(pid, segments=_deep(200_000)),
             "summary.pdf": SUMMARY_PLACEHOLDER, "transcript.vtt": b"WEBVTT\n"}
    path = tmp_path / "deep.cpkt"
    path.write_bytes(seal_files(files, device, [recipient], pid))
    return coordinator_vault, device, path


def test_a_deeply_nested_signed_payload_is_rejected_as_malformed(deep_packet, capsys):
    vault, device, path = deep_packet
    enrol(vault, device.public_key, "hostile but enrolled")
    result = Importer(vault).import_file(path)
    assert (result.verdict, result.code) == ("rejected", "malformed")
    assert "Traceback" not in capsys.readouterr().err


def test_audit_packet_with_identity_on_a_deep_payload_gives_a_verdict_not_a_traceback(deep_packet, tmp_path, capsys):
    vault, _device, path = deep_packet
    identity = tmp_path / "identity.txt"
    identity.write_text(age_identity(vault) + "\n")
    code = main(["audit", "packet", str(path), "--identity", str(identity)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "interview.json cannot be read" in out


def test_a_bug_in_a_command_is_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    from core.vault import Vault
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    Vault.create(tmp_path / "v", PASSPHRASE, role="coordinator", kdf=FAST_KDF)[0].close()
    import core.coordinator.aggregate as aggregate_module

    def broken(*_a, **_k):
        raise KeyError("a bug")
    monkeypatch.setattr(aggregate_module, "aggregate", broken)
    code = main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(pw), "coordinator", "themes"])
    err = capsys.readouterr().err
    assert code == 70 and "Traceback" not in err
    assert "internal error (KeyError)" in err


def test_a_zip_claiming_an_unknown_version_is_malformed_not_an_internal_error():
    """Found by the fuzz run: zipfile raises NotImplementedError for 'zip file version 15.0'."""
    from core.packets.payload import pack, unpack
    pid = hex_id("zipver")
    raw = bytearray(pack({"interview.json": b"{}", "summary.pdf": SUMMARY_PLACEHOLDER,
                          "transcript.vtt": b"WEBVTT\n"}, pid, None))
    central = raw.find(b"PK\x01\x02")
    raw[central + 6:central + 8] = (150).to_bytes(2, "little")  # version needed to extract: 15.0
    with pytest.raises(PacketRejected) as err:
        unpack(bytes(raw))
    assert err.value.code == "malformed" and "internal" not in err.value.user_message
    assert "NotImplementedError" not in err.value.user_message


def test_key_files_are_read_bounded(tmp_path):
    """A device key or recipient file comes from someone else: /dev/zero or a huge file is refused."""
    from core.coordinator.devices import parse_device_key
    from core.packets.keys import MAX_KEY_FILE_BYTES, parse_recipient
    big = tmp_path / "device.key"
    big.write_text("#" * (MAX_KEY_FILE_BYTES + 1) + "\n")
    for parse in (parse_device_key, parse_recipient):
        for source in ("/dev/zero", str(big)):
            with pytest.raises(InvalidInput):
                _with_timeout(lambda p=parse, s=source: p(s))
