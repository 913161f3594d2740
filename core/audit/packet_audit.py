"""``audit_packet``: what a packet reveals outside its encryption, who signed it, and — with a
coordinator identity — a second look for anything in the payload that still looks like PII.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from core.audit.model import FAIL, PASS, WARN, AuditReport, guarded
from core.audit.scan import AUDIO_SIGNATURES
from core.errors import Count, Join, Msg, PacketRejected
from core.packets.format import HEADER_LEN, PAYLOAD_OFFSET

log = logging.getLogger(__name__)
AGE_MAGIC = b"age-encryption.org/v1\n"
# What the second pair of eyes lists: anything like a person, a contact detail or an address.
PII_TYPES = {"PERSON", "PHONE", "PHONE_NUMBER", "EMAIL", "EMAIL_ADDRESS", "ADDRESS", "LOCATION"}
# How the report names each of them (the type words the review screen uses).
PII_WORDS = {"PERSON": Msg("audit.type.person"), "PHONE": Msg("audit.type.phone"),
             "PHONE_NUMBER": Msg("audit.type.phone"), "EMAIL": Msg("audit.type.email"),
             "EMAIL_ADDRESS": Msg("audit.type.email"), "ADDRESS": Msg("audit.type.address"),
             "LOCATION": Msg("audit.type.location")}
_PLACEHOLDER = re.compile(r"^\[[A-ZÁÉÍÓÚÑÜ_/ -]+ \d+\]$")  # Spanish too: [SUPERVISORA/SUPERVISOR 1]
MAX_LISTED = 40


def _mask(text: str) -> Msg:
    """'Rosa Diaz' -> 'R*** D*** (9 chars)': enough to find it, not enough to spread it."""
    words = ["".join(w[:1] + "*" * (len(w) - 1)) for w in text.split()]
    return Msg("audit.masked", masked=" ".join(words), n=len(text))


def _reason(exc: PacketRejected) -> Msg:
    """Why a packet was refused (its code and reason), translatable."""
    return Msg("audit.rejected", code=exc.code, reason=exc.reason_msg or exc.reason)


def _hint(exc: PacketRejected, otherwise: Msg) -> Msg:
    return exc.hint_id or (Msg("audit.plain", text=exc.hint) if exc.hint else otherwise)


def audit_packet(data: bytes, identity: str | None = None,
                 trusted_devices: Mapping[str, str] | Iterable[str] | None = None) -> AuditReport:
    """Audit one packet file's bytes. Never raises for a bad packet: that is a FAIL check."""
    from core.packets import reader
    report = AuditReport(subject="packet")
    try:
        header = reader.inspect(data)
    except PacketRejected as exc:
        report.add("Packet header", FAIL, Msg("audit.not_a_packet", code=exc.code, reason=exc.reason_msg or exc.reason),
                   _hint(exc, Msg("audit.ask_again.hint")))
        return report
    report.subject_id = header.packet_id
    fields = header.to_dict()
    report.facts["header"] = fields
    what = (Msg("audit.header_withdrawal") if header.is_withdrawal else
            Msg("audit.header_corrects", packet=header.supersedes) if header.supersedes else
            Msg("audit.header_corrects_nothing"))
    report.add("What the outer header reveals", PASS,
               Msg("audit.outer_header", version=header.version, packet_id=header.packet_id, day=header.created_day,
                   device=header.device_fingerprint[:16], size=Count(header.payload_len),
                   sha=header.payload_sha256[:16], what=what))
    try:
        _check_outside_encryption(report, data)
        opened = _check_signature_and_open(report, data, identity, trusted_devices, header)
        if opened is not None:
            _check_payload(report, opened)
    except Exception as exc:
        log.error("packet audit stopped by an internal error (%s)", type(exc).__name__)
        log.debug("packet audit internal error", exc_info=True)
        report.add("Audit finished", FAIL, Msg("audit.unfinished", kind=type(exc).__name__),
                   Msg("audit.unfinished.hint"))
    return report


# A run of printable bytes this long is text, not chance: in random ciphertext each byte is
# printable with p = 95/256, so a run of 12 turns up in about a third of ordinary 60 kB packets
# (it warned on sound packets), while 32 is expected once in ~10^14 bytes. Plaintext that
# escaped encryption (a sentence, a JSON field) is far longer than 32.
READABLE_RUN = 32


def _check_outside_encryption(report: AuditReport, data: bytes) -> None:
    payload = data[PAYLOAD_OFFSET:]
    if not payload.startswith(AGE_MAGIC):
        report.add("Payload is age-encrypted", FAIL, Msg("audit.not_age"), Msg("audit.not_age.hint"))
        return
    end = payload.find(b"\n---")
    body_start = payload.find(b"\n", end + 4) + 1 if end >= 0 else len(payload)
    stanzas = payload[:end].count(b"\n-> X25519 ") if end >= 0 else 0
    body = payload[body_start:]
    runs = re.findall(rb"[\x20-\x7e]{%d,}" % READABLE_RUN, body)
    report.facts["outside_encryption"] = {"header_bytes": HEADER_LEN, "signature_bytes": PAYLOAD_OFFSET - HEADER_LEN,
                                          "age_recipients": stanzas, "ciphertext_bytes": len(body)}
    report.add("Payload is age-encrypted", PASS if not runs else WARN,
               Msg("audit.age", header=HEADER_LEN, signature=PAYLOAD_OFFSET - HEADER_LEN, recipients=stanzas,
                   size=Count(len(body)), runs=Msg("audit.age_no_runs") if not runs
                   else Msg("audit.age_runs", n=len(runs))),
               Msg("audit.age.hint"))


