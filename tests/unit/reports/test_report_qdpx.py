"""REFI-QDA export validates against the published schemas and carries what analysts need."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from core.documents.interview import CodebookEntry
from core.reports.qdpx import build_codebook, source_text, write_qdc, write_qdpx
from tests.conftest import SHARED_DATA
from tests.helpers.coordinator_data import make_corpus, make_interview, typed

REFI = SHARED_DATA / "refi-qda"
NS = {"q": "urn:QDA-XML:project:1.0"}


def _schema(name: str) -> etree.XMLSchema:
    path = REFI / name
    if not path.exists():
        pytest.skip(f"test data missing: {path}")
    return etree.XMLSchema(etree.parse(str(path)))


def _project(path) -> tuple[etree._Element, zipfile.ZipFile]:
    zf = zipfile.ZipFile(path)
    return etree.fromstring(zf.read("project.qde")), zf


def test_qdpx_validates_and_holds_sources_codings_cases_notes(tmp_path):
    schema = _schema("Project-mrt2019.xsd")
    interviews = make_corpus(4)
    interviews[0]["codebook"].append({"id": "pay.late", "label": "Late pay", "description": "", "parent": "pay"})
    path = write_qdpx(typed(interviews), tmp_path / "export.qdpx")
    root, zf = _project(path)
    schema.assertValid(root)
    assert len(root.findall("q:CodeBook/q:Codes/q:Code", NS)) == 8  # "Late pay" nests under "Pay"
    assert root.find("q:CodeBook//q:Code[@name='Pay and wages']/q:Code[@name='Late pay']", NS) is not None
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == 4 and len(root.findall("q:Cases/q:Case", NS)) == 4
    case = root.find("q:Cases/q:Case", NS)
    assert case.find("q:VariableValue/q:TextValue", NS).text == "SITE-A"
    # every coded passage points at a code and at the text it quotes
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    first = sources[0]
    text = zf.read("sources/" + first.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
    selections = first.findall("q:PlainTextSelection[q:Coding]", NS)
    assert len(selections) == len(interviews[0]["tags"])
    for sel, tag in zip(selections, interviews[0]["tags"]):
        quoted = text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
        seg = interviews[0]["segments"][tag["segment"]]
        expected = seg["text"][tag["start"]:tag["end"]] if tag["start"] is not None else seg["text"]
        assert quoted == expected
        assert codes[sel.find("q:Coding/q:CodeRef", NS).get("targetGUID")] is not None
    notes = root.findall("q:Notes/q:Note", NS)
    assert len(notes) == 8  # two shared memos per interview
    refs = {r.get("targetGUID") for r in root.iter("{urn:QDA-XML:project:1.0}NoteRef")}
    assert refs == {n.get("guid") for n in notes}


def test_empty_export_has_no_empty_containers(tmp_path):
    schema = _schema("Project-mrt2019.xsd")
    root, _ = _project(write_qdpx([], tmp_path / "empty.qdpx"))
    schema.assertValid(root)
    for tag in ("CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets"):
        assert root.find(f"q:{tag}", NS) is None


def test_interview_without_tags_or_memos_still_validates(tmp_path):
    schema = _schema("Project-mrt2019.xsd")
    iv = make_interview(packet_id="bare")
    iv["tags"], iv["memos"], iv["codebook"] = [], [], []
    root, _ = _project(write_qdpx(typed([iv]), tmp_path / "bare.qdpx"))
    schema.assertValid(root)
    assert root.find("q:CodeBook", NS) is None and root.find("q:Notes", NS) is None


def test_codebook_qdc_validates_and_survives_a_parent_cycle(tmp_path):
    schema = _schema("Codebook.xsd")
    schema.assertValid(etree.parse(str(REFI / "example-codebook-annexA1.qdc")))  # the schema is sane
    path = write_qdc(typed(make_corpus(2)), tmp_path / "themes.qdc")
    doc = etree.parse(str(path))
    schema.assertValid(doc)
    assert len(doc.getroot().findall(".//{urn:QDA-XML:codebook:1.0}Code")) == 8
    cyclic = [CodebookEntry("a", "A", "", "b"), CodebookEntry("b", "B", "", "a")]
    root = etree.fromstring(build_codebook(cyclic))
    schema.assertValid(root)
    assert len(root.findall(".//{urn:QDA-XML:codebook:1.0}Code")) == 2
    schema.assertValid(etree.fromstring(build_codebook([])))


def test_control_characters_in_text_do_not_break_the_xml(tmp_path):
    schema = _schema("Project-mrt2019.xsd")
    iv = make_interview(packet_id="ctl")
    iv["segments"][1]["text"] = "bad\x07bell " + iv["segments"][1]["text"]
    iv["tags"] = [{"segment": 1, "theme": "pay", "start": 9, "end": 20, "source": "manual"}]
    root, _zf = _project(write_qdpx(typed([iv]), tmp_path / "ctl.qdpx"))
    schema.assertValid(root)
    text, offsets = source_text(typed([iv])[0])
    assert "\x07" not in text and offsets[0] < offsets[1]
    sel = root.find("q:Sources/q:TextSource/q:PlainTextSelection", NS)
    assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] == iv["segments"][1]["text"][9:20]


def _qualcoder_view(root: etree._Element, zf: zipfile.ZipFile) -> dict:
    """What QualCoder's REFI-QDA importer takes from a project, read the way it reads it
    (RECIPES: memo text only from a selection's or a source's Description; one set of
    attributes per case; text from internal:// plain-text paths)."""
    q = "{urn:QDA-XML:project:1.0}"
    out: dict = {"segment_memos": [], "source_memos": [], "case_attributes": {}, "source_attributes": 0}
    for case in root.iter(q + "Case"):
        out["case_attributes"][case.get("name")] = [v.findtext(q + "TextValue")
                                                     for v in case.findall(q + "VariableValue")]
    for src in root.iter(q + "TextSource"):
        path = src.get("plainTextPath")
        assert path.startswith("internal://")
        raw = zf.read("sources/" + path.removeprefix("internal://"))
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw  # offsets would shift
        out["source_memos"].append(src.findtext(q + "Description") or "")
        out["source_attributes"] += len(src.findall(q + "VariableValue"))
        for sel in src.findall(q + "PlainTextSelection"):
            if sel.find(q + "Coding") is None and sel.findtext(q + "Description"):
                out["segment_memos"].append(sel.findtext(q + "Description"))
    return out


def test_qualcoder_finds_the_memos_and_variables_only_on_cases(tmp_path):
    interviews = make_corpus(2)
    path = write_qdpx(typed(interviews), tmp_path / "export.qdpx")
    root, zf = _project(path)
    _schema("Project-mrt2019.xsd").assertValid(root)
    view = _qualcoder_view(root, zf)
    # make_interview gives each interview one segment memo and one interview memo.
    assert view["segment_memos"] == ["Participant was tired after a double shift."] * 2
    assert all("Memo: Interview held in the break room." in m for m in view["source_memos"])
    assert view["source_attributes"] == 0  # variables on the TextSource would be orphaned
    assert all(len(values) == 4 for values in view["case_attributes"].values())
