"""E-mail addresses said aloud: the whole spelled stretch, and the local part said again (decision 0249).

``patterns.emails`` finds "five at gmail dot com" and "martaelena punto chicas arroba gmail
punto com". People dictate more than that, and repeat it:

* the local part is spelled with pauses: "m, p, l, o, u, i, s, five, zero, nine, at g mail
  dot com", "meri tesfaye twenty five at gmail dot com": the letters, digits, number words,
  joiners ("dot", "punto", "underscore", "guion") and up to two plain words before the
  address are one finding with it (``widen``);
* the local part, or a piece of it, is said again later in other words: "martaelena todo
  junto", "tigist, dot, h, dot, haile", "kevin rivas y cinco cero tres", "t, a, t, a, p, e, n,
  a, punto, r", "wood chery all together", "ye u ye i" (Spanish letter names): a stretch of
  words, letters and numbers whose letters and digits equal the local part, or one or more
  of its dotted pieces, is that e-mail again (``echoes``).

A piece said again is four characters at least; said as one plain word it must be six or
more and no everyday word, and where it is already another finding (a listed first name) that
finding stays. Nothing here guesses an e-mail without one found first.
"""

from __future__ import annotations

import re

from core.deid.findings import Finding, is_person_type
from core.deid.names import fold
from core.deid.numbers import TEENS, TENS, UNITS, ZERO_LETTERS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # "it's" is one word, not "it" and a letter "s"
_JOINERS = {"dot": ".", "punto": ".", "underscore": "_", "dash": "-", "guion": "-", "guión": "-", "hyphen": "-"}
_SKIPS = {"y", "and", "bajo"}  # "kevin rivas y cinco cero tres", "guion bajo"
_ES_LETTERS = {"be": "b", "ce": "c", "de": "d", "efe": "f", "ge": "g", "hache": "h", "jota": "j", "ka": "k",
               "ele": "l", "eme": "m", "ene": "n", "pe": "p", "cu": "q", "erre": "r", "ere": "r", "ese": "s",
               "te": "t", "uve": "v", "ve": "v", "equis": "x", "ye": "y", "zeta": "z"}
_EN_LETTERS = {"bee": "b", "cee": "c", "dee": "d", "gee": "g", "jay": "j", "kay": "k", "em": "m", "en": "n",
               "pee": "p", "cue": "q", "tee": "t", "vee": "v", "zee": "z", "zed": "z"}
# What ends a dictated local part going back from the address: a filler or cue word.
_STOP = {"is", "was", "es", "era", "my", "mi", "su", "his", "her", "email", "e-mail", "mail", "correo", "address",
         "it's", "its", "it", "the", "el", "la", "me", "at", "to", "a", "an", "and", "or", "so", "like", "that",
         "say", "says", "said", "spell", "okay", "ok", "um", "uh", "yes", "yeah", "sí", "si", "no", "pues", "bueno",
         "mine", "mío", "mio", "write", "escribe", "escríbanme", "escribanme", "send", "manda", "then", "entonces",
         "i", "yo", "you", "tú", "usted", "just", "all", "one", "word", "this", "that's", "ese", "eso", "es,"}
_PAUSE_GAP = re.compile(r"^[ \t]*(?:[,-][ \t]*)?$")   # between spelled units: a comma or a dash at most
_PLAIN_GAP = re.compile(r"^[ \t]+$")                   # before a plain word: spaces only
_MAX_PLAIN = 2


def _number(word: str) -> str | None:
    w = word.lower()
    if w.isdigit():
        return w
    if w in UNITS:
        return str(UNITS[w])
    if w in TEENS:
        return str(TEENS[w])
    if w in TENS:
        return str(TENS[w])
    return None


def _spelled_unit(word: str) -> bool:
    w = word.lower()
    return len(w) == 1 or w.isdigit() or _number(w) is not None or w in _JOINERS or w in ZERO_LETTERS


