"""The packet inbox: import packet files into a coordinator vault.

For each packet, in one vault transaction: look up (device, id) — ids are per device, verify the signature against an
enrolled device, decrypt, check the manifest (``core.packets.reader.verify_and_open``),
decide, and store. Verdicts:

- ``imported``: new, stored and counted (or stored as history when a packet that replaces it
  is already here — the reason says so);
- ``already_imported``: the very same packet (same signed header) again; nothing changes;
- ``superseded``: this packet replaces an earlier one, which is kept as history;
- ``conflict``: a *different* packet uses an id already taken, or replaces a packet that was
  already replaced; nothing is stored;
- ``quarantined``: signed by a device that is not enrolled; the sealed file (or, beyond the
  quota, only its header) is kept, unopened, until the device is enrolled
  (``core.coordinator.devices.release_quarantine``; quotas in ``core.coordinator.quarantine``);
- ``rejected``: failed a check (truncated, forged, altered, not for us...); nothing is stored.

A bad packet never stops a batch: each gets its own transaction and its own verdict.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.coordinator import quarantine
from core.documents.interview import InterviewDoc
from core.errors import Cancelled, CoreError, Join, Msg, NotCoordinatorVault, PacketRejected
from core.jobs import CancelToken, Progress, ReportFn
from core.packets import reader
from core.packets.format import PACKET_SUFFIX, Header
from core.vault.db import Vault
from core.vault.inbox import SUPERSEDED, InboxRepo, InboxTx, QuarantinedPacket, ReceivedPacket

log = logging.getLogger(__name__)

VERDICTS = ("imported", "already_imported", "superseded", "withdrawn", "conflict", "quarantined", "rejected")
# Each verdict in words (the desktop's list of copies received, `coordinator import`).
VERDICT_WORDS = {"imported": Msg("inbox.verdict.imported"), "already_imported": Msg("inbox.verdict.already_imported"),
                 "superseded": Msg("inbox.verdict.superseded"), "withdrawn": Msg("inbox.verdict.withdrawn"),
                 "conflict": Msg("inbox.verdict.conflict"), "quarantined": Msg("inbox.verdict.quarantined"),
                 "rejected": Msg("inbox.verdict.rejected")}


# A verdict in a table column, and counted (`coordinator import`'s rows and summary).
VERDICT_SHORT = {"imported": Msg("inbox.short.imported"), "already_imported": Msg("inbox.short.already_imported"),
                 "superseded": Msg("inbox.short.superseded"), "withdrawn": Msg("inbox.short.withdrawn"),
                 "conflict": Msg("inbox.short.conflict"), "quarantined": Msg("inbox.short.quarantined"),
                 "rejected": Msg("inbox.short.rejected")}
_COUNTED = {"imported": lambda n: Msg("inbox.count.imported", n=n),
            "already_imported": lambda n: Msg("inbox.count.already_imported", n=n),
            "superseded": lambda n: Msg("inbox.count.superseded", n=n),
            "withdrawn": lambda n: Msg("inbox.count.withdrawn", n=n),
            "conflict": lambda n: Msg("inbox.count.conflict", n=n),
            "quarantined": lambda n: Msg("inbox.count.quarantined", n=n),
            "rejected": lambda n: Msg("inbox.count.rejected", n=n)}


def verdict_words(verdict: str) -> Msg:
    return VERDICT_WORDS.get(verdict) or Msg("audit.plain", text=verdict)


def verdict_short(verdict: str) -> Msg:
    return VERDICT_SHORT.get(verdict) or Msg("audit.plain", text=verdict)


def counted(counts: dict[str, int]) -> Join:
    """``summarize``'s counts in words ("3 imported, 1 already imported")."""
    return Join([_COUNTED[v](n) if v in _COUNTED else f"{n} {v}" for v, n in counts.items()], ", ")


