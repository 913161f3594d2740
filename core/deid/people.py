"""People nobody listed, found the same way in "Maria Desrosiers" and "maria desrosiers".

Signals, combined (decision 0106):

* a lexicon of 160,000 first names and surnames from 105 countries (``name_lexicon.txt``,
  derived from names-dataset), each marked when it is also an everyday English or Spanish word;
* context that does not depend on case, in English and Spanish: "my supervisor X", "X said",
  "X's", "with X", "la señora X", "don X", "X me dijo", vocatives ("oye X,", "thanks, X");
* name structure: a first name pulls in the surnames after it, Spanish particles and compound
  surnames ("maría de la cruz", "garcía-lópez", "josé luis ramírez ortega").

A name that is not a word ("desrosiers", "tiffany", "chuy") counts alone; one that is a word
("rose", "will", "hope", "dolores", "hour" is not even a name) needs a cue. A surname alone
needs a cue too (so "white" and "long" stay words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP
from spacy.lang.es.stop_words import STOP_WORDS as _ES_STOP

from core.deid.findings import Finding, is_person_type
from core.deid.lexicon import COMMON_GIVEN_NAMES, COMMON_SURNAMES, EVERYDAY_NAMES
from core.deid.readings import describing_form, verb_form, word_form
from core.deid.tabfile import read_tab_file

_LEXICON = Path(__file__).with_name("name_lexicon.txt")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")

# Verbs only a person does, right after a word-name ("rose laughed", "hope quit on us", "bill got
# fired", "mercedes renunció", "consuelo me llamó"): the word is the person (decision 0220).
_PERSON_VERBS = (
    r"laughed|smiled|cried|whispered|screamed|shouted|texted|apologi[sz]ed|complained|retired|resigned|"
    r"quit\s+(?:on|last|yesterday|in|after|because)|agreed|explained|promised|lied|nodded|winked|"
    r"got\s+(?:fired|hired|promoted|deported|married|pregnant|written\s+up|laid\s+off|let\s+go|suspended)|"
    r"passed\s+away|(?:called|texted|trained|hired|fired|helped|warned|showed|taught|told|asked|hugged|"
    r"yelled\s+at|wrote)\s+(?:me|us|him|her|them)|"
    r"renunci[oó]|se\s+quej[oó]|se\s+jubil[oó]|se\s+enoj[oó]|se\s+ri[oó]|llor[oó]|se\s+cas[oó]|"
    r"(?:me|nos|le|les)\s+(?:llam[oó]|explic[oó]|cont[oó]|enseñ[oó]|mand[oó]|grit[oó]|regañ[oó]|ayud[oó]|"
    r"entren[oó]|habl[oó]|pregunt[oó]|pidi[oó]|invit[oó]|trajo|prest[oó]|avis[oó]|defendi[oó]|corri[oó])")
# Before a name. Strong cues (a role, a title, kin, "named", "told") make even an everyday
# word a person ("my supervisor rose"); weak ones (a preposition) only back up a real name.
_STRONG_BEFORE = re.compile(
    r"\b(?:named|called|told|tell|asked|ask|thank|thanks|"
    r"supervisor|manager|boss|lead|foreman|forewoman|coworker|co-worker|friend|guy|lady|girl|dude|"
    r"husband|wife|son|daughter|brother|sister|cousin|mom|dad|uncle|aunt|nephew|niece|neighbou?r|"
    r"mr|mrs|ms|miss|mister|dr|doctor|doctora|dra|enfermera|enfermero|nurse|officer|coach|chef|hey|hi|hello|hola|"
    r"llamado|llamada|se\s+llama|dije|pregunt[eé]|pregunt[eé]\s+a|le\s+dije\s+a|habl[eé]\s+con|"
    r"talked\s+to|spoke\s+to|spoke\s+with|supervisor|supervisora|jefe|jefa|"
    r"vecino|vecina|cuñado|cuñada|suegro|suegra|novio|novia|nieto|nieta|sobrino|sobrina|"
    r"encargado|encargada|mayordomo|patr[oó]n|compañero|compañera|compa|amigo|amiga|esposo|esposa|"
    r"marido|hijo|hija|hermano|hermana|primo|prima|t[ií]o|t[ií]a|señor|señora|señorita|sr|sra|srta|"
    # a period only after an abbreviated title ("sr. ", "dr. "), not at a sentence's end ("mi hermano. tacaño")
    r"don|doña|oye|gracias|"
    # "my best friend there is fe", "mi mejor amiga ahí es fe", "the lead was hope" (decision 0220)
    r"(?:friend|amig[oa]|roommate|partner|compañer[oa]|coworker|co-worker|lead|supervisor|supervisora|manager|"
    r"boss|jefe|jefa|encargad[oa]|trainer)(?:\s+(?:there|here|ahí|ahi|aquí|aqui|allá|alla))?\s+(?:is|was|es|era)"
    r")(?:(?:(?<=mr)|(?<=ms)|(?<=dr)|(?<=sr)|(?<=mrs)|(?<=sra)|(?<=srta)|(?<=dra))\.)?,?\s+$",
    re.IGNORECASE)
_WEAK_BEFORE = re.compile(r"\b(?:with|to|and|by|from|about|for|con|al|para|y|que)\s+$", re.IGNORECASE)
_STRONG_AFTER = re.compile(
    r"^(?:['’]s\b|,?\s+(?:said|says|told|tells|asked|asks|yelled|dijo|dice|me\s+dijo|nos\s+dijo|"
    r"le\s+dijo|y\s+yo|and\s+i\b|and\s+me|" + _PERSON_VERBS + r")\b)", re.IGNORECASE)
_WEAK_AFTER = re.compile(
    r"^,?\s+(?:called|came|comes|got|gets|went|goes|had|has|would|wanted|wants|did|does|thinks|thought|"
    r"knows|knew|saw|sees|never|always|just|kept|started|works|worked|is|was|habl[oó]|lleg[oó]|tiene|"
    r"ten[ií]a|quiere|quer[ií]a|siempre|nunca|es|era|est[aá]|estaba|fue|trabaja|trabajaba|manda|mandaba)\b",
    re.IGNORECASE)
# Words that end a name run even when the lexicon has them.
_STOPS = {w for w in (_EN_STOP | _ES_STOP) if len(w) > 1} | {
    "yeah", "okay", "ok", "um", "uh", "like", "so", "oh", "hour", "hours", "hora", "horas", "day", "días",
    # Mexican Spanish speech words that name-lists also hold as surnames
    "nomás", "nomas", "namás", "cel", "okey", "oki", "das", "ve", "hon", "ahorita", "jaja", "jajaja", "chamo",
    "chama", "pana", "mija", "mijo", "m'ija", "m'ijo",
    # kin words the name dump holds as names ("mi tía is eighty-nine")
    "tía", "tia", "tío", "tio", "tita", "abuela", "abuelo", "abuelita", "abuelito", "mamá", "papá", "baba",
    # thanks and greetings of other languages ("mèsi anpil", "salamat po", "sat sri akal")
    "mèsi", "mesi", "salamat", "akal", "sri", "anpil", "habibi", "inshallah", "órale", "orale", "ándale", "andale", "pos", "híjole", "hijole",
    # institutions a worker calls, some of them names somewhere in the world
    "osha", "hr", "ice", "fbi", "irs", "dmv", "cal", "fema", "eeoc", "nlrb", "ups", "usps", "fedex",
    "walmart", "amazon", "target", "costco", "dios", "god", "lord", "jesus christ"}
_PARTICLES = ("de la", "de los", "de las", "del", "de", "van der", "van", "von", "da", "dos", "di", "le", "la")
_TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "don", "doña", "dona", "señor", "señora",
           "senor", "senora", "señorita", "sr", "sra", "srta", "sir", "madam", "coach", "officer"}
_STRONG_PARTICLES = {"de la", "de los", "de las", "del", "van der"}
_DETERMINERS = {"my", "your", "his", "her", "our", "their", "the", "a", "an", "this", "that", "no", "any",
                "some", "mi", "tu", "su", "el", "la", "los", "las", "un", "una", "este", "esta", "ese", "esa"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """name -> kinds ("f" first name, "l" surname, "w" also an everyday word)."""
    return read_tab_file(_LEXICON)


def _kinds(word: str) -> str:
    low = _POSSESSIVE.sub("", word.lower()) if word.lower().endswith(("'s", "’s")) else word.lower()
    lex = lexicon()
    kinds = lex.get(low)
    if kinds is None and "-" in low:  # "garcía-lópez": every part a name
        parts = [lex.get(p) for p in low.split("-")]
        if all(p is not None and "w" not in p for p in parts):
            kinds = "l"
    if kinds is None:
        from core.deid.names import fold
        kinds = lex.get(fold(low), "")
    return kinds


def _spanish_word(word: str) -> bool:
    """A Spanish word form by spaCy's lemmatizer tables ("domingos", "murió", "chiquita")
    that is not one of the hand-picked given names ("maría", "lupita"): in Spanish text it
    needs a cue to be a person (decision 0190)."""
    from core.deid.lexicon import COMMON_GIVEN_NAMES, EVERYDAY_ES
    low = word.lower()
    if low in COMMON_GIVEN_NAMES and low not in EVERYDAY_ES:
        return False
    return word_form(low, "es")


def everyday_word(word: str, language: str) -> bool:
    """Whether a word nobody listed reads as an everyday word rather than a name: marked so in
    the lexicon, a Spanish word form in Spanish text, or, when the lexicon does not hold it
    at all, an English word form ("birthday", "laughs", "years")."""
    low = _POSSESSIVE.sub("", word.lower()) if word.lower().endswith(("'s", "’s")) else word.lower()
    kinds = _kinds(low)
    if "w" in kinds or "d" in kinds and "f" not in kinds:
        return True
    if language == "es" and _spanish_word(low):
        return True
    return not kinds and (word_form(low, "en") or language == "es" and word_form(low, "es"))


def _is_mixed_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 0.02 < upper / max(1, len(letters)) < 0.6


def _capitalised_mid_sentence(text: str, start: int, word: str) -> bool:
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".?!:\n\"“"


def _cue(text: str, start: int, end: int, language: str = "en") -> int:
    """2 for a strong cue, 1 for a weak one, 0 for none (or a determiner right before)."""
    return _cue_where(text, start, end, language)[0]


def _cue_where(text: str, start: int, end: int, language: str = "en") -> tuple[int, str]:
    """The cue's strength and where it stands ("before", "after" or "")."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 24]
    m = _STRONG_BEFORE.search(before)
    # In Spanish "son" is "they are" ("son fuertes"), not a kin word.
    if m and not (language == "es" and re.match(r"\bson\b", m.group(), re.IGNORECASE)):
        return 2, "before"  # the cue word right before ("le pregunté a dat", "told will")
    prev = re.search(r"([^\W\d_]+)\W*$", before)
    if prev and prev.group(1).lower() in _DETERMINERS:
        return 0, ""
    if _STRONG_AFTER.match(after):
        return 2, "after"
    return (1, "") if _WEAK_BEFORE.search(before) or _WEAK_AFTER.match(after) else (0, "")


