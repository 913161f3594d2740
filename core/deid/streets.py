"""Streets said by their bare name, with no suffix: "por la harry hines", "cerca de la gessner",
"en la treinta y ocho", "off of bellaire", "I live at 412 maple" (decision 0215).

Without a suffix ("street", "calle") nothing in the words says street; what says it is where
they stand (after a where-word: "en la", "por la", "pasando la", "off of", "over on") and what
they are not: an ordinary word of Spanish or English. The vocabulary test uses what the app
ships already, offline (``core.deid.readings``: spaCy's lemmatizer tables inside the English and
Spanish pipelines; ``core.deid.places``; the name lexicon's kinds). The English tables hold
WordNet's proper nouns too ("fulton", "jackson", "broadway"), and those are what streets are
named after, so a word the English tables know counts as ordinary only when it is no known
name or town. States and countries ("la florida") are places, never streets.
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP_WORDS

from core.deid.findings import Finding
from core.deid.numbers import NumberRun
from core.deid.places import fold, is_place

# Words borrowed into US Spanish speech, and everyday words of either language that the
# lemmatizer tables miss: "en la troca", "por la yarda", "en la lonchera", "en la break".
_EVERYDAY = frozenset("""
troca troka traila trailer yarda marqueta lonchera break lunch bill job chamba jale raite ride
factory fabrica fábrica escuela daycare marketa parking parqueo freeway highway
interstate beltway loop tollway carretera autopista bus troque pickup van mall shopping sala
mañana tarde noche madrugada semana línea linea migra policía policia clínica clinica iglesia
casa calle esquina cuadra manzana parada estación estacion gasolinera lavandería lavanderia tienda
oficina planta bodega cocina cocineta cafetería cafeteria escalera puerta entrada salida
frontera playa sierra montaña montana loma colina ranchería rancheria ranchito pulga pulguita
segunda primera tercera última ultima misma otra una uno cual que cuál mía mia tuya suya nuestra
vieja viejita jefa jefita señora senora seño seno doña dona maestra patrona dueña duena mera
onda neta buena mala chingada fregada friega madre vida muerte virgen santa guadalupe
cruda peda pisca pizca labor temporada cosecha siembra poda empaque corte línea pieza
shift hora horas junta reunión reunion unión union huelga marcha renta luz agua comida cena
beca ayuda aseguranza seguranza dompe dompa yonke yonque wachar cuora daime navidad prepa rampa
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december lunes martes miércoles miercoles jueves viernes sábado sabado domingo enero
febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre christmas easter thanksgiving
halloween navidad pascua año nuevo new year eve side
everybody everyone anybody anyone nobody somebody someone app apps internet online facebook whatsapp instagram youtube tiktok zoom google computer phone
""".split())  # noqa: SIM905 (a word block reads better than a list literal)
# Shapes of Spanish nouns the lemmatizer tables miss ("la lechería", "la planchadora", "la
# checada", "la computadora"); street names seldom end so ("gessner", "milliken", "juárez").
_SPANISH_SHAPE = re.compile(r"(?:er[ií]a|r[ií]a|ía|[^a]ia|dera|doras?|dor(?:es)?|ci[oó]n|si[oó]n|dad|tad|adas?|ido|ida|ura|aje|"
                            r"ismo|ista|ill[oa]s?|it[oa]s?|ncia|mi?ento)$")
_NUMBER_WORD = re.compile(r"(?:(?:veinti|dieci|twenty-?|thirty-?|forty-?|fifty-?|sixty-?|seventy-?|eighty-?|ninety-?)\w+|"
                          r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
                          r"(?:trei|cuare|cincue|sese|sete|oche|nove)nta|\w+cientos|cien|ciento|mil|hundred|thousand|million)")
_NUMBER_WORDS_ES = (r"(?:diez|once|doce|trece|catorce|quince|dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|"
                    r"sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos)")
_UNITS_ES = r"(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
# "en la treinta y ocho", "por la ciento veinte", "la 38": a numbered street with no "calle".
_SPOKEN_STREET_ES = re.compile(_NUMBER_WORDS_ES + r"(?:\s+y\s+" + _UNITS_ES + r"|\s+" + _NUMBER_WORDS_ES + r"){0,2}\b"
                               r"|\d{2,3}\b(?![:.,]\d)", re.IGNORECASE)
# What a number after "la" counts when it is no street: "la 24 horas", "la treinta y ocho de cintura".
_NOT_STREET_AFTER_NUMBER = re.compile(
    r"\s*(?:horas|hours|años|years|d[oó]lares|dollars|bucks|pesos|minutos|minutes|millas|miles|libras|pounds|"
    r"por\s+ciento|percent|de\s+la\s+(?:mañana|tarde|noche)|veces|cajas|boxes|piezas|personas|gente|"
    r"special|especial|de\s+(?:cintura|talla|largo)|mil|cientos)\b", re.IGNORECASE)
# Spanish where-words before a street's "la": "vivo en la X", "por la X", "cerca de la X",
# "pasando la X", "agarrando la X", "frente a la X", "rumbo a la X", "allá por la X".
_ES_WHERE = re.compile(
    r"\b(?:en|por|sobre|hasta|desde|hacia|cerca\s+de|lejos\s+de|pasando|pasandito|cruzando|agarrando|"
    r"tomando|bajando(?:\s+por)?|subiendo(?:\s+por)?|saliendo\s+(?:de|a)|llegando\s+a|frente\s+a|enfrente\s+de|"
    r"junto\s+a|rumbo\s+a|(?:a|al)\s+lado\s+de|off\s+de|off|cuadras?\s+de|esquina\s+(?:con|de)|"
    # "el de la essex", "la de la pico": the one on that street (decision 0235)
    r"(?<![\w'’])(?:el|la)\s+de)\s+la\s+(?=[^\W_])",
    re.IGNORECASE)
# English where-words with no article: "off of bellaire", "over on gessner", "I live on fulton".
_EN_WHERE = re.compile(
    r"\b(?:off\s+of|off|over\s+on|over\s+off|over\s+by|out\s+on|down\s+on|up\s+on|"
    r"(?:live|lives|lived|living|stay|stays|staying|moved)\s+(?:over\s+)?(?:on|off(?:\s+of)?)|"
    # "the rent on bellaire", "the one on kedzie", "a church off wurzbach": a home or site and its street
    r"(?:house|home|apartment|apartments|place|rent|building|one|store|shop|church|school|clinic|office|plant|"
    r"warehouse|station|stop|corner|motel|hotel|restaurant|laundromat)\s+(?:on|off(?:\s+of)?))\s+(?=[^\W\d_])",
    re.IGNORECASE)
_WORD = re.compile(r"([^\W\d_][\w'’-]*)")
# "de la 137" after a place, not after a thing that is numbered ("la línea de la 12", "la talla").
_DE_LA_NUMBER = re.compile(r"\b(?<!n[uú]mero )(?<!l[ií]nea )(?<!ruta )(?<!talla )(?<!p[aá]gina )(?<!mesa )(?<!caja )"
                           r"(?<!puerta )(?<!sala )(?<!hora )(?<!clase )(?<!salida )(?<!exit )(?<!cuarto )de\s+la\s+"
                           r"(?P<n>\d{2,3}\b(?![:.,]\d)|" + _NUMBER_WORDS_ES + r"(?:\s+y\s+" + _UNITS_ES + r")?\b)",
                           re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s+(?:street|avenue|road|boulevard|drive|calle|avenida|st\.?|ave\.?|rd\.?|blvd\.?)(?![^\W\d_])",
                         re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _name_kinds() -> dict[str, str]:
    """The name lexicon: word -> its kinds (f given name, l surname, w/d an everyday word too)."""
    from pathlib import Path

    from core.deid.tabfile import read_tab_file
    return read_tab_file(Path(__file__).with_name("name_lexicon.txt"))


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """States, regions and countries ("florida", "el salvador"): said with "la", they are no street."""
    from core.deid.readings import places
    return frozenset(name for name, kind in places().items() if kind in ("c", "r"))


@functools.lru_cache(maxsize=8192)
def ordinary(word: str) -> bool:
    """Whether ``word`` is an everyday word of Spanish or English (not a name a street could bear)."""
    from core.deid.readings import word_form
    low = word.lower().strip("'’.,")
    if len(low) < 3 or low in STOP_WORDS or low in ES_STOP_WORDS or low in _EVERYDAY:
        return True
    if word_form(low, "es") or _SPANISH_SHAPE.search(low) or word.isupper() or _NUMBER_WORD.fullmatch(low):
        return True  # an acronym in capitals is a union or a firm ("en la SEIU"), not a street
    if word_form(low, "en"):
        # WordNet's proper nouns are in the English tables: a known name or town is no everyday
        # word, unless a dictionary holds it in lower case too (the lexicon's "d": "fields", "booth")
        kinds = _name_kinds().get(low, "")
        return not (kinds and "d" not in kinds or is_place(low))
    return False


def everyday_es(word: str) -> bool:
    """A day, month, holiday or listed everyday word ("navidad", "año", "troca"); Spanish words
    that name streets ("la bandera") are not asked about."""
    return word.lower() in _EVERYDAY


def name_word(word: str) -> bool:
    """A given name or surname of the name lexicon, even one that is an everyday word ("harry")."""
    kinds = _name_kinds().get(word.lower().strip("'’.,"), "")
    return "f" in kinds or "l" in kinds


def _town_with_article(word: str) -> bool:
    from core.deid.readings import places
    return "la " + fold(word) in places()


def _bare_name_end(text: str, pos: int, words: int = 3) -> int:
    """End of the run of up to ``words`` non-ordinary words from ``pos`` ("harry hines"), with a
    street kind after it ("gessner road"); ``pos`` when the first word is ordinary."""
    from core.deid.readings import word_form
    end, n = pos, 0
    while n < words:
        m = _WORD.match(text, end) if n == 0 else re.compile(r"\s+([^\W\d_][\w'’-]*)").match(text, end)
        if not m:
            break
        word = m.group(1).rstrip("'’-")
        if fold(word) in _regions() or n and fold(word) != word.lower() and not name_word(word):
            break  # "en la casa nomás oímos": an accented word that is no name ends it
        if ordinary(word):
            # "harry hines": an everyday word that is a name leads a name that goes on
            nxt = re.compile(r"\s+([^\W\d_][\w'’-]*)").match(text, m.end())
            if not (n < words - 1 and name_word(word) and not word.isupper() and not word_form(word, "es")
                    and word.lower() not in STOP_WORDS and word.lower() not in _EVERYDAY and nxt
                    and not ordinary(nxt.group(1)) and fold(nxt.group(1)) not in _regions()):
                break
        end = m.start(1) + len(word)
        n += 1
    if n:
        kind = _KIND_AFTER.match(text, end)
        if kind:
            end = kind.end() - (1 if kind.group().endswith(".") else 0)
    return end


def bare_streets(text: str) -> list[Finding]:
    """Streets said by a bare name after a where-word, in Spanish ("por la harry hines", "en la
    treinta y ocho") and English ("off of bellaire", "I live on fulton")."""
    out: list[Finding] = []
    for m in _ES_WHERE.finditer(text):
        pos = m.end()
        num = _SPOKEN_STREET_ES.match(text, pos)
        if num:
            end = pos + len(num.group().rstrip())
            if _NOT_STREET_AFTER_NUMBER.match(text, end) or re.match(r"\s*(?:y|o|a)\s+(?:la\s+)?\d", text[end:]):
                continue  # "la 24 horas", "la 10 o la 11": counts and times, not streets
            if re.search(r"\b(?:de|a)\s+la\s+$", text[max(0, m.start() - 4):pos]) and re.match(r"\s*(?:y|a)\s", text[end:]):
                continue
            out.append(_finding(text, pos, end))
            continue
        name = _WORD.match(text, pos)
        if not name or _town_with_article(name.group(1)):
            continue  # "en la habana", "la paz": a town named with its article
        end = _bare_name_end(text, pos)
        if end > pos:
            out.append(_finding(text, pos, end))
    for m in _DE_LA_NUMBER.finditer(text):
        # "el publix de la 137", "la tienda de la 24": a place and its numbered street
        said = m.group("n")
        end = m.end("n")
        if _NOT_STREET_AFTER_NUMBER.match(text, end) or re.match(r"\s*(?:y|o|a|al)\s+(?:la\s+)?\d", text[end:]):
            continue
        if not any(o.start <= m.start("n") < o.end for o in out):
            out.append(_finding(text, m.start("n"), m.start("n") + len(said.rstrip())))
    for m in _EN_WHERE.finditer(text):
        pos = m.end()
        end = _bare_name_end(text, pos, 2)
        if end > pos and not re.match(r"\s*(?:['’]s\b)", text[end:]):
            out.append(_finding(text, pos, end))
    return out


def _finding(text: str, start: int, end: int) -> Finding:
    span = text[start:end]
    return Finding(start, end, "ADDRESS", span, 0.55, "street_name", canonical=re.sub(r"\W+", " ", span.lower()).strip())


# --- A house number and a bare street name, said where someone lives -------------------------
# "I live at 412 maple", "my address is 17320 Greenfield", "vivo en el 2210 de la Broadway",
# "send it to 88 fulton": the cue says address, the number and one name say which.
_HOUSE_CUE = re.compile(
    r"(?:\b(?:live|lives|lived|living|stay|stays|staying|moved|house\s+is|home\s+is|address\s+is|address['’]s|"
    r"i['’]m\s+at|we['’]re\s+at|house\s+at|apartment\s+at|"
    r"address|send\s+(?:it|them|everything|that|the\s+\w+)\s+to|mail\s+(?:it|them|everything)?\s*to|"
    r"ship\s+(?:it|them)\s+to|deliver(?:ed)?\s+(?:it\s+)?to|vivo|vive|viven|vivimos|vivía|vivia|viví|vivi|"
    r"mi\s+direcci[oó]n\s+(?:es|era)|la\s+direcci[oó]n\s+(?:es|era)|direcci[oó]n:|mándalo|mandalo|mándenlo|"
    r"mandan|manda|me\s+lo\s+mandan|nos\s+mudamos|me\s+mudé|me\s+mude|nos\s+cambiamos|me\s+cambié)"
    r"(?:\s+(?:over|right|now|ahora|ahorita|todavía|todavia|aquí|aqui|ahí|ahi))?"
    r"\s+(?:(?:is|at|on|in|to|en|a|al)\s+)?(?:(?:the|el|la|número|numero|number)\s+)?)$",
    re.IGNORECASE)
_HOUSE_TAIL = re.compile(r"\s+(?:(?:de\s+la|de\s+el|del|on|en\s+la)\s+)?([^\W\d_][\w'’-]*)(?![\w'’])", re.IGNORECASE)
_NOT_AFTER_NUMBER = frozenset("""
years year hours hour dollars bucks minutes days weeks months times people percent cents miles pounds
boxes cases orders units am pm o'clock oclock and or bus route train am p.m a.m años horas dólares dolares
pesos minutos días dias semanas meses veces personas millas libras cajas y o de del en por para
""".split())  # noqa: SIM905


def cued_house_numbers(text: str, runs: list[NumberRun]) -> list[Finding]:
    """A house number and one bare name after a home or mail cue: "I live at 412 maple"."""
    out: list[Finding] = []
    for run in runs:
        if not run.digits.isdigit() or not 2 <= len(run.digits) <= 5 or not text[run.start:run.end][:1].isdigit():
            continue
        if not _HOUSE_CUE.search(text[max(0, run.start - 60):run.start]):
            continue
        m = _HOUSE_TAIL.match(text, run.end)
        if not m:
            continue
        word = m.group(1)
        if word.lower() in _NOT_AFTER_NUMBER or ordinary(word) and not _street_like_word(word):
            continue
        end = _bare_name_end(text, m.start(1), 2)
        end = max(end, m.end(1))
        out.append(Finding(run.start, end, "ADDRESS", text[run.start:end], 0.7, "street_address",
                           canonical=re.sub(r"\W+", " ", text[run.start:end].lower()).strip()))
    return out


def _street_like_word(word: str) -> bool:
    """An everyday English word that names streets everywhere: trees and a few others ("412 maple",
    "88 elm", "2210 broadway")."""
    return word.lower() in _TREE_STREETS or bool(_name_kinds().get(word.lower())) or is_place(word)


_TREE_STREETS = frozenset("""
maple oak elm pine cedar walnut willow birch spruce ash chestnut cherry magnolia sycamore poplar hickory
laurel locust cypress juniper aspen alder beech palm olive orange lemon peach park lake hill ridge
main broadway church market washington lincoln jefferson madison franklin grand central prospect
""".split())  # noqa: SIM905


# --- Two bare streets said as a crossing -----------------------------------------------------
# "gets on at Jefferson and Alter", "near stockton and jackson", "en la tully y la king": two
# street names joined by and/y after a where-word, with no suffix and no home cue.
_SIDE = r"(?:\d{1,3}(?:st|nd|rd|th)?|[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
_BARE_CROSS = re.compile(
    r"\b(?:on|at|near|by|off\s+of|over\s+on|over\s+by|around|corner\s+of|en|por|cerca\s+de|pasando|entre)\s+"
    r"(?P<la>la\s+|el\s+)?(?P<a>" + _SIDE + r")\s+(?:and|&|y|con)\s+(?P<la2>la\s+|el\s+)?(?P<b>" + _SIDE + r")(?![\w'’])",
    re.IGNORECASE)


def _side_ok(text: str, start: int, side: str, spanish: bool = False) -> bool:
    """A side of a crossing: a numbered street, or words that are each no everyday word (a
    capitalised one mid-sentence counts as a name), no common given name, no region."""
    from core.deid.lexicon import COMMON_GIVEN_NAMES
    if re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)?", side, re.IGNORECASE):
        return True
    words = side.split()
    cased = start > 2 and not re.search(r"[.!?:]\s*$", text[max(0, start - 3):start]) and not spanish
    if re.search(r"['’]s$", side):
        return False  # "at Pat and Jim's place": a home named by its people
    for w in words:
        low = w.lower()
        if low in COMMON_GIVEN_NAMES or fold(w) in _regions() or low in STOP_WORDS or low in ES_STOP_WORDS or low in _EVERYDAY:
            return False
        if ordinary(w) and not (cased and w[:1].isupper() and not w.isupper()):
            return False
    return True


