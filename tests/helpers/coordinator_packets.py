"""Real packets for coordinator tests and benchmarks, sealed with the packets writer's own
sealing path (``core.packets.payload.pack`` + ``core.packets.seal.seal``): real age
encryption to the coordinator's recipient and a real Ed25519 signature by a device key.

Building payloads from synthetic interview.json dicts (tests/helpers/coordinator_data.py)
skips recording, transcription and review, which the researcher-side tests cover.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SUMMARY_PLACEHOLDER = b"%PDF-1.4\n% summary placeholder for coordinator tests\n%%EOF\n"


class Device:
    """A researcher device key: from a real researcher vault, or a bare key (benchmarks)."""

    def __init__(self, vault: Any = None) -> None:
        from core.packets import keys
        if vault is not None:
            self.public_key = keys.device_public_key(vault)
            self.sign: Callable[[bytes], bytes] = lambda data: keys.sign(vault, data)
        else:
            secret = Ed25519PrivateKey.generate()
            self.public_key = keys.encode_device_key(secret.public_key().public_bytes_raw())
            self.sign = secret.sign
        self.fingerprint = keys.fingerprint(self.public_key)


def payload_files(interview: dict[str, Any]) -> dict[str, bytes]:
    vtt = "WEBVTT\n\n" + "\n".join(
        f"{s['index']}\n00:00:00.000 --> 00:00:01.000\n{s['text']}\n" for s in interview["segments"])
    return {"interview.json": json.dumps(interview, sort_keys=True).encode("utf-8"),
            "summary.pdf": SUMMARY_PLACEHOLDER, "transcript.vtt": vtt.encode("utf-8")}


def seal_interview(interview: dict[str, Any], device: Device, recipients: list[str]) -> bytes:
    """The bytes of a complete, signed packet carrying ``interview``."""
    from core.packets.payload import pack
    from core.packets.seal import seal
    pid, sup = interview["packet_id"], interview.get("supersedes")
    plaintext = pack(payload_files(interview), pid, sup)
    data, _header = seal(plaintext, recipients=recipients, signer=device.sign,
                         device_fingerprint=device.fingerprint, packet_id=pid, supersedes=sup)
    return data


def hex_id(*parts: object) -> str:
    """A deterministic 32-hex-digit packet id."""
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:32]


def seal_files(files: dict[str, bytes], device: Device, recipients: list[str], packet_id: str,
               supersedes: str | None = None) -> bytes:
    """A validly signed packet around arbitrary payload files (for hostile-but-signed cases)."""
    from core.packets.payload import pack
    from core.packets.seal import seal
    data, _header = seal(pack(files, packet_id, supersedes), recipients=recipients, signer=device.sign,
                         device_fingerprint=device.fingerprint, packet_id=packet_id, supersedes=supersedes)
    return data