def _word_end(m: re.Match[str]) -> int:
    word = m.group()
    if word.lower().endswith(("'s", "’s")):
        return m.end() - 2
    return m.end() - (1 if word.endswith(("'", "’")) else 0)


def _extend(text: str, words: list[re.Match[str]], i: int, mixed: bool,
            language: str = "en") -> tuple[int, int]:
    """From a first name at ``words[i]``, take the surnames (and particles) that follow. In
    Spanish text a following Spanish word form ("maría trabaja", "rico ganaba") joins only as
    a common surname or with a capital, like a surname that is an English word."""
    j, end = i, _word_end(words[i])
    taken = 0
    while j + 1 < len(words) and taken < 3:
        nxt = words[j + 1]
        gap = text[end:nxt.start()]
        if gap.strip() or "\n" in gap or words[j].group().endswith(("'s", "’s")):
            break
        # "de la cruz", "del valle": a particle joins only when a surname follows it.
        joined = None
        for p in _PARTICLES:
            n = p.count(" ") + 1
            if j + 1 + n < len(words) and " ".join(w.group().lower() for w in words[j + 1:j + 1 + n]) == p:
                after = words[j + 1 + n]
                kinds = _kinds(after.group())
                # After "de la"/"del" even a surname that is a word joins ("maría de la cruz").
                if "l" in kinds and ("w" not in kinds or after.group()[:1].isupper() or p in _STRONG_PARTICLES):
                    joined = j + 1 + n
                break
        if joined is not None:
            j, end, taken = joined, _word_end(words[joined]), taken + 1
            continue
        low = nxt.group().lower()
        kinds = _kinds(nxt.group())
        # A middle initial between two capitalised names: "Shane M Culp", "Vanessa P. Hertzog".
        if mixed and len(nxt.group()) == 1 and nxt.group().isupper() and j + 2 < len(words):
            after = words[j + 2]
            between = text[nxt.end():after.start()]
            if re.fullmatch(r"\.?\s", between) and after.group()[:1].isupper() and after.group().lower() not in _STOPS:
                j, end, taken = j + 2, _word_end(after), taken + 1
                continue
        # In mixed case a capitalised word that is only a Spanish function word joins ("Ana Dias").
        spanish_only = low in _ES_STOP and low not in _EN_STOP and len(low) >= 4
        if low in _STOPS or not kinds:
            if mixed and nxt.group()[:1].isupper() and (low not in _STOPS or spanish_only) and not nxt.group().isupper():
                j, end, taken = j + 1, _word_end(nxt), taken + 1  # "Johannes Varvio": a capital says name
                continue
            break
        # A surname that is also a word joins only a first name it follows and only if it is
        # a common US surname ("ines reyes", "maria white"); "tyrell said" stays a name + verb.
        if ("w" in kinds or language == "es" and _spanish_word(low)) \
                and not (mixed and nxt.group()[:1].isupper()) and low not in COMMON_SURNAMES:
            break
        j, end, taken = j + 1, _word_end(nxt), taken + 1
    return words[i].start(), end