def widen(text: str, findings: list[Finding]) -> list[Finding]:
    """Each spoken e-mail grown back over the spelled letters, numbers and words dictated before it."""
    out = []
    for f in findings:
        if f.entity_type != "EMAIL" or f.recognizer != "spoken_email":
            out.append(f)
            continue
        start, plain = f.start, sum(not _spelled_unit(w) for w in _WORD.findall(_local_text(f.text)))
        words = list(_WORD.finditer(text, max(0, f.start - 160), f.start))
        for w in reversed(words):
            gap = text[w.end():start]
            word = w.group().lower()
            if len(word) == 1 and re.search(r"[,-]", gap) and _PAUSE_GAP.match(gap):
                start = w.start()  # "m, p, l, o, u, i, s": a letter between pauses, even "i"
                continue
            if word in _STOP or any(o is not f and o.start < start and w.start() < o.end and not is_person_type(o.entity_type)
                                    for o in findings):
                break
            if _spelled_unit(word) and _PAUSE_GAP.match(gap):
                start = w.start()
                continue
            if not _spelled_unit(word) and _PLAIN_GAP.match(gap) and plain < _MAX_PLAIN + 1 and len(word) > 1:
                plain += 1
                start = w.start()
                continue
            break
        if start < f.start and re.search(r"[^\W_]", text[start:f.start]):
            out.append(Finding(start, f.end, "EMAIL", text[start:f.end], f.score, f.recognizer,
                               re.sub(r"\s+", "", text[start:f.end].lower())))
        else:
            out.append(f)
    return out


def _local_text(email: str) -> str:
    """The part of an e-mail's text before "@", "at" or "arroba"."""
    m = re.search(r"@|\b(?:at|arroba)\b(?!.*\b(?:at|arroba)\b)", email, re.IGNORECASE | re.DOTALL)
    return email[:m.start()] if m else email


def local_part(email: str) -> str:
    """The local part as written: "m, p, l, o, u, i, s, five, zero, nine, at …" -> "mplouis509",
    "tigist dot h dot haile at …" -> "tigist.h.haile"."""
    out = []
    words = [w.lower() for w in _WORD.findall(fold(_local_text(email)))]
    raw = fold(_local_text(email)).lower()
    if "@" in email or re.fullmatch(r"[\w.+-]+", raw.strip()):
        return re.sub(r"[^\w.+-]", "", raw)
    i = 0
    while i < len(words):
        w = words[i]
        if w in _JOINERS:
            out.append(_JOINERS[w])
        elif w in TENS and i + 1 < len(words) and w not in ("veinte",) and words[i + 1] in UNITS:
            out.append(str(TENS[w] + UNITS[words[i + 1]]))
            i += 1
        elif w in TENS and i + 2 < len(words) and words[i + 1] == "y" and words[i + 2] in UNITS:
            out.append(str(TENS[w] + UNITS[words[i + 2]]))
            i += 2
        elif _number(w) is not None:
            out.append(_number(w) or "")
        elif w == "bajo" and out and out[-1] == "-":
            out[-1] = "_"
        else:
            out.append(w)
        i += 1
    return "".join(out)


def _targets(local: str) -> set[str]:
    """The whole local part and every run of its dotted pieces, letters and digits only."""
    if re.fullmatch(r"(?:\w[-.]){2,}\w", local):
        local = re.sub(r"[-.]", "", local)  # "m-p-l-o-u-i-s-5-0-9": letters spelled, not pieces
    pieces = [p for p in re.split(r"[._+-]", local) if p]
    out = {"".join(pieces)}
    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces) + 1):
            out.add("".join(pieces[i:j]))
    return {t for t in out if len(t) >= 4}


def _readings(words: list[re.Match[str]], i: int) -> list[tuple[int, str, bool]]:
    """(next index, letters/digits, plain word?) for each way to read the words at ``i``."""
    w = fold(words[i].group()).lower()
    out: list[tuple[int, str, bool]] = [(i + 1, w, len(w) > 1 and not w.isdigit())]
    if w in _JOINERS or w in _SKIPS:
        out.append((i + 1, "", False))
    if w in _ES_LETTERS:
        out.append((i + 1, _ES_LETTERS[w], False))
    if w in _EN_LETTERS:
        out.append((i + 1, _EN_LETTERS[w], False))
    if w in ("doble", "double") and i + 1 < len(words) and words[i + 1].group().lower() in ("u", "ve", "you"):
        out.append((i + 2, "w", False))
    n = _number(w)
    if n is not None:
        out.append((i + 1, n, False))
        if w in TENS and i + 1 < len(words) and words[i + 1].group().lower() in UNITS:
            out.append((i + 2, str(TENS[w] + UNITS[words[i + 1].group().lower()]), False))
    if w in ZERO_LETTERS:
        out.append((i + 1, "0", False))
    return out


