"""Constants of the packet format and the codec of its fixed 128-byte header.

Every name here is defined in docs/packet-format.md §2; change the spec first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from core.documents import interview as _interview_doc
from core.errors import Msg, PacketRejected

MAGIC = b"CONFPKT\n"
FORMAT_VERSION = 1
HEADER_LEN = 128
SIGNATURE_LEN = 64
PAYLOAD_OFFSET = HEADER_LEN + SIGNATURE_LEN
PACKET_ID_LEN = 16
FINGERPRINT_LEN = 32
FLAG_SUPERSEDES = 0x0001
KNOWN_FLAGS = FLAG_SUPERSEDES
# Version 2 adds one packet kind, the withdrawal notice (spec §11); interview packets stay
# version 1, so a reader that predates notices refuses one as unsupported, never misreads it.
WITHDRAWAL_VERSION = 2
FORMAT_VERSIONS = (FORMAT_VERSION, WITHDRAWAL_VERSION)
FLAG_WITHDRAWAL = 0x0002
WITHDRAWAL_FILES = ("manifest.json", "withdrawal.json")
WITHDRAWAL_FORMAT = "confidant-withdrawal/1"
MAX_WITHDRAWN = 64
SIGNATURE_CONTEXT = b"confidant-packet/v1 signature\n"
MAX_PAYLOAD_LEN = 64 * 1024 * 1024
MAX_PACKET_LEN = PAYLOAD_OFFSET + MAX_PAYLOAD_LEN
MAX_FILES = 16
MAX_FILE_LEN = 32 * 1024 * 1024
MAX_UNZIPPED_LEN = 64 * 1024 * 1024
REQUIRED_FILES = ("manifest.json", "interview.json", "summary.pdf", "transcript.vtt")
MANIFEST_FORMAT = "confidant-manifest/1"
# Defined once, with the document it names (core/documents/interview.py); named here too so
# every constant of §2 is reachable from this module.
INTERVIEW_FORMAT = _interview_doc.INTERVIEW_FORMAT
DEVICE_KEY_PREFIX = "confidant-device-ed25519:"
FINGERPRINT_WORDS = 8
PACKET_SUFFIX = ".cpkt"

# MAGIC, VERSION, FLAGS, PACKET_ID, CREATED_DAY, DEVICE_FPR, PAYLOAD_SHA256, PAYLOAD_LEN,
# SUPERSEDES, RESERVED (spec §4).
_HEADER_STRUCT = struct.Struct(">8sHH16s10s32s32sQ16s2s")
assert _HEADER_STRUCT.size == HEADER_LEN
_NO_ID = bytes(PACKET_ID_LEN)

# What each reason code means to a person, and what to do next (spec §7); the English is in
# core/message_texts.py and the person's language in core.<lang>.json.
REASON_MSGS: dict[str, tuple[Msg, Msg]] = {
    "truncated": (Msg("packets.reason.truncated"), Msg("packets.reason.truncated.hint")),
    "malformed": (Msg("packets.reason.malformed"), Msg("packets.reason.malformed.hint")),
    "unsupported_version": (Msg("packets.reason.unsupported_version"),
                            Msg("packets.reason.unsupported_version.hint")),
    "oversized": (Msg("packets.reason.oversized"), Msg("packets.reason.oversized.hint")),
    "unknown_device": (Msg("packets.reason.unknown_device"), Msg("packets.reason.unknown_device.hint")),
    "bad_signature": (Msg("packets.reason.bad_signature"), Msg("packets.reason.bad_signature.hint")),
    "hash_mismatch": (Msg("packets.reason.hash_mismatch"), Msg("packets.reason.hash_mismatch.hint")),
    "not_for_you": (Msg("packets.reason.not_for_you"), Msg("packets.reason.not_for_you.hint")),
    "manifest_mismatch": (Msg("packets.reason.manifest_mismatch"),
                          Msg("packets.reason.manifest_mismatch.hint")),
    "bad_interview": (Msg("packets.reason.bad_interview"), Msg("packets.reason.bad_interview.hint")),
}
# The same in English (quarantine notes and import results keep the English text).
REASONS: dict[str, tuple[str, str]] = {code: (str(r), str(h)) for code, (r, h) in REASON_MSGS.items()}


def reject(code: str, detail: str | Msg = "") -> PacketRejected:
    """A PacketRejected with the person-readable reason and hint for ``code``."""
    reason, hint = REASON_MSGS[code]
    if detail:
        reason = Msg("packets.reason_with_detail", reason=reason, detail=detail)
    return PacketRejected(reason, hint, code)


def new_packet_id() -> str:
    """A fresh random packet id (32 hex digits); never derived from the interview."""
    import secrets
    return secrets.token_hex(PACKET_ID_LEN)


def _id_bytes(packet_id: str | None) -> bytes:
    if packet_id is None:
        return _NO_ID
    raw = bytes.fromhex(packet_id)
    if len(raw) != PACKET_ID_LEN:
        raise ValueError("a packet id is 32 hex digits")
    return raw


@dataclass(frozen=True)
class Header:
    """The plaintext header of a packet (spec §4). Unverified until a reader says so."""

    version: int
    packet_id: str
    created_day: str
    device_fingerprint: str
    payload_sha256: str
    payload_len: int
    supersedes: str | None
    raw: bytes = b""

    @property
    def digest(self) -> str:
        """SHA-256 of the header: equal digests mean the same packet (spec §8)."""
        return hashlib.sha256(self.raw or self.encode()).hexdigest()

    @property
    def is_withdrawal(self) -> bool:
        return self.version == WITHDRAWAL_VERSION

    def encode(self) -> bytes:
        flags = FLAG_WITHDRAWAL if self.is_withdrawal else (FLAG_SUPERSEDES if self.supersedes else 0)
        return _HEADER_STRUCT.pack(
            MAGIC, self.version, flags, _id_bytes(self.packet_id), self.created_day.encode("ascii"),
            bytes.fromhex(self.device_fingerprint), bytes.fromhex(self.payload_sha256),
            self.payload_len, _id_bytes(self.supersedes), b"\0\0")

    def to_dict(self) -> dict[str, Any]:
        return {"format_version": self.version, "packet_id": self.packet_id,
                "created_day": self.created_day, "device_fingerprint": self.device_fingerprint,
                "payload_sha256": self.payload_sha256, "payload_len": self.payload_len,
                "supersedes": self.supersedes, "header_digest": self.digest}


def decode_header(data: bytes) -> Header:
    """Spec §7 steps 1–7: parse and check the header; raises PacketRejected, nothing else."""
    if len(data) > MAX_PACKET_LEN:
        raise reject("oversized", Msg("packets.bytes", count=len(data)))
    if not data.startswith(MAGIC):
        if len(data) < len(MAGIC) and MAGIC.startswith(data) and data:
            raise reject("truncated")
        raise reject("malformed", Msg("packets.not_start_like_confidant"))
    if len(data) < len(MAGIC) + 2:
        raise reject("truncated")
    (version,) = struct.unpack_from(">H", data, len(MAGIC))
    if version not in FORMAT_VERSIONS:
        raise reject("unsupported_version", Msg("packets.format_version", version=version))
    if len(data) < PAYLOAD_OFFSET:
        raise reject("truncated")
    (_magic, _version, flags, packet_id, created, fpr, payload_hash, payload_len, supersedes,
     reserved) = _HEADER_STRUCT.unpack_from(data, 0)
    if version == WITHDRAWAL_VERSION:
        if flags != FLAG_WITHDRAWAL or supersedes != _NO_ID:
            raise reject("malformed", Msg("packets.withdrawal_notice_other_flags"))
    elif flags & ~KNOWN_FLAGS:
        raise reject("malformed", Msg("packets.unknown_flags"))
    if reserved != b"\0\0":
        raise reject("malformed", Msg("packets.reserved_bytes_not_zero"))
    try:
        created_day = created.decode("ascii")
        dt.date.fromisoformat(created_day)
        if len(created_day) != 10:
            raise ValueError(created_day)
    except (UnicodeDecodeError, ValueError):
        raise reject("malformed", Msg("packets.bad_creation_day")) from None
    has_supersedes = bool(flags & FLAG_SUPERSEDES)
    if has_supersedes != (supersedes != _NO_ID) or (has_supersedes and supersedes == packet_id):
        raise reject("malformed", Msg("packets.inconsistent_supersedes_field"))
    if payload_len > MAX_PAYLOAD_LEN:
        raise reject("oversized", Msg("packets.payload_bytes", payload_len=payload_len))
    end = PAYLOAD_OFFSET + payload_len
    if len(data) < end:
        raise reject("truncated")
    if len(data) > end:
        raise reject("malformed", Msg("packets.extra_bytes_after_payload"))
    return Header(version, packet_id.hex(), created_day, fpr.hex(), payload_hash.hex(), payload_len,
                  supersedes.hex() if has_supersedes else None, bytes(data[:HEADER_LEN]))
