"""Development set v3 for de-identification (issue #14, second round): new phrasing, new
workplaces and new names, so tuning does not keep fitting v2's templates.

What v3 adds over v2: a full name said once and then only its surname or first name; listed
workplaces said in part or with their place ("the Safeway on Broadway"); unlisted chains
with a street; ages over 89 in words and digits; names set off by commas; Spanish person
cues ("la muchacha, X,", "le pregunté a X"); Whisper-style lower case and dropped accents.
Every value is invented (555 phone exchanges, made-up streets and people).

Run:  python benchmarks/deid/gen_dev_v3.py > benchmarks/deid/data/v3/dev.txt
"""

from __future__ import annotations

import random
import sys
import unicodedata

FIRST_EN = ["Lorraine", "Desmond", "Kiana", "Bartholomew", "Yesenia", "Thaddeus", "Marisol", "Oksana", "Emeka",
            "Priyanka", "Wendell", "Ximena", "Cordelia", "Nnamdi", "Saoirse", "Henrik", "Lucinda", "Rashida",
            "Tobias", "Imelda", "Quentin", "Anh", "Bogdan", "Fatoumata"]
LAST_EN = ["Whitfield", "Okafor", "Brannigan", "Kowalczyk", "Delacroix", "Fairbanks", "Nakashima", "Abernethy",
           "Castellanos", "Oyelowo", "Lindqvist", "Szabo", "Trevino", "Haddad", "McAllister", "Ferreira",
           "Vukovic", "Tanaka", "Osei", "Bergstrom"]
FIRST_ES = ["Guadalupe", "Heriberto", "Maricela", "Fulgencio", "Rosaura", "Eleazar", "Yolanda", "Candelario",
            "Xóchitl", "Anselmo", "Leticia", "Nicanor", "Araceli", "Teófilo", "Brígida", "Evaristo", "Jacinta"]
LAST_ES = ["Villaseñor", "Echeverría", "Cárdenas", "Zamudio", "Ocampo", "Barragán", "Quintero", "Arellano",
           "Solórzano", "Betancourt", "Cisneros-Lara", "Mondragón", "Ibarra", "Tovar", "Urquidi"]
# How each workplace is said in passing.
SAID = {"Golden Harvest Packing of Salinas": "golden harvest", "Bayview Senior Living": "bayview senior",
        "Northstar Fulfillment Center": "northstar", "Pacific Crest Hotel": "pacific crest",
        "Sunny Acres Dairy": "sunny acres", "Ridgeline Poultry Processing": "ridgeline poultry",
        "Harbor Point Laundry": "harbor point", "Empacadora Los Álamos Delano": "los álamos",
        "Lavandería La Espuma": "la espuma", "Taquería El Farolito": "el farolito",
        "Rancho Santa Inés": "santa inés", "Limpiezas Brillo Total": "brillo total",
        "Hotel Posada del Sol": "posada del sol"}
WORK_EN = ["Golden Harvest Packing of Salinas", "Bayview Senior Living", "Northstar Fulfillment Center",
           "Pacific Crest Hotel", "Sunny Acres Dairy", "Ridgeline Poultry Processing", "Harbor Point Laundry"]
WORK_ES = ["Empacadora Los Álamos Delano", "Lavandería La Espuma", "Taquería El Farolito", "Rancho Santa Inés",
           "Limpiezas Brillo Total", "Hotel Posada del Sol"]
CHAINS = ["Safeway", "Walgreens", "Home Depot", "Costco", "Marriott", "Denny's", "Kroger", "Hilton"]
STREETS = ["Broadway", "Telegraph", "San Pablo", "Shattuck", "Blackstone", "Kings Canyon", "Olive", "Ventura"]
ORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
UNITS_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ninety(n: int, es: bool) -> str:
    unit = n - 90
    if es:
        return "noventa" + (f" y {UNITS_ES[unit]}" if unit else "")
    return "ninety" + (f" {UNITS[unit]}" if unit else "")


class Interview:
    def __init__(self, rng: random.Random, idx: int, es: bool) -> None:
        self.rng, self.es, self.idx = rng, es, idx
        self.cased = rng.random() < 0.45
        self.lines: list[str] = []

    def c(self, s: str) -> str:
        """As Whisper writes it: lower case about half the time, accents dropped a third."""
        if self.rng.random() < 0.3:
            s = strip_accents(s)
        return s if self.cased else s.lower()

    def m(self, kind: str, s: str) -> str:
        return f"[[{kind}|{s}]]"

    def person(self) -> tuple[str, str]:
        first = FIRST_ES if self.es else FIRST_EN
        last = LAST_ES if self.es else LAST_EN
        return self.rng.choice(first), self.rng.choice(last)

    def phone(self) -> str:
        area = self.rng.choice(["559", "661", "831", "209", "510", "916"])
        line = f"{self.rng.randint(100, 199):04d}"
        digits = UNITS_ES if self.es else UNITS
        if self.rng.random() < 0.5:
            spoken = " ".join(digits[int(d)] for d in area + "555" + line)
            return spoken
        return f"{area} 555 {line}"

    def address(self) -> str:
        n = self.rng.randint(120, 9800)
        street = self.rng.choice(STREETS)
        if self.es:
            return self.rng.choice([f"la calle {self.c(street)} número {n}", f"{n} {self.c(street)} avenue",
                                    f"avenida {self.c(street)} {n}"])
        apartment = f"{n} {self.c(street)} street, apartment {self.rng.randint(2, 40)}"
        corner = f"the corner of {self.c(street)} and {self.rng.choice(ORDS)}"
        return self.rng.choice([f"{n} {self.c(street)} avenue", apartment, corner])


