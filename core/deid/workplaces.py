"""Workplaces nobody listed, named the way people name a site: "the Walmart on Fruitvale", "at
the kroger on kings canyon", "en el costco de shattuck", "la Marriott del centro" (decision 0151).

No maintained library ships an offline list of employers, so there is no brand lexicon: the
shape of the phrase carries it. After "at/in/from/en/de/a…" and an article comes one or two
to three words that are not function words ("the Hilton Garden Inn in Emeryville"), then "on/off/by/near/in/at" ("de/del/en/por" in Spanish) and one
or two words naming where it is. What is generic about the place ("the store on nights",
"el turno de noche", "the meeting on friday") is left alone.
"""

from __future__ import annotations

import re

from core.deid.findings import Finding

_WORD = r"[^\W\d_][\w'’&-]*"
_PHRASE = re.compile(
    r"\b(?:at|in|from|for|to|near|by|en|de|desde|para|a)\s+(?P<art>the|el|la|los|las)\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})\s+(?P<prep>on|off|by|near|in|at|de|del|en|por)\s+(?:the\s+|la\s+|el\s+)?"
    rf"(?P<place>{_WORD}(?:\s+{_WORD})?|\d{{1,3}}(?:st|nd|rd|th)|(?:[a-z]+\s+)?(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth)\b)", re.IGNORECASE)
# Where the second half says when or how, not where ("the warehouse on nights").
_NOT_PLACE = {
    "nights", "night", "days", "day", "weekends", "weekend", "time", "break", "breaks", "shift", "shifts", "call",
    "duty", "site", "foot", "hold", "it", "there", "here", "top", "fire", "board", "track", "purpose", "line",
    "sale", "strike", "leave", "vacation", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mondays", "fridays", "saturdays", "sundays", "weekdays", "morning", "mornings", "afternoon",
    "evening", "evenings", "floor", "phone", "radio", "camera", "record", "paper", "average", "way",
    "side", "inside", "outside", "street", "road", "highway", "freeway", "corner", "block", "town", "city",
    # Spanish: "el turno de noche", "la hora de la comida", "la línea de producción"
    "noche", "noches", "día", "dia", "días", "dias", "mañana", "tarde", "tardes", "semana", "fin", "turno",
    "comida", "producción", "produccion", "trabajo", "lunes", "martes", "miércoles", "miercoles", "jueves",
    "viernes", "sábado", "sabado", "domingo", "vez", "veces", "mes", "año", "ano", "hora", "horas", "paso",
    "regreso", "vuelta", "enfrente", "lado", "fondo", "entrada", "salida", "esquina", "calle", "pueblo",
    "casa", "ella", "él", "el", "mi", "su", "nosotros", "ellos", "todo", "todos", "nuevo", "nueva",
    "repente", "veras", "verdad", "acuerdo", "hecho", "modo", "manera", "planta", "oficina",
}
# After "in"/"at" the second half is far more often a time, a state or a part of the site than a
# town ("the warehouse in march", "the kaiser in richmond"): these are not where.
_NOT_PLACE_IN = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "general", "person", "charge", "front", "back", "order", "case", "fact", "total",
    "private", "public", "advance", "time", "training", "orientation", "question", "trouble",
    "school", "college", "class", "meeting", "meetings", "office", "warehouse", "store", "kitchen", "lobby",
    "parking", "lot", "yard", "dock", "room", "hallway", "bathroom", "restroom", "basement", "attic", "past",
    "future", "beginning", "end", "middle", "summer", "winter", "spring", "fall", "season", "peak", "english",
    "spanish", "cash", "writing", "pain", "tears", "shock", "line", "bed", "rain", "heat", "cold", "dark",
    "mind", "life", "hand", "hands", "way", "least", "most", "first", "last", "once", "all", "home",
}


def _stop(word: str) -> bool:
    from core.deid.people import _STOPS
    low = word.lower()
    return low in _STOPS and low not in ("walmart", "amazon", "target", "costco", "ups", "fedex", "usps")


def workplace_phrases(text: str) -> list[Finding]:
    """"<brand> on <street>" phrases as WORKPLACE findings (the brand through the place)."""
    out: list[Finding] = []
    for m in _PHRASE.finditer(text):
        name, place = m.group("name"), m.group("place")
        name_words, place_words = name.split(), place.split()
        if any(_stop(w) for w in name_words) or place_words[0].lower() in _NOT_PLACE:
            continue
        if m.group("prep").lower() in ("in", "at") and (
                place_words[0].lower() in _NOT_PLACE_IN or place_words[0][:1].isdigit()
                or name_words[-1].lower() in _NOT_PLACE_IN and len(name_words) == 1):
            continue
        # a second place word that is a function word or a "when" word is not part of it
        if len(place_words) == 2 and (_stop(place_words[1]) or place_words[1].lower() in _NOT_PLACE):
            place_words = place_words[:1]
        if _stop(place_words[0]) and not place_words[0][:1].isdigit():
            continue
        start = m.start("name")
        end = m.start("place") + len(" ".join(place_words)) if len(place_words) == len(place.split()) \
            else m.start("place") + len(place_words[0])
        span = text[start:end]
        out.append(Finding(start, end, "WORKPLACE", span, 0.55, "workplace_phrase", canonical=span.lower()))
    return out
