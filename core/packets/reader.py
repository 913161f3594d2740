"""Reading packets: ``inspect`` (header only, no keys) and ``verify_and_open`` (spec §7).

Both treat their input as hostile and fail only with ``PacketRejected`` carrying a reason
code, a sentence a person can read and a hint; a bug of ours surfaces as ``malformed``
rather than as a traceback in the middle of a coordinator's batch import.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.documents.interview import InterviewDoc
from core.errors import InvalidInput, Msg, PacketRejected
from core.packets.format import (
    HEADER_LEN,
    MAX_PACKET_LEN,
    PAYLOAD_OFFSET,
    SIGNATURE_CONTEXT,
    WITHDRAWAL_FILES,
    Header,
    decode_header,
    reject,
)
from core.packets.keys import fingerprint, verify_signature
from core.packets.payload import check_interview, check_manifest, check_withdrawal, unpack

log = logging.getLogger(__name__)

__all__ = ["Header", "OpenedPacket", "inspect", "read_packet_file", "verify", "verify_and_open"]


@dataclass(frozen=True)
class OpenedPacket:
    """A packet that passed every check of spec §7."""

    header: Header
    files: dict[str, bytes]
    interview: InterviewDoc | None      # validated (spec §5.2); None for a withdrawal notice
    raw_interview: dict[str, Any]       # as decoded, unknown keys included (the audit reads all)
    manifest: dict[str, Any] = field(default_factory=dict)
    device_public_key: str = ""
    withdrawal: dict[str, Any] = field(default_factory=dict)   # a withdrawal notice's (spec §11)


def read_packet_file(path: str | Path) -> bytes:
    """The bytes of a packet file (step 1 before reading): a regular file only, never more than
    ``MAX_PACKET_LEN + 1`` bytes read — a named ``/dev/zero`` or a FIFO is refused, not read."""
    path = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InvalidInput(Msg("packets.cannot_read", path_name=path.name), Msg("packets.cannot_read.hint")) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InvalidInput(Msg("packets.not_regular_file", path_name=path.name),
                               Msg("packets.not_regular_file.hint"))
        if st.st_size > MAX_PACKET_LEN:
            raise reject("oversized", Msg("packets.bytes_2", st_size=st.st_size))
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= MAX_PACKET_LEN:
            chunk = os.read(fd, min(1 << 20, MAX_PACKET_LEN + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_PACKET_LEN:  # the file grew while being read
            raise reject("oversized", Msg("packets.more_packet_may_hold"))
        return b"".join(chunks)
    except OSError as exc:
        raise InvalidInput(Msg("packets.cannot_read", path_name=path.name), Msg("packets.cannot_read.hint")) from exc
    finally:
        os.close(fd)


def inspect(data: bytes) -> Header:
    """The header of a packet (steps 1–7), unverified: no keys are needed or used."""
    try:
        return decode_header(bytes(data))
    except PacketRejected:
        raise
    except Exception as exc:
        log.error("packet header check failed unexpectedly (%s)", type(exc).__name__)
        log.debug("packet header check failed", exc_info=True)
        raise reject("malformed", Msg("packets.unreadable_header")) from exc


def _trusted_by_fingerprint(trusted_devices: Mapping[str, str] | Iterable[str]) -> dict[str, str]:
    """Fingerprint → public key, recomputed from the keys themselves (keys of a mapping may be
    fingerprints or labels; a damaged key is skipped, never trusted)."""
    keys = trusted_devices.values() if isinstance(trusted_devices, Mapping) else trusted_devices
    out: dict[str, str] = {}
    for key in keys:
        try:
            out[fingerprint(key)] = key
        except InvalidInput:
            log.warning("skipping a trusted device key that cannot be read")
    return out


def _decrypt(payload: bytes, identities: Iterable[str]) -> bytes:
    import pyrage
    from pyrage import x25519
    parsed = []
    for text in identities:
        try:
            parsed.append(x25519.Identity.from_str(text.strip()))
        except Exception:  # noqa: BLE001 - pyrage raises its own types for a bad identity
            log.warning("skipping an age identity that cannot be read")
    if not parsed:
        raise reject("not_for_you", Msg("packets.no_key_open"))
    try:
        return pyrage.decrypt(payload, parsed)
    except pyrage.DecryptError:
        # The payload's hash was checked against the signed header already, so a failure here
        # means no identity of ours matches a stanza (pyrage's message is not a stable API).
        raise reject("not_for_you") from None


def verify_and_open(data: bytes, *, identities: list[str],
                    trusted_devices: Mapping[str, str] | Iterable[str]) -> OpenedPacket:
    """Verify, decrypt and check a packet (spec §7); raises ``PacketRejected`` only."""
    try:
        return _verify_and_open(bytes(data), identities, trusted_devices)
    except PacketRejected:
        raise
    except Exception as exc:
        # A reader's bug is `malformed` (spec §7), said in one log line: no traceback on a
        # coordinator's terminal (the traceback is logged at debug level only).
        log.error("packet check failed unexpectedly (%s)", type(exc).__name__)
        log.debug("packet check failed", exc_info=True)
        raise reject("malformed", Msg("packets.unreadable_contents", name=type(exc).__name__)) from exc


def verify(data: bytes, *, trusted_devices: Mapping[str, str] | Iterable[str]) -> Header:
    """Steps 1–10 only: the header is authentic and the payload intact; nothing is decrypted.

    For a researcher checking their own packet, who holds no coordinator identity.
    """
    try:
        return _verify(bytes(data), trusted_devices)[0]
    except PacketRejected:
        raise
    except Exception as exc:
        # A reader's bug is `malformed` (spec §7), said in one log line: no traceback on a
        # coordinator's terminal (the traceback is logged at debug level only).
        log.error("packet check failed unexpectedly (%s)", type(exc).__name__)
        log.debug("packet check failed", exc_info=True)
        raise reject("malformed", Msg("packets.unreadable_contents", name=type(exc).__name__)) from exc


def _verify(data: bytes, trusted_devices: Mapping[str, str] | Iterable[str]) -> tuple[Header, str]:
    header = decode_header(data)                                        # steps 1-7
    public_key = _trusted_by_fingerprint(trusted_devices).get(header.device_fingerprint)
    if public_key is None:                                              # step 8
        raise reject("unknown_device", Msg("packets.device", device_fingerprint=header.device_fingerprint[:16]))
    signature = data[HEADER_LEN:PAYLOAD_OFFSET]
    if not verify_signature(public_key, signature, SIGNATURE_CONTEXT + data[:HEADER_LEN]):
        raise reject("bad_signature")                                   # step 9
    payload = data[PAYLOAD_OFFSET:]
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:    # step 10
        raise reject("hash_mismatch")
    return header, public_key


def _verify_and_open(data: bytes, identities: list[str],
                     trusted_devices: Mapping[str, str] | Iterable[str]) -> OpenedPacket:
    header, public_key = _verify(data, trusted_devices)                 # steps 1-10
    payload = data[PAYLOAD_OFFSET:]
    plaintext = _decrypt(payload, identities)                           # step 11
    if header.is_withdrawal:                                            # spec §11
        files = unpack(plaintext, WITHDRAWAL_FILES)
        manifest = check_manifest(files, header.packet_id, None)
        notice = check_withdrawal(files, header.packet_id)
        log.info("withdrawal notice %s verified (%d packets)", header.packet_id, len(notice["withdraws"]))
        return OpenedPacket(header, files, None, {}, manifest, public_key, notice)
    files = unpack(plaintext)                                           # steps 12-13
    manifest = check_manifest(files, header.packet_id, header.supersedes)  # step 14
    interview, raw = check_interview(files, header.packet_id, header.supersedes)  # steps 15-16
    log.info("packet %s verified (%d files)", header.packet_id, len(files))
    return OpenedPacket(header, files, interview, raw, manifest, public_key)
