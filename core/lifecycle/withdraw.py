"""A participant withdraws: delete the interview here and, if it was shared, write a signed
withdrawal notice for the coordinators (docs/packet-format.md §11, decision 0138).

The notice lists every packet this vault sent for the interview (the original and each
correction; ``packets_sent`` keeps their ids after a deletion on purpose), so it also works for
an interview deleted earlier. It is sealed to the same coordinators as a packet and signed with
this device's key: a coordinator applies it only to packets of this device. The notice is
written first: if that fails nothing is deleted; the deletion then runs the proved erase.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from core.errors import InvalidInput, Msg, NoRecipients, NotFound
from core.jobs import CancelToken, Progress, ReportFn
from core.lifecycle.delete import DeleteResult, make_delete_interview_job
from core.packets import keys
from core.packets.format import MAX_WITHDRAWN, WITHDRAWAL_FORMAT, WITHDRAWAL_VERSION, new_packet_id
from core.packets.payload import pack
from core.packets.seal import seal
from core.vault import Vault
from core.vault.files import write_output_file


@dataclass(frozen=True)
class WithdrawResult:
    interview_id: str
    notice_path: Path | None       # None when the interview was never shared
    notice_id: str
    packets: list[str]
    deleted: DeleteResult | None   # None when it had been deleted before


def shared_packets(vault: Vault, interview_id: str) -> list[str]:
    return [r[0] for r in vault.conn.execute(
        "SELECT packet_id FROM packets_sent WHERE interview_id = ? ORDER BY created_at, rowid", (interview_id,))]


def notice_bytes(vault: Vault, packet_ids: list[str], *, notice_id: str | None = None,
                 day: str | None = None) -> tuple[str, bytes]:
    """(notice id, the bytes of a signed withdrawal notice for ``packet_ids``)."""
    recipients = [r.recipient for r in keys.list_recipients(vault)]
    if not recipients:
        raise NoRecipients()
    if not 0 < len(packet_ids) <= MAX_WITHDRAWN:
        raise InvalidInput(Msg("lifecycle.nothing_withdraw"), Msg("lifecycle.nothing_withdraw.hint"))
    nid = notice_id or new_packet_id()
    when = day or dt.datetime.now(dt.UTC).date().isoformat()
    doc = {"format": WITHDRAWAL_FORMAT, "notice_id": nid, "withdraws": list(packet_ids), "withdrawn_on": when}
    plaintext = pack({"withdrawal.json": json.dumps(doc, indent=1, sort_keys=True).encode()}, nid, None)
    data, _header = seal(plaintext, recipients=recipients, signer=lambda b: keys.sign(vault, b),
                         device_fingerprint=keys.device_fingerprint(vault), packet_id=nid,
                         created_day=when, version=WITHDRAWAL_VERSION)
    return nid, data


def make_withdraw_job(vault: Vault, interview_id: str, out_path: str | Path | None):  # -> Job[WithdrawResult]
    """Write the withdrawal notice (when the interview was shared), then delete the interview."""
    def job(report: ReportFn, cancel: CancelToken) -> WithdrawResult:
        packets = shared_packets(vault, interview_id)
        exists = vault.conn.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if not exists and not packets:
            raise NotFound(Msg("lifecycle.no_interview", interview_id=interview_id), Msg("lifecycle.no_interview.hint"))
        path, nid = None, ""
        if packets:
            if out_path is None:
                raise InvalidInput(Msg("lifecycle.interview_shared_coordinators_need"),
                                   Msg("lifecycle.interview_shared_coordinators_need.hint"))
            report(Progress(0, 4, "Writing the withdrawal notice"))
            nid, data = notice_bytes(vault, packets)
            path = write_output_file(out_path, data)
            vault.audit("withdrawal_notice_written", {"interview": interview_id, "notice": nid,
                                                      "packets": len(packets)})
        cancel.raise_if_cancelled()
        deleted = None
        if exists:
            deleted = make_delete_interview_job(vault, interview_id, event="interview_withdrawn",
                                                extra={"notice": nid})(report, cancel)
        return WithdrawResult(interview_id, path, nid, packets, deleted)
    return job
