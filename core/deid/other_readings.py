"""Things speakers name that are nobody: a people or a language, a holiday, a hurricane, a bus
route, a turn's label, a greeting or a kin word of another language (decision 0242).

The unlisted-name signals (the lexicon, spaCy, a cue word) read these as persons or
workplaces: "she's jamaican", "hablo mam", "the Karen people", "during ramadan", "after katrina,
the hurricane", "I got a run on the 9, Jefferson", "Q. Tell me", "xie xie", "my lolo and lola".
Each class is a reading of the words *and* where they stand, so a real name that is also such a
word keeps its person reading with a person cue ("my supervisor Karen", "Karen said").

Only candidates of the recognizers that guess (``GUESSING``) are dropped; names the researcher
listed are never touched here, and a person cue next to the span ("told X", "X said") keeps it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.deid.findings import Finding, is_person_type

# Recognizers that guess a name or workplace nobody listed.
GUESSING = frozenset({"name_lexicon", "presidio", "named_cue", "given_name_list", "workplace_phrase", "name_fuzzy"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Peoples, nationalities and languages, English and Spanish (every gender and number for the
# Spanish adjectives is made below). Said of someone ("she's jamaican", "una señora somalí") or
# of what they speak ("hablo mam", "Hmong and English"): a description, never a name.
_PEOPLES_EN = """
american mexican guatemalan salvadoran salvadorean honduran nicaraguan costa rican panamanian colombian
venezuelan ecuadorian peruvian bolivian chilean argentinian argentine uruguayan paraguayan cuban dominican
puerto rican boricua haitian jamaican trinidadian barbadian bahamian guyanese belizean brazilian canadian
filipino filipina pinoy pinay chinese taiwanese korean japanese vietnamese cambodian khmer laotian lao thai
burmese karen karenni chin kachin rohingya hmong mien nepali nepalese bhutanese tibetan bangladeshi bengali
indian pakistani afghan iraqi iranian persian syrian lebanese palestinian jordanian yemeni saudi egyptian
moroccan algerian tunisian libyan sudanese somali somalian ethiopian eritrean kenyan ugandan tanzanian
rwandan burundian congolese nigerian ghanaian liberian ivorian senegalese malian guinean cameroonian
african asian european latino latina latinx hispanic chicano chicana tejano anglo arab arabic
tongan samoan fijian marshallese chuukese micronesian hawaiian polynesian maori
navajo dine diné lakota cherokee apache hopi ojibwe ojibwa yupik inupiaq native
irish italian polish russian ukrainian german french greek portuguese bosnian albanian romanian
armenian turkish kurdish
english spanish tagalog ilocano cebuano visayan cantonese mandarin taiwanese toishanese hakka
punjabi gujarati hindi urdu tamil telugu marathi malayalam sinhala dari pashto farsi tigrinya amharic
oromo swahili kinyarwanda kirundi somali wolof yoruba igbo hausa twi french creole kreyol kreyòl
patois mixteco mixtec zapoteco zapotec triqui trique nahuatl náhuatl mam kiche k'iche' quiche q'anjob'al
kanjobal akateko chuj ixil kaqchikel tzotzil tzeltal maya mayan garifuna garífuna quechua aymara guarani
guaraní purepecha purépecha otomí otomi
"""
_PEOPLES_ES_STEMS = """
american mexican guatemaltec salvadoreñ hondureñ nicaragüens costarricens panameñ colombian venezolan
ecuatorian peruan bolivian chilen argentin uruguay paraguay cuban dominican puertorriqueñ haitian
jamaiquin brasileñ canadiens filipin chin taiwanés coreán japonés vietnamit camboyan laosian tailandés
birman nepalés indi pakistaní afgan iraquí iraní sir libanés palestin egipci marroquí sudanés somalí etíop
eritre kenian congoleñ nigerian ghanés african asiátic europe latin hispan chican anglosajon árab
tongan samoan gring güer chel catir mestiz indígen
irlandés italian polac rus ucranian alemán francés grieg portugués español galleg catalán vasc
"""
# Spanish adjectives of peoples: a stem and its endings ("dominican" -> dominicano, -a, -os, -as).
_ES_ENDINGS = ("o", "a", "os", "as", "")
_ES_WHOLE = {"somalí", "somalíes", "iraquí", "iraní", "pakistaní", "marroquí", "inglés", "inglesa", "francés",
             "francesa", "japonés", "japonesa", "alemán", "alemana", "catalán", "catalana", "portugués",
             "portuguesa", "irlandés", "irlandesa", "español", "española", "españoles", "taiwanés", "nepalés",
             "sudanés", "libanés", "ghanés", "tailandés", "vietnamita", "vietnamitas", "nicaragüense",
             "costarricense", "canadiense", "estadounidense", "boricua", "boricuas", "chapín", "chapina",
             "catracho", "catracha", "guanaco", "guanaca", "tico", "tica", "nica", "chilango", "chilanga",
             "maya", "mayas", "garífuna", "garífunas", "kreyòl", "creole", "criollo", "quiché", "mixteco",
             "zapoteco", "triqui", "náhuatl", "mam", "q'anjob'al", "akateko", "chuj", "ixil", "tzotzil",
             "tzeltal", "quechua", "aymara", "guaraní", "purépecha", "otomí", "tagalo", "cantonés", "mandarín",
             "árabe", "árabes", "hindú", "bengalí", "punjabi", "swahili", "amhárico", "tigriña", "hmong", "karen"}


@lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    words = set(_PEOPLES_EN.split()) | _ES_WHOLE
    for stem in _PEOPLES_ES_STEMS.split():
        if stem.endswith(("és", "án", "í")):
            words.add(stem)
            base = stem[:-2] + stem[-2:].replace("é", "e").replace("á", "a")
            words.update({base + "a", base + "as", base + "es"})
        else:
            words.update(stem + e for e in _ES_ENDINGS if e)
    words.update({"puerto rican", "costa rican", "native american", "african american", "mexican american"})
    return frozenset(words)


# Names of holidays, feasts and seasons of the year that are also names ("Ramadan", "Eid",
# "Tet") or that spaCy reads as one.
_HOLIDAYS = {
    "ramadan", "ramadán", "eid", "eid al-fitr", "eid al-adha", "eid mubarak", "diwali", "holi", "navratri",
    "vaisakhi", "baisakhi", "tet", "trung thu", "lunar new year", "chinese new year", "lai see", "lai si",
    "hong bao", "seollal", "chuseok", "obon", "songkran", "pchum ben", "vesak", "nowruz", "hanukkah",
    "chanukah", "passover", "rosh hashanah", "yom kippur", "purim", "easter", "lent", "christmas",
    "thanksgiving", "kwanzaa", "juneteenth", "halloween", "mardi gras", "black friday", "cyber monday",
    "memorial day", "labor day", "navidad", "nochebuena", "año nuevo", "semana santa", "cuaresma", "pascua",
    "pascuas", "posadas", "las posadas", "día de muertos", "día de los muertos", "dia de muertos",
    "día de reyes", "reyes magos", "carnaval", "quince de septiembre", "cinco de mayo", "fiestas patrias",
    "tết",
}
# A hurricane's or storm's name: the word next to "hurricane" / "huracán" / "storm".
_STORM = re.compile(r"\b(?:hurricane|huracán|huracan|tropical\s+storm|tormenta|storm|tifón|typhoon|cyclone|"
                    r"ciclón)\b", re.IGNORECASE)
# Greetings, thanks and exclamations of other languages, and fillers the lexicon holds as names.
_INTERJECTIONS = {
    "xie", "xiexie", "xie xie", "eh", "ah", "oh", "uh", "um", "mm", "hmm", "bondye", "bondye bon", "ehh", "ehhh", "ehm", "ay", "ayy", "ayyy", "aye", "jaja",
    "jajaja", "jeje", "jiji", "hi", "hiya", "aloha", "mahalo", "namaste", "salaam", "salam", "shalom", "ciao",
    "merci", "danke", "arigato", "gracias", "asante", "ahéhee'", "ahéhee", "ahehee", "mèsi", "salamat",
    "kamsahamnida", "yuj wal", "yuj", "wal", "ojalá", "ojala", "wallahi", "alhamdulillah", "inshallah",
    "mashallah", "bismillah", "ayúdame", "socorro", "olé", "órale", "uy", "huy", "híjole", "caramba",
}
# Kin and endearment words of other languages ("my lolo and lola", "chacha ji", "relax, anak", "mi uso").
_KIN = {"lola", "lolo", "anak", "kuya", "ate", "tita", "tito", "inay", "itay", "nanay", "tatay", "chacha",
        "chachi", "bapu", "bapuji", "dadi", "dada", "nani", "nana", "mami", "papi", "amigo", "amiga", "uso",
        "tuakana", "habibi", "habibti", "abuelita", "abuelito", "mijo", "mija", "papás", "mamás", "bhai",
        "bhaiya", "didi", "baba", "mama", "amah", "ahma", "popo", "gung gung", "ba", "ma", "me", "bà", "ông"}
_POSSESSOR = re.compile(r"\b(?:my|your|his|her|our|their|mi|mis|tu|tus|su|sus|nuestr[oa]s?|like\s+my|"
                        r"and\s+my|como\s+mi)\s+$", re.IGNORECASE)
# Who or what is said after a people's word ("the Karen people", "Karen culture", "a Hmong lead").
_PEOPLE_NOUN_AFTER = re.compile(
    r"^\s+(?:people|culture|language|community|families|family|food|music|church|mass|new\s+year|"
    r"guy|guys|lady|ladies|man|men|woman|women|girl|girls|boy|boys|lead|leads|worker|workers|speaker|speakers|"
    r"interpreter|translator|gente|cultura|idioma|comunidad|familia|familias|comida|música|misa|iglesia|"
    r"señor|señora|muchach[oa]s?|compañer[oa]s?|trabajador(?:es|as?)?)\b", re.IGNORECASE)
_SPEAK_BEFORE = re.compile(
    r"\b(?:speak|speaks|spoke|speaking|talk|talks|talking|in|only\s+speaks|habl[oaé]|hablan|hablamos|hablar|"
    r"hablaba|hablando|en|idioma|language|not|no\s+es|ni)\s+$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|y|o|ni|e)\s+|\s*,\s*(?:and|or|y|o|ni)\s+)$", re.IGNORECASE)
# "the 9, Jefferson", "the 34 Gratiot", "la ruta 30 Hillcroft": a bus route's number and name.
_ROUTE_BEFORE = re.compile(r"(?:\b(?:the|la|el|ruta|route|bus|line|línea|linea)\s+\d{1,3}[a-z]?,?\s+$|"
                           r"\b(?:bus|route|ruta|línea|linea|train|tren|metro)\s+$)", re.IGNORECASE)
# A turn's label: "Q.", "A:", "ENT.-", "PART.-", "entrevistadora:", "ESPOSA:".
_LABEL_WORD = re.compile(r"(?P<w>[^\W\d_]+)(?P<mark>\s?[.:]-?|\s?-)(?=\s|$|¿|¡)")
_LABEL_ABBREVIATIONS = {"ent", "entr", "entrev", "part", "partic", "int", "resp", "preg", "res", "e", "i", "q",
                        "a", "p", "r", "s1", "s2", "p1", "p2"}


def _labels() -> set[str]:
    from core.deid.people import _LABELS
    return _LABELS | _LABEL_ABBREVIATIONS


def _words(span: str) -> list[str]:
    return [w.lower().strip("'’") for w in _WORD.findall(span)]


def _is_first_name(word: str) -> bool:
    from core.deid.people import _kinds
    kinds = _kinds(word)
    return "f" in kinds and "w" not in kinds


def _common_name(word: str) -> bool:
    """A given name or surname many people have ("Karen", "María", "English"), not a stray
    entry of the lexicon's dump ("jamaican" is a first name there)."""
    from core.deid.lexicon import COMMON_GIVEN_NAMES, COMMON_SURNAMES
    low = word.lower()
    return low in COMMON_GIVEN_NAMES or low in COMMON_SURNAMES or low in {"chin", "lee", "long", "mae"}


