"""Which quotes a shared report may carry, and how they are attributed (decision 0116).

- only themes raised in at least ``Rules.quote_min_interviews`` of the report's interviews;
- at most one quote per interview in the whole report (several quotes from one person,
  side by side, add up to a portrait);
- only interviews counted in the report (their site is shown, or in "Other sites");
- never the participant code: "a participant", or "a participant at SITE" when that site is
  shown on its own (it has at least k interviews);
- a quote the screen flags (``quote_screen``) appears only once the coordinator approved it;
  a rejected quote never does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from core.reports.disclosure import Grouping, Rules
from core.reports.quote_screen import Flag, legacy_quote_key, quote_key, screen

APPROVED = "approved"
REJECTED = "rejected"

# Why candidate quotes were left out (counted on the methods page).
THEME_TOO_RARE = "theme raised in too few interviews"
SITE_NOT_SHOWN = "interview's site not shown"
INTERVIEW_USED = "interview already quoted"
NOT_APPROVED = "flagged and not approved"
NOT_APPROVED_FOR_BRIEF = "not approved for the brief"
REJECTED_BY_COORDINATOR = "rejected by the coordinator"


class QuoteLike(Protocol):
    @property
    def theme_id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def packet_id(self) -> str: ...
    @property
    def site(self) -> str: ...
    @property
    def question_text(self) -> str: ...


@dataclass(frozen=True)
class SharedQuote:
    theme_id: str
    text: str
    attribution: str       # "a participant" or "a participant at SITE-A"
    question_text: str
    key: str
    approved: bool = False  # it was flagged and the coordinator approved it


@dataclass(frozen=True)
class ReviewItem:
    """A candidate quote a shared report could carry, for the coordinator to approve or reject
    (flagged ones must be approved to appear; the brief carries approved ones only)."""

    key: str
    theme_id: str
    text: str
    site: str
    packet_id: str
    flags: tuple[Flag, ...]
    decision: str | None  # None: not decided yet


@dataclass(frozen=True)
class QuoteSelection:
    quotes: dict[str, list[SharedQuote]]  # theme id -> quotes, best first
    withheld: Counter[str]                # reason -> candidate quotes left out
    review: list[ReviewItem]              # every candidate the rules allow, flagged or not

    @property
    def shown(self) -> int:
        return sum(len(q) for q in self.quotes.values())


def attribution(site: str, grouping: Grouping) -> str:
    group = grouping.group_of(site)
    if group is not None and not group.is_folded and group.interviews >= grouping.k:
        return f"a participant at {site}"
    return "a participant"


def _carried_decisions(candidates: Mapping[str, Sequence[QuoteLike]],
                       decisions: Mapping[str, str]) -> dict[str, str]:
    """Decisions saved under the key without the device (before issue 22), carried to the
    keys that name it: a rejection to every quote it matched; an approval only where it matched
    one device's quote — two devices sharing a packet id and wording go back to review, since
    nobody approved the second one."""
    matched: dict[str, set[str]] = {}
    for pool in candidates.values():
        for cand in pool:
            device = getattr(cand, "device", "")
            old = legacy_quote_key(cand.packet_id, cand.text)
            if old in decisions:
                matched.setdefault(old, set()).add(quote_key(cand.packet_id, cand.text, device))
    out: dict[str, str] = {}
    for old, keys in matched.items():
        if decisions[old] == REJECTED or len(keys) == 1:
            out.update(dict.fromkeys(keys, decisions[old]))
    return out


def select_quotes(candidates: Mapping[str, Sequence[QuoteLike]], theme_interviews: Mapping[str, int],
                  grouping: Grouping, rules: Rules, *, titles: Mapping[str, int] | None = None,
                  decisions: Mapping[str, str] | None = None, per_theme: int = 3,
                  theme_order: Iterable[str] | None = None, approved_only: bool = False) -> QuoteSelection:
    """Share quotes per theme from ranked candidates (best first, one per interview per theme).

    ``approved_only`` (the findings brief): only quotes the coordinator approved, flagged or not.

    Themes are served most-frequent first (``theme_order`` overrides) so that, with one quote
    per interview in the whole report, the common themes get their quotes.
    """
    decisions = decisions or {}
    carried = _carried_decisions(candidates, decisions)
    order = list(theme_order) if theme_order is not None else sorted(
        candidates, key=lambda t: (-theme_interviews.get(t, 0), t))
    used: set[tuple[str, str]] = set()
    withheld: Counter[str] = Counter()
    review: dict[str, ReviewItem] = {}
    chosen: dict[str, list[SharedQuote]] = {}
    for theme_id in order:
        pool = candidates.get(theme_id, [])
        if theme_interviews.get(theme_id, 0) < rules.quote_min_interviews:
            withheld[THEME_TOO_RARE] += len(pool)
            continue
        picked: list[SharedQuote] = []
        for cand in pool:
            if grouping.group_of(cand.site) is None:
                withheld[SITE_NOT_SHOWN] += 1
                continue
            device = getattr(cand, "device", "")
            key = quote_key(cand.packet_id, cand.text, device)
            flags = tuple(screen(cand.text, titles=titles, k=rules.k))
            decision = decisions.get(key) or carried.get(key)
            if key not in review:
                review[key] = ReviewItem(key, theme_id, cand.text, cand.site, cand.packet_id, flags, decision)
            if decision == REJECTED:
                withheld[REJECTED_BY_COORDINATOR] += 1
                continue
            if flags and decision != APPROVED:
                withheld[NOT_APPROVED] += 1
                continue
            if approved_only and decision != APPROVED:
                withheld[NOT_APPROVED_FOR_BRIEF] += 1
                continue
            if len(picked) >= per_theme:
                continue  # enough for this theme: not withheld, just not needed
            if (device, cand.packet_id) in used:
                withheld[INTERVIEW_USED] += 1
                continue
            used.add((device, cand.packet_id))
            picked.append(SharedQuote(theme_id, cand.text, attribution(cand.site, grouping),
                                      cand.question_text, key, approved=bool(flags)))
        if picked:
            chosen[theme_id] = picked
    return QuoteSelection(chosen, withheld, list(review.values()))
