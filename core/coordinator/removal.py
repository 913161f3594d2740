"""Removing an imported packet from the coordinator's inbox (current or history).

For a packet that should never have been counted (sent by mistake, a test, or one stored by
an older version that checked less): its interview leaves every report. The sealed file is
not blocked: importing it again brings it back, so the person is told to delete the file as
well. Quarantined packets are purged with ``core.coordinator.quarantine`` instead.
"""

from __future__ import annotations

from core.coordinator.inbox import require_coordinator
from core.errors import InvalidInput, Msg
from core.vault.db import Vault
from core.vault.inbox import QUARANTINED, InboxRepo, ReceivedPacket

MIN_PREFIX = 8  # hex digits: enough to be unambiguous in any real inbox, short enough to type


def find_packet(vault: Vault, packet_id_prefix: str, device_prefix: str = "") -> ReceivedPacket:
    """The one opened packet whose id (and device, if given) start with the prefixes."""
    prefix, device = packet_id_prefix.strip().lower(), device_prefix.strip().lower()
    opened = [p for p in InboxRepo(vault).list_packets() if p.status != QUARANTINED]
    matches = ([p for p in opened if p.packet_id.startswith(prefix) and p.device_fingerprint.startswith(device)]
               if len(prefix) >= MIN_PREFIX else [])
    if len(matches) > 1 and len({p.packet_id for p in matches}) == 1:
        raise InvalidInput(Msg("coordinator.packets_more_one_device"),
                           Msg("coordinator.packets_more_one_device.hint"))
    if len(matches) != 1:
        raise InvalidInput(Msg("coordinator.no_single_imported_packet"),
                           Msg("coordinator.no_single_imported_packet.hint", min_prefix=MIN_PREFIX))
    return matches[0]


def remove_packet(vault: Vault, packet_id_prefix: str, device_prefix: str = "") -> ReceivedPacket:
    """Remove one imported packet (named by an id prefix); returns what was removed."""
    require_coordinator(vault)
    packet = find_packet(vault, packet_id_prefix, device_prefix)
    removed = InboxRepo(vault).remove_packet(packet.device_fingerprint, packet.packet_id)
    if removed is None:  # another process removed it between the look-up and now
        raise InvalidInput(Msg("coordinator.packet_no_longer_inbox"), Msg("coordinator.packet_no_longer_inbox.hint"))
    return removed
