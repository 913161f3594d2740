"""People nobody listed, in any casing and in Spanish; everyday words that are names need a
cue; "hour" is never a person (with spaCy, as the interview path runs it)."""

from __future__ import annotations

import pytest

from core.deid.detect import detect
from core.deid.people import guess_language, lexicon_people


def persons(text: str, **kw) -> list[str]:
    return [f.text for f in detect(text, **kw) if f.entity_type == "PERSON"]


@pytest.mark.parametrize("text, names", [
    ("so patricia desrosiers told me that naomi ryan and eva kleist were fired",
     ["patricia desrosiers", "naomi ryan", "eva kleist"]),
    ("Maureen Thibault called, and Johannes Varvio said Tiffany was out", ["Maureen Thibault", "Johannes Varvio",
                                                                            "Tiffany"]),
    ("isabel and tiffany run the front", ["isabel", "tiffany"]),
    ("maría de la cruz y josé luis ramírez ortega trabajan con garcía-lópez",
     ["maría de la cruz", "josé luis ramírez ortega", "garcía-lópez"]),
    ("lupita, chuy y pancho llegan temprano", ["lupita", "chuy", "pancho"]),
    ("my supervisor rose said no", ["rose"]),
    ("grace said it was fine", ["grace"]),
    ("i talked to ramirez about it", ["ramirez"]),
    ("la señora dolores nos dijo que no", ["dolores"]),
])
def test_unlisted_people_without_capitals(text, names):
    found = [f.text for f in lexicon_people(text)]
    for name in names:
        assert name in found, (name, found)


@pytest.mark.parametrize("text", [
    "i hope we get the bus and i think so",
    "the white truck was long and we will see",
    "we worked with grace and joy in our hearts",
    "me duele la cabeza, dolores de cabeza todos los días, y el mercedes del jefe",
    "gracias por todo, y gracias a dios",
    "somebody called osha",
])
def test_everyday_words_are_not_people(text):
    assert [f.text for f in lexicon_people(text)] == []


def test_hour_is_never_a_person(presidio):
    text = ("they send everything to 2231 East 14th Street, Apartment 3B, Oakland. it takes an hour. "
            "an hour later the hour was up, hour after hour")
    assert "hour" not in [p.lower() for p in persons(text)]


def test_spanish_pipeline_reads_spanish(presidio):
    text = "mi supervisora la señora guadalupe martínez me dijo que llamara a don rafael en la calle mission"
    found = persons(text, language="es")
    assert any("guadalupe martínez" == p for p in found), found
    assert any("rafael" in p for p in found), found
    assert not any(p.endswith(" me") for p in found)  # NER spans lose their function words
    from core.deid import engine
    assert engine.is_loaded("es")


def test_all_capitals_are_read(presidio):
    text = "MY SUPERVISOR MARIA GONZALEZ SAID TO CALL 217-555-0192. SHE LIVES AT 2231 EAST 14TH STREET."
    found = {(f.entity_type, f.text) for f in detect(text)}
    assert ("PERSON", "MARIA GONZALEZ") in found and ("PHONE", "217-555-0192") in found
    assert ("ADDRESS", "2231 EAST 14TH STREET") in found


def test_language_guess():
    assert guess_language("so i told her that the schedule is not fair and she was mad at me") == "en"
    assert guess_language("pues yo le dije que el horario no es justo y ella se enojó con mi hermana") == "es"
    assert guess_language("ok") is None


def test_names_from_other_interviews_of_the_vault_are_found(vault):
    """A supervisor listed by one participant is found when another mentions her unlisted."""
    from core.deid import review
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    repo = InterviewRepo(vault)
    first = repo.create("P-041", "SITE-A")
    second = repo.create("P-042", "SITE-A")
    # A surname in no lexicon, with no cue: only the vault knows it is a person.
    TranscriptRepo(vault).create(second.id, [Segment(0, 3000, "so yesterday tlaxcaltecatl kept the keys")])
    run_job(review.make_detect_job(vault, second.id))
    assert not review.list_redactions(vault, second.id)
    repo.add_protected_name(first.id, "Itzel Tlaxcaltecatl", "supervisor")
    run_job(review.make_detect_job(vault, second.id))
    assert [(r.entity_type, r.original) for r in review.list_redactions(vault, second.id)] == [
        ("PERSON", "tlaxcaltecatl")]


def test_listed_surname_with_particles_said_alone():
    found = [(f.entity_type, f.text) for f in detect("so de los santos said no, and van der berg agreed",
                                                   names=[("Jericho De Los Santos", "supervisor"),
                                                          ("Mele Van Der Berg", "person")], use_presidio=False)]
    assert found == [("SUPERVISOR", "de los santos"), ("PERSON", "van der berg")]
    # ...but "de" and "los" alone are not the person
    assert detect("la casa de los abuelos", names=[("Jericho De Los Santos", "supervisor")],
                  use_presidio=False) == []
