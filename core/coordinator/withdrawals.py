"""Withdrawal notices at the coordinator (docs/packet-format.md §11, decision 0138).

A verified notice erases the listed packets of its own device — the sealed file, the decoded
interview, tags, memos, quarantine copies — with the same no-remnant steps as a researcher's
deletion (``core.vault.erase``), and keeps a tombstone per packet: device, packet id, notice id,
the day withdrawn. A later copy of a withdrawn packet is refused as withdrawn, unopened.
"""

from __future__ import annotations

from core.coordinator.inbox import ImportResult
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
    return ImportResult(path, header.packet_id, "rejected",
                        f"its researcher withdrew this interview on {day[:10]}; nothing from it is kept",
                        "withdrawn")


def apply_notice(tx: InboxTx, opened: OpenedPacket, path: str) -> ImportResult:
    """Erase what a verified notice withdraws (its own device's packets only)."""
    header, notice = opened.header, opened.withdrawal
    outcome = erase_withdrawn(tx.conn, header.device_fingerprint, list(notice["withdraws"]), header.packet_id,
                              str(notice.get("withdrawn_on") or header.created_day), now_iso())
    nid = header.packet_id
    if outcome.refused and not (outcome.removed or outcome.recorded or outcome.already):
        return ImportResult(path, nid, "rejected", "it withdraws packets that another device sent; only the "
                            "device that sent a packet can withdraw it", "withdraw_other_device")
    if not (outcome.removed or outcome.recorded):
        return ImportResult(path, nid, "already_imported", "this withdrawal was applied before; nothing changed")
    parts = [f"erased {len(outcome.removed)} packet(s) and everything from them"]
    if outcome.recorded:
        parts.append(f"{len(outcome.recorded)} not arrived yet will be refused")
    if outcome.refused:
        parts.append(f"ignored {len(outcome.refused)} packet id(s) sent by other devices")
    return ImportResult(path, nid, "withdrawn", "; ".join(parts), "withdrawn")
