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
guadalupe lupita
dolores lola
""".strip().splitlines()

_INDEX: dict[str, set[str]] = {}
for _line in _FAMILIES:
    _members = _line.split()
    for _m in _members:
        _INDEX.setdefault(_m, set()).update(_members)


def family(given_name: str) -> set[str]:
    """Other forms of a given name (lower case), excluding the name itself."""
    key = given_name.lower()
    return _INDEX.get(key, set()) - {key}
