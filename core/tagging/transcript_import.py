"""Read transcripts made elsewhere: WebVTT, SRT, plain text with speaker labels, noScribe HTML.

Real transcripts arrive as Windows-1252 with CRLF line ends as often as UTF-8, so the bytes'
encoding is detected (charset-normalizer) before anything else. Whatever cannot be read is
listed in ``ImportReport.problems`` (line numbers, never the text itself) instead of being
silently dropped. Nothing is written to disk here: the caller stores the segments in the vault.

Input is bounded before any parsing (a 50 MB one-line file once became one 0.96 GB segment that
de-identification could not process): at most ``MAX_TRANSCRIPT_BYTES``, lines of at most
``MAX_LINE_CHARS``, no binary files; a segment longer than ``MAX_SEGMENT_CHARS`` is split at
sentence or word boundaries so that later steps (spaCy, review) get pieces a person can read.
"""

from __future__ import annotations

import html
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from core.errors import Count, Msg, TranscriptImportError
from core.vault.transcripts import Segment

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_CUE_RE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
# "Interviewer:", "Q:", "A:", "Participant:", "P1:", "Entrevistador:", "[00:03:12] Q:", "3.08 A:"
_LABEL_RE = re.compile(r"^\s*(?:\[?(?P<ts>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|\d+\.\d{2})\]?\s*)?"
                       r"(?:(?P<label>[A-Za-zÁÉÍÓÚÑáéíóúñ][\w .'-]{0,30}?)\s*:\s+)?(?P<text>.*)$")
_INTERVIEWER = {"interviewer", "q", "i", "int", "researcher", "entrevistador", "entrevistadora", "e",
                "pregunta", "question"}
_PARTICIPANT = {"participant", "a", "p", "r", "respondent", "interviewee", "answer", "participante",
                "entrevistado", "entrevistada", "respuesta", "worker"}


# A three-hour interview transcribed elsewhere is a few hundred KB; 16 MiB is far beyond any.
MAX_TRANSCRIPT_BYTES = 16 * 1024 * 1024
# A paragraph in a word processor export can be long; a 20,000-character line is not a line.
MAX_LINE_CHARS = 20_000
# Segments are what a person reviews and what spaCy reads in one go.
MAX_SEGMENT_CHARS = 2_000
# Share of characters that may be control characters or undecodable before a file is binary.
MAX_BINARY_SHARE = 0.01


def _too_big(what: str | Msg) -> TranscriptImportError:
    return TranscriptImportError(
        Msg("tagging.file_too_large_transcript", what=what, max_transcript_bytes=MAX_TRANSCRIPT_BYTES // (1024 * 1024)),
        Msg("tagging.file_too_large_transcript.hint"))


def read_transcript_file(path: str | Path) -> bytes:
    """The bytes of a transcript file: a regular file, at most ``MAX_TRANSCRIPT_BYTES``."""
    path = Path(path)
    try:
        with open(path, "rb", buffering=0) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise TranscriptImportError(Msg("tagging.not_regular_file", path_name=path.name),
                                            Msg("tagging.not_regular_file.hint"))
            data = fh.read(MAX_TRANSCRIPT_BYTES + 1)
    except OSError as exc:
        raise TranscriptImportError(Msg("tagging.cannot_read", path_name=path.name), Msg("tagging.cannot_read.hint")) from exc
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise _too_big(Msg("tagging.more_than_limit"))
    return data


def _check_text(data: bytes, text: str) -> None:
    """Refuse binary files and absurd lines before parsing (messages say where, never what)."""
    if b"\0" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TranscriptImportError(Msg("tagging.file_not_text_holds"),
                                    Msg("tagging.file_not_text_holds.hint"))
    sample = text[:200_000]
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ch not in "\n\t" and unicodedata.category(ch) == "Cc"))
    if sample and odd / len(sample) > MAX_BINARY_SHARE:
        raise TranscriptImportError(
            Msg("tagging.file_not_look_like", odd=odd / len(sample)),
            Msg("tagging.file_not_look_like.hint"))
    for n, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise TranscriptImportError(
                Msg("tagging.line_file_characters_long", n=n, count=Count(len(line)), max_line_chars=Count(MAX_LINE_CHARS)),
                Msg("tagging.line_file_characters_long.hint"))


