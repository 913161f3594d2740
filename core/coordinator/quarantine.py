"""Quarantine: packets from devices that are not enrolled, held unopened and within a quota.

Anyone who can write into a synced folder can make up a device fingerprint, so what quarantine
keeps must be bounded (docs/decisions/0111-quarantine-quota.md):

- each held packet is its own entry, keyed by the SHA-256 of the whole file, never by the id
  it claims: a forged copy of a header cannot make the real packet look "already held", and
  a packet that later fails verification removes only itself;
- the sealed bytes are kept only within a quota per unknown device and in total; beyond it
  only the header and where the file lies are kept (the file is read again on enrolment);
- beyond a count quota per device and in total nothing is kept and the verdict says so;
- ``purge`` empties it (all, or one device's), ``list_held`` shows it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from core.errors import InvalidInput, Msg, NotCoordinatorVault
from core.packets.format import REASON_MSGS, REASONS, Header
from core.vault.db import Vault
from core.vault.inbox import InboxRepo, InboxTx, QuarantinedPacket, QuarantineUsage

# Per unknown device: a researcher who exports a season of interviews before being enrolled
# fits (a packet is typically 0.1–1 MB); a made-up device cannot grow the vault without bound.
MAX_HELD_PER_DEVICE = 200
MAX_KEPT_BYTES_PER_DEVICE = 32 * 1024 * 1024
# Across all unknown devices (a forger can make up any number of fingerprints).
MAX_HELD_TOTAL = 2000
MAX_KEPT_BYTES_TOTAL = 128 * 1024 * 1024


def _require_coordinator(vault: Vault) -> None:
    if vault.role != "coordinator":  # core.coordinator.inbox imports this module: no cycle
        raise NotCoordinatorVault()


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hold(tx: InboxTx, data: bytes, header: Header, source_path: str) -> tuple[str, str, Msg]:
    """Hold an unverified packet; returns (verdict, code, reason)."""
    digest = file_digest(data)
    if tx.held(digest) is not None:
        return "quarantined", "unknown_device", Msg("inbox.still_held")
    dev = header.device_fingerprint
    mine, everyone = tx.quarantine_usage(dev), tx.quarantine_usage()
    if mine.packets >= MAX_HELD_PER_DEVICE or everyone.packets >= MAX_HELD_TOTAL:
        return ("rejected", "quarantine_full",
                Msg("inbox.quarantine_full", mine=mine.packets, everyone=everyone.packets))
    fits = (mine.bytes_kept + len(data) <= MAX_KEPT_BYTES_PER_DEVICE
            and everyone.bytes_kept + len(data) <= MAX_KEPT_BYTES_TOTAL)
    reason = REASONS["unknown_device"][0]
    why = REASON_MSGS["unknown_device"][0]
    if fits:
        tx.quarantine(header.to_dict(), digest, len(data), data, source_path, reason)
        return "quarantined", "unknown_device", Msg("inbox.held", reason=why)
    if not source_path:
        return "rejected", "quarantine_full", Msg("inbox.quarantine_no_room")
    tx.quarantine(header.to_dict(), digest, len(data), None, source_path,
                  f"{reason} (only its header is kept: leave the file where it is until the device is enrolled)")
    return "quarantined", "unknown_device_header_only", Msg("inbox.held_header_only", reason=why)


def forget_copies(tx: InboxTx, data: bytes) -> None:
    """A packet that was verified and stored no longer needs its held copy (same bytes only)."""
    tx.drop_held_copies(file_digest(data))


def held_bytes(vault: Vault, entry: QuarantinedPacket) -> bytes | None:
    """The sealed bytes of a held packet: kept in the vault, or read again from its file (only if
    the file is still byte for byte the one that was held)."""
    kept = InboxRepo(vault).held_bytes(entry.id)
    if kept is not None:
        return kept
    if not entry.source_path:
        return None
    from core.errors import PacketRejected
    from core.packets.reader import read_packet_file
    try:
        data = read_packet_file(Path(entry.source_path))
    except (PacketRejected, InvalidInput):
        return None
    return data if file_digest(data) == entry.file_sha256 else None


@dataclass(frozen=True)
class HeldSummary:
    device_fingerprint: str
    packets: int
    kept_bytes: int
    header_only: int
    first_at: str
    last_at: str


def list_held(vault: Vault) -> tuple[list[QuarantinedPacket], list[HeldSummary]]:
    """Every held packet, and per device: how many, bytes kept, how many are header-only."""
    _require_coordinator(vault)
    entries = InboxRepo(vault).quarantined()
    by_device: dict[str, list[QuarantinedPacket]] = {}
    for e in entries:
        by_device.setdefault(e.device_fingerprint, []).append(e)
    summaries = [HeldSummary(dev, len(es), sum(e.size_bytes for e in es if e.has_bytes),
                             sum(1 for e in es if not e.has_bytes),
                             min(e.received_at for e in es), max(e.received_at for e in es))
                 for dev, es in sorted(by_device.items())]
    return entries, summaries


def purge(vault: Vault, device_prefix: str | None = None) -> QuarantineUsage:
    """Delete held packets: all, or those of devices whose fingerprint starts with the prefix."""
    _require_coordinator(vault)
    prefix = (device_prefix or "").strip().lower()
    if device_prefix is not None and (len(prefix) < 8 or any(c not in "0123456789abcdef" for c in prefix)):
        raise InvalidInput(Msg("coordinator.not_device_fingerprint"),
                           Msg("coordinator.not_device_fingerprint.hint"))
    return InboxRepo(vault).purge_quarantine(prefix or None)
