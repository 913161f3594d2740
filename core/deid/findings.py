"""What detection returns: a span of text that may identify someone, and why."""

from __future__ import annotations

from dataclasses import dataclass

# Entity types every recognizer maps to. Role-labelled persons (SUPERVISOR, CO-WORKER, ...)
# come from the researcher's own labels and count as persons.
ENTITY_TYPES = ("PERSON", "WORKPLACE", "LOCATION", "ADDRESS", "PHONE", "EMAIL", "DATE", "AGE",
                "ID_NUMBER")
# Types whose placeholder is numbered per distinct original ([PERSON 1], [WORKPLACE 2]);
# the others get one fixed label ([PHONE], [EMAIL], [ADDRESS]).
# A city, state, country or region named alone is a place note, not a proposal (decision 0195):
# it is shown in the review as kept, for the researcher to hide or generalise where it narrows
# who spoke; street addresses, crossings and workplaces with their locator stay proposals.
PLACE_NOTE_TYPE = "LOCATION"
PLACE_NOTE_SOURCE = "place_note"  # the review's source for a place note filed as kept
FIXED_LABEL_TYPES = {"PHONE": "[PHONE]", "EMAIL": "[EMAIL]", "ADDRESS": "[ADDRESS]",
                     "ID_NUMBER": "[ID NUMBER]", "AGE": "[AGE: 90 or older]"}


def is_person_type(entity_type: str) -> bool:
    """PERSON or a role the researcher labelled (SUPERVISOR, CO-WORKER, ...)."""
    return entity_type not in ENTITY_TYPES or entity_type == "PERSON"


def is_place_note(entity_type: str) -> bool:
    """A place named alone (LOCATION): noted, kept in the text unless the researcher hides it."""
    return entity_type == PLACE_NOTE_TYPE


@dataclass(frozen=True)
class Finding:
    """A detected span ``text[start:end]``.

    ``canonical`` names who or what it is (so "bob" and "Robert Smith" share a pseudonym);
    ``label`` is the generalised form where one is kept (a date's month and year).
    """

    start: int
    end: int
    entity_type: str
    text: str
    score: float
    recognizer: str
    canonical: str = ""
    label: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"start": self.start, "end": self.end, "entity_type": self.entity_type,
                                  "text": self.text, "score": round(self.score, 3), "recognizer": self.recognizer}
        if is_place_note(self.entity_type):
            out["place_note"] = True  # kept unless the researcher hides it (decision 0195)
        return out
