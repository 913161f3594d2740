"""The coordinator dashboard shows the shareable figures by default, switches visibly to the
team view, reviews quotes and saves the brief — on real sealed packets, offscreen."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle


def _coordinator_vault(tmp_path):
    from core.coordinator.devices import enrol
    from core.coordinator.inbox import make_import_job
    from core.coordinator.share_settings import set_rules
    from core.jobs import run_job
    from core.packets import keys
    from core.vault import Vault
    folder = tmp_path / "coordinator"
    vault, _ = Vault.create(folder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    device = Device()
    enrol(vault, device.public_key, "Laptop 1")
    out = tmp_path / "usb"
    out.mkdir()
    for i, site in enumerate(["SITE-A"] * 6 + ["SITE-B"] * 2):
        iv = make_interview(packet_id=hex_id("ui", i), code=f"P-{i:03d}", site=site, seed=i)
        (out / f"{i}.cpkt").write_bytes(seal_interview(iv, device, [keys.age_recipient(vault)]))
    run_job(make_import_job(vault, [out]))
    set_rules(vault, quote_min_interviews=5)
    vault.close()
    return folder


def test_dashboard_defaults_to_share_then_team_review_and_brief(qtbot, tmp_path, shown_errors, files):
    folder = _coordinator_vault(tmp_path)
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    co = window.coordinator
    qtbot.waitUntil(lambda: bool(co.chart.rows), timeout=20000)
    wait_idle(qtbot)
    # shareable by default: SITE-B (2 interviews) has no bar, no figure, no quote
    assert co.audience.currentData() == "share" and co.team_banner.isHidden()
    assert co.chart.sites == ["SITE-A"] and "left out of every figure" in co.summary.text()
    quotes = [co.quotes.item(i).text() for i in range(co.quotes.count())]
    assert quotes and all("P-0" not in q and "SITE-B" not in q for q in quotes)

    # the review list flags what needs a decision; approving it is kept by core
    review = co.review
    assert review.list.count() >= 1 and "waiting for you" in review.list.item(0).text()
    key = review.list.item(0).data(0x0100)
    review.approve_button.click()
    wait_idle(qtbot)
    from core.coordinator.share_settings import quote_decisions
    assert quote_decisions(window.ctx.session.vault)[key] == "approved"

    # the brief follows the share rules
    files.save = tmp_path / "brief.pdf"
    co.brief_button.click()
    qtbot.waitUntil(lambda: files.save.exists(), timeout=20000)
    wait_idle(qtbot)
    brief = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(files.save.read_bytes())).pages)
    assert "Main themes" in brief and "SITE-B" not in brief and "P-0" not in brief

    # saving from the share view writes the shareable PDF only (no row-level files)
    files.chosen_folder = tmp_path / "out-share"
    co.report_button.click()
    qtbot.waitUntil(lambda: (files.chosen_folder / "confidant-report-shareable.pdf").exists(), timeout=20000)
    wait_idle(qtbot)
    assert sorted(p.name for p in files.chosen_folder.iterdir()) == ["confidant-report-shareable.pdf"]

    # the team view is one visible switch away, marked
    co.audience.setCurrentIndex(co.audience.findData("team"))
    co.audience.activated.emit(co.audience.currentIndex())
    qtbot.waitUntil(lambda: co.chart.sites == ["SITE-A", "SITE-B"], timeout=20000)
    assert not co.team_banner.isHidden() and "do not share" in co.team_banner.text()
    # ...and saving from it writes the team's files, each saying who it is for
    files.chosen_folder = tmp_path / "out-team"
    co.report_button.click()
    qtbot.waitUntil(lambda: (files.chosen_folder / "confidant-project-team-only.qdpx").exists(), timeout=30000)
    wait_idle(qtbot)
    team = files.chosen_folder
    assert (team / "RESEARCH-TEAM-ONLY.txt").exists() and (team / "interviews.csv").exists()
    pdf = PdfReader(io.BytesIO((team / "confidant-report-team-only.pdf").read_bytes()))
    assert all("do not share" in (p.extract_text() or "") for p in pdf.pages)
    import zipfile
    with zipfile.ZipFile(team / "confidant-project-team-only.qdpx") as zf:
        assert "research team only" in zf.read("project.qde").decode("utf-8")
    assert not shown_errors, [e.message for e in shown_errors]
    stop_everything(qtbot, window)


def test_the_report_language_is_chosen_on_the_dashboard_and_kept(qtbot, tmp_path, shown_errors, files):
    """Default: the interface's language; choosing Español writes the brief and the shareable
    report in Spanish, and the choice is kept with the report settings (the CLI then uses it)."""
    from core.coordinator.share_settings import report_language
    folder = _coordinator_vault(tmp_path)
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    co = window.coordinator
    qtbot.waitUntil(lambda: bool(co.chart.rows), timeout=20000)
    wait_idle(qtbot)
    co.tabs.setCurrentIndex(2)  # Dashboard
    assert co.report_language.currentData() == "en" and co.report_language.isVisible()
    co.report_language.setCurrentIndex(co.report_language.findData("es"))
    co.report_language.activated.emit(co.report_language.currentIndex())
    wait_idle(qtbot)
    assert report_language(window.ctx.session.vault) == "es"

    files.save = tmp_path / "resumen.pdf"
    co.brief_button.click()
    qtbot.waitUntil(lambda: files.save.exists(), timeout=20000)
    wait_idle(qtbot)
    brief = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(files.save.read_bytes())).pages)
    assert "Temas principales" in brief and "Main themes" not in brief and "SITE-B" not in brief

    files.chosen_folder = tmp_path / "out-es"
    co.report_button.click()
    shared = files.chosen_folder / "confidant-report-shareable.pdf"
    qtbot.waitUntil(shared.exists, timeout=20000)
    wait_idle(qtbot)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(shared.read_bytes())).pages)
    assert "Qué oculta este informe" in text and "What this report withholds" not in text
    assert not shown_errors
    stop_everything(qtbot, window)


def test_in_the_spanish_interface_reports_start_in_spanish(qtbot, tmp_path, shown_errors, files):
    from PySide6.QtCore import QCoreApplication, QLocale

    from desktop.app import install_translator
    app = QCoreApplication.instance()
    before = QLocale()
    translator = install_translator(app, "es")
    try:
        folder = _coordinator_vault(tmp_path)
        window = make_window(qtbot, tmp_path, folder)
        unlock(qtbot, window)
        co = window.coordinator
        qtbot.waitUntil(lambda: bool(co.chart.rows), timeout=20000)
        wait_idle(qtbot)
        assert co.report_language.currentData() == "es"
        assert "quedó fuera de todas las cifras" in co.summary.text()  # what was withheld, in Spanish
        files.save = tmp_path / "resumen.pdf"
        co.brief_button.click()
        qtbot.waitUntil(lambda: files.save.exists(), timeout=20000)
        wait_idle(qtbot)
        brief = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(files.save.read_bytes())).pages)
        assert "Temas principales" in brief
        co.team_banner.setVisible(True)
        assert co.team_banner.text().startswith("Solo para el equipo de investigación")
        assert not shown_errors
        stop_everything(qtbot, window)
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(before)
