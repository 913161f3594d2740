"""The share view as a whole, on random studies: whatever the sites' sizes and the filter,
nothing it shows describes fewer than k interviews, no total includes a withheld site, and no
hidden site-level figure can be worked out from the totals (the LP attacker of
tests/unit/reports/test_disclosure.py)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.coordinator.aggregate import aggregate_interviews
from core.coordinator.share import build_share_view
from core.reports.disclosure import Column, Rules
from tests.helpers.coordinator_data import make_interview, typed
from tests.unit.reports.test_disclosure import attack, attack_both

SITES = ("S1", "S2", "S3", "S4", "S5")


@st.composite
def studies(draw):
    sizes = draw(st.lists(st.integers(0, 9), min_size=len(SITES), max_size=len(SITES)))
    interviews = []
    for site, n in zip(SITES, sizes, strict=True):
        for i in range(n):
            seed = draw(st.integers(0, 10_000))
            interviews.append(make_interview(packet_id=f"{site}-{i}".ljust(32, "0"), code=f"P-{site}{i}",
                                             site=site, month=f"2025-0{1 + i % 3}", seed=seed))
    site_filter = draw(st.one_of(st.none(), st.sampled_from(SITES)))
    month_to = draw(st.one_of(st.none(), st.sampled_from(["2025-01", "2025-02"])))
    return typed(interviews), site_filter, month_to


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studies(), st.integers(3, 6))
def test_nothing_shown_describes_fewer_than_k_and_hidden_cells_stay_hidden(study, k):
    interviews, site, month_to = study
    rules = Rules(k, max(k, 6))
    view = build_share_view(interviews, rules=rules, site=site, date_to=month_to)
    truth = aggregate_interviews(interviews, site=site, date_to=month_to)
    true_sizes = Counter(iv.interview.site for iv in truth.interviews)

    counted_sites = {m for g in view.grouping.groups for m in g.members}
    assert all(g.interviews >= k for g in view.grouping.groups)
    assert view.n_interviews == sum(true_sizes[s] for s in counted_sites)  # no withheld site in a total
    sizes = dict(view.groups)
    for t in view.themes:
        true_total = sum(truth.theme(t.theme_id).interviews_by_site.get(s, 0) for s in counted_sites)
        assert t.interviews in (None, true_total)
        assert t.interviews is None or t.interviews == 0 or t.interviews >= k
        column = Column(t.by_group, t.interviews)
        for label, value in t.by_group.items():
            true_value = sum(truth.theme(t.theme_id).interviews_by_site.get(m, 0)
                             for g in view.grouping.groups if g.label == label for m in g.members)
            assert value is None or value == true_value
            if 0 < true_value < k and t.interviews is not None:
                assert value is None and attack(column, sizes)[label][1] >= k
    for quotes in view.quotes.quotes.values():
        for q in quotes:
            assert "P-" not in q.attribution
            assert q.attribution == "a participant" or q.attribution.removeprefix("a participant at ") in sizes
    packet_sites = {iv.packet_id: iv.interview.site for iv in interviews}
    quoted = [r.packet_id for r in view.quotes.review]
    assert all(packet_sites[pid] in counted_sites for pid in quoted)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studies(), st.integers(3, 6))
def test_a_site_report_beside_the_full_one_recovers_no_hidden_figure(study, k):
    interviews, site, _month_to = study
    if site is None:
        site = SITES[0]
    rules = Rules(k, max(k, 6))
    full = build_share_view(interviews, rules=rules)
    part = build_share_view(interviews, rules=rules, site=site)
    truth = aggregate_interviews(interviews)
    sizes = dict(full.groups)
    full_themes = {t.theme_id: t for t in full.themes}
    for t in part.themes:
        f = full_themes[t.theme_id]
        ranges = attack_both(Column(f.by_group, f.interviews), Column(t.by_group, t.interviews), sizes)
        for grp in full.grouping.groups:
            value = sum(truth.theme(t.theme_id).interviews_by_site.get(m, 0) for m in grp.members)
            if 0 < value < k and f.interviews is not None:
                assert f.by_group[grp.label] is None and t.by_group.get(grp.label) is None
                assert ranges[grp.label][1] >= k - 1e-9
