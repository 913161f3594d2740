"""Nicknames nobody listed, found by how people say them (decision 0218).

A nickname is often unrelated to the name it stands for ("bear", "jp", "el gordo", "chele",
"D"), so no lexicon or nickname family finds it. Speakers introduce it, though:

* English: "we call him X", "everybody call me X", "they call you X?", "goes by X",
  "known as X", "nicknamed X", "his nickname is X", "a.k.a. X";
* Spanish: "le dicen X", "le decimos X", "todos me dicen X", "me llaman X", "su apodo es X",
  "alias X", "conocido como X", "dígame X", and the nickname first: "gus junior le dicen".

The words after the cue up to a pause, a function word or "because/porque" are the nickname
(one to three words, a Spanish article kept: "el gordo", "la flaca"). Then every mention of
that nickname in the same text is the person too ("el gordo dijo…", "To D, yeah"), except
where a nickname that is an everyday word reads as the word ("ya no está tan gordo", "a bear",
"can't bear it").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP
from spacy.lang.es.stop_words import STOP_WORDS as _ES_STOP

from core.deid.findings import Finding

_NAME_WORD = r"[^\W\d_][\w'’-]*"
# "call" forms with the person called; "everybody call him" (no -s) is how many people speak.
_EN_CUE = (r"\b(?:call|calls|called|calling)\s+(?:me|him|her|you)|\bgo(?:es)?\s+by|\bwent\s+by|"
           r"\bknown\s+as|\bknows?\s+(?:me|him|her)\s+as|\bnicknamed(?:\s+(?:me|him|her))?|\bnickname\s+(?:is|was)|"
           r"\bnickname|\ba\.?k\.?a\.?|\b(?:everybody|everyone)\s+(?:here\s+|there\s+)?(?:say|says|said)")
# A group's nickname ("they called us essential", "nos dice oaxaquitas") names nobody.
# Plural "they call him" is a nickname; singular "me dice" is also "he tells me", so it needs a
# nickname that is no everyday word (see _WEAK_CUES).
_ES_CUE = (r"\b(?:me|te|le|lo|la)\s+(?:dicen|decimos|dec[ií]an|dec[ií]amos|llaman|llamamos|"
           r"llamaban|llam[aá]bamos|(?:pusieron|pusimos|puso)(?:\s+(?:de|por)\s+apodo)?|apodan|apodamos|dice|"
           r"dec[ií]a|llama|llamaba|conocen\s+como|conocemos\s+como)|"
           r"\b(?:su|mi|el)\s+(?:apodo|sobrenombre)(?:\s+(?:es|era))?|\b(?:apodo|sobrenombre)(?:\s+(?:es|era))?|\balias|\bapodad[oa]|"
           r"\bconocid[oa]\s+como|\bd[ií]game|\bdime|\bll[aá]m(?:ame|enme|eme)")
_CUE = re.compile(r"(?P<cue>(?:" + _EN_CUE + "|" + _ES_CUE + r")(?:\s+(?:de|por)\s+(?:apodo|cariño|sobrenombre))?)"
                  r"(?:\b|(?<=\.))\s*[,:]?\s*[\"“'‘]?(?=[^\W\d_])", re.IGNORECASE)
_SPANISH_CUE = re.compile(r"^(?:" + _ES_CUE + ")", re.IGNORECASE)
_WEAK_CUES = re.compile(r"^(?:\w+\s+(?:dice|dec[ií]a|llama|llamaba|puso)|d[ií]game|dime)$", re.IGNORECASE)
# The nickname before a Spanish cue at a clause's start: "gus junior le dicen", "ah fong le dicen los chinos".
_BEFORE_CUE = re.compile(r"(?:^|[.!?;:,\n]\s*|\b(?:y|pero|pues|bueno)\s+)"
                         r"(?P<nick>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2}?)\s*,?\s+(?:as[ií]\s+)?"
                         r"(?:le|me)\s+(?:dicen|decimos|dec[ií]an|llaman|llamamos)\b", re.IGNORECASE)
# The same in English: "angie, we call her.", "dee for short", "tank is what everybody calls him".
_BEFORE_CUE_EN = re.compile(r"(?:^|[.!?;:,\n]\s*|\b(?:and|but|so)\s+)"
                            r"(?P<nick>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)\s*,?\s+"
                            r"(?:(?:is\s+what\s+|as\s+|that's\s+what\s+)?(?:we|they|everybody|everyone|people|folks)"
                            r"\s+(?:all\s+)?call(?:s|ed)?\s+(?:him|her|me)(?=\s*(?:[.,;!?]|$|\band\b|\bbut\b))|"
                            r"for\s+short\b)", re.IGNORECASE)
_ARTICLES = {"el", "la", "the"}
_TITLES = {"don", "doña", "dona", "mr", "mr.", "ms", "ms.", "miss", "mrs", "mrs.", "big", "little", "lil", "tio",
           "tío", "tia", "tía", "seño", "profe"}
_ENDERS = {"because", "cause", "cuz", "since", "porque", "pues", "aunque", "pero", "but", "and", "y", "at", "in",
           "en", "from", "de", "del", "too", "also", "también", "tambien", "now", "ahora", "here", "aquí", "aqui",
           "there", "ahí", "ahi", "allá", "alla", "okay", "ok", "yeah", "sí", "si", "no", "right", "por", "for",
           "cuando", "when", "todos", "everybody", "everyone", "los", "las", "adentro", "afuera", "arriba",
           "abajo", "acá", "aca", "inside", "outside", "upstairs", "downstairs"}
# What a "call me" or "me dicen" is followed by that is no nickname.
_NOT_NICKNAMES = {
    "back", "later", "tomorrow", "tonight", "today", "anytime", "again", "up", "out", "over", "home", "in",
    "names", "crazy", "lazy", "stupid", "dumb", "honey", "sweetie", "baby", "babe", "sweetheart", "dear",
    "mama", "papa", "mija", "mijo", "m'ija", "m'ijo", "boss", "sir", "ma'am", "ahead", "first", "whenever",
    "directly", "right", "once", "twice", "please", "maybe", "sometime", "soon", "asap", "liar",
    "cosas", "mentiras", "groserías", "groserias", "nada", "todo", "algo", "gracias", "hola", "buenos", "buenas",
    "mamá", "papá", "señora", "señor", "seño", "jefe", "jefa", "oiga", "usted", "ustedes", "tú", "tu", "mande",
    "directo", "luego", "mañana", "manana", "después", "despues", "otra", "otro", "cuándo", "cuando", "qué",
    "hermano", "hermana", "amigo", "amiga", "compa", "mamita", "papito", "gordito", "gordita", "mi", "it",
    "that", "this", "what", "something", "anything", "nothing", "everything", "cabrón", "cabron", "pendejo",
    "pendeja", "güey", "guey", "wey", "loco", "loca", "bro", "man", "dude", "girl", "buddy", "pal",
    "hon", "son", "kid", "sugar", "love", "darling", "doll", "chief"}
# A title, role or kin word is how people address someone, not who they are ("le decimos el
# míster", "les dicen coach", "le decimos tata").
_ROLES = {"míster", "mister", "mr", "ingeniero", "ingeniera", "inge", "licenciado", "licenciada", "lic", "doctor",
          "doctora", "doc", "profe", "maestro", "maestra", "coach", "jefe", "jefa", "jefecito", "patrón", "patron",
          "patrona", "tata", "abuelo", "abuela", "abuelito", "abuelita", "tío", "tio", "tía", "tia", "padrino",
          "madrina", "compadre", "comadre", "manager", "supervisor", "supervisora", "lead", "boss", "agent",
          "chief", "captain", "sarge", "teacher", "señorita", "seño", "miss", "madam", "don", "doña",
          "pops", "pop", "papi", "mami", "mom", "dad", "gramps", "grandpa", "grandma", "granny", "nana", "auntie",
          "unc", "homie", "primo", "prima", "carnal", "viejo", "vieja", "jefecita", "madre", "padre",
          # kin words other languages address people with ("tita", "lola", "ate", "anak", "chacha")
          "tita", "tito", "lola", "lolo", "ate", "kuya", "anak", "chacha", "chachi", "dadi", "nani", "bhaiya",
          "didi", "uncle", "aunty"}
# Greetings and thanks quoted after "me dice" ("aloha, brother", "hello").
_GREETINGS = {"aloha", "hello", "hola", "hi", "hey", "bye", "adiós", "adios", "gracias", "thanks", "buenos",
              "buenas", "welcome", "bienvenido", "bienvenida", "órale", "orale", "ándale", "andale", "oye",
              "happy", "feliz", "merry", "felices"}
_CONTRACTION = re.compile(r"['’](?:s|re|m|t|ll|ve|d)$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)[ \t]+$")
# A word before a mention that makes an everyday-word nickname the word: "a bear", "tan gordo".
_READS_AS_WORD_BEFORE = {
    "a", "an", "the", "this", "that", "my", "your", "his", "her", "their", "our", "its", "some", "any", "no",
    "very", "so", "too", "more", "less", "most", "is", "was", "are", "were", "be", "been", "being", "get", "got",
    "can't", "cannot", "can", "to", "not", "un", "una", "unos", "unas", "muy", "tan", "más", "mas", "bien",
    "está", "esta", "estaba", "estoy", "es", "era", "son", "eran", "ser", "estar", "medio", "bastante", "poco",
    "pinche", "ya", "súper", "super", "menos", "algo", "lo", "su", "mi", "tu", "sus", "mis", "ese",
    "esa", "este", "aquel", "aquella", "como", "quedó", "quedo", "pone", "puso", "hace", "hizo",
    "habla", "hablan", "hablo", "hablaba", "speak", "speaks", "spoke", "speaking", "in"}
_READS_AS_WORD_AFTER = re.compile(r"^\s*(?:with\b|it\b|in\s+mind\b|market\b|de\s+(?:la|el)\s+\w+)", re.IGNORECASE)


def _stops(spanish: bool) -> frozenset[str]:
    return frozenset(_ES_STOP | _EN_STOP) if spanish else frozenset(_EN_STOP)


def _take(words: list[str], spanish: bool, weak: bool, language: str) -> list[str]:
    """The nickname at the start of ``words`` (already cut at a pause), or []."""
    from core.deid.people import _STOPS, everyday_word
    from core.deid.readings import describing_form, verb_form
    stops = _stops(spanish)
    out: list[str] = []
    for k, raw in enumerate(words[:4]):
        w = raw.lower().strip("'’\"”“")
        if not w or _CONTRACTION.search(w):
            break  # "me dice what's up", "she's cool"
        if k == 0 and w == "the":
            return []  # "goes by the book", "the guy we call him": English nicknames rarely take it
        if k == 0 and w in _ARTICLES and len(words) > 1:
            out.append(w)  # "el gordo", "la flaca", "the bear"
            continue
        if k == 0 or out and out[-1] in _ARTICLES:
            if w in _NOT_NICKNAMES or (w in stops and w not in _TITLES) or w in _ENDERS:
                return []
        elif w in stops or w in _ENDERS or w in _NOT_NICKNAMES or w in _STOPS or w in _ARTICLES:
            break
        out.append(w)
        if len([x for x in out if x not in _ARTICLES and x not in _TITLES]) >= 2:
            break
    core = [w for w in out if w not in _ARTICLES]
    if not core or all(w in _TITLES for w in core) or core[-1] in _ROLES or core[0] in _GREETINGS:
        return []
    if weak and not ("f" in _kinds(core[0]) or len(core[0]) <= 3):
        return []  # "me dice apúrese", "nos dice oaxaquitas": "dice" is also "tells"
    if spanish and any(verb_form(w, "es") and not _kinds_first(w) and (weak or _CONJUGATED.search(w))
                       for w in core):
        return []  # "el que la puso la puso mal": a verb, not a name ("le dicen perico" is one)
    plain = [w for w in core if w not in _TITLES]
    if spanish and len(plain) >= 2 and all(everyday_word(w, "en") and not _kinds_first(w) for w in plain):
        return []  # "el split shift, le dicen", "me pusieron 'needs improvement'": an English term
    if len(core) == 1:
        w = core[0]
        # "call him lazy", "they called me late", "me dicen cosas": a word that only
        # describes or acts is no nickname; Spanish adjectives are ("el gordo", "chino", "güero").
        if not spanish and (w.endswith(("ly", "ing")) or describing_form(w, "en") and not _noun(w)):
            return []
        if spanish and verb_form(w, "es") and not _kinds_first(w) and (weak or _CONJUGATED.search(w)):
            return []
        if weak and everyday_word(w, language if not spanish else "es") and not _kinds_first(w):
            return []
        if spanish and w.endswith("s") and len(w) > 3 and everyday_word(w, "es"):
            return []  # "me dicen groserías", "le dicen cosas"
    return out


# A Spanish word that can only be a verb form: after a strong cue ("le dicen perico") a word the
# lemmatizer also reads as a verb is still a nickname unless it is conjugated like one.
_CONJUGATED = re.compile(r"(?:ar|er|ir|[aeií]ste|ó|aba|aban|ía|ían|ando|iendo|ado|ido|amos|emos|imos)$")


# After the one word "everybody says": a pause, the text's or line's end, or the next turn's label.
_SAID_ALONE = re.compile(r"[^\w\s]|\s*$|[ \t]*\n|\s+[^\W\d_][\w'’-]{0,14}[ \t]?\d{0,2}[ \t]*:(?!\d)")


# What everybody says that is no name ("everybody say great.").
_SAID = {"great", "nice", "good", "fine", "cool", "awesome", "amen", "wow", "sure", "sorry", "cheese", "whatever",
         "same", "true", "exactly", "congratulations", "congrats", "thank", "thanks", "goodbye", "goodnight",
         "welcome", "bravo", "perfect", "wonderful", "beautiful", "sweet", "alright", "yay", "boo", "ouch"}


def _said_name(word: str, language: str, before: str = "") -> list[str]:
    """The one word after "everybody say" (how the name is said, "everybody say bo."): a name
    when a lexicon holds it as a given name or it is no everyday word; "yes", "hi", "okay" are
    what everybody says. A word of the other language is a name when it was said just before
    the cue too ("lucha, everybody says lucha")."""
    from core.deid.people import _STOPS, everyday_word
    w = word.lower()
    if w in _STOPS or w in _ENDERS or w in _NOT_NICKNAMES or w in _GREETINGS or w in _ROLES or w in _SAID \
            or len(w) < 2:
        return []
    other = "es" if language == "en" else "en"
    if "f" in _kinds(w) or not (everyday_word(w, language) or everyday_word(w, other)):
        return [w]
    if not everyday_word(w, language) and re.search(r"\b" + re.escape(w) + r"\s*,?\s*$", before, re.IGNORECASE):
        return [w]
    return []


def _kinds(word: str) -> str:
    from core.deid.people import _kinds as kinds
    return kinds(word)


def _kinds_first(word: str) -> bool:
    return "f" in _kinds(word)


def _noun(word: str) -> bool:
    from core.deid.readings import _reduces
    return _reduces(word.lower(), "en", "noun")


def _words_after(text: str, pos: int) -> list[str]:
    """The words from ``pos`` to the next pause (punctuation, a quote's end, a line end)."""
    stretch = re.match(r"[^\n,.;:!?¿¡\"“”()\[\]]*", text[pos:pos + 60])
    part = stretch.group() if stretch else ""
    # A dotted initial pair ("J.R.") is one word.
    dotted = re.match(r"\s*((?:[^\W\d_]\.){2,3})", text[pos:pos + 8])
    if dotted:
        return [dotted.group(1)]
    return re.findall(r"[^\W\d_][\w'’-]*", part)


def nickname_cues(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, nickname) of each nickname introduced by a cue in ``text``."""
    out: list[tuple[int, int, str]] = []
    for m in _CUE.finditer(text):
        cue = m.group("cue")
        spanish = bool(_SPANISH_CUE.match(cue))
        weak = bool(_WEAK_CUES.match(cue.strip()))
        if re.match(r"(?:call|called|calling)\b", cue, re.IGNORECASE):  # "my mom calls me goldy" is not weak
            weak = weak or not re.search(r"\b(?:we|they|everybody|everyone|people|folks|guys|all|kids|can|to|"
                                          r"everybody\s+at\s+work|y'all|i)\s+$",
                                          text[max(0, m.start() - 20):m.start()], re.IGNORECASE)
        if weak and re.match(r"\s*[,:]", text[m.end("cue"):m.end()]):
            continue  # "te dice, mira, yo sé": what was said follows, not a name
        if _NAMES_A_THING.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "lo que le dicen soiled", "what they call a double": a thing's name
        words = _words_after(text, m.end())
        if re.search(r"\bsa(?:y|ys|id)$", cue, re.IGNORECASE) and not (
                words and _SAID_ALONE.match(text, m.end() + len(words[0]))):
            continue  # "everybody say bo." or "... says lucha P3:" names; "everybody say the same thing" does not
        if re.search(r"\bsa(?:y|ys|id)$", cue, re.IGNORECASE):
            nick = _said_name(words[0], language, text[max(0, m.start() - 30):m.start()])
        else:
            nick = _take(words, spanish, weak, language)
        if not nick or set(nick) - _ARTICLES & {w.lower() for w in cue.split()}:
            continue  # "el que la puso la puso mal": the cue's own verb again
        start = m.end()
        if re.fullmatch(r"(?:[^\W\d_]\.){2,3}", words[0]):
            end = start + len(words[0])
        else:
            last = nick[-1]
            span = re.match(r".*?\b" + re.escape(last) + r"\b", text[start:start + 80], re.IGNORECASE | re.DOTALL)
            if not span:
                continue
            end = start + span.end()
        if _TURN_LABEL.match(text, end):
            continue  # "what should i call you participant: ...": the next turn's label
        out.append((start, end, " ".join(nick)))
    for rx, spanish in ((_BEFORE_CUE, True), (_BEFORE_CUE_EN, False)):
        out += _before_cue(text, rx, spanish, language)
    out += _before_real_name(text)
    out += _back_reference(text, language)
    return out


# A cue that points back at a nickname just said: "es el pollo. (se ríe) es que así le decimos",
# "cuando dice "el mello", es un apodo?", "tank. that's his nickname".
_BACK_CUE = re.compile(
    r"(?:\b(?:es\s+que\s+)?as[ií]\s+(?:le|la|lo|me|te|les)\s+(?:dicen|decimos|dec[ií]an|dec[ií]amos|llaman|llamamos)\b|"
    r"\b(?:es|era)\s+(?:un|su|mi)\s+(?:apodo|sobrenombre)\b|"
    r"\bthat['’]?s\s+(?:his|her|my|our|a|just\s+a|the)\s+nickname\b|\bis\s+(?:a|his|her|my)\s+nickname\b|"
    r"\bthat['’]?s\s+what\s+(?:we|they|everybody|everyone|people)\s+(?:all\s+)?call(?:s|ed)?\s+(?:him|her|me)\b)",
    re.IGNORECASE)
_BACK_GAP = re.compile(r"[\s\"”'’.,;:!?]*(?:[(\[][^)\]\n]{0,30}[)\]][\s.,;:!?]*)*(?:(?:oh|sí|si|y|pues|bueno)[\s,]+)?",
                       re.IGNORECASE)
_BACK_NICK = re.compile(r"(?:\b(?:el|la)\s+)?[^\W\d_][\w'’-]*", re.IGNORECASE)


def _back_reference(text: str, language: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _BACK_CUE.finditer(text):
        lo = max(0, m.start() - 80)
        best = None
        for c in _BACK_NICK.finditer(text, lo, m.start()):
            gap = _BACK_GAP.match(text, c.end(), m.start())
            if gap and gap.end() == m.start() and c.end() < m.start():
                best = c
        if best is None:
            continue
        words = best.group().split()
        if len(words) == 1 and not re.search(r"(?:^|[.,;:!?\"“(\n—–-]|\b(?:is|es|era|was))\s*$",
                                             text[max(0, best.start() - 6):best.start()]):
            continue  # "is my angel. that's what they call me", "el volunteer state, así le dicen"
        spanish = bool(re.match(r"(?:el|la)$", words[0], re.IGNORECASE)) or language == "es"
        nick = _take(words, spanish, False, language)
        if nick and len(nick) == len(words) and not (len(nick) == 1 and nick[0] in _stops(True)):
            out.append((best.start(), best.end(), " ".join(nick)))
    return out


# The nickname just before "her real name is …" / "su nombre real es …": "oh, peaches is, her real
# name patricia", "tita baby. her real name is rosario".
_REAL_NAME = re.compile(r"(?:^|[.!?;:,\n]\s*|\b(?:oh|and|but|so|y|pero|pues)\s+)"
                        r"(?P<nick>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")??)\s*(?:[,.]|\s+(?:is|es)\s*,?)\s*"
                        r"(?:(?:her|his|my|their)\s+(?:real|actual|legal|given)\s+name|"
                        r"(?:su|mi)\s+nombre\s+(?:real|verdadero|de\s+verdad))\b", re.IGNORECASE)


def _before_real_name(text: str) -> list[tuple[int, int, str]]:
    from core.deid.people import _STOPS
    out: list[tuple[int, int, str]] = []
    for m in _REAL_NAME.finditer(text):
        words = [w.lower() for w in m.group("nick").split()]
        if any(w in _STOPS or w in _stops(True) or w in _ENDERS or _CONTRACTION.search(w) or w in _GREETINGS or w in _SAID
               for w in words) or len(words) == 1 and (words[0] in _NOT_NICKNAMES or words[0] in _ROLES):
            continue  # "okay. her real name", "the owner. her real name": no nickname before it
        out.append((m.start("nick"), m.end("nick"), " ".join(words)))
    return out


# Before a cue, what makes the called one a thing: "lo que le dicen X" (what they call X).
_NAMES_A_THING = re.compile(r"\blo\s+que\s+(?:\w+\s+)?$", re.IGNORECASE)
# After a word: a turn's label ("participant:", "HABLANTE 2:").
_TURN_LABEL = re.compile(r"[ \t]*\d{0,2}[ \t]*:(?!\d)")


def _before_cue(text: str, rx: re.Pattern[str], spanish: bool, language: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in rx.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", m.group("nick"))
        nick = _take(words, spanish, False, language)
        if nick and len(nick) == len(words):
            out.append((m.start("nick"), m.end("nick"), " ".join(nick)))
    return out


def _mention_regex(nick: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in nick.split()]
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(words) + r"(?=(?:['’]s)?(?![\w-]))", re.IGNORECASE)


def _reads_as_word(text: str, start: int, end: int, nick: str, language: str) -> bool:
    from core.deid.people import everyday_word
    core = [w for w in nick.split() if w not in _ARTICLES]
    if len(core) != 1:
        return False
    word = core[0]
    if len(word) == 1:
        # a single letter is the person only in its own case ("D", not "d" of "vitamin d")
        return text[start:end] != text[start:end].upper() and _is_mixed(text)
    if nick.split()[0] in _ARTICLES:
        return False  # "el gordo" with its article is the nickname
    if not everyday_word(word, language) and not everyday_word(word, "es" if language == "en" else "en"):
        return False
    prev = _WORD_BEFORE.search(text[max(0, start - 20):start])
    if prev and prev.group(1).lower() in _READS_AS_WORD_BEFORE:
        return True
    return bool(_READS_AS_WORD_AFTER.match(text[end:end + 20]))


def _is_mixed(text: str) -> bool:
    from core.deid.people import _is_mixed_case
    return _is_mixed_case(text)


def nicknamed_people(text: str, language: str = "en") -> list[Finding]:
    """Each nickname introduced by a cue and each of its mentions in ``text``."""
    cues = nickname_cues(text, language)
    if not cues:
        return []
    out = [Finding(start, end, "PERSON", text[start:end], 0.6, "nickname_cue", canonical=nick)
           for start, end, nick in cues]
    return out + nickname_mentions(text, {nick for _, _, nick in cues}, [(f.start, f.end) for f in out], language)


def nickname_mentions(text: str, nicknames: Iterable[str], taken: Iterable[tuple[int, int]] = (),
                      language: str = "en") -> list[Finding]:
    """Mentions of nicknames found elsewhere (another piece of a long text, another segment
    of the interview) in ``text``, outside the spans already ``taken``.

    A nickname that is no everyday word is the person wherever it stands ("goldy", "la güera").
    One that is also a word ("pollo", "lily", "junior") is the person only where it is used as
    a name (``used_as_name``: "el pollo dijo", "thank you lily", "con junior"), and a Spanish
    nickname given with its article ("el chino") is also the person as "del chino", "al chino",
    "el mismo Chino" or capitalised (decision 0248)."""
    spans = list(taken)
    out: list[Finding] = []

    def add(m: re.Match[str], nick: str) -> None:
        spans.append((m.start(), m.end()))
        out.append(Finding(m.start(), m.end(), "PERSON", m.group(), 0.55, "nickname_cue", canonical=nick))

    for nick in sorted(set(nicknames)):
        words = nick.split()
        # A nickname that is also a word needs a name's use only where this text also says the
        # word as a word ("ese día había traído pollo", "the canned peaches").
        word_like = _word_nickname(nick, language) and any(
            _reads_as_word(text, m.start(), m.end(), nick, language) or _after_verb(text, m.start())
            for m in _mention_regex(nick).finditer(text))
        for m in _mention_regex(nick).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            if _reads_as_word(text, m.start(), m.end(), nick, language):
                continue
            if word_like and not used_as_name(text, m.start(), m.end(), language):
                continue
            if len(words) == 2 and words[0] in ("el", "la") and _word_nickname(words[1], language) \
                    and not _acts_after(text, m.end()):
                continue  # "el chino mandarín": the word with its article
            add(m, nick)
        if len(words) == 2 and words[0] in ("el", "la"):  # "el chino": "del chino", "el mismo Chino"
            for m in _mention_regex(words[1]).finditer(text):
                if any(s < m.end() and m.start() < e for s, e in spans):
                    continue
                if used_as_name(text, m.start(), m.end(), language):
                    add(m, nick)
    return out


def _after_verb(text: str, start: int) -> bool:
    """Right after a Spanish verb or participle ("había traído pollo"): a bare noun, no name."""
    from core.deid.readings import verb_form
    prev = _WORD_BEFORE.search(text[max(0, start - 20):start])
    if prev is None:
        return False
    word = prev.group(1).lower()
    return word not in _stops(True) and verb_form(word, "es") and bool(re.search(r"(?:ado|ido|ído|to|cho|ar|er|ir)$", word))


def _word_nickname(nick: str, language: str) -> bool:
    """A one-word nickname that is also an everyday word in either language ("pollo", "lily")."""
    from core.deid.people import everyday_word
    core = [w for w in nick.split() if w not in _ARTICLES]
    if len(core) != 1 or len(core[0]) < 2 or nick.split()[0] in _ARTICLES:
        return False
    return everyday_word(core[0], language) or everyday_word(core[0], "es" if language == "en" else "en")


_NAME_USE_BEFORE = re.compile(
    r"(?:\b(?:el|la|al|del|el\s+mismo|la\s+misma|with|con|thank\s+you|thanks|gracias|hey|hi|hello|oye|ay|mira|"
    r"it['’]s|it\s+is|i['’]m|i\s+am|soy|yo|me\s+llamo|name\s+is|name['’]s|like|como\s+dijo|según|"
    r"miss|mister|mr\.?|ms\.?|mrs\.?|don|doña|señora|señor|seño|tío|tía|tio|tia)"
    r"|^|\n|[:—–]|\s-)\s*$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:el|la|al|del|el\s+mismo|la\s+misma)\s+$", re.IGNORECASE)
_AFTER_NAME_ES = {"que", "y", "me", "le", "les", "nos", "se", "te", "lo", "la", "no", "ya", "siempre", "nunca", "también",
                  "tambien", "es", "era", "fue", "está", "esta", "estaba", "dice", "dijo", "decía", "sí", "si", "o",
                  "de", "said", "says", "told", "and", "is", "was", "a", "con", "porque", "pero", "cuando"}


def _acts_after(text: str, end: int) -> bool:
    """After "el/la X": a pause, a clitic or conjunction, or a conjugated verb (the person acts),
    not a describing word ("el pollo frito", "la china poblana")."""
    from core.deid.readings import verb_form
    if _PAUSE_AFTER.match(text[end:end + 3]) or re.match(r"['’]s\b", text[end:end + 3]):
        return True
    nxt = re.match(r"\s+([^\W\d_]+)", text[end:end + 30])
    if not nxt:
        return False
    w = nxt.group(1).lower()
    from core.deid.people import _kinds, everyday_word
    if nxt.group(1)[:1].isupper() or "l" in _kinds(w) and not everyday_word(w, "es"):
        return True  # "el chino lam": the nickname before a surname
    if w in _AFTER_NAME_ES:
        return w != "de" or bool(re.match(r"\s+de\s+(?:siempre|nuevo|plano)\b", text[end:end + 20]))
    return verb_form(w, "es") and not re.search(r"(?:ado|ada|ido|ida|to|ta|cho|cha|dos|das)$", w)


_CLAUSE_START = re.compile(r"(?:^|[.,;:!?\n]|\b(?:and|but|that|who|oh|so|because|y|pero|que|porque))\s*$", re.IGNORECASE)
_SUBJECT_VERB_AFTER = re.compile(
    r"^\s+(?:is|was|been|don['’]t|doesn['’]t|didn['’]t|can['’]t|won['’]t|need|needs|has|had|got|gets|will|would|"
    r"es|era|fue|soy|eres|no|ya|siempre|nunca|me|le|nos|se|les)\b", re.IGNORECASE)
_VOCATIVE_BEFORE = re.compile(r"(?:,|^|\n|[:—–])\s*$")
_PAUSE_AFTER = re.compile(r"^\s*(?:[,.!?;]|$|\n)")


def used_as_name(text: str, start: int, end: int, language: str = "en") -> bool:
    """Whether the word at ``start:end`` is used as someone's name here: after a Spanish article
    ("el pollo", "al pollo"), "with/con", "thank you", "it's/soy"; said to someone (", lily, sign
    it"); alone in a turn ("respondent: lily."); subject of a speaking verb or a possessive (a
    person cue, ``people._cue``); or capitalised mid-sentence in mixed-case text."""
    from core.deid.people import _capitalised_mid_sentence, _cue, _is_mixed_case
    before = text[max(0, start - 20):start]
    if _READS_AS_WORD_AFTER.match(text[end:end + 20]):
        return False
    if _ARTICLE_BEFORE.search(before):
        return _acts_after(text, end)  # "el pollo dijo", "al pollo, oye"; not "el pollo frito"
    if _NAME_USE_BEFORE.search(before) and not re.search(r"\blike\s*$", before, re.IGNORECASE):
        return True
    if re.search(r"\blike\s*$", before, re.IGNORECASE) and re.match(r"\s+said\b", text[end:end + 8]):
        return True  # "like lucha said"
    if _VOCATIVE_BEFORE.search(before) and _PAUSE_AFTER.match(text[end:end + 3]):
        return True
    if _CLAUSE_START.search(before) and _SUBJECT_VERB_AFTER.match(text[end:end + 12]):
        return True  # "oh, peaches is", "just that peaches need a break", "y pollo no quiso"
    if _cue(text, start, end, language) == 2:
        return True
    return _is_mixed_case(text) and _capitalised_mid_sentence(text, start, text[start:end])


# A Spanish nickname said right beside the person's name: "el supervisor, el catire, gustavo",
# "la pulido, o sea la güera", "es la güera. se llama sandra".
_BESIDE_BEFORE = re.compile(r"(?P<nick>\b(?:el|la)\s+[^\W\d_][\w'’-]*)\s*(?:,|,?\s+o\s+sea,?|[.,]\s+(?:bueno,?\s+)?"
                            r"(?:se\s+llama|su\s+nombre\s+es))\s+(?:(?:el|la|don|doña)\s+)?$", re.IGNORECASE)
_BESIDE_AFTER = re.compile(r"^\s*(?:,|,?\s+o\s+sea,?)\s+(?P<nick>(?:el|la)\s+[^\W\d_][\w'’-]*)(?=\s*(?:[,.;:!?]|$))",
                           re.IGNORECASE)


def nicknames_beside_names(text: str, findings: list[Finding], language: str = "en") -> list[Finding]:
    """Spanish article nicknames said beside a listed person's name, and their mentions (decision 0248).

    The nickname must read as one: no everyday word in either language ("la güera", "el
    catire") or a describing word ("el chino", "el flaco"); a plain noun beside a name ("el
    martes, gustavo", "la verdad, sandra") is no nickname."""
    from core.deid.findings import is_person_type
    people = [f for f in findings if is_person_type(f.entity_type) and f.recognizer in ("name_list", "name_list_cued")]
    if not people:
        return []
    cues: list[tuple[int, int, str]] = []
    for f in people:
        for m, base in ((_BESIDE_BEFORE.search(text[max(0, f.start - 50):f.start]), max(0, f.start - 50)),
                        (_BESIDE_AFTER.match(text[f.end:f.end + 50]), f.end)):
            if not m:
                continue
            words = m.group("nick").split()
            if _reads_as_nickname(words[1].lower(), {w.lower() for p in people for w in p.text.split()}, text):
                cues.append((base + m.start("nick"), base + m.end("nick"), " ".join(w.lower() for w in words)))
    taken = [(f.start, f.end) for f in findings]
    cues = [c for c in cues if not any(s < c[1] and c[0] < e for s, e in taken)]
    if not cues:
        return []
    out = [Finding(s, e, "PERSON", text[s:e], 0.6, "nickname_cue", canonical=nick) for s, e, nick in set(cues)]
    return out + nickname_mentions(text, {nick for _, _, nick in cues}, taken + [(f.start, f.end) for f in out],
                                   language)


def _reads_as_nickname(word: str, name_words: set[str], text: str) -> bool:
    from core.deid.other_readings import peoples
    from core.deid.people import _STOPS, everyday_word
    from core.deid.readings import describing_form, verb_form
    if word in name_words or word in _STOPS or word in _ROLES or word in _NOT_NICKNAMES or word in _ENDERS \
            or len(word) < 3 or verb_form(word, "es"):
        return False
    # a word no dictionary holds, said as "el/la X" again elsewhere ("la güera" ... "de la güera")
    if not everyday_word(word, "es") and not everyday_word(word, "en") and \
            len(re.findall(r"\b(?:el|la|al|del)\s+" + re.escape(word) + r"\b", text, re.IGNORECASE)) >= 2:
        return True
    if word in peoples():
        return False  # said once: "la vietnamita", "la india" (a people or a place)
    # "el chino", "el gordo"; a trade's agent word is a role ("la coordinadora", "el cajero")
    return describing_form(word, "es") and \
        not re.search(r"(?:dor|dora|dores|doras|ista|ero|era|ante|ente|iente|ario|aria)$", word)
