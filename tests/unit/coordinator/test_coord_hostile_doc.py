"""Issue #22 item 5, reproduced: a validly signed packet whose interview.json has a field of
the wrong type (``deid.redactions`` as a list) imported, and then every report of the vault
crashed with a traceback. It must be rejected at import with a reason; reports keep working;
and a packet stored by an older, laxer version can be removed."""

from __future__ import annotations

import pytest

from core.cli import main
from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.coordinator.removal import remove_packet
from core.errors import InvalidInput
from core.jobs import run_job
from core.vault.inbox import InboxRepo
from tests.conftest import PASSPHRASE
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import hex_id, seal_interview


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / f"{name}.cpkt"
    path.write_bytes(data)
    return path


def _cli(vault, tmp_path, *argv: str) -> int:
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    return main(["--vault", str(vault.folder), "--passphrase-file", str(pw), *argv])


def test_signed_packet_with_redactions_as_a_list_is_rejected_and_reports_work(
        coordinator, device, tmp_path, capsys):
    enrol(coordinator, device.public_key, "laptop")
    good = make_interview(packet_id=hex_id("good"), code="P-001", seed=1)
    hostile = make_interview(packet_id=hex_id("hostile"), code="P-002", seed=2)
    hostile["deid"]["redactions"] = ["PERSON", "PERSON"]
    paths = [_write(tmp_path, "good", seal_interview(good, device, [coordinator.recipient])),
             _write(tmp_path, "hostile", seal_interview(hostile, device, [coordinator.recipient]))]
    results = run_job(make_import_job(coordinator, paths))
    assert [r.verdict for r in results] == ["imported", "rejected"]
    assert results[1].code == "bad_interview"
    assert "does not follow the packet format" in results[1].reason
    assert "deid.redactions: expected an object of counts, got a list" in results[1].reason
    assert InboxRepo(coordinator).get(hex_id("hostile")) is None  # nothing of it stored

    agg = aggregate(coordinator)
    assert agg.n_interviews == 1 and agg.redactions == {"PERSON": 1, "SUPERVISOR": 1}
    coordinator.close()
    capsys.readouterr()
    assert _cli(coordinator, tmp_path, "coordinator", "report", "--audience", "team", "--pdf", str(tmp_path / "r.pdf"),
                "--csv", str(tmp_path / "csv"), "--qdpx", str(tmp_path / "r.qdpx")) == 0
    assert _cli(coordinator, tmp_path, "coordinator", "report", "--pdf", str(tmp_path / "share.pdf")) == 0
    assert _cli(coordinator, tmp_path, "coordinator", "themes") == 0
    assert "Traceback" not in capsys.readouterr().err
    assert (tmp_path / "r.pdf").stat().st_size > 0 and (tmp_path / "r.qdc").exists()


def _legacy_row(vault, packet_id: str) -> None:
    """What an earlier version stored for the hostile packet (it checked fewer fields)."""
    with vault.transaction() as conn:
        conn.execute("UPDATE inbox_interviews SET redactions = ? WHERE packet_id = ?",
                     ('["PERSON"]', packet_id))


def test_an_interview_stored_by_a_laxer_version_is_left_out_by_name_then_removed(
        coordinator, device, tmp_path, capsys):
    enrol(coordinator, device.public_key, "laptop")
    ids = [hex_id("old", i) for i in range(2)]
    paths = [_write(tmp_path, f"p{i}", seal_interview(make_interview(packet_id=pid, code=f"P-00{i}", seed=i),
                                                      device, [coordinator.recipient]))
             for i, pid in enumerate(ids)]
    run_job(make_import_job(coordinator, paths))
    _legacy_row(coordinator, ids[1])

    agg = aggregate(coordinator)  # no crash, and the left-out packet is named
    assert agg.n_interviews == 1
    assert any(ids[1] in w and "coordinator remove" in w for w in agg.warnings)
    coordinator.close()
    capsys.readouterr()
    for audience in ("share", "team"):
        assert _cli(coordinator, tmp_path, "coordinator", "report", "--audience", audience,
                    "--pdf", str(tmp_path / f"{audience}.pdf")) == 0
        assert ids[1] in capsys.readouterr().err, audience

    assert _cli(coordinator, tmp_path, "coordinator", "remove", ids[1][:10]) == 0
    out = capsys.readouterr().out
    assert f"Removed packet {ids[1]}" in out and "Delete the packet file too" in out
    assert _cli(coordinator, tmp_path, "coordinator", "inbox", "--json") == 0
    assert ids[1] not in capsys.readouterr().out
    assert _cli(coordinator, tmp_path, "coordinator", "report", "--pdf", str(tmp_path / "r2.pdf")) == 0
    assert ids[1] not in capsys.readouterr().err
    assert _cli(coordinator, tmp_path, "coordinator", "remove", "0000") == 1  # too short: a reason, no traceback
    assert "No single imported packet" in capsys.readouterr().err


def test_removing_a_correction_counts_the_original_again(coordinator, device, tmp_path):
    enrol(coordinator, device.public_key, "laptop")
    a, b = hex_id("a"), hex_id("b")
    first = make_interview(packet_id=a, code="P-001", seed=1)
    fixed = make_interview(packet_id=b, supersedes=a, code="P-001", seed=2)
    run_job(make_import_job(coordinator, [
        _write(tmp_path, "a", seal_interview(first, device, [coordinator.recipient])),
        _write(tmp_path, "b", seal_interview(fixed, device, [coordinator.recipient]))]))
    assert [i.packet_id for i in InboxRepo(coordinator).current_interviews()] == [b]
    removed = remove_packet(coordinator, b)
    assert removed.packet_id == b and removed.status == "imported"
    repo = InboxRepo(coordinator)
    assert [i.packet_id for i in repo.current_interviews()] == [a]
    assert repo.get(a).status == "imported" and repo.get(a).superseded_by is None
    assert aggregate(coordinator).n_interviews == 1
    assert repo.events(1)[0].verdict == "removed"
    with pytest.raises(InvalidInput):
        remove_packet(coordinator, b)
