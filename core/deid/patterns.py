"""Our pattern recognizers: emails, IDs and ages, written or spoken (phones and addresses have
their own modules).

Each function takes the text (and its number runs) and returns findings. They are tuned for
conversational transcripts: lower case, spoken digits, "at ... dot com", missing commas.
"""

from __future__ import annotations

import re

from core.deid.findings import Finding
from core.deid.numbers import NumberRun


def phones(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Phone numbers (see ``core.deid.phones``)."""
    from core.deid.phones import phones as _phones
    return _phones(text, runs)


_TLDS = r"(?:com|org|net|edu|gov|mil|io|us|co|info|biz|me|ca|uk|mx|ai|app)"
_WRITTEN_EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_SPOKEN_SEP = r"(?:\s*(?:dot|period|underscore|under\s+score|dash|hyphen|punto|guion\s+bajo|gui[oó]n)\s*|[._-])"
_LOCAL = r"\b[^\W_]+(?:" + _SPOKEN_SEP + r"[^\W_]+)*"      # local part: maria dot gonzalez, mai punto briceño
_AT = r"\s*(?:\bat\b|\bat\s+sign\b|,?\s*\barroba\b|,?\s*@)\s*"  # at ("ochenta y siete, arroba yahoo")
_SPOKEN_EMAIL = re.compile(
    _LOCAL + _AT +
    r"[a-z0-9]+(?:" + _SPOKEN_SEP + r"[a-z0-9]+)*?"         # domain labels
    r"\s*(?:\bdot\b|\bpunto\b|\.)\s*" + _TLDS + r"\b", re.IGNORECASE)
# "yesi punto rosado punto p r arroba gmail": a mail provider's name is the whole domain when the
# speaker stops before "punto com".
_PROVIDER_EMAIL = re.compile(_LOCAL + _AT + r"(?:gmail|hotmail|yahoo|outlook|icloud|aol|protonmail|proton)\b"
                             r"(?!\s*(?:dot|punto|\.)\s*\w)", re.IGNORECASE)
_LOCAL_STOP = {"me", "him", "her", "them", "us", "it", "is", "was", "email", "address", "mail",
               "e", "its", "it's", "and", "or", "the", "my", "his", "hers", "their", "just", "like",
               "um", "uh", "that", "so", "say", "says", "said", "at", "to", "me,", "es", "mi", "correo", "su", "el"}


_EMAIL_CUE = re.compile(r"(?:e-?mail(?:\s+address|\s+me(?:\s+at)?)?|write\s+(?:to\s+)?me\s+at|write\s+to|correo(?:\s+electr[oó]nico)?|"
                        r"mail)\s*(?:is|was|'s|es|,|:)?\s*"
                        r"(?:it'?s\s+|like\s+)?$", re.IGNORECASE)


def _extend_local_part(text: str, start: int) -> int:
    """"my email is sofia c 22 at hotmail dot com": after an e-mail cue, up to three spoken
    words before the matched local part belong to it."""
    window = text[max(0, start - 40):start]
    words = list(re.finditer(r"[A-Za-z0-9]+", window))
    for n in range(min(3, len(words)), 0, -1):
        first = words[-n]
        cue_end = max(0, start - 40) + first.start()
        if _EMAIL_CUE.search(text[max(0, cue_end - 40):cue_end]) and \
                not re.search(r"[^\sA-Za-z0-9]", text[cue_end:start]) and \
                not any(w.group().lower() in _LOCAL_STOP for w in words[-n:]):
            return cue_end
    return start


_SPELLED = re.compile(r"(?:[a-z0-9]|[b-df-hj-np-tv-z]{2}|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                      r"thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|dot|underscore|dash|punto|guion|"
                      # "reinita punto chicas ochenta y dos arroba ...": Spanish number words
                      r"cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|veinti\w+|treinta|"
                      r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)$", re.IGNORECASE)


def _spelled_local_part(text: str, start: int) -> int:
    """"keisha m o n r o e 2 1 at gmail dot com", "tigist dot alemayehu eighty-four at …": letters,
    digits and number words spelled before the address belong to it, and so does one word
    before them that is no filler ("it's keisha m o n r o e …")."""
    words = list(re.finditer(r"[^\W_][\w-]*", text[max(0, start - 80):start]))
    base = max(0, start - 80)
    taken = 0
    i = len(words) - 1
    joiners = ("dot", "underscore", "dash", "punto", "guion")
    while i >= 0 and not re.search(r"[,.;:!?]", text[base + words[i].end():start]) and (
            _SPELLED.match(words[i].group()) or i > 0 and words[i - 1].group().lower() in joiners):
        taken, i = taken + 1, i - 1
    if taken < 2 and not (taken and words[i + 1].group().lower() in joiners):
        return start
    if i >= 0 and words[i].group().lower() not in _LOCAL_STOP and len(words[i].group()) > 1 and \
            not text[base + words[i].end():base + words[i + 1].start()].strip():
        i -= 1
        # "... yahoo.com. osmany ferrer ochenta y siete, arroba ...": a second word when the sentence
        # starts with it (a full name said as the address)
        if i >= 1 and words[i].group().lower() not in _LOCAL_STOP and len(words[i].group()) > 1 and \
                not text[base + words[i].end():base + words[i + 1].start()].strip() and \
                re.search(r"[.!?:]\s*$", text[base + words[i - 1].end():base + words[i].start()]):
            i -= 1
    return base + words[i + 1].start()


def _provider_cued(text: str, m: re.Match[str]) -> bool:
    """"arroba gmail" is an address; "at yahoo" only after an e-mail word ("she works at yahoo")."""
    if re.search(r"arroba|@", m.group(), re.IGNORECASE):
        return True
    return bool(re.search(r"\b(?:e-?mail|correo|mail)\b", text[max(0, m.start() - 80):m.start()], re.IGNORECASE))


def emails(text: str) -> list[Finding]:
    """Written addresses and spoken ones ("maria dot g at gmail dot com")."""
    out = [Finding(m.start(), m.end(), "EMAIL", m.group(), 0.95, "email",
                   canonical=m.group().lower()) for m in _WRITTEN_EMAIL.finditer(text)]
    spoken = list(_SPOKEN_EMAIL.finditer(text))
    spoken += [m for m in _PROVIDER_EMAIL.finditer(text) if not any(o.start() < m.end() and m.start() < o.end()
                                                                      for o in spoken) and _provider_cued(text, m)]
    for m in spoken:
        start, matched = m.start(), m.group()
        # The local part's regex is greedy to the left ("email is maria ..."); drop filler words.
        words = re.split(r"(\s+)", matched)
        while len(words) > 2 and words[0].lower() in _LOCAL_STOP:
            start += len(words[0]) + len(words[1])
            words = words[2:]
        if "@" not in matched:
            start = _extend_local_part(text, start)
            start = _spelled_local_part(text, start)
        inside = [f for f in out if f.start < m.end() and start < f.end]
        if any(not (start <= f.start and f.end <= m.end()) for f in inside):
            continue  # crosses a written address: keep the written one
        # "maria dot g@gmail.com": the spoken form is the written one plus its spoken start.
        out = [f for f in out if f not in inside]
        span = text[start:m.end()]
        canon = re.sub(r"\s+", "", span.lower())
        out.append(Finding(start, m.end(), "EMAIL", span, 0.9, "spoken_email", canonical=canon))
    return out


def addresses(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Street addresses, crossings, PO boxes, ZIP codes (see ``core.deid.addresses``)."""
    from core.deid.addresses import addresses as _addresses
    return _addresses(text, runs)


_ID_CONTEXT = re.compile(
    r"\b(?:employee|badge|staff|worker|payroll|clock(?:[\s-]in)?|personnel|associate|member|union|"
    r"operator|driver|rep|agent|guard|locker|register|cart|contractor|vendor|seniority|antig[uü]edad|"
    r"social\s+security|ssn|license|licence|cdl|id|i\.\s?d\.?|file|case|account|"
    # "food handler card number", "forklift cert number", "permit number": documents a
    # worker carries have numbers that lead back to them.
    r"card|certificate|certification|cert|permit|credential|registration|membership|claim|ticket|policy|"
    r"confirmation|reference|report|incident|"
    # Spanish: "mi número de empleado es", "el número de mi gafete", "mi credencial"
    r"empleado|empleada|gafete|credencial|folio|reclamo|expediente|matr[ií]cula|licencia|tarjeta|caso|"
    # "mi número de cajera es el 4471", "número del reloj" (the time clock's punch number)
    r"seguro\s+social|n[uú]mero\s+del?\s+(?:mi\s+)?(?:empleado|gafete|trabajador|seguro|caso|reclamo|reloj|cajer[oa]))"
    r"(?![^\W\d_])"  # whole words: "rep" is not the start of "report"
    r"(?:\s+(?:id|i\.\s?d\.?|number|num|no\.?|#|code|card|n[uú]mero))?\s*(?:is|was|are|were|es|era|:|=|#)?\s*"
    r"(?:like\s+|it'?s\s+|number\s+|el\s+|la\s+)?", re.IGNORECASE)
def id_context_before(text: str, pos: int) -> bool:
    """An ID cue ("badge number is", "mi número de empleado es") ends right before ``pos``."""
    return any(m.end() == pos for m in _ID_CONTEXT.finditer(text, max(0, pos - 60), pos))


_WRITTEN_ID = re.compile(r"(?:[a-z]{1,3}[\s-]?)?#?\d[\d-]{2,}(?:\s\d{3,})*[a-z]?\b", re.IGNORECASE)
# Said a few words after the cue ("my guard card number is, you need that? it's G 1654309",
# "mi número de licencia, la de florida, es D 3318427"): a code with a letter prefix or five or
# more digits (in groups or not) within the next few words.
_LATE_ID = re.compile(r"(?<![\w.])(?:(?P<pre>[a-z]{1,3})[\s-]?)?(?:\d{2}-)?\d{3,}(?:[\s-]\d{3,})*[a-z]?\b",
                      re.IGNORECASE)
_LATE_WINDOW = 64
_NOT_PREFIX = {"a", "i", "s", "is", "it", "my", "no", "es", "el", "la", "un", "de", "y", "o", "and", "the", "was",
               "me", "mi", "su", "his", "her", "its", "at", "in", "on", "to", "of", "or", "en", "al", "lo", "le",
               "se", "te", "ya", "so", "um", "uh", "eh", "ah", "oh", "like", "por", "con", "del", "los", "las",
               "for", "all", "but", "now", "yo", "tu", "que", "son", "hay", "am", "pm", "are", "be", "has"}
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")


def id_numbers(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Employee and badge numbers: a code with at least three digits right after an ID word."""
    out: list[Finding] = []
    run_at = {r.start: r for r in runs}
    for m in _ID_CONTEXT.finditer(text):
        pos = m.end()
        if m.group().strip() == "" or pos >= len(text):
            continue
        run = run_at.get(pos)
        if run is not None and len(run.digits) >= 3:
            out.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.85,
                               "id_number", canonical=run.digits))
            continue
        w = _WRITTEN_ID.match(text, pos)
        lead = re.match(r"([a-z]{1,3})\s", w.group(), re.IGNORECASE) if w else None
        if lead and lead.group(1).lower() in _NOT_PREFIX:
            w = None  # "mail the card to 7946 south ingleside": "to" is no prefix ("a-47818" keeps its "a")
        if w and sum(ch.isdigit() for ch in w.group()) >= 3 and not _street_after(text, w.end()):
            out.append(Finding(w.start(), w.end(), "ID_NUMBER", w.group(), 0.85, _id_recognizer(w.group()),
                               canonical=w.group().lower()))
            continue
        late = _late_id(text, pos)
        if late is not None:
            out.append(late)
    for m in _SSN.finditer(text):
        out.append(Finding(m.start(), m.end(), "ID_NUMBER", m.group(), 0.9, "ssn", canonical=m.group()))
    for m in _I_AM_NUMBER.finditer(text):
        out.append(Finding(m.start(1), m.end(1), "ID_NUMBER", m.group(1), 0.75, "id_number", canonical=m.group(1)))
    for run in runs:
        if len(run.digits) >= 3 and _NUMBER_COMMA.search(text[max(0, run.start - 40):run.start]):
            out.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.8, "id_number",
                               canonical=run.digits))
            continue
        if _called_by_number(text, run):
            out.append(Finding(run.start, run.end, "ID_NUMBER", text[run.start:run.end], 0.7, "id_number",
                               canonical=run.digits))
    for m in _LETTER_CODE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 5:
            out.append(Finding(m.start(), m.end(), "ID_NUMBER", m.group(), 0.8, "id_code", canonical=m.group().lower()))
    return out + _long_codes(text, runs)


# "el de skyassist es el SA-30917", "my number is SKY-20417", "WC-21-448109", "VF20931": capitals
# joined to five digits or more are a code issued to one person (a case, a badge, a vendor),
# with or without a cue. Fewer digits ("N95", "COVID-19", "I-94", "SB-1383") are names of things.
_LETTER_CODE = re.compile(r"(?<![\w-])[A-Z]{1,4}-?\d{2,}(?:-\d{2,})*(?![\w-]|\.\d)")


# "yo soy el número 40517", "i'm number 4471 to them": a worker called by a number.
_I_AM_NUMBER = re.compile(r"\b(?:soy\s+el|i'?m|i\s+am)\s+(?:el\s+)?(?:n[uú]mero|number|#)\s+(\d{3,8})\b", re.IGNORECASE)
# "yo soy el 3118 en el reloj", "yo soy la cuatro mil ochocientos treinta", "que ella es el número 312",
# "i'm twenty four seventeen on the sheet", "we're store 14482": a person or a site called by a number.
_CALLED_BY_NUMBER = re.compile(r"(?:\b(?:soy|yo\s+soy)\s+(?:el|la)\s+(?:n[uú]mero\s+)?|\b(?:ella|él)\s+es\s+(?:el|la)\s+(?:n[uú]mero\s+)?|\b(?:el\s+mío|la\s+mía)\s+es\s+"
                               r"(?:el\s+|la\s+)?(?:n[uú]mero\s+)?|\bi['’]?m\s+|\bi\s+am\s+|\b(?:store|tienda)\s+(?:number\s+|#)?)$",
                               re.IGNORECASE)


# "her clock number, 3371", "team member number, 0 0 6 1 4 4 8 2", "employee ID, cero cero siete":
# an ID's name and its number word, then a pause (a bare "case, 500" is no cue).
_NUMBER_COMMA = re.compile(r"\b(?:employee|badge|member|clock|worker|staff|payroll|associate|license|licence|licencia|"
                           r"empleado|gafete)\s+(?:id|i\.d\.?|number|num|no\.?|#|n[uú]mero)\s*[,:]\s*(?:it['’]?s\s+|es\s+)?$"
                           r"|\b(?:employee|badge|member|worker)\s+id\s*[,:]\s*$", re.IGNORECASE)


def _called_by_number(text: str, run: NumberRun) -> bool:
    """A number of three digits or more (four after "i'm") right after a "called by a number"
    cue, not a year, an amount or an age."""
    cue = _CALLED_BY_NUMBER.search(text[max(0, run.start - 30):run.start])
    if cue is None or len(run.digits) < (4 if cue.group().lower().startswith("i") else 3) or len(run.digits) > 10:
        return False
    if len(run.digits) == 4 and 1900 <= int(run.digits) <= 2039 and len(run.chunks) <= 2:
        return False  # "i'm 2019 grad": a year
    if cue.group().lower().startswith("i") and run.is_spoken and \
            not re.match(r"\s+(?:on|in|to|at|for)\s+(?:the|their|them|his|her)\b", text[run.end:]):
        return False  # "now i'm seventeen twenty five": a wage; "i'm twenty four seventeen on the sheet": a number
    if re.match(r"\s+(?:de\s+la|de\s+el|del|de)\s", text[run.end:]) or _street_after(text, run.end):
        return False  # "la casa de ella es la 2719 de la calle ocho": a house number
    return not _QUANTITY_AFTER.match(text[run.end:run.end + 24]) and not re.match(r"\s*(?:years?|años)\b", text[run.end:])


def _street_after(text: str, end: int) -> bool:
    from core.deid.addresses import _NO_SUFFIX_TAIL, _STREET_TAIL
    return bool(_STREET_TAIL.match(text, end) or _NO_SUFFIX_TAIL.match(text, end))


# Six digits or more written as one block, with no cue at all ("to the company i'm 4471902",
# "0048821 es el número del badge", "el número mío del distrito es 000418772"): such a block is
# a code that leads to one person. Phones, dates, amounts and ZIP codes outrank it (decision 0197).
_BLOCK = re.compile(r"(?<![\w$.,/-])\d{6,12}(?![\w%]|[.,/-]\d)")
_NOT_CODE_AFTER = re.compile(r"^\s*(?:%|percent|dollars?|bucks|pesos|d[oó]lares|people|personas|miles|millas|"
                             r"pounds|libras|boxes|cajas|units|unidades|steps|pasos|calories)\b", re.IGNORECASE)


def _long_codes(text: str, runs: list[NumberRun]) -> list[Finding]:
    out: list[Finding] = []
    for m in _BLOCK.finditer(text):
        if _NOT_CODE_AFTER.match(text[m.end():m.end() + 16]) or text[max(0, m.start() - 1):m.start()] == "$":
            continue
        out.append(Finding(m.start(), m.end(), "ID_NUMBER", m.group(), 0.6, "id_block", canonical=m.group()))
    return out


def _id_recognizer(code: str) -> str:
    """"id_code" for a code with letters in it after an ID cue ("G 1654309"): it outranks the phone
    reading of its digits, which would leave the letters behind."""
    return "id_code" if any(ch.isalpha() for ch in code) else "id_number"


def _late_id(text: str, pos: int) -> Finding | None:
    """The first code in the few words after an ID cue, before the sentence turns to a date or a count."""
    window = text[pos:pos + _LATE_WINDOW]
    for w in _LATE_ID.finditer(window):
        pre = w.group("pre")
        if pre and pre.lower() in _NOT_PREFIX:
            start = w.start() + len(pre)
            while start < w.end() and not window[start].isdigit():
                start += 1
        else:
            start = w.start()
        code = window[start:w.end()]
        digits = sum(ch.isdigit() for ch in code)
        # "my card number, the punch card, is 3307": four digits said as the answer to the cue
        # ("¿el mío? es el 2281", "si lo necesitan, el 7719")
        answer = digits == 4 and code.isdecimal() and not 1950 <= int(code) <= 2039 and \
            re.search(r"\b(?:is|es|was|era)\s*:?\s*(?:el\s+|la\s+)?$|:\s*$|,\s*el\s+$", window[:start], re.IGNORECASE)
        if not (pre and pre.lower() not in _NOT_PREFIX and digits >= 4) and digits < 5 and not answer:
            continue
        return Finding(pos + start, pos + w.end(), "ID_NUMBER", code, 0.8, _id_recognizer(code),
                       canonical=code.lower())
    return None


_AGE_BEFORE = re.compile(
    r"\b(?:age|aged|turned|turning|turns|i'?m|i\s+am|he'?s|she'?s|he\s+is|she\s+is|they'?re|"
    r"(?:she|he|i)\s+(?:was|is)\s+(?:about|almost|nearly|over)|(?:she|he)\s+was|(?:she'?s|he'?s|who'?s)\s+(?:like|about|almost|nearly|over)|"
    # "a resident who was ninety-seven", "her grandma, who's 91"
    r"who'?s|who\s+(?:is|was|turned|just\s+turned|is\s+now|was\s+like)|"
    r"(?:husband|wife|mother|mom|father|dad|grandma|grandpa|grandmother|grandfather|clients?|residents?|"
    r"patients?|aunt|uncle|neighbou?r)\s+(?:is|was|turned|just\s+turned)|"
    # Spanish: "tiene noventa y cuatro", "cumplió 96", "de 93 años"
    r"cumpli[oó]|cumple|cumplir|va\s+a\s+cumplir|edad\s+de|a\s+los|hasta\s+los|señora\s+de|señor\s+de|"
    # "tiene noventa y uno", "que tiene 101", "died at ninety-six", "at ninety-one!", "like ninety"
    r"tiene|ten[ií]a|tienen|died\s+at|passed\s+at|murió\s+a\s+los|de|"
    # "in december she'll be ninety-five", "a lady that was like ninety", "va a tener noventa"
    r"(?:she|he|i|you|they)['’]?ll\s+be|(?:she|he)\s+will\s+be|(?:that|who)\s+was\s+like|va\s+a\s+tener)\s*$",
    re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:-|\s)?\s*(?:years?|yrs?)[\s-]*old\b|^\s*(?:-|\s)\s*year-old\b|"
                        r"^\s+(?:this|next|last)\s+(?:year|month|week)\b|^(?:th)?\s+birthday\b|"
                        # "she is 94 now", "he'll be ninety one in may", "noventa y cuatro años"
                        r"^\s+(?:now|already|ya|ahora)\b|^\s*(?:años|añitos)\b|^\s+de\s+edad\b",
                        re.IGNORECASE)


# "noventa y un años", "ciento un años": "un" is an article far more often than a digit, so the
# number reader stops before it; said before "años" it is the last digit of an age.
_ES_AGE_UN = re.compile(r"\b(?:noventa\s+y|ciento)\s+una?\s+(?:años|añitos)\b", re.IGNORECASE)


# "he is a hundred and four", "turning a hundred", "ciento uno": the number reader does not start a
# run on "hundred", so these are read here.
_HUNDRED_AGE = re.compile(r"\b(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve))?\b", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"\s+(?:años|añitos|years?(?:\s+old)?)\b", re.IGNORECASE)


def _age_value(run: NumberRun) -> int | None:
    """The age a run says, also when it is said twice ("noventa y uno, ninety-one")."""
    if run.value is not None:
        return run.value
    if len(run.chunks) == 2 and re.fullmatch(r"[2-9]0", run.chunks[0]) and re.fullmatch(r"[1-9]", run.chunks[1]):
        return int(run.chunks[0]) + int(run.chunks[1])  # "ninety-one": tens and unit joined by a hyphen
    values = {int(c) for c in run.chunks if c}
    return values.pop() if len(values) == 1 and len(run.chunks) <= 3 else None


def ages(text: str, runs: list[NumberRun]) -> list[Finding]:
    """Ages over 89 (HIPAA Safe Harbor): "ninety two years old", "she turned 94", "noventa y un años"."""
    out: list[Finding] = []
    for m in _ES_AGE_UN.finditer(text):
        out.append(Finding(m.start(), m.end(), "AGE", m.group(), 0.8, "age_over_89", canonical="90+"))
    for m in _HUNDRED_AGE.finditer(text):
        before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 24]
        if _QUANTITY_AFTER.match(after) or re.match(r"\s*(?:and\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                                                     r"ninety)", after, re.IGNORECASE):
            continue  # "a hundred and eighty cases", "a hundred degrees"
        if _AGE_AFTER.match(after) or re.search(r"\b(?:(?:he|she|who)\s+(?:is|was)|he'?s|she'?s|turning|turned|turns|turn|"
                                                 r"who'?s|is\s+now)\s*$", before, re.IGNORECASE):
            out.append(Finding(m.start(), m.end(), "AGE", m.group(), 0.75, "age_over_89", canonical="90+"))
    for run in runs:
        value = _age_value(run)
        if value is None or not 90 <= value <= 120:
            continue
        after = text[run.end:run.end + 24]
        before = text[max(0, run.start - 16):run.start]
        if re.search(r"\bhace\s*$", before, re.IGNORECASE):
            continue  # "hace 95 años": a time ago, not an age
        # "my grandmother, she ninety nine, she live with me": the age said with no verb, then a pause
        dropped = re.search(r",\s*(?:she|he)\s+$", before, re.IGNORECASE) and re.match(r"\s*(?:[,;!?]|\.(?!\.))(?!\s*no\b)", after)
        if _AGE_AFTER.match(after) or (_AGE_BEFORE.search(before) or dropped) and not _QUANTITY_AFTER.match(after):
            end = run.end
            years = _YEARS_AFTER.match(text, end)
            if years and "año" in years.group().lower():
                end = years.end()  # "tiene cien años": the age is said with its word
            out.append(Finding(run.start, end, "AGE", text[run.start:end], 0.8, "age_over_89", canonical="90+"))
    return out


# "at ninety miles an hour", "like ninety dollars", "de 95 libras": a quantity, not an age.
_QUANTITY_AFTER = re.compile(r"^\s*(?:%|percent|por\s+ciento|dollars?|bucks|degrees|grados|mph|miles|millas|"
                             r"an?\s+hour|la\s+hora|minutes?|minutos|hours|horas|days|d[ií]as|pounds|libras|kilos|"
                             r"cases|boxes|cajas|pallets|units|unidades|items|orders|cars|carros|trucks|people|personas|"
                             r"rooms|cuartos|beds|camas|stops|paradas|drawings|d[oó]lares|pesos|feet|foot|yards|meters|metros|"
                             r"seconds|segundos|calls|llamadas|texts)\b", re.IGNORECASE)
