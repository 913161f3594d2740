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
from core.errors import Join, Msg
from core.vault import Vault, auditlog
from core.vault.erase import erased_ids, is_erase_pending, leftover_rows, leftover_withdrawn

NAME = "Deleted interviews left nothing"


def check_erasures(report: AuditReport, vault: Vault) -> None:
    interviews, recordings = erased_ids(vault)
    master = getattr(vault, "_master_key", None)
    if master is None:
        report.add(NAME, WARN, Msg("audit.locked"), Msg("audit.locked_again.hint"))
        return
    problems: list[Msg] = []
    left = leftover_rows(vault, interviews, recordings)
    if left:
        problems.append(Msg("audit.erase_rows", tables=", ".join(f"{t} ({n})" for t, n in sorted(left.items()))))
    withdrawn_left = leftover_withdrawn(vault)
    if withdrawn_left:
        problems.append(Msg("audit.erase_withdrawn_left", n=withdrawn_left))
    if is_erase_pending(vault):
        problems.append(Msg("audit.erase_pending"))
    verified = [e.details for e in auditlog.entries(vault.conn) if e.event == "deletion_verified"]
    dirty_checks = [d for d in verified if int(d.get("found", 0))]
    if dirty_checks:
        problems.append(Msg("audit.erase_dirty_checks", n=len(dirty_checks)))
    space = free_space_report(Path(vault.folder) / "vault.db", independent_db_key(master, vault.vault_id))
    if space.unreadable:
        problems.append(Msg("audit.erase_unreadable"))
    if space.dirty_free_pages:
        problems.append(Msg("audit.erase_free_pages", pages=space.dirty_free_pages[:10]))
    if space.dirty_btree_pages:
        problems.append(Msg("audit.erase_btree_pages", pages=space.dirty_btree_pages[:10]))
    tombstones = int(vault.conn.execute("SELECT COUNT(*) FROM withdrawals").fetchone()[0])
    report.facts["erasures"] = {"interviews": len(interviews), "takes": len(recordings), "withdrawn_packets": tombstones,
                                "verified_deletions": len(verified), "pages": space.pages,
                                "free_pages": space.free_pages, "btree_pages": space.btree_pages}
    if problems:
        report.add(NAME, FAIL, Msg("audit.erase_problems", problems=Join(problems)), Msg("audit.erase_problems.hint"))
    else:
        report.add(NAME, PASS, Msg("audit.erase_clean", interviews=len(interviews), takes=len(recordings),
                                   withdrawn=tombstones, verified=len(verified), pages=space.pages,
                                   free=space.free_pages, btree=space.btree_pages))


RETENTION = "Audio past its retention date"


def check_retention(report: AuditReport, vault: Vault) -> None:
    """What the vault's retention rule says should be gone by now, and whether it is."""
    from core.vault.retention import audio_dates, rule
    current = rule(vault)
    if not current.is_set:
        report.add(RETENTION, PASS, current.message())
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
                   Msg("audit.retention_past", rule=current.message(), n=len(past),
                       takes=sum(len(d.recording_ids) for d in past), oldest=oldest.date().isoformat(),
                       ids=", ".join(d.interview_id for d in past[:10])),
                   Msg("audit.retention_past.hint"))
    else:
        report.add(RETENTION, PASS, Msg("audit.retention_none_past", rule=current.message(), n=len(dates)))