def _check_signature_and_open(report: AuditReport, data: bytes, identity: str | None,
                              trusted: Mapping[str, str] | Iterable[str] | None, header: Any) -> Any:
    from core.packets import reader
    if trusted:
        try:
            reader.verify(data, trusted_devices=trusted)
            report.add("Signature and enrolment", PASS, Msg("audit.signed", device=header.device_fingerprint[:16]))
        except PacketRejected as exc:
            report.add("Signature and enrolment", FAIL, _reason(exc), _hint(exc, Msg("audit.ask_sender.hint")))
            return None
    else:
        report.add("Signature and enrolment", WARN, Msg("audit.no_device_keys"), Msg("audit.no_device_keys.hint"))
    if identity is None:
        report.add("Payload de-identification", WARN, Msg("audit.no_identity"), Msg("audit.no_identity.hint"))
        return None
    if trusted:
        try:
            return reader.verify_and_open(data, identities=[identity], trusted_devices=trusted)
        except PacketRejected as exc:
            report.add("Payload opens", FAIL, _reason(exc), _hint(exc, Msg("audit.ask_again.hint")))
            return None
    return _open_unverified(report, data, identity, header)


def _open_unverified(report: AuditReport, data: bytes, identity: str, header: Any) -> Any:
    """Decrypt for inspection only when no device key is at hand (the reviewer's own copy)."""
    import hashlib

    import pyrage

    from core.packets.payload import check_interview, unpack
    from core.packets.reader import OpenedPacket
    payload = data[PAYLOAD_OFFSET:]
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        report.add("Payload opens", FAIL, Msg("audit.hash_differs"), Msg("audit.ask_again.hint"))
        return None
    try:
        plaintext = pyrage.decrypt(payload, [pyrage.x25519.Identity.from_str(identity.strip())])
        if header.is_withdrawal:   # a withdrawal notice (spec §11): ids only, no interview
            from core.packets.format import WITHDRAWAL_FILES
            from core.packets.payload import check_manifest, check_withdrawal
            files = unpack(plaintext, WITHDRAWAL_FILES)
            manifest = check_manifest(files, header.packet_id, None)
            return OpenedPacket(header, files, None, {}, manifest, "", check_withdrawal(files, header.packet_id))
        files = unpack(plaintext)
        interview, raw = check_interview(files, header.packet_id, header.supersedes)
    except PacketRejected as exc:
        report.add("Payload opens", FAIL, _reason(exc), _hint(exc, Msg("audit.ask_again.hint")))
        return None
    except (pyrage.DecryptError, pyrage.IdentityError, ValueError) as exc:  # not our identity
        report.add("Payload opens", FAIL, Msg("audit.cannot_decrypt", kind=type(exc).__name__),
                   Msg("audit.cannot_decrypt.hint"))
        return None
    return OpenedPacket(header, files, interview, raw)


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _texts(interview: dict[str, Any]) -> list[tuple[Msg, str]]:
    out = [(Msg("audit.where_segment", index=s.get("index")), str(s.get("text", "")))
           for s in _items(interview.get("segments"))]
    out += [(Msg("audit.where_memo", index=i), str(m.get("text", ""))) for i, m in enumerate(_items(interview.get("memos")))]
    return out


def _check_payload(report: AuditReport, opened: Any) -> None:
    names = sorted(opened.files)
    audio = [n for n in names if n.lower().endswith((".wav", ".flac", ".ogg", ".mp3", ".opus"))
             or any(p.search(opened.files[n][:64]) for p in AUDIO_SIGNATURES.values())]
    report.add("No audio leaves", FAIL if audio else PASS,
               Msg("audit.payload_audio", files=", ".join(names), audio=", ".join(audio)) if audio
               else Msg("audit.payload_files", files=", ".join(names)), Msg("audit.payload_audio.hint"))
    guarded(report, ["Payload de-identification"], _deid_second_look, report, opened)


def _deid_second_look(report: AuditReport, opened: Any) -> None:
    from core.deid.detect import detect  # lazy: spaCy and Presidio are heavy
    listed: list[Msg] = []
    texts = _texts(opened.raw_interview)
    for where, text in texts:
        for f in detect(text):
            if f.entity_type in PII_TYPES and not _PLACEHOLDER.match(f.text.strip()):
                listed.append(Msg("audit.finding", where=where, type=PII_WORDS[f.entity_type], masked=_mask(f.text),
                                  score=f"{f.score:.2f}"))
    report.facts["deid_second_look"] = {"texts": len(texts), "findings": len(listed)}
    if listed:
        shown: list[Msg | Join] = [Join(listed[:MAX_LISTED])]
        if len(listed) > MAX_LISTED:
            shown.append(Msg("audit.and_more", n=len(listed) - MAX_LISTED))
        report.add("Payload de-identification", WARN,
                   Msg("audit.deid_findings", n=len(listed), texts=len(texts), shown=Join(shown, "")),
                   Msg("audit.deid_findings.hint"))
    else:
        report.add("Payload de-identification", PASS, Msg("audit.deid_clean", texts=len(texts)))
