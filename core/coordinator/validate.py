"""Shape checks on a packet's interview.json before it is stored.

The reader already checked the signature, the manifest and the format tag; this checks that
the fields the inbox stores and aggregates have the types the contract promises, so a packet
from an enrolled but buggy (or newer) app is rejected with a reason rather than half stored.
"""

from __future__ import annotations

from typing import Any


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _opt_int(value: Any) -> bool:
    return value is None or _is_int(value)


def problems(doc: dict[str, Any]) -> list[str]:
    """What is wrong with ``doc`` (empty when it can be stored)."""
    out: list[str] = []
    meta = doc.get("interview")
    if not isinstance(meta, dict) or not isinstance(meta.get("code"), str) or not isinstance(meta.get("site"), str):
        out.append("interview code or site missing")
    elif not isinstance(meta.get("month", ""), str):
        out.append("interview month is not text")
    if not isinstance(doc.get("guide", {}), dict):
        out.append("guide is not an object")
    for name, keys in (("codebook", ("id",)), ("questions", ("id",)), ("segments", ("index",)),
                       ("tags", ("segment", "theme")), ("memos", ())):
        items = doc.get(name, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) and all(k in i for k in keys)
                                                  for i in items):
            out.append(f"{name} is not a list of entries with {', '.join(keys) or 'text'}")
    if out:
        return out
    indexes = [s["index"] for s in doc.get("segments", [])]
    if not all(_is_int(i) for i in indexes) or len(set(indexes)) != len(indexes):
        out.append("segment indexes are not distinct whole numbers")
    elif not all(isinstance(s.get("text", ""), str) and _opt_int(s.get("start_ms")) and _opt_int(s.get("end_ms"))
                 for s in doc.get("segments", [])):
        out.append("a segment has text or times of the wrong type")
    known = set(indexes)
    for tag in doc.get("tags", []):
        if tag["segment"] not in known or not _opt_int(tag.get("start")) or not _opt_int(tag.get("end")):
            out.append("a tag points outside the transcript")
            break
    for memo in doc.get("memos", []):
        if not isinstance(memo.get("text"), str) or not (memo.get("segment") is None or memo.get("segment") in known):
            out.append("a memo has no text or points outside the transcript")
            break
    ids = [q["id"] for q in doc.get("questions", [])]
    if len(set(map(str, ids))) != len(ids):
        out.append("a guide question appears twice")
    themes = [t["id"] for t in doc.get("codebook", [])]
    if len(set(map(str, themes))) != len(themes):
        out.append("a theme appears twice in the codebook")
    return out