def echoes(text: str, findings: list[Finding]) -> list[Finding]:
    """The local part of each e-mail in ``findings`` said again elsewhere in ``text``."""
    from core.deid.people import _kinds, everyday_word
    emails = [f for f in findings if f.entity_type == "EMAIL"]
    targets: set[str] = set()
    for f in emails:
        targets |= _targets(local_part(f.text))
    if not targets:
        return []
    prefixes = {t[:k] for t in targets for k in range(1, len(t) + 1)}
    words = [m for m in _WORD.finditer(text) if not any(e.start <= m.start() < e.end for e in emails)]
    out: list[Finding] = []
    i = 0
    while i < len(words):
        best = _longest(text, words, i, targets, prefixes)
        if best is None:
            i += 1
            continue
        j, plain_only = best
        s, e = words[i].start(), words[j - 1].end()
        one = j - i == 1
        if one and (len(words[i].group()) < 6 or everyday_word(words[i].group().lower(), "en")
                    or everyday_word(words[i].group().lower(), "es") or _kinds(words[i].group().lower())):
            i += 1
            continue
        others = [f for f in findings if f.start < e and s < f.end]
        if others and (one or plain_only or any(f.recognizer == "name_spelled" for f in others)):
            i += 1
            continue  # a listed name said in full stays that person
        out.append(Finding(s, e, "EMAIL", text[s:e], 0.8, "email_echo", re.sub(r"\W+", "", text[s:e].lower())))
        i = j
    return out


def _longest(text: str, words: list[re.Match[str]], i: int, targets: set[str],
             prefixes: set[str]) -> tuple[int, bool] | None:
    """The end (word index) of the longest stretch from ``i`` that spells a target, and whether
    it is plain words only."""
    best: tuple[int, bool] | None = None
    stack: list[tuple[int, str, bool, int, bool]] = [(i, "", True, 0, False)]
    while stack:
        k, acc, plain_only, steps, ends_on_value = stack.pop()
        if ends_on_value and acc in targets and (best is None or k > best[0]):
            best = (k, plain_only)
        if k >= len(words) or steps > 40:
            continue
        if steps and not _PAUSE_GAP.match(text[words[k - 1].end():words[k].start()]):
            continue
        for nxt, value, plain in _readings(words, k):
            if (acc + value) in prefixes and (value or steps):
                stack.append((nxt, acc + value, plain_only and plain, steps + 1, bool(value)))
    return best


# A provider said in two words ("at g mail dot com", "arroba hot mail punto com") right after a
# dictated local part; ``patterns.emails`` knows the one-word providers.
_SPLIT_PROVIDER = re.compile(r"\b(?:at|arroba)\s+(?:g|hot|y|i)[ \t]*-?[ \t]*(?:mail|ahoo|cloud)\s+(?:dot|punto)\s+"
                             r"(?:com|net|org|es|mx)\b", re.IGNORECASE)


def _split_providers(text: str, findings: list[Finding]) -> list[Finding]:
    out = []
    for m in _SPLIT_PROVIDER.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in findings):
            continue
        before = list(_WORD.finditer(text, max(0, m.start() - 40), m.start()))
        if len(before) >= 2 and _spelled_unit(before[-1].group()) and _PAUSE_GAP.match(text[before[-1].end():m.start()]):
            out.append(Finding(m.start(), m.end(), "EMAIL", m.group(), 0.9, "spoken_email",
                               re.sub(r"\s+", "", m.group().lower())))
    return out


def said_emails(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` with spoken e-mails widened over what was dictated before them, plus every
    local part said again (callers resolve the overlaps: the e-mail outranks a name inside it)."""
    widened = widen(text, findings + _split_providers(text, findings))
    return widened + echoes(text, widened)


def given_names(findings: list[Finding], person_parts: dict[str, str]) -> set[str]:
    """Names a person goes by, read from their e-mail (decision 0249): beside a listed name part
    in the local part, the other word is what they are called ("lily underscore zhao" with Mei-Ling
    Zhao listed: "lily"; "juniorrivera787" with Héctor Rivera listed: "junior"). Only a word a
    lexicon holds as a first name, or no everyday word, three letters or more."""
    from core.deid.people import _STOPS, _kinds, everyday_word
    parts = {fold(p).lower() for p in person_parts if len(p) >= 3}
    out: set[str] = set()
    for f in findings:
        if f.entity_type != "EMAIL":
            continue
        pieces = [p for p in re.split(r"[._+\-\d]+", fold(local_part(f.text)).lower()) if p]
        rest: list[str] = []
        listed = False
        for piece in pieces:
            if piece in parts:
                listed = True
                continue
            cut = next((p for p in sorted(parts, key=len, reverse=True)
                        if len(piece) > len(p) + 2 and (piece.endswith(p) or piece.startswith(p))), None)
            if cut:
                listed = True
                piece = piece[:-len(cut)] if piece.endswith(cut) else piece[len(cut):]
            rest.append(piece)
        if not listed:
            continue
        for r in rest:
            if len(r) >= 3 and r not in parts and r not in _STOPS and (
                    "f" in _kinds(r) or not everyday_word(r, "en") and not everyday_word(r, "es")):
                out.add(r)
    return out
