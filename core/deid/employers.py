"""Employers said by a brand alone, after a work cue: "I work at kroger", "drive for uber",
"trabajo en el walmart de la 5", "me pasé a amazon" (decision 0216).

The cue carries it: a brand said without one ("I took an uber", "bought it at target", "on
amazon") is a product or a shop, not where the speaker works, and is left alone. After the cue
comes the name: a brand of the list below, a run of words that are no everyday word of Spanish
or English (``core.deid.streets.ordinary``), or a capitalised run in written text. A given
name after the cue is a person ("I work for maria"), left to the person rules; a town is a
place ("I work in stockton"), left to the place rules.

No maintained offline list of employers is installed (checked: the venv's packages, the
package lists; ``zxcvbn``'s word lists and spaCy's vocabulary name brands but carry no kind), so
``BRANDS`` is a curated list of large US frontline employers: retail, grocery, delivery and
ride apps, fast food, hotels, health and care chains, meat and food plants. It only helps the
cue rule: it finds the brands that are everyday words ("target", "home depot", "dollar
general", "swift") and the ones spaCy's tables know as words.
"""

from __future__ import annotations

import functools
import re

from core.deid.findings import Finding
from core.deid.places import is_place

BRANDS = frozenset("""
walmart|wal-mart|target|costco|kroger|safeway|albertsons|vons|ralphs|publix|heb|h-e-b|meijer|aldi|lidl|food lion|
giant eagle|wegmans|winco|trader joe's|whole foods|sam's club|sams club|home depot|the home depot|lowe's|lowes|
best buy|walgreens|cvs|rite aid|dollar general|family dollar|dollar tree|five below|amazon|amazon fresh|ups|fedex|
usps|dhl|doordash|door dash|uber|uber eats|lyft|instacart|grubhub|postmates|shipt|gopuff|mcdonald's|mcdonalds|
burger king|wendy's|taco bell|kfc|subway|chipotle|starbucks|dunkin|dunkin donuts|panera|chick-fil-a|popeyes|
domino's|pizza hut|little caesars|denny's|ihop|applebee's|olive garden|red lobster|buffalo wild wings|
jack in the box|carl's jr|in-n-out|shake shack|waffle house|cracker barrel|marriott|hilton|hyatt|sheraton|
holiday inn|hampton inn|motel 6|best western|wyndham|caesars|mgm|kaiser|kaiser permanente|hca|sutter|
tenet|brookdale|amedisys|tyson|jbs|smithfield|cargill|perdue|pilgrim's|pilgrims|foster farms|
swift|hormel|sysco|aramark|sodexo|compass group|securitas|allied universal|abm|macy's|macys|kohl's|kohls|ross|
tj maxx|marshalls|burlington|old navy|ikea|autozone|o'reilly|jiffy lube|7-eleven|seven eleven|circle k|wawa|
sheetz|quiktrip|buc-ee's|bucees|goodwill|disney|disneyland|universal studios|six flags|pepsi|
coca-cola|frito-lay|nestle|nestlé|dole|driscoll's|del monte|chiquita|bimbo|smart & final|food 4 less|
save mart|stater bros|el super|vallarta|cardenas|northgate|la michoacana|carmax|hertz|
tesla|foxconn|goodyear|mcdonald|waste management|republic services|cintas|unifirst|
qfc|fred meyer|hy-vee|hyvee|winn-dixie|winn dixie|piggly wiggly|food city|ingles|harris teeter|stop & shop|
stop and shop|shoprite|price chopper|jewel-osco|jewel osco|mariano's|fiesta mart|el rancho|sprouts|smart and final|
grocery outlet|save-a-lot|save a lot|food maxx|foodmaxx|lucky supermarkets|raley's|nob hill|hannaford|
love's|loves travel stop|flying j|pilot flying j|travelcenters|petro stopping center|
jetblue|delta air lines|american airlines|united airlines|alaska airlines|spirit airlines|frontier airlines|
southwest airlines|swissport|menzies|prospect airport services|g2 secure staff|huntleigh|eulen|
foxwoods|mohegan sun|harrah's|harrahs|bellagio|wynn|station casinos|pechanga|
omni hotels|fairmont|four seasons|ritz-carlton|ritz carlton|embassy suites|doubletree|courtyard marriott|
whataburger|arby's|arbys|dairy queen|el pollo loco|church's chicken|raising cane's|culver's|zaxby's|
bojangles|krispy kreme|tim hortons|jersey mike's|jimmy john's|panda express|five guys|
tractor supply|big lots|petsmart|petco|ulta|sephora|bath & body works|nordstrom|jcpenney|dillard's|
academy sports|dick's sporting goods|hobby lobby|at&t|t-mobile|
amazon flex|ontrac|lasership|xpo|jb hunt|j.b. hunt|werner|schneider national|ryder|penske|estes|
old dominion|yrc|saia|terminix|servpro|stanley steemer|merry maids|molly maid|regal nails|
select staffing|peopleready|labor ready|manpower|adecco|kelly services|randstad|express employment|
trident seafoods|american seafoods|ocean beauty|peter pan seafoods|ohsu|spirit halloween
""".replace("\n", "").split("|"))
_BRAND_RX = re.compile(r"(?:" + "|".join(re.escape(b) for b in sorted(BRANDS, key=len, reverse=True))
                       + r")(?![\w'’-])", re.IGNORECASE)

