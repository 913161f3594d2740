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
           "cuando", "when", "todos", "everybody", "everyone", "los", "las"}
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
    if spanish and any(verb_form(w, "es") and not _kinds_first(w) for w in core):
        return []  # "el que la puso la puso mal": a verb, not a name
    plain = [w for w in core if w not in _TITLES]
    if spanish and len(plain) >= 2 and all(everyday_word(w, "en") and not _kinds_first(w) for w in plain):
        return []  # "el split shift, le dicen", "me pusieron 'needs improvement'": an English term
    if len(core) == 1:
        w = core[0]
        # "call him lazy", "they called me late", "me dicen cosas": a word that only
        # describes or acts is no nickname; Spanish adjectives are ("el gordo", "chino", "güero").
        if not spanish and (w.endswith(("ly", "ing")) or describing_form(w, "en") and not _noun(w)):
            return []
        if spanish and verb_form(w, "es") and not _kinds_first(w):
            return []
        if weak and everyday_word(w, language if not spanish else "es") and not _kinds_first(w):
            return []
        if spanish and w.endswith("s") and len(w) > 3 and everyday_word(w, "es"):
            return []  # "me dicen groserías", "le dicen cosas"
    return out


# What everybody says that is no name ("everybody say great.").
_SAID = {"great", "nice", "good", "fine", "cool", "awesome", "amen", "wow", "sure", "sorry", "cheese", "whatever",
         "same", "true", "exactly", "congratulations", "congrats", "thank", "thanks", "goodbye", "goodnight",
         "welcome", "bravo", "perfect", "wonderful", "beautiful", "sweet", "alright", "yay", "boo", "ouch"}


def _said_name(word: str, language: str) -> list[str]:
    """The one word after "everybody say" (how the name is said, "everybody say bo."): a name
    when a lexicon holds it as a given name or it is no everyday word; "yes", "hi", "okay" are
    what everybody says."""
    from core.deid.people import _STOPS, everyday_word
    w = word.lower()
    if w in _STOPS or w in _ENDERS or w in _NOT_NICKNAMES or w in _GREETINGS or w in _ROLES or w in _SAID \
            or len(w) < 2:
        return []
    if "f" in _kinds(w) or not (everyday_word(w, language) or everyday_word(w, "es" if language == "en" else "en")):
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
        if re.match(r"(?:call|calls|called|calling)\b", cue, re.IGNORECASE):
            weak = weak or not re.search(r"\b(?:we|they|everybody|everyone|people|folks|guys|all|kids|can|to|"
                                          r"everybody\s+at\s+work|y'all|i)\s+$",
                                          text[max(0, m.start() - 20):m.start()], re.IGNORECASE)
        if weak and re.match(r"\s*[,:]", text[m.end("cue"):m.end()]):
            continue  # "te dice, mira, yo sé": what was said follows, not a name
        if _NAMES_A_THING.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "lo que le dicen soiled", "what they call a double": a thing's name
        words = _words_after(text, m.end())
        if re.search(r"\bsa(?:y|ys|id)$", cue, re.IGNORECASE) and (
                len(words) != 1 or not re.match(r"[^\w\s]|\s*$", text[m.end() + len(words[0]):m.end() + len(words[0]) + 1])):
            continue  # "everybody say bo." names; "everybody say the same thing" does not
        if re.search(r"\bsa(?:y|ys|id)$", cue, re.IGNORECASE):
            nick = _said_name(words[0], language)
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
    of the interview) in ``text``, outside the spans already ``taken``."""
    spans = list(taken)
    out: list[Finding] = []
    for nick in sorted(set(nicknames)):
        for m in _mention_regex(nick).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            if _reads_as_word(text, m.start(), m.end(), nick, language):
                continue
            spans.append((m.start(), m.end()))
            out.append(Finding(m.start(), m.end(), "PERSON", m.group(), 0.55, "nickname_cue", canonical=nick))
    return out
