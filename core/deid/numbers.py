"""Numbers written and spoken: runs of digits and number words with their character spans.

Whisper writes what people say, so a phone number arrives as "two one seven, five five five,
oh one nine two" as often as "217-555-0192". A *run* is a sequence of number tokens joined
only by separators (spaces, commas, dashes, dots, brackets, the words "dash"/"hyphen"); it is
turned into the digit string a person would dial, and into a value where that makes sense.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9,
         # Spanish ("cinco cinco cinco, cero uno nueve dos"); "un"/"una" are articles far more
         # often than digits, so they are left out.
         "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
         "ocho": 8, "nueve": 9}
ZERO_LETTERS = {"oh", "o"}  # "five five five oh one": only inside a run, never first
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
         "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
         "veintiuno": 21, "veintiun": 21, "veintiún": 21, "veintidos": 22, "veintidós": 22, "veintitres": 23, "veintitrés": 23,
         "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintiséis": 26, "veintisiete": 27,
         "veintiocho": 28, "veintinueve": 29}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
        "noventa": 90}
REPEATS = {"double": 2, "triple": 3, "doble": 2}
SCALES = {"hundred": 100, "thousand": 1000, "mil": 1000}
# Spanish hundreds are single words ("ciento veinte", "doscientos cinco").
HUNDREDS = {"cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
            "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
            "ochocientos": 800, "novecientos": 900}
NUMBER_WORDS = set(UNITS) | set(TEENS) | set(TENS) | set(REPEATS) | set(SCALES) | set(HUNDREDS) | ZERO_LETTERS
SEPARATOR_WORDS = {"dash", "hyphen", "guion", "guión"}
# Joins tens and units: "treinta y cinco", "forty and two" is not said.
_TENS_JOINER = {"y"}
_SEPARATOR_CHARS = set(",-.()/+–—:")
# Put between two words of a run where the speaker paused (", "): the end of a spoken group.
GROUP_BREAK = ","

# ``\d`` is any Unicode decimal digit ("217", full-width "２１７", Arabic-Indic); superscripts
# and fractions ("m²", "½") are not decimal and stay single symbols. ``str.isdigit`` is true
# for "²" and ``int("²")`` raises, which once made "40 m²" impossible to de-identify.
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|\S")


def is_digits(text: str) -> bool:
    """True for a non-empty string of decimal digits in any script (never "²" or "½")."""
    return text.isdecimal()


def ascii_digits(text: str) -> str:
    """Decimal digits of any script as ASCII ("２１７" -> "217"); other characters dropped."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class NumberRun:
    """Number tokens in a row: where they are, the digits as dialled, and the chunks."""

    start: int
    end: int
    digits: str
    chunks: tuple[str, ...]  # one per spoken group ("seventeen" -> "17")
    is_spoken: bool          # at least one number word

    @property
    def value(self) -> int | None:
        """The run read as one number ("ninety two" -> 92), or None for digit strings."""
        if len(self.chunks) == 1 and self.chunks[0]:
            return int(self.chunks[0])
        return None


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _is_number_token(tok: Token) -> bool:
    return is_digits(tok.text) or tok.lower in NUMBER_WORDS


def _is_separator(tok: Token) -> bool:
    return tok.text in _SEPARATOR_CHARS or tok.lower in SEPARATOR_WORDS


def _below_hundred(words: list[str], i: int) -> tuple[int | None, int]:
    """Read "forty two" / "twelve" / "seven" at ``words[i]``; returns (value, next index)."""
    if i >= len(words):
        return None, i
    w = words[i]
    if w in TENS:
        if i + 1 < len(words) and words[i + 1] in UNITS and UNITS[words[i + 1]] > 0:
            return TENS[w] + UNITS[words[i + 1]], i + 2
        if i + 2 < len(words) and words[i + 1] in _TENS_JOINER and words[i + 2] in UNITS \
                and UNITS[words[i + 2]] > 0:
            return TENS[w] + UNITS[words[i + 2]], i + 3
        return TENS[w], i + 1
    if w in HUNDREDS:
        rest, j = _below_hundred(words, i + 1)
        # "ciento veinte" is 120; "quinientos, cinco cinco..." in dictation starts a new group,
        # but "quinientos cuatro, cinco cinco cinco": a comma closes the group "504".
        if rest is not None and not (words[i + 1] in UNITS and j < len(words) and words[j] != GROUP_BREAK):
            return HUNDREDS[w] + rest, j
        return HUNDREDS[w], i + 1
    if w in TEENS:
        return TEENS[w], i + 1
    if w in UNITS:
        return UNITS[w], i + 1
    return None, i


