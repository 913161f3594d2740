"""The interview document (interview.json, docs/packet-format.md §5.2) as frozen data classes.

``InterviewDoc.from_json`` is the one validator: every field the spec names must be there
with the type the spec gives it (a bool is not a number, a list is not an object), segment
indexes are distinct, and tags and memos point at segments that exist. Whatever passes can
be stored, aggregated and written into every report without another check; whatever fails
says where (``deid.redactions: expected an object of counts, got a list``). Keys the spec
does not name are ignored (§5.2: readers MUST ignore keys they do not know).

``to_json`` gives back the spec's dict, so ``from_json(doc.to_json()) == doc``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from core.errors import CoreError, Join, Msg

INTERVIEW_FORMAT = "confidant-interview/1"
# Larger numbers than this cannot be stored (SQLite's integers) or compared safely in JSON.
MAX_INT = 2**53

T = TypeVar("T")


class InvalidInterviewDoc(CoreError):
    """interview.json does not follow docs/packet-format.md §5.2; ``problems`` says where."""

    user_message = "The interview data does not follow the packet format."
    hint = "Ask the researcher to update Confidant and export the interview again."

    def __init__(self, problems: list[str]) -> None:
        # Each problem names a field of the format and what it holds ("consent.method:
        # expected text, got a number"): technical details, kept as written.
        self.problems = problems
        super().__init__(Msg("documents.invalid", problems=Join(problems, "; ")))


@dataclass(frozen=True)
class Consent:
    method: str        # "verbal" | "written" ("" when none was recorded)
    witnessed: bool


@dataclass(frozen=True)
class InterviewMeta:
    code: str          # participant code, never a name
    site: str
    month: str         # "YYYY-MM": the month is given, never the day
    language: str
    consent: Consent


@dataclass(frozen=True)
class GuideRef:
    id: str
    version: str
    title: str

    @property
    def full_version(self) -> str:
        """``id@version``, how reports and filters name a guide version."""
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class CodebookEntry:
    id: str
    label: str
    description: str
    parent: str | None

    @property
    def display_label(self) -> str:
        return self.label or self.id


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    section: str


@dataclass(frozen=True)
class Segment:
    index: int
    question_id: str | None
    speaker: str       # "interviewer" | "participant" | ""
    start_ms: int
    end_ms: int
    text: str          # de-identified


@dataclass(frozen=True)
class Tag:
    segment: int       # a Segment.index of the same document
    theme: str
    start: int | None  # character span in the segment's text, or the whole segment
    end: int | None
    source: str        # "auto" | "manual"

    def span(self, text: str) -> tuple[int, int] | None:
        """The coded character span if it is a real span inside ``text``, else None."""
        if self.start is not None and self.end is not None and 0 <= self.start < self.end <= len(text):
            return self.start, self.end
        return None


@dataclass(frozen=True)
class Memo:
    segment: int | None
    text: str


@dataclass(frozen=True)
class Deid:
    signed_off_at: str
    redactions: tuple[tuple[str, int], ...]   # (entity type, count), sorted by type

    def redaction_counts(self) -> dict[str, int]:
        return dict(self.redactions)

    @property
    def n_redactions(self) -> int:
        return sum(n for _kind, n in self.redactions)


@dataclass(frozen=True)
class AppInfo:
    name: str
    version: str


@dataclass(frozen=True)
class StudyRef:
    """The study the interview was made for (the researcher joined its study file)."""

    id: str            # 32 lowercase hex digits
    version: int


@dataclass(frozen=True)
class InterviewDoc:
    """One de-identified interview as it leaves the researcher's laptop."""

    packet_id: str
    supersedes: str | None
    interview: InterviewMeta
    guide: GuideRef
    codebook: tuple[CodebookEntry, ...]
    questions: tuple[Question, ...]
    segments: tuple[Segment, ...]
    tags: tuple[Tag, ...]
    memos: tuple[Memo, ...]
    deid: Deid
    app: AppInfo
    study: StudyRef | None = None   # optional in §5.2: absent when the vault joined no study
    # Not part of interview.json: the device that signed the packet (from its verified header),
    # set by the coordinator's inbox. Packet ids are unique per device only (spec §8), so an
    # interview is named by (device_fingerprint, packet_id); "" on the researcher's side.
    device_fingerprint: str = ""

    @classmethod
    def from_json(cls, obj: Any, *, device_fingerprint: str = "") -> InterviewDoc:
        """Parse and validate a decoded interview.json; raises ``InvalidInterviewDoc``."""
        return replace(_Parser().document(obj), device_fingerprint=device_fingerprint)

    @property
    def key(self) -> tuple[str, str]:
        """What names one interview at the coordinator: (device fingerprint, packet id)."""
        return self.device_fingerprint, self.packet_id

    def to_json(self) -> dict[str, Any]:
        """The document as the spec's JSON object (key order as in §5.2; no device)."""
        iv = self.interview
        return {
            "format": INTERVIEW_FORMAT, "packet_id": self.packet_id, "supersedes": self.supersedes,
            "interview": {"code": iv.code, "site": iv.site, "month": iv.month, "language": iv.language,
                          "consent": {"method": iv.consent.method, "witnessed": iv.consent.witnessed}},
            "guide": {"id": self.guide.id, "version": self.guide.version, "title": self.guide.title},
            "codebook": [{"id": t.id, "label": t.label, "description": t.description, "parent": t.parent}
                         for t in self.codebook],
            "questions": [{"id": q.id, "text": q.text, "section": q.section} for q in self.questions],
            "segments": [{"index": s.index, "question_id": s.question_id, "speaker": s.speaker,
                          "start_ms": s.start_ms, "end_ms": s.end_ms, "text": s.text}
                         for s in self.segments],
            "tags": [{"segment": t.segment, "theme": t.theme, "start": t.start, "end": t.end,
                      "source": t.source} for t in self.tags],
            "memos": [{"segment": m.segment, "text": m.text} for m in self.memos],
            "deid": {"signed_off_at": self.deid.signed_off_at,
                     "redactions": dict(self.deid.redactions)},
            "app": {"name": self.app.name, "version": self.app.version},
        } | ({"study": {"id": self.study.id, "version": self.study.version}} if self.study else {})

    # --- lookups every consumer needs ---------------------------------------------------
    def segments_by_index(self) -> dict[int, Segment]:
        return {s.index: s for s in self.segments}

    def question(self, question_id: str | None) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def labels(self) -> dict[str, str]:
        """Theme id -> label as this interview's codebook gives it."""
        return {t.id: t.display_label for t in self.codebook}


