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
from core.errors import PacketRejected
from core.packets.format import HEADER_LEN, PAYLOAD_OFFSET

log = logging.getLogger(__name__)
AGE_MAGIC = b"age-encryption.org/v1\n"
# What the second pair of eyes lists: anything like a person, a contact detail or an address.
PII_TYPES = {"PERSON", "PHONE", "PHONE_NUMBER", "EMAIL", "EMAIL_ADDRESS", "ADDRESS", "LOCATION"}
_PLACEHOLDER = re.compile(r"^\[[A-ZÁÉÍÓÚÑÜ_/ -]+ \d+\]$")  # Spanish too: [SUPERVISORA/SUPERVISOR 1]
MAX_LISTED = 40


def _mask(text: str) -> str:
    """'Rosa Diaz' -> 'R*** D*** (9 chars)': enough to find it, not enough to spread it."""
    words = ["".join(w[:1] + "*" * (len(w) - 1)) for w in text.split()]
    return f"{' '.join(words)} ({len(text)} chars)"


def audit_packet(data: bytes, identity: str | None = None,
                 trusted_devices: Mapping[str, str] | Iterable[str] | None = None) -> AuditReport:
    """Audit one packet file's bytes. Never raises for a bad packet: that is a FAIL check."""
    from core.packets import reader
    report = AuditReport(subject="packet")
    try:
        header = reader.inspect(data)
    except PacketRejected as exc:
        report.add("Packet header", FAIL, f"Not a readable packet ({exc.code}): {exc.reason}.",
                   exc.hint or "Ask the sender for the file again.")
        return report
    report.subject_id = header.packet_id
    fields = header.to_dict()
    report.facts["header"] = fields
    report.add("What the outer header reveals", PASS,
               f"Format version {header.version}; random packet id {header.packet_id}; day made "
               f"{header.created_day}; device fingerprint {header.device_fingerprint[:16]}…; payload "
               f"{header.payload_len:,} bytes, SHA-256 {header.payload_sha256[:16]}…; "
               + ("a withdrawal notice (spec §11)" if header.is_withdrawal else
                  f"corrects {header.supersedes or 'nothing'}")
               + ". No participant code, site, name, guide or interview date.")
    try:
        _check_outside_encryption(report, data)
        opened = _check_signature_and_open(report, data, identity, trusted_devices, header)
        if opened is not None:
            _check_payload(report, opened)
    except Exception as exc:
        log.error("packet audit stopped by an internal error (%s)", type(exc).__name__)
        log.debug("packet audit internal error", exc_info=True)
        report.add("Audit finished", FAIL, f"The audit could not finish: an internal error "
                   f"({type(exc).__name__}) while reading this packet's contents.",
                   "Do not import this packet; ask the sender to export it again, and report the problem.")
    return report


def _check_outside_encryption(report: AuditReport, data: bytes) -> None:
    payload = data[PAYLOAD_OFFSET:]
    if not payload.startswith(AGE_MAGIC):
        report.add("Payload is age-encrypted", FAIL, "The payload does not start with the age v1 header.",
                   "Do not open this packet; ask the sender to export it again.")
        return
    end = payload.find(b"\n---")
    body_start = payload.find(b"\n", end + 4) + 1 if end >= 0 else len(payload)
    stanzas = payload[:end].count(b"\n-> X25519 ") if end >= 0 else 0
    body = payload[body_start:]
    runs = re.findall(rb"[\x20-\x7e]{12,}", body)
    report.facts["outside_encryption"] = {"header_bytes": HEADER_LEN, "signature_bytes": PAYLOAD_OFFSET - HEADER_LEN,
                                          "age_recipients": stanzas, "ciphertext_bytes": len(body)}
    report.add("Payload is age-encrypted", PASS if not runs else WARN,
               f"{HEADER_LEN}-byte header, {PAYLOAD_OFFSET - HEADER_LEN}-byte Ed25519 signature, then a standard "
               f"age v1 file for {stanzas} X25519 recipient(s) (the number of recipients is visible); "
               f"{len(body):,} bytes of ciphertext" + (" with no readable text runs." if not runs
                                                        else f" with {len(runs)} readable run(s) of 12+ characters."),
               "Readable text in ciphertext is very unlikely; check the file with the `age` command.")


