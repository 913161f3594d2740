"""Classes of miss and false person seen on the development sets (issue 14, names round 4), one
test per class, through the real detector on sentences written for these tests (not copied from
any set). Each class has its near miss: the same shape that must keep its other reading.
"""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.findings import is_person_type
from core.deid.names import parse_entry


def persons(text: str, names=(), language: str = "en") -> list[str]:
    return [f.text for f in detect(text, names=names, use_presidio=False, language=language)
            if is_person_type(f.entity_type)]


def person_covers(text: str, secret: str, names=(), language: str = "en") -> bool:
    start = text.index(secret)
    return any(is_person_type(f.entity_type) and f.start <= start and f.end >= start + len(secret)
               for f in detect(text, names=names, use_presidio=False, language=language))


# --- 1. Spanish word forms that a name list also holds --------------------------------------------
@pytest.mark.parametrize("text", [
    "mi suegra está triste porque su esposo murió hace poco",
    "le hablo por teléfono los domingos, cuando puedo",
    "entro a las seis y salgo a las dos de la mañana",
    "trabajamos juntas en la máquina, ella mete y yo saco",
    "tengo a mi esposa y dos niños en honduras",
    "mi esposo trabaja de noche y yo de día",
    "es un señor serio, no es malo",
])
def test_spanish_word_forms_are_not_people(text: str) -> None:
    assert persons(text, language="es") == []


@pytest.mark.parametrize(("text", "secret"), [
    ("en la línea trabajo con yesenia, ella es buena gente", "yesenia"),
    ("mi compañera nayeli me dijo que no firmara", "nayeli"),
    ("la señora lupe es la que manda en la cocina", "lupe"),
    ("le pregunté a kahale si iba a venir", "kahale"),
])
def test_spanish_names_stay_people(text: str, secret: str) -> None:
    assert person_covers(text, secret, language="es")


# --- 2. names that are places here ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "language"), [
    ("she lives in san francisco now, two buses away", "en"),
    ("i came from peru when i was nineteen", "en"),
    ("in winter we go to yuma, arizona, for the lettuce", "en"),
    ("the 72 on san pablo is always late", "en"),
    ("most of us are from eritrea and ethiopia", "en"),
    ("soy de huehuetenango, de guatemala, y hablo mam", "es"),
    ("llevo doce años aquí en san francisco", "es"),
    ("somos del mismo barrio en santiago", "es"),
])
def test_places_are_not_people(text: str, language: str) -> None:
    assert persons(text, language=language) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("i talked to maria today about the schedule", "maria"),
    ("we took tracy's car to the meeting", "tracy"),
    ("my coworker jackson said we should go", "jackson"),
])
def test_names_that_are_also_places_stay_people(text: str, secret: str) -> None:
    assert person_covers(text, secret)


# --- 3. everyday English words after a person cue -----------------------------------------------
@pytest.mark.parametrize("text", [
    "twelve rooms and i could do a good job",
    "my husband laughs at me when i count the days",
    "my mom watches him at night",
    "it's a twelve, fourteen hour day and i get paid for nine",
    "i got my school bus certificate and i started in the fall",
    "if i'm out, my wife will answer and find me",
    "they moved us to a new system in May and I lost forty minutes",
    "the one on telegraph near the bart, by the school",
])
def test_everyday_words_are_not_people(text: str) -> None:
    assert persons(text) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("my coworker oyelaran quit last week", "oyelaran"),
    ("tyrell and i went to hr together", "tyrell"),
    ("i work with bart on the night shift", "bart"),
])
def test_unlisted_names_after_cues_stay_people(text: str, secret: str) -> None:
    assert person_covers(text, secret)


# --- 4. how the researcher writes a name on the list ---------------------------------------------
def test_quoted_nickname_is_an_alias() -> None:
    assert parse_entry('Luis "Big Lou" Ortega') == ("Luis Ortega", ["Big Lou"])


@pytest.mark.parametrize(("entry", "text", "secret"), [
    ('Luis "Big Lou" Ortega', "everybody knows big lou, he fixes the totes", "big lou"),
    ("Chef Dominic Russo", "dominic runs the line on fridays", "dominic"),
    ("Mister Collins", "el mister collins dijo okay okay", "collins"),
    ("El Flaco", "el flaco me dijo que no viniera", "el flaco"),
    ("Ye Lin", "ye lin said we should stay", "ye lin"),
])
def test_listed_names_with_titles_and_nicknames_are_found(entry: str, text: str, secret: str) -> None:
    assert person_covers(text, secret, names=[entry], language="es" if " el " in f" {text}" else "en")


@pytest.mark.parametrize(("entry", "text", "language"), [
    ('Luis "Big Lou" Ortega', "i work at the big one off the freeway", "en"),
    ("Chef Dominic Russo", "a pastry girl and the chef expediting the tickets", "en"),
    ("Mister Collins", "le decimos el míster, es buena onda", "es"),
    ("El Flaco", "aunque ya no está flaco, le decimos así", "es"),
    ("Ye Lin", "A: Yes. Everybody knows it.", "en"),
])
def test_title_words_of_a_listed_name_are_not_the_person(entry: str, text: str, language: str) -> None:
    assert persons(text, names=[entry], language=language) == []


