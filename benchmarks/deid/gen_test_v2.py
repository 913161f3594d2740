"""Generate the v2 TEST split: 44 labelled interviews (26 English, 18 Spanish), run once.

Written apart from the dev set on purpose: an interviewer-and-participant voice with "Q:"/"A:"
turns, longer run-on answers, other fillers ("i mean", "honestly", "o sea", "este"), other
workplaces (meatpacking, home care, airport catering, car wash, school cafeteria, nail salon,
landscaping), other names (no first name or surname shared with the dev pools), and its own
ways of saying numbers, addresses and dates. Nothing in core/deid was changed after reading it.

Run: python benchmarks/deid/gen_test_v2.py > benchmarks/deid/data/v2/test.txt
"""

from __future__ import annotations

import random
import unicodedata

GIVEN = ["esperanza", "rigoberto", "maribel", "anselmo", "yadira", "eulalio", "xochitl", "fermín", "leonor",
         "baltazar", "itzel", "aurelio", "dalia", "evaristo", "marisol", "teodoro", "zulema", "gumercindo",
         "shanice", "darnell", "kiara", "jamal", "tamika", "dwayne", "ebony", "reginald", "precious", "terrence",
         "bao", "quang", "huong", "dat", "rowena", "jericho", "analyn", "arnel", "chinedu", "ngozi", "babajide",
         "yusuf", "amira", "samir", "layla", "hao", "jing", "ravi", "deepa", "sandeep", "gerda", "heinrich",
         "oksana", "yaroslav", "halina", "mieczysław", "soo-ah", "jae-won", "mele", "keoni", "wilner", "roselaure",
         "ángela", "iñaki", "begoña", "zoë", "renée", "joão", "conceição"]
FAMILY = ["villanueva", "sepúlveda", "arredondo", "benavides", "zamarripa", "cisneros", "montañez", "saldívar",
          "escobedo", "quintanilla", "barajas", "olvera", "treviño", "zúñiga", "mcallister", "whitaker",
          "thibodeaux", "okonkwo", "balogun", "eze", "abernathy", "holloway", "vo", "huynh", "dinh", "macaraeg",
          "pangilinan", "soliman", "farouk", "chaudhry", "iyer", "banerjee", "schreiber", "lindqvist",
          "kovalenko", "wiśniewska", "szymański", "choi", "yoon", "fifita", "kealoha", "jean-louis", "étienne",
          "van der berg", "de los santos", "del toro", "mendoza-rivas", "saint-fleur", "oyelaran"]
WORDY = ["hope", "rose", "will", "grace", "joy", "bill", "sunny", "amber", "mercedes", "dolores", "jesús",
         "faith", "june", "may", "chase", "hunter", "luz", "cruz"]

WORKPLACES_EN = [("Prairie Beef Processing", "prairie beef"), ("Comfort Keepers of Tulare", "comfort keepers"),
                 ("SkyChef Catering", "skychef"), ("Sparkle Auto Spa", "sparkle"), ("Jefferson Elementary", "jefferson"),
                 ("Luxe Nails & Spa", "luxe nails"), ("GreenLeaf Landscaping", "greenleaf"),
                 ("Desert Rose Casino", "desert rose"), ("Tri-County Recycling", "tri-county")]
WORKPLACES_ES = [("Carnes Finas Zacatecas", "carnes finas"), ("Cuidados Amorosos", "cuidados amorosos"),
                 ("Lavado El Relámpago", "el relámpago"), ("Jardinería Los Pinos", "los pinos"),
                 ("Costura Mariposa", "mariposa")]

Q_EN = ["q: how long have you worked there?", "q: tell me about your supervisor.", ("q: who do you go to when "
                                                                       "something goes wrong?"), "q: how do they schedule you?", "q: has anyone been hurt?",
        "q: is there anything else?", "q: how can we follow up with you?"]
Q_ES = ["p: ¿cuánto tiempo lleva trabajando ahí?", "p: ¿cómo es su supervisor?", ("p: ¿a quién acude cuando hay "
                                                                     "un problema?"), "p: ¿cómo le dan los horarios?", "p: ¿alguien se ha lastimado?", "p: ¿algo más?",
        "p: ¿cómo lo contactamos?"]

A_LISTED_EN = ["a: i mean {P} runs the floor, and honestly {P} doesn't listen to nobody",
               "a: so my boss {P}, she keeps changing the schedule on the group chat",
               "a: when i complained, {P} just laughed and walked away",
               "a: {P} is the one who signs the timesheets, so you can't cross {P}",
               "a: last week {P} made us stay two hours late without asking"]
A_UNLISTED_EN = ["a: there was a girl, {U}, she quit after they cut her hours",
                 "a: my neighbor {U} got me the job, i mean he's been there forever",
                 "a: the safety guy, {U}, came once and never came back",
                 "a: i asked {U} from the office and she said it's policy",
                 "a: {U} is who trained me, honestly the best person there",
                 "a: my husband {U} drops me off at five"]
