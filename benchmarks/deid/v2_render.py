"""Surface forms for the v2 labelled sets: how a name, a phone, an address... comes out of
Whisper (spoken or written, cased or lower case, with or without accents). Shared by the dev
generator only; the test generator has its own (``gen_test_v2.py``)."""

from __future__ import annotations

import random
import unicodedata

DIG = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIG_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TENS_ES = ["", "diez", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]
STREETS = ["maple", "oak", "foothill", "macarthur", "international", "fruitvale", "cedar", "lincoln", "mission",
           "alvarado", "crenshaw", "pico", "florin", "bandini"]
SUFFIX = ["street", "avenue", "boulevard", "drive", "road", "st", "ave"]
CITIES = ["oakland", "fresno", "stockton", "san jose", "salinas", "bakersfield", "modesto", "houston"]
CALLES = ["hidalgo", "morelos", "juárez", "insurgentes", "reforma", "zaragoza", "allende", "guerrero"]
COLONIAS = ["las flores", "el mirador", "san rafael", "santa cruz", "la joya"]
DOMAINS = ["gmail", "yahoo", "hotmail", "outlook"]


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def two(n: int, es: bool = False) -> str:
    if es:
        if n < 10:
            return DIG_ES[n]
        units = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
        teens = {10: "diez", 11: "once", 12: "doce", 13: "trece", 14: "catorce", 15: "quince", 16: "dieciséis",
                 17: "diecisiete", 18: "dieciocho", 19: "diecinueve", 20: "veinte", 21: "veintiuno",
                 22: "veintidós", 23: "veintitrés", 24: "veinticuatro", 25: "veinticinco", 26: "veintiséis",
                 27: "veintisiete", 28: "veintiocho", 29: "veintinueve"}
        if n in teens:
            return teens[n]
        t, u = divmod(n, 10)
        return TENS_ES[t] + (f" y {units[u]}" if u else "")
    if n < 10:
        return DIG[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + (f" {DIG[u]}" if u else "")


class Renderer:
    def __init__(self, rng: random.Random, language: str, cased: bool) -> None:
        self.rng, self.es, self.cased = rng, language == "es", cased

    # --- people ---------------------------------------------------------------------------
    def person(self, first: list[str], surnames: list[str]) -> tuple[str, str]:
        return self.rng.choice(first), self.rng.choice(surnames)

    def full(self, p: tuple[str, str]) -> str:
        return " ".join(w.capitalize() for w in f"{p[0]} {p[1]}".split()).strip()

    def case_name(self, s: str) -> str:
        if not self.cased:
            return s.lower()
        small = {"de", "la", "del", "los", "las", "y", "the", "van", "st"}
        return " ".join(w if w in small else "-".join(x[:1].upper() + x[1:] for x in w.split("-")) for w in s.split())

    def mention(self, p: tuple[str, str]) -> str:
        first, last = p
        form = self.rng.random()
        if not last or form < 0.45:
            text = first
        elif form < 0.85:
            text = f"{first} {last}"
        else:
            text = last
        if self.rng.random() < 0.3:
            text = strip_accents(text)  # Whisper drops accents about as often as it keeps them
        return self.case_name(text)

    def mark(self, etype: str, text: str) -> str:
        return f"[[{etype}|{text}]]"

    # --- numbers --------------------------------------------------------------------------
    def _spoken_digits(self, digits: str) -> str:
        words = DIG_ES if self.es else DIG
        out = []
        for ch in digits:
            d = int(ch)
            out.append("oh" if not self.es and d == 0 and self.rng.random() < 0.6 else words[d])
        return " ".join(out)

    def phone(self) -> str:
        rng = self.rng
        area = rng.choice(["217", "415", "559", "510", "323", "713", "956", "209"])
        line = f"{rng.randint(100, 199):04d}"
        kind = rng.random()
        if self.es and kind < 0.25:
            a, b, c, d = "55", f"{rng.randint(10, 99)}", f"{rng.randint(10, 99)}", f"{rng.randint(10, 99)}"
            return ", ".join(two(int(x), True) for x in (a, b, c, d)) + (", " + two(rng.randint(10, 99), True))
        if self.es and kind < 0.35:
            return f"+52 55 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
        if kind < 0.45:
            return f"{self._spoken_digits(area)}, {self._spoken_digits('555')}, {self._spoken_digits(line)}"
        if kind < 0.55:
            return f"({area}) 555-{line}"
        if kind < 0.65:
            return f"{area}-555-{line}"
        if kind < 0.72:
            return f"{area}.555.{line}"
        if kind < 0.8:
            return f"555-{line}"
        if kind < 0.88:
            return f"{area} 555 {line} extension {rng.randint(10, 99)}"
        return f"{self._spoken_digits(area)} {self._spoken_digits('555')} {self._spoken_digits(line)}"

    def address(self) -> str:
        rng = self.rng
        n = rng.randint(100, 9899)
        street, suffix = rng.choice(STREETS), rng.choice(SUFFIX)
        kind = rng.random()
        if self.es and kind < 0.5:
            sub = rng.random()
            if sub < 0.4:
                return f"la calle {self.case_name(rng.choice(CALLES))} {rng.randint(10, 999)}"
            if sub < 0.7:
                return f"avenida {self.case_name(rng.choice(CALLES))} número {rng.randint(100, 2999)}"
            return f"la colonia {self.case_name(rng.choice(COLONIAS))}"
        if kind < 0.3:
            addr = f"{n} {self.case_name(street)} {self.case_name(suffix)}"
        elif kind < 0.45:
            hi, lo = divmod(n, 100)
            addr = f"{two(hi)} {two(lo) if lo >= 10 else 'oh ' + DIG[lo]} {street} {suffix}"
        elif kind < 0.6:
            k = rng.randint(1, 19)
            direction = rng.choice(["east", "west", "north", "south"])
            ordinal = ORD[k - 1] if rng.random() < 0.5 else f"{k + 1}{'th' if k + 1 > 3 else ['st', 'nd', 'rd'][k]}"
            addr = f"{n} {self.case_name(direction)} {ordinal} {self.case_name(suffix)}"
        elif kind < 0.7:
            addr = f"the corner of {self.case_name(street)} and {rng.randint(2, 98)}th"
        elif kind < 0.8:
            addr = f"p.o. box {rng.randint(100, 9999)}"
        else:
            addr = f"{n} {self.case_name(street)} {self.case_name(suffix)}, apartment {rng.randint(1, 9)}{rng.choice('abcd')}"
        if kind < 0.6 and rng.random() < 0.35:
            addr += f", {self.case_name(rng.choice(CITIES))}"
        return addr

    def email(self, p: tuple[str, str]) -> str:
        first = strip_accents(p[0].split()[0])
        last = strip_accents(p[1].replace(" ", "")) if p[1] else "x"
        dom = self.rng.choice(DOMAINS)
        n = self.rng.randint(1, 99)
        if self.rng.random() < 0.5:
            return f"{first}.{last}{n}@{dom}.com"
        if self.es:
            return f"{first} punto {last} arroba {dom} punto com"
        return f"{first} dot {last} {n} at {dom} dot com"

    def date(self) -> str:
        rng = self.rng
        m, d, y = rng.randint(0, 11), rng.randint(1, 28), rng.randint(2015, 2025)
        kind = rng.random()
        if self.es:
            if kind < 0.5:
                return f"{d} de {MESES[m]} de {y}"
            return f"{two(d, True)} de {MESES[m]}"
        if kind < 0.3:
            suffix = "th" if d > 3 and d < 21 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
            return f"{MONTHS[m]} {d}{suffix}, {y}"
        if kind < 0.55:
            return f"the {ORD[d - 1] if d <= 20 else 'twenty ' + ORD[d - 21]} of {MONTHS[m]}"
        if kind < 0.75:
            return f"{m + 1}/{d}/{y}"
        return f"{MONTHS[m]} {ORD[d - 1] if d <= 20 else 'twenty ' + ORD[d - 21]}"

    def id_number(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            return str(rng.randint(10000, 99999))
        if kind < 0.7:
            return self._spoken_digits(str(rng.randint(10000, 99999)))
        return f"{rng.choice('abwx')}-{rng.randint(10000, 99999)}"

    def age(self) -> str:
        return two(self.rng.randint(90, 99)) if self.rng.random() < 0.6 else str(self.rng.randint(90, 99))


def finish(r: Renderer, lines: list[str]) -> str:
    """Join sentences as Whisper would: lower case, or sentence case when cased."""
    import re
    out = []
    for line in lines:
        if r.cased:
            line = re.sub(r"(?<![\w|])i(?=\b(?:'m|'ve|'d|'ll)?(?![\w]))", "I", line)
            if line.startswith("[["):
                bar = line.index("|") + 1
                line = line[:bar] + line[bar:bar + 1].upper() + line[bar + 1:]
            else:
                line = line[:1].upper() + line[1:]
        out.append(line)
    return " ".join(out)
