"""Regenerate the packet test vectors in this folder, byte for byte.

    .venv/bin/python tests/vectors/packets/make_vectors.py

Everything is derived from fixed seeds: the test keys (written to keys/, test use only), the
packet ids, and the age encryption's randomness. Real packets use pyrage with fresh
randomness; here a small age v1 X25519 encryptor (age-encryption.org/v1, written from the
spec with the `cryptography` primitives) takes seeded randomness instead, so the files do
not change from run to run. The reader, pyrage and the `age` CLI all decrypt them, which
also checks that encryptor independently.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import struct
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from core.documents.interview import InterviewDoc
from core.packets import format as fmt
from core.packets.keys import encode_device_key, fingerprint
from core.packets.payload import build_manifest, pack
from core.packets.seal import seal
from core.reports.interview_summary import write_interview_summary

CREATED_DAY = "2024-05-02"


def seeded(label: str, n: int = 32) -> bytes:
    out, counter = b"", 0
    while len(out) < n:
        out += hashlib.sha256(f"confidant test vectors/{label}/{counter}".encode()).digest()
        counter += 1
    return out[:n]


# --- bech32 (BIP 173), as age uses it for keys ------------------------------------------------
_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert(data: bytes | list[int], frombits: int, tobits: int, pad: bool) -> list[int]:
    acc = bits = 0
    out = []
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & ((1 << tobits) - 1))
    if pad and bits:
        out.append((acc << (tobits - bits)) & ((1 << tobits) - 1))
    return out


def bech32_encode(hrp: str, raw: bytes) -> str:
    data = _convert(raw, 8, 5, True)
    checksum = _polymod(_hrp_expand(hrp) + data + [0] * 6) ^ 1
    data += [(checksum >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[d] for d in data)


def bech32_decode(text: str) -> bytes:
    text = text.lower()
    hrp, _, rest = text.rpartition("1")
    data = [_CHARSET.index(c) for c in rest]
    assert _polymod(_hrp_expand(hrp) + data) == 1, "bad bech32 checksum"
    return bytes(_convert(data[:-6], 5, 8, False))


# --- age v1, X25519 recipients, seeded randomness ---------------------------------------------
def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def age_encrypt_seeded(plaintext: bytes, recipients: Sequence[str], label: str) -> bytes:
    file_key = seeded(f"{label}/file-key", 16)
    header = "age-encryption.org/v1\n"
    for n, recipient in enumerate(recipients):
        their = bech32_decode(recipient)
        eph = X25519PrivateKey.from_private_bytes(seeded(f"{label}/ephemeral/{n}"))
        share = eph.public_key().public_bytes_raw()
        shared = eph.exchange(X25519PublicKey.from_public_bytes(their))
        wrap_key = _hkdf(shared, share + their, b"age-encryption.org/v1/X25519")
        body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
        header += f"-> X25519 {_b64(share)}\n{_b64(body)}\n"
    header += "---"
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header.encode(), "sha256").digest()
    out = bytearray((header + f" {_b64(mac)}\n").encode())
    nonce = seeded(f"{label}/nonce", 16)
    out += nonce
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunk = 64 * 1024
    chunks = [plaintext[i:i + chunk] for i in range(0, len(plaintext), chunk)] or [b""]
    for i, part in enumerate(chunks):
        last = 1 if i == len(chunks) - 1 else 0
        out += aead.encrypt(i.to_bytes(11, "big") + bytes([last]), part, None)
    return bytes(out)


# --- fixed test parties ----------------------------------------------------------------------
class Party:
    def __init__(self, name: str) -> None:
        self.device = Ed25519PrivateKey.from_private_bytes(seeded(f"{name}/device"))
        self.device_public = encode_device_key(self.device.public_key().public_bytes_raw())
        age_secret = seeded(f"{name}/age")
        self.identity = bech32_encode("age-secret-key-", age_secret).upper()
        self.recipient = bech32_encode(
            "age", X25519PrivateKey.from_private_bytes(age_secret).public_key().public_bytes_raw())


RESEARCHER = Party("researcher-laptop")
STRANGER = Party("unknown-laptop")
COORDINATOR = Party("coordinator")
OTHER_COORDINATOR = Party("other-coordinator")


def interview_doc(packet_id: str, supersedes: str | None, variant: str = "") -> dict:
    return {
        "format": fmt.INTERVIEW_FORMAT, "packet_id": packet_id, "supersedes": supersedes,
        "interview": {"code": "P-900", "site": "SITE-T", "month": "2024-05", "language": "en",
                      "consent": {"method": "verbal", "witnessed": True}},
        "guide": {"id": "job-quality", "version": "1", "title": "Job quality"},
        "codebook": [{"id": "pay", "label": "Pay", "description": "", "parent": None},
                     {"id": "scheduling", "label": "Scheduling", "description": "", "parent": None}],
        "questions": [{"id": "q1", "text": "How is the pay where you work?", "section": "Pay"}],
        "segments": [
            {"index": 0, "question_id": "q1", "speaker": "interviewer", "start_ms": 0, "end_ms": 3000,
             "text": "How is the pay where you work?"},
            {"index": 1, "question_id": "q1", "speaker": "participant", "start_ms": 3000, "end_ms": 9000,
             "text": f"[PERSON 1] cut our hours again{variant}, so the pay is worse."}],
        "tags": [{"segment": 1, "theme": "pay", "start": None, "end": None, "source": "manual"},
                 {"segment": 1, "theme": "scheduling", "start": 0, "end": 28, "source": "auto"}],
        "memos": [],
        "deid": {"signed_off_at": "2024-05-02T10:00:00+00:00", "redactions": {"PERSON": 1}},
        "app": {"name": "confidant", "version": "test-vectors"},
    }


def files_for(packet_id: str, supersedes: str | None, variant: str = "") -> dict[str, bytes]:
    doc = interview_doc(packet_id, supersedes, variant)
    vtt = "WEBVTT\n\n" + "".join(
        f"{s['index'] + 1}\n00:00:{s['start_ms'] // 1000:02d}.000 --> 00:00:{s['end_ms'] // 1000:02d}.000\n"
        f"<v {s['speaker']}>{s['text']}\n\n" for s in doc["segments"])
    return {"interview.json": json.dumps(doc, indent=1).encode(), "transcript.vtt": vtt.encode(),
            "summary.pdf": write_interview_summary(InterviewDoc.from_json(doc))}


def packet_id(label: str) -> str:
    return seeded(f"packet-id/{label}", 16).hex()


def make(label: str, plaintext: bytes, *, pid: str, supersedes: str | None = None, device: Party = RESEARCHER,
         recipients: Sequence[str] = (COORDINATOR.recipient,), version: int = fmt.FORMAT_VERSION) -> bytes:
    data, _header = seal(plaintext, recipients=list(recipients), signer=device.device.sign,
                        device_fingerprint=fingerprint(device.device_public), packet_id=pid,
                        supersedes=supersedes, created_day=CREATED_DAY,
                        encrypt=lambda p, r: age_encrypt_seeded(p, r, label))
    if version != fmt.FORMAT_VERSION:  # re-sign a header claiming another version
        raw = bytearray(data[:fmt.HEADER_LEN])
        struct.pack_into(">H", raw, len(fmt.MAGIC), version)
        sig = device.device.sign(fmt.SIGNATURE_CONTEXT + bytes(raw))
        data = bytes(raw) + sig + data[fmt.PAYLOAD_OFFSET:]
    return data


def flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:]


def zip_raw(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                        compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def build() -> list[tuple[str, bytes, dict]]:
    """(file name, packet bytes, expectation) for every case."""
    valid_id = packet_id("valid")
    valid = make("valid", pack(files_for(valid_id, None), valid_id, None), pid=valid_id)
    fix_id = packet_id("valid-supersedes")
    fixed = make("valid-supersedes", pack(files_for(fix_id, valid_id, " (corrected)"), fix_id, valid_id),
                 pid=fix_id, supersedes=valid_id)
    two_id = packet_id("two-recipients")
    two = make("two-recipients", pack(files_for(two_id, None), two_id, None), pid=two_id,
               recipients=[OTHER_COORDINATOR.recipient, COORDINATOR.recipient])
    dup = make("duplicate-id-b", pack(files_for(valid_id, None, " (different)"), valid_id, None), pid=valid_id)
    wrong_id = packet_id("wrong-recipient")
    wrong = make("wrong-recipient", pack(files_for(wrong_id, None), wrong_id, None), pid=wrong_id,
                 recipients=[OTHER_COORDINATOR.recipient])
    stranger_id = packet_id("unknown-device")
    stranger = make("unknown-device", pack(files_for(stranger_id, None), stranger_id, None),
                    pid=stranger_id, device=STRANGER)
    v2_id = packet_id("unsupported-version")
    # Version 2 is the withdrawal notice (spec §11; vectors in tests/vectors/withdrawals/): the
    # first version no reader knows is 3.
    v2 = make("unsupported-version", pack(files_for(v2_id, None), v2_id, None), pid=v2_id, version=3)
    # A header claiming a payload over the limit, properly signed.
    big = bytearray(valid[:fmt.HEADER_LEN])
    struct.pack_into(">Q", big, 102, fmt.MAX_PAYLOAD_LEN + 1)
    oversized_len = bytes(big) + RESEARCHER.device.sign(fmt.SIGNATURE_CONTEXT + bytes(big)) \
        + valid[fmt.PAYLOAD_OFFSET:]
    # A zip member over MAX_FILE_LEN (33 MiB of zeros deflate to ~33 KB), listed in the manifest.
    bomb_id = packet_id("oversized-member")
    bomb_files = files_for(bomb_id, None)
    bomb_files["padding.bin"] = bytes(fmt.MAX_FILE_LEN + 1)
    bomb = make("oversized-member", zip_raw({**bomb_files, "manifest.json": build_manifest(bomb_files, bomb_id,
                                                                                          None)}),
                pid=bomb_id)
    # Contents that differ from the manifest, properly sealed and signed.
    mm_id = packet_id("manifest-mismatch")
    mm_files = files_for(mm_id, None)
    manifest = build_manifest(mm_files, mm_id, None)
    mm_files["transcript.vtt"] += b"added after the manifest was made\n"
    mismatch = make("manifest-mismatch", zip_raw({**mm_files, "manifest.json": manifest}), pid=mm_id)
    # The valid packet's sealed contents moved under a new, properly signed header.
    moved_id = packet_id("moved-payload")
    moved = make("moved-payload", pack(files_for(valid_id, None), valid_id, None), pid=moved_id)

    # Validly sealed and signed, but interview.json breaks §5.2: `deid.redactions` is a list (it
    # imported, then crashed every coordinator report for the whole vault).
    bad_id = packet_id("bad-interview")
    bad_files = files_for(bad_id, None)
    bad_doc = json.loads(bad_files["interview.json"])
    bad_doc["deid"]["redactions"] = ["PERSON"]
    bad_files["interview.json"] = json.dumps(bad_doc, indent=1).encode()
    bad = make("bad-interview", pack(bad_files, bad_id, None), pid=bad_id)

    accept = {"verdict": "accept"}
    cases = [
        ("valid.cpkt", valid, {**accept, "packet_id": valid_id, "supersedes": None,
                               "description": "a valid packet"}),
        ("valid-supersedes.cpkt", fixed, {**accept, "packet_id": fix_id, "supersedes": valid_id,
                                          "description": "a valid correction of valid.cpkt"}),
        ("valid-two-recipients.cpkt", two, {**accept, "packet_id": two_id, "supersedes": None,
                                            "description": "sealed to two coordinators; either opens it"}),
        ("duplicate-id.cpkt", dup, {**accept, "packet_id": valid_id, "supersedes": None,
                                    "importer_after": "valid.cpkt", "importer_verdict": "conflict",
                                    "description": "valid alone, but reuses valid.cpkt's id with different "
                                                   "content: an importer that has valid.cpkt reports a conflict"}),
        ("truncated-header.cpkt", valid[:100], {"verdict": "truncated", "description": "cut inside the header"}),
        ("truncated-payload.cpkt", valid[:-40], {"verdict": "truncated", "description": "cut inside the payload"}),
        ("truncated-magic.cpkt", valid[:5], {"verdict": "truncated", "description": "only 5 bytes"}),
        ("flipped-header.cpkt", flip(valid, 20), {"verdict": "bad_signature",
                                                  "description": "one bit flipped in the packet id"}),
        ("flipped-payload.cpkt", flip(valid, len(valid) - 100), {"verdict": "hash_mismatch",
                                                                 "description": "one bit flipped in the payload"}),
        ("flipped-signature.cpkt", flip(valid, fmt.HEADER_LEN + 10), {"verdict": "bad_signature",
                                                                      "description": "one bit flipped in the "
                                                                                     "signature"}),
        ("wrong-recipient.cpkt", wrong, {"verdict": "not_for_you",
                                         "description": "sealed only to another coordinator"}),
        ("unknown-device.cpkt", stranger, {"verdict": "unknown_device",
                                           "description": "signed by a device that is not enrolled"}),
        ("unsupported-version.cpkt", v2, {"verdict": "unsupported_version",
                                          "description": "format version 3, signed"}),
        ("oversized-payload-len.cpkt", oversized_len, {"verdict": "oversized",
                                                       "description": "header claims a payload over "
                                                                      "MAX_PAYLOAD_LEN, signed"}),
        ("oversized-member.cpkt", bomb, {"verdict": "oversized",
                                         "description": "a zip member over MAX_FILE_LEN (a zip bomb)"}),
        ("manifest-mismatch.cpkt", mismatch, {"verdict": "manifest_mismatch",
                                              "description": "a file changed after the manifest was made"}),
        ("moved-payload.cpkt", moved, {"verdict": "manifest_mismatch",
                                       "description": "valid.cpkt's sealed contents under a new signed header"}),
        ("bad-interview.cpkt", bad, {"verdict": "bad_interview",
                                     "description": "signed, but deid.redactions in interview.json is a list"}),
        ("trailing-bytes.cpkt", valid + b"\n", {"verdict": "malformed", "description": "a byte after the payload"}),
        ("not-a-packet.cpkt", b"%PDF-1.4\nnot a packet\n", {"verdict": "malformed",
                                                           "description": "some other file"}),
    ]
    return cases


def write_keys() -> None:
    folder = HERE / "keys"
    folder.mkdir(exist_ok=True)
    note = "# TEST KEY for tests/vectors/packets only. Never use it for anything else.\n"
    (folder / "coordinator.agekey").write_text(note + COORDINATOR.identity + "\n")
    (folder / "coordinator.age").write_text(COORDINATOR.recipient + "\n")
    (folder / "other-coordinator.agekey").write_text(note + OTHER_COORDINATOR.identity + "\n")
    (folder / "researcher-device.pub").write_text(RESEARCHER.device_public + "\n")
    (folder / "unknown-device.pub").write_text(STRANGER.device_public + "\n")


def main() -> None:
    write_keys()
    common = {"identity": "keys/coordinator.agekey", "trusted_devices": ["keys/researcher-device.pub"]}
    for name, data, expected in build():
        (HERE / name).write_bytes(data)
        expected = {"file": name, **expected, **common, "sha256": hashlib.sha256(data).hexdigest()}
        (HERE / name.replace(".cpkt", ".expected.json")).write_text(json.dumps(expected, indent=1) + "\n")
        print(f"{name:32} {expected['verdict']}")


if __name__ == "__main__":
    main()
