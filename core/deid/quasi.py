"""Quasi-identifier warnings: details that are harmless alone but point at one person together.

"The only woman mechanic" + "night shift in receiving" + "twenty-three years" names someone to
anyone who works there, with no name in sight. We look in the de-identified text (what would
leave) for three kinds of detail — a rare or unique role, a place inside the workplace, a
length of service — and warn when an interview has a role plus at least one of the others.
The researcher decides whether to generalise; nothing is changed automatically.
"""

from __future__ import annotations

import re

from core.errors import Join, Msg

_NUM = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|"
        r"four|five|six|seven|eight|nine))?")
_TENURE = re.compile(
    r"\b(?:for|been\s+(?:here|there)|worked\s+(?:here|there)|going\s+on|almost|nearly|over)\s+"
    + _NUM + r"\s+(?:years?|yrs?)\b|\bsince\s+(?:19|20)\d\d\b|\b" + _NUM + r"\s+years?\s+(?:in|on|at|with)\b",
    re.IGNORECASE)
_UNIQUE = re.compile(
    r"\b(?:the\s+only|the\s+one\s+and\s+only|the\s+first|the\s+last|the\s+oldest|the\s+youngest|"
    r"the\s+longest)\s+(?:[a-z-]+\s+){0,3}(?:woman|women|man|men|guy|girl|lady|person|one|worker|"
    r"mechanic|driver|nurse|operator|tech|technician|electrician|welder|trainer|lead|supervisor|"
    r"manager|black|latina|latino|asian|deaf|[a-z]+er|[a-z]+ist)\b", re.IGNORECASE)
_TITLE = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+work\s+as|i\s+worked\s+as|my\s+(?:job|title|position)\s+is|"
    r"i'?ve\s+been)\s+(?:a|an|the)\s+((?:[a-z-]+\s+){0,2}(?:lead|head|chief|senior|manager|supervisor|"
    r"director|trainer|coordinator|specialist|technician|inspector|mechanic|electrician|engineer|"
    r"steward|rep|representative|dispatcher|planner|analyst|foreman|forewoman|millwright|machinist|"
    r"welder|operator|pharmacist|therapist|chef))\b", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:\[WORKPLACE \d+\]|\[LOCATION \d+\]|(?:on|in|at|work)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:department|dept|shift|line|floor|unit|team|ward|crew|dock|bay|wing|aisle|section|station|"
    r"kitchen|lab|office|store\s+number\s+\w+))\b", re.IGNORECASE)


def _first(pattern: re.Pattern[str], segments: list[tuple[int, str]]) -> tuple[int, str] | None:
    for index, text in segments:
        m = pattern.search(text)
        if m:
            return index, m.group().strip()
    return None


def warning_messages(segments: list[tuple[int, str]]) -> list[Msg]:
    """Warnings for the researcher (messages with ids) for one interview's exported segments."""
    role = _first(_UNIQUE, segments) or _first(_TITLE, segments)
    if role is None:
        return []
    place = _first(_PLACE, segments)
    tenure = _first(_TENURE, segments)
    if place is None and tenure is None:
        return []
    parts = [Msg("deid.qi_role", words=role[1], segment=role[0] + 1)]
    if place:
        parts.append(Msg("deid.qi_place", words=place[1], segment=place[0] + 1))
    if tenure:
        parts.append(Msg("deid.qi_tenure", words=tenure[1], segment=tenure[0] + 1))
    listed = Join([Join(parts[:-1], ", "), parts[-1]], Msg("deid.qi_and"))
    return [Msg("deid.qi_warning", listed=listed)]


def warnings_for(segments: list[tuple[int, str]]) -> list[str]:
    """``warning_messages`` as English sentences (logs, the CLI's JSON)."""
    return [m.render() for m in warning_messages(segments)]
