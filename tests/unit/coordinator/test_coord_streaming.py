"""Reports over an inbox read a page at a time (issue #22, decision 0156).

The aggregate, the share view with its small-cell suppression, the CSV tables and the REFI-QDA
project are built from interviews streamed out of the vault. They must be what the in-memory
code made — the snapshot in tests/fixtures was written by it, before streaming, over the same
real inbox — and no step may hold more than a few pages of interviews at once.
"""

from __future__ import annotations

import json
import weakref
import zipfile

from core.coordinator.aggregate import aggregate, aggregate_interviews
from core.coordinator.share import build_share_view
from core.coordinator.share_settings import rules
from core.documents.interview import InterviewDoc
from core.reports.csv_export import write_csv
from core.reports.qdpx import write_qdpx
from core.vault import inbox
from core.vault.inbox import InboxRepo
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import hex_id, seal_interview
from tests.helpers.report_snapshot import (
    SNAPSHOT,
    canonical,
    fill_inbox,
    fixed_device,
    reports,
    snapshot,
)

PAGE = 4  # interviews a page: the 39 of the inbox come in 10 pages


def test_streamed_reports_are_the_in_memory_reports_figure_for_figure(coordinator, tmp_path, monkeypatch):
    monkeypatch.setattr(inbox, "INTERVIEW_PAGE", PAGE)
    fill_inbox(coordinator, tmp_path / "packets")
    frozen = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    made = {name: snapshot(make()) for name, make in reports(coordinator).items()}
    assert set(made) == set(frozen)
    for name in frozen:  # counts, suppressed cells and their reasons, groups, quotes, warnings
        assert canonical(made[name]) == canonical(frozen[name]), name
    # the inbox is the varied one: small sites withheld, a duplicate named, two devices' one id
    assert frozen["share"]["grouping"]["too_small"] or frozen["share"]["grouping"]["folded"]
    assert any("separate packets" in w for w in frozen["aggregate"]["warnings"])


def test_a_stream_and_a_list_give_the_same_share_view(coordinator, tmp_path, monkeypatch):
    monkeypatch.setattr(inbox, "INTERVIEW_PAGE", PAGE)
    fill_inbox(coordinator, tmp_path / "packets")
    listed = InboxRepo(coordinator).current_interviews()
    streamed = aggregate(coordinator).interviews
    for kwargs in ({}, {"site": "SITE-A"}, {"date_from": "2025-02"}):
        a = build_share_view(listed, rules=rules(coordinator), **kwargs)
        b = build_share_view(streamed, rules=rules(coordinator), **kwargs)
        assert canonical(snapshot(a)) == canonical(snapshot(b)), kwargs


def test_files_written_from_the_stream_are_the_files_written_from_a_list(coordinator, tmp_path, monkeypatch):
    monkeypatch.setattr(inbox, "INTERVIEW_PAGE", PAGE)
    fill_inbox(coordinator, tmp_path / "packets")
    streamed = aggregate(coordinator)
    listed = aggregate_interviews(InboxRepo(coordinator).current_interviews())
    listed.generated_at = streamed.generated_at
    write_csv(streamed, tmp_path / "a")
    write_csv(listed, tmp_path / "b")
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name
    rows = (tmp_path / "a" / "interviews.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + streamed.n_interviews == 40
    one, two = write_qdpx(streamed, tmp_path / "a.qdpx"), write_qdpx(listed, tmp_path / "b.qdpx")
    with zipfile.ZipFile(one) as za, zipfile.ZipFile(two) as zb:
        assert za.namelist() == zb.namelist() and len(za.namelist()) == 1 + 39
        for name in za.namelist():
            assert za.read(name) == zb.read(name), name
        assert za.read("project.qde").count(b"<TextSource ") == 39


def test_no_step_holds_more_than_a_few_pages_of_interviews(coordinator, tmp_path, monkeypatch):
    monkeypatch.setattr(inbox, "INTERVIEW_PAGE", PAGE)
    fill_inbox(coordinator, tmp_path / "packets")
    alive: set[int] = set()
    most = [0]
    parse = InterviewDoc.from_json.__func__

    def counted(cls, obj, **kwargs):
        doc = parse(cls, obj, **kwargs)
        alive.add(id(doc))
        weakref.finalize(doc, alive.discard, id(doc))
        most[0] = max(most[0], len(alive))
        return doc

    monkeypatch.setattr(InterviewDoc, "from_json", classmethod(counted))
    agg = aggregate(coordinator)
    write_csv(agg, tmp_path / "csv")
    write_qdpx(agg, tmp_path / "all.qdpx")
    for make in reports(coordinator).values():
        make()
    assert agg.n_interviews == 39
    assert 0 < most[0] <= 2 * PAGE  # the in-memory code held all 39 (and then copies)


def test_files_hold_the_interviews_the_aggregate_counted_even_if_a_packet_arrives_between(
        coordinator, tmp_path):
    fill_inbox(coordinator, tmp_path / "packets")
    agg = aggregate(coordinator)
    late = tmp_path / "late.cpkt"
    late.write_bytes(seal_interview(make_interview(packet_id=hex_id("late"), code="P-999", site="SITE-A"),
                                    fixed_device(0), [coordinator.recipient]))
    from core.coordinator.inbox import make_import_job
    from core.jobs import run_job
    assert run_job(make_import_job(coordinator, [late]))[0].verdict == "imported"
    write_csv(agg, tmp_path / "csv")
    codes = [line.split(",")[2] for line in
             (tmp_path / "csv" / "interviews.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert len(codes) == agg.n_interviews == 39 and "P-999" not in codes
    assert aggregate(coordinator).n_interviews == 40  # a new report counts it
