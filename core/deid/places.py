"""Names of towns, states and countries, offline, from the phone-number library's own data.

``phonenumbers`` (libphonenumber, already installed through Presidio) ships a geocoder: for
every North American, Mexican and Central American area code it names the town and state
("Walnut Creek, CA", "Moreno Valley, CA", "Iguala, GRO"), and it names every country in
English and Spanish. That is a maintained gazetteer of the places our participants talk about,
read once per process (about 0.4 s). It tells a place said alone (a note, decision 0195) from a
workplace or a person: "walnut creek" cut out of a listed "Cheesecake Factory Walnut Creek" is
where the site is, not which site.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata

log = logging.getLogger(__name__)

# Country calling codes whose towns we read: North America, Mexico, Central America and the
# Caribbean, and the countries most of our participants come from.
_PREFIXES = ("1", "52", "501", "502", "503", "504", "505", "506", "507", "53", "57", "51", "593", "58", "63", "84")
_STATE_CODES = re.compile(r",\s*[A-Z][A-Za-z.]{1,4}$")


def fold(text: str) -> str:
    """Lower case without accents ("San José" -> "san jose")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    started = time.monotonic()
    out: set[str] = set()
    try:
        from phonenumbers.geodata import GEOCODE_DATA
        from phonenumbers.geodata.locale import LOCALE_DATA
    except ImportError:  # pragma: no cover - phonenumbers is a dependency
        return frozenset()
    for prefix, names in GEOCODE_DATA.items():
        if not prefix.startswith(_PREFIXES):
            continue
        for lang in ("en", "es"):
            desc = names.get(lang)
            if not desc:
                continue
            for part in _STATE_CODES.sub("", desc).split(","):
                part = part.strip()
                if len(part) >= 3:
                    out.add(fold(part))
    for names in LOCALE_DATA.values():
        for lang in ("en", "es"):
            name = names.get(lang, "")
            name = names.get(name[1:], "") if name.startswith("*") else name
            if name:
                out.add(fold(name))
    log.debug("gazetteer: %d place names in %.2f s", len(out), time.monotonic() - started)
    return frozenset(out)


_ARTICLE = re.compile(r"^(?:the|el|la|los|las)\s+")


def is_place(phrase: str) -> bool:
    """True when ``phrase`` is a town, state or country by that name ("walnut creek", "san
    josé", "Los Ángeles", "Honduras"); a street or a workplace is not."""
    key = re.sub(r"\s+", " ", fold(phrase).strip(" ,.")).replace("st. ", "saint ")
    return bool(key) and (key in _places() or _ARTICLE.sub("", key) in _places())
