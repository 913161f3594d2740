"""Every PDF embeds a Unicode font: names of places and foods survive into the text layer,
chart labels are ellipsized, never cut, and every PDF has the same paper size."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from core.audit.model import PASS, AuditReport
from core.coordinator.aggregate import aggregate_interviews
from core.documents.interview import InterviewDoc
from core.reports import fonts
from core.reports.audit_pdf import write_audit_pdf
from core.reports.coordinator_pdf import write_report
from core.reports.interview_summary import write_interview_summary
from tests.helpers.coordinator_data import make_corpus, make_interview, typed

WORDS = ("phở", "żurek", "Łódź", "Nguyễn", "jalapeño")


def _unicode_interview(**kw):
    doc = make_interview(**kw)
    doc["segments"][1]["text"] = "We ate " + ", ".join(WORDS) + " after the shift."
    doc["codebook"][0]["label"] = "Barriers and challenges at work that nobody names"
    return InterviewDoc.from_json(doc)


def _pdfs() -> dict[str, bytes]:
    corpus = [_unicode_interview(code=f"P-{i:03d}", seed=i) for i in range(3)] + typed(make_corpus(3))
    report = AuditReport(subject="vault", subject_id="v1")
    report.add("No plaintext on disk", PASS, "Scanned Łódź/phở/żurek folders: nothing found.", "")
    from core.coordinator.share import build_share_view
    from core.reports.brief_pdf import write_brief
    from core.reports.disclosure import Rules
    from core.reports.share_pdf import write_share_report
    big = [_unicode_interview(code=f"P-{i:03d}", seed=i, site="ŁÓDŹ-1") for i in range(6)]
    view = build_share_view(big, rules=Rules(k=5, quote_min_interviews=5))
    return {"summary": write_interview_summary(_unicode_interview()),
            "coordinator": write_report(aggregate_interviews(corpus)),
            "audit": write_audit_pdf(report),
            "share": write_share_report(view),
            "brief": write_brief(view)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    out = {}
    for name, data in _pdfs().items():
        path = folder / f"{name}.pdf"
        path.write_bytes(data)
        out[name] = path
    return out


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} (poppler-utils) is needed for this check; make setup installs it"
    return path


def test_every_font_is_embedded(pdfs):
    for name, path in pdfs.items():
        lines = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines, f"{name}: no fonts listed"
        for line in lines:
            cols = line.split()
            # name type [encoding...] emb sub uni object ID: 'emb' is the 4th column from the end.
            assert cols[-5] == "yes", f"{name}: font not embedded: {line}"


def test_unicode_words_survive_into_the_text_layer(pdfs):
    for name in ("summary", "coordinator", "audit", "share"):
        text = subprocess.run([_tool("pdftotext"), str(pdfs[name]), "-"], capture_output=True,
                              text=True, check=True).stdout
        wanted = {"audit": ("Łódź", "phở", "żurek"), "share": ("ŁÓDŹ-1",)}.get(name, WORDS)
        for word in wanted:
            assert word in text, f"{word!r} lost in the {name} PDF"
        assert "■" not in text


def test_one_paper_size_for_every_pdf(pdfs):
    from pypdf import PdfReader
    sizes = {name: tuple(round(float(v)) for v in PdfReader(str(p)).pages[0].mediabox[2:])
             for name, p in pdfs.items()}
    assert set(sizes.values()) == {(612, 792)}, sizes  # US Letter by default


def test_labels_are_ellipsized_by_width_not_cut():
    label = "Barriers and challenges at work that nobody names"
    fitted = fonts.fit(label, 140, size=8.5)
    assert fitted.endswith("…") and fitted[:-1] and label.startswith(fitted[:-1])
    from reportlab.pdfbase.pdfmetrics import stringWidth
    assert stringWidth(fitted, fonts.REGULAR, 8.5) <= 140
    assert fonts.fit("Voice", 140) == "Voice"


def test_a4_is_a_setting():
    assert fonts.page_size("a4") == pytest.approx((595.27, 841.89), abs=0.1)
    assert fonts.page_size("unknown") == fonts.page_size("letter")


@pytest.fixture
def reset_paper():
    yield
    fonts.use_paper(None)


def test_the_vault_setting_makes_every_pdf_a4(tmp_path, reset_paper, capsys):
    from pypdf import PdfReader

    from core.cli import main
    from core.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)[0].close()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    run = lambda *a: main(["--vault", str(tmp_path / "v"), "--passphrase-file", str(tmp_path / "pw"), *a])
    assert run("paper") == 0 and "US Letter" in capsys.readouterr().out
    assert run("paper", "a4") == 0 and "A4" in capsys.readouterr().out
    assert run("paper") == 0 and "A4" in capsys.readouterr().out  # kept in the vault
    for pdf in _pdfs().values():  # the process now writes A4
        import io
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert (round(float(box[2])), round(float(box[3]))) == (595, 842)
    with pytest.raises(SystemExit):  # argparse refuses it and lists the choices
        run("paper", "b5")
