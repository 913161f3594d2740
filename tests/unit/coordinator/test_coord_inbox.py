"""Inbox import: verdicts, idempotence, conflicts, supersede, quarantine, bad packets."""

from __future__ import annotations

import threading
import time

import pytest

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol, list_devices, release_quarantine
from core.coordinator.inbox import make_import_job, summarize
from core.coordinator.watch import make_watch_job
from core.errors import NotCoordinatorVault
from core.jobs import CancelToken, run_job
from core.vault.inbox import InboxRepo
from tests.helpers.coordinator_packets import Device, hex_id


def _import(vault, *paths):
    return run_job(make_import_job(vault, list(paths)))


def _rows(vault) -> dict[str, int]:
    conn = vault.conn
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("packets_received", "inbox_interviews", "inbox_segments", "inbox_tags")}


def test_import_then_reimport_is_a_no_op(coordinator, device, make_packet):
    enrol(coordinator, device.public_key, "Org A – laptop 3")
    paths = [make_packet(f"p{i}", packet_id=hex_id("p", i), code=f"P-00{i}", seed=i) for i in range(3)]
    results = _import(coordinator, paths[0].parent)  # a folder
    assert [r.verdict for r in results] == ["imported"] * 3
    before, agg = _rows(coordinator), aggregate(coordinator)
    assert agg.n_interviews == 3
    again = _import(coordinator, *paths)
    assert [r.verdict for r in again] == ["already_imported"] * 3
    assert _rows(coordinator) == before
    damaged = bytearray(paths[0].read_bytes())
    damaged[-5] ^= 0xFF  # a damaged copy of an imported packet is not "already imported"
    paths[0].write_bytes(bytes(damaged))
    assert _import(coordinator, paths[0])[0].code == "hash_mismatch"
    assert _rows(coordinator) == before
    agg2 = aggregate(coordinator)
    assert agg2.n_interviews == 3
    assert [(t.theme_id, t.interviews, t.passages) for t in agg2.themes] == \
        [(t.theme_id, t.interviews, t.passages) for t in agg.themes]


def test_different_packet_with_a_used_id_is_a_conflict(coordinator, device, make_packet):
    enrol(coordinator, device.public_key, "laptop")
    first = make_packet("first", packet_id=hex_id("x"), code="P-001", seed=1)
    other = make_packet("other", packet_id=hex_id("x"), code="P-002", seed=2)
    assert _import(coordinator, first)[0].verdict == "imported"
    result = _import(coordinator, other)[0]
    assert result.verdict == "conflict" and result.code == "id_conflict"
    [iv] = InboxRepo(coordinator).current_interviews()
    assert iv.interview.code == "P-001"


def test_supersede_replaces_and_keeps_history(coordinator, device, make_packet):
    enrol(coordinator, device.public_key, "laptop")
    a, b = hex_id("a"), hex_id("b")
    old = make_packet("old", packet_id=a, code="P-001", site="SITE-A", seed=1)
    new = make_packet("new", packet_id=b, supersedes=a, code="P-001", site="SITE-A", seed=2)
    assert _import(coordinator, old)[0].verdict == "imported"
    result = _import(coordinator, new)[0]
    assert result.verdict == "superseded" and a in result.reason
    repo = InboxRepo(coordinator)
    assert [i.packet_id for i in repo.current_interviews()] == [b]
    assert {i.packet_id for i in repo.current_interviews(include_history=True)} == {a, b}
    assert repo.get(a).status == "superseded" and repo.get(a).superseded_by == b
    assert aggregate(coordinator).n_interviews == 1
    # re-sending either is a no-op; replacing `a` a second time is a conflict
    assert [r.verdict for r in _import(coordinator, old, new)] == ["already_imported"] * 2
    third = make_packet("third", packet_id=hex_id("c"), supersedes=a, code="P-001", seed=3)
    assert _import(coordinator, third)[0].code == "already_superseded"
    assert aggregate(coordinator).n_interviews == 1


def test_correction_arriving_before_the_original(coordinator, device, make_packet):
    enrol(coordinator, device.public_key, "laptop")
    a, b = hex_id("a"), hex_id("b")
    new = make_packet("new", packet_id=b, supersedes=a, code="P-001", seed=2)
    old = make_packet("old", packet_id=a, code="P-001", seed=1)
    assert _import(coordinator, new)[0].verdict == "imported"
    late = _import(coordinator, old)[0]
    assert late.verdict == "imported" and late.code == "history"
    assert [i.packet_id for i in InboxRepo(coordinator).current_interviews()] == [b]


