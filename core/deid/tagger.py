"""A learned de-identification tagger: a linear-chain CRF over words (decision 0236).

The rules in this package were written against the project's own labelled interviews and
generalise poorly to people who speak differently; this tagger was *trained* on those same
interviews (``build_tagger.py``) from features that carry to new text: the word and its shape,
prefixes and suffixes, whether it is in the shipped name and place lists, a street suffix, a
number word, the interview's language, whether it is part of a name or workplace the
researcher listed, and the words around it. It reads no rule's output (decision 0236: the rules
were tuned on the training data, so as features they would look more reliable than they are).

``learned_findings`` gives the spans whose marginal probability of being an identifier is at
least ``THRESHOLD``; ``core.deid.detect`` adds them to the rules' findings (the rules win on
a type conflict). ``uncertain_spans`` gives the spans down to ``GATE_LOW``, for the export gate.
The model is ``tagger.crfsuite`` next to this file, our own artifact; nothing is downloaded.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.deid.findings import Finding, is_person_type
from core.deid.names import NameMatcher
from core.errors import TaggerUnavailable

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("tagger.crfsuite")
RECOGNIZER = "learned_tagger"
TYPES = ("PERSON", "WORKPLACE", "ADDRESS", "PHONE", "EMAIL", "DATE", "AGE", "ID_NUMBER")
# Marginal probability (1 - P(outside)) a token needs to be part of a proposed span; chosen by
# leave-one-writer-file-out on the hand-written sets other than test v5 (decision 0236).
THRESHOLD = 0.3
# The export gate asks about the tagger's spans from this probability up that nobody decided
# on (decision 0247): the lowest band with under one flag per interview on the selection folds.
GATE_LOW = 0.15
# A learned span that overlaps no rule finding needs this mean probability and passes the
# rules' checks (decision 0245); any higher threshold lost identifiers on the honest test-v5 fold.
LONE_THRESHOLD = 0.3
# ... except that a people word the model reads as a person this surely is a nickname ("el
# güero"), not a description: the people check does not drop it (0245; set by reason, checked
# on the folds to lose nothing).
SURE = 0.9
# Pooling within one interview (decision 0246): an occurrence of a word form the model gives
# at least POOL_FLOOR takes POOL_WEIGHT of the form's strongest person reading elsewhere in the
# interview when that reading is at least POOL_MIN. Off: it found nothing more on either
# selection fold and only added wrong spans.
POOL_MIN = 1.1
POOL_WEIGHT = 0.0
POOL_FLOOR = 0.05
_MAX_SEQUENCE = 120

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_SENTENCE_END = {".", "?", "!", "\n"}


# --- words the features look up (vocabulary, not rules) ----------------------------------
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_STREET_SUFFIXES = _words("""street st avenue ave av road rd boulevard blvd drive dr lane ln way court ct place pl parkway pkwy
highway hwy terrace circle cir loop pike trail expressway freeway calle avenida av. calzada camino
carretera privada cerrada colonia col boulevard bulevar paseo""")
_UNIT_WORDS = _words("""apartment apt unit suite ste lot space trailer room depto departamento apartamento interior int
número numero casa""")
_NUMBER_WORDS = _words("""zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand double triple cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece
catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve veinte veinti veintiuno veintidós
veintidos veintitrés veintitres veinticuatro veinticinco veintiséis veintiseis veintisiete
veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento
doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos mil""")
_ORDINALS = _words("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth primero primera
segundo segunda tercero tercera cuarto quinto sexto séptimo octavo noveno décimo""")
_MONTHS = _words("""january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio julio agosto septiembre
setiembre octubre noviembre diciembre""")
_WEEKDAYS = _words("""monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles miercoles jueves
viernes sábado sabado domingo""")
_TITLES = _words("""mr mrs ms miss mister dr doctor don doña dona señor señora senor senora señorita sr sra srta sir
madam miz tía tío tia tio""")


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    from core.deid.people import lexicon
    return lexicon()


