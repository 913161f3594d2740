"""Cross-site aggregation: per theme, site and guide question counts, co-occurrence, quotes.

Works on typed interview documents (``core.documents.InterviewDoc``, validated at import). ``aggregate(vault, ...)``
reads only the *current* imported interviews — a packet that was superseded, or arrived
twice, is counted once — and applies the filters. The unit of counting:

- an *interview* is one current packet;
- an *answer* is one interview's talk under one guide question (its segments sharing a
  ``question_id``; talk tied to no question forms one answer of its own);
- a *passage* is one accepted tag (a theme on a segment, optionally a character span).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from core.coordinator.quotes import Candidate, pick_quotes
from core.documents.interview import InterviewDoc
from core.reports.model import NO_QUESTION, Aggregate, QuestionStat, SiteStat, ThemeStat
from core.vault.db import Vault

log = logging.getLogger(__name__)

SiteFilter = str | Sequence[str] | None


def aggregate(vault: Vault, *, site: SiteFilter = None, guide_version: str | None = None,
              date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
              quotes_per_theme: int = 5, study: str | None = None) -> Aggregate:
    """Aggregate the vault's current imported interviews, filtered (``study``: one study's)."""
    from core.vault.inbox import InboxRepo  # the repo is the only SQL

    started = time.perf_counter()
    left_out: list[str] = []
    interviews = InboxRepo(vault).current_interviews(left_out=left_out)
    if study:
        from core.study.coordinator_side import in_study
        interviews = in_study(interviews, study)
    agg = aggregate_interviews(interviews, site=site, guide_version=guide_version,
                               date_from=date_from, date_to=date_to,
                               quotes_per_theme=quotes_per_theme)
    # Refuse nothing silently: a stored interview that no longer validates is named.
    agg.warnings[:0] = [f"Packet {pid} was left out: its stored interview data does not follow the "
                        f"packet format. Remove it with `confidant coordinator remove {pid[:12]}` and "
                        "ask the researcher to export the interview again." for pid in left_out]
    log.info("aggregated %d of %d interviews in %.2fs", agg.n_interviews, len(interviews),
             time.perf_counter() - started)
    return agg


def _now() -> str:
    """The report's generation time (one clock for every file made from one aggregate)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _month(value: str | dt.date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value)[:7]


def _sites(site: SiteFilter) -> set[str] | None:
    if site is None:
        return None
    if isinstance(site, str):
        return {site}
    return set(site) or None


def matches(interview: InterviewDoc, *, site: SiteFilter = None, guide_version: str | None = None,
            date_from: str | dt.date | None = None, date_to: str | dt.date | None = None) -> bool:
    """Whether an interview passes the filters (dates compare by month: interviews carry one)."""
    meta = interview.interview
    sites = _sites(site)
    if sites is not None and meta.site not in sites:
        return False
    if guide_version and guide_version not in (interview.guide.version, interview.guide.full_version):
        return False
    month = meta.month
    low, high = _month(date_from), _month(date_to)
    return not (low and month < low) and not (high and month > high)


def _sort_key(interview: InterviewDoc) -> tuple[str, str, str, str]:
    meta = interview.interview
    return (meta.site, meta.month, meta.code, interview.packet_id)