# "there was a girl, oyelaran, she quit", "the safety guy, Aurelio Pangilinan, came once",
# "había una señora, thibodeaux, que renunció": a person noun, then a name set off by commas.
_APPOSITIVE = re.compile(
    r"\b(?:a|an|the|this|that|my|our|his|her|una|un|el|la|mi|esa|ese|esta|este|otra|otro)\s+"
    r"(?:[^\W\d_]+\s+){0,2}?"
    r"(?:girl|guy|lady|woman|man|kid|boy|dude|worker|coworker|co-worker|supervisor|manager|lead|nurse|driver|"
    r"foreman|cook|cashier|guard|neighbou?r|friend|señora|señor|señorita|muchacha|muchacho|chava|chavo|chica|"
    r"chico|mujer|hombre|compañera|compañero|trabajador|trabajadora|supervisora|encargado|encargada|vecina|"
    r"vecino|amiga|amigo|jefe|jefa)\s*,\s+"
    r"([^\W\d_][\w'’-]+(?:\s+(?:de\s+la\s+|de\s+los\s+|del\s+|de\s+)?[^\W\d_][\w'’-]+){0,2})\s*,",
    re.IGNORECASE)
_NOT_APPOSITIVE = re.compile(r"(?:ly|ing)$|^(?:though|anyway|again|right|okay|ok|yeah|too|also|honestly|"
                             r"like|well|man|bro|dude|girl|sir|ma'am|pues|bueno|este|o\s+sea|verdad|oye)$",
                             re.IGNORECASE)

