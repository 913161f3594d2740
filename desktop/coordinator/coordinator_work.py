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


def sites(vault: Any) -> list[str]:
    """The sites of the current inbox (for the site filter)."""
    from core.coordinator.share import site_names
    from core.vault.inbox import InboxRepo
    return site_names(InboxRepo(vault).iter_interviews())  # page by page


def share_view(vault: Any, site: str | None) -> Any:
    """The shareable view: every figure already suppressed by core (decision 0117)."""
    from core.coordinator.share import share_view as view
    return view(vault, site=site or None)


def share_chart_rows(view: Any, labels: dict[str, str] | None = None
                     ) -> tuple[list[tuple[str, dict[str, int | None]]], list[str]]:
    """(theme label, interviews by group, None where withheld) for themes with figures;
    ``labels``: {theme id: label} to show instead of the packets' own."""
    labels = labels or {}
    rows = [(labels.get(t.theme_id, t.label), dict(t.by_group)) for t in view.themes if t.interviews]
    return rows, [label for label, _n in view.groups]


def set_rules(vault: Any, k: int, quote_min: int) -> Any:
    from core.coordinator.share_settings import set_rules as save
    return save(vault, k=k, quote_min_interviews=quote_min)


def decide(vault: Any, key: str, decision: str, kinds: list[str]) -> None:
    from core.coordinator.share_settings import decide_quote
    decide_quote(vault, key, decision, kinds=kinds)


def report_language(vault: Any, interface: str) -> str:
    """The reports' language: the vault's choice, else the interface's (decision 0175)."""
    from core.coordinator.share_settings import report_language as stored
    return stored(vault, default=interface if interface in ("en", "es") else "en")


def set_report_language(vault: Any, language: str) -> str:
    from core.coordinator.share_settings import set_report_language as save
    return save(vault, language)


def export_share(vault: Any, site: str | None, folder: Path, language: str = "en") -> list[Path]:
    """The shareable PDF into ``folder`` (no row-level files: those are for the team)."""
    from core.reports.export import SHARE_PDF_NAME
    from core.reports.export import export_share as write
    folder.mkdir(parents=True, exist_ok=True)
    return [write(share_view(vault, site), folder / SHARE_PDF_NAME, language=language)]


def export_brief(vault: Any, site: str | None, path: Path, language: str = "en") -> Path:
    from core.coordinator.share import share_view as view
    from core.reports.export import export_brief as write
    return write(view(vault, site=site or None, approved_only=True), path, language=language)


def chart_rows(agg: Any, labels: dict[str, str] | None = None) -> tuple[list[tuple[str, dict[str, int]]], list[str]]:
    """(theme label, interviews by site) for themes that occur, most frequent first."""
    labels = labels or {}
    sites = [s.site for s in agg.sites]
    rows = [(labels.get(t.theme_id, t.label), dict(t.interviews_by_site)) for t in agg.themes if t.interviews]
    rows.sort(key=lambda r: -sum(r[1].values()))
    return rows, sites


def export_reports(vault: Any, agg: Any, folder: Path, language: str = "en") -> list[Path]:
    """The research team's PDF (marked on every page), CSV tables and a REFI-QDA project with
    its codebook: the same core function as `confidant coordinator report --audience team`."""
    from core.coordinator.share_settings import rules
    from core.reports.export import export_all
    folder.mkdir(parents=True, exist_ok=True)
    return export_all(agg, folder, rules=rules(vault), language=language)
