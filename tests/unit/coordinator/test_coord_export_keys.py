"""Two devices that send the same packet id are two interviews in every exported file.

Packet ids are unique per device only (spec §8): the inbox keeps both packets, so the CSV
tables and the REFI-QDA project must too — keyed by (device, packet id), never by the id alone
(one interview's rows would join the other's, and the project would hold one source for two).
"""

from __future__ import annotations

import csv
import zipfile
from collections import Counter

from lxml import etree

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.reports.csv_export import write_csv
from core.reports.qdpx import write_qdpx
from tests.helpers.coordinator_packets import Device, hex_id

NS = {"q": "urn:QDA-XML:project:1.0"}


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _two_devices_one_id(coordinator, device, make_packet):
    other = Device()
    enrol(coordinator, device.public_key, "laptop A")
    enrol(coordinator, other.public_key, "laptop B")
    pid = hex_id("same id on two laptops")
    paths = [make_packet("a", packet_id=pid, code="P-001", site="SITE-A", seed=1),
             make_packet("b", dev=other, packet_id=pid, code="P-002", site="SITE-B", seed=2)]
    assert [r.verdict for r in run_job(make_import_job(coordinator, paths))] == ["imported", "imported"]
    return pid, {device.fingerprint: "P-001", other.fingerprint: "P-002"}


def test_csv_rows_are_keyed_by_device_and_packet_id(coordinator, device, make_packet, tmp_path):
    pid, code_of = _two_devices_one_id(coordinator, device, make_packet)
    agg = aggregate(coordinator)
    write_csv(agg, tmp_path)
    interviews = _rows(tmp_path / "interviews.csv")
    assert {(r["device"], r["packet_id"]) for r in interviews} == {(d, pid) for d in code_of}
    assert {r["device"]: r["participant_code"] for r in interviews} == code_of
    # every child row joins exactly one interview, and to the right one
    for table in ("answers", "segments", "tags"):
        rows = _rows(tmp_path / f"{table}.csv")
        assert {r["device"] for r in rows} == set(code_of), table
        assert all(code_of[r["device"]] == r["participant_code"] for r in rows), table
    answers = _rows(tmp_path / "answers.csv")
    assert len({(r["device"], r["packet_id"], r["question_id"]) for r in answers}) == len(answers)
    segments = _rows(tmp_path / "segments.csv")
    assert len({(r["device"], r["packet_id"], r["segment_index"]) for r in segments}) == len(segments)
    n_tags = {r["device"]: int(r["n_tags"]) for r in interviews}
    assert Counter(r["device"] for r in _rows(tmp_path / "tags.csv")) == n_tags


def test_refi_qda_project_has_one_case_and_source_per_device_and_id(coordinator, device, make_packet,
                                                                       tmp_path):
    _pid, code_of = _two_devices_one_id(coordinator, device, make_packet)
    path = write_qdpx(aggregate(coordinator), tmp_path / "all.qdpx")
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        members = [n for n in zf.namelist() if n.startswith("sources/")]
        texts = [zf.read(n).decode("utf-8") for n in members]
    cases = root.findall("q:Cases/q:Case", NS)
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert sorted(c.get("name") for c in cases) == ["SITE-A P-001", "SITE-B P-002"]
    assert len(sources) == 2 and len(members) == 2 and texts[0] != texts[1]
    guids = [el.get("guid") for el in root.iter() if el.get("guid")]
    assert len(guids) == len(set(guids))  # no two things share a GUID
    # each case points at its own source
    by_guid = {s.get("guid"): s.get("name") for s in sources}
    assert {c.get("name"): by_guid[c.find("q:SourceRef", NS).get("targetGUID")] for c in cases} == {
        "SITE-A P-001": "SITE-A P-001", "SITE-B P-002": "SITE-B P-002"}
    assert set(code_of.values()) == {"P-001", "P-002"}