# The person cues after which a word nobody lists is still a name ("le pregunté a kahale",
# "my coworker oyelaran"): roles, kin and "asked/told", not "with" or "and".
_PERSON_CUE = re.compile(
    r"\b(?:told|asked|named|called|talked\s+to|spoke\s+(?:to|with)|pregunt[eé]\s+a|le\s+dije\s+a|habl[eé]\s+con|"
    r"se\s+llama|llamad[oa]|(?:my|our|mi|nuestr[oa])\s+(?:supervisor|supervisora|manager|boss|lead|foreman|coworker|"
    r"co-worker|neighbou?r|friend|husband|wife|son|daughter|brother|sister|cousin|jefe|jefa|encargad[oa]|"
    r"compañer[oa]|vecin[oa]|amig[oa]|espos[oa]|marido|herman[oa]|prim[oa]|hij[oa])|señora|señor|doña|don|"
    r"mr|mrs|ms|mister|hey|hi|hello|hola|oye)\.?,?\s+$", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.?")
# Honorifics of the languages many workers speak (decision 0220): Hindi/Punjabi "ji", "bhenji",
# "bhai", "didi", "sahib" after the name ("harjinder ji", "bindi bhenji"); Tagalog "ate",
# "kuya", "tita", "tito", "manang", "manong", "mang", "aling" before it ("kuya jun", "ate
# weng"; "ate" only before a given name: "i ate rice").
_HONORIFIC_AFTER = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]+)[ \t]+(?:ji|bhenji|behenji|bhaiji|bhai|bhaiya|didi|"
                              r"sahib|saab|sahab)\b", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"\b(?P<title>ate|kuya|tita|tito|manang|manong|mang|aling)[ \t]+([^\W\d_][\w'’-]+)",
                               re.IGNORECASE)
# A name written as a form's value or given as the answer to a name question (decision 0220):
# "Name: Sieda Batukayev", "Nombre: Rocío Paz", "What's your last name? Boyle",
# "What's the name on the account? User: Maja S Hermansen", "¿cómo se llama? R: Eulalia".
_NAME_FIELD = re.compile(
    r"(?:\b(?:full\s+name|first\s+name|last\s+name|surname|name|nombre(?:\s+completo)?|apellidos?)[ \t]*:[ \t]*|"
    r"\b(?:your|his|her|the|su|tu)\s+(?:(?:full|first|last)\s+)?name(?:\s+on\s+the\s+\w+)?\s*\?\s*"
    r"(?:[^\W\d_]+\s*:\s*)?|c[oó]mo\s+se\s+llama\s*\?\s*(?:[^\W\d_]+\s*:\s*)?)"
    r"(?P<who>[^\W\d_][\w'’-]*(?:[ \t]+(?:[A-Z]\.?[ \t]+)?[^\W\d_][\w'’-]*){0,2})(?=[ \t]*(?:$|[\n,.;!?]))",
    re.IGNORECASE | re.MULTILINE)
# A speaker label at a line's start in pasted text: "Maria: yeah", "> Tomás Ibarra: no".
_SPEAKER = re.compile(r"(?m)^[>\s]*([^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?)\s?:(?!\d)")
_LABELS = {"q", "a", "p", "r", "interviewer", "participant", "entrevistador", "entrevistadora", "participante",
           "speaker", "note", "notes", "nota", "name", "nombre", "address", "dirección", "direccion", "phone",
           "teléfono", "telefono", "mobile", "fax", "desk", "office", "email", "e-mail", "website", "date", "fecha",
           "time", "hora", "where", "when", "who", "what", "why", "how", "subject", "re", "to", "from", "cc", "user",
           "bot", "agent", "customer", "client", "answer", "question", "pregunta", "respuesta", "zip", "title",
           "personal info", "directed by", "moderator", "host", "unknown", "inaudible", "crosstalk",
           # a turn's role label ("HABLANTE 2:", "ESPOSA:", "Daughter:"): who speaks, not a name
           "hablante", "interviewee", "respondent", "entrevistado", "entrevistada", "esposa", "esposo",
           "wife", "husband", "daughter", "hija", "translator", "intérprete", "interpreter"}


def _unknown_after_person_cue(text: str, m: re.Match[str], base: str, language: str = "en") -> bool:
    """A word in no lexicon right after a person cue, that reads as no word: a name. A word
    form of the text's language ("mi esposo trabaja", "my husband laughs") is no name."""
    from core.deid.names import _NOT_A_NAME, _VERBISH
    if len(base) < 3 or base in _STOPS or base in _NOT_A_NAME or _VERBISH.search(base) \
            or everyday_word(base, language) \
            or _NOT_APPOSITIVE.search(base) or base.endswith(("ly", "ing", "ed", "mente", "ando", "iendo")):
        return False
    return bool(_PERSON_CUE.search(text[max(0, m.start() - 30):m.start()]))


# "un señor serio", "una señora gringa", "a lady pharmacist": an indefinite article and a
# person noun, then a word that describes the person.
_DESCRIBED = re.compile(r"\b(?:un|una|a|an)\s+(?:señor|señora|señorita|muchacho|muchacha|guy|lady|man|woman|"
                        r"moreno|morena|chavo|chava)\s+$", re.IGNORECASE)
