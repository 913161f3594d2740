"""The red-team attacks on the inbox (issue #22 items 1–4), each replayed against the importer.

Ids are in the plaintext header, so a hostile but enrolled device, or a forger with no keys at
all, can reuse another device's packet id. None of that may refuse, replace or erase a
genuine interview.
"""

from __future__ import annotations

import os

from core.coordinator import quarantine
from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol, release_quarantine
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.packets.format import HEADER_LEN, PAYLOAD_OFFSET, SIGNATURE_LEN, Header
from core.vault.inbox import InboxRepo
from tests.helpers.coordinator_packets import Device, hex_id


def _import(vault, *paths):
    return run_job(make_import_job(vault, list(paths)))


def _current(vault) -> set[tuple[str, str]]:
    return {i.key for i in InboxRepo(vault).current_interviews()}


def _forge_signature(path) -> None:
    data = bytearray(path.read_bytes())
    data[HEADER_LEN + 7] ^= 0x55  # inside the signature: the header names a real device, badly signed
    path.write_bytes(bytes(data))


# --- item 1: ids are per device --------------------------------------------------------------
def test_another_device_reusing_an_id_first_does_not_block_the_genuine_packet(coordinator, device, make_packet):
    squatter = Device()
    enrol(coordinator, device.public_key, "genuine")
    enrol(coordinator, squatter.public_key, "hostile")
    pid = hex_id("shared-folder")
    first = make_packet("squat", dev=squatter, packet_id=pid, code="P-900", site="SITE-Z", seed=9)
    genuine = make_packet("real", packet_id=pid, code="P-001", site="SITE-A", seed=1)
    assert _import(coordinator, first)[0].verdict == "imported"
    result = _import(coordinator, genuine)[0]
    assert (result.verdict, result.code) == ("imported", "imported")
    assert _current(coordinator) == {(device.fingerprint, pid), (squatter.fingerprint, pid)}
    agg = aggregate(coordinator)
    assert agg.n_interviews == 2 and {s.site for s in agg.sites} == {"SITE-A", "SITE-Z"}
    # each device's own re-send is still recognised as the same packet
    assert _import(coordinator, genuine)[0].verdict == "already_imported"
    assert _import(coordinator, first)[0].verdict == "already_imported"


def test_a_forged_claim_on_a_quarantined_id_does_not_crowd_out_the_real_packet(coordinator, device, make_packet):
    # Neither device enrolled: a keyless forger copies the real header (same device, same id,
    # so the same header digest) with junk after it, and drops it in the folder first.
    pid = hex_id("waiting")
    genuine = make_packet("real", packet_id=pid, seed=1)
    forged = genuine.with_name("forged.cpkt")
    forged.write_bytes(genuine.read_bytes())
    _forge_signature(forged)
    assert _import(coordinator, forged)[0].verdict == "quarantined"
    assert _import(coordinator, genuine)[0].verdict == "quarantined"  # held beside it, not "still held"
    assert InboxRepo(coordinator).packet_counts() == {"quarantined": 2}
    enrol(coordinator, device.public_key, "laptop")
    released = sorted((r.verdict, r.code) for r in release_quarantine(coordinator))
    assert released == [("imported", "imported"), ("rejected", "bad_signature")]
    assert _current(coordinator) == {(device.fingerprint, pid)}
    assert InboxRepo(coordinator).quarantined() == []


