"""Apply accepted redactions to a text, and map offsets from the original to the result."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    placeholder: str


class OffsetMap:
    """``offset_map(original_offset) -> new_offset`` for carrying span tags over.

    An offset inside a replaced span maps to the start of its placeholder; the span's end
    maps to the placeholder's end.
    """

    def __init__(self, pieces: list[tuple[int, int, int, int]], original_length: int, new_length: int):
        self._pieces = pieces  # (orig_start, orig_end, new_start, new_end), sorted
        self._starts = [p[0] for p in pieces]
        self.original_length = original_length
        self.new_length = new_length

    def __call__(self, offset: int) -> int:
        offset = max(0, min(offset, self.original_length))
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        o_start, o_end, n_start, n_end = self._pieces[i]
        if offset == o_start:
            return n_start
        if offset < o_end:
            return n_start
        return n_end + (offset - o_end)


def merge(replacements: Iterable[Replacement]) -> list[Replacement]:
    """Sort and merge overlapping replacements (the longer one's placeholder wins)."""
    out: list[Replacement] = []
    for r in sorted(replacements, key=lambda r: (r.start, -(r.end - r.start))):
        if r.end <= r.start:
            continue
        if out and r.start < out[-1].end:
            prev = out[-1]
            longer = prev if prev.end - prev.start >= r.end - r.start else r
            out[-1] = Replacement(prev.start, max(prev.end, r.end), longer.placeholder)
        else:
            out.append(r)
    return out


def apply(text: str, replacements: Iterable[Replacement]) -> tuple[str, OffsetMap]:
    """The text with every replacement made, and its offset map."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    cursor, new_len = 0, 0
    for r in merge(replacements):
        start, end = max(r.start, cursor), min(r.end, len(text))
        if start >= end:
            continue
        parts.append(text[cursor:start])
        new_len += start - cursor
        pieces.append((start, end, new_len, new_len + len(r.placeholder)))
        parts.append(r.placeholder)
        new_len += len(r.placeholder)
        cursor = end
    parts.append(text[cursor:])
    new_len += len(text) - cursor
    return "".join(parts), OffsetMap(pieces, len(text), new_len)