# Cues that say "where I work", in English and Spanish, ending where the name begins.
_CUE = re.compile(
    r"\b(?:(?:work|works|worked|working|job|jobs|shift|shifts|started|start|training|"
    r"applied|interviewed|clock\s+in)\s+(?:at|for|with|in|on\s+at|to)|"
    # "one year at foxwoods", "a season at trident", "i work the starbucks in concourse b"
    r"(?:years?|months?|seasons?|summers?|winters?)\s+(?:at|with|for)|(?:clean|cleans|cleaned|cleaning|cook|cooks|cooked|cooking|stock|stocks|"
    r"stocked|sort|sorts|sorted|pack|packs|packed|load|loads|loaded|push\s+wheelchairs)\s+for|(?:work|works|worked|working)(?=\s+the\s)|(?:hired|employed)\s+(?:at|for|with|in|on\s+at|by)|(?:drive|drives|drove|driving|deliver|"
    r"delivers|delivered|delivering|shop|shops|dash|dashing)\s+for|got\s+(?:a\s+job|hired|on)\s+(?:at|with)|"
    r"(?:cashier|stocker|picker|packer|driver|cook|server|housekeeper|manager|associate|janitor|caregiver|"
    r"aide|nurse|guard|loader|sorter|dishwasher|barista|clerk|supervisor|lead|worker)\s+(?:at|for|in)|"
    r"(?:(?:i|we|you|they|he|she)['’](?:m|re|s)|(?:i|he|she)\s+(?:am|is|was)|(?:we|they)\s+(?:are|were))\s+(?:still\s+|now\s+)?"
    r"(?:a|an)\s+(?!(?:customer|member|regular|client|patient|visitor|guest|fan)\b)[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?"
    r"\s+(?:at|for|with)|"
    r"quit|left|(?:(?:i|we)\s*['’](?:m|re)|(?:i|we|he|she|they)\s+(?:am|are|is|was|were))\s+(?:still\s+|now\s+|also\s+)?(?:at|with)|"
    r"trabaj(?:o|a|an|amos|aba|aban|ábamos|é|ó|aron|ando|ar|e)\s+(?:en|para|con)|"
    r"chambe(?:o|a|an|aba|é)\s+(?:en|para|con)|"
    r"(?:entr[éeó]|entramos|empec[éeó]|empez[óo])\s+(?:a\s+trabajar\s+)?(?:a|en|con)|"
    r"me\s+(?:pas[ée]|cambi[ée]|met[ií]|contrataron|agarraron|aceptaron)\s+(?:a|en|de|para|con)|"
    r"(?:manej[oa]|manejaba|reparto|repart[oa]|repartía|reparte)\s+para|"
    r"(?:renunci[ée]|me\s+sal[ií]|me\s+corrieron)\s+(?:a|de|en)|"
    r"(?:cajer[oa]|cociner[oa]|mesera|mesero|chofer|empleada|empleado|gerente|supervisora?|encargad[oa])\s+(?:en|de|para))"
    r"\s+(?:(?:the|el|la|los|las)\s+|(?P<kind>(?:a|an|un|una)\s+))?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’&-]*)")


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from core.deid.streets import _name_kinds
    return frozenset(w for w, kinds in _name_kinds().items() if "f" in kinds)


