"""The desktop and the CLI write the research team's files through one core function
(``core.reports.export.export_all``): from the same inbox they are byte for byte the same."""

from __future__ import annotations

import pytest

from core.cli import main
from tests.conftest import PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle
from tests.ui.test_coordinator_dashboard import _coordinator_vault

FROZEN = "2026-01-15T09:30:00+00:00"


@pytest.fixture
def frozen_clock(monkeypatch):
    """Both runs aggregate at the same second (the time is printed in the PDF and the project)."""
    from core.coordinator import aggregate
    monkeypatch.setattr(aggregate, "_now", lambda: FROZEN)


def test_dashboard_team_export_equals_the_cli(qtbot, tmp_path, shown_errors, files, frozen_clock, capsys):
    folder = _coordinator_vault(tmp_path)
    cli_out = tmp_path / "cli"
    cli_out.mkdir()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    assert main(["--vault", str(folder), "--passphrase-file", str(pw), "coordinator", "report",
                 "--audience", "team", "--pdf", str(cli_out / "confidant-report-team-only.pdf"),
                 "--csv", str(cli_out), "--qdpx", str(cli_out / "confidant-project-team-only.qdpx")]) == 0
    capsys.readouterr()

    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    co = window.coordinator
    qtbot.waitUntil(lambda: bool(co.chart.rows), timeout=20000)
    co.audience.setCurrentIndex(co.audience.findData("team"))
    co.audience.activated.emit(co.audience.currentIndex())
    qtbot.waitUntil(lambda: co.chart.sites == ["SITE-A", "SITE-B"], timeout=20000)
    wait_idle(qtbot)
    files.chosen_folder = tmp_path / "desktop"
    co.report_button.click()
    qtbot.waitUntil(lambda: (files.chosen_folder / "confidant-project-team-only.qdc").exists(), timeout=30000)
    wait_idle(qtbot)
    assert not shown_errors, [e.message for e in shown_errors]
    stop_everything(qtbot, window)

    desktop_files = {p.name: p.read_bytes() for p in files.chosen_folder.iterdir()}
    cli_files = {p.name: p.read_bytes() for p in cli_out.iterdir()}
    assert sorted(desktop_files) == sorted(cli_files)
    assert {"confidant-report-team-only.pdf", "confidant-project-team-only.qdpx", "confidant-project-team-only.qdc",
            "RESEARCH-TEAM-ONLY.txt", "interviews.csv", "answers.csv", "segments.csv", "tags.csv",
            "themes.csv"} <= set(cli_files)
    for name, data in cli_files.items():
        assert desktop_files[name] == data, name
