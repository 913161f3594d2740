"""Exact dates, written or spoken, generalised to month and year ("[DATE: March 2024]").

A day of the month narrows an event (a hire, an injury, a firing) to one person; the month and
year keep the story's timeline. Only dates with a day are found: "last March" or "in 2019"
stay as they are.
"""

from __future__ import annotations

import re

from core.deid.findings import Finding
from core.deid.numbers import words_to_chunks

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MONTH_ALIASES = {m[:3]: i for i, m in enumerate(MONTHS)} | {"sept": 8} | {m: i for i, m in enumerate(MONTHS)}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_ALIASES, key=len, reverse=True)) + r")\.?"
_ORDINAL_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                  "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                  "twentieth|thirtieth")
_ORDINAL_VALUES = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS.split("|")[:19])} | {
    "twentieth": 20, "thirtieth": 30}
_DAY = (r"(?P<day>(?:twenty|thirty)[\s-](?:" + _ORDINAL_WORDS + r")|" + _ORDINAL_WORDS +
        r"|[0-3]?\d(?:st|nd|rd|th)?)")
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SPOKEN_YEAR = (r"(?:(?:nineteen|twenty)[\s-](?:(?:oh|o)[\s-]" + _UNIT + r"|" + _TEEN + r"|" + _TENS +
                r"(?:[\s-]" + _UNIT + r")?)|two\s+thousand(?:\s+and)?(?:[\s-](?:" + _TEEN + r"|" + _TENS +
                r"(?:[\s-]" + _UNIT + r")?|" + _UNIT + r"))?)")
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2}|" + _SPOKEN_YEAR + r")"
_YEAR_TAIL = r"(?:,?\s*(?:of\s+|in\s+)?" + _YEAR + r")?"

# "june fourteen", "june twenty-one": a day from ten up said as a cardinal after the month; never
# the start of a spoken year ("june twenty twenty-four" is a month and a year) or a count ("july
# twelve people"). "june five" stays out: too often "in june five of us quit".
_CARDINAL_DAY = (r"(?P<day>(?:twenty|thirty)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|"
                 r"thirty|twenty|" + _TEEN + r")"
                 r"(?![\s-]+(?:twenty|nineteen|thousand|two\s+thousand|" + _UNIT + r"|hundred|dollars|bucks|hours|"
                 r"o'?clock|percent|people|days|years|times|more|guys|workers)\b)")
_FULL_MONTH = r"(?P<month>january|february|april|june|july|august|september|october|november|december)"

_CARDINAL_DATE = re.compile(r"\b" + _FULL_MONTH + r"\s+" + _CARDINAL_DAY + r"\b" + _YEAR_TAIL + r"\b", re.IGNORECASE)
# Feast days said as a month and a day ("december twelve she still wants to go to the basilica"):
# a holiday, nobody's date, unless a year or a birthday comes with it (decision 0197).
_FEAST_DAYS = {(11, 12), (11, 24), (11, 25), (11, 31), (9, 31), (10, 1), (10, 2), (8, 15), (8, 16), (1, 14), (6, 4)}

_PATTERNS = [
    # March 3rd, 2024 / march the third twenty twenty four
    re.compile(r"\b" + _MONTH + r"\s+(?:the\s+)?" + _DAY + r"\b" + _YEAR_TAIL + r"\b", re.IGNORECASE),
    _CARDINAL_DATE,
    # the 3rd of March 2024 / third of march
    re.compile(r"\b(?:the\s+)?" + _DAY + r"\s+of\s+" + _MONTH + r"\b" + _YEAR_TAIL + r"\b",
               re.IGNORECASE),
    # 14 March 2024 (the year is required: "second may" is not a date), or "15th march"
    re.compile(r"\b(?P<day>[0-3]?\d(?:st|nd|rd|th)?)\s+" + _MONTH + r"\b,?\s*" + _YEAR + r"\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<day>[0-3]?\d(?:st|nd|rd|th))\s+" + _MONTH + r"\b", re.IGNORECASE),
    # "one time the heat, 8 august": a digit day before a month's full name (not "may", "march")
    re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _FULL_MONTH + r"\b", re.IGNORECASE),
    # 3/14/2024, 03-14-24
    re.compile(r"\b(?P<nmonth>[01]?\d)[/-](?P<nday>[0-3]?\d)[/-](?P<year>(?:19|20)?\d{2})\b"),
    # 2024-03-14
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<nmonth>[01]\d)-(?P<nday>[0-3]\d)\b"),
    # 20/04/2023: the day first where it cannot be a month (Latin American and European order)
    re.compile(r"\b(?P<nday>1[3-9]|2\d|3[01])[/-](?P<nmonth>0?[1-9]|1[0-2])[/-](?P<year>(?:19|20)\d{2})\b"),
]


