"""What detection returns: a span of text that may identify someone, and why."""

from __future__ import annotations

from dataclasses import dataclass

# Entity types every recognizer maps to. Role-labelled persons (SUPERVISOR, CO-WORKER, ...)
# come from the researcher's own labels and count as persons.
ENTITY_TYPES = ("PERSON", "WORKPLACE", "LOCATION", "ADDRESS", "PHONE", "EMAIL", "DATE", "AGE",
                "ID_NUMBER")
# Types whose placeholder is numbered per distinct original ([PERSON 1], [WORKPLACE 2]);
# the others get one fixed label ([PHONE], [EMAIL], [ADDRESS]).
FIXED_LABEL_TYPES = {"PHONE": "[PHONE]", "EMAIL": "[EMAIL]", "ADDRESS": "[ADDRESS]",
                     "ID_NUMBER": "[ID NUMBER]", "AGE": "[AGE: 90 or older]"}


def is_person_type(entity_type: str) -> bool:
    """PERSON or a role the researcher labelled (SUPERVISOR, CO-WORKER, ...)."""
    return entity_type not in ENTITY_TYPES or entity_type == "PERSON"


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
        return {"start": self.start, "end": self.end, "entity_type": self.entity_type,
                "text": self.text, "score": round(self.score, 3), "recognizer": self.recognizer}
