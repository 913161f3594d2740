"""Small-group rules: folding sites, cell suppression, and a differencing attack on them.

The attacker is a linear program (scipy's HiGHS): it knows every shown cell, the column
total when shown, each group's size, that a cell lies in 0..size, and — when the column shows
any cell — that hidden cells are at least 1 (zeros are shown). For every small cell it
computes the largest and smallest value consistent with all of that. The rule holds when the
largest is at least k: the reader cannot work out the cell, nor even that it is small.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from core.reports.disclosure import (
    COMPLEMENT,
    NO_BREAKDOWN,
    OTHER_SITES,
    SMALL,
    SMALL_TOTAL,
    Column,
    Rules,
    align_with_full,
    fold_groups,
    percent,
    shown_count,
    suppress_column,
    suppress_table,
    withheld_cells,
)


def attack(column: Column, sizes: dict[str, int]) -> dict[str, tuple[float, float]]:
    """The range a reader can narrow each hidden cell to (min, max), by linear programming."""
    hidden = [g for g, v in column.cells.items() if v is None]
    if not hidden:
        return {}
    any_shown = len(hidden) < len(column.cells)
    bounds = [(1 if any_shown else 0, sizes[g]) for g in hidden]
    a_eq = b_eq = None
    if column.total is not None:
        shown = sum(v for v in column.cells.values() if v is not None)
        a_eq, b_eq = [[1] * len(hidden)], [column.total - shown]
    out = {}
    for i, g in enumerate(hidden):
        c = [0] * len(hidden)
        c[i] = 1
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        high = linprog([-x for x in c], A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert low.status == 0 and high.status == 0, "the true table must be feasible"
        out[g] = (low.fun, -high.fun)
    return out


# --- groups ------------------------------------------------------------------------------

def test_small_sites_fold_into_other_sites_when_together_they_reach_k():
    grouping = fold_groups({"A": 12, "B": 6, "C": 3, "D": 2}, 5)
    assert [(g.label, g.interviews) for g in grouping.groups] == [("A", 12), ("B", 6), (OTHER_SITES, 5)]
    assert grouping.folded == ("C", "D") and grouping.too_small == ()
    assert grouping.group_of("C").label == OTHER_SITES and grouping.interviews == 23
    assert grouping.statements() == [(
        "2 sites with fewer than 5 interviews are not shown separately: together they appear as "
        "“Other sites”.")]


def test_small_sites_below_k_even_together_are_left_out_of_every_figure():
    grouping = fold_groups({"BIG": 6, "SMALL": 2}, 5)
    assert [g.label for g in grouping.groups] == ["BIG"]
    assert grouping.too_small == ("SMALL",) and grouping.interviews == 6
    assert grouping.group_of("SMALL") is None and grouping.withheld_interviews == 2
    text = " ".join(grouping.statements())
    assert "1 site with fewer than 5 interviews" in text and "left out of every figure and quote" in text
    assert "SMALL" not in text and "2" not in text  # neither the site nor its size


def test_a_site_filter_on_a_small_site_shows_nothing():
    full = {"BIG": 6, "SMALL": 2}
    grouping = fold_groups({"SMALL": 2}, 5, full_sizes=full)
    assert grouping.groups == () and grouping.too_small == ("SMALL",)


def test_a_filter_keeps_the_whole_inbox_groups_so_other_sites_cannot_be_cut_in_two():
    full = {"A": 12, "C": 3, "D": 3, "E": 1}  # Other sites = C + D + E = 7
    part = fold_groups({"C": 3, "D": 3}, 5, full_sizes=full)  # 6 of 7: would expose E
    assert part.groups == () and part.cut_by_filter == ("C", "D")
    assert "only part of their interviews" in " ".join(part.statements())
    whole = fold_groups({"C": 3, "D": 3, "E": 1}, 5, full_sizes=full)
    assert [(g.label, g.interviews) for g in whole.groups] == [(OTHER_SITES, 7)]


def test_a_filter_that_drops_fewer_than_k_of_a_site_leaves_the_site_out():
    full = {"A": 12, "B": 20}
    grouping = fold_groups({"A": 10, "B": 20}, 5, full_sizes=full)  # drops 2 of A's 12
    assert [g.label for g in grouping.groups] == ["B"] and grouping.cut_by_filter == ("A",)
    grouping = fold_groups({"A": 7, "B": 20}, 5, full_sizes=full)   # drops 5: a group in itself
    assert [g.label for g in grouping.groups] == ["B", "A"]
    grouping = fold_groups({"A": 3, "B": 20}, 5, full_sizes=full)   # keeps 3: too small
    assert grouping.too_small == ("A",)


@given(st.dictionaries(st.sampled_from("ABCDEFGH"), st.integers(0, 15), max_size=8), st.integers(2, 6))
def test_every_shown_group_has_at_least_k_and_nothing_is_counted_twice(sizes, k):
    grouping = fold_groups(sizes, k)
    members = [m for g in grouping.groups for m in g.members]
    assert len(members) == len(set(members))
    assert all(g.interviews >= k for g in grouping.groups)
    left_out = set(grouping.too_small) | set(grouping.cut_by_filter)
    assert set(members) | left_out == {s for s, n in sizes.items() if n}
    assert grouping.interviews + grouping.withheld_interviews == sum(sizes.values())


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(1, 15), min_size=1, max_size=6),
       st.data(), st.integers(2, 6))
def test_a_filtered_report_differs_from_the_full_one_by_zero_or_at_least_k_per_group(full, data, k):
    selected = {s: data.draw(st.integers(0, n)) for s, n in full.items()}
    whole = {g.label: g.interviews for g in fold_groups(full, k).groups}
    for group in fold_groups(selected, k, full_sizes=full).groups:
        assert group.interviews >= k
        dropped = whole[group.label] - group.interviews
        assert dropped == 0 or dropped >= k


# --- cells -------------------------------------------------------------------------------

def test_a_single_small_cell_gets_a_partner_so_the_total_does_not_give_it_away():
    sizes = {"A": 12, "B": 8, "C": 6}
    column = suppress_column({"A": 9, "B": 2, "C": 6}, sizes, 5)
    assert column.total == 17
    assert column.cells == {"A": 9, "B": None, "C": None}
    assert column.reasons == {"B": SMALL, "C": COMPLEMENT}
    assert 17 - 9 != 2 and attack(column, sizes)["B"][1] >= 5  # differencing gets B + C only


def test_two_small_cells_that_hide_each_other_need_no_partner():
    sizes = {"A": 12, "B": 8, "C": 6}
    column = suppress_column({"A": 9, "B": 4, "C": 3}, sizes, 5)
    assert column.cells == {"A": 9, "B": None, "C": None} and set(column.reasons.values()) == {SMALL}


def test_two_ones_are_not_enough_on_their_own():
    sizes = {"A": 12, "B": 8, "C": 6}
    column = suppress_column({"A": 9, "B": 1, "C": 1}, sizes, 5)  # R = 2 would mean 1 + 1
    assert column.reasons == {"B": SMALL, "C": SMALL, "A": COMPLEMENT} and column.total == 11


def test_a_small_total_hides_the_whole_column():
    column = suppress_column({"A": 3, "B": 0}, {"A": 6, "B": 6}, 5)
    assert column.total is None and column.cells == {"A": None, "B": None}
    assert set(column.reasons.values()) == {SMALL_TOTAL} and column.total_reason == SMALL_TOTAL


def test_no_partner_big_enough_means_no_breakdown_only_the_total():
    sizes = {"A": 6, "B": 5}
    column = suppress_column({"A": 4, "B": 1}, sizes, 5)
    assert column.total == 5 and column.cells == {"A": None, "B": None}
    assert column.reasons == {"A": SMALL, "B": SMALL}
    column = suppress_column({"A": 1, "B": 1, "C": 1, "D": 1, "E": 1, "F": 0},
                             {g: 6 for g in "ABCDEF"}, 5)
    assert column.total == 5 and all(v is None for v in column.cells.values())
    assert column.reasons["F"] == NO_BREAKDOWN  # the zero is hidden too, or the 1s would show


def test_zeros_and_large_cells_are_shown():
    column = suppress_column({"A": 0, "B": 7}, {"A": 6, "B": 9}, 5)
    assert column.cells == {"A": 0, "B": 7} and column.total == 7 and not column.reasons


def test_a_group_below_k_must_be_folded_first():
    with pytest.raises(ValueError):
        suppress_column({"A": 1}, {"A": 2}, 5)


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 7), st.data())
def test_differencing_cannot_recover_any_suppressed_number(k, data):
    n_groups = data.draw(st.integers(1, 6))
    sizes = {f"G{i}": data.draw(st.integers(k, 3 * k + 4)) for i in range(n_groups)}
    counts = {g: data.draw(st.one_of(st.integers(0, min(n, k)), st.integers(0, n))) for g, n in sizes.items()}
    column = suppress_column(counts, sizes, k)
    ranges = attack(column, sizes)
    for g, value in counts.items():
        if 0 < value < k:  # every small cell is hidden ...
            assert column.cells[g] is None
            low, high = ranges[g]
            assert high > low + 0.5            # ... cannot be worked out ...
            assert high >= k - 1e-9            # ... nor even shown to be small
        elif column.cells[g] is not None:
            assert column.cells[g] == value    # shown cells are true
    if column.total is not None:
        assert column.total == sum(counts.values())
    else:
        assert 0 < sum(counts.values()) < k


def test_suppress_table_and_the_methods_counts():
    sizes = {"A": 12, "B": 8}
    table = suppress_table({"pay": {"A": 9, "B": 2}, "hours": {"A": 6, "B": 7}, "rare": {"A": 1, "B": 1}},
                           sizes, 5)
    assert table["hours"].cells == {"A": 6, "B": 7}
    assert withheld_cells(list(table.values())) == (3, 1)  # B pay + both rare; A pay as its partner


def test_percentages_and_single_counts_follow_the_counts():
    assert percent(None, 12) == "–" and percent(3, 12) == "25%" and percent(0, 0) == "–"
    assert shown_count(3) is None and shown_count(0) == 0 and shown_count(5) == 5


def test_rules_refuse_nonsense():
    assert Rules() == Rules(5, 10)
    with pytest.raises(ValueError):
        Rules(k=1)
    with pytest.raises(ValueError):
        Rules(k=5, quote_min_interviews=3)


# --- a site report beside the full report --------------------------------------------------

def attack_both(full: Column, part: Column, sizes: dict[str, int]) -> dict[str, tuple[float, float]]:
    """The LP attacker holding the full report and a report on some of its groups."""
    hidden = [g for g, v in full.cells.items() if v is None]
    if not hidden:
        return {}
    shown = {g: v for g, v in full.cells.items() if v is not None}
    any_shown = bool(shown)
    bounds = [(1 if any_shown else 0, sizes[g]) for g in hidden]
    a_eq, b_eq = [], []
    if full.total is not None:
        a_eq.append([1] * len(hidden))
        b_eq.append(full.total - sum(shown.values()))
    if part.total is not None:
        a_eq.append([1 if g in part.cells else 0 for g in hidden])
        b_eq.append(part.total - sum(v for g, v in shown.items() if g in part.cells))
    out = {}
    for i, g in enumerate(hidden):
        c = [0] * len(hidden)
        c[i] = 1
        low = linprog(c, A_eq=a_eq or None, b_eq=b_eq or None, bounds=bounds, method="highs")
        high = linprog([-x for x in c], A_eq=a_eq or None, b_eq=b_eq or None, bounds=bounds, method="highs")
        assert low.status == 0 and high.status == 0
        out[g] = (low.fun, -high.fun)
    return out


def test_a_site_report_cannot_undo_the_full_reports_partner_cell():
    sizes = {"A": 12, "B": 8, "C": 6}
    counts = {"A": 9, "B": 2, "C": 6}
    full = suppress_column(counts, sizes, 5)                  # B small, C its partner
    own = suppress_column({"C": 6}, {"C": 6}, 5)              # on its own, C = 6 is fine...
    assert own.cells == {"C": 6} and own.total == 6           # ...and 17 - 9 - 6 = 2 gives B away
    part = align_with_full(own, full)
    assert part.cells == {"C": None} and part.total is None   # so the site report hides it
    assert attack_both(full, part, sizes)["B"][1] >= 5
    both = align_with_full(suppress_column({"B": 2, "C": 6}, {"B": 8, "C": 6}, 5), full)
    assert both.total == 8 and both.cells == {"B": None, "C": None}  # no new information


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 7), st.data())
def test_a_site_report_beside_the_full_report_recovers_nothing(k, data):
    n_groups = data.draw(st.integers(2, 6))
    sizes = {f"G{i}": data.draw(st.integers(k, 3 * k + 4)) for i in range(n_groups)}
    counts = {g: data.draw(st.one_of(st.integers(0, min(n, k)), st.integers(0, n))) for g, n in sizes.items()}
    chosen = data.draw(st.sets(st.sampled_from(sorted(sizes)), min_size=1))
    full = suppress_column(counts, sizes, k)
    part = align_with_full(suppress_column({g: counts[g] for g in chosen}, {g: sizes[g] for g in chosen}, k),
                           full)
    ranges = attack_both(full, part, sizes)
    for g, value in counts.items():
        if 0 < value < k:
            assert full.cells[g] is None and (g not in part.cells or part.cells[g] is None)
            low, high = ranges[g]
            assert high > low + 0.5 and high >= k - 1e-9