# --- item 2: supersedes only within a device -------------------------------------------------
def test_a_claim_from_another_device_sent_before_the_original_changes_nothing(coordinator, device, make_packet):
    hostile = Device()
    enrol(coordinator, device.public_key, "genuine")
    enrol(coordinator, hostile.public_key, "hostile")
    x, y, z = hex_id("x"), hex_id("y"), hex_id("z")
    claim = make_packet("z", dev=hostile, packet_id=z, supersedes=x, code="P-900", seed=9)
    correction = make_packet("y", packet_id=y, supersedes=x, code="P-001", seed=2)
    original = make_packet("x", packet_id=x, code="P-001", seed=1)
    assert _import(coordinator, claim)[0].verdict == "imported"  # the hostile device's own interview
    assert _import(coordinator, correction)[0].verdict == "imported"
    late = _import(coordinator, original)[0]
    assert (late.verdict, late.code) == ("imported", "history")
    assert "claim" in late.reason
    # X is history (its own device's correction replaced it), never both X and Y current
    assert _current(coordinator) == {(device.fingerprint, y), (hostile.fingerprint, z)}
    assert InboxRepo(coordinator).get(x, device.fingerprint).status == "superseded"
    conflicts = [e for e in InboxRepo(coordinator).events() if e.verdict == "conflict"]
    assert [(e.packet_id, e.code) for e in conflicts] == [(z, "supersedes_other_device")]


def test_a_claim_from_another_device_on_a_packet_that_arrived_is_a_conflict(coordinator, device, make_packet):
    hostile = Device()
    enrol(coordinator, device.public_key, "genuine")
    enrol(coordinator, hostile.public_key, "hostile")
    x = hex_id("x")
    assert _import(coordinator, make_packet("x", packet_id=x, seed=1))[0].verdict == "imported"
    result = _import(coordinator, make_packet("h", dev=hostile, packet_id=hex_id("h"), supersedes=x, seed=2))[0]
    assert (result.verdict, result.code) == ("conflict", "supersedes_other_device")
    assert _current(coordinator) == {(device.fingerprint, x)}


def test_two_pending_claims_on_the_same_packet_the_second_is_a_conflict(coordinator, device, make_packet):
    enrol(coordinator, device.public_key, "laptop")
    x = hex_id("x")
    assert _import(coordinator, make_packet("b", packet_id=hex_id("b"), supersedes=x, seed=2))[0].verdict == "imported"
    second = _import(coordinator, make_packet("c", packet_id=hex_id("c"), supersedes=x, seed=3))[0]
    assert (second.verdict, second.code) == ("conflict", "already_superseded")


# --- item 3: a failed verification drops only itself -----------------------------------------
def test_a_keyless_forgery_cannot_evict_a_quarantined_packet(coordinator, device, make_packet):
    enrolled = Device()
    enrol(coordinator, enrolled.public_key, "another researcher")
    pid = hex_id("held")
    waiting = make_packet("waiting", packet_id=pid, seed=1)  # its device is not enrolled yet
    assert _import(coordinator, waiting)[0].verdict == "quarantined"
    # The forger names an enrolled device and the waiting packet's id, with a broken signature.
    forged = make_packet("forged", dev=enrolled, packet_id=pid, seed=2)
    _forge_signature(forged)
    assert _import(coordinator, forged)[0].code == "bad_signature"
    assert [h.packet_id for h in InboxRepo(coordinator).quarantined()] == [pid]
    enrol(coordinator, device.public_key, "laptop")
    assert [r.verdict for r in release_quarantine(coordinator)] == ["imported"]
    assert _current(coordinator) == {(device.fingerprint, pid)}


# --- item 4: quarantine is bounded -----------------------------------------------------------
def _junk_packet(path, fingerprint: str, payload_len: int, n: int = 0) -> None:
    """A well-formed header from a made-up device and random bytes: what a keyless sender can make."""
    header = Header(1, hex_id("junk", n), "2025-01-01", fingerprint, "00" * 32, payload_len, None)
    with open(path, "wb") as fh:
        fh.write(header.encode() + os.urandom(SIGNATURE_LEN))
        fh.truncate(PAYLOAD_OFFSET + payload_len)


def test_a_64_mib_packet_from_a_made_up_device_does_not_grow_the_vault(coordinator, tmp_path):
    big = tmp_path / "big.cpkt"
    _junk_packet(big, "ab" * 32, 64 * 1024 * 1024 - 1024)
    db = coordinator.folder / "vault.db"
    before = db.stat().st_size + (coordinator.folder / "vault.db-wal").stat().st_size
    result = _import(coordinator, big)[0]
    assert (result.verdict, result.code) == ("quarantined", "unknown_device_header_only")
    after = db.stat().st_size + (coordinator.folder / "vault.db-wal").stat().st_size
    assert after - before < 1024 * 1024
    [held] = InboxRepo(coordinator).quarantined()
    assert not held.has_bytes and held.source_path == str(big.resolve())


