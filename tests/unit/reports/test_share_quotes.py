"""Which quotes a shared report carries: common themes only, one per interview, coarse
attribution, flagged ones only when approved."""

from __future__ import annotations

from dataclasses import dataclass

from core.reports.disclosure import Rules, fold_groups
from core.reports.quote_screen import JOB_TITLE, legacy_quote_key, quote_key
from core.reports.share_quotes import (
    APPROVED,
    INTERVIEW_USED,
    NOT_APPROVED,
    NOT_APPROVED_FOR_BRIEF,
    REJECTED,
    REJECTED_BY_COORDINATOR,
    SITE_NOT_SHOWN,
    THEME_TOO_RARE,
    select_quotes,
)


@dataclass(frozen=True)
class Q:
    theme_id: str
    text: str
    packet_id: str
    site: str
    question_text: str = "How is your pay?"
    device: str = ""


GROUPING = fold_groups({"BIG": 12, "MID": 6, "C": 3, "D": 2, "TINY": 0}, 5)  # C + D fold
RULES = Rules(k=5, quote_min_interviews=10)


def test_only_common_themes_get_quotes_and_no_participant_code_or_small_site():
    candidates = {
        "pay": [Q("pay", "The pay has not gone up in three years.", "p1", "BIG"),
                Q("pay", "They shorted my check twice last month.", "p2", "MID"),
                Q("pay", "I had to fight to get my check back.", "p3", "C")],
        "rare": [Q("rare", "Nobody ever trained me on the new machine.", "p4", "BIG")],
    }
    sel = select_quotes(candidates, {"pay": 15, "rare": 9}, GROUPING, RULES)
    assert [q.text for q in sel.quotes["pay"]] == [c.text for c in candidates["pay"]]
    assert [q.attribution for q in sel.quotes["pay"]] == [
        "a participant at BIG", "a participant at MID", "a participant"]  # C is in "Other sites"
    assert "rare" not in sel.quotes and sel.withheld[THEME_TOO_RARE] == 1


def test_quotes_from_sites_left_out_do_not_appear():
    grouping = fold_groups({"BIG": 12, "SMALL": 2}, 5)
    sel = select_quotes({"pay": [Q("pay", "We wait weeks for the money we are owed.", "s1", "SMALL")]},
                        {"pay": 12}, grouping, RULES)
    assert sel.shown == 0 and sel.withheld[SITE_NOT_SHOWN] == 1


def test_at_most_one_quote_per_interview_in_the_whole_report():
    candidates = {"pay": [Q("pay", "The pay is too low for this work.", "p1", "BIG")],
                  "hours": [Q("hours", "We get the schedule too late to plan anything.", "p1", "BIG"),
                            Q("hours", "They send people home early when it is slow.", "p2", "BIG")]}
    sel = select_quotes(candidates, {"pay": 14, "hours": 11}, GROUPING, RULES)
    assert [q.text for q in sel.quotes["pay"]] == ["The pay is too low for this work."]
    assert [q.text for q in sel.quotes["hours"]] == ["They send people home early when it is slow."]
    assert sel.withheld[INTERVIEW_USED] == 1


def test_a_flagged_quote_waits_for_approval_and_a_rejected_one_never_appears():
    flagged = Q("pay", "As the forklift mechanic I get paid less than the drivers.", "p9", "BIG")
    sel = select_quotes({"pay": [flagged]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1})
    assert sel.shown == 0 and sel.withheld[NOT_APPROVED] == 1
    [item] = sel.review
    assert item.decision is None and JOB_TITLE in {f.kind for f in item.flags}
    assert item.key == quote_key("p9", flagged.text, "")

    approved = select_quotes({"pay": [flagged]}, {"pay": 12}, GROUPING, RULES, decisions={item.key: APPROVED})
    assert [q.approved for q in approved.quotes["pay"]] == [True] and approved.review[0].decision == APPROVED
    rejected = select_quotes({"pay": [flagged]}, {"pay": 12}, GROUPING, RULES, decisions={item.key: REJECTED})
    assert rejected.shown == 0 and rejected.withheld[REJECTED_BY_COORDINATOR] == 1


