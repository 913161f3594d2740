"""What the coordinator screen asks of the core (plain functions run inside jobs; no Qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def devices(vault: Any) -> list:
    from core.coordinator.devices import list_devices
    return list_devices(vault)


def enrol(vault: Any, key: str, label: str) -> Any:
    from core.coordinator.devices import enrol as do_enrol
    return do_enrol(vault, key, label)


def release(vault: Any) -> list:
    from core.coordinator.devices import release_quarantine
    return release_quarantine(vault)


def import_job(vault: Any, paths: list[Path]):
    from core.coordinator.inbox import make_import_job
    return make_import_job(vault, paths)


def aggregate(vault: Any, site: str | None) -> Any:
    from core.coordinator.aggregate import aggregate as agg
    return agg(vault, site=site or None)


def chart_rows(agg: Any) -> tuple[list[tuple[str, dict[str, int]]], list[str]]:
    """(theme label, interviews by site) for themes that occur, most frequent first."""
    sites = [s.site for s in agg.sites]
    rows = [(t.label, dict(t.interviews_by_site)) for t in agg.themes if t.interviews]
    rows.sort(key=lambda r: -sum(r[1].values()))
    return rows, sites


def export_reports(vault: Any, agg: Any, folder: Path) -> list[Path]:
    """PDF report, CSV tables and a REFI-QDA project into ``folder``."""
    from core.reports.coordinator_pdf import write_report
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "confidant-report.pdf"
    pdf.write_bytes(write_report(agg))
    written = [pdf]
    try:
        from core.reports.csv_export import write_csv
        out = write_csv(agg, folder)
        written += list(out) if isinstance(out, (list, tuple)) else []
    except ImportError:
        pass
    try:
        from core.reports.qdpx import write_qdpx
        qdpx = folder / "confidant-project.qdpx"
        write_qdpx(agg, qdpx)
        written.append(qdpx)
    except ImportError:
        pass
    return written