_PARTICLE_SURNAME = re.compile(r"\b(?:de\s+l[ao]s?|del|van\s+der|van\s+den|von|de\s+la)\s+([^\W\d_][\w'’-]*)",
                               re.IGNORECASE)


# Compound surnames whose last word is a Spanish word ("de la cruz", "del toro", "de los santos"):
# after a particle, a lower-case word form is a surname only when it is one of these.
_PARTICLE_WORD_SURNAMES = {
    "cruz", "rosa", "torre", "fuente", "paz", "vega", "garza", "luz", "o", "pena", "cerda", "hoya", "mora", "riva",
    "serna", "barrera", "cueva", "parra", "rocha", "sierra", "isla", "llave", "huerta", "vina", "guardia",
    "toro", "valle", "rio", "campo", "castillo", "real", "angel", "pino", "olmo", "monte", "villar", "moral", "prado",
    "carmen", "rosario", "bosque", "pozo", "cid", "rey", "sol", "mar", "puerto", "pilar", "arco", "hierro", "vado",
    "santos", "reyes", "rios", "angeles", "cobos", "llanos", "arcos", "monteros", "casas", "heras", "nieves",
    "cuevas", "mercedes", "dolores", "cerros", "olivos", "palacios", "rosales", "barrios", "campos", "montes",
    "peña", "viña", "río", "ángel", "ángeles", "ríos"}


def fold_word(word: str) -> str:
    from core.deid.names import fold
    return fold(word)


_MONTHS = {"may", "june", "april", "august", "march", "mayo", "junio", "julio", "abril"}
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes",
         "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"}
_MONTH_BEFORE = re.compile(r"\b(?:in|since|until|till|by|of|next|last|this|every|early|late|mid|en|de|desde|"
                           r"hasta|para|el|del)\s+$", re.IGNORECASE)
# An article before a lower-case name makes it a thing ("near the bart", "the lao community",
# "un mcdonald's"); Spanish "el"/"la" are left out: "el chuy", "la olga" are how people talk.
_THING_BEFORE = {"en": re.compile(r"\b(?:the|a|an|these|those|every|each|any)\s+$", re.IGNORECASE),
                 "es": re.compile(r"\b(?:the|un|una|unos|unas|este|esta|ese|esa|cada|algún|alguna)\s+$",
                                  re.IGNORECASE)}
# Spanish "la esposa del dueño", "la hija de la señora": a kin or role noun, then "de(l)": whose.
_WHOSE_BEFORE = re.compile(r"\b(?:espos[oa]|hij[oa]|sobrin[oa]|herman[oa]|prim[oa]|t[ií][oa]|mam[aá]|pap[aá]|"
                           r"mujer|marido|novi[oa]|cuñad[oa]|suegr[oa]|niet[oa]|jef[ea]|encargad[oa]|"
                           r"amig[oa]|vecin[oa]|casa|carro|troca)\s+$", re.IGNORECASE)
_MODAL_NAMES = {"will", "may"}
_IS_CUE = re.compile(r"\b(?:is|was|es|era)\s+$", re.IGNORECASE)


# Right after a clitic pronoun or a form of "haber" a Spanish word is a verb ("se ríe", "me
# da", "no he ido"): a name is never said there.
_VERB_SLOT_ES = re.compile(r"(?:^|[^\w'’])(?:se|me|te|le|les|nos|os|he|has|ha|hemos|han|hab[ií]a|hab[ií]an)\s+$",
                           re.IGNORECASE)


def _lexicon_ok(text: str, start: int, end: int, base: str, kinds: str, language: str, capital: bool,
                cue: int, where: str) -> bool:
    """Whether a word the lexicon holds is a person here (decisions 0106, 0190)."""
    from core.deid.names import _ES_VERBISH, _VERBISH
    before = text[max(0, start - 24):start]
    wordlike = ("w" in kinds or base in _STOPS or len(base) < 3 or (language == "es" and base in _ES_VERBISH)
                or ("s" in kinds and language == "es") or (language == "es" and _spanish_word(base)))
    if not capital and _THING_BEFORE["es" if language == "es" else "en"].search(before):
        return False  # "near the bart", "un mcdonald's"
    if base in _MONTHS and _MONTH_BEFORE.search(before) and where != "before":
        return False  # "in May and I lost", "since june"
    if base in _DAYS and where != "before":
        return False  # "on Monday, Tuesday and Friday"
    if base in _TITLES:
        return False  # "que le digamos doña": a title alone is nobody
    if not capital and language == "es" and (base in ("al", "del") or _VERB_SLOT_ES.search(before)):
        return False  # "se ríe", "no he ido", "le dije al güero": a verb's or article's place (0233)
    if wordlike and _VERBISH.search(base) and not _STRONG_AFTER.match(text[end:end + 24]):
        return False  # "my daughter set up", "i live": a verb after a kin word, not a name
    if wordlike and not capital and language == "es" and "f" not in kinds and verb_form(base, "es"):
        return False  # "su esposo murió": a verb after a kin word (decision 0190)
    if wordlike and not capital and base not in EVERYDAY_NAMES and base not in COMMON_GIVEN_NAMES \
            and verb_form(base, "es" if language == "es" else "en"):
        return False  # "my daughter answer if", "a new guy mix", "el supervisor grita"
    if wordlike and where == "after" and not capital and re.match(r",?\s+(?:and\s+(?:i|me)|y\s+yo)\b",
                                                                   text[end:end + 12], re.IGNORECASE):
        return False  # "twelve rooms and i", "four minutes late and i", "ella mete y yo saco"
    if wordlike and not capital and _IS_CUE.search(before) and (
            describing_form(base, language) or language == "en" and describing_form(base, "es")
            or re.search(r"(?:í|és|esa)$", base)):
        return False  # "my boss is rich", "mi jefa es dura", "es somalí": what the person is like
    if wordlike and not capital and _DESCRIBED.search(before):
        return False  # "un señor serio": an article, a person noun, then a word that describes
    if base in _MODAL_NAMES and not capital and _bare_verb_after(text, end):
        return False  # "my wife will answer": the modal, whatever came before
    if wordlike:
        return cue == 2 or capital and cue >= 1 or capital and "w" not in kinds
    if "f" in kinds:
        return True
    return cue >= 1 or capital  # a surname alone


