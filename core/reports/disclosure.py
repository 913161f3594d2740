"""Small-group rules for reports that leave the research team (decision 0115).

Pure functions on counts, no vault and no report model, so every writer (PDF, brief,
dashboard, CLI) applies the same rules and tests can attack them directly.

- **Groups** (sites, or whatever a report breaks down by) with fewer than ``k`` interviews get
  no figures of their own: together they form "other sites" when they reach ``k``, otherwise
  they are left out of every figure. A filtered report uses the groups of the *whole* inbox,
  and a group the filter cuts into (keeping some of its interviews, leaving out between 1 and
  k-1) is left out too: otherwise the full report minus the filtered one would describe the
  few interviews the filter dropped.
- **Cells** (group x theme, group x question: interviews) below ``k`` are suppressed, with
  complementary suppression so that no suppressed cell can be worked out from the column total
  (see ``suppress_column``). Percentages are shown only where their count is.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

DEFAULT_K = 5                      # HR survey tools hide groups below 4-5 respondents
DEFAULT_QUOTE_MIN_INTERVIEWS = 10  # ... and free-text comments below 10
OTHER_SITES = "Other sites"

G = TypeVar("G", bound=Hashable)


@dataclass(frozen=True)
class Rules:
    """The share rules a coordinator vault applies (its settings; decision 0115)."""

    k: int = DEFAULT_K
    quote_min_interviews: int = DEFAULT_QUOTE_MIN_INTERVIEWS

    def __post_init__(self) -> None:
        if self.k < 2:
            raise ValueError("k must be at least 2")
        if self.quote_min_interviews < self.k:
            raise ValueError("the quote threshold cannot be below k")


@dataclass(frozen=True)
class Group:
    """One row of a share report: a site of at least k interviews, or "Other sites"."""

    label: str
    members: tuple[str, ...]
    interviews: int

    @property
    def is_folded(self) -> bool:
        return self.label == OTHER_SITES


@dataclass(frozen=True)
class Grouping:
    """How a report's interviews are grouped, and which were left out and why."""

    k: int
    groups: tuple[Group, ...]
    folded: tuple[str, ...] = ()          # members of "Other sites"
    too_small: tuple[str, ...] = ()       # left out: below k, and the small ones together too
    cut_by_filter: tuple[str, ...] = ()   # left out: the filter keeps part of the group
    withheld_interviews: int = 0

    @property
    def interviews(self) -> int:
        return sum(g.interviews for g in self.groups)

    def group_of(self, member: str) -> Group | None:
        for group in self.groups:
            if member in group.members:
                return group
        return None

    def statements(self, language: str = "en") -> list[str]:
        """Plain sentences for the report saying what was withheld (no names, no counts of
        a small group), in the report's ``language``."""
        from core.reports.catalogue import words
        w, k, out = words(language), self.k, []
        if self.folded:
            out.append(w.one_or_many("withheld.folded", len(self.folded), k=k, other=w("common.other_sites")))
        if self.too_small:
            out.append(w.one_or_many("withheld.too_small", len(self.too_small), k=k))
        if self.cut_by_filter:
            out.append(w.one_or_many("withheld.cut", len(self.cut_by_filter), k=k))
        return out


def _partition(sizes: Mapping[str, int], k: int) -> tuple[list[Group], list[str], list[str]]:
    big = sorted((s for s, n in sizes.items() if n >= k), key=lambda s: (-sizes[s], s))
    small = sorted(s for s, n in sizes.items() if 0 < n < k)
    groups = [Group(s, (s,), sizes[s]) for s in big]
    if not small:
        return groups, [], []
    together = sum(sizes[s] for s in small)
    if together >= k:
        return groups + [Group(OTHER_SITES, tuple(small), together)], small, []
    return groups, [], small


def fold_groups(sizes: Mapping[str, int], k: int = DEFAULT_K, *,
                full_sizes: Mapping[str, int] | None = None) -> Grouping:
    """Group a report's interviews (``sizes``: member -> interviews selected) for sharing.

    ``full_sizes`` are the same counts over the whole inbox, unfiltered; a filtered report
    keeps the whole inbox's groups, so the same "Other sites" can never be cut in two.
    """
    full = dict(full_sizes) if full_sizes is not None else dict(sizes)
    for member, n in sizes.items():
        if n > full.get(member, 0):
            raise ValueError(f"selection larger than the whole for {member!r}")
    base, _folded, base_small = _partition(full, k)
    groups: list[Group] = []
    folded: list[str] = []
    too_small = [s for s in base_small if sizes.get(s, 0) > 0]
    cut: list[str] = []
    for group in base:
        selected = sum(sizes.get(m, 0) for m in group.members)
        if selected == 0:
            continue
        removed = group.interviews - selected
        present = [m for m in group.members if sizes.get(m, 0) > 0]
        if removed and (removed < k or selected < k):
            (too_small if selected < k else cut).extend(present)
            continue
        groups.append(Group(group.label, tuple(present), selected))
        if group.is_folded:
            folded.extend(present)
    groups.sort(key=lambda g: (g.is_folded, -g.interviews, g.label))
    withheld = sum(sizes.get(m, 0) for m in too_small + cut)
    return Grouping(k, tuple(groups), tuple(sorted(folded)), tuple(sorted(too_small)),
                    tuple(sorted(cut)), withheld)


