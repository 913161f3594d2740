"""Aggregation over interview documents: counts, co-occurrence, quotes, filters, duplicates."""

from __future__ import annotations

from core.coordinator.aggregate import aggregate_interviews
from core.documents.interview import InterviewDoc
from tests.helpers.coordinator_data import make_corpus, make_interview, typed


def _tiny(packet_id: str, code: str, site: str, month: str, tags: list[tuple[int, str]],
          version: str = "1.0") -> InterviewDoc:
    iv = make_interview(packet_id=packet_id, code=code, site=site, month=month, guide_version=version)
    iv["segments"] = [
        {"index": 0, "question_id": "q1", "speaker": "participant", "start_ms": 0, "end_ms": 1,
         "text": "The line never stops and we are short of people on every single shift."},
        {"index": 1, "question_id": "q1", "speaker": "participant", "start_ms": 1, "end_ms": 2,
         "text": "They changed my schedule with one day of notice, again, this week."},
        {"index": 2, "question_id": "q2", "speaker": "participant", "start_ms": 2, "end_ms": 3,
         "text": "My pay was late twice and the supervisor just shrugged about it."},
        {"index": 3, "question_id": None, "speaker": "participant", "start_ms": 3, "end_ms": 4,
         "text": "Anything else? No, that is all I wanted to say today."},
    ]
    iv["tags"] = [{"segment": s, "theme": t, "start": None, "end": None, "source": "manual"}
                  for s, t in tags]
    return InterviewDoc.from_json(iv)


def test_counts_interviews_answers_and_passages_per_theme():
    a = _tiny("p-a", "P-001", "SITE-A", "2025-01", [(0, "workload"), (1, "hours"), (1, "workload"), (2, "pay")])
    b = _tiny("p-b", "P-002", "SITE-B", "2025-02", [(2, "pay"), (2, "respect")])
    agg = aggregate_interviews([a, b])
    assert agg.n_interviews == 2
    pay, workload = agg.theme("pay"), agg.theme("workload")
    assert (pay.interviews, pay.answers, pay.passages) == (2, 2, 2)
    # two workload tags in one answer (q1): one answer, two passages
    assert (workload.interviews, workload.answers, workload.passages) == (1, 1, 2)
    assert pay.interviews_by_site == {"SITE-A": 1, "SITE-B": 1}
    assert agg.theme("safety").interviews == 0
    # 3 answers each: q1, q2 and the talk tied to no question
    assert agg.total_answers == 6
    q1 = next(q for q in agg.questions if q.question_id == "q1")
    assert q1.interviews == 2 and q1.themes == {"workload": 1, "hours": 1}
    # co-occurrence: hours+workload share answer q1 of p-a; pay+respect share q2 of p-b
    ids = agg.theme_ids
    m = agg.cooccurrence
    assert m[ids.index("hours")][ids.index("workload")] == 1
    assert m[ids.index("pay")][ids.index("respect")] == 1
    assert m[ids.index("pay")][ids.index("workload")] == 0
    assert m[ids.index("pay")][ids.index("pay")] == 2


def test_same_packet_twice_counts_once():
    a = _tiny("p-a", "P-001", "SITE-A", "2025-01", [(2, "pay")])
    agg = aggregate_interviews([a, InterviewDoc.from_json(a.to_json())])
    assert agg.n_interviews == 1 and agg.theme("pay").interviews == 1


def test_filters_by_site_version_and_month_range():
    ivs = [_tiny("a", "P-1", "SITE-A", "2025-01", [(2, "pay")], "1.0"),
           _tiny("b", "P-2", "SITE-B", "2025-03", [(2, "pay")], "1.1"),
           _tiny("c", "P-3", "SITE-A", "2025-05", [(2, "pay")], "1.1")]
    assert aggregate_interviews(ivs, site="SITE-A").n_interviews == 2
    assert aggregate_interviews(ivs, site=["SITE-A", "SITE-B"]).n_interviews == 3
    assert aggregate_interviews(ivs, guide_version="1.1").n_interviews == 2
    assert aggregate_interviews(ivs, guide_version="job-quality@1.0").n_interviews == 1
    assert aggregate_interviews(ivs, date_from="2025-02", date_to="2025-04-30").n_interviews == 1
    assert aggregate_interviews(ivs, date_from="2025-03-01").n_interviews == 2
    agg = aggregate_interviews(ivs, site="SITE-B")
    assert agg.theme("pay").interviews_by_site == {"SITE-B": 1}


def test_quotes_are_de_identified_text_with_code_and_question_spread_over_sites():
    corpus = make_corpus(30)
    agg = aggregate_interviews(typed(corpus), quotes_per_theme=4)
    pay = agg.theme("pay")
    assert 1 <= len(pay.quotes) <= 4
    assert len({q.packet_id for q in pay.quotes}) == len(pay.quotes)  # one per interview
    assert len({q.site for q in pay.quotes}) == min(3, len(pay.quotes))
    for q in pay.quotes:
        assert q.interview_code.startswith("P-") and q.question_text
        assert q.text and len(q.text) <= 320


def test_possible_duplicate_interviews_are_flagged_not_hidden():
    a = _tiny("p-a", "P-001", "SITE-A", "2025-01", [(2, "pay")])
    b = _tiny("p-b", "P-001", "SITE-A", "2025-01", [(2, "pay")])
    agg = aggregate_interviews([a, b])
    assert agg.n_interviews == 2
    assert len(agg.warnings) == 1 and "P-001" in agg.warnings[0]
    # The team report's "Please check" says it in the report's language.
    import io

    from pypdf import PdfReader

    from core.reports.coordinator_pdf import write_report
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(write_report(agg, language="es"))).pages)
    assert "Lugar SITE-A, participante P-001: 2 paquetes distintos" in text and "separate packets" not in text
