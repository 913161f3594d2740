"""What a ``share`` report may show: every figure already suppressed (decisions 0115-0117).

``core.coordinator.share`` builds a ``ShareView`` from the inbox; the PDF report, the findings
brief and the desktop dashboard only draw it, so none of them can show a number the rules
withheld. ``None`` means "withheld" wherever a count could be.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.reports.catalogue import ENGLISH, Words, words
from core.reports.disclosure import Grouping, Rules
from core.reports.share_quotes import QuoteSelection, SharedQuote

SHARE = "share"
TEAM = "team"
AUDIENCES = (SHARE, TEAM)
TEAM_BANNER = ENGLISH["common.team_banner"]
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

    def statements(self, language: str = "en") -> list[str]:
        """What the report withheld, in plain sentences (for the methods page and the brief)."""
        w = words(language)
        k = self.rules.k
        out = self.grouping.statements(language)
        if self.cells_small or self.cells_protecting:
            line = w.one_or_many("withheld.cells", self.cells_small, k=k)
            if self.cells_protecting:
                line += w.one_or_many("withheld.protecting", self.cells_protecting)
            out.append(line + ".")
        if self.themes_withheld:
            out.append(w.one_or_many("withheld.themes", self.themes_withheld, k=k))
        withheld = sum(self.quotes.withheld.values())
        if withheld:
            out.append(w("withheld.quotes", n=withheld, reasons=_reasons(self.quotes.withheld, w)))
        return out

    def label(self, theme_id: str) -> str:
        return next((t.label for t in self.themes if t.theme_id == theme_id), theme_id)


def _reasons(counts: Counter[str], w: Words) -> str:
    return "; ".join(f"{w.reason(reason)}: {w.n(n)}"
                     for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
