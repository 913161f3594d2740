"""Make, sign, read and verify a study file. Nothing here touches a vault but ``sign_with``.

The file is text: a magic line, the signer's device key, the signature, a blank line, then
the body as UTF-8 JSON. The signature covers SIGNATURE_CONTEXT + the body's exact bytes, so
no JSON canonicalisation is needed to verify it (the writer still writes sorted keys, so the
same study gives the same bytes).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import CoreError, GuideInvalid
from core.guide.loader import load_guide
from core.packets import keys
from core.packets.format import DEVICE_KEY_PREFIX
from core.study import format as f


class StudyRejected(CoreError):
    """A study file that cannot be used; ``reason`` says why. Nothing was changed."""

    user_message = "This study file cannot be used."
    hint = "Ask your coordinator to send the study file again (do not edit it)."

    def __init__(self, reason: str, hint: str | None = None) -> None:
        self.reason = reason
        super().__init__(f"This study file cannot be used: {reason}", hint)


@dataclass(frozen=True)
class StudyGuide:
    id: str
    version: str
    language: str
    yaml: str


@dataclass(frozen=True)
class StudyRecipient:
    recipient: str
    label: str


@dataclass(frozen=True)
class Study:
    study_id: str
    version: int
    title: str
    issued_at: str
    guides: tuple[StudyGuide, ...]
    sites: tuple[str, ...]
    allow_other_sites: bool
    recipients: tuple[StudyRecipient, ...]
    settings: dict[str, Any] = field(default_factory=dict)

    def to_body(self) -> dict[str, Any]:
        return {"format": f.BODY_FORMAT, "study_id": self.study_id, "version": self.version,
                "title": self.title, "issued_at": self.issued_at,
                "guides": [{"id": g.id, "version": g.version, "language": g.language, "yaml": g.yaml}
                           for g in self.guides],
                "sites": list(self.sites), "allow_other_sites": self.allow_other_sites,
                "recipients": [{"recipient": r.recipient, "label": r.label} for r in self.recipients],
                "settings": dict(sorted(self.settings.items()))}


@dataclass(frozen=True)
class SignedStudy:
    study: Study
    signer: str          # the coordinator's device key (text form)

    @property
    def signer_fingerprint(self) -> str:
        return keys.fingerprint(self.signer)

    @property
    def signer_words(self) -> str:
        return keys.fingerprint_words(self.signer)


def encode(study: Study, signer: str, sign: Any) -> bytes:
    """The file's bytes: ``sign(data) -> signature`` signs with the coordinator's device key."""
    validate(study.to_body())  # never write a file a researcher's app would refuse
    body = json.dumps(study.to_body(), sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")
    signature = sign(f.SIGNATURE_CONTEXT + body)
    head = (f"{f.MAGIC_LINE}\nsigner: {signer}\n"
            f"signature: {base64.b64encode(signature).decode('ascii')}\n\n")
    return head.encode("ascii") + body


def read_file(path: str | Path) -> bytes:
    """The bytes of a study file: a regular file of at most MAX_STUDY_LEN bytes."""
    path = Path(path)
    try:
        if not path.is_file():
            raise StudyRejected(f"{path.name} is not a file.", "Choose the .cstudy file your coordinator sent.")
        with path.open("rb") as fh:
            data = fh.read(f.MAX_STUDY_LEN + 1)
    except OSError as exc:
        raise StudyRejected(f"{path.name} cannot be read ({exc.strerror or 'error'}).",
                            "Copy the file to this computer and try again.") from exc
    if len(data) > f.MAX_STUDY_LEN:
        raise StudyRejected("the file is larger than a study file can be.")
    return data


def decode(data: bytes) -> SignedStudy:
    """Verify the signature and validate every field; raises StudyRejected with the reason."""
    if len(data) > f.MAX_STUDY_LEN:
        raise StudyRejected("the file is larger than a study file can be.")
    head, sep, body = data.partition(b"\n\n")
    lines = head.split(b"\n")
    if not sep or len(lines) != 3 or lines[0] != f.MAGIC_LINE.encode():
        if data.startswith(b"CONFIDANT-STUDY/"):
            raise StudyRejected("it was made by a newer version of Confidant.",
                                "Update Confidant, then open the study file again.")
        raise StudyRejected("it is not a Confidant study file.",
                            "Choose the .cstudy file your coordinator sent.")
    try:
        signer = lines[1].decode("ascii").removeprefix("signer: ")
        signature = base64.b64decode(lines[2].decode("ascii").removeprefix("signature: "), validate=True)
    except (UnicodeDecodeError, binascii.Error) as exc:
        raise StudyRejected("its signature lines are damaged.") from exc
    if not signer.startswith(DEVICE_KEY_PREFIX):
        raise StudyRejected("its signer line is damaged.")
    try:
        keys.decode_device_key(signer)
    except CoreError as exc:
        raise StudyRejected("its signer key is damaged.") from exc
    if not keys.verify_signature(signer, signature, f.SIGNATURE_CONTEXT + body):
        raise StudyRejected("its signature does not match: the file was changed after the "
                            "coordinator signed it, or it is damaged.")
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise StudyRejected("its contents are not readable.") from exc
    return SignedStudy(validate(doc), signer)


def _text(doc: dict[str, Any], key: str, limit: int, what: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise StudyRejected(f"{what} is missing or not valid.")
    return value


def validate(doc: Any) -> Study:
    """A Study from a parsed body; every field's type, size and meaning checked."""
    if not isinstance(doc, dict):
        raise StudyRejected("its contents are not a study.")
    if doc.get("format") != f.BODY_FORMAT:
        raise StudyRejected("its contents are of an unknown format.",
                            "Update Confidant, then open the study file again.")
    study_id = _text(doc, "study_id", 32, "the study id")
    if not f.STUDY_ID_RE.match(study_id):
        raise StudyRejected("the study id is not valid.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 1_000_000:
        raise StudyRejected("the study version is not valid.")
    title = _text(doc, "title", f.MAX_TITLE_LEN, "the title")
    issued_at = _text(doc, "issued_at", 40, "the issue date")
    guides = _guides(doc.get("guides"))
    sites = _sites(doc.get("sites"))
    allow = doc.get("allow_other_sites", False)
    if not isinstance(allow, bool):
        raise StudyRejected("allow_other_sites must be true or false.")
    return Study(study_id, version, title, issued_at, guides, sites, allow,
                 _recipients(doc.get("recipients")), _settings(doc.get("settings", {})))


def _guides(raw: Any) -> tuple[StudyGuide, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_GUIDES:
        raise StudyRejected("a study needs between 1 and 32 guides.")
    out: list[StudyGuide] = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("yaml"), str):
            raise StudyRejected("a guide in the study is damaged.")
        text = item["yaml"]
        if len(text.encode("utf-8")) > f.MAX_GUIDE_LEN:
            raise StudyRejected("a guide in the study is too large.")
        try:
            guide = load_guide(text, f"{item.get('id', 'guide')}.yaml")
        except GuideInvalid as exc:
            raise StudyRejected(f"the guide '{item.get('id')}' is not valid: {exc.user_message}") from exc
        if (guide.id, guide.version) != (item.get("id"), item.get("version")):
            raise StudyRejected(f"the guide '{item.get('id')}' does not match its own id and version.")
        out.append(StudyGuide(guide.id, guide.version, guide.language, text))
    if len({(g.id, g.version) for g in out}) != len(out):
        raise StudyRejected("the same guide version is in the study twice.")
    return tuple(out)


def _sites(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_SITES:
        raise StudyRejected(f"a study needs between 1 and {f.MAX_SITES} sites.")
    if not all(isinstance(s, str) and f.SITE_RE.match(s) for s in raw):
        raise StudyRejected("a site name is not valid (letters, digits, spaces, . _ -; at most 40).")
    if len(set(raw)) != len(raw):
        raise StudyRejected("a site is listed twice.")
    return tuple(raw)


def _recipients(raw: Any) -> tuple[StudyRecipient, ...]:
    from pyrage import RecipientError, x25519
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_RECIPIENTS:
        raise StudyRejected(f"a study needs between 1 and {f.MAX_RECIPIENTS} coordinators.")
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("recipient"), str) \
                or not isinstance(item.get("label", ""), str) or len(item.get("label", "")) > 100:
            raise StudyRejected("a coordinator entry is damaged.")
        try:
            x25519.Recipient.from_str(item["recipient"])
        except (RecipientError, ValueError) as exc:
            raise StudyRejected("a coordinator's key in the study is damaged.") from exc
        out.append(StudyRecipient(item["recipient"], item.get("label", "") or "Coordinator"))
    return tuple(out)


def _settings(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise StudyRejected("the study's settings are damaged.")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in f.SETTINGS:
            raise StudyRejected(f"the setting '{key}' is unknown.",
                                "Update Confidant, or ask your coordinator which version made it.")
        kind, low, high = f.SETTINGS[key]
        if kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        else:
            ok = isinstance(value, str) and low <= len(value) <= high
        if not ok:
            raise StudyRejected(f"the setting '{key}' has a value out of range.")
        out[key] = value
    return out


def parse_setting(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` from the command line, typed by the setting's kind."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or key not in f.SETTINGS:
        raise StudyRejected(f"'{text}' is not a known setting.",
                            "Known settings: " + ", ".join(sorted(f.SETTINGS)))
    if f.SETTINGS[key][0] == "int":
        try:
            return key, int(value)
        except ValueError as exc:
            raise StudyRejected(f"the setting '{key}' needs a whole number.") from exc
    return key, value.strip()
