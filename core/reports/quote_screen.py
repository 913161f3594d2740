"""Screening quotes for quasi-identifiers before they can appear in a shared report.

A de-identified quote can still point at one person: "as the only forklift mechanic on
nights", "twenty-three years in receiving", "after the fire in March", "[SUPERVISOR 1] on
nights". Each rule below flags one kind of detail; a flagged quote stays out of ``share``
reports until the coordinator approves it (decision 0116). Rules, not a model: every flag
names the words that raised it, so the coordinator can judge it, and a missed kind is fixed
by adding a rule. Job titles are flagged only when *rare*: named in fewer than k of the
report's interviews (a title everyone mentions points at no one). English and Spanish rules
both run on every quote (a study may hold both).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.errors import Msg

JOB_TITLE = "rare job title"
UNIQUE = "one of a kind"
TENURE = "length of service"
EVENT = "named event"
DAY_TIME = "day or time"
ROLE_PLACEHOLDER = "placeholder next to a role"
# The kinds in the reader's language (the kinds themselves are kept with decisions, in English).
KIND_MESSAGES = {JOB_TITLE: Msg("quotes.kind.job_title"), UNIQUE: Msg("quotes.kind.unique"),
                 TENURE: Msg("quotes.kind.tenure"), EVENT: Msg("quotes.kind.event"),
                 DAY_TIME: Msg("quotes.kind.day_time"), ROLE_PLACEHOLDER: Msg("quotes.kind.role_placeholder")}


def kind_message(kind: str) -> Msg:
    """A flag's kind as words a reader of any language gets."""
    return KIND_MESSAGES.get(kind) or Msg("audit.plain", text=kind)

_NUM = (r"(?:\d+|a\s+couple\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?")



def _words(block: str) -> list[str]:
    """A word block (reads better than a list literal)."""
    return block.split()


# Heads of job titles heard in job-quality interviews. Generic ones (supervisor, manager...)
# are flagged only with a qualifier ("the night supervisor") and only when that is rare.
_HEADS = _words(
    "mechanic electrician welder machinist millwright plumber carpenter painter operator driver "
    "trucker dispatcher inspector planner scheduler nurse cna medic aide orderly porter cashier "
    "janitor custodian dishwasher cook chef baker butcher server waiter waitress bartender "
    "housekeeper picker packer loader sorter stocker merchandiser clerk receptionist guard "
    "technician tech engineer analyst coordinator specialist pharmacist therapist trainer "
    "steward foreman forewoman lead supervisor manager director superintendent attendant "
    "assembler fabricator cleaner caregiver teller recruiter"
)
# Spanish heads (the interview's language comes from its guide; screening reads both).
_HEADS_ES = _words(
    "mecánico mecánica electricista soldador soldadora chofer chófer conductor conductora "
    "montacarguista cocinero cocinera cajero cajera mesero mesera camarero camarera lavaplatos "
    "conserje limpiador limpiadora enfermero enfermera cuidador cuidadora empacador empacadora "
    "técnico técnica inspector inspectora despachador despachadora recepcionista guardia "
    "vigilante operador operadora almacenista panadero panadera carnicero carnicera "
    "supervisora gerente encargado encargada jefe jefa capataz"
)
_GENERIC = frozenset({"supervisor", "supervisora", "manager", "lead", "director", "worker", "gerente",
                      "encargado", "encargada", "jefe", "jefa"})
_NOT_QUALIFIER = frozenset(_words(
    "a an the my our your his her their this that these those one any every some no "
    "other new old good bad only same each is was be been being as and or to of for with "
    "el la los las un una unos unas mi mis su sus nuestro nuestra tu este esta ese esa otro otra "
    "de del y o que es era soy como con para por al"))
# Words, then a set lookup: a regex alternation over every head costs ~90 us a segment, too
# slow over a study's transcripts (title_counts reads all of them).
# Every surface form (singular, -s and -es plurals) to its head: one dict lookup a word.
_HEAD_FORMS = {form: head for head in reversed(_HEADS + _HEADS_ES) for form in (head + "es", head + "s", head)}
_WORD_RE = re.compile(r"[a-zà-ÿ][a-zà-ÿ'-]*")

