"""Giving words and segments their voice, and splitting segments where the voice changes.

Each word takes the voice that covers most of its own timing (the nearest turn when it
falls in a gap), so no segment spans a change of voice: a segment whose words change voice
is split there. A one-word flip shorter than ``MIN_FLIP_MS`` inside another voice's run is
smoothed away (a cough or a back-channel "mm" should not cut a sentence in two). Segments a
person edited or moved to a voice keep theirs.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from core.speakers.diarize import VoiceTurn
from core.vault.transcripts import Segment, Word

FLAG_VOICE_MANUAL = "voice_manual"   # a person moved this passage to a voice: re-runs keep it
MIN_FLIP_MS = 400


class TurnIndex:
    """Voice at any time, from sorted turns."""

    def __init__(self, turns: Sequence[VoiceTurn]) -> None:
        self.turns = sorted(turns, key=lambda t: t.start_ms)
        self.starts = [t.start_ms for t in self.turns]

    def voice_of(self, start_ms: int, end_ms: int) -> str:
        if not self.turns:
            return ""
        end_ms = max(end_ms, start_ms + 1)
        i = bisect.bisect_right(self.starts, end_ms)
        share: dict[str, int] = {}
        j = i - 1
        while j >= 0 and self.turns[j].end_ms > start_ms - 60_000:
            t = self.turns[j]
            overlap = min(t.end_ms, end_ms) - max(t.start_ms, start_ms)
            if overlap > 0:
                share[t.voice] = share.get(t.voice, 0) + overlap
            j -= 1
        if share:
            return max(share, key=lambda v: share[v])
        mid = (start_ms + end_ms) / 2
        near = [self.turns[k] for k in (i - 1, i) if 0 <= k < len(self.turns)]
        return min(near, key=lambda t: min(abs(t.start_ms - mid), abs(t.end_ms - mid))).voice


def _smooth(words: list[Word]) -> list[Word]:
    out = list(words)
    for i in range(1, len(out) - 1):
        a, w, b = out[i - 1], out[i], out[i + 1]
        if a.voice == b.voice != w.voice and (w.end_ms - w.start_ms) < MIN_FLIP_MS:
            out[i] = replace(w, voice=a.voice)
    return out


def _majority(words: Sequence[Word]) -> str:
    weight: dict[str, int] = {}
    for w in words:
        weight[w.voice] = weight.get(w.voice, 0) + max(1, w.end_ms - w.start_ms)
    return max(weight, key=lambda v: weight[v]) if weight else ""


def voice_segments(segments: Sequence[Segment], turns: Sequence[VoiceTurn]) -> tuple[list[Segment], int]:
    """Segments with ``voice`` set (split at changes of voice) and how many splits were made."""
    index = TurnIndex(turns)
    out: list[Segment] = []
    splits = 0
    for seg in segments:
        if seg.is_edited or FLAG_VOICE_MANUAL in seg.flags:
            out.append(seg)  # a person's version: their text, their voice
            continue
        if not index.turns:
            out.append(seg)
            continue
        if not seg.words:
            out.append(replace(seg, voice=index.voice_of(seg.start_ms, seg.end_ms)))
            continue
        words = _smooth([replace(w, voice=index.voice_of(w.start_ms, w.end_ms)) for w in seg.words])
        tokens, joiner = seg.text.split(), " "
        if len(tokens) != len(words) and "".join(w.word for w in words).strip() == seg.text.strip():
            # Words as the engine gave them (" ill" + "-sposed" for one token): the text is
            # their concatenation, so each part's text is its own words'.
            tokens, joiner = [w.word for w in words], ""
        if len(tokens) != len(words):
            # The text no longer lines up with the words: one voice for the whole segment.
            out.append(replace(seg, words=words, voice=_majority(words)))
            continue
        runs: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(words) + 1):
            if i == len(words) or words[i].voice != words[start].voice:
                runs.append((start, i))
                start = i
        if len(runs) == 1:
            out.append(replace(seg, words=words, voice=words[0].voice))
            continue
        splits += len(runs) - 1
        for k, (a, b) in enumerate(runs):
            part = words[a:b]
            text = joiner.join(tokens[a:b]).strip()
            out.append(replace(seg, text=text, original_text=text, words=part, voice=part[0].voice,
                               start_ms=seg.start_ms if k == 0 else part[0].start_ms,
                               end_ms=seg.end_ms if k == len(runs) - 1 else part[-1].end_ms,
                               id=seg.id if k == 0 else None))
    return out, splits
