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

from core.errors import CoreError, GuideInvalid, Msg
from core.guide.loader import load_guide
from core.packets import keys
from core.packets.format import DEVICE_KEY_PREFIX
from core.study import format as f


class StudyRejected(CoreError):
    """A study file that cannot be used; ``reason`` says why. Nothing was changed."""

    user_message = "This study file cannot be used."
    hint = "Ask your coordinator to send the study file again (do not edit it)."

    def __init__(self, reason: str | Msg, hint: str | Msg | None = None) -> None:
        self.reason = str(reason)
        super().__init__(Msg("study.rejected", reason=reason), hint)


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
            raise StudyRejected(Msg("study.not_file", path_name=path.name), Msg("study.not_confidant_study_file.hint"))
        with path.open("rb") as fh:
            data = fh.read(f.MAX_STUDY_LEN + 1)
    except OSError as exc:
        raise StudyRejected(Msg("study.cannot_read", path_name=path.name, reason=exc.strerror or exc),
                            Msg("study.cannot_read.hint")) from exc
    if len(data) > f.MAX_STUDY_LEN:
        raise StudyRejected(Msg("study.file_larger_study_file"))
    return data


def decode(data: bytes) -> SignedStudy:
    """Verify the signature and validate every field; raises StudyRejected with the reason."""
    if len(data) > f.MAX_STUDY_LEN:
        raise StudyRejected(Msg("study.file_larger_study_file"))
    head, sep, body = data.partition(b"\n\n")
    lines = head.split(b"\n")
    if not sep or len(lines) != 3 or lines[0] != f.MAGIC_LINE.encode():
        if data.startswith(b"CONFIDANT-STUDY/"):
            raise StudyRejected(Msg("study.made_newer_version_confidant"),
                                Msg("study.contents_unknown_format.hint"))
        raise StudyRejected(Msg("study.not_confidant_study_file"),
                            Msg("study.not_confidant_study_file.hint"))
    try:
        signer = lines[1].decode("ascii").removeprefix("signer: ")
        signature = base64.b64decode(lines[2].decode("ascii").removeprefix("signature: "), validate=True)
    except (UnicodeDecodeError, binascii.Error) as exc:
        raise StudyRejected(Msg("study.signature_lines_damaged")) from exc
    if not signer.startswith(DEVICE_KEY_PREFIX):
        raise StudyRejected(Msg("study.signer_line_damaged"))
    try:
        keys.decode_device_key(signer)
    except CoreError as exc:
        raise StudyRejected(Msg("study.signer_key_damaged")) from exc
    if not keys.verify_signature(signer, signature, f.SIGNATURE_CONTEXT + body):
        raise StudyRejected(Msg("study.signature_not_match_file"))
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise StudyRejected(Msg("study.contents_not_readable")) from exc
    return SignedStudy(validate(doc), signer)


def _text(doc: dict[str, Any], key: str, limit: int, problem: Msg) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise StudyRejected(problem)
    return value


def validate(doc: Any) -> Study:
    """A Study from a parsed body; every field's type, size and meaning checked."""
    if not isinstance(doc, dict):
        raise StudyRejected(Msg("study.contents_not_study"))
    if doc.get("format") != f.BODY_FORMAT:
        raise StudyRejected(Msg("study.contents_unknown_format"),
                            Msg("study.contents_unknown_format.hint"))
    study_id = _text(doc, "study_id", 32, Msg("study.study_id_missing"))
    if not f.STUDY_ID_RE.match(study_id):
        raise StudyRejected(Msg("study.study_id_not_valid"))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 1_000_000:
        raise StudyRejected(Msg("study.study_version_not_valid"))
    title = _text(doc, "title", f.MAX_TITLE_LEN, Msg("study.title_missing"))
    issued_at = _text(doc, "issued_at", 40, Msg("study.issue_date_missing"))
    guides = _guides(doc.get("guides"))
    sites = _sites(doc.get("sites"))
    allow = doc.get("allow_other_sites", False)
    if not isinstance(allow, bool):
        raise StudyRejected(Msg("study.allow_other_sites_must"))
    return Study(study_id, version, title, issued_at, guides, sites, allow,
                 _recipients(doc.get("recipients")), _settings(doc.get("settings", {})))


def _guides(raw: Any) -> tuple[StudyGuide, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_GUIDES:
        raise StudyRejected(Msg("study.study_needs_between_guides"))
    out: list[StudyGuide] = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("yaml"), str):
            raise StudyRejected(Msg("study.guide_study_damaged"))
        text = item["yaml"]
        if len(text.encode("utf-8")) > f.MAX_GUIDE_LEN:
            raise StudyRejected(Msg("study.guide_study_too_large"))
        try:
            guide = load_guide(text, f"{item.get('id', 'guide')}.yaml")
        except GuideInvalid as exc:
            raise StudyRejected(Msg("study.guide_not_valid", guide_id=item.get("id"),
                                    problem=exc.message_id or exc.user_message)) from exc
        if (guide.id, guide.version) != (item.get("id"), item.get("version")):
            raise StudyRejected(Msg("study.guide_not_match_own", guide_id=item.get("id")))
        out.append(StudyGuide(guide.id, guide.version, guide.language, text))
    if len({(g.id, g.version) for g in out}) != len(out):
        raise StudyRejected(Msg("study.same_guide_version_study"))
    return tuple(out)


def _sites(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_SITES:
        raise StudyRejected(Msg("study.study_needs_between_sites", max_sites=f.MAX_SITES))
    if not all(isinstance(s, str) and f.SITE_RE.match(s) for s in raw):
        raise StudyRejected(Msg("study.site_name_not_valid"))
    if len(set(raw)) != len(raw):
        raise StudyRejected(Msg("study.site_listed_twice"))
    return tuple(raw)


def _recipients(raw: Any) -> tuple[StudyRecipient, ...]:
    from pyrage import RecipientError, x25519
    if not isinstance(raw, list) or not raw or len(raw) > f.MAX_RECIPIENTS:
        raise StudyRejected(Msg("study.study_needs_between_coordinators", max_recipients=f.MAX_RECIPIENTS))
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("recipient"), str) \
                or not isinstance(item.get("label", ""), str) or len(item.get("label", "")) > 100:
            raise StudyRejected(Msg("study.coordinator_entry_damaged"))
        try:
            x25519.Recipient.from_str(item["recipient"])
        except (RecipientError, ValueError) as exc:
            raise StudyRejected(Msg("study.coordinator_key_study_damaged")) from exc
        out.append(StudyRecipient(item["recipient"], item.get("label", "") or "Coordinator"))
    return tuple(out)


def _settings(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise StudyRejected(Msg("study.study_settings_damaged"))
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in f.SETTINGS:
            raise StudyRejected(Msg("study.setting_unknown", key=key),
                                Msg("study.setting_unknown.hint"))
        kind, low, high = f.SETTINGS[key]
        if kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        else:
            ok = isinstance(value, str) and low <= len(value) <= high
        if not ok:
            raise StudyRejected(Msg("study.setting_value_out_range", key=key))
        out[key] = value
    return out


def parse_setting(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` from the command line, typed by the setting's kind."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or key not in f.SETTINGS:
        raise StudyRejected(Msg("study.not_known_setting", text=text),
                            Msg("study.not_known_setting.hint", settings=', '.join(sorted(f.SETTINGS))))
    if f.SETTINGS[key][0] == "int":
        try:
            return key, int(value)
        except ValueError as exc:
            raise StudyRejected(Msg("study.setting_needs_whole_number", key=key)) from exc
    return key, value.strip()