# --- cells -------------------------------------------------------------------------------

SMALL = "small"            # the cell itself is below k
COMPLEMENT = "complement"  # hidden so that a small cell cannot be worked out
NO_BREAKDOWN = "no breakdown"  # the column is not broken down by group at all
SMALL_TOTAL = "small total"    # the whole column (total included) is below k


@dataclass(frozen=True)
class Column:
    """One column of a group table after suppression: shown values, ``None`` where hidden."""

    cells: Mapping[Any, int | None]
    total: int | None
    reasons: Mapping[Any, str] = field(default_factory=dict)  # hidden cell -> why
    total_reason: str = ""

    @property
    def hidden(self) -> int:
        """How many group cells are not shown (for the methods page)."""
        return len(self.reasons)

    @property
    def hidden_small(self) -> int:
        return sum(1 for r in self.reasons.values() if r in (SMALL, SMALL_TOTAL))


def suppress_column(counts: Mapping[G, int], sizes: Mapping[G, int], k: int = DEFAULT_K) -> Column:
    """Suppress one column (counts per group that add up to the column total).

    Why this is safe (the differencing test attacks it): a reader knows the shown cells, the
    total, that a cell lies between 0 and its group's size (every shown group has >= k
    interviews), and — since zero cells are shown — that a hidden cell is at least 1. With a
    hidden set S and ``R`` = total - shown cells, the most a hidden small cell could be is
    ``min(group size, R - (|S| - 1))``. We hide enough that this bound is at least k for every
    small cell, i.e. a reader cannot even tell the cell is small:

    1. the total itself below k: nothing of the column is shown;
    2. the small cells alone already satisfy the bound: hide just them;
    3. else also hide the smallest shown cell of at least k (one suffices: R - (|S|-1) is then
       at least that cell's value);
    4. else (no such cell) hide every group cell, zeros too, and show only the total.
    """
    for group, value in counts.items():
        if value < 0 or value > sizes[group]:
            raise ValueError(f"cell {group!r} = {value} outside 0..{sizes[group]}")
        if sizes[group] < k:
            raise ValueError(f"group {group!r} has fewer than k interviews; fold it first")
    total = sum(counts.values())
    if 0 < total < k:
        return Column({g: None for g in counts}, None, {g: SMALL_TOTAL for g in counts}, SMALL_TOTAL)
    small = [g for g, v in counts.items() if 0 < v < k]
    if not small:
        return Column(dict(counts.items()), total)
    reasons: dict[Any, str] = {g: SMALL for g in small}
    if sum(counts[g] for g in small) - (len(small) - 1) < k:
        partners = sorted((g for g, v in counts.items() if v >= k), key=lambda g: (counts[g], str(g)))
        if partners:
            reasons[partners[0]] = COMPLEMENT
        else:
            reasons = {g: (reasons.get(g) or NO_BREAKDOWN) for g in counts}
    cells = {g: (None if g in reasons else v) for g, v in counts.items()}
    return Column(cells, total, reasons)


def suppress_table(columns: Mapping[Any, Mapping[G, int]], sizes: Mapping[G, int],
                   k: int = DEFAULT_K) -> dict[Any, Column]:
    """``suppress_column`` for every column of a group table (columns share no totals)."""
    return {key: suppress_column(counts, sizes, k) for key, counts in columns.items()}


def align_with_full(own: Column, full: Column) -> Column:
    """A site-filtered report's column, made to say nothing the full report does not.

    A report filtered to some sites holds those sites' cells unchanged, so a reader can set it
    beside the full report: a cell the full report hid must stay hidden, and the filtered
    total may be shown only if it adds nothing — when no hidden cell of the full column lies
    inside the selection (the total is then a sum of shown cells) or every hidden cell does
    (the full report already gives their sum). A total over a selection that splits the hidden
    cells would let a reader subtract one side from the other. ``own`` is the filtered
    report's own suppression (its small cells are the same cells); ``full`` the full
    report's column over at least the same groups.
    """
    cells = {g: full.cells[g] for g in own.cells}
    hidden_full = {g for g, v in full.cells.items() if v is None}
    inside = hidden_full & set(own.cells)
    reasons = {g: (own.reasons[g] if own.reasons.get(g) in (SMALL, SMALL_TOTAL) else COMPLEMENT)
               for g, v in cells.items() if v is None}
    if full.total is None or own.total is None or (inside and hidden_full - inside):
        return Column(cells, None, reasons, full.total_reason or own.total_reason or COMPLEMENT)
    return Column(cells, own.total, reasons)


def shown_count(value: int, k: int = DEFAULT_K) -> int | None:
    """A single count with no breakdown (a theme's interviews overall): shown from k up."""
    return value if value == 0 or value >= k else None


def percent(part: int | None, whole: int | None) -> str:
    """A percentage that follows its count: hidden count, hidden percentage."""
    if part is None or not whole:
        return "–"
    return f"{round(100 * part / whole)}%"


def withheld_cells(columns: Sequence[Column]) -> tuple[int, int]:
    """(cells hidden because they were small, cells hidden to protect them) for the methods page."""
    small = sum(c.hidden_small for c in columns)
    return small, sum(c.hidden for c in columns) - small
