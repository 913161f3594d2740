"""Writing transcripts as WebVTT, SRT and plain text (packets reuse ``to_vtt``).

Writers take any objects with ``start_ms``, ``end_ms``, ``text`` and optionally ``speaker``
(vault segments, de-identified segments) and return a string; nothing touches the disk here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class _SegmentLike(Protocol):
    start_ms: int
    end_ms: int
    text: str


def _clock(ms: int, sep: str) -> str:
    ms = max(0, int(ms))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, milli = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"


def _one_line(text: str) -> str:
    # A blank line ends a cue in both formats, and "-->" would start a new timing line.
    return " ".join(text.split()).replace("-->", "->")


def _vtt_escape(text: str) -> str:
    # WebVTT cue text is markup: a bare "<" or "&" would start a tag or an entity.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def voice_label(speaker: str) -> str:
    """The voice name a player or QDA tool shows: "interviewer" -> "Interviewer"."""
    label = " ".join(speaker.replace("_", " ").split())
    return (label[:1].upper() + label[1:]).replace(">", "")


def to_vtt(segments: Iterable[_SegmentLike], *, with_speakers: bool = True) -> str:
    """WebVTT: one cue per segment; the speaker, when known, as a closed voice tag.

    ``<v Interviewer>text</v>``: tools that do not read voice spans (Taguette) show an unclosed
    ``<v participant>`` literally, so the span is always closed."""
    lines = ["WEBVTT", ""]
    for i, seg in enumerate(segments, 1):
        text = _vtt_escape(_one_line(seg.text))
        if not text:
            continue
        speaker = getattr(seg, "speaker", "") if with_speakers else ""
        if speaker:
            text = f"<v {voice_label(speaker)}>{text}</v>"
        lines += [str(i), f"{_clock(seg.start_ms, '.')} --> {_clock(seg.end_ms, '.')}", text, ""]
    return "\n".join(lines)


def to_srt(segments: Iterable[_SegmentLike]) -> str:
    """SubRip: numbered cues, comma before the milliseconds."""
    lines: list[str] = []
    n = 0
    for seg in segments:
        text = _one_line(seg.text)
        if not text:
            continue
        n += 1
        lines += [str(n), f"{_clock(seg.start_ms, ',')} --> {_clock(seg.end_ms, ',')}", text, ""]
    return "\n".join(lines)


def to_txt(segments: Iterable[_SegmentLike], *, with_times: bool = False) -> str:
    """Plain text, one segment per line (optionally prefixed with [hh:mm:ss])."""
    out = []
    for seg in segments:
        text = _one_line(seg.text)
        if not text:
            continue
        speaker = getattr(seg, "speaker", "")
        prefix = f"[{_clock(seg.start_ms, '.')[:8]}] " if with_times else ""
        out.append(f"{prefix}{speaker + ': ' if speaker else ''}{text}")
    return "\n".join(out) + ("\n" if out else "")