def test_the_brief_carries_approved_quotes_only_and_every_candidate_is_reviewable():
    plain = Q("pay", "The pay is too low for the work we do.", "p1", "BIG")
    other = Q("pay", "They take months to fix a wrong paycheck.", "p2", "MID")
    sel = select_quotes({"pay": [plain, other]}, {"pay": 12}, GROUPING, RULES)
    assert sel.shown == 2 and [r.flags for r in sel.review] == [(), ()]
    key = sel.review[1].key
    brief = select_quotes({"pay": [plain, other]}, {"pay": 12}, GROUPING, RULES,
                          decisions={key: APPROVED}, approved_only=True)
    assert [q.text for q in brief.quotes["pay"]] == [other.text]
    assert brief.withheld[NOT_APPROVED_FOR_BRIEF] == 1


def test_the_per_theme_limit_is_not_counted_as_withheld():
    pool = [Q("pay", f"The pay is low and it has been low for a long time ({i}).", f"p{i}", "BIG")
            for i in range(5)]
    sel = select_quotes({"pay": pool}, {"pay": 12}, GROUPING, RULES, per_theme=2)
    assert len(sel.quotes["pay"]) == 2 and sum(sel.withheld.values()) == 0


FLAGGED = "As the forklift mechanic I get paid less than the drivers."


def test_two_devices_with_the_same_packet_id_never_share_an_approval():
    a = Q("pay", FLAGGED, "p1", "BIG", device="dev-a")
    b = Q("pay", FLAGGED, "p1", "MID", device="dev-b")
    sel = select_quotes({"pay": [a, b]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1})
    keys = [item.key for item in sel.review]
    assert len(keys) == 2 and keys[0] != keys[1]  # two quotes to review, not one
    assert keys == [quote_key("p1", FLAGGED, "dev-a"), quote_key("p1", FLAGGED, "dev-b")]
    approved = select_quotes({"pay": [a, b]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1},
                             decisions={keys[0]: APPROVED})
    assert [q.attribution for q in approved.quotes["pay"]] == ["a participant at BIG"]  # device a's only
    assert approved.withheld[NOT_APPROVED] == 1
    assert {i.key: i.decision for i in approved.review} == {keys[0]: APPROVED, keys[1]: None}
    # two interviews, not one: both are quoted once both are approved
    both = select_quotes({"pay": [a, b]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1},
                         decisions=dict.fromkeys(keys, APPROVED))
    assert both.shown == 2 and both.withheld[INTERVIEW_USED] == 0


def test_decisions_saved_before_the_device_was_in_the_key_carry_over_safely():
    a = Q("pay", FLAGGED, "p1", "BIG", device="dev-a")
    b = Q("pay", FLAGGED, "p1", "MID", device="dev-b")
    c = Q("pay", "As the forklift mechanic I work nights alone every week.", "p2", "BIG", device="dev-a")
    old = {legacy_quote_key("p1", FLAGGED): APPROVED, legacy_quote_key("p2", c.text): APPROVED}
    sel = select_quotes({"pay": [a, b, c]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1}, decisions=old)
    decided = {i.key: i.decision for i in sel.review}
    assert decided[quote_key("p2", c.text, "dev-a")] == APPROVED          # one device: carried over
    assert decided[quote_key("p1", FLAGGED, "dev-a")] is None             # shared: back to review
    assert decided[quote_key("p1", FLAGGED, "dev-b")] is None
    assert [q.text for q in sel.quotes["pay"]] == [c.text]
    rejected = select_quotes({"pay": [a, b]}, {"pay": 12}, GROUPING, RULES, titles={"mechanic": 1},
                             decisions={legacy_quote_key("p1", FLAGGED): REJECTED})
    assert rejected.shown == 0 and rejected.withheld[REJECTED_BY_COORDINATOR] == 2  # a rejection holds for both