def bare_crossings(text: str) -> list[Finding]:
    """Two bare street names said as a crossing after a where-word."""
    out: list[Finding] = []
    pos = 0
    while m := _BARE_CROSS.search(text, pos):
        pos = m.start("a")  # a rejected match is read again from its next word ("on at X and Y")
        spanish = m.group("la") is not None
        if spanish != (m.group("la2") is not None) and not (spanish and m.group("b").isdigit()):
            continue  # "en la tully y la king" has "la" twice; "at X and Y" has none
        if re.match(r"\s*['’]s\b", text[m.end():]) or _NOT_STREET_AFTER_NUMBER.match(text, m.end()):
            continue  # "at jerome and tina's", "la 8 y la 10 de la noche"
        b, end = m.group("b"), m.end("b")
        if " " in b and not _side_ok(text, m.start("b"), b, spanish):
            b = b.split()[0]  # "at Jefferson and Alter every morning"
            end = m.start("b") + len(b)
        if not (_side_ok(text, m.start("a"), m.group("a"), spanish) and _side_ok(text, m.start("b"), b, spanish)):
            continue
        if m.group("a").isdigit() and b.isdigit():
            continue  # "entre la 8 y la 10": hours or counts as often as streets
        out.append(_finding(text, m.start("a"), end))
        pos = end
    return out
