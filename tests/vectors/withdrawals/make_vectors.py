"""Regenerate the withdrawal-notice test vectors in this folder, byte for byte.

    .venv/bin/python tests/vectors/withdrawals/make_vectors.py

Notices (docs/packet-format.md §11) use the packet vectors' fixed test keys and seeded age
encryptor (tests/vectors/packets/make_vectors.py), so a reader is checked with the same keys
for both kinds. Every file here is a version 2 packet.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKETS = HERE.parent / "packets"
sys.path.insert(0, str(HERE.parents[2]))

from core.packets import format as fmt
from core.packets.keys import fingerprint
from core.packets.payload import build_manifest, pack
from core.packets.seal import seal

_spec = importlib.util.spec_from_file_location("packet_vectors", PACKETS / "make_vectors.py")
pv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pv)

WITHDRAWN = pv.packet_id("valid")          # tests/vectors/packets/valid.cpkt is the packet withdrawn


def notice_doc(notice_id: str, withdraws: list[str]) -> bytes:
    return json.dumps({"format": fmt.WITHDRAWAL_FORMAT, "notice_id": notice_id, "withdraws": withdraws,
                       "withdrawn_on": pv.CREATED_DAY}, indent=1, sort_keys=True).encode()


def make(label: str, plaintext: bytes, *, nid: str, device=pv.RESEARCHER, flags: int | None = None) -> bytes:
    data, _ = seal(plaintext, recipients=[pv.COORDINATOR.recipient], signer=device.device.sign,
                   device_fingerprint=fingerprint(device.device_public), packet_id=nid,
                   created_day=pv.CREATED_DAY, encrypt=lambda p, r: pv.age_encrypt_seeded(p, r, f"notice/{label}"),
                   version=fmt.WITHDRAWAL_VERSION)
    if flags is not None:   # re-sign a header with other flags (and a supersedes id when flagged)
        raw = bytearray(data[:fmt.HEADER_LEN])
        struct.pack_into(">H", raw, 10, flags)
        if flags & fmt.FLAG_SUPERSEDES:
            raw[110:126] = bytes.fromhex(WITHDRAWN)
        data = bytes(raw) + device.device.sign(fmt.SIGNATURE_CONTEXT + bytes(raw)) + data[fmt.PAYLOAD_OFFSET:]
    return data


def build() -> list[tuple[str, bytes, dict]]:
    ids = {k: pv.packet_id(f"notice/{k}") for k in ("valid", "flag", "noflag", "empty", "wrong", "missing",
                                                     "stranger")}

    def payload(key: str, withdraws: list[str], notice_for: str | None = None) -> bytes:
        return pack({"withdrawal.json": notice_doc(notice_for or ids[key], withdraws)}, ids[key], None)

    missing_files = {"notes.txt": b"no withdrawal.json here\n"}
    cases = [
        ("valid-notice.cpkt", make("valid", payload("valid", [WITHDRAWN]), nid=ids["valid"]),
         {"verdict": "accept", "notice_id": ids["valid"], "withdraws": [WITHDRAWN],
          "description": "a valid notice withdrawing tests/vectors/packets/valid.cpkt"}),
        ("notice-with-supersedes.cpkt",
         make("flag", payload("flag", [WITHDRAWN]), nid=ids["flag"], flags=fmt.FLAG_WITHDRAWAL | fmt.FLAG_SUPERSEDES),
         {"verdict": "malformed", "description": "a notice that also claims to supersede a packet, signed"}),
        ("notice-without-flag.cpkt", make("noflag", payload("noflag", [WITHDRAWN]), nid=ids["noflag"], flags=0),
         {"verdict": "malformed", "description": "version 2 without FLAG_WITHDRAWAL, signed"}),
        ("notice-empty.cpkt", make("empty", payload("empty", []), nid=ids["empty"]),
         {"verdict": "malformed", "description": "a notice that withdraws nothing"}),
        ("notice-other-id.cpkt", make("wrong", payload("wrong", [WITHDRAWN], notice_for=ids["valid"]),
                                      nid=ids["wrong"]),
         {"verdict": "manifest_mismatch", "description": "withdrawal.json names another notice id"}),
        ("notice-missing-file.cpkt",
         make("missing", pv.zip_raw({**missing_files,
                                     "manifest.json": build_manifest(missing_files, ids["missing"], None)}),
              nid=ids["missing"]),
         {"verdict": "malformed", "description": "the payload has no withdrawal.json"}),
        ("notice-unknown-device.cpkt", make("stranger", payload("stranger", [WITHDRAWN]), nid=ids["stranger"],
                                            device=pv.STRANGER),
         {"verdict": "unknown_device", "description": "signed by a device that is not enrolled"}),
    ]
    return cases


def main() -> None:
    common = {"identity": "../packets/keys/coordinator.agekey",
              "trusted_devices": ["../packets/keys/researcher-device.pub"]}
    for name, data, expected in build():
        (HERE / name).write_bytes(data)
        expected = {"file": name, **expected, **common, "sha256": hashlib.sha256(data).hexdigest()}
        (HERE / name.replace(".cpkt", ".expected.json")).write_text(json.dumps(expected, indent=1) + "\n")
        print(f"{name:32} {expected['verdict']}")


if __name__ == "__main__":
    main()
