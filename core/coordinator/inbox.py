"""The packet inbox: import packet files into a coordinator vault.

For each packet, in one vault transaction: look up its id, verify the signature against an
enrolled device, decrypt, check the manifest (``core.packets.reader.verify_and_open``),
decide, and store. Verdicts:

- ``imported``: new, stored and counted (or stored as history when a packet that replaces it
  is already here — the reason says so);
- ``already_imported``: the very same packet (same signed header) again; nothing changes;
- ``superseded``: this packet replaces an earlier one, which is kept as history;
- ``conflict``: a *different* packet uses an id already taken, or replaces a packet that was
  already replaced; nothing is stored;
- ``quarantined``: signed by a device that is not enrolled; the sealed file is kept, unopened,
  until the device is enrolled (``core.coordinator.devices.release_quarantine``);
- ``rejected``: failed a check (truncated, forged, altered, not for us...); nothing is stored.

A bad packet never stops a batch: each gets its own transaction and its own verdict.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from core.coordinator import validate
from core.errors import Cancelled, CoreError, NotCoordinatorVault, PacketRejected
from core.jobs import CancelToken, Progress, ReportFn
from core.packets import reader
from core.packets.format import PACKET_SUFFIX, REASONS, Header
from core.vault.db import Vault
from core.vault.inbox import QUARANTINED, SUPERSEDED, InboxRepo, InboxTx, ReceivedPacket

log = logging.getLogger(__name__)

VERDICTS = ("imported", "already_imported", "superseded", "conflict", "quarantined", "rejected")


@dataclass(frozen=True)
class ImportResult:
    """One packet's verdict; ``reason`` is a sentence for people, ``code`` a stable key."""

    path: str
    packet_id: str
    verdict: str
    reason: str
    code: str = ""

    @property
    def is_ok(self) -> bool:
        return self.verdict in ("imported", "already_imported", "superseded")


def require_coordinator(vault: Vault) -> None:
    if vault.role != "coordinator":
        raise NotCoordinatorVault()


def packet_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus packet files (``*.cpkt``) found under named folders."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob(f"*{PACKET_SUFFIX}")
                              if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)
    return out


def make_import_job(vault: Vault, paths: list[Path]) -> Callable[[ReportFn, CancelToken], list[ImportResult]]:
    """A job importing packet files (and folders of them); returns one result per file."""

    def job(report: ReportFn, cancel: CancelToken) -> list[ImportResult]:
        require_coordinator(vault)
        files = packet_files(paths)
        importer = Importer(vault)
        results = []
        started = time.perf_counter()
        for n, path in enumerate(files):
            cancel.raise_if_cancelled()
            report(Progress(n, len(files), "Importing packets"))
            results.append(importer.import_file(path))
        report(Progress(len(files), len(files), "Importing packets"))
        log.info("imported batch of %d in %.2fs: %s", len(files), time.perf_counter() - started,
                 summarize(results))
        return results

    return job


def summarize(results: Iterable[ImportResult]) -> dict[str, int]:
    counts = {v: 0 for v in VERDICTS}
    for r in results:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    return {k: v for k, v in counts.items() if v}