def _bare_verb_after(text: str, end: int) -> bool:
    nxt = re.match(r"\s+(?:(?:not|also|just|never|always|still|probably)\s+)?([a-z]+)\b", text[end:end + 30],
                   re.IGNORECASE)
    if not nxt:
        return False
    from core.deid.readings import _tables
    verb = nxt.group(1).lower()
    return verb in _tables("en")[0].get("verb", frozenset()) or verb in ("be", "have", "do", "get")


def lexicon_people(text: str, language: str = "en") -> list[Finding]:
    """Unlisted people by lexicon and cue, in any casing. In Spanish text, given names that
    are also Spanish words ("dan", they give) need a cue like any word-name."""
    out: list[Finding] = []
    # A surname with particles and no first name ("my boss de los santos", "van der berg said").
    for m in _PARTICLE_SURNAME.finditer(text):
        kinds = _kinds(m.group(1))
        if _WHOSE_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            continue  # "la esposa del dueño": whose wife, not a surname
        surname = m.group(1)
        if not surname[:1].isupper() and word_form(surname.lower(), "es") \
                and fold_word(surname.lower()) not in _PARTICLE_WORD_SURNAMES:
            continue  # "el señor de la tienda": where he is from, not his surname (decision 0220)
        if "l" in kinds and _cue(text, m.start(), m.end()) >= (2 if "w" in kinds else 1):
            out.append(Finding(m.start(), m.end(), "PERSON", m.group(), 0.5, "name_lexicon",
                               canonical=m.group().lower()))
    for m in _SPEAKER.finditer(text):
        label = m.group(1)
        if label.lower() in _LABELS or any(w.lower() in _STOPS for w in label.split()) or not label[:1].isupper():
            continue
        label_kinds = [_kinds(w) for w in label.split()]
        if label.isupper() or any(c.isdigit() for c in label):
            continue  # "INT:", "ENT:", "P1:": a turn's abbreviation
        if all("w" in k and "f" not in k if k else everyday_word(w, language)
               for w, k in zip(label.split(), label_kinds)):
            continue  # "Break:", "Total:": a heading, not a speaker ("Ubul:" is one)
        out.append(Finding(m.start(1), m.end(1), "PERSON", label, 0.55, "name_lexicon", canonical=label.lower()))
    for m in _NAME_FIELD.finditer(text):
        value = m.group("who")
        given = value.split()
        names = [w for w in given if not _INITIAL.fullmatch(w)]
        if all(w.lower() not in _STOPS and w.lower() not in _LABELS for w in given) and \
                all(w[:1].isupper() or _kinds(w) for w in names) and \
                all(set(_kinds(w)) & {"f", "l"} or not everyday_word(w, language) for w in names):  # "Name: Maintenance Request", "nombre: Taller Mecánico" are nobody
            out.append(Finding(m.start("who"), m.end("who"), "PERSON", value, 0.6, "name_lexicon",
                               canonical=value.lower()))
    for m in list(_HONORIFIC_AFTER.finditer(text)) + list(_HONORIFIC_BEFORE.finditer(text)):
        low = m.group(1).lower()
        kinds = _kinds(low)
        if low in _STOPS or low in _TITLES or len(low) < 3 or _NOT_APPOSITIVE.search(low) or (
                m.re is _HONORIFIC_BEFORE and m.group("title").lower() == "ate" and "f" not in kinds) or (
                not set(kinds) & {"f", "l"} and everyday_word(low, language)):
            continue  # "i ate rice": the verb; "kuya said"
        out.append(Finding(m.start(1), m.end(1), "PERSON", m.group(1), 0.55, "name_lexicon", canonical=low))
    for m in _APPOSITIVE.finditer(text):
        parts = [w for w in m.group(1).split() if w.lower() not in ("de", "la", "los", "del")]
        if all(p.lower() not in _STOPS and not _NOT_APPOSITIVE.search(p) for p in parts):
            out.append(Finding(m.start(1), m.end(1), "PERSON", m.group(1), 0.6, "name_lexicon",
                               canonical=m.group(1).lower()))
    words = list(_WORD.finditer(text))
    mixed = _is_mixed_case(text)
    i = 0
    while i < len(words):
        m = words[i]
        word = m.group()
        low = word.lower()
        base = low[:-2] if low.endswith(("'s", "’s")) else low
        kinds = _kinds(word) if base not in _STOPS or base in EVERYDAY_NAMES else ""  # "she's" is she
        if low.rstrip(".") in _TITLES and i + 1 < len(words) and "f" in _kinds(words[i + 1].group()):
            kinds = ""  # "don rafael", "doña maricela": the title is not part of the name
        if not kinds:
            if _unknown_after_person_cue(text, m, base, language):
                end = _word_end(m)
                out.append(Finding(m.start(), end, "PERSON", text[m.start():end], 0.5, "name_lexicon",
                                   canonical=base))
            i += 1
            continue
        start, end = m.start(), _word_end(m)
        capital = mixed and _capitalised_mid_sentence(text, start, word)
        cue, where = _cue_where(text, start, end, language)
        ok = _lexicon_ok(text, start, end, base, kinds, language, capital, cue, where)
        if not ok:
            i += 1
            continue
        cued = cue > 0 or capital
        s, e = _extend(text, words, i, mixed, language) if "f" in kinds or cued else (start, end)
        span = text[s:e]
        score = 0.6 if cued else 0.5
        out.append(Finding(s, e, "PERSON", span, score, "name_lexicon", canonical=span.lower()))
        while i < len(words) and words[i].start() < e:
            i += 1
    if mixed:
        out = _capitalised_names(text, words, out, language)
    return out