# --- 5. listed names that are words, alone and in lower case -------------------------------------
@pytest.mark.parametrize(("entry", "text", "secret", "language"), [
    ("Joy Banks", "we did it once. me, joy, and rowena wrote a letter", "joy", "en"),
    ("Frank Mills", "still waiting. frank put in a good word for me", "frank", "en"),
    ("Bill Haskins", "how's your supervisor? bill. haskins. he's fine", "bill", "en"),
    ("Hope Carter", "two of us in the room, me and my assistant hope", "hope", "en"),
    ("May Soto", "he said he will report it. may also told him", "may", "en"),
    ("Rick Beaudry", "my on-road sup is rick. beaudry. he's old school", "rick", "en"),
    ("Destiny Cole", "thank you destiny, for real", "destiny", "en"),
    ("Dolores Vega", "la sous chef de banquetes es dolores, ella es mexicana", "dolores", "es"),
    ("Jesús Ramírez", "y un compañero, el chuy, bueno jesús, es el houseman", "jesús", "es"),
    ("Rosa Diaz (Ro)", "everybody on the line just calls me ro.", "ro", "en"),
])
def test_listed_word_names_with_a_cue_are_found(entry: str, text: str, secret: str, language: str) -> None:
    assert person_covers(text, secret, names=[entry], language=language)


@pytest.mark.parametrize(("entry", "text"), [
    ("Hope Carter", "i hope, she's going to be fine"),
    ("Will Chen", "he said he will report it to the office"),
    ("May Soto", "you may go home early on fridays"),
    ("Joy Banks", "it was a joy, and i liked the crew"),
    ("Frank Mills", "to be frank, i needed the money"),
])
def test_the_same_words_as_words_stay_unflagged(entry: str, text: str) -> None:
    assert persons(text, names=[entry]) == []


# --- 6. Spanish "whose": a kin word, then "del" -----------------------------------------------------
def test_the_owners_wife_is_not_a_surname() -> None:
    assert persons("la que manda es la esposa del dueño, doña lupe", language="es") == ["lupe"]


def test_a_particle_surname_after_a_role_is_found() -> None:
    assert person_covers("mi supervisora de la cruz nos dijo que no", "de la cruz", language="es")


# --- 7. a listed person by a nickname nobody wrote down ---------------------------------------------
@pytest.mark.parametrize(("entry", "text", "secret", "language"), [
    ("Lázaro Fundora", "después laza habló con el supervisor y me lo quitaron", "laza", "es"),
    ("Tomás Xiloj", "fue tomás. tomasito, le decimos", "tomasito", "es"),
    ("Nguyen Thi Hoa", "todos le decimos hoa o hoita, ella casi no habla", "hoita", "es"),
    ("Refugio Maldonado", "mis hermanos me empezaron a decir cuco, y se quedó", "cuco", "es"),
    ("Florentino Ruiz", "the checker is nice, she call me tino", "tino", "en"),
    ("Russell Pike", "rusty passed out in the heat", "rusty", "en"),
    ("Chase Boudreaux", "y santos habló con chase y no pudo hacer nada", "chase", "es"),
    ("Grace Ocampo", "with ma'am grace yes, with the administrator no", "grace", "en"),
])
def test_listed_people_by_unlisted_nicknames(entry: str, text: str, secret: str, language: str) -> None:
    assert person_covers(text, secret, names=[entry], language=language)


@pytest.mark.parametrize(("entry", "text", "language"), [
    ("Russell Pike", "they want to sell the plant next year", "en"),
    ("Ernesto Díaz", "esto es lo que pasa en la planta", "es"),
    ("Lázaro Fundora", "la pieza se rompió otra vez", "es"),
])
def test_parts_of_a_listed_name_that_are_words_stay_words(entry: str, text: str, language: str) -> None:
    assert persons(text, names=[entry], language=language) == []


# --- 8. a listed name that is a word, after an article ---------------------------------------------
@pytest.mark.parametrize(("entry", "text", "language"), [
    ("Luz Arteaga", "y no se le olvide apagar la luz cuando salga", "es"),
    ("Rosario Vega", "we all prayed the rosario for nine days", "en"),
    ("Reina Castillo", "mi esposa mira la novela, la reina del sur", "es"),
])
def test_a_listed_word_after_an_article_is_the_word(entry: str, text: str, language: str) -> None:
    assert persons(text, names=[entry], language=language) == []


@pytest.mark.parametrize(("entry", "text", "secret"), [
    ("Esperanza Villaseñor", "y la esperanza, la cajera, nos cubre a veces", "esperanza"),
    ("Luz Arteaga", "la luz me dijo que no había turno", "luz"),
])
def test_a_listed_word_after_an_article_set_off_or_cued_is_the_person(entry: str, text: str, secret: str) -> None:
    assert person_covers(text, secret, names=[entry], language="es")