class Importer:
    """Imports packets one at a time into a coordinator vault (holds its age identity)."""

    def __init__(self, vault: Vault) -> None:
        from core.packets.keys import age_identity
        self.vault = vault
        self.repo = InboxRepo(vault)
        self.identities = [age_identity(vault)]

    def import_file(self, path: Path) -> ImportResult:
        try:
            data = reader.read_packet_file(path)
        except PacketRejected as exc:
            return self._record(ImportResult(str(path), "", "rejected", exc.reason, exc.code), path.name)
        except CoreError as exc:
            return self._record(ImportResult(str(path), "", "rejected", exc.user_message, "unreadable"), path.name)
        return self.import_bytes(data, str(path))

    def import_bytes(self, data: bytes, path: str = "") -> ImportResult:
        """Import one packet; never raises except ``Cancelled`` (a bug becomes a rejection)."""
        name = Path(path).name if path else ""
        try:
            header = reader.inspect(data)
        except PacketRejected as exc:
            return self._record(ImportResult(path, "", "rejected", exc.reason, exc.code), name)
        try:
            with self.repo.transaction() as tx:
                result = self._decide(tx, data, header, path)
                tx.log_event(result.packet_id, name, result.verdict, result.code, result.reason)
            return result
        except Cancelled:
            raise
        except Exception:
            log.exception("import of packet %s failed unexpectedly", header.packet_id)
            return self._record(ImportResult(path, header.packet_id, "rejected",
                                             "Confidant could not store it (an internal error; see the log)",
                                             "internal"), name)

    def _record(self, result: ImportResult, name: str) -> ImportResult:
        try:
            with self.repo.transaction() as tx:
                tx.log_event(result.packet_id, name, result.verdict, result.code, result.reason)
        except CoreError:
            log.warning("could not record the verdict of packet %s", result.packet_id)
        return result

    def _decide(self, tx: InboxTx, data: bytes, header: Header, path: str) -> ImportResult:
        pid = header.packet_id

        def result(verdict: str, reason: str, code: str = "") -> ImportResult:
            return ImportResult(path, pid, verdict, reason, code or verdict)

        existing = tx.get(pid)
        held = existing is not None and existing.status == QUARANTINED
        known = existing if existing is not None and not held else None

        def seen_before(known_packet: ReceivedPacket) -> ImportResult:
            # Spec §8 rules 2 and 3: the same header again changes nothing; a different one
            # with a used id is a conflict and the packet already here is kept.
            day = known_packet.received_at[:10]
            if known_packet.header_digest == header.digest:
                return result("already_imported", f"already imported on {day}; nothing changed")
            return result("conflict", f"a different packet with this id was imported on {day}; "
                                      "keeping that one", "id_conflict")

        trusted = tx.trusted_devices()
        if header.device_fingerprint not in trusted:
            if known is not None:  # e.g. its device was removed since: still nothing to change
                return seen_before(known)
            if existing is not None:
                if existing.header_digest == header.digest:
                    return result("quarantined", "still in quarantine: its device is not enrolled", "unknown_device")
                return result("conflict", "a different packet with this id is already in quarantine", "id_conflict")
            reason = REASONS["unknown_device"][0]
            tx.quarantine(header.to_dict(), data, reason)
            return result("quarantined", f"held in quarantine: {reason}", "unknown_device")
        # Verified before the duplicate check (spec §8 applies to packets that passed §7), so a
        # damaged copy of an imported packet says "rejected", not "already imported".
        try:
            opened = reader.verify_and_open(data, identities=self.identities, trusted_devices=trusted)
        except PacketRejected as exc:
            if held:  # released from quarantine but failed: do not keep it
                tx.drop_quarantined(pid)
            return result("rejected", exc.reason, exc.code)
        if known is not None:
            return seen_before(known)
        problems = validate.problems(opened.interview)
        if problems:
            if held:
                tx.drop_quarantined(pid)
            return result("rejected", "its interview data is incomplete: " + "; ".join(problems), "bad_interview")
        # A verified packet wins over an unverified quarantined one that claimed its id (store
        # drops that row). The sealed packet is kept, and the interview as rows, not the payload.
        return self._store(tx, data, header, opened.interview, path)

    def _store(self, tx: InboxTx, data: bytes, header: Header, interview: dict,
               path: str) -> ImportResult:
        pid, sup = header.packet_id, header.supersedes
        hdr = header.to_dict()
        later = tx.replaced_by(pid)
        if later is not None and later.device_fingerprint == header.device_fingerprint:
            tx.store(hdr, data, interview, superseded_by=later.packet_id,
                     reason=f"replaced by {later.packet_id}")
            return ImportResult(path, pid, "imported",
                                f"kept as history: packet {later.packet_id} already replaced it", "history")
        if sup is None:
            tx.store(hdr, data, interview)
            return ImportResult(path, pid, "imported", "new interview, stored and counted", "imported")
        old = tx.get(sup)
        if old is None or old.status == QUARANTINED:
            tx.store(hdr, data, interview)
            return ImportResult(path, pid, "imported",
                                f"replaces {sup}, which has not arrived; it will be kept as history", "imported")
        if old.device_fingerprint != header.device_fingerprint:
            return ImportResult(path, pid, "conflict", f"it claims to replace {sup}, which came from another device",
                                "supersedes_other_device")
        if old.status == SUPERSEDED:
            return ImportResult(path, pid, "conflict",
                                f"it replaces {sup}, which was already replaced by {old.superseded_by}",
                                "already_superseded")
        tx.store(hdr, data, interview)
        tx.mark_superseded(sup, pid)
        return ImportResult(path, pid, "superseded", f"replaces {sup} (kept as history)", "superseded")
