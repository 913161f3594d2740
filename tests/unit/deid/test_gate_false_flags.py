"""The second look's false flags on the test v4 English set, by class (decision 0198): what a
transcriber's layout, a stage note or a spoken time puts in the text is not asked about; the
near miss next to each is still flagged."""

from __future__ import annotations

from core.deid.gate import second_look


def _look(text, hidden=()):
    return [(s.entity_type, s.text) for s in second_look(text, list(hidden), [], lambda t: [])]


def test_timestamps_and_turn_labels_are_layout():
    text = ("[00:00:03] Interviewer: Okay, it's going. Tell me where you work? [00:00:09] Respondent: "
            "I'm a bus operator, and a rider named Ortega told me so.")
    assert _look(text) == [("PERSON", "Ortega")]
    # near miss: six digits with colons that are not a clock, and a capital after a placeholder
    assert ("ID_NUMBER", "44:12:9981") in _look("my badge is 44:12:9981 at the plant, you know. Okay Then")
    assert ("PERSON", "Morales") in _look("[00:01:14] Respondent: [NAME] Morales said so, it was bad.")


def test_a_stage_note_in_brackets_starts_no_sentence():
    text = "After that we got a sign. (laughs) Everybody gets a sign. Participant: (in English) Thank you, yes."
    assert _look(text) == []
    assert _look("we got a sign (laughs) from Ortega, it was good. He is kind.") == [("PERSON", "Ortega")]


def test_acronyms_and_letter_compounds_are_not_names():
    text = "the average handle time, AHT, they want it low. then it's the DSP's call, and my A-number too."
    assert _look(text) == []
    assert _look("the average handle time, they want it low, says Ortega, and Yazzie too.") == \
        [("PERSON", "Ortega"), ("PERSON", "Yazzie")]


def test_holidays_and_peoples_are_not_persons():
    text = "At Hanukkah he gives me a card. In Hmong culture, the daughter-in-law helps. She's Diné too, yes."
    assert _look(text) == []
    assert _look("At work he gives me a card. In Yazzie culture, the daughter helps, you see.") == \
        [("PERSON", "Yazzie")]


def test_the_word_left_after_a_hidden_place_name():
    text = "We've known each other since Gallup High. My son lives in Sunset Park, near it."
    hidden = [(text.index(w), text.index(w) + len(w), "[PLACE]") for w in ("Gallup", "Sunset")]
    assert _look(text, hidden) == []
    assert ("PERSON", "Morales") in _look(text.replace("Gallup High", "Gallup Morales"), hidden)


def test_spoken_times_corrected_and_round_the_clock_are_not_numbers():
    text = ("you start at six, six thirty, to finish early. we come in at two, two thirty, after the kids. "
            "I work all the time. Twenty-four seven. The lawyer from the union, 1199, helped.")
    assert _look(text) == []
    assert _look("es un robo. el sindicato, el 1199, dice que están peleando eso.") == []
    assert _look("the parents who come at six oh five, and we close at six.") == []
    assert [t for t, _ in _look("the code is six oh five five, okay.")] == ["ID_NUMBER"]
    # near miss: an hour then a number read digit by digit, and five digits after the union
    got = _look("call six, five five five, one two one two please. the union number 48213 is mine.")
    assert [t for t, _ in got] == ["ID_NUMBER", "ID_NUMBER"]


def test_a_verb_after_a_contraction_is_no_street():
    assert _look("i walk to the plant, i don't drive no more. okay so that's it then") == []
    assert _look("i walk to the plant on kedzie drive, okay so that's it then") == [("ADDRESS", "kedzie drive")]


def test_a_lower_case_function_word_from_the_detector_is_not_asked_about():
    def detector(t):
        from core.deid.findings import Finding
        # the detector may take the question mark in: "¿lo"
        return [Finding(t.index(w), t.index(w) + len(w), "PERSON", w, 0.6, "presidio") for w in ("¿lo", "Will")
                if w in t]
    text = "ENT.- ¿lo llevaron al doctor? PART.- sí, con Will, el de la noche."
    got = [(s.entity_type, s.text) for s in second_look(text, [], [], detector)]
    assert got == [("PERSON", "Will")]