def _check_signature_and_open(report: AuditReport, data: bytes, identity: str | None,
                              trusted: Mapping[str, str] | Iterable[str] | None, header: Any) -> Any:
    from core.packets import reader
    if trusted:
        try:
            reader.verify(data, trusted_devices=trusted)
            report.add("Signature and enrolment", PASS, f"Signed by enrolled device {header.device_fingerprint[:16]}…; "
                       "the Ed25519 signature and the payload hash verify.")
        except PacketRejected as exc:
            report.add("Signature and enrolment", FAIL, f"Rejected ({exc.code}): {exc.reason}.",
                       exc.hint or "Do not import it; ask the sender.")
            return None
    else:
        report.add("Signature and enrolment", WARN, "No enrolled device keys were given, so the signature was "
                   "not checked.", "Run it in the coordinator's vault, or pass the researcher's device key.")
    if identity is None:
        report.add("Payload de-identification", WARN, "No coordinator identity was given, so the payload was "
                   "not opened.", "Pass --identity KEYFILE to check what is inside.")
        return None
    if trusted:
        try:
            return reader.verify_and_open(data, identities=[identity], trusted_devices=trusted)
        except PacketRejected as exc:
            report.add("Payload opens", FAIL, f"Rejected ({exc.code}): {exc.reason}.", exc.hint or "")
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
        report.add("Payload opens", FAIL, "The payload does not match the header's hash.", "Ask the sender again.")
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
        report.add("Payload opens", FAIL, f"Rejected ({exc.code}): {exc.reason}.", exc.hint or "")
        return None
    except (pyrage.DecryptError, pyrage.IdentityError, ValueError) as exc:  # not our identity
        report.add("Payload opens", FAIL, f"The identity cannot decrypt it ({type(exc).__name__}).",
                   "Use the coordinator identity this packet was sealed to.")
        return None
    return OpenedPacket(header, files, interview, raw)


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _texts(interview: dict[str, Any]) -> list[tuple[str, str]]:
    out = [(f"segment {s.get('index')}", str(s.get("text", ""))) for s in _items(interview.get("segments"))]
    out += [(f"memo {i}", str(m.get("text", ""))) for i, m in enumerate(_items(interview.get("memos")))]
    return out


def _check_payload(report: AuditReport, opened: Any) -> None:
    names = sorted(opened.files)
    audio = [n for n in names if n.lower().endswith((".wav", ".flac", ".ogg", ".mp3", ".opus"))
             or any(p.search(opened.files[n][:64]) for p in AUDIO_SIGNATURES.values())]
    report.add("No audio leaves", FAIL if audio else PASS,
               f"Payload files: {', '.join(names)}." + (f" Audio found: {', '.join(audio)}." if audio else ""),
               "Audio must never leave the researcher's laptop; report this packet.")
    guarded(report, ["Payload de-identification"], _deid_second_look, report, opened)


def _deid_second_look(report: AuditReport, opened: Any) -> None:
    from core.deid.detect import detect  # lazy: spaCy and Presidio are heavy
    listed: list[str] = []
    texts = _texts(opened.raw_interview)
    for where, text in texts:
        for f in detect(text):
            if f.entity_type in PII_TYPES and not _PLACEHOLDER.match(f.text.strip()):
                listed.append(f"{where}: {f.entity_type} {_mask(f.text)} (score {f.score:.2f})")
    report.facts["deid_second_look"] = {"texts": len(texts), "findings": len(listed)}
    if listed:
        shown = "; ".join(listed[:MAX_LISTED]) + (f"; and {len(listed) - MAX_LISTED} more" if len(listed) > MAX_LISTED else "")
        report.add("Payload de-identification", WARN,
                   f"{len(listed)} passage(s) in {len(texts)} segment(s)/memo(s) still look like personal "
                   f"details (masked): {shown}.",
                   "Check each with the researcher; if it identifies someone, they correct the redactions, sign off "
                   "again and send a packet that supersedes this one.")
    else:
        report.add("Payload de-identification", PASS,
                   f"The PII recognizers found no name, phone, email or address in {len(texts)} segment(s)/memo(s) "
                   "(placeholders such as [PERSON 1] excluded).")
