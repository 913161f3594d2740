"""Receipts round-trip through a folder: the coordinator signs what it received, the researcher
reads it and sees "Received by the coordinator on …"; forged, altered or foreign files are refused."""

from __future__ import annotations

import json

import pytest

from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.lifecycle.receipts import (
    ReceiptRejected,
    file_name,
    import_from_folder,
    import_receipts,
    share_status,
    trust_signer,
    write_receipts,
)
from core.packets import keys
from core.vault.interviews import InterviewRepo
from core.vault.packets import SentPacket, SentPacketRepo
from tests.helpers.coordinator_data import make_interview as coordinator_doc
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview


@pytest.fixture
def shared(vault, coordinator_vault, tmp_path):
    """A researcher vault that sent two interviews; the coordinator imported the first."""
    coordinator = coordinator_vault
    recipient = keys.age_recipient(coordinator)
    enrol(coordinator, keys.device_public_key(vault), "laptop")
    repo = InterviewRepo(vault)
    ivs = [repo.create(f"P-10{i}", "SITE-A") for i in range(2)]
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    device = Device(vault)
    for i, iv in enumerate(ivs):
        pid = hex_id("receipt", i)
        SentPacketRepo(vault).record(SentPacket(pid, iv.id, f"2026-11-2{i}T10:00:00+00:00", None, "0" * 64,
                                                f"p{i}.cpkt"), device_fingerprint=device.fingerprint)
        (outbox / f"p{i}.cpkt").write_bytes(seal_interview(coordinator_doc(packet_id=pid, code=f"P-10{i}"),
                                                           device, [recipient]))
    results = run_job(make_import_job(coordinator, [outbox / "p0.cpkt"]))
    assert [r.verdict for r in results] == ["imported"]
    trust_signer(vault, keys.device_public_key(coordinator))
    return vault, coordinator, ivs


def test_round_trip_through_a_folder(shared, tmp_path):
    vault, coordinator, ivs = shared
    synced = tmp_path / "synced"
    synced.mkdir()
    (path,) = write_receipts(coordinator, synced)
    assert path.name == file_name(keys.device_fingerprint(vault))
    assert share_status(vault, ivs[0].id).sentence().endswith("no receipt yet.")
    done = import_receipts(vault, [synced])
    assert (done.files, done.matched) == (1, 1)
    today = share_status(vault, ivs[0].id)
    assert today.sentence().startswith("Received by the coordinator on 20") and today.status == "imported"
    assert "no receipt yet" in share_status(vault, ivs[1].id).sentence()
    text = path.read_text()
    assert "P-100" not in text and "SITE-A" not in text     # ids and dates only


def test_a_chosen_synced_folder_is_read(shared, tmp_path):
    vault, coordinator, ivs = shared
    synced = tmp_path / "synced"
    synced.mkdir()
    write_receipts(coordinator, synced)
    assert import_from_folder(vault) is None
    vault.set_setting("receipts.folder", str(synced))
    assert import_from_folder(vault).matched == 1
    assert share_status(vault, ivs[0].id).received_at


def test_an_altered_receipt_is_refused(shared, tmp_path):
    vault, coordinator, ivs = shared
    (path,) = write_receipts(coordinator, tmp_path)
    head, body = path.read_bytes().split(b"\n\n", 1)
    doc = json.loads(body)
    doc["packets"].append({"packet_id": hex_id("receipt", 1), "status": "imported", "received_at": "2026-12-01"})
    path.write_bytes(head + b"\n\n" + json.dumps(doc).encode())
    with pytest.raises(ReceiptRejected) as err:
        import_receipts(vault, [path])
    assert "signature does not match" in err.value.user_message
    assert not share_status(vault, ivs[1].id).received_at


def test_a_receipt_from_an_untrusted_coordinator_is_refused(shared, tmp_path):
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    vault, _coordinator, ivs = shared
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    try:
        from core.lifecycle.receipts import Receipt, encode
        forged = encode(other, keys.device_fingerprint(vault), [Receipt(hex_id("receipt", 1), "imported", "x")])
        path = tmp_path / "forged.crcpt"
        path.write_bytes(forged)
        with pytest.raises(ReceiptRejected) as err:
            import_receipts(vault, [path])
        assert "does not trust" in err.value.user_message
    finally:
        other.close()
    assert not share_status(vault, ivs[1].id).received_at


def test_a_receipt_for_another_device_is_refused_alone_and_skipped_in_a_folder(shared, tmp_path, coordinator_vault):
    vault, coordinator, _ = shared
    other = Device()
    from core.lifecycle.receipts import Receipt, encode
    path = tmp_path / "foreign.crcpt"
    path.write_bytes(encode(coordinator, other.fingerprint, [Receipt("ab" * 16, "imported", "x")]))
    with pytest.raises(ReceiptRejected):
        import_receipts(vault, [path])
    assert import_receipts(vault, [tmp_path], quiet_foreign=True).files == 0


def test_the_watch_job_writes_receipts_after_each_import(shared, tmp_path):
    import threading
    import time

    from core.coordinator.watch import make_watch_job
    from core.jobs import CancelToken
    from core.lifecycle.receipts import receipts_on_result
    vault, coordinator, ivs = shared
    watched = tmp_path / "outbox"
    cancel = CancelToken()
    job = make_watch_job(coordinator, watched, interval_s=0.05,
                         on_result=receipts_on_result(coordinator, watched))
    runner = threading.Thread(target=job, args=(lambda _p: None, cancel))
    runner.start()
    try:
        deadline = time.monotonic() + 20
        target = watched / file_name(keys.device_fingerprint(vault))
        while time.monotonic() < deadline and not (target.exists() and b'"P' not in target.read_bytes()
                                                   and target.read_bytes().count(b"packet_id") == 2):
            time.sleep(0.05)
    finally:
        cancel.cancel()
        runner.join(10)
    assert import_receipts(vault, [watched]).matched == 2
    assert all(share_status(vault, iv.id).received_at for iv in ivs)


def test_trusting_a_signer_reads_a_key_file_bounded(vault, coordinator_vault, tmp_path):
    """A key file is a few lines: a huge "key file" is refused without reading it all (#22)."""
    from core.errors import InvalidInput
    good = tmp_path / "coordinator.key"
    good.write_text("# coordinator device key\n" + keys.device_public_key(coordinator_vault) + "\n")
    assert trust_signer(vault, str(good)) == keys.fingerprint_words(keys.device_public_key(coordinator_vault))
    huge = tmp_path / "huge.key"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB that must not be read into memory
    with pytest.raises(InvalidInput) as err:
        trust_signer(vault, str(huge))
    assert "not a coordinator's key file" in err.value.user_message