def build(rng: random.Random, idx: int, es: bool) -> str:
    iv = Interview(rng, idx, es)
    c, m = iv.c, iv.m
    participant, boss, coworker = iv.person(), iv.person(), iv.person()
    unlisted, unlisted2 = iv.person(), iv.person()
    workplace = rng.choice(WORK_ES if es else WORK_EN)
    chain, street = rng.choice(CHAINS), rng.choice(STREETS)
    part = SAID[workplace]
    full_boss = f"{boss[0]} {boss[1]}"
    full_un = f"{unlisted[0]} {unlisted[1]}"
    age = rng.randint(90, 99)
    age_s = ninety(age, es) if rng.random() < 0.6 else str(age)
    if es:
        lines = [
            f"p: ¿dónde trabaja? r: en {m('WORKPLACE', c(part))}, ya voy para {rng.randint(2, 15)} años.",
            f"r: antes estaba en el {m('WORKPLACE', c(chain) + ' de ' + c(street))}, pero pagaban menos.",
            f"r: mi jefa es {m('PERSON', c(full_boss))} y nos trata feo.",
            f"r: la verdad {m('PERSON', c(boss[1]))} nunca da descansos, {m('PERSON', c(boss[1]))} es así.",
            f"r: la muchacha, {m('UPERSON', c(full_un))}, se fue en diciembre.",
            f"r: después {m('UPERSON', c(unlisted[1]))} consiguió trabajo en otro lado.",
            f"r: le pregunté a {m('UPERSON', c(unlisted2[0]))} y tampoco sabía.",
            f"r: con {m('PERSON', c(coworker[0]))} hacemos el turno de noche.",
            f"r: cuido a una señora que tiene {m('AGE', age_s)} años.",
            f"r: me pueden llamar al {m('PHONE', iv.phone())}.",
            f"r: vivo en {m('ADDRESS', iv.address())}.",
            "r: o sea, hay semanas buenas y semanas pesadas, depende.",
            "r: nos pagan cada quince días y a veces llega tarde el cheque.",
        ]
    else:
        lines = [
            f"q: where do you work? a: over at {m('WORKPLACE', c(part))}, going on {rng.randint(2, 15)} years.",
            f"a: before that i was at the {m('WORKPLACE', c(chain) + ' on ' + c(street))} for a while.",
            f"a: my supervisor is {m('PERSON', c(full_boss))}, she came from corporate.",
            f"a: honestly {m('PERSON', c(boss[1]))} writes people up for nothing. ask anyone about {m('PERSON', c(boss[1]))}.",
            f"a: there was this guy, {m('UPERSON', c(full_un))}, he trained me.",
            f"a: then {m('UPERSON', c(unlisted[1]))} got moved to days and it fell apart.",
            f"a: i asked {m('UPERSON', c(unlisted2[0]))} about it and got nothing.",
            f"a: me and {m('PERSON', c(coworker[0]))} split the weekend shifts.",
            f"a: the resident i help is {m('AGE', age_s)} now and still sharp.",
            f"a: you can text me at {m('PHONE', iv.phone())}.",
            f"a: i live at {m('ADDRESS', iv.address())}.",
            "a: the forklift broke twice last month and nobody fixed it.",
            "a: we get a ten minute break, sometimes not even that.",
        ]
    rest = lines[5:]
    rng.shuffle(rest)
    lines = lines[:5] + rest
    lang = "es" if es else "en"
    names = "; ".join([f"{participant[0]} {participant[1]}/participant", f"{full_boss}/supervisor",
                       f"{coworker[0]} {coworker[1]}/co-worker"])
    head = [f"## dev3-{lang}-{idx:02d}", f"language: {lang}", f"names: {names}", f"workplaces: {workplace}"]
    return "\n".join(head + [" ".join(lines)])


def main() -> int:
    rng = random.Random(3)
    out = ["# Confidant de-identification DEV set v3 (gen_dev_v3.py): tuned on; new phrasing, workplaces, names."]
    for i in range(24):
        out.append(build(rng, i, False))
    for i in range(20):
        out.append(build(rng, i, True))
    sys.stdout.write("\n\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