_UNIQUE_RE = re.compile(
    r"\b(?:the\s+only|the\s+one\s+and\s+only|only\s+one\s+who|the\s+first|the\s+last|the\s+oldest|"
    r"the\s+youngest|the\s+longest|the\s+newest)\b(?:\s+[a-z-]+){0,4}", re.IGNORECASE)
_TENURE_RE = re.compile(
    r"\b(?:for|been\s+(?:here|there)|worked\s+(?:here|there)|going\s+on|almost|nearly|over|"
    r"after)\s+" + _NUM + r"\s+(?:years?|yrs?|months?)\b"
    r"|\bsince\s+(?:19|20)\d\d\b|\b" + _NUM + r"\s+years?\s+(?:in|on|at|with|here|there)\b",
    re.IGNORECASE)
_EVENT_RE = re.compile(
    r"\b(?:the|that|last\s+year's|this\s+year's)\s+(?:[a-z0-9-]+\s+){0,2}?"
    r"(?:fire|strike|walkout|walk-out|lockout|layoffs?|accident|explosion|flood|shooting|"
    r"incident|protest|raid|recall|inspection|audit|union\s+vote|election|christmas\s+party|"
    r"holiday\s+party|outbreak|spill|collapse|fight|firing)\b"
    r"|\b(?:christmas|thanksgiving|easter|new\s+year'?s|black\s+friday|memorial\s+day|labor\s+day|"
    r"fourth\s+of\s+july|ramadan|hurricane\s+[A-Z][a-z]+)\b"
    r"|\[EVENT \d+\]", re.IGNORECASE)
_DAY_TIME_RE = re.compile(
    r"\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"(?:19|20)\d\d|nights?|night\s+shift|overnights?|graveyard|swing\s+shift|"
    r"(?:first|second|third)\s+shift|midnight|noon|\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'?clock))\b"
    r"|\[(?:DATE|TIME) \d+\]", re.IGNORECASE)
_PLACEHOLDER = r"\[[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ /-]*? \d+\]"  # Spanish too: [COMPAÑERA/COMPAÑERO 1]
_ROLE_WORD = (r"(?:nights?|days|mornings|evenings|weekends|(?:first|second|third|night|day|swing)\s+"
              r"shift|graveyard|" + "|".join(_HEADS) + r"|department|dept|line|dock|warehouse|"
              r"kitchen|ward|floor|receiving|shipping|maintenance|office|crew|team)")
_ROLE_PLACEHOLDER_RE = re.compile(
    _PLACEHOLDER + r",?\s+(?:(?:is|was|on|in|at|from|runs|the|our|my|a|an|who|works|worked|of)\s+){1,3}"
    + _ROLE_WORD + r"\b"
    r"|\b" + _ROLE_WORD + r"\s+(?:[a-z]+\s+){0,1}" + _PLACEHOLDER, re.IGNORECASE)


_NUM_ES = (r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|"
           r"quince|veinte|treinta|cuarenta)")
_ES = re.IGNORECASE
_UNIQUE_ES = re.compile(r"\b(?:el|la)\s+(?:únic[oa]|primer[oa]?|últim[oa]|más\s+(?:viej[oa]|joven|antigu[oa]|"
                        r"nuev[oa]))\b(?:\s+[\wáéíóúñ-]+){0,4}", _ES)
_TENURE_ES = re.compile(r"\b(?:llevo|tengo|hace|desde\s+hace|por|durante|más\s+de|casi)\s+" + _NUM_ES
                        + r"\s+(?:años?|meses)\b|\bdesde\s+(?:19|20)\d\d\b|\b" + _NUM_ES
                        + r"\s+años\s+(?:aquí|trabajando|en)\b", _ES)
_EVENT_ES = re.compile(r"\b(?:el|la|los|las|del|al|aquel|aquella)\s+(?:[\wáéíóúñ-]+\s+){0,2}?(?:incendio|huelga|paro|"
                       r"despidos?|accidente|explosión|inundación|redada|protesta|inspección|auditoría|pelea|"
                       r"votación)\b|\b(?:navidad|semana\s+santa|año\s+nuevo|día\s+de\s+muertos)\b", _ES)