def _plain_capital(word: str, language: str) -> bool:
    """A capitalised word that can be part of a name: no stop word, no everyday word."""
    low = word.lower()
    return (word[:1].isupper() and not word.isupper() and len(word) > 1 and word.replace("-", "").isalpha()
            and low not in _STOPS
            and low not in _TITLES and not everyday_word(low, language))


def _capitalised_names(text: str, words: list[re.Match[str]], found: list[Finding],
                       language: str) -> list[Finding]:
    """In mixed-case text (decision 0193): a capitalised word no lexicon holds right before a
    found name joins it ("Wisława Szczepańska", "Maja S Hermansen"); a line that is only two
    or three capitalised words and initials, none an everyday word, is a name (a signature:
    "> Gyala Antall"); the members of a list of capitalised names are names ("Efimiya, Mary,
    Ariana", "Eklund, Michael and Hodge") when two of them are names no word reads as."""
    out = list(found)
    starts = {f.start: i for i, f in enumerate(out)}
    index = {m.start(): k for k, m in enumerate(words)}
    for f_start, i in sorted(starts.items()):
        k = index.get(f_start)
        if k is None:
            continue
        new_start, j = f_start, k - 1
        if j >= 0 and _INITIAL.fullmatch(words[j].group()) and j - 1 >= 0:
            j -= 1  # a middle initial between: "Ella H. Snider"
        if j >= 0 and _plain_capital(words[j].group(), language) and \
                re.fullmatch(r"[ \t]+(?:[A-Z]\.?[ \t]+)?", text[words[j].end():f_start]):
            new_start = words[j].start()
        if new_start != f_start:
            f = out[i]
            out[i] = Finding(new_start, f.end, f.entity_type, text[new_start:f.end], f.score, f.recognizer,
                             canonical=text[new_start:f.end].lower())
    for line in re.finditer(r"(?m)^[>\s]*((?:[^\W\d_][\w'’-]*[ \t]+(?:[A-Z]\.?[ \t]+)?){1,2}[^\W\d_][\w'’-]*)[ \t]*$",
                            text):
        parts = [p for p in line.group(1).split() if not _INITIAL.fullmatch(p)]
        if 2 <= len(parts) <= 3 and all(_plain_capital(p, language) for p in parts) and \
                any(_kinds(p) for p in parts):
            out.append(Finding(line.start(1), line.end(1), "PERSON", line.group(1), 0.5, "name_lexicon",
                               canonical=line.group(1).lower()))
    for lst in re.finditer(r"[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)+,?\s+(?:and|y|&)\s+[A-Z][\w'’-]+|"
                           r"[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+){2,}", text):
        members = list(re.finditer(r"[A-Z][\w'’-]+", lst.group()))
        members = [m for m in members if m.group() not in ("and",)]
        clean = [m for m in members if _plain_capital(m.group(), language) and _kinds(m.group())]
        if len(clean) >= 2:
            for m in members:
                if m.group().lower() not in _STOPS and m.group().lower() not in _MONTHS:
                    s0 = lst.start() + m.start()
                    out.append(Finding(s0, s0 + len(m.group()), "PERSON", m.group(), 0.5, "name_lexicon",
                                       canonical=m.group().lower()))
    return out


_EN_MARKERS = {"the", "and", "is", "was", "i", "you", "that", "it", "to", "of", "my", "he", "she", "they",
               "we", "with", "but", "what", "have", "at"}
_ES_MARKERS = {"el", "la", "los", "las", "y", "es", "que", "de", "en", "mi", "yo", "pero", "con", "por",
               "una", "muy", "está", "pues", "nos", "también"}


