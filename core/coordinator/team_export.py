"""The research team's full export in one call (the desktop's "Save the report" in team view).

Every output says who it is for (decision 0117): the PDF is banded "Research team only — do
not share" on every page, the CSV tables get a RESEARCH-TEAM-ONLY.txt beside them, and the
REFI-QDA project is named for the team.
"""

from __future__ import annotations

from pathlib import Path

from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.disclosure import Rules
from core.reports.model import Aggregate
from core.reports.qdpx import write_qdpx
from core.reports.share_view import TEAM_BANNER, TEAM_PROJECT_NAME, write_team_marker
from core.vault.files import write_output_file


def team_notes(rules: Rules) -> list[str]:
    """What the cover of a team copy says about the shareable one."""
    return [(f"{TEAM_BANNER}. This copy names every site, gives every count and signs quotes with participant "
            f"codes. The shareable report (the default) withholds sites and figures below {rules.k} interviews "
            f"and quotes of themes raised in fewer than {rules.quote_min_interviews}.")]


def export_team(agg: Aggregate, folder: str | Path, rules: Rules) -> list[Path]:
    """PDF, CSV tables (with the marker) and a REFI-QDA project into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_output_file(folder / "confidant-report-team-only.pdf",
                                 write_report(agg, banner=TEAM_BANNER, team_notes=team_notes(rules)))]
    written += list(write_csv(agg, folder))
    written.append(write_team_marker(folder))
    written.append(write_qdpx(agg, folder / "confidant-project-team-only.qdpx", name=TEAM_PROJECT_NAME))
    return written