def aggregate_interviews(interviews: Iterable[InterviewDoc], *, site: SiteFilter = None,
                         guide_version: str | None = None, date_from: str | dt.date | None = None,
                         date_to: str | dt.date | None = None,
                         quotes_per_theme: int = 5) -> Aggregate:
    """Aggregate interview documents (duplicates by device and packet id are counted once)."""
    # Packet ids are per device (spec §8): another device reusing an id is another interview.
    seen: dict[tuple[str, str], InterviewDoc] = {}
    for item in interviews:
        seen.setdefault(item.key, item)
    chosen = sorted((i for i in seen.values()
                     if matches(i, site=site, guide_version=guide_version,
                                date_from=date_from, date_to=date_to)), key=_sort_key)

    themes: dict[str, ThemeStat] = {}
    theme_order: dict[str, int] = {}
    questions: dict[str, QuestionStat] = {}
    question_order: dict[str, tuple[int, int]] = {}
    sites: dict[str, SiteStat] = {}
    theme_interviews: dict[str, set[str]] = defaultdict(set)
    theme_site_interviews: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    answer_themes: dict[tuple[str, str], set[str]] = defaultdict(set)
    guide_versions: Counter[str] = Counter()
    redactions: Counter[str] = Counter()
    months: list[str] = []
    candidates: dict[str, list[Candidate]] = defaultdict(list)
    total_answers = 0

    for n, iv in enumerate(chosen):
        # One key per interview: packet ids are unique per device only (spec §8).
        pid = f"{iv.packet_id}@{iv.device_fingerprint}"
        meta = iv.interview
        site_name = meta.site
        if meta.month:
            months.append(meta.month)
        guide_versions[iv.guide.full_version] += 1
        for kind, count in iv.deid.redactions:
            redactions[kind] += count
        # Later interviews (sorted order) win for labels and question wording.
        for pos, theme in enumerate(iv.codebook):
            tid = theme.id
            stat = themes.get(tid) or ThemeStat(tid, theme.display_label)
            stat.label = theme.display_label
            stat.description = theme.description
            stat.parent = theme.parent
            themes[tid] = stat
            theme_order.setdefault(tid, pos)
        for pos, q in enumerate(iv.questions):
            stat_q = questions.get(q.id) or QuestionStat(q.id, q.text)
            stat_q.text = q.text or stat_q.text
            stat_q.section = q.section
            questions[q.id] = stat_q
            question_order.setdefault(q.id, (pos, n))

        segments = iv.segments_by_index()
        answers: dict[str, int] = Counter(s.question_id or NO_QUESTION for s in segments.values())
        site_stat = sites.setdefault(site_name, SiteStat(site_name))
        site_stat.interviews += 1
        site_stat.answers += len(answers)
        total_answers += len(answers)
        for qid, n_segments in answers.items():
            if qid == NO_QUESTION:
                continue
            stat_q = questions.setdefault(qid, QuestionStat(qid, qid))
            question_order.setdefault(qid, (10_000, n))
            stat_q.interviews += 1
            stat_q.answers += 1
            stat_q.segments += n_segments

        for tag in iv.tags:
            seg = segments.get(tag.segment)
            if seg is None:  # cannot happen for a validated document; never crash on it
                continue
            tid = tag.theme
            if tid not in themes:
                themes[tid] = ThemeStat(tid, tid)
                theme_order.setdefault(tid, 10_000)
            qid = seg.question_id or NO_QUESTION
            themes[tid].passages += 1
            theme_interviews[tid].add(pid)
            theme_site_interviews[tid][site_name].add(pid)
            answer_themes[(pid, qid)].add(tid)
            candidates[tid].append((iv, seg, tag))

    for (pid, qid), tids in answer_themes.items():
        for tid in tids:
            stat = themes[tid]
            stat.answers += 1
            stat.answers_by_question[qid] = stat.answers_by_question.get(qid, 0) + 1
            if qid in questions:
                q_stat = questions[qid]
                q_stat.themes[tid] = q_stat.themes.get(tid, 0) + 1
    for tid, pids in theme_interviews.items():
        themes[tid].interviews = len(pids)
        themes[tid].interviews_by_site = {s: len(p) for s, p in sorted(theme_site_interviews[tid].items())}
    for tid, stat in themes.items():
        stat.quotes = pick_quotes(tid, candidates.get(tid, []), limit=quotes_per_theme)

    ordered_themes = sorted(themes.values(), key=lambda t: (theme_order.get(t.theme_id, 10_000), t.theme_id))
    used = sorted((t for t in ordered_themes if t.passages), key=lambda t: (-t.interviews, -t.answers, t.theme_id))
    theme_ids = [t.theme_id for t in used]
    index = {tid: i for i, tid in enumerate(theme_ids)}
    matrix = [[0] * len(theme_ids) for _ in theme_ids]
    for tids in answer_themes.values():
        ids = sorted(index[t] for t in tids)
        for a in ids:
            for b in ids:
                matrix[a][b] += 1

    warnings = _possible_duplicates(chosen)
    return Aggregate(
        filters={"site": ",".join(sorted(_sites(site) or [])) or None, "guide_version": guide_version,
                 "date_from": _month(date_from), "date_to": _month(date_to)},
        generated_at=_now(),
        interviews=chosen,
        themes=ordered_themes,
        sites=sorted(sites.values(), key=lambda s: s.site),
        questions=sorted(questions.values(), key=lambda q: (question_order.get(q.question_id, (10_000, 0)), q.question_id)),
        theme_ids=theme_ids,
        cooccurrence=matrix,
        guide_versions=dict(sorted(guide_versions.items())),
        months=(min(months), max(months)) if months else None,
        redactions=dict(sorted(redactions.items())),
        total_answers=total_answers,
        warnings=warnings,
    )


def _possible_duplicates(interviews: list[InterviewDoc]) -> list[str]:
    """Different packets with the same site, participant code and guide: probably one
    interview exported twice without naming the first as superseded. They are counted (we
    cannot be sure), and the coordinator is told."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for iv in interviews:
        key = (iv.interview.site, iv.interview.code, iv.guide.id)
        groups[key].append(iv.packet_id)
    return [f"Site {site}, participant {code}: {len(ids)} separate packets ({', '.join(ids)}); "
            "if they are one interview, ask the researcher to re-send it as a correction."
            for (site, code, _guide), ids in sorted(groups.items()) if len(ids) > 1]
