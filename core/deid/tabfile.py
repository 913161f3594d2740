"""The word lists shipped next to the detector (``name_lexicon.txt``, ``place_names.txt``):
one entry a line, ``word<TAB>kinds``, lines starting with "#" are comments."""

from __future__ import annotations

from pathlib import Path


def read_tab_file(path: Path) -> dict[str, str]:
    """word -> the letters after its tab ("" when none)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, kinds = line.partition("\t")
            out[name] = kinds
    return out
