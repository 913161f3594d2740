"""Hostile transcript files (issue #22 item 10): huge one-line files, random bytes, devices."""

from __future__ import annotations

import os
import random

import pytest

from core.cli import main
from core.errors import TranscriptImportError
from core.tagging.transcript_import import (
    MAX_LINE_CHARS,
    MAX_SEGMENT_CHARS,
    MAX_TRANSCRIPT_BYTES,
    read_transcript,
    read_transcript_file,
    split_long,
)
from core.vault.transcripts import Segment
from tests.conftest import PASSPHRASE


def test_a_50_mb_one_line_file_is_refused_before_it_is_parsed(tmp_path):
    big = tmp_path / "one-line.txt"
    with open(big, "wb") as fh:
        fh.writelines(b"word " * 209_716 for _ in range(50))  # 1 MiB of words, no newline
    with pytest.raises(TranscriptImportError) as exc:
        read_transcript_file(big)
    assert "too large for a transcript" in exc.value.user_message
    with pytest.raises(TranscriptImportError):
        read_transcript(big.read_bytes()[: MAX_TRANSCRIPT_BYTES + 10])


def test_an_overlong_line_is_refused_with_its_number():
    data = b"Q: hello\n" + b"A: " + b"so " * MAX_LINE_CHARS + b"\n"
    with pytest.raises(TranscriptImportError) as exc:
        read_transcript(data, "t.txt")
    assert exc.value.user_message.startswith("Line 2 of that file is")


def test_random_bytes_are_refused_as_binary():
    rng = random.Random(7)
    noise = bytes(rng.getrandbits(8) for _ in range(2 * 1024 * 1024))
    with pytest.raises(TranscriptImportError) as exc:
        read_transcript(noise, "noise.txt")
    assert "not text" in exc.value.user_message or "does not look like text" in exc.value.user_message
    no_nul = noise.replace(b"\0", b"x")
    with pytest.raises(TranscriptImportError) as exc:
        read_transcript(no_nul, "noise.txt")
    assert "does not look like text" in exc.value.user_message


def test_a_long_paragraph_is_split_into_readable_segments_with_its_time_shared():
    sentence = "We worked the night shift and nobody told us when the break was. "
    data = ("00:00:10 A: " + sentence * 100 + "\n\n00:05:00 Q: Thanks.\n").encode()
    report = read_transcript(data, "t.txt")
    texts = [s.text for s in report.segments]
    assert max(len(t) for t in texts) <= MAX_SEGMENT_CHARS and len(texts) > 3
    assert all(t.endswith(".") for t in texts[:-1])  # cut at sentence ends
    assert " ".join(texts[:-1]) == (sentence * 100).strip()
    starts = [s.start_ms for s in report.segments]
    assert starts == sorted(starts) and starts[0] == 10_000
    assert any("split into pieces" in str(p) for p in report.problems)
    assert {s.speaker for s in report.segments[:-1]} == {"participant"}


def test_split_long_cuts_text_without_spaces_hard():
    [seg] = [Segment(0, 1000, "x" * (MAX_SEGMENT_CHARS * 2 + 5))]
    pieces = split_long([seg])
    assert [len(p.text) for p in pieces] == [MAX_SEGMENT_CHARS, MAX_SEGMENT_CHARS, 5]
    assert pieces[-1].end_ms == 1000


def test_a_device_or_fifo_is_not_read(tmp_path):
    with pytest.raises(TranscriptImportError):
        read_transcript_file("/dev/zero")
    fifo = tmp_path / "t.vtt"
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        with pytest.raises(TranscriptImportError):
            read_transcript_file(fifo)
    finally:
        os.close(fd)


def test_the_cli_says_why_without_a_traceback(vault, interview, tmp_path, capsys):
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(random.Random(1).getrandbits(8) for _ in range(100_000)))
    vault.close()
    code = main(["--vault", str(vault.folder), "--passphrase-file", str(pw), "transcript", "import",
                 interview.id, str(noise), "--no-tag"])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and "text" in err


def test_deid_reads_a_very_long_text_in_windows():
    from core.deid.detect import PRESIDIO_WINDOW_CHARS, detect
    filler = "the line was slow and the floor was wet again " * (PRESIDIO_WINDOW_CHARS // 40)
    text = filler + "then Rosa Delgado called 555-201-7788 about it. " + filler
    assert len(text) > 2 * PRESIDIO_WINDOW_CHARS
    found = detect(text, names=["Rosa Delgado"])
    kinds = {f.entity_type for f in found}
    assert "PERSON" in kinds and "PHONE" in kinds
    phone = next(f for f in found if f.entity_type == "PHONE")
    assert text[phone.start:phone.end] == phone.text


def test_the_cli_lists_what_it_could_not_read_in_the_readers_language(vault, interview, tmp_path, capsys,
                                                                        monkeypatch):
    """A Spanish-speaking researcher is told in Spanish which block was skipped (by line, never its text)."""
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    vtt = tmp_path / "entrevista.vtt"
    vtt.write_text("WEBVTT\n\n00:01.000 --> 00:04.000\n<v Interviewer>¿Cómo es tu trabajo?\n\n"
                   "texto suelto sin tiempo\n", encoding="utf-8")
    vault.close()
    monkeypatch.setenv("CONFIDANT_LANG", "es")
    code = main(["--vault", str(vault.folder), "--passphrase-file", str(pw), "transcript", "import",
                 interview.id, str(vtt), "--no-tag"])
    out = capsys.readouterr()
    shown = out.out + out.err
    assert code == 0, shown
    assert "línea 6: se omitió un bloque sin línea de tiempo" in shown
    assert "texto suelto" not in shown and "block without" not in shown