A_FILLER_EN = ["a: honestly it's fine some days, other days it's a lot",
               "a: i mean we get thirty minutes for lunch, sometimes less",
               "a: they said we'd get a raise of fifty cents and we never did",
               "a: it was like three hundred cars on a saturday",
               "a: i hope it changes but i doubt it, will it ever",
               "a: they want us to be there at four thirty in the morning",
               "a: the grace period is gone, if you're a minute late it's an occurrence",
               "a: since 2021 they stopped the holiday pay",
               "a: we did eleven hours yesterday, eleven"]
A_PHONE_EN = ["a: best is my cell, {X}", "a: call me at {X}, after six", "a: the office line is {X}"]
A_ADDR_EN = ["a: i'm at {X}, the blue house", "a: mail it to {X}", "a: the yard is over at {X}"]
A_EMAIL_EN = ["a: email is fine, it's {X}"]
A_DATE_EN = ["a: it happened on {X}, a tuesday i think", "a: i started on {X}"]
A_ID_EN = ["a: my clock number is {X}", "a: the incident report number was {X}"]
A_AGE_EN = ["a: the client i take care of is {X} now"]

A_LISTED_ES = ["r: o sea, {P} es la que manda ahí y no escucha", "r: este, el mayordomo {P} nos grita mucho",
               "r: cuando me quejé, {P} nomás se rió", "r: {P} firma las horas, entonces no se puede hablar"]
A_UNLISTED_ES = ["r: había una señora, {U}, que renunció porque le quitaron horas",
                 "r: mi vecino {U} me consiguió el trabajo", "r: le pregunté a {U} de la oficina y dijo que no",
                 "r: {U} fue quien me enseñó, la mejor persona", "r: mi esposo {U} me lleva a las cinco"]
A_FILLER_ES = ["r: o sea, hay días buenos y días malos", "r: nos dan media hora para comer, a veces menos",
               "r: dijeron que nos iban a subir cincuenta centavos y nunca", ("r: este, desde 2021 ya no pagan los días "
                                                               "festivos"), "r: trabajamos once horas ayer, once", "r: la esperanza es lo último que muere, dicen"]
A_PHONE_ES = ["r: mi celular es el {X}", "r: márqueme al {X} en la tarde"]
A_ADDR_ES = ["r: vivo por {X}", "r: mándelo a {X}"]
A_EMAIL_ES = ["r: el correo es {X}"]
A_DATE_ES = ["r: pasó el {X}", "r: empecé el {X}"]
A_ID_ES = ["r: mi número de trabajador es {X}"]

DIGITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIGITS_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Voice:
    def __init__(self, rng: random.Random, es: bool) -> None:
        self.rng, self.es = rng, es
        self.cased = rng.random() < 0.35

    def cap(self, s: str) -> str:
        if not self.cased:
            return s
        return " ".join(w if w in ("de", "los", "del", "van", "der") else w[:1].upper() + w[1:] for w in s.split())

    def say(self, p: tuple[str, str]) -> str:
        g, f = p
        roll = self.rng.random()
        text = g if roll < 0.4 or not f else (f"{g} {f}" if roll < 0.8 else f)
        if self.rng.random() < 0.35:
            text = fold(text)
        return self.cap(text)

    def spell(self, digits: str) -> str:
        words = DIGITS_ES if self.es else DIGITS_EN
        return " ".join(words[int(d)] for d in digits)

    def phone(self) -> str:
        rng = self.rng
        area, line = rng.choice(["661", "805", "956", "832", "479", "620"]), f"{rng.randint(100, 199):04d}"
        roll = rng.random()
        if self.es:
            if roll < 0.3:
                return f"{self.spell(area)} {self.spell('555')} {self.spell(line)}"
            if roll < 0.5:
                return f"+52 81 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
            if roll < 0.7:
                return f"{area} 555 {line}"
            return f"({area}) 555-{line}"
        if roll < 0.3:
            return f"{self.spell(area)}, {self.spell('555')}, {self.spell(line[:2])} {self.spell(line[2:])}"
        if roll < 0.5:
            return f"{area} 555 {line}"
        if roll < 0.65:
            return f"1-{area}-555-{line}"
        if roll < 0.8:
            return f"+1 ({area}) 555-{line} ext {rng.randint(100, 999)}"
        return f"{area}/555-{line}"

    def address(self) -> str:
        rng = self.rng
        n = rng.randint(200, 12999)
        name = rng.choice(["sycamore", "wagon wheel", "belmont", "pershing", "la brea", "harlan", "chestnut",
                           "mulberry", "tenth"])
        kind = rng.choice(["lane", "court", "way", "blvd", "street", "avenue", "road", "drive"])
        roll = rng.random()
        if self.es:
            if roll < 0.35:
                return f"la calle {self.cap(rng.choice(['matamoros', 'aldama', 'abasolo', 'victoria']))} número {rng.randint(10, 900)}"
            if roll < 0.55:
                return f"la colonia {self.cap(rng.choice(['independencia', 'del carmen', 'obrera']))}"
            if roll < 0.7:
                return f"la avenida {self.cap(rng.choice(['juárez', 'madero', 'universidad']))} y la {rng.randint(2, 30)}"
        if roll < 0.75:
            return f"{n} {self.cap(name)} {self.cap(kind)}"
        if roll < 0.85:
            return f"{n} {self.cap(name)} {self.cap(kind)} unit {rng.randint(1, 40)}, {self.cap('visalia')}, ca {rng.randint(93200, 93299)}"
        if roll < 0.93:
            return f"po box {rng.randint(10, 999)}"
        return f"{name} and {rng.randint(2, 40)}th street"

    def email(self, p: tuple[str, str]) -> str:
        g = fold(p[0]).replace(" ", "")
        f = fold(p[1]).replace(" ", "") or "w"
        dom = self.rng.choice(["icloud", "aol", "live", "protonmail"])
        if self.rng.random() < 0.5:
            return f"{g}_{f}@{dom}.com"
        return f"{g} underscore {f} at {dom} dot com" if not self.es else f"{g} guion bajo {f} arroba {dom} punto com"

    def date(self) -> str:
        rng = self.rng
        m, d, y = rng.randint(0, 11), rng.randint(1, 28), rng.randint(2016, 2025)
        if self.es:
            return f"{d} de {MONTHS_ES[m]} del {y}" if rng.random() < 0.6 else f"{d} de {MONTHS_ES[m]}"
        roll = rng.random()
        if roll < 0.4:
            return f"{MONTHS_EN[m]} {d}, {y}"
        if roll < 0.7:
            return f"{m + 1}-{d}-{str(y)[2:]}"
        return f"{d} {MONTHS_EN[m]} {y}"

    def ident(self) -> str:
        rng = self.rng
        return str(rng.randint(1000, 999999)) if rng.random() < 0.6 else self.spell(str(rng.randint(10000, 99999)))