def test_quarantine_quota_per_device_then_enrol_reads_header_only_packets_again(coordinator, device, make_packet,
                                                                               monkeypatch):
    paths = [make_packet(f"q{i}", packet_id=hex_id("q", i), code=f"P-{i}", seed=i) for i in range(4)]
    size = paths[0].stat().st_size
    monkeypatch.setattr(quarantine, "MAX_KEPT_BYTES_PER_DEVICE", int(size * 1.5))
    monkeypatch.setattr(quarantine, "MAX_HELD_PER_DEVICE", 3)
    results = _import(coordinator, *paths)
    assert [(r.verdict, r.code) for r in results] == [
        ("quarantined", "unknown_device"), ("quarantined", "unknown_device_header_only"),
        ("quarantined", "unknown_device_header_only"), ("rejected", "quarantine_full")]
    assert "purge" in results[3].reason
    _entries, [summary] = quarantine.list_held(coordinator)
    assert (summary.packets, summary.header_only, summary.kept_bytes) == (3, 2, size)
    paths[2].unlink()  # a header-only entry whose file went away cannot be released
    enrol(coordinator, device.public_key, "laptop")
    released = sorted((r.verdict, r.code) for r in release_quarantine(coordinator))
    assert released == [("imported", "imported"), ("imported", "imported"), ("quarantined", "file_gone")]
    assert quarantine.purge(coordinator).packets == 1
    assert InboxRepo(coordinator).quarantined() == []


def test_quarantine_total_quota_across_made_up_devices(coordinator, tmp_path, monkeypatch):
    monkeypatch.setattr(quarantine, "MAX_HELD_TOTAL", 5)
    paths = []
    for n in range(7):
        path = tmp_path / f"j{n}.cpkt"
        _junk_packet(path, f"{n:02x}" * 32, 1000, n)
        paths.append(path)
    verdicts = [r.verdict for r in _import(coordinator, *paths)]
    assert verdicts == ["quarantined"] * 5 + ["rejected"] * 2
    assert quarantine.purge(coordinator, "03" * 4).packets == 1
    assert len(InboxRepo(coordinator).quarantined()) == 4


# --- item 6: import cost must not grow with the inbox ----------------------------------------
def test_no_import_statement_scans_a_table_that_grows(coordinator, device, make_packet):
    """3.5 ms/packet at 1,000 packets became 19.9 at 3,000: a per-import look-up scanned
    packets_received (one page per row). Every statement an import runs must use an index."""
    enrol(coordinator, device.public_key, "laptop")
    _import(coordinator, make_packet("warm", packet_id=hex_id("warm"), seed=1))
    seen: list[str] = []
    coordinator.conn.set_trace_callback(seen.append)
    try:
        for n, sup in enumerate((None, hex_id("warm"))):
            assert _import(coordinator, make_packet(f"p{n}", packet_id=hex_id("plan", n), supersedes=sup,
                                                    seed=2 + n))[0].is_ok
        _import(coordinator, make_packet("held", dev=Device(), packet_id=hex_id("held"), seed=9))
    finally:
        coordinator.conn.set_trace_callback(None)
    # inbox_quarantine is capped (quarantine.MAX_HELD_TOTAL), so counting it is bounded
    growing = ("packets_received", "inbox_interviews", "inbox_segments", "inbox_tags", "inbox_events",
               "audit_log", "withdrawals")
    scans = []
    for sql in dict.fromkeys(seen):
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            continue
        for row in coordinator.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            detail = str(row[-1])
            # audit_log's "ORDER BY seq DESC LIMIT 1" walks the rowid tree from its end: one row
            if detail.startswith("SCAN") and any(t in detail for t in growing) and "LIMIT 1" not in sql:
                scans.append((sql[:90], detail))
    assert scans == []
