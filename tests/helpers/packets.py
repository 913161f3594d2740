"""Helpers for packet tests: make a sealed packet from plain parts, without a vault."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from core.packets import format as fmt
from core.packets.keys import encode_device_key, fingerprint
from core.packets.payload import pack
from core.packets.seal import seal


@dataclass
class Device:
    secret: Ed25519PrivateKey
    public: str

    @classmethod
    def new(cls) -> Device:
        sk = Ed25519PrivateKey.generate()
        return cls(sk, encode_device_key(sk.public_key().public_bytes_raw()))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)


@dataclass
class Coordinator:
    identity: str
    recipient: str

    @classmethod
    def new(cls) -> Coordinator:
        from pyrage import x25519
        ident = x25519.Identity.generate()
        return cls(str(ident), str(ident.to_public()))


def interview_doc(packet_id: str, supersedes: str | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": fmt.INTERVIEW_FORMAT, "packet_id": packet_id, "supersedes": supersedes,
                           "interview": {"code": "P-001", "site": "SITE-A", "month": "2024-05",
                                         "language": "en", "consent": {"method": "verbal", "witnessed": False}},
                           "segments": [], "tags": [], "memos": []}
    doc.update(extra)
    return doc


def make_packet(device: Device, recipients: list[str], *, packet_id: str | None = None,
                supersedes: str | None = None, files: dict[str, bytes] | None = None) -> bytes:
    packet_id = packet_id or fmt.new_packet_id()
    parts = {"interview.json": json.dumps(interview_doc(packet_id, supersedes)).encode(),
             "summary.pdf": b"%PDF-1.4\n%%EOF\n", "transcript.vtt": b"WEBVTT\n"}
    parts.update(files or {})
    data, _header = seal(pack(parts, packet_id, supersedes), recipients=recipients, signer=device.secret.sign,
                         device_fingerprint=device.fingerprint, packet_id=packet_id, supersedes=supersedes)
    return data