_DAY_TIME_ES = re.compile(r"\b(?:lunes|martes|miércoles|jueves|viernes|sábados?|domingos?|enero|febrero|marzo|"
                          r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|madrugada|"
                          r"medianoche|mediodía|(?:de|en\s+la|por\s+la|las)\s+noches?|turno\s+de\s+(?:noche|mañana|"
                          r"tarde|madrugada)|a\s+las\s+\d{1,2}(?::\d\d)?)\b", _ES)
_ROLE_ES = (r"(?:noches?|turno|madrugada|" + "|".join(_HEADS_ES) + r"|almacén|cocina|bodega|línea|piso|"
            r"departamento|muelle|recepción|mantenimiento|equipo|cuadrilla)")
_ROLE_PLACEHOLDER_ES = re.compile(
    _PLACEHOLDER + r",?\s+(?:(?:de|del|en|el|la|que|es|era|trabaja|trabajaba)\s+){1,3}" + _ROLE_ES + r"\b"
    r"|\b" + _ROLE_ES + r"\s+(?:[\wáéíóúñ]+\s+){0,1}" + _PLACEHOLDER, _ES)
_PATTERNS = ((UNIQUE, _UNIQUE_RE), (TENURE, _TENURE_RE), (EVENT, _EVENT_RE), (DAY_TIME, _DAY_TIME_RE),
             (ROLE_PLACEHOLDER, _ROLE_PLACEHOLDER_RE), (UNIQUE, _UNIQUE_ES), (TENURE, _TENURE_ES),
             (EVENT, _EVENT_ES), (DAY_TIME, _DAY_TIME_ES), (ROLE_PLACEHOLDER, _ROLE_PLACEHOLDER_ES))


@dataclass(frozen=True)
class Flag:
    """One detail that could point at a person: its kind and the words that raised it."""

    kind: str
    words: str


def quote_key(packet_id: str, text: str, device: str = "") -> str:
    """A stable id for a quote: a changed wording (a corrected packet) is a new quote, and so is
    the same packet id from another device (packet ids are unique per device only)."""
    return hashlib.sha256(f"{device}\n{packet_id}\n{' '.join(text.split())}".encode()).hexdigest()[:20]


def legacy_quote_key(packet_id: str, text: str) -> str:
    """The key decisions were saved under before it named the device (read to carry them over)."""
    return hashlib.sha256(f"{packet_id}\n{' '.join(text.split())}".encode()).hexdigest()[:20]


def job_titles(text: str) -> set[str]:
    """The job titles a text names, lower case ("forklift mechanic", "mechanic")."""
    out: set[str] = set()
    words = _WORD_RE.findall(text.lower())
    for i, word in enumerate(words):
        head = _HEAD_FORMS.get(word, "")
        if not head:
            continue
        qualifier = words[i - 1] if i else ""
        if qualifier and qualifier not in _NOT_QUALIFIER and "'" not in qualifier:
            out.add(f"{qualifier} {head}")
        if head not in _GENERIC:
            out.add(head)
    return out


def title_counts(texts_by_interview: Iterable[Iterable[str]]) -> dict[str, int]:
    """How many interviews name each job title (the corpus the rarity rule counts over)."""
    counts: dict[str, int] = {}
    for texts in texts_by_interview:
        titles: set[str] = set()
        for text in texts:
            titles |= job_titles(text)
        for title in titles:
            counts[title] = counts.get(title, 0) + 1
    return counts


def screen(text: str, *, titles: Mapping[str, int] | None = None, k: int = 5) -> list[Flag]:
    """Flags for one quote; ``titles`` counts interviews per job title (missing: rare)."""
    flags: list[Flag] = []
    counts = titles or {}
    for title in sorted(job_titles(text), key=lambda t: (-len(t), t)):
        if counts.get(title, 0) < k and not any(title in f.words for f in flags):
            flags.append(Flag(JOB_TITLE, title))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            flag = Flag(kind, " ".join(m.group().split()))
            if flag not in flags:
                flags.append(flag)
    return flags