def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=200_000)
def _word_features(low: str, language: str) -> tuple[str, ...]:
    """The features of one word alone (cached: interviews repeat their words)."""
    out = []
    if len(low) <= 24:
        out.append("w=" + low)
    alpha = low.isalpha()
    if alpha and len(low) > 3:
        out += ["p3=" + low[:3], "s3=" + low[-3:], "s2=" + low[-2:]]
    if any(ch.isdigit() for ch in low):
        digits = sum(ch.isdigit() for ch in low)
        out.append("dig=" + (str(digits) if digits <= 5 else "6+"))
        if not low.isdigit():
            out.append("alnum")
            if re.fullmatch(r"\d+(?:st|nd|rd|th)", low):
                out.append("ord")
    kinds = _lexicon().get(low)
    if kinds is None and alpha:
        kinds = _lexicon().get(_fold(low))
    if kinds is not None:
        out += ["lx=" + k for k in kinds] or ["lx"]
        if "w" not in kinds and "d" not in kinds:
            out.append("lxname")
    elif alpha:
        out.append("lx-")
    if alpha and len(low) > 2:
        from core.deid.readings import word_form
        if word_form(low, language):
            out.append("wf")
    from core.deid.places import is_place
    if alpha and is_place(low):
        out.append("pl")
    if low in _STREET_SUFFIXES:
        out.append("sfx")
    if low in _UNIT_WORDS:
        out.append("unit")
    if low in _NUMBER_WORDS or re.fullmatch(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+", low):
        out.append("num")
    if low in _ORDINALS:
        out.append("ord")
    if low in _MONTHS:
        out.append("mon")
    if low in _WEEKDAYS:
        out.append("wday")
    if low in _TITLES:
        out.append("title")
    return tuple(out)


def _shape(word: str) -> str:
    s = re.sub(r"[A-ZÀ-Þ]", "X", word)
    s = re.sub(r"[a-zß-ÿ]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text`` as (start, end) offsets."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _listed_words(items: Iterable[str]) -> frozenset[str]:
    from core.deid.people import _STOPS
    words = {w.lower() for item in items for w in re.findall(r"[^\W\d_]+", item)}
    return frozenset(w for w in words if len(w) > 1 and w not in _STOPS and w not in _TITLES)


def listed(matcher: NameMatcher) -> tuple[list[str], list[str]]:
    """The listed people's and workplaces' forms a ``NameMatcher`` knows (names with their
    nicknames and short forms; workplaces with their codes), as the features read them."""
    people = [v for e in matcher.entities if is_person_type(e.entity_type) for v in sorted(e.exact)]
    places = [v for e in matcher.entities if e.entity_type == "WORKPLACE" for v in sorted(e.exact)]
    return people, places


def features(text: str, toks: Sequence[tuple[int, int]], language: str = "en",
             names: Iterable[str] = (), workplaces: Iterable[str] = ()) -> list[list[str]]:
    """Features of every token: the word's own, the words around it, the interview's."""
    words = [text[s:e] for s, e in toks]
    lows = [w.lower() for w in words]
    name_words, place_words = _listed_words(names), _listed_words(workplaces)
    letters = [c for c in text if c.isalpha()]
    upper_share = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    case = "lower" if upper_share < 0.01 else ("caps" if upper_share > 0.8 else "mixed")
    own: list[tuple[str, ...]] = []
    for i, (w, low) in enumerate(zip(words, lows)):
        f = list(_word_features(low, language))
        if w[:1].isupper():
            f.append("cap" + case)
        starts = i == 0 or lows[i - 1] in _SENTENCE_END or "\n" in text[toks[i - 1][1]:toks[i][0]]
        if starts:
            f.append("start")
        if low in name_words:
            f.append("ln")
        if low in place_words:
            f.append("lw")
        own.append(tuple(f))
    keep = ("lxname", "lx-", "wf", "num", "ord", "sfx", "unit", "ln", "lw", "pl", "mon", "title", "capmixed",
            "dig=1", "dig=2", "dig=3", "dig=4", "dig=5", "dig=6+")
    short = [tuple(x for x in f if x in keep) for f in own]
    out: list[list[str]] = []
    n = len(toks)
    for i in range(n):
        f = ["b", "L=" + language, "sh=" + _shape(words[i][:12]), *own[i]]
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < n:
                if lows[j] and len(lows[j]) <= 24:
                    f.append(f"w{d}={lows[j]}")
                if abs(d) <= 2:
                    f += [f"{d}{x}" for x in short[j]]
            elif abs(d) == 1:
                f.append(f"w{d}=<edge>")
        if i > 0:
            f.append(f"bg-1={lows[i - 1]}|{lows[i]}")
        if i > 1:
            f.append(f"bg-2={lows[i - 2]}|{lows[i - 1]}")
        if i + 1 < n:
            f.append(f"bg+1={lows[i]}|{lows[i + 1]}")
        out.append(f)
    return out


def sequences(text: str, toks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges the CRF reads one at a time: sentences, at most _MAX_SEQUENCE tokens."""
    out, first = [], 0
    for i, (s, e) in enumerate(toks):
        ends = text[s:e] in _SENTENCE_END or (i + 1 < len(toks) and "\n" in text[e:toks[i + 1][0]])
        if ends or i + 1 - first >= _MAX_SEQUENCE:
            out.append((first, i + 1))
            first = i + 1
    if first < len(toks):
        out.append((first, len(toks)))
    return out


# --- the model ---------------------------------------------------------------------------
_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4)
def _model(path: Path) -> object:
    import pycrfsuite
    if not path.is_file():
        log.warning("tagger model file %s is missing", path.name)
        raise TaggerUnavailable()
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as exc:
        log.warning("tagger model file %s cannot be read: %s", path.name, type(exc).__name__)
        raise TaggerUnavailable() from exc
    labels = set(tagger.labels())
    if "O" not in labels or not any(lab.startswith("B-") for lab in labels):
        log.warning("tagger model file %s has no identifier labels", path.name)
        raise TaggerUnavailable()
    return tagger


def check_model(path: Path | None = None) -> None:
    """Load the model, raising ``TaggerUnavailable`` when it is missing or damaged."""
    _model(path or MODEL_FILE)


def marginals(text: str, *, language: str = "en", names: Iterable[str] = (), workplaces: Iterable[str] = (),
              model: Path | None = None) -> tuple[list[tuple[int, int]], list[dict[str, float]]]:
    """Every token and, for each, the model's marginal probability of each label.

    ``names`` and ``workplaces`` are the forms ``listed`` gives (not the researcher's raw list).
    """
    tagger = _model(model or MODEL_FILE)
    toks = tokenize(text)
    feats = features(text, toks, language, names, workplaces)
    probs: list[dict[str, float]] = []
    with _LOCK:  # a crfsuite Tagger keeps its current sequence: one caller at a time
        labels = tagger.labels()  # type: ignore[attr-defined]
        for first, last in sequences(text, toks):
            tagger.set(feats[first:last])  # type: ignore[attr-defined]
            for t in range(last - first):
                probs.append({lab: tagger.marginal(lab, t) for lab in labels})  # type: ignore[attr-defined]
    return toks, probs


def spans_from_marginals(text: str, toks: Sequence[tuple[int, int]], probs: Sequence[dict[str, float]],
                         threshold: float) -> list[tuple[int, int, str, float]]:
    """Runs of tokens whose probability of being inside an identifier is at least
    ``threshold``, cut where a new identifier begins, as (start, end, type, mean probability)."""
    out: list[tuple[int, int, str, float]] = []
    run: list[int] = []

    def close() -> None:
        while run and not text[toks[run[0]][0]:toks[run[0]][1]].isalnum():
            run.pop(0)
        while run and not any(ch.isalnum() for ch in text[toks[run[-1]][0]:toks[run[-1]][1]]):
            run.pop()
        if run:
            score = {t: sum(probs[i].get("B-" + t, 0.0) + probs[i].get("I-" + t, 0.0) for i in run) for t in TYPES}
            best = max(score, key=lambda t: score[t])
            mean = sum(1.0 - probs[i].get("O", 1.0) for i in run) / len(run)
            out.append((toks[run[0]][0], toks[run[-1]][1], best, mean))
        run.clear()

    for i, p in enumerate(probs):
        inside = 1.0 - p.get("O", 1.0)
        if inside < threshold:
            close()
            continue
        begin = sum(v for k, v in p.items() if k.startswith("B-"))
        if run and begin > inside - begin:
            close()
        run.append(i)
    close()
    return out


_SMALL_NUMBER = re.compile(r"\d{1,2}|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)", re.IGNORECASE)


def proposals(text: str, toks: Sequence[tuple[int, int]], probs: Sequence[dict[str, float]],
              threshold: float = THRESHOLD) -> list[tuple[int, int, str, float]]:
    """The spans ``learned_findings`` proposes: ``spans_from_marginals`` less a lone number
    under 90 said alone ("the 10", "a la 12"), which identifies nobody: no phone, ID, age over
    89 or address is one small number (decision 0236)."""
    out = []
    for s, e, t, p in spans_from_marginals(text, toks, probs, threshold):
        piece = text[s:e]
        if _SMALL_NUMBER.fullmatch(piece) and not (piece.isdigit() and int(piece) >= 90):
            continue
        out.append((s, e, t, p))
    return out


def _pool_key(text: str, tok: tuple[int, int]) -> str | None:
    word = text[tok[0]:tok[1]]
    if not word.isalpha() or len(word) < 3:
        return None
    from core.deid.people import _STOPS
    low = word.lower()
    return None if low in _STOPS or low in _TITLES or low in _MONTHS or low in _WEEKDAYS else _fold(low)


def pooled(text: str, toks: Sequence[tuple[int, int]], probs: Sequence[dict[str, float]],
           pool_min: float | None = None, weight: float | None = None,
           floor: float | None = None, noisy: bool = False) -> list[dict[str, float]]:
    """The marginals with every occurrence of a word form in this interview read together
    (decision 0246): where the form is read as a person somewhere with probability at least
    ``pool_min``, each other occurrence the model gives at least ``floor`` is raised to
    ``weight`` times that reading, with its labels, so a name read as one once is read as one
    wherever it is said again. An occurrence under ``floor`` ("my hope is", "the bill from") was
    read as a word there and stays one. ``noisy``: the form's reading is instead the chance that
    at least one of its occurrences (from ``floor`` up) is a person (a noisy or), so a name read
    weakly at each of six mentions adds up. Other tokens are unchanged."""
    pool_min = POOL_MIN if pool_min is None else pool_min
    weight = POOL_WEIGHT if weight is None else weight
    floor = POOL_FLOOR if floor is None else floor
    if weight <= 0 or pool_min > 1:
        return list(probs)
    where: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        key = _pool_key(text, tok)
        if key is not None:
            where.setdefault(key, []).append(i)

    def person(i: int) -> float:
        return probs[i].get("B-PERSON", 0.0) + probs[i].get("I-PERSON", 0.0)

    out = list(probs)
    for idx in where.values():
        if len(idx) < 2:
            continue
        best = max(idx, key=person)
        top = person(best)
        if noisy and top > 0:
            miss = 1.0
            for i in idx:
                if 1.0 - probs[i].get("O", 1.0) >= floor:
                    miss *= 1.0 - min(person(i), 0.999)
            top = max(top, 1.0 - miss)
        if top < pool_min:
            continue
        lift = weight * top
        for i in idx:
            own = 1.0 - probs[i].get("O", 1.0)
            if own >= lift or own < floor:
                continue
            best_person = person(best)
            p = {k: v * lift / best_person for k, v in probs[best].items() if k in ("B-PERSON", "I-PERSON")}
            p["O"] = 1.0 - lift
            out[i] = p
    return out


def lone_checked(text: str, learned: Iterable[Finding], rule_spans: Sequence[tuple[int, int]],
                 lone_threshold: float | None = None, checks: bool = True) -> list[Finding]:
    """``learned`` less the spans that overlap no rule finding and are weak (mean probability
    under ``LONE_THRESHOLD``) or, for a person or workplace, read otherwise here by the rules'
    own precision checks (``core.deid.other_readings``: a people, a holiday, a role word, a turn
    label...; ``core.deid.readings.place_reading``: a town) unless a strong person cue stands
    next to it (decision 0245). Spans that overlap a rule finding are kept as they are."""
    from core.deid.other_readings import drop_other_readings, people_word
    from core.deid.people import _cue
    from core.deid.readings import place_reading
    lone_threshold = LONE_THRESHOLD if lone_threshold is None else lone_threshold
    out: list[Finding] = []
    for f in learned:
        if any(f.start < b and a < f.end for a, b in rule_spans):
            out.append(f)
            continue
        if f.score < lone_threshold:
            continue
        if not checks or not (is_person_type(f.entity_type) or f.entity_type == "WORKPLACE"):
            out.append(f)
            continue
        # read as a guessed name (the checks every guessing recognizer gets; the brand, defined
        # term and kind-of-place checks are for spaCy's workplaces and drop real ones here)
        as_guess = Finding(f.start, f.end, f.entity_type, f.text, f.score, "name_lexicon", f.canonical, f.label)
        if f.score >= SURE and people_word(text, f.start, f.end):
            out.append(f)  # "el güero dice": a description the model is sure is used as a name
            continue
        kept = drop_other_readings(text, [as_guess])
        if not kept:
            continue
        g = kept[0]
        if is_person_type(g.entity_type) and place_reading(text, g.start, g.end) and _cue(text, g.start, g.end) < 2:
            continue
        out.append(Finding(g.start, g.end, g.entity_type, g.text, g.score, RECOGNIZER,
                           " ".join(g.text.lower().split()), g.label))
    return out


def _as_findings(text: str, spans: Iterable[tuple[int, int, str, float]]) -> list[Finding]:
    return [Finding(s, e, t, text[s:e], round(score, 3), RECOGNIZER, canonical=" ".join(text[s:e].lower().split()))
            for s, e, t, score in spans]


def learned_findings(text: str, *, language: str = "en", names: Iterable[str] = (),
                     workplaces: Iterable[str] = (), threshold: float = THRESHOLD) -> list[Finding]:
    """The tagger's proposals in ``text``.

    Raises:
        TaggerUnavailable: the model file is missing or damaged.
    """
    toks, probs = marginals(text, language=language, names=names, workplaces=workplaces)
    return _as_findings(text, proposals(text, toks, pooled(text, toks, probs), threshold))


def uncertain_spans(text: str, *, language: str = "en", names: Iterable[str] = (),
                    workplaces: Iterable[str] = (), low: float | None = None) -> list[Finding]:
    """Every span the tagger gives a probability of at least ``low`` (``GATE_LOW``), for the
    export gate's second look (decision 0247): the weak ones the first pass does not propose,
    and the ones it left out by the lone check. The gate asks only about those that no decision
    covers yet."""
    toks, probs = marginals(text, language=language, names=names, workplaces=workplaces)
    probs = pooled(text, toks, probs)
    return _as_findings(text, proposals(text, toks, probs, GATE_LOW if low is None else low))