def people_word(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a people or a language here ("she's jamaican", "hablo mam",
    "the Karen people", "not Karen, Chin"). A word that is also a given name (Karen, Chin)
    needs the reading's context: a speaking verb before, a people's noun after, or another
    people's word listed next to it."""
    span = " ".join(_words(text[start:end]))
    known = peoples()
    if not span or span not in known and not all(w in known for w in span.split()):
        return False
    if not any(_common_name(w) for w in span.split()):
        return True
    if _PEOPLE_NOUN_AFTER.match(text[end:end + 30]) or _SPEAK_BEFORE.search(text[max(0, start - 24):start]):
        return True
    for m in re.finditer(r"[^\W\d_][\w'’-]*", text[max(0, start - 30):start]):
        if m.group().lower() in known and _LIST_JOIN.match(text[max(0, start - 30) + m.end():start]):
            return True
    nxt = re.match(r"(\s*,\s*|\s+(?:and|or|y|o|ni)\s+)([^\W\d_][\w'’-]*)", text[end:end + 30])
    return bool(nxt and nxt.group(2).lower() in known and not _common_name(nxt.group(2)))


def holiday(text: str, start: int, end: int) -> bool:
    """The span is a holiday's or feast's name, or part of one ("for tet", "during ramadan",
    "lai see", "trung thu")."""
    span = " ".join(_words(text[start:end]))
    if span in _HOLIDAYS:
        return True
    after = " ".join(_words(text[end:end + 16])[:1])
    before = " ".join(_words(text[max(0, start - 16):start])[-1:])
    return f"{span} {after}" in _HOLIDAYS or f"{before} {span}" in _HOLIDAYS


def storms(text: str) -> set[str]:
    """One-word names said as a hurricane's in ``text`` ("hurricane katrina", "el huracán
    maría", "after maría, the hurricane", "after the hurricane. after katrina?")."""
    out: set[str] = set()
    for m in _STORM.finditer(text):
        after = re.match(r"\s+([^\W\d_]+)", text[m.end():m.end() + 24])
        if after:
            out.add(after.group(1).lower())
        # "after katrina, the hurricane", "después de maría, después del huracán", "after the hurricane. after katrina?"
        window = text[max(0, m.start() - 40):m.end() + 40]
        for w in re.finditer(r"\b(?:after|before|during|since|with|después\s+de(?:l)?|antes\s+de(?:l)?|"
                             r"desde|con)\s+([^\W\d_]+)", window, re.IGNORECASE):
            out.add(w.group(1).lower())
    return out - {"the", "el", "la", "that", "this", "ese", "este", "huracán", "hurricane", "storm"}


def route_name(text: str, start: int, end: int) -> bool:
    """A bus or train route's name after its number ("a run on the 9, Jefferson", "the 34
    Gratiot", "the 14, and then bart") or after "bus"/"route"."""
    before = text[max(0, start - 24):start]
    return bool(_ROUTE_BEFORE.search(before)) or bool(
        re.search(r"\b(?:bus|train|the\s+\d{1,3}),?\s+(?:and\s+)?(?:then\s+)?$", before, re.IGNORECASE)
        and text[start:end].lower() in {"bart", "muni", "metro", "marta", "septa", "caltrain", "amtrak"})


def interjection(text: str, start: int, end: int) -> bool:
    """A greeting, thanks or exclamation ("xie xie", "Bondye", "tell your mom hi", "ay")."""
    words = _words(text[start:end])
    return " ".join(words) in _INTERJECTIONS or bool(words) and all(w in _INTERJECTIONS for w in words)


def kin_word(text: str, start: int, end: int) -> bool:
    """A kin or endearment word of another language after a possessor ("my lolo and lola",
    "mis papás"), a kin title before a name ("chacha ji", "bapu ji") or said to someone
    ("relax, anak")."""
    words = _words(text[start:end])
    if not words or words[0] not in _KIN:
        return False
    if len(words) == 2 and words[1] in ("ji", "jee"):
        return True
    if len(words) > 1:
        return False
    before = text[max(0, start - 20):start]
    if _POSSESSOR.search(before) or re.search(r"\b(?:my|mi|mis)\s+[^\W\d_]+\s+(?:and|y)\s+$", before, re.IGNORECASE):
        return True
    if re.match(r"\s+(?:ji|jee)\b", text[end:end + 5]):
        return True
    return bool(re.search(r",\s*$", before) and re.match(r"\s*[\"”,.!?]", text[end:end + 2])
                and not _is_first_name(words[0]))


def strip_labels(text: str, f: Finding) -> Finding | None:
    """``f`` without a turn's label at its edges ("san miguel entrevistadora:" -> "san miguel",
    "Q. Tell" -> nothing, "ENT.- ¿" -> nothing); None when nothing that could name someone is left."""
    labels = _labels()
    start, end = f.start, f.end
    span = text[start:end]
    # A label at the end: its word is followed by ":" or ".-" in the text.
    m = re.search(r"(?:^|\s)([^\W\d_]+)$", span)
    if m and m.group(1).lower() in labels and re.match(r"\s?(?::|\.-)", text[end:end + 3]):
        end = start + m.start(1)
    # A label at the start: "Q. Tell", "ENT.- ¿lo", "ESPOSA: yo".
    m = _LABEL_WORD.match(text, start, end + 3)
    if m and m.group("w").lower() in labels and m.start() == start and (
            ":" in m.group("mark") or "-" in m.group("mark") or len(m.group("w")) <= 2):
        start = m.end()
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if (start, end) == (f.start, f.end):
        return f
    piece = text[start:end]
    if not re.search(r"[^\W\d_]{2}", piece) or len(_words(piece)) < 1:
        return None
    from core.deid.readings import verb_form
    if len(_words(piece)) == 1 and piece[:1].isupper() and verb_form(piece, "en") and f.recognizer == "presidio":
        return None  # "Q. Tell me": the question's verb
    return Finding(start, end, f.entity_type, piece, f.score, f.recognizer, piece.lower(), f.label)


# What a customer does with a brand: "drive a Nissan", "took Tylenol", "order on amazon", "read the
# New York Times", "mando por whatsapp", "my car is a ford".
_CUSTOMER_BEFORE = re.compile(
    r"(?:\b(?:drive|drives|drove|driving|took|take|takes|taking|read|reads|reading|watch|watches|watched|"
    r"order|orders|ordered|ordering|buy|buys|bought|shop|shops|shopped|eat|eats|ate|drink|drinks|drank|"
    r"ship|ships|shipped|send|sends|sent|mail|mailed|use|uses|used|download|downloaded|wear|wears|wore|"
    r"tomo|tom[eé]|toma|compro|compr[eé]|compra|como|com[ií]|coma|manejo|maneja|uso|us[oa]|leo|le[ií]a|"
    r"mando|mand[eé]|manda|mandamos|env[ií]o|envi[eé]|pido|ped[ií])"
    r"(?:\s+(?:it|them|everything|something|stuff|my\s+[^\W\d_]+|lo|la|los|las|todo))?"
    r"(?:\s+(?:on|from|at|with|by|in|through|via|por|en|de|con))?(?:\s+(?:the|a|an|some|every|el|la|los|las|un|una))?|"
    r"\b(?:car|truck|phone|carro|troca|tel[eé]fono|celular)\s+(?:is|was|es|era)\s+(?:a|an|un|una)|"
    r"\b(?:mand\w*|env[ií]\w*|habl\w*|llam\w*)\s+(?:\w+\s+)?por(?:\s+el)?|\bpor\s+el)\s+$", re.IGNORECASE)
_WORK_PREPOSITION = re.compile(r"\b(?:at|for|with|from|joined|para|con|trabaj\w*\s+en|entr[eé]\s+a)\s+"
                               r"(?:the\s+|la\s+|el\s+)?$", re.IGNORECASE)
_ARTICLED_CUSTOMER = re.compile(r"\b(?:drive|drives|drove|driving|read|reads|took|take|takes|bought|buy|buys|"
                                r"wear|wears|manejo|maneja|compr[eé]|compro)\s+(?:a|an|the|un|una|el|la)\s+$",
                                re.IGNORECASE)


def customer_brand(text: str, start: int, end: int) -> bool:
    """A brand the speaker buys or uses, not where anyone works ("I drive a Nissan, a Frontier",
    "took Tylenol", "le mando por whatsapp"). Working for one reads "drive for", "trabajo para"."""
    before = text[max(0, start - 40):start]
    if _CUSTOMER_BEFORE.search(before):
        return True
    # "a Nissan, a Frontier": the second of two things named after a customer's verb.
    prev = re.search(r"(?:,\s*(?:a|an|un|una)\s+)$", before)
    return bool(prev) and bool(_CUSTOMER_BEFORE.search(
        re.sub(r"[^\W\d_][\w'’-]*\s*,\s*(?:a|an|un|una)\s+$", "", before)))


def defined_term(text: str, start: int, end: int) -> bool:
    """An acronym said with what it stands for ("the PPH, packages per hour", "OGP, online
    grocery pickup"): a term of the job, not a workplace."""
    span = text[start:end].strip()
    if not re.fullmatch(r"[A-Za-z]{2,6}", span):
        return False
    letters = span.lower()
    for m in re.finditer(r"\b" + re.escape(span) + r"\b", text, re.IGNORECASE):
        n = len(letters) - 1
        after = re.match(r"\s*[,(:-]\s*((?:[^\W\d_]+\s+){" + str(n) + r"}[^\W\d_]+)", text[m.end():m.end() + 80])
        if after and "".join(w[0] for w in after.group(1).lower().split()) == letters:
            return True
    return False


def kind_not_name(text: str, start: int, end: int) -> bool:
    """A guessed workplace in lower case made only of everyday words ("team lead", "culinary
    academy", "chapter house", "oficina de seguridad del hospital"), with no preposition of work
    before it: what kind of place, not which one."""
    span = text[start:end]
    if any(c.isupper() for c in span) or _WORK_PREPOSITION.search(text[max(0, start - 20):start]):
        return False
    from core.deid.people import _STOPS, _kinds
    from core.deid.readings import word_form
    words = _words(span)
    if len(words) < 2:
        return False
    for w in words:
        if w in _STOPS or w in ("pa", "pa'"):
            continue
        kinds = _kinds(w)
        if kinds and "w" not in kinds:
            return False
        if not (word_form(w, "en") or word_form(w, "es") or "w" in kinds):
            return False
    return True


_SUBJECT_PRONOUN = re.compile(r"(?:^|[^\w'’])(?:él|el|ella|yo|tú|usted|ellos|ellas|nosotros|he|she|they|we|i)\s+$",
                              re.IGNORECASE)
# Words for who someone is, said where a name could stand ("his wife cousin", "lead porter",
# "a guatemalan fella", "my cousin kind of", "mi esposa allá en guate").
_ROLE_NOUNS = {
    "cousin", "porter", "houseman", "housekeeper", "cook", "dishwasher", "driver", "cashier", "picker", "packer",
    "loader", "janitor", "custodian", "aide", "caregiver", "nanny", "server", "busser", "runner", "fella",
    "fellow", "guy", "dude", "crew", "staff", "worker", "helper", "trainee", "temp", "lady", "boss", "manager",
    "supervisor", "lead", "foreman", "nurse", "doctor", "teacher", "mechanic", "welder", "roofer", "painter",
    "primo", "prima", "cocinero", "cocinera", "chofer", "cajero", "cajera", "ayudante", "mayordomo", "trabajador",
    "trabajadora", "señora", "señor", "muchacho", "muchacha", "chavo", "chava", "jefe", "jefa", "supervisora",
}
_PLACE_ADVERBS = {"allá", "alla", "aquí", "aqui", "ahí", "ahi", "acá", "aca", "allí", "alli", "there", "here",
                  "también", "tambien", "too", "also"}


def role_word(text: str, start: int, end: int) -> bool:
    """A word for who someone is, or where, standing where a name could ("his wife cousin",
    "i could be lead porter", "my cousin kind of", "mi esposa allá en guate")."""
    words = _words(text[start:end])
    if len(words) != 1:
        return False
    w = words[0]
    if w in _PLACE_ADVERBS or w in ("kind", "sort") and re.match(r"\s+of\b", text[end:end + 5]):
        return True
    return w in _ROLE_NOUNS and not _common_name(w)


def verb_after_subject(text: str, start: int, end: int) -> bool:
    """A verb right after a subject pronoun ("él maneja la troca", "she orders the same"): a
    name never stands there."""
    from core.deid.readings import verb_form
    words = _words(text[start:end])
    if len(words) != 1 or not _SUBJECT_PRONOUN.search(text[max(0, start - 12):start]):
        return False
    return verb_form(words[0], "es") or verb_form(words[0], "en")


def drop_other_readings(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` less the guessed persons and workplaces that are a people, a language, a
    holiday, a hurricane, a bus route, a greeting or a kin word here, and with turn labels cut
    from every guessed span. A strong person cue next to the span keeps it."""
    from core.deid.people import _cue
    hurricanes: set[str] | None = None
    out: list[Finding] = []
    for f in findings:
        if f.recognizer not in GUESSING or not (is_person_type(f.entity_type) or f.entity_type == "WORKPLACE"):
            out.append(f)
            continue
        g = strip_labels(text, f)
        if g is None:
            continue
        s, e = g.start, g.end
        if people_word(text, s, e):
            continue
        if g.recognizer == "presidio" and (customer_brand(text, s, e) or defined_term(text, s, e)) and \
                (g.entity_type == "WORKPLACE" or " " in text[s:e].strip() and _cue(text, s, e) < 2):
            continue
        if g.recognizer == "presidio" and g.entity_type == "WORKPLACE" and kind_not_name(text, s, e):
            continue
        if is_person_type(g.entity_type) and (role_word(text, s, e) or verb_after_subject(text, s, e)):
            continue
        if is_person_type(g.entity_type) and " " not in text[s:e].strip() and _ARTICLED_CUSTOMER.search(
                text[max(0, s - 30):s]):
            continue  # "I drive a Nissan", "read the Times": a thing bought or used
        if (holiday(text, s, e) or interjection(text, s, e)) and not (
                _cue(text, s, e) == 2 and all(_is_first_name(w) for w in _words(text[s:e]))):
            continue
        if is_person_type(g.entity_type) and _cue(text, s, e) < 2:
            if hurricanes is None:
                hurricanes = storms(text)
            if " ".join(_words(text[s:e])) in hurricanes or route_name(text, s, e):
                continue
        if is_person_type(g.entity_type) and kin_word(text, s, e):
            continue
        out.append(g)
    return out
