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
import hashlib
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from core.coordinator.quotes import QuotePicker
from core.documents.interview import CodebookEntry, InterviewDoc, Segment, Tag
from core.errors import Msg
from core.reports.model import (
    NO_QUESTION,
    Aggregate,
    InterviewStream,
    QuestionStat,
    SiteStat,
    ThemeStat,
    ordered_unique,
)
from core.vault.db import Vault

log = logging.getLogger(__name__)

SiteFilter = str | Sequence[str] | None


def aggregate(vault: Vault, *, site: SiteFilter = None, guide_version: str | None = None,
              date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
              quotes_per_theme: int = 5, study: str | None = None) -> Aggregate:
    """Aggregate the vault's current imported interviews, filtered (``study``: one study's).

    The interviews are read a page at a time and counted as they come; the aggregate keeps an
    ``InterviewStream`` that reads them again for each file written from it, so memory does not
    grow with the inbox.
    """
    started = time.perf_counter()
    left_out: list[str] = []
    agg = aggregate_interviews(current_stream(vault, study=study, left_out=left_out), site=site,
                               guide_version=guide_version, date_from=date_from, date_to=date_to,
                               quotes_per_theme=quotes_per_theme)
    # Refuse nothing silently: a stored interview that no longer validates is named.
    notes = [Msg("aggregate.left_out", packet=pid, prefix=pid[:12]) for pid in left_out]
    agg.warnings[:0] = [m.render() for m in notes]
    agg.warning_msgs[:0] = notes
    log.info("aggregated %d interviews in %.2fs", agg.n_interviews, time.perf_counter() - started)
    return agg


def current_stream(vault: Vault, *, study: str | None = None,
                   left_out: list[str] | None = None) -> InterviewStream:
    """The vault's current interviews (one study's, if named) as a stream read page by page.

    The first pass fixes which interviews it holds (their row keys, a few bytes each): a packet
    imported or replaced while files are written from one aggregate changes none of them.
    """
    from core.vault.inbox import InboxRepo  # the repo is the only SQL

    repo = InboxRepo(vault)
    fixed: list[list[int]] = []

    def open_pass() -> Iterator[InterviewDoc]:
        if not fixed:
            fixed.append(repo.current_keys())
        return repo.iter_interviews(keys=fixed[0], left_out=left_out)

    stream = InterviewStream(open_pass)
    if study:
        from core.study.coordinator_side import belongs_to_study
        return stream.filtered(lambda iv: belongs_to_study(iv, study))
    return stream


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


def aggregate_interviews(interviews: Iterable[InterviewDoc], *, site: SiteFilter = None,
                         guide_version: str | None = None, date_from: str | dt.date | None = None,
                         date_to: str | dt.date | None = None,
                         quotes_per_theme: int = 5,
                         each: Callable[[InterviewDoc], None] | None = None) -> Aggregate:
    """Aggregate interview documents (duplicates by device and packet id are counted once).

    ``interviews`` is a list or an ``InterviewStream``; a stream is read once here and kept
    (filtered) as the aggregate's ``interviews``, so nothing holds every interview at once.
    ``each`` is called with every interview counted, in report order, during that one pass
    (a caller's own counts without reading the inbox again).
    """
    def keep(iv: InterviewDoc) -> bool:
        return matches(iv, site=site, guide_version=guide_version, date_from=date_from, date_to=date_to)

    source = ordered_unique(interviews)
    chosen: Iterable[InterviewDoc] = (source.filtered(keep) if isinstance(source, InterviewStream)
                                      else [iv for iv in source if keep(iv)])
    tally = _Tally(quotes_per_theme)
    for iv in chosen:
        tally.add(iv)
        if each is not None:
            each(iv)
    return tally.result(chosen, {"site": ",".join(sorted(_sites(site) or [])) or None,
                                 "guide_version": guide_version, "date_from": _month(date_from),
                                 "date_to": _month(date_to)})


