"""Withdrawal notices at the coordinator (docs/packet-format.md §11, decision 0138).

A verified notice erases the listed packets of its own device — the sealed file, the decoded
interview, tags, memos, quarantine copies — with the same no-remnant steps as a researcher's
deletion (``core.vault.erase``), and keeps a tombstone per packet: device, packet id, notice id,
the day withdrawn. A later copy of a withdrawn packet is refused as withdrawn, unopened.
"""

from __future__ import annotations

from core.coordinator.inbox import ImportResult
from core.errors import Join, Msg
from core.packets.format import Header
from core.packets.reader import OpenedPacket
from core.vault.db import now_iso
from core.vault.erase import erase_withdrawn, withdrawn_at
from core.vault.inbox import InboxTx


def refuse_if_withdrawn(tx: InboxTx, header: Header, path: str) -> ImportResult | None:
    """A packet (not a notice) whose (device, id) was withdrawn: refused before it is opened."""
    if header.is_withdrawal:
        return None
    day = withdrawn_at(tx.conn, header.device_fingerprint, header.packet_id)
    if day is None:
        return None
    return ImportResult.said(path, header.packet_id, "rejected", Msg("inbox.withdrawn_before", day=day[:10]),
                             "withdrawn")


def apply_notice(tx: InboxTx, opened: OpenedPacket, path: str) -> ImportResult:
    """Erase what a verified notice withdraws (its own device's packets only)."""
    header, notice = opened.header, opened.withdrawal
    outcome = erase_withdrawn(tx.conn, header.device_fingerprint, list(notice["withdraws"]), header.packet_id,
                              str(notice.get("withdrawn_on") or header.created_day), now_iso())
    nid = header.packet_id
    if outcome.refused and not (outcome.removed or outcome.recorded or outcome.already):
        return ImportResult.said(path, nid, "rejected", Msg("inbox.withdraw_other_device"), "withdraw_other_device")
    if not (outcome.removed or outcome.recorded):
        return ImportResult.said(path, nid, "already_imported", Msg("inbox.withdrawal_again"))
    parts = [Msg("inbox.erased", n=len(outcome.removed))]
    if outcome.recorded:
        parts.append(Msg("inbox.will_refuse", n=len(outcome.recorded)))
    if outcome.refused:
        parts.append(Msg("inbox.ignored_other_devices", n=len(outcome.refused)))
    return ImportResult.said(path, nid, "withdrawn", Join(parts), "withdrawn")