# --- the validator ------------------------------------------------------------------------
def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a fractional number"}.get(type(value), type(value).__name__)


class _Bad(Exception):
    """One problem, at one place; collected by ``_Parser``."""


class _Parser:
    """Walks the document once; each field is checked where it is read."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, expected: str, value: Any) -> _Bad:
        return _Bad(f"{where}: expected {expected}, got {_type_name(value)}")

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "an object", value)
        return value

    def field(self, parent: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in parent:
            raise _Bad(f"{where}.{key}: missing" if where else f"{key}: missing")
        return parent[key]

    def text(self, parent: Mapping[str, Any], key: str, where: str) -> str:
        value = self.field(parent, key, where)
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}" if where else key, "text", value)
        return value

    def opt_text(self, parent: Mapping[str, Any], key: str, where: str) -> str | None:
        value = self.field(parent, key, where)
        if value is not None and not isinstance(value, str):
            raise self.fail(f"{where}.{key}" if where else key, "text or null", value)
        return value

    def count(self, value: Any, where: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_INT:
            raise self.fail(where, "a whole number from 0", value)
        return value

    def number(self, parent: Mapping[str, Any], key: str, where: str) -> int:
        return self.count(self.field(parent, key, where), f"{where}.{key}")

    def opt_number(self, parent: Mapping[str, Any], key: str, where: str) -> int | None:
        value = self.field(parent, key, where)
        return None if value is None else self.count(value, f"{where}.{key}")

    def flag(self, parent: Mapping[str, Any], key: str, where: str) -> bool:
        value = self.field(parent, key, where)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", "true or false", value)
        return value

    def items(self, doc: Mapping[str, Any], key: str, parse: Callable[[Mapping[str, Any], str], T]
              ) -> tuple[T, ...]:
        """A list of entries; each bad entry is one problem, the others are still read."""
        value = self.field(doc, key, "")
        if not isinstance(value, list):
            raise self.fail(key, "a list", value)
        out = []
        for n, item in enumerate(value):
            where = f"{key}[{n}]"
            try:
                out.append(parse(self.obj(item, where), where))
            except _Bad as exc:
                self.problems.append(str(exc))
        return tuple(out)

    def part(self, doc: Mapping[str, Any], key: str, parse: Callable[[Mapping[str, Any], str], T],
             default: T) -> T:
        try:
            return parse(self.obj(self.field(doc, key, ""), key), key)
        except _Bad as exc:
            self.problems.append(str(exc))
            return default

    # --- the parts of §5.2 --------------------------------------------------------------
    def meta(self, m: Mapping[str, Any], w: str) -> InterviewMeta:
        c = self.obj(self.field(m, "consent", w), f"{w}.consent")
        return InterviewMeta(self.text(m, "code", w), self.text(m, "site", w), self.text(m, "month", w),
                             self.text(m, "language", w),
                             Consent(self.text(c, "method", f"{w}.consent"),
                                     self.flag(c, "witnessed", f"{w}.consent")))

    def guide(self, g: Mapping[str, Any], w: str) -> GuideRef:
        return GuideRef(self.text(g, "id", w), self.text(g, "version", w), self.text(g, "title", w))

    def theme(self, t: Mapping[str, Any], w: str) -> CodebookEntry:
        return CodebookEntry(self.text(t, "id", w), self.text(t, "label", w),
                             self.text(t, "description", w), self.opt_text(t, "parent", w))

    def question(self, q: Mapping[str, Any], w: str) -> Question:
        return Question(self.text(q, "id", w), self.text(q, "text", w), self.text(q, "section", w))

    def segment(self, s: Mapping[str, Any], w: str) -> Segment:
        return Segment(self.number(s, "index", w), self.opt_text(s, "question_id", w),
                       self.text(s, "speaker", w), self.number(s, "start_ms", w),
                       self.number(s, "end_ms", w), self.text(s, "text", w))

    def tag(self, t: Mapping[str, Any], w: str) -> Tag:
        return Tag(self.number(t, "segment", w), self.text(t, "theme", w), self.opt_number(t, "start", w),
                   self.opt_number(t, "end", w), self.text(t, "source", w))

    def memo(self, m: Mapping[str, Any], w: str) -> Memo:
        return Memo(self.opt_number(m, "segment", w), self.text(m, "text", w))

    def deid(self, d: Mapping[str, Any], w: str) -> Deid:
        signed = self.text(d, "signed_off_at", w)
        counts = self.field(d, "redactions", w)
        if not isinstance(counts, dict):
            raise self.fail(f"{w}.redactions", "an object of counts", counts)
        pairs = []
        for kind, n in sorted(counts.items()):
            pairs.append((kind, self.count(n, f"{w}.redactions.{kind}")))
        return Deid(signed, tuple(pairs))

    def app(self, a: Mapping[str, Any], w: str) -> AppInfo:
        return AppInfo(self.text(a, "name", w), self.text(a, "version", w))

    def study(self, doc: Mapping[str, Any]) -> StudyRef | None:
        value = doc.get("study")
        if value is None:
            return None
        try:
            s = self.obj(value, "study")
            sid = self.text(s, "id", "study")
            if len(sid) != 32 or any(c not in "0123456789abcdef" for c in sid):
                raise _Bad("study.id: expected 32 lowercase hex digits")
            return StudyRef(sid, self.number(s, "version", "study"))
        except _Bad as exc:
            self.problems.append(str(exc))
            return None

    def document(self, obj: Any) -> InterviewDoc:
        try:
            doc = self.obj(obj, "interview.json")
            if doc.get("format") != INTERVIEW_FORMAT:
                raise _Bad(f"format: expected {INTERVIEW_FORMAT}")
            packet_id = self.text(doc, "packet_id", "")
            supersedes = self.opt_text(doc, "supersedes", "")
        except _Bad as exc:
            raise InvalidInterviewDoc([str(exc)]) from None
        nothing = Consent("", False)
        parsed = InterviewDoc(
            packet_id, supersedes,
            self.part(doc, "interview", self.meta, InterviewMeta("", "", "", "", nothing)),
            self.part(doc, "guide", self.guide, GuideRef("", "", "")),
            self._list(doc, "codebook", self.theme), self._list(doc, "questions", self.question),
            self._list(doc, "segments", self.segment), self._list(doc, "tags", self.tag),
            self._list(doc, "memos", self.memo),
            self.part(doc, "deid", self.deid, Deid("", ())),
            self.part(doc, "app", self.app, AppInfo("", "")),
            self.study(doc))
        self.problems += _consistency(parsed)
        if self.problems:
            raise InvalidInterviewDoc(self.problems[:10])  # enough to say what is wrong
        return parsed

    def _list(self, doc: Mapping[str, Any], key: str, parse: Callable[[Mapping[str, Any], str], T]
              ) -> tuple[T, ...]:
        try:
            return self.items(doc, key, parse)
        except _Bad as exc:
            self.problems.append(str(exc))
            return ()


def _consistency(doc: InterviewDoc) -> list[str]:
    """What the types alone cannot say: references inside the document hold."""
    out: list[str] = []
    indexes = [s.index for s in doc.segments]
    if len(set(indexes)) != len(indexes):
        out.append("segments: two segments have the same index")
    known = set(indexes)
    if any(t.segment not in known for t in doc.tags):
        out.append("tags: a tag points at a segment that is not in the transcript")
    if any(m.segment is not None and m.segment not in known for m in doc.memos):
        out.append("memos: a memo points at a segment that is not in the transcript")
    ids = [q.id for q in doc.questions]
    if len(set(ids)) != len(ids):
        out.append("questions: a guide question appears twice")
    themes = [t.id for t in doc.codebook]
    if len(set(themes)) != len(themes):
        out.append("codebook: a theme appears twice")
    return out
