"""Generate the v2 development set: 48 labelled interviews (30 English, 18 Spanish) about US
frontline jobs, written the way Whisper writes speech (lower case or sentence case, fillers,
commas, spoken numbers), with listed and unlisted people (names from many origins, with and
without diacritics), addresses, phones, e-mails, exact dates, IDs and ages over 89.

This is the set we tune on. The test split (``gen_test_v2.py``) is written by different
templates, different names and a different voice, and is run once.

Run: python benchmarks/deid/gen_dev_v2.py > benchmarks/deid/data/v2/dev.txt
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from v2_render import Renderer, finish

FIRST = ["maria", "guadalupe", "jose", "juan carlos", "rosa", "miguel", "ana", "luis", "carmen", "jorge",
         "yesenia", "ramon", "lupe", "tyrell", "keisha", "deshawn", "latoya", "marcus", "brittany", "kevin",
         "nguyen van", "thanh", "linh", "mai", "rodel", "maricel", "jocelyn", "emeka", "chioma", "oluwaseun",
         "fatima", "omar", "ahmed", "wei", "xiu", "priya", "rajesh", "anjali", "jean-baptiste", "marie-claire",
         "wojciech", "agnieszka", "svetlana", "dmitri", "bogdan", "hye-jin", "min-jun", "siosaia", "kalani",
         "tomasz", "ifeoma", "araceli", "nohemí", "josé", "maría", "héctor", "raúl", "inés", "jesús", "ángel"]
SURNAMES = ["gonzalez", "hernández", "ramirez", "martínez", "lópez", "ortiz", "castillo", "reyes", "morales",
            "jimenez", "washington", "jackson", "robinson", "johnson", "nguyen", "tran", "pham", "santos",
            "dela cruz", "bautista", "okafor", "adeyemi", "nwosu", "haddad", "el-amin", "khan", "zhang", "liu",
            "patel", "sharma", "desrosiers", "pierre", "kowalski", "nowak", "petrov", "ivanova", "kim", "park",
            "tupou", "kahale", "ruiz", "delgado", "aguilar", "vásquez", "quiñones", "peña", "garcía-lópez",
            "de la rosa", "del valle", "ibarra", "cárdenas", "ochoa"]
WORD_NAMES = ["rose", "hope", "will", "grace", "joy", "bill", "sunny", "amber", "mercedes", "dolores", "jesús",
              "pat", "frank", "mark", "april", "dawn", "destiny", "faith"]

EN_WORKPLACES = [("Riverside Distribution Center", "riverside"), ("Golden Valley Packing", "golden valley"),
                 ("Sunrise Senior Living", "sunrise"), ("Metro Foods", "metro foods"),
                 ("Bayview Hotel", "the bayview"), ("Pacific Freight Lines", "pacific freight"),
                 ("QuickMart", "quickmart"), ("St. Agnes Hospital", "st agnes"), ("Cedar Grove Care Home", "cedar grove"),
                 ("Northgate Plant 2", "plant two"), ("Harbor Call Center", "harbor"), ("Lone Star Poultry", "lone star")]
ES_WORKPLACES = [("Empacadora del Valle", "la empacadora del valle"), ("Hotel Las Palmas", "las palmas"),
                 ("Limpiezas Brillo", "brillo"), ("Rancho San Isidro", "san isidro"),
                 ("Taquería El Güero", "el güero"), ("Lavandería Santa Fe", "santa fe")]

EN_OPEN = ["so um, i've been at {WP} for about {n} years now.", "i work nights at {WP}, on the {dept}.",
           "yeah so i started at {WP} back when they still paid weekly.", "i'm a {job} at {WP}, it's a lot."]
EN_LISTED = ["{P} is my supervisor and she's fine most days, but when corporate calls she gets tense.",
             "{P} wrote me up because my scanner died, like that's my fault.",
             "me and {P} started the same week.", "honestly {P} only cares about the numbers.",
             "i told {P} the ladder was broken and he said just use it.", "{P}'s the lead on our side.",
             "so {P} said we can't take our break until the truck is unloaded.",
             "my manager, {P}, he likes to say we're a family."]
EN_UNLISTED = ["there's this lady {U}, she's been there twenty years, she trains everybody.",
               "my coworker {U} got hurt on the line last spring.", "{U} told me to go to the union.",
               "we had a new guy named {U} and they fired him in a week.", "i carpool with {U} most days.",
               "ask {U}, she knows all about the schedule.", "then {U} from payroll called me.",
               "the nurse, {U}, she was the only one who helped.", "my daughter {U} is in college now.",
               "{U} and me, we cover for each other."]
EN_WORDS = ["it takes an hour on the bus, and i hope it gets better.", "we will see what happens.",
            "they gave us a rose for mother's day, like a fake one.", "the white truck was parked in the long lane.",
            "it was forty hours a week, sometimes fifty.", "they pay fifteen fifty an hour, no raise in two years.",
            "in 2019 they cut the night differential.", "we move like three hundred boxes an hour.",
            "i'm not going to lie, it's hard.", "grace period is five minutes, then they dock you.",
            "may be they'll fix it, who knows.", "the bill for the uniform came out of my check.",
            "i've got to mark every pallet by hand.", "joy is not a word i'd use for that place."]
EN_PHONE = ["you can reach me at {PHONE}.", "my cell is {PHONE} but don't call during my shift.",
            "the hotline number they gave us is {PHONE}, nobody answers.", "text me at {PHONE} if you need to."]
EN_ADDRESS = ["i live at {ADDRESS}, so it's close.", "they send everything to {ADDRESS}.",
              "we meet at {ADDRESS} before the shift.", "my mom's place is {ADDRESS}."]
EN_EMAIL = ["my email is {EMAIL}.", "you can email me at {EMAIL} if you want the schedule."]
EN_DATE = ["i got hurt on {DATE}, i remember because it was raining.", "they fired him on {DATE}.",
           "my first day was {DATE}."]
EN_ID = ["my badge number is {ID}.", "my employee id is {ID}, you can check.", "the claim number was {ID}."]
EN_AGE = ["one of our residents is {AGE} years old and she still walks every day.",
          "my grandma, she's {AGE}, she lives with us."]

ES_OPEN = ["pues yo trabajo en {WP} desde hace {n} años.", "este, yo entro a las seis en {WP}.",
           "trabajo de {job} en {WP}, es pesado."]
ES_LISTED = ["{P} es mi supervisora y nos trata mal.", "la señora {P} nos dijo que no hay descanso.",
             "{P} me regañó porque llegué tarde.", "yo le dije a {P} que la máquina estaba rota.",
             "mi jefe, {P}, siempre anda gritando.", "con {P} no se puede hablar."]
ES_UNLISTED = ["mi compañera {U} se lastimó la mano el año pasado.", "don {U} lleva veinte años ahí.",
               "{U} me dijo que fuera al sindicato.", "había un muchacho que se llama {U}, lo corrieron.",
               "mi hija {U} ya está en la prepa.", "le pregunté a {U} y no sabía nada."]
ES_WORDS = ["me duele la cabeza de tanto ruido, dolores de cabeza todos los días.",
            "el mercedes del patrón siempre está en la entrada.", "trabajamos cuarenta horas, a veces más.",
            "nos pagan doce dólares la hora.", "en 2020 cortaron las horas.", "gracias a dios no me corrieron.",
            "la esperanza es que cambie algo.", "tenemos que limpiar como treinta cuartos al día."]
ES_PHONE = ["mi número es {PHONE}.", "me puede llamar al {PHONE}.", "mi celular es {PHONE}, pero en la tarde."]
ES_ADDRESS = ["vivo en {ADDRESS}.", "nos juntamos en {ADDRESS} antes del turno.", "la casa está en {ADDRESS}."]
ES_EMAIL = ["mi correo es {EMAIL}."]
ES_DATE = ["me lastimé el {DATE}.", "entré a trabajar el {DATE}."]
ES_ID = ["mi número de empleado es {ID}.", "el número de mi gafete es {ID}."]

JOBS_EN = ["picker", "cna", "line cook", "housekeeper", "driver", "cashier", "machine operator", "janitor"]
JOBS_ES = ["empacadora", "recamarera", "cocinero", "limpieza", "ayudante"]
DEPTS = ["packaging line", "cold room", "loading dock", "third floor", "front desk"]


def interview(rng: random.Random, i: int, language: str) -> str:
    r = Renderer(rng, language, cased=rng.random() < 0.45)
    es = language == "es"
    wp_name, wp_spoken = rng.choice(ES_WORKPLACES if es else EN_WORKPLACES)
    listed = [r.person(FIRST, SURNAMES) for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.4:
        listed.append((rng.choice(WORD_NAMES), ""))
    roles = ["participant", "supervisor", "co-worker", "manager"]
    header = [f"## dev-{language}-{i:02d}", f"language: {language}",
              "names: " + "; ".join(f"{r.full(p)}/{roles[k % len(roles)]}" for k, p in enumerate(listed)),
              f"workplaces: {wp_name}"]
    lines: list[str] = []
    bank = (ES_OPEN, ES_LISTED, ES_UNLISTED, ES_WORDS, ES_PHONE, ES_ADDRESS, ES_EMAIL, ES_DATE, ES_ID, []) if es else \
        (EN_OPEN, EN_LISTED, EN_UNLISTED, EN_WORDS, EN_PHONE, EN_ADDRESS, EN_EMAIL, EN_DATE, EN_ID, EN_AGE)
    opens, listed_t, unlisted_t, words_t, phone_t, addr_t, email_t, date_t, id_t, age_t = bank
    lines.append(rng.choice(opens).format(WP=r.mark("WORKPLACE", r.case_name(wp_spoken)), n=rng.randint(2, 19),
                                          dept=rng.choice(DEPTS), job=rng.choice(JOBS_ES if es else JOBS_EN)))
    body: list[str] = []
    for p in listed:
        for _ in range(rng.randint(1, 2)):
            body.append(rng.choice(listed_t).replace("{P}", r.mark("PERSON", r.mention(p))))
    for _ in range(rng.randint(1, 3)):
        body.append(rng.choice(unlisted_t).replace("{U}", r.mark("UPERSON", r.mention(r.person(FIRST, SURNAMES)))))
    body += rng.sample(words_t, k=min(len(words_t), rng.randint(2, 4)))
    if rng.random() < 0.8:
        body.append(rng.choice(phone_t).replace("{PHONE}", r.mark("PHONE", r.phone())))
    if rng.random() < 0.75:
        body.append(rng.choice(addr_t).replace("{ADDRESS}", r.mark("ADDRESS", r.address())))
    if rng.random() < 0.5:
        body.append(rng.choice(email_t).replace("{EMAIL}", r.mark("EMAIL", r.email(listed[0]))))
    if rng.random() < 0.6:
        body.append(rng.choice(date_t).replace("{DATE}", r.mark("DATE", r.date())))
    if rng.random() < 0.5:
        body.append(rng.choice(id_t).replace("{ID}", r.mark("ID_NUMBER", r.id_number())))
    if age_t and rng.random() < 0.25:
        body.append(rng.choice(age_t).replace("{AGE}", r.mark("AGE", r.age())))
    rng.shuffle(body)
    lines += body
    return "\n".join(header) + "\n" + finish(r, lines) + "\n"


def main() -> int:
    rng = random.Random(20261201)
    print("# Confidant de-identification dev set v2 (generated by gen_dev_v2.py; tuned on).")
    print("# Markers [[TYPE|text]]; UPERSON = a person nobody listed. No real people; 555 numbers.")
    for i in range(30):
        print(interview(rng, i, "en"))
    for i in range(18):
        print(interview(rng, i, "es"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
