"""Phone numbers: written ones in any country's format (``phonenumbers``), spoken ones (ours).

``phonenumbers`` (Google's libphonenumber, already installed through Presidio) knows every
country's numbering plan, so "+41 (0)96 471 07 95", "(37) 788-063" and "55 1234 5678" are
found as well as "217-555-0192 ext. 45". We ask it with the regions our participants most
often have numbers from (US and Mexico) and at POSSIBLE leniency, because a participant's
number said in an interview is often a local one without its area code (decision 0105).
Spoken digits ("two one seven, five five five, oh one nine two", "cinco cinco cinco") never
reach it: they come from the number runs of ``core.deid.numbers``.
"""

from __future__ import annotations

import logging
import re

import phonenumbers

from core.deid.findings import Finding
from core.deid.numbers import NumberRun, ascii_digits

log = logging.getLogger(__name__)
REGIONS = ("US", "MX")
_PHONE_CONTEXT = re.compile(
    r"\b(phone|number|cell|call|called|calling|text|texted|reach|dial|digits|line|extension|ext|"
    r"landline|mobile|fax|contact|whatsapp|tel[eé]fono|n[uú]mero|celular|cel|m[aá]rc[a-zá]*|"
    r"ll[aá]m[a-zá]*|mensaje|extensi[oó]n)\b", re.IGNORECASE)
_ID_CUE = re.compile(r"\b(?:badge|employee|card|id|permit|license|licence|cert|account|case|file|member|"
                     r"locker|order|invoice|ticket|claim|policy|folio|credencial|tarjeta)\b[^.]{0,20}$",
                     re.IGNORECASE)
_WRITTEN_7 = re.compile(r"^\d{3}[-.\s]\d{4}$")
# Spoken extensions: "extension four five", "ext 204", "extensión cuarenta y cinco".
_EXTENSION = re.compile(r"\s*,?\s*(?:extension|ext\.?|x|extensi[oó]n)\s+", re.IGNORECASE)
# A written date or a clock time is not a phone ("2019-03-14", "10:30").
_NOT_A_PHONE = re.compile(r"^(?:(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.](?:19|20)?\d\d|\d\d?:\d\d)$")


def _matched(text: str) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for region in REGIONS:
        try:
            matches = list(phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE))
        except Exception:  # noqa: BLE001 - a library failure must not hide the other recognizers
            log.warning("phonenumbers failed on region %s; spoken-number rules still run", region)
            continue
        for m in matches:
            raw = m.raw_string
            digits = ascii_digits(raw)
            if (m.start, m.end) in seen or len(digits) < 7 or _NOT_A_PHONE.match(raw.strip()) \
                    or re.search(r"[.,;]\s", raw):
                continue  # "apartamento 214. 77036": a sentence or a list breaks inside it
            seen.add((m.start, m.end))
            international = raw.lstrip().startswith("+")
            before = text[max(0, m.start - 60):m.start]
            if not international and len(digits) < 10 and "(" not in raw and not (
                    _PHONE_CONTEXT.search(before) and not _ID_CUE.search(before[-30:])) \
                    and not _WRITTEN_7.match(raw.strip()):
                continue  # "card 4418-2290": a short number with no phone word is an ID or a count
            score = 0.9 if international or len(digits) >= 10 else 0.7
            out.append(Finding(m.start, m.end, "PHONE", raw, score, "phone", canonical=digits[-10:]))
    return out


