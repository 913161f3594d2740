"""Names of towns, regions and countries, offline: ``place_names.txt``.

The list is built from the place descriptions that ``phonenumbers`` (libphonenumber, already
installed through Presidio) ships for every area code and country, in English and Spanish
(``build_place_names.py``; decision 0190 uses it to drop a person reading). Here it tells a place
said alone (a note, decision 0195) from a workplace: "walnut creek" cut out of a listed
"Cheesecake Factory Walnut Creek" is where the site is, not which site (decision 0196).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

_FILE = Path(__file__).with_name("place_names.txt")


def fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces ("San José" -> "san jose")."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    return " ".join(folded.replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    try:
        lines = _FILE.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover - shipped with the package
        return frozenset()
    return frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


_ARTICLE = re.compile(r"^(?:the|el|la|los|las)\s+")


def is_place(phrase: str) -> bool:
    """True when ``phrase`` is a town, region or country by that name ("walnut creek", "san
    josé", "Los Ángeles", "Honduras"); a street or a workplace is not."""
    key = fold(phrase.strip(" ,.")).replace("st. ", "saint ")
    return bool(key) and (key in _places() or _ARTICLE.sub("", key) in _places())
