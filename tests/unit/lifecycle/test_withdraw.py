"""Withdrawal: the researcher deletes the interview and writes a signed notice; the coordinator's
import of the notice erases the interview from every table and page (decrypted independently),
keeps a tombstone, refuses a re-send, and refuses a notice from another device."""

from __future__ import annotations

import pytest

from core.audit.sqlcipher_pages import find_in_vault_files
from core.audit.vault_checks import independent_db_key
from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.lifecycle.withdraw import make_withdraw_job, notice_bytes
from core.packets import keys
from core.packets.reader import inspect
from core.vault.interviews import InterviewRepo
from core.vault.packets import SentPacket, SentPacketRepo
from tests.helpers.coordinator_data import make_interview as coordinator_doc
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
from tests.unit.vault.erase_fixtures import GONE, KEPT, make_interview

GONE_SAID = "Quorvald docked our wages whenever the zymurgy line stopped early"
KEPT_SAID = "Wendemuth gave the night crew fair breaks and paid kumquat bonuses"


def _doc(pid: str, code: str, said: str, seed: int) -> dict:
    doc = coordinator_doc(packet_id=pid, code=code, seed=seed)
    for seg in doc["segments"]:
        if seg["speaker"] == "participant":
            seg["text"] = f"{said} ({seg['index']})."
    doc["memos"] = [{"segment": 1, "text": f"memo about {said.split()[0]}"}]
    return doc


def _coordinator_scan(coordinator, texts: dict[str, str]) -> dict:
    key = independent_db_key(coordinator._master_key, coordinator.vault_id)
    return find_in_vault_files(coordinator.folder, key, {k: v.encode() for k, v in texts.items()})


@pytest.fixture
def shared(vault, coordinator_vault, tmp_path):
    """Two interviews shared with a coordinator that imported both."""
    coordinator = coordinator_vault
    keys.add_recipient(vault, keys.age_recipient(coordinator), label="Coordinator")
    enrol(coordinator, keys.device_public_key(vault), "laptop")
    device = Device(vault)
    outbox = tmp_path / "synced"
    outbox.mkdir()
    made = {}
    for n, (words, said) in enumerate(((GONE, GONE_SAID), (KEPT, KEPT_SAID))):
        iv = make_interview(vault, words, None)
        pid = hex_id("withdraw", n)
        SentPacketRepo(vault).record(SentPacket(pid, iv.interview_id, f"2026-11-2{n}T10:00:00+00:00", None,
                                                "0" * 64, f"p{n}.cpkt"), device_fingerprint=device.fingerprint)
        path = outbox / f"p{n}.cpkt"
        path.write_bytes(seal_interview(_doc(pid, words["code"], said, n), device, [keys.age_recipient(coordinator)]))
        made[words["code"]] = (iv.interview_id, pid, path)
    assert [r.verdict for r in run_job(make_import_job(coordinator, [outbox]))] == ["imported", "imported"]
    return vault, coordinator, made, outbox


def test_withdraw_after_sharing_erases_it_at_the_coordinator(shared):
    vault, coordinator, made, outbox = shared
    gone_iid, gone_pid, gone_path = made[GONE["code"]]
    texts_gone = {"said": GONE_SAID, "code": GONE["code"], "memo": "memo about Quorvald"}
    texts_kept = {"said": KEPT_SAID, "code": KEPT["code"]}
    assert set(_coordinator_scan(coordinator, texts_gone)) == set(texts_gone)    # the scan can see it
    result = run_job(make_withdraw_job(vault, gone_iid, outbox / "withdraw-notice.cpkt"))
    assert result.packets == [gone_pid] and result.deleted is not None and result.deleted.is_clean
    assert inspect(result.notice_path.read_bytes()).is_withdrawal
    assert gone_iid not in [iv.id for iv in InterviewRepo(vault).list()]

    (verdict,) = run_job(make_import_job(coordinator, [result.notice_path]))
    assert verdict.verdict == "withdrawn", verdict.reason
    assert _coordinator_scan(coordinator, texts_gone) == {}
    assert set(_coordinator_scan(coordinator, texts_kept)) == set(texts_kept)    # the control
    assert aggregate(coordinator).n_interviews == 1
    tomb = coordinator.conn.execute("SELECT device_fingerprint, packet_id, notice_id FROM withdrawals").fetchall()
    assert tomb == [(keys.device_fingerprint(vault), gone_pid, result.notice_id)]
    for table in ("packets_received", "inbox_interviews", "inbox_quarantine"):
        assert coordinator.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE packet_id = ?",
                                        (gone_pid,)).fetchone()[0] == 0

    resent = run_job(make_import_job(coordinator, [gone_path]))[0]
    assert (resent.verdict, resent.code) == ("rejected", "withdrawn") and "withdrew" in resent.reason
    again = run_job(make_import_job(coordinator, [result.notice_path]))[0]
    assert again.verdict == "already_imported"
    assert _coordinator_scan(coordinator, texts_gone) == {}


