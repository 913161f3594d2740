"""The audit's check that deleted interviews and takes left nothing behind (decision 0135).

Three independent pieces of evidence, none of which needs the deleted content:

* no row anywhere still carries a deleted interview's or take's id (every table is looked at);
* every free page of vault.db, and the free space inside every b-tree page, decrypts (with
  ``cryptography``, not SQLCipher) to zeros, which is what ``secure_delete`` promises;
* no deletion is left half-finished (WAL not yet truncated), and each deletion's own check
  (which did know the content, and looked for it in every page and WAL frame) found nothing.
"""

from __future__ import annotations

from pathlib import Path

from core.audit.model import FAIL, PASS, WARN, AuditReport
from core.audit.sqlcipher_pages import free_space_report
from core.audit.vault_checks import independent_db_key
from core.vault import Vault, auditlog
from core.vault.erase import erased_ids, is_erase_pending, leftover_rows, leftover_withdrawn

NAME = "Deleted interviews left nothing"


def check_erasures(report: AuditReport, vault: Vault) -> None:
    interviews, recordings = erased_ids(vault)
    master = getattr(vault, "_master_key", None)
    if master is None:
        report.add(NAME, WARN, "The vault is locked.", "Unlock it and run the audit again.")
        return
    problems: list[str] = []
    left = leftover_rows(vault, interviews, recordings)
    if left:
        problems.append("rows still carry a deleted id: " + ", ".join(f"{t} ({n})" for t, n in sorted(left.items())))
    withdrawn_left = leftover_withdrawn(vault)
    if withdrawn_left:
        problems.append(f"{withdrawn_left} packet(s) withdrawn by their researchers are still in the inbox")
    if is_erase_pending(vault):
        problems.append("a deletion has not finished clearing old page copies from vault.db-wal")
    verified = [e.details for e in auditlog.entries(vault.conn) if e.event == "deletion_verified"]
    dirty_checks = [d for d in verified if int(d.get("found", 0))]
    if dirty_checks:
        problems.append(f"{len(dirty_checks)} deletion check(s) found pieces of the deleted data")
    space = free_space_report(Path(vault.folder) / "vault.db", independent_db_key(master, vault.vault_id))
    if space.unreadable:
        problems.append("some pages could not be decrypted for the free-space check")
    if space.dirty_free_pages:
        problems.append(f"free pages not zeroed: {space.dirty_free_pages[:10]}")
    if space.dirty_btree_pages:
        problems.append(f"free space inside pages not zeroed: {space.dirty_btree_pages[:10]}")
    tombstones = int(vault.conn.execute("SELECT COUNT(*) FROM withdrawals").fetchone()[0])
    report.facts["erasures"] = {"interviews": len(interviews), "takes": len(recordings), "withdrawn_packets": tombstones,
                                "verified_deletions": len(verified), "pages": space.pages,
                                "free_pages": space.free_pages, "btree_pages": space.btree_pages}
    evidence = (f"The security log records {len(interviews)} deleted or withdrawn interview(s) and "
                f"{len(recordings)} deleted take(s), and {tombstones} packet(s) withdrawn at this coordinator "
                f"(tombstones only); {len(verified)} deletion(s) were checked right after "
                "by decrypting every page and WAL frame and looking for their codes, names, phrases and audio. "
                f"Now: no table holds any of their ids; of {space.pages} pages, {space.free_pages} free page(s) "
                f"and the free space of {space.btree_pages} b-tree page(s) decrypt (cryptography, not "
                "SQLCipher) to zeros.")
    if problems:
        report.add(NAME, FAIL, "; ".join(problems) + ".",
                   "Run `confidant scrub` (it rebuilds the search index and clears the WAL), close other "
                   "Confidant windows, then run the audit again. If it still fails, report it as a bug.")
    else:
        report.add(NAME, PASS, evidence)


RETENTION = "Audio past its retention date"


def check_retention(report: AuditReport, vault: Vault) -> None:
    """What the vault's retention rule says should be gone by now, and whether it is."""
    from core.vault.retention import audio_dates, rule
    current = rule(vault)
    if not current.is_set:
        report.add(RETENTION, PASS, current.sentence())
        return
    import datetime as dt
    now = dt.datetime.now(dt.UTC)
    dates = audio_dates(vault)
    past = [d for d in dates if d.is_due(now)]
    report.facts["retention"] = {"rule": current.sentence(), "with_dates": len(dates), "past_due": len(past),
                                 "takes_past_due": sum(len(d.recording_ids) for d in past)}
    if past:
        oldest = min(d.due_on for d in past)
        report.add(RETENTION, WARN,
                   f"{current.sentence()} The audio of {len(past)} interview(s) "
                   f"({sum(len(d.recording_ids) for d in past)} take(s)) is past that date; the oldest was due "
                   f"{oldest.date().isoformat()}. Interview ids: {', '.join(d.interview_id for d in past[:10])}.",
                   "Run `confidant retention apply` (or Settings → Retention → Delete the audio now).")
    else:
        report.add(RETENTION, PASS, f"{current.sentence()} {len(dates)} interview(s) have a date; none is past it.")