@dataclass(frozen=True)
class ImportResult:
    """One packet's verdict; ``reason`` is a sentence for people (English, as the inbox's log
    keeps it; ``reason_msg`` renders it in the reader's language), ``code`` a stable key."""

    path: str
    packet_id: str
    verdict: str
    reason: str
    code: str = ""
    reason_msg: Msg | Join | None = field(default=None, compare=False, repr=False)

    @classmethod
    def said(cls, path: str, packet_id: str, verdict: str, reason: Msg | Join, code: str = "") -> ImportResult:
        """A verdict whose reason is a message with an id."""
        return cls(path, packet_id, verdict, reason.render(), code, reason)

    def reason_in(self, language: str) -> str:
        """The reason in ``language`` (as recorded where it has no id)."""
        from core.messages import catalogue
        return self.reason_msg.render(catalogue(language)) if self.reason_msg is not None else self.reason

    @property
    def is_ok(self) -> bool:
        return self.verdict in ("imported", "already_imported", "superseded", "withdrawn")


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


def _refused(path: str, packet_id: str, exc: PacketRejected) -> ImportResult:
    """A packet a check refused: its reason as the check gave it."""
    return ImportResult.said(path, packet_id, "rejected", exc.reason_msg or Msg("audit.plain", text=exc.reason),
                             exc.code)


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
            return self._record(_refused(str(path), "", exc), path.name)
        except CoreError as exc:
            return self._record(ImportResult.said(str(path), "", "rejected",
                                                  exc.message_id or Msg("audit.plain", text=exc.user_message),
                                                  "unreadable"), path.name)
        return self.import_bytes(data, str(path), source_path=str(Path(path).resolve()))

    def import_bytes(self, data: bytes, path: str = "", *, source_path: str = "",
                     held: QuarantinedPacket | None = None) -> ImportResult:
        """Import one packet; never raises except ``Cancelled`` (a bug becomes a rejection).

        ``held`` is the quarantine entry these bytes came from: it is dropped once it has a
        verdict other than "still quarantined" — that entry only, never another with its id.
        """
        name = Path(path).name if path else ""
        try:
            header = reader.inspect(data)
        except PacketRejected as exc:
            if held is not None:
                self._drop_held(held)
            return self._record(_refused(path, "", exc), name)
        try:
            with self.repo.transaction() as tx:
                result = self._decide(tx, data, header, path, source_path)
                if held is not None and result.verdict != "quarantined":
                    tx.drop_held(held.id)
                tx.log_event(result.packet_id, name, result.verdict, result.code, result.reason)
            if result.verdict == "withdrawn":   # old page copies leave the WAL only after the commit
                from core.vault.erase import finish_pending
                finish_pending(self.vault)
            return result
        except Cancelled:
            raise
        except Exception as exc:
            log.error("import of packet %s failed unexpectedly (%s)", header.packet_id, type(exc).__name__)
            log.debug("import of packet %s failed", header.packet_id, exc_info=True)
            return self._record(ImportResult.said(path, header.packet_id, "rejected",
                                                  Msg("inbox.internal_error", kind=type(exc).__name__), "internal"),
                                name)

    def _drop_held(self, held: QuarantinedPacket) -> None:
        try:
            with self.repo.transaction() as tx:
                tx.drop_held(held.id)
        except CoreError:
            log.warning("could not drop quarantine entry %d", held.id)

    def _record(self, result: ImportResult, name: str) -> ImportResult:
        try:
            with self.repo.transaction() as tx:
                tx.log_event(result.packet_id, name, result.verdict, result.code, result.reason)
        except CoreError:
            log.warning("could not record the verdict of packet %s", result.packet_id)
        return result

    def _decide(self, tx: InboxTx, data: bytes, header: Header, path: str,
                source_path: str) -> ImportResult:
        pid, dev = header.packet_id, header.device_fingerprint

        def result(verdict: str, reason: Msg | Join, code: str = "") -> ImportResult:
            return ImportResult.said(path, pid, verdict, reason, code or verdict)

        # Spec §8: a packet is known by (DEVICE_FPR, PACKET_ID). Another device using the same
        # id is a different packet and cannot block this one (ids are in the plaintext header).
        known = tx.get(dev, pid)

        def seen_before(known_packet: ReceivedPacket) -> ImportResult:
            # Spec §8 rules 2 and 3: the same header again changes nothing; a different one
            # with a used id is a conflict and the packet already here is kept.
            day = known_packet.received_at[:10]
            if known_packet.header_digest == header.digest:
                return result("already_imported", Msg("inbox.already_imported", day=day))
            return result("conflict", Msg("inbox.id_conflict", day=day), "id_conflict")

        from core.coordinator import withdrawals
        refused = withdrawals.refuse_if_withdrawn(tx, header, path)   # spec §11: never reopened
        if refused is not None:
            return refused
        trusted = tx.trusted_devices()
        if dev not in trusted:
            if known is not None:  # e.g. its device was removed since: still nothing to change
                return seen_before(known)
            verdict, code, reason = quarantine.hold(tx, data, header, source_path)
            return result(verdict, reason, code)
        # Verified before the duplicate check (spec §8 applies to packets that passed §7), so a
        # damaged copy of an imported packet says "rejected", not "already imported". A failure
        # touches nothing else: not a quarantined packet with the same id (a forger without keys
        # could otherwise erase a waiting interview).
        try:
            opened = reader.verify_and_open(data, identities=self.identities, trusted_devices=trusted)
        except PacketRejected as exc:
            return _refused(path, pid, exc)
        if header.is_withdrawal:
            return withdrawals.apply_notice(tx, opened, path)
        if known is not None:
            return seen_before(known)
        assert opened.interview is not None   # only a withdrawal notice has none (handled above)
        from core.study.coordinator_side import study_refusal
        refusal = study_refusal(self.vault, opened.interview)
        if refusal is not None:
            return result("rejected", refusal, "other_study")
        # The sealed packet is kept, and the interview as rows, not the payload.
        return self._store(tx, data, header, opened.interview, path)

    def _store(self, tx: InboxTx, data: bytes, header: Header, interview: InterviewDoc,
               path: str) -> ImportResult:
        pid, sup, dev = header.packet_id, header.supersedes, header.device_fingerprint
        hdr = header.to_dict()
        quarantine.forget_copies(tx, data)  # this very file, if it was also held, is now imported
        # Claims by other devices never change this packet (spec §8 rule 4): each is recorded as
        # a conflict, and this packet is imported as if they did not exist.
        claims = tx.claims_from_others(dev, pid)
        for claim in claims:
            tx.log_event(claim.packet_id, "", "conflict", "supersedes_other_device",
                         Msg("inbox.claim_ignored", packet=pid).render())
        noted: Msg | str = Msg("inbox.claims_ignored", n=len(claims)) if claims else ""
        later = tx.replaced_by(dev, pid)
        if later is not None:
            tx.store(hdr, data, interview, superseded_by=later.packet_id,
                     reason=f"replaced by {later.packet_id}")
            return ImportResult.said(path, pid, "imported", Msg("inbox.history", packet=later.packet_id, noted=noted),
                                     "history")
        if sup is None:
            tx.store(hdr, data, interview)
            return ImportResult.said(path, pid, "imported", Msg("inbox.new", noted=noted), "imported")
        old = tx.get(dev, sup)
        if old is None:
            if tx.held_by_others(dev, sup):
                return ImportResult.said(path, pid, "conflict", Msg("inbox.claims_other_device", packet=sup),
                                         "supersedes_other_device")
            rival = tx.replaced_by(dev, sup)
            if rival is not None:
                return ImportResult.said(path, pid, "conflict",
                                         Msg("inbox.rival", packet=sup, rival=rival.packet_id), "already_superseded")
            tx.store(hdr, data, interview)
            return ImportResult.said(path, pid, "imported", Msg("inbox.replaces_missing", packet=sup, noted=noted),
                                     "imported")
        if old.status == SUPERSEDED:
            return ImportResult.said(path, pid, "conflict",
                                     Msg("inbox.already_replaced", packet=sup, by=old.superseded_by),
                                     "already_superseded")
        tx.store(hdr, data, interview)
        tx.mark_superseded(dev, sup, pid)
        return ImportResult.said(path, pid, "superseded", Msg("inbox.replaces", packet=sup, noted=noted), "superseded")