def interview(rng: random.Random, i: int, es: bool) -> str:
    v = Voice(rng, es)
    wp, wp_said = rng.choice(WORKPLACES_ES if es else WORKPLACES_EN)
    people = [(rng.choice(GIVEN), rng.choice(FAMILY)) for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.5:
        people.append((rng.choice(WORDY), ""))
    roles = ["participant", "supervisor", "co-worker"]
    names = "; ".join(f"{' '.join(x.capitalize() for x in (g + ' ' + f).split())}/{roles[k % 3]}"
                      for k, (g, f) in enumerate(people))
    lang = "es" if es else "en"
    head = f"## test-{lang}-{i:02d}\nlanguage: {lang}\nnames: {names}\nworkplaces: {wp}\n"
    qs = Q_ES if es else Q_EN
    t = (A_LISTED_ES, A_UNLISTED_ES, A_FILLER_ES, A_PHONE_ES, A_ADDR_ES, A_EMAIL_ES, A_DATE_ES, A_ID_ES, []) if es \
        else (A_LISTED_EN, A_UNLISTED_EN, A_FILLER_EN, A_PHONE_EN, A_ADDR_EN, A_EMAIL_EN, A_DATE_EN, A_ID_EN, A_AGE_EN)
    listed_t, unlisted_t, filler_t, phone_t, addr_t, email_t, date_t, id_t, age_t = t
    turns = [qs[0], ("r: en " if es else "a: at ") + f"[[WORKPLACE|{v.cap(wp_said)}]]" +
             (f", como {rng.randint(2, 15)} años" if es else f", going on {rng.randint(2, 15)} years")]
    turns.append(qs[1])
    for p in people:
        turns.append(rng.choice(listed_t).replace("{P}", f"[[PERSON|{v.say(p)}]]"))
    turns.append(qs[2])
    for _ in range(rng.randint(1, 3)):
        turns.append(rng.choice(unlisted_t).replace("{U}", f"[[UPERSON|{v.say((rng.choice(GIVEN), rng.choice(FAMILY)))}]]"))
    turns.append(qs[3])
    turns += rng.sample(filler_t, k=3)
    turns.append(qs[4])
    if rng.random() < 0.6:
        turns.append(rng.choice(date_t).replace("{X}", f"[[DATE|{v.date()}]]"))
    if age_t and rng.random() < 0.3:
        turns.append(rng.choice(age_t).replace("{X}", f"[[AGE|{rng.randint(90, 99)}]]"))
    turns.append(qs[6])
    if rng.random() < 0.8:
        turns.append(rng.choice(phone_t).replace("{X}", f"[[PHONE|{v.phone()}]]"))
    if rng.random() < 0.7:
        turns.append(rng.choice(addr_t).replace("{X}", f"[[ADDRESS|{v.address()}]]"))
    if rng.random() < 0.5:
        turns.append(rng.choice(email_t).replace("{X}", f"[[EMAIL|{v.email(people[0])}]]"))
    if rng.random() < 0.5:
        turns.append(rng.choice(id_t).replace("{X}", f"[[ID_NUMBER|{v.ident()}]]"))
    return head + " ".join(t + ("" if t.endswith("?") else ".") for t in turns) + "\n"


def main() -> int:
    rng = random.Random(777)
    print("# Confidant de-identification TEST split v2 (gen_test_v2.py). Run once; never tuned on.")
    for i in range(26):
        print(interview(rng, i, False))
    for i in range(18):
        print(interview(rng, i, True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