def _name_end(text: str, pos: int) -> int:
    """End of an employer's name starting at ``pos``; ``pos`` when there is none."""
    from core.deid.streets import ordinary
    from core.deid.workplaces import NOT_EMPLOYER_ACRONYMS
    brand = _BRAND_RX.match(text, pos)
    if brand:
        return brand.end()
    first = _WORD.match(text, pos)
    if not first:
        return pos
    word = first.group().rstrip("'’-")
    low = word.lower().removesuffix("'s").removesuffix("’s")
    if word.isupper() and 2 <= len(word) <= 5:
        # "I work at HNL", "estoy en la JBS": a firm's letters (not a licence or a ward)
        return pos if low in NOT_EMPLOYER_ACRONYMS else pos + len(word)
    if low in _given_names() or is_place(low) or is_place(word):
        return pos
    capital = word[:1].isupper() and not re.search(r"(?:^|[.!?:]\s+)$", text[max(0, pos - 12):pos])
    if ordinary(low) and not capital:
        return pos
    end, n = pos + len(word), 1
    while n < 3:
        m = _NEXT_WORD.match(text, end)
        if not m:
            break
        nxt = m.group(1).rstrip("'’-")
        if capital and nxt[:1].isupper() or not capital and not ordinary(nxt.lower()):
            end, n = m.start(1) + len(nxt), n + 1
            continue
        break
    if capital and ordinary(low) and end == pos + len(word):
        return pos  # one capitalised everyday word ("at Night", "for Food") is no name
    return end


# Only a brand may follow these: "I drive doordash", "I do uber eats", "en la noche hago uber".
_BRAND_CUE = re.compile(r"\b(?:drive|drives|drove|driving|do|does|did|doing|hago|hace|hacía|hacia|hacemos|manejo|maneja|"
                        r"work|works|worked|working|been\s+(?:at|with)|hired\s+me\s+(?:at|on\s+at)|"
                        r"(?:planta|almac[eé]n|bodega|f[aá]brica|empacadora|centro\s+de\s+distribuci[oó]n)\s+(?:de|del)|"
                        r"(?:estaba|estuve|estoy|está|estaban|estábamos)\s+en(?:\s+(?:el|la|un|una))?)"
                        r"\s+(?=\w)", re.IGNORECASE)
# A brand followed by what an employer does: "walmart pays more", "costco hired me".
_EMPLOYER_VERB = re.compile(r"(?:\s+(?:down\s+the\s+(?:road|street)|by\s+the\s+\w+|over\s+there|in\s+town))?"
                            r"\s+(?:pays|paid|pay|is\s+hiring|was\s+hiring|hired\s+me|fired\s+me|paga|pagaba|pagan|"
                            r"warehouse|plant|dc|hub|distribution\s+center|fulfillment\s+center|sort\s+center|"
                            r"me\s+contrat[óo]|me\s+corri[óo])\b", re.IGNORECASE)
_ERRAND_AFTER = re.compile(r"\s+(?:run|runs|trip|trips|app|order|orders|box|boxes|bag|bags|card|delivery|account|points|"
                           r"thing|stuff|shopping|package|packages|truck\s+came|gift\s+card)\b", re.IGNORECASE)
# "eighteen fifty, that's more than heb": an employer compared by its pay.
_PAID_THAN = re.compile(r"\b(?:pay|pays|paid|money|an\s+hour|la\s+hora|dollars|d[oó]lares|wage|salary|sueldo|pagan)\b"
                        r"[^.?!]{0,60}\b(?:more|less|better|worse|m[aá]s|menos|mejor|peor)\s+(?:than|que)\s+(?:the\s+|el\s+|en\s+)?$",
                        re.IGNORECASE)
