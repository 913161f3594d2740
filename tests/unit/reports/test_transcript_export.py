"""The researcher's transcript as Word / PDF: de-identified after sign-off, real names only on request."""

from __future__ import annotations

import pytest

from core.cli import main
from core.deid import review
from core.errors import NotSignedOff, SecondLookFlags
from core.jobs import run_job
from core.reports.transcript_export import save_transcript_file
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE


def _interview(vault):
    iid = InterviewRepo(vault).create("P-020", "SITE-A").id
    InterviewRepo(vault).add_protected_name(iid, "Kevin Walsh", "supervisor")
    TranscriptRepo(vault).create(iid, [
        Segment(0, 3000, "Kevin Walsh changes the rota every week.", speaker="participant"),
        Segment(3000, 5000, "This part is off the record.", off_record=True),
        Segment(5000, 8000, "The café sold phở after the shift.", speaker="interviewer"),
    ])
    return iid


def _docx_text(path) -> str:
    from docx import Document
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _pdf_text(path) -> str:
    from pypdf import PdfReader
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_deidentified_needs_the_signoff_then_hides_names(vault, tmp_path):
    iid = _interview(vault)
    with pytest.raises(NotSignedOff):
        save_transcript_file(vault, iid, tmp_path / "t.docx")
    run_job(review.make_detect_job(vault, iid))
    review.accept_all(vault, iid)
    try:
        review.sign_off(vault, iid)
    except SecondLookFlags:
        # The second look (decision 0108) filed what still looks identifying: decide it, as a
        # person would, then sign off.
        for r in review.list_redactions(vault, iid, "proposed"):
            review.reject(vault, r.id)
        review.sign_off(vault, iid)
    for name, read in (("t.docx", _docx_text), ("t.pdf", _pdf_text)):
        path = save_transcript_file(vault, iid, tmp_path / name)
        text = read(path)
        assert "[SUPERVISOR 1] changes the rota" in text and "Participant" in text
        assert "Kevin" not in text and "Walsh" not in text and "off the record" not in text
        assert "phở" in text                                    # Unicode survives in both
    assert not list(tmp_path.glob("*.part"))


def test_identifying_copy_has_names_and_says_so(vault, tmp_path):
    iid = _interview(vault)
    path = save_transcript_file(vault, iid, tmp_path / "names.pdf", identifying=True)
    text = _pdf_text(path)
    assert "Kevin Walsh" in text and "Not encrypted" in text and "off the record" not in text


def test_cli_transcript_save(tmp_path, monkeypatch, capsys):
    from core.vault import Vault
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    iid = _interview(v)
    v.close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(folder), "transcript", "save", iid, str(tmp_path / "a.docx")]) != 0
    assert "signed off" in capsys.readouterr().err
    assert main(["--vault", str(folder), "transcript", "save", iid, str(tmp_path / "b.docx"),
                 "--identifying"]) == 0
    assert "NOT encrypted" in capsys.readouterr().err
    assert "Kevin Walsh" in _docx_text(tmp_path / "b.docx")
    assert main(["--vault", str(folder), "transcript", "save", iid, str(tmp_path / "c.txt"),
                 "--identifying"]) != 0

