"""Build ``place_names.txt`` from the place descriptions that phonenumbers ships (a build step,
never run by the app).

phonenumbers (Apache-2.0, a port of Google's libphonenumber) carries, for its geocoder, the
English and Spanish names of the towns, regions and countries its number prefixes belong to:
36,000 names, from "daly city" and "san mateo" to "addis ababa" and "ho chi minh city". Loading
that data costs about 100 MB of memory, so the app reads this derived list instead (decision
0190). Lines: one place name, lower case, accents dropped, at most four words; a
region's name is followed by a tab and "r", a country's by a tab and "c".

    python -m core.deid.build_place_names > core/deid/place_names.txt
"""

from __future__ import annotations

import sys
import unicodedata


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _resolve(table: dict[str, str], lang: str) -> str:
    value = table.get(lang, "")
    seen = 0
    while value.startswith("*") and seen < 5:  # "*aa": the same as language "aa"
        value, seen = table.get(value[1:], ""), seen + 1
    return value


def _names(descriptions: list[str]) -> set[str]:
    out: set[str] = set()
    for text in descriptions:
        for part in text.replace("/", ",").split(","):
            name = " ".join(_fold(part).lower().replace("-", " ").split())
            if name and not name.startswith("*") and len(name.split()) <= 4 and any(c.isalpha() for c in name):
                out.add(name)
    return out


def place_names() -> list[str]:
    """Lines ``name`` for towns, ``name<TAB>r`` for regions, ``name<TAB>c`` for countries."""
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.geodata.locale import LOCALE_DATA
    towns = _names([v.get(lang, "") for v in GEOCODE_DATA.values() for lang in ("en", "es")])
    countries = _names([_resolve(v, lang) for v in LOCALE_DATA.values() for lang in ("en", "es")])
    # A region: the whole description of a short prefix (a US area code: "1510" -> "California").
    regions = _names([v.get(lang, "") for k, v in GEOCODE_DATA.items() for lang in ("en", "es")
                      if len(k) <= 4 and "," not in v.get(lang, ",")]) - countries
    return sorted([n for n in towns - countries - regions] + [f"{n}\tr" for n in regions]
                  + [f"{n}\tc" for n in countries])


def main() -> int:
    sys.stdout.write("# place names v1: phonenumbers geocoder data (Apache-2.0), see place_names.LICENSE\n")
    sys.stdout.write("\n".join(place_names()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
