"""Enrolled researcher devices: the Ed25519 keys a coordinator accepts packets from.

Enrolling is the trust decision: the coordinator reads the device's fingerprint words back
to the researcher (phone, in person) before enrolling. Packets that arrived earlier from that
device sit in quarantine, unopened, until ``release_quarantine`` imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.coordinator.inbox import Importer, ImportResult, require_coordinator
from core.errors import InvalidInput, Join, Msg
from core.packets.format import DEVICE_KEY_PREFIX
from core.packets.keys import (
    decode_device_key,
    encode_device_key,
    find_key_line,
    fingerprint,
    fingerprint_words,
    read_key_file,
)
from core.vault.db import Vault
from core.vault.inbox import Device, InboxRepo


@dataclass(frozen=True)
class DeviceInfo:
    """An enrolled device with its fingerprint words and packet counts (for listings)."""

    id: int
    label: str
    public_key: str
    fingerprint: str
    enrolled_at: str
    words: str
    packets: dict[str, int]  # status -> number of packets from this device

    @property
    def device(self) -> Device:
        """The stored device (for callers written against the first version of this class)."""
        return Device(self.id, self.label, self.public_key, self.fingerprint, self.enrolled_at)


def parse_device_key(text_or_path: str | Path) -> str:
    """The one device public key in pasted text or in a key file; InvalidInput otherwise."""
    text = str(text_or_path).strip()
    if not text.startswith(DEVICE_KEY_PREFIX) and "\n" not in text:
        path = Path(text)
        try:
            text = read_key_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(Msg("coordinator.neither_device_key_nor"),
                               Msg("coordinator.neither_device_key_nor.hint", device_key_prefix=DEVICE_KEY_PREFIX)) from exc
    found = sorted(set(find_key_line(text, DEVICE_KEY_PREFIX)))
    if not found:
        raise InvalidInput(Msg("coordinator.no_device_key_found"),
                           Msg("coordinator.no_device_key_found.hint", device_key_prefix=DEVICE_KEY_PREFIX))
    if len(found) > 1:
        raise InvalidInput(Msg("coordinator.holds_more_one_device"),
                           Msg("coordinator.holds_more_one_device.hint"))
    return encode_device_key(decode_device_key(found[0]))  # canonical form


def enrol(vault: Vault, public_key_text_or_path: str | Path, label: str) -> Device:
    """Trust a researcher device; enrolling it again keeps the first label."""
    require_coordinator(vault)
    label = " ".join(label.split())
    if not label:
        raise InvalidInput(Msg("coordinator.device_needs_label"),
                           Msg("coordinator.device_needs_label.hint"))
    key = parse_device_key(public_key_text_or_path)
    device, _is_new = InboxRepo(vault).add_device(label, key, fingerprint(key))
    return device


def packet_counts_message(packets: dict[str, int]) -> Join:
    """A device's packets by status in words ("8 counted, 1 replaced")."""
    from core.vault.inbox import IMPORTED, SUPERSEDED
    words: list[Msg | str] = []
    for status, n in packets.items():
        if status == IMPORTED:
            words.append(Msg("devices.count_imported", n=n))
        elif status == SUPERSEDED:
            words.append(Msg("devices.count_superseded", n=n))
        else:
            words.append(f"{status} {n}")
    return Join(words, ", ")


def list_devices(vault: Vault) -> list[DeviceInfo]:
    repo = InboxRepo(vault)
    return [DeviceInfo(d.id, d.label, d.public_key, d.fingerprint, d.enrolled_at,
                       fingerprint_words(d.public_key), repo.packet_counts(d.fingerprint))
            for d in repo.list_devices()]


def remove(vault: Vault, fingerprint_prefix: str) -> Device:
    """Stop accepting packets from a device (named by a fingerprint prefix of 8+ hex digits)."""
    repo = InboxRepo(vault)
    prefix = fingerprint_prefix.strip().lower()
    matches = [d for d in repo.list_devices() if d.fingerprint.startswith(prefix)] if len(prefix) >= 8 else []
    if len(matches) != 1:
        raise InvalidInput(Msg("coordinator.no_single_enrolled_device"),
                           Msg("coordinator.no_single_enrolled_device.hint"))
    repo.remove_device(matches[0].fingerprint)
    return matches[0]


def release_quarantine(vault: Vault) -> list[ImportResult]:
    """Import the quarantined packets whose device is now enrolled; the rest stay.

    Each held entry is tried on its own and then dropped, whatever its verdict: a forged entry
    fails and removes only itself, never the real packet held beside it under the same id.
    """
    from core.coordinator.quarantine import held_bytes
    require_coordinator(vault)
    repo = InboxRepo(vault)
    enrolled = {d.fingerprint for d in repo.list_devices()}
    importer = Importer(vault)
    results = []
    for held in repo.quarantined():
        if held.device_fingerprint not in enrolled:
            continue
        label = f"(quarantine) {held.packet_id}"
        data = held_bytes(vault, held)
        if data is None:
            results.append(ImportResult.said(held.source_path or label, held.packet_id, "quarantined",
                                             Msg("inbox.file_gone"), "file_gone"))
            continue
        results.append(importer.import_bytes(data, label, held=held))
    return results