# Words before a later mention of an everyday-word brand that say it is the place ("at target").
_PLACE_BEFORE = re.compile(r"\b(?:at|to|from|for|in|with|en|de|del|a|al|para|con)\s+(?:(?:the|el|la)\s+)?$", re.IGNORECASE)


def cued_employers(text: str) -> list[Finding]:
    """Employers said after a work cue, by a brand or a name that is no everyday word, and the
    other mentions of each one found so (a later "target was cool" after "I was at Target")."""
    from core.deid.streets import ordinary
    found = _cued(text)
    names = {f.canonical for f in found if len(f.canonical) >= 3}
    if not names:
        return found
    taken = [(f.start, f.end) for f in found]
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                    + r")(?![\w'’-])", re.IGNORECASE)
    for m in rx.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        said = m.group().lower()
        if all(ordinary(w) for w in said.split()) and not (
                m.group()[:1].isupper() or _PLACE_BEFORE.search(text[max(0, m.start() - 16):m.start()])
                or re.search(r"(?:^|[.!?:]\s+)$", text[max(0, m.start() - 4):m.start()]) and m.start() > 0
                or _EMPLOYER_VERB.match(text, m.end()) or re.match(r"['’]s\b", text[m.end():])):
            continue  # "our target is 100": an everyday word said as a word
        found.append(Finding(m.start(), m.end(), "WORKPLACE", m.group(), 0.5, "workplace_phrase",
                             canonical=re.sub(r"\s+", " ", said)))
    return sorted(found, key=lambda f: f.start)


def _cued(text: str) -> list[Finding]:
    from core.deid.lexicon import GENERIC_WORKPLACE_WORDS
    from core.deid.streets import ordinary
    out: list[Finding] = []
    for rx in (_BRAND_CUE,):
        for m in rx.finditer(text):
            the = re.match(r"the\s+", text[m.end():], re.IGNORECASE) if re.match(r"(?:do|does|did|doing)\b", m.group(),
                                                                               re.IGNORECASE) else None
            brand = _BRAND_RX.match(text, m.end() + (the.end() if the else 0))  # "i do the qfc on the weekends"
            if the and brand and _ERRAND_AFTER.match(text, brand.end()):
                continue  # "i did the walmart run": an errand, not a job
            doing = re.match(r"(?:do|does|did|doing|hago|hace|hac[ií]a|hacemos)\b", m.group(), re.IGNORECASE)
            if brand and not (doing and all(ordinary(w) for w in brand.group().lower().split())):  # "do target practice"
                out.append(_finding(text, brand.start(), brand.end()))
    for brand in _BRAND_RX.finditer(text):
        if (_EMPLOYER_VERB.match(text, brand.end()) or _PAID_THAN.search(text[max(0, brand.start() - 90):brand.start()])) \
                and not any(f.start == brand.start() for f in out):
            out.append(_finding(text, brand.start(), brand.end()))
    for m in _CUE.finditer(text):
        pos = m.end()
        if m.group("kind") or re.search(r"\b(?:with|con)\s+(?:\w+\s+)?$", m.group(), re.IGNORECASE):
            # "work at a nail salon", "en un vivero": a kind of place; "worked with Jennifer
            # Lopez", "trabaja con chuy": a co-worker; only a brand is an employer here
            brand = _BRAND_RX.match(text, pos)
            end = brand.end() if brand and not _ERRAND_AFTER.match(text, brand.end()) else pos  # "left a ups box"
        else:
            end = _name_end(text, pos)
        if end <= pos:
            continue
        span = text[pos:end]
        if all(w.lower() in GENERIC_WORKPLACE_WORDS for w in span.split()) or any(f.start == pos for f in out):
            continue
        out.append(_finding(text, pos, end))
    return out


def _finding(text: str, start: int, end: int) -> Finding:
    span = text[start:end]
    return Finding(start, end, "WORKPLACE", span, 0.55, "workplace_phrase", canonical=re.sub(r"\s+", " ", span.lower()))