def _spoken(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Ten digits (or 1 + ten); seven digits when a phone word is near or written as 555-0192;
    eight (Mexico City) after a phone word. An extension that follows joins the number."""
    out: list[Finding] = []
    by_start = {r.start: r for r in runs}
    for run in runs:
        d = run.digits
        span = text[run.start:run.end]
        near = _PHONE_CONTEXT.search(text[max(0, run.start - 60):run.start])
        if len(d) == 10 or (len(d) == 11 and d.startswith("1")) or (len(d) == 12 and d.startswith("52")):
            score = 0.9 if run.is_spoken or len(run.chunks) >= 2 else 0.6
        elif len(d) in (7, 8) and len(run.chunks) >= 2 and (near or _WRITTEN_7.match(span)) and ". " not in span \
                and not _ID_CUE.search(text[max(0, run.start - 30):run.start]):  # "card number is FH 2209-4471"
            score = 0.75
        else:
            continue
        start, end = run.start, run.end
        while start > 0 and text[start - 1] in "(+":  # "(217) 555-0192", "+1 217..."
            start -= 1
        ext = _EXTENSION.match(text, end)
        if ext:
            nxt = by_start.get(ext.end())
            if nxt is not None and len(nxt.digits) <= 6:
                end = nxt.end
        out.append(Finding(start, end, "PHONE", text[start:end], score,
                           "spoken_phone" if run.is_spoken else "phone", canonical=d[-10:]))
    return out


# Digits in groups, as numbers are written outside North America: "0490 75 40 81",
# "60-56-85-91", "03.93.92.16.85", "+41 (0)96 471 07 95", "(99) 645-791", "9472 7916".
_GROUPED = re.compile(r"(?<![\w.+-])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{1,4}\)[ \t.-]?)?\d{2,4}(?:[ \t.-]\d{2,4}){1,4}"
                      r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w-])", re.IGNORECASE)
_LABEL = re.compile(r"\b(?:phone|tel|mobile|cell|fax|desk|office|home|work)\s*(?:number|no\.?|#)?\s*[:.]?\s*$",
                    re.IGNORECASE)


_LABEL_AFTER = re.compile(r"[\s-]{0,2}\(?(?:office|mobile|cell|fax|home|work|tel|phone|direct|landline|m[oó]vil|"
                          r"celular|oficina|casa)\b", re.IGNORECASE)


def _grouped(text: str) -> list[Finding]:
    """Grouped digits that are a phone by their shape and place: after a phone word or label
    ("call me on", "Mobile:", "messages to"), or starting with "+", "(" or a trunk 0 with nine
    digits or more (decision 0154). Dates, times, amounts and ID numbers stay out."""
    out: list[Finding] = []
    for m in _GROUPED.finditer(text):
        raw = m.group()
        digits = ascii_digits(raw)
        if not 7 <= len(digits) <= 15 or _NOT_A_PHONE.match(raw.strip()) or re.fullmatch(r"\d{4}[\s-]\d{4}", raw) \
                and re.match(r"(?:19|20)\d\d", raw):
            continue  # "2019 2020": years
        before = text[max(0, m.start() - 40):m.start()]
        cue = (_PHONE_CONTEXT.search(before) or _LABEL.search(before)
               # "stop receiving messages to 699 956 915", "they're not answering at 78 651 450"
               or re.search(r"\b(?:messages?|answering|answer|reach|ring|texts?)\s+(?:to|at|on)?\s*$", before, re.IGNORECASE)
               or re.search(r"\b(?:on|at)\s+$", before, re.IGNORECASE)
               and _PHONE_CONTEXT.search(text[max(0, m.start() - 80):m.start()])
               # a label after it: "416 60 039 office", "21 253 109 8211-Office"
               or _LABEL_AFTER.match(text, m.end()))
        shape = raw[0] in "+(" or (raw[0] == "0" and len(digits) >= 9)
        if _ID_CUE.search(before[-30:]) or not (cue or shape):
            continue
        out.append(Finding(m.start(), m.end(), "PHONE", raw, 0.7, "phone", canonical=digits[-10:]))
    return out


# "la extensión 214", "extension two one four": an office extension said alone reaches one person.
_EXTENSION_ALONE = re.compile(r"\b(?:extension|extensi[oó]n|ext\.?)\s+(?:#\s*)?\d{2,5}\b", re.IGNORECASE)
# "más cinco cero tres, siete ocho cuatro dos, uno uno cero nueve", "plus two five two ...": a
# country code said as "plus"/"más" makes 11 or 12 spoken digits an international number.
_PLUS_BEFORE = re.compile(r"(?:\+|\bplus|\bm[aá]s)\s*$", re.IGNORECASE)


def _international_spoken(text: str, runs: list[NumberRun]) -> list[Finding]:
    out = []
    for run in runs:
        m = _PLUS_BEFORE.search(text[max(0, run.start - 6):run.start])
        if m and 10 <= len(run.digits) <= 13 and len(run.chunks) >= 3:
            start = run.start - (len(text[max(0, run.start - 6):run.start]) - m.start())
            out.append(Finding(start, run.end, "PHONE", text[start:run.end], 0.8, "spoken_phone",
                               canonical=run.digits))
    return out


def phones(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Every phone number in ``text``, written in any format or spoken digit by digit."""
    out = _matched(text) + _grouped(text) + _spoken(text, runs) + _international_spoken(text, runs)
    out += [Finding(m.start(), m.end(), "PHONE", m.group(), 0.6, "phone", canonical=ascii_digits(m.group()))
            for m in _EXTENSION_ALONE.finditer(text)]
    return out
