"""Build what a ``share`` report may show, from the inbox (decisions 0115-0117).

The order matters: interviews are selected by the filters, grouped against the *whole*
inbox's sites (``fold_groups``), and only the interviews of shown groups are aggregated, so
no total includes a withheld site. Then every group table is suppressed column by column,
themes and pairs below k lose their numbers, and quotes go through the share rules.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable

from core.coordinator.aggregate import SiteFilter, aggregate_interviews, current_stream, matches
from core.documents.interview import InterviewDoc
from core.reports.disclosure import (
    Rules,
    fold_groups,
    percent,
    shown_count,
    suppress_table,
    withheld_cells,
)
from core.reports.model import NO_QUESTION, InterviewStream, ordered_unique
from core.reports.quote_screen import title_counts
from core.reports.share_quotes import select_quotes
from core.reports.share_view import QuestionView, ShareView, ThemeView
from core.vault.db import Vault

log = logging.getLogger(__name__)

CANDIDATES_PER_THEME = 40  # ranked candidates per theme, before the share rules thin them out


def _site(iv: InterviewDoc) -> str:
    return iv.interview.site


def _answer_themes(iv: InterviewDoc) -> tuple[set[str], dict[str, set[str]], list[str]]:
    """(questions answered, question -> themes coded there, segment texts) of one interview."""
    answered: set[str] = set()
    qid_of: dict[int, str] = {}
    texts: list[str] = []
    for seg in iv.segments:
        qid = seg.question_id or NO_QUESTION
        qid_of[seg.index] = qid
        answered.add(qid)
        texts.append(seg.text)
    themes: dict[str, set[str]] = defaultdict(set)
    for tag in iv.tags:
        tagged = qid_of.get(tag.segment)
        if tagged is not None:
            themes[tagged].add(tag.theme)
    answered.discard(NO_QUESTION)
    return answered, themes, texts


def site_names(interviews: Iterable[InterviewDoc]) -> list[str]:
    """The distinct sites of some interviews, sorted (for site pickers)."""
    return sorted({_site(iv) for iv in interviews})


def build_share_view(interviews: Iterable[InterviewDoc], *, rules: Rules, decisions: dict[str, str] | None = None,
                     site: SiteFilter = None, guide_version: str | None = None,
                     date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
                     per_theme: int = 3, approved_only: bool = False) -> ShareView:
    """The share view of the current interviews (duplicates by device and packet id counted once).

    ``interviews`` is a list or an ``InterviewStream``: a stream is read in two passes (sizes;
    the aggregate, which also counts answers and job titles; a filtered report also reads the
    whole inbox's pairs), each one interview at a time, so the memory it needs does not grow
    with the inbox.
    """
    source = ordered_unique(interviews)

    def selected(iv: InterviewDoc) -> bool:
        return matches(iv, site=site, guide_version=guide_version, date_from=date_from, date_to=date_to)

    full_sizes: Counter[str] = Counter()
    selected_sizes: Counter[str] = Counter()
    for iv in source:
        full_sizes[_site(iv)] += 1
        if selected(iv):
            selected_sizes[_site(iv)] += 1
    grouping = fold_groups(selected_sizes, rules.k, full_sizes=full_sizes)
    group_of = {m: g.label for g in grouping.groups for m in g.members}

    def counted_here(iv: InterviewDoc) -> bool:
        return _site(iv) in group_of and selected(iv)

    counted: Iterable[InterviewDoc] = (source.filtered(counted_here) if isinstance(source, InterviewStream)
                                       else [iv for iv in source if counted_here(iv)])
    question_counts: dict[str, Counter[str]] = defaultdict(Counter)
    pair_support: Counter[tuple[str, str]] = Counter()
    full_pair_support: Counter[tuple[str, str]] = Counter()  # filtered reports only
    titles: Counter[str] = Counter()  # interviews naming each job title (quote screening)

    def count_answers(iv: InterviewDoc) -> None:  # in the aggregate's own pass
        answered, themes_by_q, texts = _answer_themes(iv)
        titles.update(title_counts([texts]))
        for qid in answered:
            question_counts[qid][group_of[_site(iv)]] += 1
        pair_support.update({(a, b) for tids in themes_by_q.values() for a in tids for b in tids if a < b})

    agg = aggregate_interviews(counted, quotes_per_theme=CANDIDATES_PER_THEME, each=count_answers)
    filters = aggregate_interviews([], site=site, guide_version=guide_version,
                                   date_from=date_from, date_to=date_to).filters
    k = rules.k
    sizes = {g.label: g.interviews for g in grouping.groups}

    theme_cols = {t.theme_id: {grp.label: sum(t.interviews_by_site.get(m, 0) for m in grp.members)
                               for grp in grouping.groups}
                  for t in agg.themes if t.interviews}
    theme_table = suppress_table(theme_cols, sizes, k)
    question_cols = {q.question_id: {g: question_counts[q.question_id].get(g, 0) for g in sizes}
                     for q in agg.questions if q.interviews}
    question_table = suppress_table(question_cols, sizes, k)
    if site is not None and not (guide_version or date_from or date_to):
        # A site report keeps whole groups, so its cells are the full report's: make it
        # consistent with that report, or the two together would undo the suppression.
        from core.reports.disclosure import Column, align_with_full
        full = build_share_view(source, rules=rules)
        full_themes = {t.theme_id: Column(t.by_group, t.interviews) for t in full.themes}
        full_questions = {q.question_id: Column(q.by_group, q.interviews) for q in full.questions}
        theme_table = {tid: align_with_full(col, full_themes[tid]) for tid, col in theme_table.items()}
        question_table = {qid: align_with_full(col, full_questions[qid]) for qid, col in question_table.items()}
    if site is not None or guide_version or date_from or date_to:
        # Pairs: the full report minus this one must not describe fewer than k interviews.
        whole = fold_groups(full_sizes, k)
        in_whole = {m for g in whole.groups for m in g.members}
        for iv in source:
            if _site(iv) in in_whole:
                _answered, themes_by_q, _texts = _answer_themes(iv)
                full_pair_support.update({(a, b) for tids in themes_by_q.values() for a in tids
                                          for b in tids if a < b})

    n = agg.n_interviews
    qtext = {q.question_id: q.text for q in agg.questions}
    candidates = {t.theme_id: t.quotes for t in agg.themes if t.quotes}
    selection = select_quotes(candidates, {t.theme_id: t.interviews for t in agg.themes}, grouping, rules,
                              titles=dict(titles), decisions=decisions,
                              per_theme=per_theme, approved_only=approved_only)
    themes: list[ThemeView] = []
    for t in sorted((t for t in agg.themes if t.interviews), key=lambda t: (-t.interviews, t.label)):
        col = theme_table[t.theme_id]
        total = col.total
        top = [qtext.get(q, q) for q, c in sorted(t.answers_by_question.items(), key=lambda kv: (-kv[1], kv[0]))
               if q != NO_QUESTION and c >= k][:3]
        themes.append(ThemeView(t.theme_id, t.label, t.description, total, percent(total, n),
                                t.answers if total else None, t.passages if total else None,
                                dict(col.cells), top if total else [], selection.quotes.get(t.theme_id, [])))
    questions = [QuestionView(q.question_id, q.text, q.section, question_table[q.question_id].total,
                              dict(question_table[q.question_id].cells))
                 for q in agg.questions if q.interviews]
    ids = list(agg.theme_ids)
    shown_theme = {t.theme_id: t.interviews is not None for t in themes}

    def pair_shown(a: str, b: str) -> bool:
        key = (min(a, b), max(a, b))
        outside = full_pair_support[key] - pair_support[key] if full_pair_support else 0
        return pair_support[key] >= k and (outside == 0 or outside >= k)

    pairs_view: list[list[int | None]] = [
        [(agg.cooccurrence[i][j] if shown_theme.get(a) else None) if i == j else
         (agg.cooccurrence[i][j] if agg.cooccurrence[i][j] == 0 or pair_shown(a, b) else None)
         for j, b in enumerate(ids)] for i, a in enumerate(ids)]
    small, protecting = withheld_cells(list(theme_table.values()) + list(question_table.values()))
    view = ShareView(
        rules=rules, grouping=grouping, generated_at=agg.generated_at, filters=filters,
        months=agg.months, guide_versions={v: shown_count(c, k) for v, c in agg.guide_versions.items()},
        redactions=dict(agg.redactions) if n >= k else {}, themes=themes, questions=questions,
        pair_ids=ids, pairs=pairs_view, quotes=selection, cells_small=small, cells_protecting=protecting,
        themes_withheld=sum(1 for t in themes if t.interviews is None))
    log.info("share view: %d interviews in %d groups, %d withheld; %d cells and %d quotes withheld",
             view.n_interviews, len(grouping.groups), grouping.withheld_interviews, small + protecting,
             sum(selection.withheld.values()))
    return view


def share_view(vault: Vault, *, site: SiteFilter = None, guide_version: str | None = None,
               date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
               approved_only: bool = False, study: str | None = None,
               left_out: list[str] | None = None) -> ShareView:
    """The share view of the vault's current inbox under the vault's own rules and decisions
    (``approved_only``: quotes the coordinator approved, for the findings brief), read page by
    page. ``left_out`` receives the packet ids of stored interviews that no longer validate.

    A study is a selection like a filter: the same rules apply to what it selects.
    """
    from core.coordinator.share_settings import quote_decisions, rules
    interviews = current_stream(vault, study=study, left_out=left_out)
    return build_share_view(interviews, rules=rules(vault), decisions=quote_decisions(vault), site=site,
                            guide_version=guide_version, date_from=date_from, date_to=date_to,
                            approved_only=approved_only)
