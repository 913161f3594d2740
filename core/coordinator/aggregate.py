"""Cross-site aggregation: per theme, site and guide question counts, co-occurrence, quotes.

Works on interview.json dicts (format ``confidant-interview/1``). ``aggregate(vault, ...)``
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
from typing import Any

from core.coordinator.quotes import pick_quotes
from core.reports.model import NO_QUESTION, Aggregate, QuestionStat, SiteStat, ThemeStat
from core.vault.db import Vault

log = logging.getLogger(__name__)

SiteFilter = str | Sequence[str] | None


def aggregate(vault: Vault, *, site: SiteFilter = None, guide_version: str | None = None,
              date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
              quotes_per_theme: int = 5) -> Aggregate:
    """Aggregate the vault's current imported interviews, filtered."""
    from core.vault.inbox import InboxRepo  # the repo is the only SQL

    started = time.perf_counter()
    interviews = InboxRepo(vault).current_interviews()
    agg = aggregate_interviews(interviews, site=site, guide_version=guide_version,
                               date_from=date_from, date_to=date_to,
                               quotes_per_theme=quotes_per_theme)
    log.info("aggregated %d of %d interviews in %.2fs", agg.n_interviews, len(interviews),
             time.perf_counter() - started)
    return agg


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


def matches(interview: dict[str, Any], *, site: SiteFilter = None, guide_version: str | None = None,
            date_from: str | dt.date | None = None, date_to: str | dt.date | None = None) -> bool:
    """Whether an interview passes the filters (dates compare by month: interviews carry one)."""
    meta = interview.get("interview", {})
    sites = _sites(site)
    if sites is not None and meta.get("site") not in sites:
        return False
    if guide_version:
        guide = interview.get("guide", {})
        full = f"{guide.get('id', '')}@{guide.get('version', '')}"
        if guide_version not in (str(guide.get("version", "")), full):
            return False
    month = str(meta.get("month", ""))
    low, high = _month(date_from), _month(date_to)
    return not (low and month < low) and not (high and month > high)


def _sort_key(interview: dict[str, Any]) -> tuple[str, str, str, str]:
    meta = interview.get("interview", {})
    return (str(meta.get("site", "")), str(meta.get("month", "")), str(meta.get("code", "")),
            str(interview.get("packet_id", "")))


def aggregate_interviews(interviews: Iterable[dict[str, Any]], *, site: SiteFilter = None,
                         guide_version: str | None = None, date_from: str | dt.date | None = None,
                         date_to: str | dt.date | None = None,
                         quotes_per_theme: int = 5) -> Aggregate:
    """Aggregate interview.json dicts (duplicates by device and packet id are counted once)."""
    # Packet ids are per device (spec §8): another device reusing an id is another interview.
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for item in interviews:
        seen.setdefault((str(item.get("device_fingerprint", "")), str(item.get("packet_id", ""))), item)
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
    candidates: dict[str, list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    total_answers = 0

    for n, iv in enumerate(chosen):
        # One key per interview: packet ids are unique per device only (spec §8).
        pid = f'{iv.get("packet_id", "")}@{iv.get("device_fingerprint", "")}'
        meta = iv.get("interview", {})
        site_name = str(meta.get("site", ""))
        if meta.get("month"):
            months.append(str(meta["month"]))
        guide = iv.get("guide", {})
        guide_versions[f"{guide.get('id', '')}@{guide.get('version', '')}"] += 1
        for kind, count in (iv.get("deid", {}).get("redactions") or {}).items():
            redactions[str(kind)] += int(count)
        # Later interviews (sorted order) win for labels and question wording.
        for pos, theme in enumerate(iv.get("codebook", [])):
            tid = str(theme.get("id"))
            stat = themes.get(tid) or ThemeStat(tid, str(theme.get("label") or tid))
            stat.label = str(theme.get("label") or tid)
            stat.description = str(theme.get("description") or "")
            stat.parent = theme.get("parent")
            themes[tid] = stat
            theme_order.setdefault(tid, pos)
        for pos, q in enumerate(iv.get("questions", [])):
            qid = str(q.get("id"))
            stat_q = questions.get(qid) or QuestionStat(qid, str(q.get("text", "")))
            stat_q.text = str(q.get("text", "")) or stat_q.text
            stat_q.section = str(q.get("section") or "")
            questions[qid] = stat_q
            question_order.setdefault(qid, (pos, n))

        segments = {int(s["index"]): s for s in iv.get("segments", [])}
        answers: dict[str, int] = Counter(
            str(s.get("question_id") or NO_QUESTION) for s in segments.values())
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

        for tag in iv.get("tags", []):
            seg = segments.get(int(tag.get("segment", -1)))
            if seg is None:
                continue
            tid = str(tag.get("theme"))
            if tid not in themes:
                themes[tid] = ThemeStat(tid, tid)
                theme_order.setdefault(tid, 10_000)
            qid = str(seg.get("question_id") or NO_QUESTION)
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
                q = questions[qid]
                q.themes[tid] = q.themes.get(tid, 0) + 1
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
        generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
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


def _possible_duplicates(interviews: list[dict[str, Any]]) -> list[str]:
    """Different packets with the same site, participant code and guide: probably one
    interview exported twice without naming the first as superseded. They are counted (we
    cannot be sure), and the coordinator is told."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for iv in interviews:
        meta = iv.get("interview", {})
        key = (str(meta.get("site", "")), str(meta.get("code", "")), str(iv.get("guide", {}).get("id", "")))
        groups[key].append(str(iv.get("packet_id", "")))
    return [f"Site {site}, participant {code}: {len(ids)} separate packets ({', '.join(ids)}); "
            "if they are one interview, ask the researcher to re-send it as a correction."
            for (site, code, _guide), ids in sorted(groups.items()) if len(ids) > 1]
