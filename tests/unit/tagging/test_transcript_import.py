"""Transcripts made elsewhere: formats, Windows-1252 + CRLF, and what could not be read."""

from __future__ import annotations

import pytest

from core.errors import TranscriptImportError
from core.tagging.transcript_import import import_transcript, read_transcript
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import TranscriptRepo


def test_srt_in_windows_1252_with_crlf():
    data = ("1\r\n00:00:01,000 --> 00:00:04,250\r\nQ: ¿Cómo es tu trabajo?\r\n\r\n"
            "2\r\n00:00:04,500 --> 00:01:08,000\r\nA: Es duro – muy “duro”.\r\n").encode("cp1252")
    r = read_transcript(data, "entrevista.srt")
    assert (r.format, r.encoding, r.problems) == ("srt", "cp1252", [])
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in r.segments] == [
        (1000, 4250, "interviewer", "¿Cómo es tu trabajo?"),
        (4500, 68000, "participant", "Es duro – muy “duro”.")]


def test_webvtt_voices_entities_and_a_block_it_could_not_read():
    data = (b"WEBVTT\n\nNOTE made elsewhere\n\n1\n00:00:01.000 --> 00:00:04.500\n"
            b"<v Interviewer>How is your job?</v>\n\n00:01.000 --> 00:09.000\n<v Participant>Fine &amp; busy.\n\n"
            b"just some words\n")
    r = read_transcript(data)
    assert [(s.start_ms, s.speaker, s.text) for s in r.segments] == [
        (1000, "interviewer", "How is your job?"), (1000, "participant", "Fine & busy.")]
    assert [str(p) for p in r.problems] == ["line 12: a block without a time line was skipped"]


def test_plain_text_labels_and_timestamps():
    data = ("[00:00:03] Interviewer: Tell me about your job.\r\n"
            "[00:00:07] Participant: I pack boxes.\r\nAll day long.\r\n\r\n"
            "3.08 Q: And your boss?\r\nA: He yells.\r\n").encode("cp1252")
    r = read_transcript(data, "notes.txt")
    assert r.has_timestamps and r.format == "text"
    assert [(s.start_ms, s.speaker, s.text) for s in r.segments] == [
        (3000, "interviewer", "Tell me about your job."),
        (7000, "participant", "I pack boxes. All day long."),
        (188000, "interviewer", "And your boss?"),
        (r.segments[3].start_ms, "participant", "He yells.")]
    assert r.segments[3].start_ms >= 188000


def test_noscribe_html():
    data = ('<!DOCTYPE html><html><head><style>p {}</style></head><body>'
            '<p><a name="ts_1000_4000_S00"></a><span>S00: ¿Qué tal el trabajo?</span></p>'
            '<p><a name="ts_4000_9000_S01"></a>S01: Duro, la verdad.</p></body></html>').encode()
    r = read_transcript(data, "interview.html")
    assert r.format == "noscribe" and r.has_timestamps
    assert [(s.start_ms, s.end_ms, s.text) for s in r.segments] == [
        (1000, 4000, "¿Qué tal el trabajo?"), (4000, 9000, "Duro, la verdad.")]


def test_nothing_readable_is_an_error():
    with pytest.raises(TranscriptImportError):
        read_transcript(b"\n\n   \n", "empty.txt")


def test_import_stores_a_current_transcript_and_advances_the_interview(vault, interview):
    import_transcript(vault, interview.id, b"Interviewer: Hi?\nParticipant: Hello.\n", "t.txt")
    segs = TranscriptRepo(vault).current_segments(interview.id)
    assert [s.speaker for s in segs] == ["interviewer", "participant"]
    assert TranscriptRepo(vault).current(interview.id).source == "import"
    assert InterviewRepo(vault).get(interview.id).state == "transcribed"
