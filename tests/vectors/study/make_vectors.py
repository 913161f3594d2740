"""Regenerate the study-file test vectors in this folder, byte for byte.

    .venv/bin/python tests/vectors/study/make_vectors.py

The signing keys come from fixed public seeds (test use only). Ed25519 signatures are
deterministic, and the study's id and date are fixed, so the files never change from run
to run. Each case is NAME.cstudy with NAME.expected.json: "accept", or "reject" with words
the refusal must contain.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from core.packets.keys import encode_device_key
from core.study import format as f
from core.study.studyfile import Study, StudyGuide, StudyRecipient, encode

GUIDE = (HERE.parents[2] / "resources" / "guides" / "job-quality.en.yaml")
RECIPIENT = (HERE.parent / "packets" / "keys" / "coordinator.age").read_text().split()[-1]


def _key(seed: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.encode()).digest())


def _signer(key: Ed25519PrivateKey) -> str:
    return encode_device_key(key.public_key().public_bytes_raw())


def _study(**changes) -> Study:
    text = GUIDE.read_text(encoding="utf-8")
    from core.guide.loader import load_guide
    guide = load_guide(text)
    base = {"study_id": "5d0c0ffee5d0c0ffee5d0c0ffee5d0c0", "version": 1, "title": "Test study",
                "issued_at": "2026-01-01T00:00:00+00:00",
                "guides": (StudyGuide(guide.id, guide.version, guide.language, text),),
                "sites": ("SITE-A", "SITE-B"), "allow_other_sites": False,
                "recipients": (StudyRecipient(RECIPIENT, "Test coordinator"),), "settings": {"share.k": 5}}
    base.update(changes)
    return Study(**base)


def vectors() -> dict[str, tuple[bytes, dict]]:
    coord, other = _key("confidant test study coordinator"), _key("confidant test other coordinator")
    valid = encode(_study(), _signer(coord), coord.sign)
    out: dict[str, tuple[bytes, dict]] = {"valid": (valid, {"verdict": "accept", "sites": ["SITE-A", "SITE-B"]})}
    tampered = valid.replace(b'"SITE-B"', b'"SITE-X"')
    out["tampered-body"] = (tampered, {"verdict": "reject", "contains": "signature does not match"})
    head, _, body = valid.partition(b"\n\n")
    lines = head.split(b"\n")
    swapped = b"\n".join([lines[0], b"signer: " + _signer(other).encode(), lines[2]]) + b"\n\n" + body
    out["other-signer"] = (swapped, {"verdict": "reject", "contains": "signature does not match"})
    out["newer-format"] = (valid.replace(f.MAGIC_LINE.encode(), b"CONFIDANT-STUDY/2", 1),
                           {"verdict": "reject", "contains": "newer version of Confidant"})
    out["not-a-study"] = (b"%PDF-1.4 hello\n", {"verdict": "reject", "contains": "not a Confidant study file"})

    def signed_body(doc: dict) -> bytes:
        # A body the writer would refuse, signed anyway: the reader must check every field.
        raw = json.dumps(doc, sort_keys=True).encode()
        sig = coord.sign(f.SIGNATURE_CONTEXT + raw)
        import base64
        return (f"{f.MAGIC_LINE}\nsigner: {_signer(coord)}\nsignature: "
                f"{base64.b64encode(sig).decode()}\n\n").encode() + raw

    body_doc = _study().to_body()
    out["unknown-setting"] = (signed_body({**body_doc, "settings": {"phone_home": "yes"}}),
                              {"verdict": "reject", "contains": "setting 'phone_home' is unknown"})
    out["sites-not-a-list"] = (signed_body({**body_doc, "sites": "SITE-A"}),
                               {"verdict": "reject", "contains": "sites"})
    out["bad-guide"] = (signed_body({**body_doc, "guides": [{**body_doc["guides"][0],
                                                             "yaml": "id: x\nversion: [1\n"}]}),
                        {"verdict": "reject", "contains": "is not valid"})
    return out


def main() -> None:
    for name, (data, expected) in vectors().items():
        (HERE / f"{name}{f.STUDY_SUFFIX}").write_bytes(data)
        (HERE / f"{name}.expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
        print(f"{name + f.STUDY_SUFFIX:<28} {expected['verdict']}")


if __name__ == "__main__":
    main()
