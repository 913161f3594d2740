"""From a researcher's vault to the coordinator's report, through the real export path.

A researcher interview (guide, transcript full of identifiers, tags, a shared memo) is
reviewed and signed off, exported by the real packets writer, then corrected and exported
again as a superseding packet. The coordinator enrols the device, imports both, and reports.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from pypdf import PdfReader

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import make_import_job
from core.jobs import run_job
from core.packets import keys
from core.packets.writer import make_export_job
from core.reports.coordinator_pdf import write_report
from core.reports.qdpx import write_qdpx
from tests.conftest import SHARED_DATA
from tests.helpers.packets import PLANTED, make_interview, review_and_sign

pytestmark = pytest.mark.slow  # Presidio + spaCy for the researcher's review


def test_researcher_export_to_coordinator_report(vault, coordinator_vault, tmp_path):
    recipient = keys.age_recipient(coordinator_vault)
    iv = make_interview(vault)
    keys.add_recipient(vault, recipient, label="Coordinator")
    review_and_sign(vault, iv.id)
    first = run_job(make_export_job(vault, iv.id, tmp_path / "first.cpkt"))
    second = run_job(make_export_job(vault, iv.id, tmp_path / "second.cpkt", supersedes=first.packet_id))

    enrol(coordinator_vault, keys.device_public_key(vault), "Org A – laptop 3")
    results = run_job(make_import_job(coordinator_vault, [first.path, second.path, first.path]))
    assert [r.verdict for r in results] == ["imported", "superseded", "already_imported"]

    agg = aggregate(coordinator_vault)
    assert agg.n_interviews == 1 and [iv.packet_id for iv in agg.interviews] == [second.packet_id]
    used = {t.theme_id: t for t in agg.themes if t.interviews}
    assert set(used) == {"current_job_experience", "leadership_power", "job_satisfaction"}
    pdf = write_report(agg)
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for theme in used.values():
        assert theme.label in text
        assert "Raised in 1 of 1 interviews" in text
    assert "SITE-B" in text and "P-007" in text
    for secret in PLANTED:  # nothing the researcher protected reaches the coordinator's report
        assert secret.lower() not in text.lower()

    path = write_qdpx(agg, tmp_path / "study.qdpx")
    schema = etree.XMLSchema(etree.parse(str(SHARED_DATA / "refi-qda" / "Project-mrt2019.xsd")))
    with zipfile.ZipFile(path) as zf:
        schema.assertValid(etree.fromstring(zf.read("project.qde")))
        source = next(n for n in zf.namelist() if n.startswith("sources/"))
        body = zf.read(source).decode("utf-8")
    assert "[PERSON" in body and not any(s.lower() in body.lower() for s in PLANTED)
