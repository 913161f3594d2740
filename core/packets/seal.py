"""Sealing: age-encrypt a payload to the recipients, build the header, sign it (spec §3–§6).

Kept free of the vault so that the writer, the test-vector generator and benchmarks share
one path; the signer is a callable so the secret key never has to leave ``core.packets.keys``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

from core.errors import Msg, NoRecipients
from core.packets.format import (
    FORMAT_VERSION,
    MAX_PAYLOAD_LEN,
    SIGNATURE_CONTEXT,
    SIGNATURE_LEN,
    Header,
    reject,
)

Signer = Callable[[bytes], bytes]
Encryptor = Callable[[bytes, Sequence[str]], bytes]


def age_encrypt(plaintext: bytes, recipients: Sequence[str]) -> bytes:
    """age v1, binary, one X25519 stanza per recipient (pyrage; the `age` CLI reads it)."""
    import pyrage
    from pyrage import x25519
    if not recipients:
        raise NoRecipients()
    return pyrage.encrypt(plaintext, [x25519.Recipient.from_str(r) for r in recipients])


def today_utc() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def seal(plaintext: bytes, *, recipients: Sequence[str], signer: Signer, device_fingerprint: str,
         packet_id: str, supersedes: str | None = None, created_day: str | None = None,
         encrypt: Encryptor = age_encrypt, version: int = FORMAT_VERSION) -> tuple[bytes, Header]:
    """The bytes of a complete packet and its header."""
    payload = encrypt(plaintext, recipients)
    if len(payload) > MAX_PAYLOAD_LEN:
        raise reject("oversized", Msg("packets.interview_too_large_one"))
    header = Header(version, packet_id, created_day or today_utc(), device_fingerprint,
                    hashlib.sha256(payload).hexdigest(), len(payload), supersedes)
    raw = header.encode()
    signature = signer(SIGNATURE_CONTEXT + raw)
    assert len(signature) == SIGNATURE_LEN
    return raw + signature + payload, Header(**{**header.__dict__, "raw": raw})
