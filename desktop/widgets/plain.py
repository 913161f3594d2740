"""Small formatting helpers shared by views."""

from __future__ import annotations


def clock(seconds: float) -> str:
    """12:34 or 1:02:03."""
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
