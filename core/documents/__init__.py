"""Typed documents that travel between laptops: the interview document (interview.json of
docs/packet-format.md §5.2) as frozen data classes, with one parser that is its validator.

Sits below the vault in the layer order (the coordinator's inbox repository returns these
types), so it imports only ``core.errors`` and the standard library; never Qt or anything above.
"""

from core.documents.interview import INTERVIEW_FORMAT, InterviewDoc, InvalidInterviewDoc

__all__ = ["INTERVIEW_FORMAT", "InterviewDoc", "InvalidInterviewDoc"]