def _day_value(day: str) -> int | None:
    day = day.lower().replace("-", " ")
    digits = re.match(r"\d+", day)
    if digits:
        return int(digits.group())
    parts = day.split()
    if day in _ORDINAL_VALUES or len(parts) == 2 and parts[1] in _ORDINAL_VALUES:
        if len(parts) == 2:
            return {"twenty": 20, "thirty": 30}[parts[0]] + _ORDINAL_VALUES[parts[1]]
        return _ORDINAL_VALUES[day]
    chunks = words_to_chunks(parts)  # "fourteen", "twenty one"
    return int(chunks[0]) if len(chunks) == 1 else None


def _year_value(year: str | None) -> int | None:
    if not year:
        return None
    if year.isdecimal():
        return int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 50 else 1900 + int(year)
    if year.startswith("'"):
        return 2000 + int(year[1:]) if int(year[1:]) < 50 else 1900 + int(year[1:])
    words = re.split(r"[\s-]+", year.lower())
    digits = "".join(words_to_chunks([w for w in words if w != "and"]))
    if len(digits) == 3 and words[0] in ("nineteen", "twenty"):  # "nineteen oh five" -> 1905
        digits = digits[:2] + "0" + digits[2:]
    return int(digits) if len(digits) == 4 and digits.isdecimal() else None


def generalise(month_index: int, year: int | None) -> str:
    name = MONTHS[month_index].capitalize()
    return f"{name} {year}" if year else name


# Holidays on a fixed day are exact dates too ("on christmas eve" names one day).
_HOLIDAYS = re.compile(
    r"\b(?P<holiday>christmas\s+eve|christmas(?:\s+day)?|new\s+year'?s\s+(?:eve|day)|"
    r"valentine'?s\s+day|halloween|independence\s+day|fourth\s+of\s+july|july\s+fourth|"
    r"veterans\s+day)\b" + _YEAR_TAIL, re.IGNORECASE)
_HOLIDAY_MONTH = {"christmas": 11, "new": 0, "valentine": 1, "halloween": 9, "independence": 6,
                  "fourth": 6, "july": 6, "veterans": 10}


_BIRTHDAY = re.compile(r"\b(?:birthday|born|cumpleaños|nac[ií]|naci[oó]|nacieron|nacimos)\b", re.IGNORECASE)
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]
_ES_DAY = (r"(?P<day>[0-3]?\d|primero|treinta\s+y\s+uno|treinta|veinti\w+|veinte|dieci\w+|diez|once|doce|trece|"
           r"catorce|quince|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)")
_ES_YEAR = (r"(?:\s+(?:de|del)\s+(?P<year>(?:19|20)\d{2}|'?\d{2}\b|dos\s+mil(?:\s+[a-záéíóú]+(?:\s+y\s+[a-záéíóú]+)?)?|"
            # "del veintiuno", "del noventa y ocho": the year said by its last two digits
            r"veinti[a-záéíóú]+|veinte|diez|once|doce|trece|catorce|quince|dieci[a-záéíóú]+|"
            r"(?:noventa|ochenta|setenta)(?:\s+y\s+[a-záéíóú]+)?))?")
# Fixed-day holidays said by their name are no one's date (the label rules of both outside
# writers; decision 0197): "el cinco de mayo hacemos fiesta", "el quince de septiembre".
_ES_HOLIDAYS = {("cinco", 4), ("quince", 8), ("dieciséis", 8), ("dieciseis", 8), ("doce", 11), ("veinticinco", 11),
                ("primero", 4)}