def test_supersede_of_another_devices_packet_is_rejected(coordinator, device, make_packet):
    other = Device()
    enrol(coordinator, device.public_key, "laptop 1")
    enrol(coordinator, other.public_key, "laptop 2")
    a = hex_id("a")
    assert _import(coordinator, make_packet("a", packet_id=a, seed=1))[0].verdict == "imported"
    hostile = make_packet("h", dev=other, packet_id=hex_id("h"), supersedes=a, seed=2)
    result = _import(coordinator, hostile)[0]
    assert result.verdict == "conflict" and result.code == "supersedes_other_device"
    assert [i.packet_id for i in InboxRepo(coordinator).current_interviews()] == [a]


def test_unknown_device_is_quarantined_then_released_on_enrolment(coordinator, device, make_packet):
    paths = [make_packet(f"q{i}", packet_id=hex_id("q", i), code=f"P-10{i}", seed=i) for i in range(2)]
    results = _import(coordinator, *paths)
    assert [r.verdict for r in results] == ["quarantined"] * 2
    assert aggregate(coordinator).n_interviews == 0
    assert _import(coordinator, paths[0])[0].verdict == "quarantined"  # still held, not duplicated
    assert InboxRepo(coordinator).packet_counts() == {"quarantined": 2}
    enrol(coordinator, device.public_key, "Org B – tablet")
    released = release_quarantine(coordinator)
    assert sorted(r.verdict for r in released) == ["imported", "imported"]
    assert InboxRepo(coordinator).packet_counts() == {"imported": 2}
    assert aggregate(coordinator).n_interviews == 2
    [info] = list_devices(coordinator)
    assert info.packets == {"imported": 2} and len(info.words.split()) == 8


def test_corrupted_packet_mid_batch_is_rejected_and_the_rest_land(coordinator, device, make_packet, tmp_path):
    enrol(coordinator, device.public_key, "laptop")
    paths = [make_packet(f"b{i}", packet_id=hex_id("b", i), code=f"P-20{i}", seed=i) for i in range(5)]
    data = bytearray(paths[2].read_bytes())
    data[-40] ^= 0x01  # one bit in the sealed payload
    paths[2].write_bytes(bytes(data))
    paths[3].write_bytes(paths[3].read_bytes()[:300])  # cut short while copying
    junk = tmp_path / "notes.cpkt"
    junk.write_text("not a packet")
    not_for_me = make_packet("nfm", packet_id=hex_id("nfm"), recipients=[_other_recipient()])
    results = _import(coordinator, paths[0], paths[1], paths[2], junk, paths[3], not_for_me, paths[4])
    verdicts = [(r.verdict, r.code) for r in results]
    assert verdicts == [("imported", "imported"), ("imported", "imported"), ("rejected", "hash_mismatch"),
                        ("rejected", "malformed"), ("rejected", "truncated"), ("rejected", "not_for_you"),
                        ("imported", "imported")]
    assert all(r.reason for r in results)
    assert summarize(results) == {"imported": 3, "rejected": 4}
    assert aggregate(coordinator).n_interviews == 3
    # a rejected packet left nothing behind
    assert InboxRepo(coordinator).packet_counts() == {"imported": 3}
    events = InboxRepo(coordinator).events()
    assert len(events) == 7 and {e.verdict for e in events} == {"imported", "rejected"}


def _other_recipient() -> str:
    from pyrage import x25519
    return str(x25519.Identity.generate().to_public())


def test_forged_quarantined_claim_does_not_block_the_real_packet(coordinator, device, make_packet):
    pid = hex_id("contested")
    squatter = make_packet("squat", dev=Device(), packet_id=pid, seed=9)
    assert _import(coordinator, squatter)[0].verdict == "quarantined"
    enrol(coordinator, device.public_key, "laptop")
    real = make_packet("real", packet_id=pid, seed=1)
    assert _import(coordinator, real)[0].verdict == "imported"
    assert InboxRepo(coordinator).get(pid).device_fingerprint == device.fingerprint


def test_import_needs_a_coordinator_vault(vault, tmp_path):
    with pytest.raises(NotCoordinatorVault):
        _import(vault, tmp_path)


def test_watch_imports_new_files_and_stops_cleanly(coordinator, device, make_packet, tmp_path):
    enrol(coordinator, device.public_key, "laptop")
    inbox = tmp_path / "synced"
    inbox.mkdir()
    seen = []
    cancel = CancelToken()
    job = make_watch_job(coordinator, inbox, interval_s=0.05, on_result=seen.append)
    out: dict = {}
    thread = threading.Thread(target=lambda: out.setdefault("r", job(lambda p: None, cancel)))
    thread.start()
    try:
        src = make_packet("w1", packet_id=hex_id("w1"), seed=1)
        (inbox / ".hidden.cpkt").write_bytes(src.read_bytes())  # sync clients' temp files are skipped
        (inbox / "w1.cpkt").write_bytes(src.read_bytes())
        deadline = time.monotonic() + 20
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        cancel.cancel()
        thread.join(10)
    assert not thread.is_alive()
    assert [r.verdict for r in out["r"]] == ["imported"]
    assert aggregate(coordinator).n_interviews == 1