def split_long(segments: list[Segment], limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """Split segments longer than ``limit`` at sentence ends (else spaces, else hard), sharing
    out their time in proportion to length."""
    out: list[Segment] = []
    for seg in segments:
        if len(seg.text) <= limit:
            out.append(seg)
            continue
        pieces, rest = [], seg.text
        while len(rest) > limit:
            window = rest[:limit + 1]
            ends = [m.end() for m in re.finditer(r"[.!?…]\s+", window)]
            cut = ends[-1] if ends and ends[-1] > limit // 2 else (window.rfind(" ") + 1 or limit)
            if cut <= 0 or cut > limit:
                cut = limit
            pieces.append(rest[:cut].strip())
            rest = rest[cut:]
        if rest.strip():
            pieces.append(rest.strip())
        pieces = [p for p in pieces if p]
        total = sum(len(p) for p in pieces) or 1
        span = max(0, seg.end_ms - seg.start_ms)
        t, done = seg.start_ms, 0
        for piece in pieces:
            done += len(piece)
            end = seg.start_ms + span * done // total
            out.append(Segment(start_ms=t, end_ms=max(end, t), text=piece, speaker=seg.speaker))
            t = end
    return out


@dataclass
class ImportReport:
    format: str
    encoding: str
    segments: list[Segment] = field(default_factory=list)
    problems: list[Msg] = field(default_factory=list)  # shown in the reader's language
    has_timestamps: bool = False


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; CRLF and CR become LF; a BOM is dropped."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _decode_legacy(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def _decode_legacy(data: bytes) -> tuple[str, str]:
    # Latin text that is not UTF-8 is almost always Windows-1252 (word processors' curly quotes
    # and dashes); detectors guess exotic code pages for short files, so cp1252 wins whenever
    # it decodes cleanly and the detector offers nothing with strong evidence.
    from charset_normalizer import from_bytes
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        enc = best.encoding if best is not None else "latin-1"
        return data.decode(enc, errors="replace"), enc


def _ms(h: str | None, m: str, s: str, frac: str | None) -> int:
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int((frac or "0").ljust(3, "0")[:3])


def _speaker_of(label: str | None) -> str:
    if not label:
        return ""
    key = label.strip().lower().rstrip(".")
    if key in _INTERVIEWER:
        return "interviewer"
    if key in _PARTICIPANT or re.fullmatch(r"(p|participant|speaker)\s*\d+", key):
        return "participant"
    return ""


def _split_label(text: str) -> tuple[str, str]:
    """("interviewer"|"participant"|"", text) from "Q: ..." or "<v Interviewer>..."."""
    v = re.match(r"^<v(?:\.[^ >]*)?\s+([^>]+)>(.*)$", text)
    if v:
        return _speaker_of(v.group(1)), re.sub(r"</v>", "", v.group(2)).strip()
    m = re.match(r"^\s*([A-Za-zÁÉÍÓÚÑáéíóúñ][\w .'-]{0,30}?)\s*:\s+(.*)$", text)
    if m and _speaker_of(m.group(1)):
        return _speaker_of(m.group(1)), m.group(2).strip()
    return "", text.strip()


def parse_cues(text: str, fmt: str) -> ImportReport:
    """WebVTT or SRT: blocks of an optional id line, a timing line, then text lines."""
    report = ImportReport(fmt, "", has_timestamps=True)
    lines = text.split("\n")
    i = 0
    if fmt == "vtt":
        while i < len(lines) and lines[i].strip():
            i += 1  # the WEBVTT header block
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start_line = i
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        if fmt == "vtt" and block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing = next((k for k, b in enumerate(block[:2]) if _CUE_RE.match(b)), None)
        if timing is None:
            report.problems.append(Msg("tagging.import_block_without_time", line=start_line + 1))
            continue
        m = _CUE_RE.match(block[timing])
        assert m is not None
        start, end = _ms(*m.groups()[:4]), _ms(*m.groups()[4:])
        raw = " ".join(b.strip() for b in block[timing + 1:])
        speaker, body = _split_label(re.sub(r"<(?!v[ .])[^>]+>", "", raw))
        body = html.unescape(body)
        if not body:
            continue
        report.segments.append(Segment(start_ms=start, end_ms=max(end, start), text=body, speaker=speaker))
    return report


def _ts(value: str) -> int:
    if ":" in value:
        parts = [float(p.replace(",", ".")) for p in value.split(":")]
        while len(parts) < 3:
            parts.insert(0, 0.0)
        return int(((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000)
    minutes, _, seconds = value.partition(".")  # "3.08" is 3 min 8 s in many transcripts
    return (int(minutes) * 60 + int(seconds or 0)) * 1000


def parse_plain(text: str) -> ImportReport:
    """Paragraphs or lines, each optionally starting with a timestamp and a speaker label."""
    report = ImportReport("text", "")
    current: Segment | None = None
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            current = None
            continue
        m = _LABEL_RE.match(line)
        assert m is not None
        ts, label, body = m.group("ts"), m.group("label"), m.group("text").strip()
        speaker = _speaker_of(label)
        if label and not speaker:
            body = f"{label}: {body}"  # "Note: ..." is text, not a speaker we know
        start = _ts(ts) if ts else None
        if start is not None:
            report.has_timestamps = True
        if current is not None and not ts and not speaker:
            current.text = f"{current.text} {body}".strip()
            continue
        if not body:
            continue
        current = Segment(start_ms=start if start is not None else -1, end_ms=-1, text=body, speaker=speaker)
        report.segments.append(current)
    _fill_times(report.segments)
    if not report.segments:
        report.problems.append(Msg("tagging.import_no_text"))
    return report


def _fill_times(segments: list[Segment]) -> None:
    """Give untimed segments times spread at speaking pace (about 150 words a minute)."""
    t = 0
    for k, seg in enumerate(segments):
        if seg.start_ms < 0:
            seg.start_ms = t
        nxt = next((s.start_ms for s in segments[k + 1:] if s.start_ms >= 0), -1)
        natural = seg.start_ms + max(1000, len(seg.text.split()) * 400)
        seg.end_ms = min(natural, nxt) if nxt > seg.start_ms else natural
        t = seg.end_ms


class _NoScribeParser(HTMLParser):
    """noScribe writes <p> paragraphs, speaker names in <b>/<span>, and times in anchors
    named like ts_<start>_<end>_<speaker> (milliseconds)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[int | None, int | None, str]] = []
        self._buf: list[str] | None = None
        self._times: tuple[int | None, int | None] = (None, None)
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip += 1
        if tag == "p":
            self._buf, self._times = [], (None, None)
        if tag == "a" and self._buf is not None:
            name = dict(attrs).get("name") or ""
            m = re.match(r"ts_(\d+)_(\d+)", name)
            if m and self._times[0] is None:
                self._times = (int(m.group(1)), int(m.group(2)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "title"):
            self._skip = max(0, self._skip - 1)
        if tag == "p" and self._buf is not None:
            text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
            if text:
                self.paragraphs.append((self._times[0], self._times[1], text))
            self._buf = None

    def handle_data(self, data: str) -> None:
        if self._buf is not None and not self._skip:
            self._buf.append(data)


def parse_noscribe(text: str) -> ImportReport:
    parser = _NoScribeParser()
    parser.feed(text)
    report = ImportReport("noscribe", "", has_timestamps=any(p[0] is not None for p in parser.paragraphs))
    for start, end, body in parser.paragraphs:
        # noScribe paragraphs read "S00: text" or "Name: text"; timestamps may be inline "[00:01:02]"
        body = re.sub(r"^\[\d{1,2}:\d{2}:\d{2}\]\s*", "", body)
        speaker, body = _split_label(body)
        if not speaker:
            m = re.match(r"^(S\d+)\s*:\s*(.*)$", body)
            if m:
                speaker, body = "", m.group(2)
        report.segments.append(Segment(start_ms=start if start is not None else -1,
                                       end_ms=end if end is not None else -1, text=body, speaker=speaker))
    if not report.has_timestamps:
        _fill_times(report.segments)
    if not report.segments:
        report.problems.append(Msg("tagging.import_no_html_paragraphs"))
    return report


def read_transcript(data: bytes, file_name: str = "") -> ImportReport:
    """Detect the encoding and the format, and parse; raises TranscriptImportError if nothing
    usable is in the file."""
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise _too_big(Msg("tagging.size_mb", size=len(data) / (1024 * 1024)))
    text, encoding = decode(data)
    _check_text(data, text)
    head = text.lstrip()[:2000]
    name = file_name.lower()
    if head.startswith("WEBVTT") or name.endswith(".vtt"):
        report = parse_cues(text, "vtt")
    elif name.endswith((".html", ".htm")) or head.lower().startswith(("<!doctype html", "<html")):
        report = parse_noscribe(text)
    elif name.endswith(".srt") or re.match(r"^\d+\s*\n\s*" + _TIME + r"\s*-->", head):
        report = parse_cues(text, "srt")
    else:
        report = parse_plain(text)
    report.encoding = encoding
    if "\ufffd" in text:
        report.problems.append(Msg("tagging.import_undecodable"))
    before = len(report.segments)
    report.segments = split_long(report.segments)
    if len(report.segments) > before:
        report.problems.append(Msg("tagging.import_long_split", n=len(report.segments) - before,
                                   max_chars=Count(MAX_SEGMENT_CHARS)))
    for seg in report.segments:
        seg.original_text = seg.text
    if not report.segments:
        raise TranscriptImportError(
            Msg("tagging.confidant_found_no_transcript", format=report.format),
            Msg("tagging.confidant_found_no_transcript.hint"))
    return report


def import_transcript(vault: object, interview_id: str, data: bytes, file_name: str = "",
                      language: str = "") -> ImportReport:
    """Store a transcript file as the interview's current transcript (source "import")."""
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo
    interviews = InterviewRepo(vault)  # type: ignore[arg-type]
    interviews.get(interview_id)
    report = read_transcript(data, file_name)
    TranscriptRepo(vault).create(  # type: ignore[arg-type]
        interview_id, report.segments, source="import", engine="", language=language,
        options={"format": report.format, "encoding": report.encoding,
                 "has_timestamps": report.has_timestamps, "problems": len(report.problems)})
    interviews.advance_state(interview_id, "transcribed")
    return report
