"""Small text helpers shared by alignment and suggestion: normalising, content words, sentences."""

from __future__ import annotations

import re
import unicodedata

# Function words in English and Spanish: they carry no topic, so matching ignores them.
_STOPWORD_TEXT = """
a about after again all also am an and any are as at be because been before being but by can
could did do does doing don't for from had has have having he her here hers him his how i i'm
if in into is it it's its just know like me more most my no not now of off on once one only or
other our out over really right so some such than that that's the their them then there these
they this those through to too uh um up us very was we well were what when where which while
who why will with would yeah yes you your you're okay oh kind sort thing things lot get got
go going mean think say said tell
de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya
o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo
nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos
yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas
algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros os mío mía tuyo tuya
ese pues bueno este eh
"""
_OPENER_TEXT = ("what how why when where who which do does did can could would is are have has tell "
                "qué cómo por cuándo dónde quién cuál puedes tienes te sientes ves")

_WORD_RE = re.compile(r"[\w']+", re.UNICODE)
_SENTENCE_RE = re.compile(r"[¿¡]?[^.!?¿¡]*[.!?]+|[^.!?]+$")


def fold(text: str) -> str:
    """Lower case without accents, so "Qué" and "que" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def stem(word: str) -> str:
    """A crude stem (first six letters) that lets "supervisor/supervisors", "valued/value" meet."""
    return word[:6] if len(word) > 6 else word.rstrip("s") if len(word) > 3 else word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit()]


def normalise(text: str) -> str:
    return " ".join(words(text))


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (at least one span for non-empty text)."""
    spans = []
    for m in _SENTENCE_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans or ([(0, len(text))] if text.strip() else [])


def is_question_like(text: str) -> bool:
    """Does this read like a question someone asked (a '?' or a question word first)?"""
    if "?" in text:
        return True
    first = words(text[:40])
    if first and first[0] in _ES_NEEDS_ACCENT:
        # "como te decía" is a statement, "cómo te trata" a question: only the accent tells.
        raw = re.findall(r"[\w']+", text[:40].lower())
        return bool(raw) and raw[0] != first[0] or is_spanish_question(text)
    # "what's the hardest part for you": the opener is the word before the apostrophe.
    return (bool(first) and first[0].split("'")[0] in QUESTION_OPENERS) or is_spanish_question(text)


# Spanish marks every interrogative with an accent (qué, cómo...) and often puts it mid-way
# ("y el chef cómo los trata"), so unpunctuated Spanish questions are found by these.
_ES_INTERROGATIVE = re.compile(r"(?<!\w)(?:qué|cómo|dónde|cuándo|cuál|cuáles|cuánto|cuánta|cuántos|"
                               r"cuántas|quién|quiénes)(?!\w)")
_ES_ASK_OPENING = re.compile(r"\b(?:cuentame|platicame|dime|hablame|describeme|puedes|podrias|tienes|"
                             r"te sientes|alguna vez)\b")
_ES_QUESTION_MAX_WORDS = 25
_ES_NEEDS_ACCENT = frozenset(["que", "como", "cuando", "donde", "quien", "cual"])


def is_spanish_question(text: str) -> bool:
    """An unpunctuated Spanish question: an accented interrogative in a short turn, or an
    asking opening ("cuéntame", "puedes") in its first words."""
    if len(text.split()) > _ES_QUESTION_MAX_WORDS:
        return False
    return bool(_ES_INTERROGATIVE.search(text.lower()) or _ES_ASK_OPENING.search(" ".join(words(text)[:6])))


# Folded like the words they are compared with ("qué" -> "que").
STOPWORDS = frozenset(fold(w) for w in _STOPWORD_TEXT.split())
QUESTION_OPENERS = frozenset(fold(w) for w in _OPENER_TEXT.split())