# --- 9. kin words, thanks in other languages, bare verbs after a person noun ------------------------
@pytest.mark.parametrize(("text", "language"), [
    ("with my wife, my two kids, mi tía, and my cousin. mi tía is eighty-nine", "en"),
    ("mèsi anpil, see you next week", "en"),
    ("thank you also. salamat po.", "en"),
    ("my phone is on. my daughter answer if i don't", "en"),
    ("last year a new guy mix two things, the bleach and the other one", "en"),
    ("se acumulan los pollos y el supervisor grita", "es"),
    ("es una presión, chamo, una presión", "es"),
])
def test_kin_words_greetings_and_verbs_are_not_people(text: str, language: str) -> None:
    assert persons(text, language=language) == []


def test_a_turn_label_is_not_a_person() -> None:
    text = "Interviewer: how many rooms do you clean in a day\nParticipant: they give us fourteen, fifteen."
    assert not [f for f in detect(text) if is_person_type(f.entity_type) and f.text == "Participant"]


# --- 10. written text: capitalised names the lexicon holds only in part ----------------------------
@pytest.mark.parametrize(("text", "secret"), [
    ("Wisława Szczepańska's killers were sentenced today.", "Wisława Szczepańska"),
    ("I want to add Irenke Sörös as a beneficiary to my account.", "Irenke Sörös"),
    ("They had six: Efimiya, Mary, Ariana, Isabel and Teresa.", "Efimiya"),
    ("The firm is the brainchild of three founders: Eklund, Michael and Hodge.", "Eklund"),
    ("Ubul: What a wife.\nNicole: Remember me?", "Ubul"),
])
def test_capitalised_names_in_written_text(text: str, secret: str) -> None:
    assert person_covers(text, secret)


@pytest.mark.parametrize("text", [
    "We met on Monday, Tuesday and Friday to plan the Big Sale.",
    "INT: so you work nights?\nP1: yes, four nights.",
    "Break: fifteen minutes. Total: eight hours.",
    "Q: ok, dale, ya estamos. ¿cómo te sientes?",
])
def test_capitalised_words_that_are_no_names(text: str) -> None:
    assert persons(text, language="es" if "¿" in text else "en") == []


@pytest.mark.parametrize(("text", "secret", "near_miss"), [
    ("una muchacha de ahí, la licenciada cárcamo, nos ayudó", "cárcamo", "la licenciada de la oficina nos ayudó"),
    ("el ingeniero castro estudió en santo domingo", "castro", "el ingeniero de planta no vino"),
])
def test_a_professional_title_before_a_surname(text: str, secret: str, near_miss: str) -> None:
    assert person_covers(text, secret, language="es")
    assert persons(near_miss, language="es") == []


# --- 11. a listed word-name the interview has already used as the person ---------------------------
@pytest.mark.parametrize(("entry", "text", "secret"), [
    ("Hope Ruiz", "me and my assistant hope. well, usually hope. sometimes they pull her", "usually hope"),
    ("Bill Haskins", "my supervisor is bill. if bill say one time good job, that's enough", "if bill say"),
    ("Earl Baker", "okay earl, thanks. my wife said earl you're driving me crazy", "said earl"),
])
def test_a_confirmed_word_name_is_the_person_again(entry: str, text: str, secret: str) -> None:
    word = secret.split()[-1] if secret.split()[-1] not in ("say",) else secret.split()[1]
    start = text.index(secret) + secret.index(word)
    found = detect(text, names=[entry], use_presidio=False)
    assert any(is_person_type(f.entity_type) and f.start <= start < f.end for f in found)


@pytest.mark.parametrize(("entry", "text", "people"), [
    ("Hope Ruiz", "my supervisor hope said yes. i hope so, and we have hope", 1),
    ("Bill Haskins", "my supervisor is bill. the bill came late, so bill said sorry", 2),
    ("June Park", "my lead june said no. in june they gave us a raise", 1),
    ("Will Chen", "my supervisor will said it. he will be late, and it will be fine", 1),
])
def test_the_word_stays_a_word_after_the_person(entry: str, text: str, people: int) -> None:
    word = entry.split()[0].lower()
    found = [f.text.lower() for f in detect(text, names=[entry], use_presidio=False) if is_person_type(f.entity_type)]
    assert found.count(word) == people, found


def test_a_nickname_set_off_after_the_listed_name() -> None:
    text = "four in the morning. terrence, tee, he was on the window. after that tee didn't come back."
    found = [(f.start, f.text) for f in detect(text, names=["Terrence Lyle"], use_presidio=False)
             if is_person_type(f.entity_type)]
    assert [t for _, t in found].count("tee") == 2


def test_a_word_set_off_after_a_name_without_a_pronoun_stays() -> None:
    text = "i told terrence, sorry, the truck was late"
    assert "sorry" not in persons(text, names=["Terrence Lyle"])
