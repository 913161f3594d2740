"""What a ``share`` report may show: every figure already suppressed (decisions 0115-0117).

``core.coordinator.share`` builds a ``ShareView`` from the inbox; the PDF report, the findings
brief and the desktop dashboard only draw it, so none of them can show a number the rules
withheld. ``None`` means "withheld" wherever a count could be.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.reports.disclosure import Grouping, Rules
from core.reports.share_quotes import QuoteSelection, SharedQuote

SHARE = "share"
TEAM = "team"
AUDIENCES = (SHARE, TEAM)
TEAM_BANNER = "Research team only — contains small groups; do not share"
TEAM_MARKER = "RESEARCH-TEAM-ONLY.txt"  # written beside row-level files (CSV tables)
TEAM_PROJECT_NAME = "Confidant coordinator export — research team only, do not share"


def write_team_marker(folder: str | Path) -> Path:
    """The note beside row-level files that says who they are for (decision 0117)."""
    from core.vault.files import write_output_file
    text = f"{TEAM_BANNER}.\nThese files hold every interview's rows. Share the shareable PDF report instead.\n"
    return write_output_file(Path(folder) / TEAM_MARKER, text.encode("utf-8"))


@dataclass(frozen=True)
class ThemeView:
    theme_id: str
    label: str
    description: str
    interviews: int | None            # None: raised in fewer than k interviews
    pct: str                          # of the report's interviews ("–" when withheld)
    answers: int | None
    passages: int | None
    by_group: dict[str, int | None]   # group label -> interviews with the theme
    top_questions: list[str]          # question wording, where at least k interviews raised it
    quotes: list[SharedQuote] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionView:
    question_id: str
    text: str
    section: str
    interviews: int | None
    by_group: dict[str, int | None]


@dataclass(frozen=True)
class ShareView:
    rules: Rules
    grouping: Grouping
    generated_at: str
    filters: dict[str, str | None]
    months: tuple[str, str] | None
    guide_versions: dict[str, int | None]  # None: fewer than k interviews used it
    redactions: dict[str, int]
    themes: list[ThemeView]                # every coded theme, most raised first
    questions: list[QuestionView]
    pair_ids: list[str]                    # rows/columns of ``pairs``
    pairs: list[list[int | None]]          # answers with both themes; None: fewer than k interviews
    quotes: QuoteSelection
    cells_small: int                       # group cells withheld because they were small
    cells_protecting: int                  # ... and withheld so those cannot be worked out
    themes_withheld: int                   # themes raised in fewer than k interviews

    @property
    def n_interviews(self) -> int:
        return self.grouping.interviews

    @property
    def groups(self) -> list[tuple[str, int]]:
        return [(g.label, g.interviews) for g in self.grouping.groups]

    def statements(self) -> list[str]:
        """What the report withheld, in plain sentences (for the methods page and the brief)."""
        k = self.rules.k
        out = self.grouping.statements()
        if self.cells_small or self.cells_protecting:
            verb = "is" if self.cells_small == 1 else "are"
            line = f"{_n(self.cells_small, 'site-level figure')} below {k} interviews {verb} not shown"
            if self.cells_protecting:
                line += (f", and {self.cells_protecting} more {'is' if self.cells_protecting == 1 else 'are'} "
                         "hidden so that those cannot be worked out from the totals")
            out.append(line + ".")
        if self.themes_withheld:
            one = self.themes_withheld == 1
            out.append(f"{self.themes_withheld} {'theme' if one else 'themes'} raised in fewer than {k} "
                       f"interviews {'is' if one else 'are'} named without figures.")
        withheld = sum(self.quotes.withheld.values())
        if withheld:
            out.append(f"{withheld} candidate quotes were left out ({_reasons(self.quotes.withheld)}).")
        return out

    def label(self, theme_id: str) -> str:
        return next((t.label for t in self.themes if t.theme_id == theme_id), theme_id)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _reasons(counts: Counter[str]) -> str:
    return "; ".join(f"{reason}: {n}" for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