def test_the_coordinator_audit_finds_no_leftover_of_a_withdrawal(shared, tmp_path):
    from core.audit.erasure_checks import NAME, check_erasures
    from core.audit.model import PASS, AuditReport
    vault, coordinator, made, outbox = shared
    result = run_job(make_withdraw_job(vault, made[GONE["code"]][0], outbox / "n.cpkt"))
    run_job(make_import_job(coordinator, [result.notice_path]))
    report = AuditReport()
    check_erasures(report, coordinator)
    assert report.by_name(NAME).status == PASS, report.by_name(NAME).evidence


def test_a_notice_from_another_device_is_refused(shared, tmp_path):
    _vault, coordinator, made, _ = shared
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    try:
        keys.add_recipient(other, keys.age_recipient(coordinator))
        enrol(coordinator, keys.device_public_key(other), "other laptop")
        gone_pid = made[GONE["code"]][1]
        _nid, data = notice_bytes(other, [gone_pid])
        path = tmp_path / "forged-notice.cpkt"
        path.write_bytes(data)
        (verdict,) = run_job(make_import_job(coordinator, [path]))
    finally:
        other.close()
    assert (verdict.verdict, verdict.code) == ("rejected", "withdraw_other_device")
    assert "only the device that sent a packet can withdraw it" in verdict.reason
    assert aggregate(coordinator).n_interviews == 2
    assert coordinator.conn.execute("SELECT COUNT(*) FROM withdrawals").fetchone()[0] == 0


def test_a_notice_before_the_packet_arrives_refuses_the_packet(vault, coordinator_vault, tmp_path):
    coordinator = coordinator_vault
    keys.add_recipient(vault, keys.age_recipient(coordinator))
    enrol(coordinator, keys.device_public_key(vault), "laptop")
    iv = make_interview(vault, GONE, None)
    pid = hex_id("late")
    SentPacketRepo(vault).record(SentPacket(pid, iv.interview_id, "2026-11-20T10:00:00+00:00", None, "0" * 64,
                                            "p.cpkt"), device_fingerprint=keys.device_fingerprint(vault))
    packet = tmp_path / "late.cpkt"
    packet.write_bytes(seal_interview(_doc(pid, GONE["code"], GONE_SAID, 3), Device(vault),
                                      [keys.age_recipient(coordinator)]))
    result = run_job(make_withdraw_job(vault, iv.interview_id, tmp_path / "notice.cpkt"))
    assert run_job(make_import_job(coordinator, [result.notice_path]))[0].verdict == "withdrawn"
    late = run_job(make_import_job(coordinator, [packet]))[0]
    assert (late.verdict, late.code) == ("rejected", "withdrawn")
    assert aggregate(coordinator).n_interviews == 0


def test_a_notice_from_an_unenrolled_device_waits_in_quarantine(shared, tmp_path):
    _vault, coordinator, made, _ = shared
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    stranger, _ = Vault.create(tmp_path / "stranger", PASSPHRASE, kdf=FAST_KDF)
    try:
        keys.add_recipient(stranger, keys.age_recipient(coordinator))
        path = tmp_path / "n.cpkt"
        path.write_bytes(notice_bytes(stranger, [made[GONE["code"]][1]])[1])
    finally:
        stranger.close()
    assert run_job(make_import_job(coordinator, [path]))[0].verdict == "quarantined"
    assert aggregate(coordinator).n_interviews == 2


def test_withdraw_of_an_unshared_interview_just_deletes_it(vault):
    iv = make_interview(vault, GONE, None)
    result = run_job(make_withdraw_job(vault, iv.interview_id, None))
    assert result.notice_path is None and result.deleted.is_clean
    assert InterviewRepo(vault).list() == []


def test_withdraw_after_an_earlier_delete_still_writes_the_notice(shared, tmp_path):
    from core.lifecycle.delete import make_delete_interview_job
    vault, coordinator, made, outbox = shared
    iid, pid, _ = made[GONE["code"]]
    run_job(make_delete_interview_job(vault, iid))
    result = run_job(make_withdraw_job(vault, iid, outbox / "late-notice.cpkt"))
    assert result.deleted is None and result.packets == [pid]
    assert run_job(make_import_job(coordinator, [result.notice_path]))[0].verdict == "withdrawn"
    assert aggregate(coordinator).n_interviews == 1