class _Tally:
    """The report's counts, built one interview at a time (in report order).

    What it keeps is bounded by the themes, questions and sites, never by the interviews:
    each interview's sets of themes are counted as it goes, the quotes keep only their few
    best candidates (``QuotePicker``), and possible duplicates are found by a 16-byte digest
    per interview, named by a second pass only when there are some.
    """

    def __init__(self, quotes_per_theme: int) -> None:
        self.quotes_per_theme = quotes_per_theme
        self.n = 0
        self.themes: dict[str, ThemeStat] = {}
        self.theme_order: dict[str, int] = {}
        self.questions: dict[str, QuestionStat] = {}
        self.question_order: dict[str, tuple[int, int]] = {}
        self.sites: dict[str, SiteStat] = {}
        self.theme_interviews: Counter[str] = Counter()
        self.theme_site_interviews: dict[str, Counter[str]] = defaultdict(Counter)
        self.no_question_themes: Counter[str] = Counter()  # answers not tied to a question
        self.pairs: Counter[tuple[str, str]] = Counter()   # answers coded with both (a, a too)
        self.guide_versions: Counter[str] = Counter()
        self.redactions: Counter[str] = Counter()
        self.months: tuple[str, str] | None = None
        self.codebook: dict[str, CodebookEntry] = {}
        self.pickers: dict[str, QuotePicker] = {}
        self.total_answers = 0
        self.seen_keys: set[bytes] = set()
        self.repeated_keys: set[bytes] = set()

    def add(self, iv: InterviewDoc) -> None:
        n, self.n = self.n, self.n + 1
        meta = iv.interview
        site_name = meta.site
        if meta.month:
            low, high = self.months or (meta.month, meta.month)
            self.months = (min(low, meta.month), max(high, meta.month))
        self.guide_versions[iv.guide.full_version] += 1
        for kind, count in iv.deid.redactions:
            self.redactions[kind] += count
        digest = _duplicate_digest(iv)
        if digest in self.seen_keys:
            self.repeated_keys.add(digest)
        self.seen_keys.add(digest)
        themes, questions = self.themes, self.questions
        # Later interviews (report order) win for labels and question wording.
        for pos, theme in enumerate(iv.codebook):
            tid = theme.id
            stat = themes.get(tid) or ThemeStat(tid, theme.display_label)
            stat.label = theme.display_label
            stat.description = theme.description
            stat.parent = theme.parent
            themes[tid] = stat
            self.theme_order.setdefault(tid, pos)
            self.codebook[tid] = theme
        for pos, q in enumerate(iv.questions):
            stat_q = questions.get(q.id) or QuestionStat(q.id, q.text)
            stat_q.text = q.text or stat_q.text
            stat_q.section = q.section
            questions[q.id] = stat_q
            self.question_order.setdefault(q.id, (pos, n))

        segments = iv.segments_by_index()
        answers: dict[str, int] = Counter(s.question_id or NO_QUESTION for s in segments.values())
        site_stat = self.sites.setdefault(site_name, SiteStat(site_name))
        site_stat.interviews += 1
        site_stat.answers += len(answers)
        self.total_answers += len(answers)
        for qid, n_segments in answers.items():
            if qid == NO_QUESTION:
                continue
            stat_q = questions.setdefault(qid, QuestionStat(qid, qid))
            self.question_order.setdefault(qid, (10_000, n))
            stat_q.interviews += 1
            stat_q.answers += 1
            stat_q.segments += n_segments

        coded: dict[str, set[str]] = defaultdict(set)   # question -> themes coded in the answer
        passages: dict[str, list[tuple[Segment, Tag]]] = defaultdict(list)
        for tag in iv.tags:
            self.codebook.setdefault(tag.theme, CodebookEntry(tag.theme, tag.theme, "", None))
            seg = segments.get(tag.segment)
            if seg is None:  # cannot happen for a validated document; never crash on it
                continue
            tid = tag.theme
            if tid not in themes:
                themes[tid] = ThemeStat(tid, tid)
                self.theme_order.setdefault(tid, 10_000)
            themes[tid].passages += 1
            coded[seg.question_id or NO_QUESTION].add(tid)
            passages[tid].append((seg, tag))
        for tid, coded_passages in passages.items():
            self.theme_interviews[tid] += 1
            self.theme_site_interviews[tid][site_name] += 1
            picker = self.pickers.get(tid)
            if picker is None:
                picker = self.pickers[tid] = QuotePicker(tid, self.quotes_per_theme)
            picker.add(iv, coded_passages)
        for qid, tids in coded.items():
            for tid in tids:
                stat = themes[tid]
                stat.answers += 1
                stat.answers_by_question[qid] = stat.answers_by_question.get(qid, 0) + 1
                if qid == NO_QUESTION:
                    self.no_question_themes[tid] += 1
                else:
                    q_stat = questions[qid]
                    q_stat.themes[tid] = q_stat.themes.get(tid, 0) + 1
                for other in tids:
                    self.pairs[(tid, other)] += 1

    def result(self, chosen: Iterable[InterviewDoc], filters: dict[str, str | None]) -> Aggregate:
        themes, questions = self.themes, self.questions
        if NO_QUESTION in questions:  # a guide question with an empty id (a laxer old packet)
            q_stat = questions[NO_QUESTION]
            for tid, count in self.no_question_themes.items():
                q_stat.themes[tid] = q_stat.themes.get(tid, 0) + count
        for tid, count in self.theme_interviews.items():
            themes[tid].interviews = count
            themes[tid].interviews_by_site = dict(sorted(self.theme_site_interviews[tid].items()))
        for tid, stat in themes.items():
            picker = self.pickers.get(tid)
            stat.quotes = picker.quotes() if picker is not None else []

        ordered_themes = sorted(themes.values(), key=lambda t: (self.theme_order.get(t.theme_id, 10_000), t.theme_id))
        used = sorted((t for t in ordered_themes if t.passages), key=lambda t: (-t.interviews, -t.answers, t.theme_id))
        theme_ids = [t.theme_id for t in used]
        matrix = [[self.pairs.get((a, b), 0) for b in theme_ids] for a in theme_ids]
        notes = _possible_duplicates(chosen, self.repeated_keys) if self.repeated_keys else []
        return Aggregate(
            filters=filters,
            generated_at=_now(),
            interviews=chosen,
            themes=ordered_themes,
            sites=sorted(self.sites.values(), key=lambda s: s.site),
            questions=sorted(questions.values(),
                             key=lambda q: (self.question_order.get(q.question_id, (10_000, 0)), q.question_id)),
            theme_ids=theme_ids,
            cooccurrence=matrix,
            guide_versions=dict(sorted(self.guide_versions.items())),
            months=self.months,
            redactions=dict(sorted(self.redactions.items())),
            total_answers=self.total_answers,
            warnings=[m.render() for m in notes],
            warning_msgs=list(notes),
            count=self.n,
            codebook=list(self.codebook.values()),
        )


def _duplicate_key(iv: InterviewDoc) -> tuple[str, str, str]:
    return (iv.interview.site, iv.interview.code, iv.guide.id)


def _duplicate_digest(iv: InterviewDoc) -> bytes:
    return hashlib.blake2b("\x00".join(_duplicate_key(iv)).encode("utf-8"), digest_size=16).digest()


def _possible_duplicates(interviews: Iterable[InterviewDoc], repeated: set[bytes]) -> list[Msg]:
    """Different packets with the same site, participant code and guide: probably one
    interview exported twice without naming the first as superseded. They are counted (we
    cannot be sure), and the coordinator is told. ``repeated``: the digests the first pass saw
    more than once; this second pass holds only those groups."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for iv in interviews:
        if _duplicate_digest(iv) in repeated:
            groups[_duplicate_key(iv)].append(iv.packet_id)
    return [Msg("aggregate.possible_duplicate", site=site, code=code, n=len(ids), ids=", ".join(ids))
            for (site, code, _guide), ids in sorted(groups.items()) if len(ids) > 1]
