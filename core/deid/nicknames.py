"""Common English given-name families, so "Robert" on the list also finds "bob" and "bobby".

Each line is one family; any member listed by the researcher brings in the others. Kept short
on purpose: a missing family costs a manual addition in review, a wrong one costs a chore.
"""

from __future__ import annotations

_FAMILIES = """
robert rob robbie bob bobby bert
william will willie bill billy liam
richard rich rick ricky dick
james jim jimmy jamie
john johnny jack jon
joseph joe joey
michael mike mikey mick
thomas tom tommy
christopher chris topher
daniel dan danny
matthew matt matty
anthony tony
charles charlie chuck chas
edward ed eddie ted teddy ned
david dave davey
steven stephen steve stevie
andrew andy drew
benjamin ben benny
samuel sam sammy
alexander alex al xander
nicholas nick nicky
jonathan jon jonny
gregory greg
jeffrey jeff
patrick pat paddy
timothy tim timmy
kenneth ken kenny
ronald ron ronnie
donald don donnie
raymond ray
lawrence larry
gerald gerry jerry
jerome jerry
francisco paco pancho frank
francis frank frankie fran
frederick fred freddie
henry hank harry
harold harry hal
leonard leo len lenny
eugene gene
peter pete
phillip philip phil
jose pepe
jesus chuy
guadalupe lupe
alejandro alex alejo
roberto beto
alberto beto al
eduardo eddie lalo
ignacio nacho
manuel manny
elizabeth liz lizzie beth betsy betty eliza liza
margaret maggie meg peggy marge
katherine catherine kathryn kate katie kathy cathy kat
jennifer jen jenny
patricia pat patty trish tricia
susan sue susie suzy
deborah debra deb debbie
rebecca becky becca
jessica jess jessie
christina christine chris tina
barbara barb barbie
victoria vicky tori
samantha sam sammie
alexandra alex lexi sandra sandy
cynthia cindy
kimberly kim
pamela pam
dorothy dot dottie
theresa teresa terry tess
abigail abby
stephanie steph
melissa missy mel
melanie mel
angela angie
natalie nat
josephine jo josie
maria mari
guadalupe lupita pita
dolores lola
russell russ rusty
terrence terence terry
refugio cuco cuca
rosario chayo charo
concepcion concha conchita
gregorio goyo
lorenzo lencho
alicia licha
graciela chela
socorro coco
guillermo memo
rafael rafa
santiago chago
salvador chava
isidro chilo
anastasio tacho
ramon moncho
vicente chente
fernando nando
armando mando
rigoberto rigo beto
humberto beto
heriberto beto
enrique quique
florentino tino
lazaro chicho
altagracia tata
jose chepe
francisco kiko
ignacio nacho
ernesto neto
rosalba rosy
rosa rosy rosita
gonzalo chalo
josefa chepa pepa
caridad cachita
herminia mina
gildardo gilo
jacinto chinto cinto
terrell rell
""".strip().splitlines()

_INDEX: dict[str, set[str]] = {}
for _line in _FAMILIES:
    _members = _line.split()
    for _m in _members:
        _INDEX.setdefault(_m, set()).update(_members)


# Spanish diminutive endings ("tomás" -> "tomasito", "hoa" -> "hoita", "juan" -> "juanito").
_DIMINUTIVES = ("ito", "ita", "cito", "cita")
_VOWELS = set("aeiouáéíóúy")


def clipped(given_name: str, shorten: bool = True) -> set[str]:
    """Forms a listed given name takes when shortened or made small, beyond its family: the
    first four or five letters ("laza" of "lázaro", "alta" of "altagracia"), the last four or
    five from a syllable's start ("tino" of "florentino"), and the Spanish diminutive
    ("tomasito", "hoita"). Callers
    treat the shortened forms as word-names: alone they need a capital or a cue. With
    ``shorten=False`` only the diminutive (for a given name that is not written first, "hoa"
    of "Nguyen Thi Hoa")."""
    low = given_name.lower()
    out: set[str] = set()
    if shorten and len(low) >= 6:
        out |= {low[:n] for n in (4, 5) if n <= len(low) - 2}
        # a tail starts a syllable: "tino" of "florentino", not "ntino" or "ence"
        out |= {low[-n:] for n in (4, 5) if n <= len(low) - 2 and low[-n] not in _VOWELS and low[-n + 1] in _VOWELS}
    stem = low[:-1] if low[-1:] in "aeo" else low
    if len(stem) >= 2:
        out |= {stem + end for end in _DIMINUTIVES}
    return out - {low}


def family(given_name: str) -> set[str]:
    """Other forms of a given name (lower case), excluding the name itself."""
    key = given_name.lower()
    return _INDEX.get(key, set()) - {key}
