"""Names people say without listing them (round 7, decisions 0248–0250): nicknames given by a
cue and then said again (with the decoys of nicknames that are also words), e-mails dictated
letter by letter and said again, and listed people written with an initial. Every sentence is
written for these tests and goes through the real detector (rules; the learned tagger is off
for the rules' tests, see conftest)."""

from __future__ import annotations

from core.deid.detect import detect
from core.deid.email_said import local_part
from core.deid.findings import is_person_type


def spans(text: str, names=(), language: str = "en") -> list[tuple[str, str]]:
    return [(f.text, f.entity_type) for f in detect(text, names=names, language=language, use_presidio=False)]


def hidden(text: str, secret: str, names=(), language: str = "en", etype: str | None = None, nth: int = 0) -> bool:
    """Whether every character of the ``nth`` occurrence of ``secret`` is inside one finding."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(secret, start + 1)
    end = start + len(secret)
    return any(f.start <= start and end <= f.end and (
        etype is None or f.entity_type == etype or etype == "PERSON" and is_person_type(f.entity_type))
        for f in detect(text, names=names, language=language, use_presidio=False))


def count_hidden(text: str, word: str, names=(), language: str = "en") -> int:
    return sum(hidden(text, word, names, language, nth=k) for k in range(text.count(word)))


# --- 1. nicknames given by a cue, then every mention -------------------------------------------------

def test_a_nickname_someone_calls_you_is_found_everywhere():
    text = ("and reyes is like, goldy, vamos, goldy move it. who's goldy? oh that's me. my name is gurpreet, "
            "but since i was a baby my mom calls me goldy, so now the whole ramp calls me goldy.")
    assert count_hidden(text, "goldy", names=["Gurpreet Singh Sandhu"]) == 5


def test_a_spanish_nickname_after_a_strong_cue_even_if_the_lemmatizer_reads_a_verb():
    text = ("el que manda en la cocina es el perico. sí, jorge, pero le dicen perico porque habla y habla, "
            "como perico. y el perico dice que las mujeres no aguantan la plancha.")
    names = [("Jorge Salgado", "supervisor")]
    # "perico" four times: "es el perico.", "le dicen perico", "como perico" (the bird), "el perico dice"
    assert [hidden(text, "perico", names, "es", nth=k) for k in range(4)] == [True, True, False, True]


def test_everybody_says_the_name_at_a_turns_end():
    text = "P1: okay, i'm yesenia\nP2: luz. lucha, everybody says lucha\nP3: and i'm shirley"
    assert hidden(text, "lucha", nth=1)
    assert not any(t == "gracias" for t, _ in spans("P2: everybody says gracias\nP3: yes"))


def test_a_nickname_pointed_back_at():
    text = ("dice que el mayordomo es el pollo. (se ríe) es que así le decimos. y el pollo dijo que "
            "siguieran. ese día había traído pollo para el lonche.")
    assert hidden(text, "el pollo", language="es")
    assert hidden(text, "pollo dijo"[:5], language="es", nth=1)
    # the chicken for lunch is food: this interview says the word as a word, so only a name's use counts
    assert not hidden(text, "pollo para", language="es")
    text = 'cuando dice "el mello", es un apodo? sí, porque tiene un gemelo. con el mello sí hay confianza.'
    assert hidden(text, "el mello", language="es") and hidden(text, "el mello", language="es", nth=1)
    # "what they call me" after a possessive names a thing said, not the nickname
    assert not hidden("she tell everybody, ti-ange is my angel. that's what they call me", "angel")


def test_an_article_nickname_is_the_person_with_other_articles_and_capitalised():
    text = ("le decimos el Chino porque tiene el pelo bien chino. ya cuando se va vuelve a ser el mismo Chino "
            "de siempre. fue idea del chino, no de ellos. comimos arroz chino y el chino mandarín es difícil.")
    assert [hidden(text, "Chino", language="es", nth=k) for k in range(2)] == [True, True]  # el mismo Chino
    # "pelo bien chino", "del chino", "arroz chino", "el chino mandarín"
    assert [hidden(text, "chino", language="es", nth=k) for k in range(4)] == [False, True, False, False]


def test_a_nickname_beside_a_listed_name():
    names = [("Sandra Pulido", "supervisor"), ("Gustavo Adolfo Leal", "supervisor")]
    text = ("nuestra supervisora es la güera. se llama sandra, pero nadie le dice sandra. una vez la pulido, "
            "o sea la güera, quería que limpiáramos sin guantes. arriba de la güera no sé quién está.")
    assert count_hidden(text, "güera", names, "es") == 3
    text = "y el supervisor, el gordo, gustavo, que es venezolano, te trata bien. el gordo siempre llega."
    assert hidden(text, "el gordo", names, "es") and hidden(text, "gordo", names, "es", nth=1)
    # a trade, a people or a day beside a name is no nickname
    for text in ("mira, la coordinadora, sandra, ella manda.", "el martes, gustavo llegó tarde.",
                 "la supervisora nueva, sandra, la vietnamita, no es mala persona."):
        assert not any(t.startswith(("la coordinadora", "el martes", "la vietnamita"))
                       for t, _ in spans(text, names, "es")), text


def test_a_nickname_that_is_a_word_when_the_interview_also_says_the_word():
    text = ("everybody calls her peaches. peaches said no. they be serving the canned peaches every friday. "
            "thank you peaches.")
    # "calls her peaches", "peaches said", "the canned peaches", "thank you peaches"
    assert [hidden(text, "peaches", nth=k) for k in range(4)] == [True, True, False, True]


# --- 2. e-mails dictated and said again ------------------------------------------------------------------

def test_a_local_part_spelled_with_pauses_is_part_of_the_email():
    text = "okay, i will spell. m, p, l, o, u, i, s, five, zero, nine, at g mail dot com. thank you"
    assert hidden(text, "m, p, l, o, u, i, s, five, zero, nine, at g mail dot com", etype="EMAIL")
    text = "Q - and email A - meri tesfaye twenty five at gmail dot com, all one word"
    assert hidden(text, "meri tesfaye twenty five at gmail dot com", etype="EMAIL")
    text = "si quieren, escríbanme, junior rivera 787 arroba icloud punto com, todo junto."
    assert hidden(text, "junior rivera 787 arroba icloud punto com", language="es", etype="EMAIL")
    # the words before the dictation are not the address
    found = dict(spans(text, language="es"))
    assert not any(t.startswith(("escríbanme", "si quieren")) for t in found)


def test_the_local_part_said_again():
    cases = [
        ("mi correo es martaelena punto chicas arroba gmail punto com. martaelena todo junto.", "martaelena", 1, "es"),
        ("tigist dot h dot haile at outlook dot com. tigist, dot, h, dot, haile. h-a-i-l-e", "tigist, dot, h, dot, haile",
         0, "en"),
        ("el correo es kevinrivas503 arroba yahoo punto com, kevin rivas y cinco cero tres, como el código.",
         "kevin rivas y cinco cero tres", 0, "es"),
        ("es tatapena.r arroba gmail punto com. lo deletreo? t, a, t, a, p, e, n, a, punto, r, arroba gmail.",
         "t, a, t, a, p, e, n, a, punto, r", 0, "es"),
        ("wes dot woodchery at gmail dot com. no hyphen. wood chery all together", "wood chery", 0, "en"),
        ("yuyi_hq arroba hotmail punto com, yuyi es mi apodo, ye u ye i. perfecto.", "ye u ye i", 0, "es"),
    ]
    for text, secret, nth, lang in cases:
        assert hidden(text, secret, language=lang, nth=nth), secret


def test_words_that_only_look_like_a_local_part_stay():
    text = "my email is big dot mike at gmail dot com. the big guy, mike, he is nice. it was a big day."
    assert not hidden(text, "big day")
    assert local_part("t, a, t, a, p, e, n, a, punto, r, arroba gmail") == "tatapena.r"
    assert local_part("meri tesfaye twenty five at gmail dot com") == "meritesfaye25"
    # no e-mail found, nothing said again
    assert ("kevin rivas y cinco cero tres", "EMAIL") not in spans("martaelena todo junto, y kevin rivas y cinco cero tres",
                                                                  language="es")
    assert ("martaelena", "EMAIL") not in spans("martaelena todo junto", language="es")


# --- 3. listed people with an initial; titles ------------------------------------------------------------

def test_an_initial_before_a_listed_surname_and_a_middle_initial():
    names = [("Donna Mancuso", "supervisor")]
    assert hidden('and the signature is "d. mancuso." so, is that fair?', "d. mancuso", names)
    # another initial is another person: only the surname is that listed person
    assert not hidden("a. mancuso signed it", "a. mancuso", names)
    names = [("Wandy Rafael Almonte Batista", "participant")]
    assert hidden('"dear mister wandy r. almonte, re: claim petition"', "wandy r. almonte", names, "es")


def test_a_spanish_doctor_title_before_a_surname():
    assert hidden("fuimos a la clínica. la doctora nakashima la atendió, muy buena.", "nakashima", language="es")
    assert not hidden("la doctora dijo que no era nada", "dijo", language="es")


def test_a_listed_hyphenated_surname_spelled_with_the_word_dash():
    names = [("Mirlande Pierre-Louis", "participant")]
    text = "the last name is pierre-louis, with the dash. p-i-e-r-r-e, dash, l-o-u-i-s Interviewer: perfect"
    assert hidden(text, "p-i-e-r-r-e, dash, l-o-u-i-s", names)
    # letters and a dash that spell no listed name stay speech
    assert spans("plan a, dash, plan b, it's all the same", names) == []


def test_everybody_says_the_name_before_the_next_turns_label():
    text = "P1: okay, i'm yesenia P2: luz. lucha, everybody says lucha P3: and i'm shirley"
    assert hidden(text, "lucha", nth=1)
    assert not hidden("P2: everybody says the same thing P3: yes", "the")


def test_the_name_an_email_gives_a_listed_person():
    names = [("Mei-Ling Zhao", "participant")]
    text = ("respondent: lily. my chinese name is mei-ling, but at work it's lily. he told me, lily, sign it. "
            "she grows a lily in the garden. my email is lily underscore zhao at gmail dot com. thank you lily")
    # "respondent: lily.", "it's lily", ", lily,", "a lily in the garden" (the flower), the e-mail, "thank you lily"
    assert [hidden(text, "lily", names, nth=k) for k in range(6)] == [True, True, True, False, True, True]
    names = [("Héctor Luis Rivera Ayala", "participant")]
    text = ("y yo junior. bueno, héctor luis rivera, pero nadie me dice héctor. escríbanme, junior rivera 787 "
            "arroba icloud punto com, todo junto. el junior de la casa es mi hijo.")
    assert [hidden(text, "junior", names, "es", nth=k) for k in range(3)] == [True, True, False]
    # without a listed name part in the address, nothing is read from it
    text = "my email is lily underscore rose at gmail dot com. a lily, she said, is a flower."
    assert not hidden(text, "lily", nth=1)


def test_a_spelled_email_read_back_does_not_claim_a_spelled_name():
    names = [("Mirlande Pierre-Louis", "participant")]
    text = ("the last name is pierre-louis, with the dash. p-i-e-r-r-e, dash, l-o-u-i-s Interviewer: perfect. "
            "Participant: email. m, p, l, o, u, i, s, five, zero, nine, at g mail dot com Interviewer: let me read "
            "it back. m-p-l-o-u-i-s-5-0-9 at gmail dot com?")
    assert hidden(text, "p-i-e-r-r-e, dash, l-o-u-i-s", names, etype="PERSON")
    assert hidden(text, "m, p, l, o, u, i, s, five, zero, nine, at g mail dot com", names, etype="EMAIL")
