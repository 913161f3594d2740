"""Report files: the functions the CLI (`coordinator report|brief`) and the desktop (Export,
Findings brief) both call, so the two can never write different files. ``export_all`` writes
the research team's files from one ``Aggregate``; ``export_share``/``export_brief`` the PDFs
made from a ``ShareView``.

Every file is written atomically (a ``.partial`` temp name, fsync, rename), so a full USB stick
or a pulled cable leaves the earlier file or none, never half a report. The REFI-QDA project
always gets its codebook (``.qdc``) beside it, and the CSV folder a note that the tables hold
every interview's rows. An aggregate with no interview is ``NothingToReport``, not an empty file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import InvalidInput, Msg, NothingToReport
from core.reports.audit_pdf import write_audit_pdf
from core.reports.brief_pdf import write_brief
from core.reports.catalogue import check_language, words
from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.disclosure import Rules
from core.reports.model import Aggregate
from core.reports.qdpx import write_qdc, write_qdpx
from core.reports.share_pdf import write_share_report
from core.reports.share_view import TEAM_PROJECT_NAME, ShareView, write_team_marker
from core.vault.files import write_output_file

FORMATS = ("pdf", "csv", "qdpx")  # the .qdc codebook always goes with the .qdpx
PDF_NAME = "confidant-report-team-only.pdf"
QDPX_NAME = "confidant-project-team-only.qdpx"


@dataclass(frozen=True)
class ExportTargets:
    """Where each team file goes (None: not asked for)."""

    pdf: Path | None = None
    csv_dir: Path | None = None
    qdpx: Path | None = None
    qdc: Path | None = None

    @classmethod
    def in_folder(cls, folder: str | Path, formats: Iterable[str] = FORMATS) -> ExportTargets:
        """The standard names inside one folder (what the desktop's Export writes)."""
        folder, wanted = Path(folder), set(formats)
        unknown = wanted - {"pdf", "csv", "qdpx"}
        if unknown:
            raise InvalidInput(Msg("reports.unknown_report_format", unknown=', '.join(sorted(unknown))), Msg("reports.unknown_report_format.hint"))
        qdpx = folder / QDPX_NAME if "qdpx" in wanted else None
        return cls(pdf=folder / PDF_NAME if "pdf" in wanted else None,
                   csv_dir=folder if "csv" in wanted else None,
                   qdpx=qdpx, qdc=qdpx.with_suffix(".qdc") if qdpx else None)

    @property
    def is_empty(self) -> bool:
        return not (self.pdf or self.csv_dir or self.qdpx or self.qdc)


def team_notes(rules: Rules, language: str = "en") -> list[str]:
    """What the team copy's cover says about the share rules it does not apply."""
    w = words(language)
    return [w("team.notes", banner=w("common.team_banner"), k=rules.k, quote_min=rules.quote_min_interviews)]


def export_all(agg: Aggregate, folder: str | Path | ExportTargets, formats: Iterable[str] = FORMATS, *,
               rules: Rules | None = None, language: str = "en") -> list[Path]:
    """Write the team's report files for ``agg``; returns the paths written, in order.

    ``folder`` is a folder (files get the standard names, ``formats`` chooses which) or
    explicit ``ExportTargets`` (the CLI's --pdf/--csv/--qdpx/--qdc). ``language`` is the PDF's
    (decision 0175); the CSV tables and the REFI-QDA project keep the data as it came.
    """
    language = check_language(language)
    targets = folder if isinstance(folder, ExportTargets) else ExportTargets.in_folder(folder, formats)
    if targets.is_empty:
        raise InvalidInput(Msg("reports.no_report_asked"), Msg("reports.no_report_asked.hint"))
    if agg.n_interviews == 0:
        raise NothingToReport()
    rules = rules or Rules()
    written: list[Path] = []
    if targets.pdf:
        w = words(language)
        written.append(write_output_file(targets.pdf, write_report(
            agg, banner=w("common.team_banner"), team_notes=team_notes(rules, language), language=language)))
    if targets.csv_dir:
        written += write_csv(agg, targets.csv_dir)
        written.append(write_team_marker(targets.csv_dir))
    if targets.qdpx:
        written.append(write_qdpx(agg, targets.qdpx, name=TEAM_PROJECT_NAME))
    if targets.qdc:
        written.append(write_qdc(agg, targets.qdc))
    return written


SHARE_PDF_NAME = "confidant-report-shareable.pdf"


def export_share(view: ShareView, path: str | Path, *, language: str = "en") -> Path:
    """The shareable report (already suppressed by core) as a PDF in ``language``, written atomically."""
    return write_output_file(path, write_share_report(view, language=check_language(language)))


def export_brief(view: ShareView, path: str | Path, *, language: str = "en") -> Path:
    """The findings brief (approved quotes only) as a PDF in ``language``, written atomically."""
    return write_output_file(path, write_brief(view, language=check_language(language)))


def export_audit(report: Any, path: str | Path, *, language: str = "en") -> Path:
    """The privacy check's ``AuditReport`` as a PDF in ``language``, written atomically (CLI
    `audit`, Settings).

    Typed ``Any`` because ``core.audit`` sits above the reports in the layer order."""
    return write_output_file(path, write_audit_pdf(report, language=check_language(language)))


def export_recovery_sheet(code: str, vault_id: str, path: str | Path) -> Path:
    """The printable recovery-code page, written atomically where the person chose."""
    from core.reports.recovery_sheet import recovery_pdf
    return write_output_file(path, recovery_pdf(code, vault_id))