# "el 3 de marzo de 2024", "quince de agosto", "el primero de mayo del dos mil veinte"
_ES_WEEKDAY = r"(?:(?P<wd>lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(?:el\s+)?)?"
# "el lunes quince de enero", "el viernes 7 de marzo": the weekday is part of the date said.
_ES_DATE = re.compile(r"\b" + _ES_WEEKDAY + _ES_DAY + r"\s+de\s+(?P<mes>" + "|".join(MESES) + r"|setiembre)\b" + _ES_YEAR,
                      re.IGNORECASE)


def _es_dates(text: str, taken: list[tuple[int, int]]) -> list[Finding]:
    out: list[Finding] = []
    for m in _ES_DATE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        day_text = m.group("day").lower()
        if day_text == "primero":
            day: int | None = 1
        elif day_text.isdecimal():
            day = int(day_text)
        else:
            chunks = words_to_chunks(day_text.split())
            day = int(chunks[0]) if len(chunks) == 1 else None
        if day is None or not 1 <= day <= 31:
            continue
        mes = m.group("mes").lower()
        month = 8 if mes == "setiembre" else MESES.index(mes)
        year_text = m.group("year")
        # a holiday by its name is nobody's date, unless said as one's own day ("nací el veinticinco
        # de diciembre") or with its weekday ("el viernes doce de diciembre")
        if not year_text and (day_text, month) in _ES_HOLIDAYS and not m.group("wd") \
                and not _BIRTHDAY.search(text[max(0, m.start() - 40):m.start()]):
            continue
        year = None
        if year_text:
            digits = year_text.strip("'") if year_text.strip("'").isdecimal() else \
                "".join(words_to_chunks([w for w in year_text.lower().split() if w != "y"]))
            year = _year_value(digits) if digits else None
        label = generalise(month, year)
        out.append(Finding(m.start(), m.end(), "DATE", m.group(), 0.85, "exact_date", canonical=label, label=label))
        taken.append((m.start(), m.end()))
    return out





def dates(text: str) -> list[Finding]:
    """Dates with a day in them; ``label`` keeps only the month and year."""
    out: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for m in _HOLIDAYS.finditer(text):
        if not m.group("year"):
            continue  # "a ham at christmas", "the fourth of july": a holiday, nobody's date (decision 0197)
        first = re.split(r"[\s']", m.group("holiday").lower())[0]
        month = _HOLIDAY_MONTH.get(first, 0)
        if m.group("holiday").lower().startswith("new year's eve") or first == "new" and "eve" in m.group():
            month = 11
        label = generalise(month, _year_value(m.group("year")))
        out.append(Finding(m.start(), m.end(), "DATE", m.group(), 0.7, "exact_date", canonical=label,
                           label=label))
        taken.append((m.start(), m.end()))
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            if not groups.get("year") and re.search(r"(?:fourth|4th)\s+of\s+july|july\s+(?:fourth|4th)", m.group(),
                                                    re.IGNORECASE) and not _BIRTHDAY.search(text[max(0, m.start() - 40):m.start()]):
                continue  # the holiday by its name (decision 0197)
            if groups.get("month"):
                month = _MONTH_ALIASES[groups["month"].lower()]
                day = _day_value(groups["day"])
                # "may" and "march" are also verbs: a bare "may 5" needs a digit day or a year.
                if groups["month"].lower() in ("may", "march", "mar") and not (
                        groups.get("year") or re.search(r"\d|st|nd|rd|th", groups["day"] or "")):
                    continue
            else:
                month, day = int(groups["nmonth"]) - 1, int(groups["nday"])
            if not (0 <= month < 12) or day is None or not 1 <= day <= 31:
                continue
            if pattern is _CARDINAL_DATE and not groups.get("year") and (month, day) in _FEAST_DAYS \
                    and not _BIRTHDAY.search(text[max(0, m.start() - 40):m.start()]):
                continue
            year = _year_value(groups.get("year"))
            label = generalise(month, year)
            out.append(Finding(m.start(), m.end(), "DATE", m.group(), 0.85, "exact_date",
                               canonical=label, label=label))
            taken.append((m.start(), m.end()))
    return out + _es_dates(text, taken)
