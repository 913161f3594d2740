"""Exporting an interview as a sealed packet (docs/packet-format.md §9).

Order matters: refuse without recipients or a current sign-off; build the payload from the
de-identified text only; check it once more for the names the researcher listed; seal;
write atomically; then record the packet, the audit event and the interview's state.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.documents.interview import InterviewDoc
from core.errors import ExportBlocked, InvalidInput, Msg, NoRecipients
from core.jobs import CancelToken, Progress, ReportFn
from core.packets import keys
from core.packets.format import new_packet_id
from core.packets.interview_doc import build_interview_doc
from core.packets.payload import pack
from core.packets.seal import seal
from core.vault.db import Vault, now_iso
from core.vault.deid import DeidRepo
from core.vault.files import write_output_file
from core.vault.interviews import InterviewRepo
from core.vault.packets import SentPacket, SentPacketRepo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PacketInfo:
    packet_id: str
    path: Path
    sha256: str               # of the payload (what the header signs)
    device_fingerprint: str
    size_bytes: int = 0
    supersedes: str | None = None


def _check_supersedes(vault: Vault, interview_id: str, supersedes: str | None) -> str | None:
    if supersedes is None:
        return None
    supersedes = supersedes.strip().lower()
    earlier = SentPacketRepo(vault).get(supersedes)
    if earlier is None or earlier.interview_id != interview_id:
        raise InvalidInput(Msg("packets.packet_id_not_earlier"),
                           Msg("packets.packet_id_not_earlier.hint"))
    return supersedes


def leak_check(vault: Vault, interview_id: str, texts: list[str]) -> None:
    """Refuse to seal text that still holds a protected or workplace name.

    A last line of defence behind the reviewed redactions. A word the researcher explicitly
    kept (a rejected redaction, e.g. "will" for a person called Will) is allowed.
    """
    iv = InterviewRepo(vault).get(interview_id)
    kept = {r.original.strip().lower() for r in DeidRepo(vault).redactions(interview_id, "rejected")}
    names = {p.name.strip() for p in iv.protected_names} | set(InterviewRepo(vault).workplace_names())
    found = 0
    for name in names:
        if not name or name.lower() in kept:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        found += sum(1 for text in texts if pattern.search(text))
    if found:
        raise ExportBlocked()


def build_payload(vault: Vault, interview_id: str, packet_id: str,
                  supersedes: str | None) -> tuple[bytes, InterviewDoc]:
    """The payload zip (plaintext) and interview.json, after the leak check."""
    from core.reports.interview_summary import write_interview_summary
    from core.transcription.formats import to_vtt
    built = build_interview_doc(vault, interview_id, packet_id, supersedes)
    interview_json = json.dumps(built.doc.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    vtt = to_vtt(built.segments).encode("utf-8")
    leak_check(vault, interview_id, [interview_json.decode("utf-8"), vtt.decode("utf-8")])
    files = {"interview.json": interview_json, "transcript.vtt": vtt,
             "summary.pdf": write_interview_summary(built.doc)}
    return pack(files, packet_id, supersedes), built.doc


def make_export_job(vault: Vault, interview_id: str, out_path: str | Path, *,
                    supersedes: str | None = None) -> Callable[[ReportFn, CancelToken], PacketInfo]:
    """A job that exports one interview as a sealed packet at ``out_path``."""
    out_path = Path(out_path)

    def job(report: ReportFn, cancel: CancelToken) -> PacketInfo:
        from core.deid.review import require_signoff
        started = time.perf_counter()
        report(Progress(0, 4, "Checking"))
        InterviewRepo(vault).get(interview_id)
        recipients = [r.recipient for r in keys.list_recipients(vault)]
        if not recipients:
            raise NoRecipients()
        require_signoff(vault, interview_id)
        prev = _check_supersedes(vault, interview_id, supersedes)
        cancel.raise_if_cancelled()
        report(Progress(1, 4, "Preparing the summary"))
        packet_id = new_packet_id()
        plaintext, _doc = build_payload(vault, interview_id, packet_id, prev)
        cancel.raise_if_cancelled()
        report(Progress(2, 4, "Sealing"))
        device_fpr = keys.device_fingerprint(vault)
        data, header = seal(plaintext, recipients=recipients, signer=lambda b: keys.sign(vault, b),
                            device_fingerprint=device_fpr, packet_id=packet_id, supersedes=prev)
        cancel.raise_if_cancelled()
        report(Progress(3, 4, "Saving"))
        write_output_file(out_path, data)  # temp name ends .partial (spec §9.3)
        try:
            SentPacketRepo(vault).record(
                SentPacket(packet_id, interview_id, now_iso(), prev, header.payload_sha256, out_path.name),
                device_fingerprint=device_fpr)
            InterviewRepo(vault).advance_state(interview_id, "exported")
        except BaseException:
            out_path.unlink(missing_ok=True)  # never leave a packet the vault does not know about
            raise
        report(Progress(4, 4, "Saved"))
        log.info("exported interview=%s packet=%s bytes=%d in %.2fs", interview_id, packet_id, len(data),
                 time.perf_counter() - started)
        return PacketInfo(packet_id, out_path, header.payload_sha256, device_fpr, len(data), prev)

    return job