def words_to_chunks(words: list[str]) -> list[str]:
    """Turn number words (lower case, digits allowed) into digit chunks as a person dials them."""
    chunks: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if is_digits(w):
            chunks.append(ascii_digits(w))
            i += 1
        elif w in ZERO_LETTERS:
            chunks.append("0")
            i += 1
        elif w in REPEATS and i + 1 < len(words):
            nxt = words[i + 1]
            digit = "0" if nxt in ZERO_LETTERS else (str(UNITS[nxt]) if nxt in UNITS else "")
            chunks.append(digit * REPEATS[w] if digit else "")
            i += 2 if digit else 1
        elif w == GROUP_BREAK:
            i += 1
        elif w == "mil" and i + 1 < len(words) and (words[i + 1] in HUNDREDS or words[i + 1] in TEENS
                                                    or words[i + 1] in TENS):
            # "mil ciento ocho" is 1108: Spanish says a thousand without "un"
            rest, j = _below_hundred(words, i + 1)
            chunks.append(str(1000 + (rest or 0)))
            i = j
        elif w in SCALES:
            i += 1  # a bare "hundred" with nothing before it; ignore
        else:
            value, j = _below_hundred(words, i)
            if value is None:
                i += 1
                continue
            i = j
            # "five hundred twelve", "eighteen hundred", "two thousand nineteen"
            if i < len(words) and words[i] in SCALES:
                scale = SCALES[words[i]]
                value *= scale
                i += 1
                if i < len(words) and words[i] == "and":
                    i += 1
                if scale == 1000 and i < len(words) and words[i + 0] in UNITS and i + 1 < len(words) \
                        and words[i + 1] == "hundred":
                    value += UNITS[words[i]] * 100
                    i += 2
                rest, k = _below_hundred(words, i)
                # "eight hundred five five five...": in dictation a digit after "hundred"
                # starts the next group; "five hundred three" (run ends) is 503.
                if rest is not None and words[i] in UNITS and k < len(words) and words[k] != GROUP_BREAK:
                    rest = None
                if rest is not None:
                    value += rest
                    i = k
            chunks.append(str(value))
    return [c for c in chunks if c]


def _ends_run(text: str, last: Token, sep: Token, nxt: Token) -> bool:
    """A sentence end ("... oh one oh eight. nine oh one") or a switch between written digits and
    number words at a pause ("555-0108, nine oh one", "cuatro dos tres, 0071423") ends a run: the
    same number is being said again, not continued. "03.93.92.16.85", "281 . 630 . 5512" and
    "(313) five five five" stay one."""
    if sep.text not in ",." or not text[sep.end:sep.end + 1].isspace():
        return False
    if sep.text == "." and not text[sep.start - 1:sep.start].isspace():
        return True  # "281 . 630 . 5512" (dots set apart by spaces) is one written number
    return is_digits(last.text) != is_digits(nxt.text)


def _mil_leads(toks: list[Token], i: int) -> bool:
    """"mil ciento ocho de story road": Spanish "mil" starts a number when a hundreds, teen or
    tens word follows it ("mil gracias", "mil pesos" are no numbers)."""
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    return toks[i].lower == "mil" and (nxt in HUNDREDS or nxt in TEENS or nxt in TENS)


def number_runs(text: str, toks: list[Token] | None = None) -> list[NumberRun]:
    """Every run of number tokens (written digits, number words or both) in ``text``."""
    toks = tokens(text) if toks is None else toks
    runs: list[NumberRun] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not _is_number_token(tok) or tok.lower in ZERO_LETTERS or tok.lower in SCALES and not _mil_leads(toks, i):
            i += 1
            continue
        members = [tok]
        breaks: set[int] = set()  # indices in members after which a ", " pause falls
        j = i + 1
        while j < len(toks):
            if _is_number_token(toks[j]):
                members.append(toks[j])
                j += 1
            elif toks[j].lower == "and" and j + 1 < len(toks) and members[-1].lower in SCALES:
                j += 1  # "two hundred and five"
            elif toks[j].lower in _TENS_JOINER and j + 1 < len(toks) and members[-1].lower in TENS \
                    and toks[j + 1].lower in UNITS:
                members.append(toks[j])  # "treinta y cinco": kept so the words read as 35
                j += 1
            elif _is_separator(toks[j]) and j + 1 < len(toks) and _is_number_token(toks[j + 1]):
                if _ends_run(text, members[-1], toks[j], toks[j + 1]):
                    break
                if toks[j].text == "," and text[toks[j].end:toks[j].end + 1].isspace():
                    breaks.add(len(members) - 1)
                j += 1
            else:
                break
        # A trailing "oh"/"o" is usually an exclamation or a letter, not a zero -- unless it
        # completes a phone number ("... oh four four oh").
        trimmed = list(members)
        while trimmed and trimmed[-1].lower in ZERO_LETTERS:
            trimmed.pop()
        if trimmed != members:
            full = "".join(words_to_chunks([m.lower for m in members]))
            short = len("".join(words_to_chunks([m.lower for m in trimmed])))
            # "... ocho ocho cero siete. o por correo": the number is whole without the "o"
            if len(full) not in (7, 10, 11) or len(full) == short or short in (7, 10):
                members = trimmed
        words: list[str] = []
        for k, m in enumerate(members):
            words.append(m.lower)
            if k in breaks and k + 1 < len(members):
                words.append(GROUP_BREAK)
        chunks = words_to_chunks(words)
        if chunks:
            runs.append(NumberRun(members[0].start, members[-1].end, "".join(chunks), tuple(chunks),
                                  any(not is_digits(m.text) for m in members)))
        i = j
    return runs