def guess_language(text: str) -> str | None:
    """"en" or "es" when the text clearly reads as one (function words), else None."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 8:
        return None
    en = sum(w in _EN_MARKERS for w in words)
    es = sum(w in _ES_MARKERS for w in words)
    if en > 2 * es and en >= 3:
        return "en"
    if es > 2 * en and es >= 3:
        return "es"
    return None


# "maria and joy", "tiffany and rose", "luz y maría", "sunny, ahmed and i": a word-name named
# together with a person already found is a person too (decision 0220).
_PAIR_AFTER = re.compile(r"^(?:\s*,)?\s+(?:and|y|or|o|&)\s+([^\W\d_][\w'’-]*)|^\s*,\s+([^\W\d_][\w'’-]*)(?=\s*,?\s+(?:and|y)\b)",
                         re.IGNORECASE)
_PAIR_BEFORE = re.compile(r"(?:^|[^\w'’-])([^\W\d_][\w'’-]*),?\s+(?:and|y|&)\s+$", re.IGNORECASE)
# "rose, the lead, said no", "hope, my supervisor": a role set off after a word-name.
_ROLE_APPOSITION = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]*),\s+(?:the|our|my|his|her|el|la|mi|nuestr[oa]|su)\s+(?:night\s+|day\s+|shift\s+)?"
    r"(?:lead|supervisor|supervisora|manager|boss|foreman|forewoman|trainer|dispatcher|coordinator|coordinadora|"
    r"jefe|jefa|encargad[oa]|mayordom[oa]|cook|cashier|nurse|housekeeper|houseman|driver|mechanic|mecánic[oa]|"
    r"cociner[oa]|cajer[oa]|enfermer[oa]|chofer|coworker|co-worker|compañer[oa])\b", re.IGNORECASE)
_NOT_AFTER_PAIR = re.compile(r"^\s+(?:of|de|del|para|for|is\s+(?:a|the)|es\s+(?:un|una|el|la))\b", re.IGNORECASE)


def _word_name(word: str) -> bool:
    low = word.lower()
    if "'" in low or "’" in low:
        return False  # "and he's", "y ella's"
    kinds = _kinds(low)
    return "f" in kinds and low not in _STOPS and low not in _MONTHS and low not in _DAYS \
        and low not in _TITLES and len(low) >= 3


def linked_people(text: str, findings: list[Finding]) -> list[Finding]:
    """Word-names that a found person vouches for: named in a pair or list with one ("maria and
    joy"), or set off before a role ("rose, the lead,"). Returns only the new findings."""
    taken = [(f.start, f.end) for f in findings]
    out: list[Finding] = []

    def add(start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        prev = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 16):start])
        if prev and prev.group(1).lower() in _DETERMINERS:
            return  # "the bus and maria", "a joy and maria"
        if _NOT_AFTER_PAIR.match(text[end:end + 16]):
            return  # "maria and joy of work"
        taken.append((start, end))
        out.append(Finding(start, end, "PERSON", text[start:end], 0.5, "name_lexicon", canonical=text[start:end].lower()))

    for f in findings:
        if not is_person_type(f.entity_type) or len(f.text) < 3:
            continue
        m = _PAIR_AFTER.match(text[f.end:f.end + 40])
        if m:
            g = 1 if m.group(1) else 2
            word = m.group(g)
            if _word_name(word):
                add(f.end + m.start(g), f.end + m.start(g) + len(word))
        b = _PAIR_BEFORE.search(text[max(0, f.start - 40):f.start])
        if b and _word_name(b.group(1)):
            s0 = max(0, f.start - 40) + b.start(1)
            add(s0, s0 + len(b.group(1)))
    for m in _ROLE_APPOSITION.finditer(text):
        if _word_name(m.group(1)):
            add(m.start(1), m.end(1))
    return out + _repeated_word_names(text, findings + out, taken)


_ES_ARTICLE_BEFORE = re.compile(r"\b(?:el|la|los|las|un|una|unos|unas|mi|tu|su|sus|mis|esta|este|esa|ese|qué|que|"
                                r"mucha|mucho|poca|poco|tanta|tanto|con\s+la|de\s+la|a\s+la)\s+$", re.IGNORECASE)


def _repeated_word_names(text: str, findings: list[Finding], taken: list[tuple[int, int]]) -> list[Finding]:
    """A word-name nobody listed, once taken as a person by a cue in this text ("my coworker
    rose", "grace laughed", "maria and joy"), is that person where it is said again, unless it
    reads as the word there (a determiner, a subject, "to be", a modal, a Spanish article:
    0194's test for listed names, decision 0220)."""
    from core.deid.names import _reads_as_word
    seeds = set()
    for f in findings:
        word = f.text.lower()
        if is_person_type(f.entity_type) and f.recognizer in ("name_lexicon", "named_cue") and f.score >= 0.5 \
                and " " not in word.strip() and _word_name(word) and (set(_kinds(word)) & {"w", "s"} or word in EVERYDAY_NAMES):
            seeds.add(word)
    out: list[Finding] = []
    for word in sorted(seeds):
        for m in re.finditer(r"(?<![\w'’-])(" + re.escape(word) + r")(?=(?:['’]s)?(?![\w'’-]))", text, re.IGNORECASE):
            if any(s < m.end(1) and m.start(1) < e for s, e in taken):
                continue
            if _reads_as_word(text, m) or _ES_ARTICLE_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                    or _NOT_AFTER_PAIR.match(text[m.end():m.end() + 16]):
                continue
            taken.append((m.start(1), m.end(1)))
            out.append(Finding(m.start(1), m.end(1), "PERSON", m.group(1), 0.5, "name_lexicon", canonical=word))
    return out
