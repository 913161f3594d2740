"""Transcripts and their segments: the repository (the only SQL for them).

A transcript belongs to an interview (and usually a recording). Only one transcript of an
interview is current; re-transcribing makes a new one and carries the researcher's edits
over (see ``core.transcription.store``). Segment text is what people see and edit;
``original_text`` keeps what the engine heard.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from core.errors import Msg, NotFound
from core.vault.db import Vault, now_iso


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    word: str
    probability: float = 1.0
    voice: str = ""                # the voice heard during this word (V1, V2, ...), if known


@dataclass
class Segment:
    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""              # "interviewer" | "participant" | ""
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    confidence: float | None = None  # 0..1, for highlighting doubtful passages
    words: list[Word] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "repetition", "low_confidence"
    original_text: str = ""
    is_edited: bool = False
    question_id: str | None = None
    question_score: float | None = None
    off_record: bool = False
    id: int | None = None
    idx: int = 0
    transcript_id: int | None = None
    voice: str = ""                # "V1", "V2", ...: whose voice (stable within the interview)


@dataclass(frozen=True)
class Transcript:
    id: int
    interview_id: str
    recording_id: int | None
    source: str          # engine | import
    engine: str
    model: str
    model_sha256: str
    language: str
    options: dict[str, Any]
    is_current: bool
    created_at: str
    state: str = "complete"  # "live" while a recording is being transcribed as it happens


_SEG_COLS = ("id, transcript_id, idx, start_ms, end_ms, text, original_text, speaker, avg_logprob,"
             " no_speech_prob, confidence, words, flags, is_edited, question_id, question_score, off_record,"
             " voice")


def _segment_from_row(r: Any) -> Segment:
    return Segment(
        id=r[0], transcript_id=r[1], idx=r[2], start_ms=r[3], end_ms=r[4], text=r[5], original_text=r[6],
        speaker=r[7], avg_logprob=r[8], no_speech_prob=r[9], confidence=r[10],
        words=[Word(**w) for w in json.loads(r[11])], flags=json.loads(r[12]), is_edited=bool(r[13]),
        question_id=r[14], question_score=r[15], off_record=bool(r[16]), voice=r[17])


def _words_json(words: Iterable[Word]) -> str:
    # A word's voice is written only when known (most stored transcripts have none).
    return json.dumps([{k: v for k, v in w.__dict__.items() if k != "voice" or v} for w in words],
                      separators=(",", ":"))


class TranscriptRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def create(self, interview_id: str, segments: list[Segment], *, recording_id: int | None = None,
               source: str = "engine", engine: str = "", model: str = "", model_sha256: str = "",
               language: str = "", options: dict[str, Any] | None = None,
               state: str = "complete", make_current: bool = True) -> Transcript:
        """Store a new transcript (one transaction); by default it becomes the interview's current one.

        ``make_current=False`` keeps it beside the current one (another take's transcript,
        decision 0120): nothing the person worked on is hidden until they choose it.
        """
        with self.vault.transaction() as conn:
            if make_current:
                conn.execute("UPDATE transcripts SET is_current = 0 WHERE interview_id = ?", (interview_id,))
            cur = conn.execute(
                "INSERT INTO transcripts (interview_id, recording_id, source, engine, model, model_sha256,"
                " language, options, is_current, created_at, state) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (interview_id, recording_id, source, engine, model, model_sha256, language,
                 json.dumps(options or {}), int(make_current), now_iso(), state))
            tid = int(cur.lastrowid)
            self._insert_segments(conn, tid, segments, start_idx=0)
        self.vault.audit("transcript_created", {"interview": interview_id, "transcript": tid,
                                                "segments": len(segments), "source": source})
        return self.get(tid)

    @staticmethod
    def _insert_segments(conn: Any, tid: int, segments: list[Segment], start_idx: int) -> None:
        conn.executemany(
            "INSERT INTO segments (transcript_id, idx, start_ms, end_ms, text, original_text, speaker,"
            " avg_logprob, no_speech_prob, confidence, words, flags, is_edited, question_id,"
            " question_score, off_record, voice) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(tid, start_idx + i, s.start_ms, s.end_ms, s.text, s.original_text or s.text, s.speaker,
              s.avg_logprob, s.no_speech_prob, s.confidence, _words_json(s.words), json.dumps(s.flags),
              int(s.is_edited), s.question_id, s.question_score, int(s.off_record), s.voice)
             for i, s in enumerate(segments)])

    def append_segments(self, transcript_id: int, segments: list[Segment]) -> None:
        """Add segments at the end (live transcription appends as audio arrives)."""
        with self.vault.transaction() as conn:
            row = conn.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM segments WHERE transcript_id = ?",
                               (transcript_id,)).fetchone()
            self._insert_segments(conn, transcript_id, segments, start_idx=int(row[0]))

    def get(self, transcript_id: int) -> Transcript:
        r = self.vault.conn.execute(
            "SELECT id, interview_id, recording_id, source, engine, model, model_sha256, language, options,"
            " is_current, created_at, state FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_transcript", transcript_id=transcript_id))
        return Transcript(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8]), bool(r[9]), r[10],
                          r[11])

    def finish(self, transcript_id: int, *, language: str | None = None,
               options: dict[str, Any] | None = None) -> None:
        """Mark a live transcript complete (optionally recording the language and run details)."""
        with self.vault.transaction() as conn:
            conn.execute("UPDATE transcripts SET state = 'complete' WHERE id = ?", (transcript_id,))
            if language is not None:
                conn.execute("UPDATE transcripts SET language = ? WHERE id = ?", (language, transcript_id))
            if options is not None:
                conn.execute("UPDATE transcripts SET options = ? WHERE id = ?", (json.dumps(options), transcript_id))

    def for_interview(self, interview_id: str) -> list[Transcript]:
        """Every transcript of an interview, oldest first (earlier ones are kept, not current)."""
        ids = [r[0] for r in self.vault.conn.execute(
            "SELECT id FROM transcripts WHERE interview_id = ? ORDER BY id", (interview_id,))]
        return [self.get(i) for i in ids]

    def current(self, interview_id: str) -> Transcript | None:
        row = self.vault.conn.execute(
            "SELECT id FROM transcripts WHERE interview_id = ? AND is_current = 1 ORDER BY id DESC LIMIT 1",
            (interview_id,)).fetchone()
        return self.get(row[0]) if row else None

    def set_current(self, transcript_id: int) -> None:
        """Make this transcript its interview's current one (the others are kept, not current)."""
        t = self.get(transcript_id)
        with self.vault.transaction() as conn:
            conn.execute("UPDATE transcripts SET is_current = 0 WHERE interview_id = ?", (t.interview_id,))
            conn.execute("UPDATE transcripts SET is_current = 1 WHERE id = ?", (transcript_id,))
        self.vault.audit("transcript_chosen", {"interview": t.interview_id, "transcript": transcript_id})

    def latest_for_recording(self, recording_id: int) -> Transcript | None:
        """The newest transcript made from this recording (current or not)."""
        row = self.vault.conn.execute("SELECT id FROM transcripts WHERE recording_id = ? ORDER BY id DESC"
                                      " LIMIT 1", (recording_id,)).fetchone()
        return self.get(row[0]) if row else None

    def require_current(self, interview_id: str) -> Transcript:
        t = self.current(interview_id)
        if t is None:
            raise NotFound(Msg("vault.interview_no_transcript_yet"),
                           Msg("vault.interview_no_transcript_yet.hint", interview_id=interview_id))
        return t

    def segments(self, transcript_id: int) -> list[Segment]:
        rows = self.vault.conn.execute(
            f"SELECT {_SEG_COLS} FROM segments WHERE transcript_id = ? ORDER BY idx", (transcript_id,))
        return [_segment_from_row(r) for r in rows]

    def segment(self, segment_id: int) -> Segment:
        r = self.vault.conn.execute(f"SELECT {_SEG_COLS} FROM segments WHERE id = ?", (segment_id,)).fetchone()
        if r is None:
            raise NotFound(Msg("vault.no_segment", segment_id=segment_id))
        return _segment_from_row(r)

    def current_segments(self, interview_id: str) -> list[Segment]:
        t = self.current(interview_id)
        return self.segments(t.id) if t else []

    def update_text(self, segment_id: int, text: str) -> None:
        """A person's edit: marks the segment edited (and so voids any sign-off upstream)."""
        with self.vault.transaction() as conn:
            conn.execute("UPDATE segments SET text = ?, is_edited = 1 WHERE id = ?", (text, segment_id))

    def update_fields(self, segment_id: int, **fields: Any) -> None:
        """Update speaker, voice, question_id, question_score, flags, off_record, start_ms, end_ms, words."""
        allowed = {"speaker", "voice", "question_id", "question_score", "flags", "off_record", "start_ms",
                   "end_ms", "words", "confidence"}
        if not fields:
            return
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"cannot update {sorted(bad)}")
        values = []
        for key, value in fields.items():
            if key == "words":
                value = _words_json(value)
            elif key == "flags":
                value = json.dumps(value)
            elif key == "off_record":
                value = int(value)
            values.append(value)
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.vault.transaction() as conn:
            conn.execute(f"UPDATE segments SET {sets} WHERE id = ?", (*values, segment_id))

    def set_speakers(self, segment_ids: list[int], speaker: str) -> None:
        """One speaker for several segments at once (one transaction). A person's choice:
        tagging and re-transcription keep it (flag ``voice_manual``, no ``speaker_auto``)."""
        with self.vault.transaction() as conn:
            for sid in segment_ids:
                row = conn.execute("SELECT flags FROM segments WHERE id = ?", (sid,)).fetchone()
                if row is None:
                    continue
                flags = [f for f in json.loads(row[0]) if f not in ("speaker_auto", "speaker_voice", "voice_manual")]
                conn.execute("UPDATE segments SET speaker = ?, flags = ? WHERE id = ?",
                             (speaker, json.dumps([*flags, "voice_manual"]), sid))

    def replace_segments(self, transcript_id: int, segments: list[Segment]) -> None:
        """Rewrite a transcript's segments in order (split/merge); keeps ids of given segments."""
        with self.vault.transaction() as conn:
            keep = {s.id for s in segments if s.id is not None}
            existing = [r[0] for r in conn.execute("SELECT id FROM segments WHERE transcript_id = ?", (transcript_id,))]
            for sid in existing:
                if sid not in keep:
                    conn.execute("DELETE FROM segments WHERE id = ?", (sid,))
            for i, s in enumerate(segments):
                if s.id is None:
                    self._insert_segments(conn, transcript_id, [s], start_idx=i)
                else:
                    conn.execute(
                        "UPDATE segments SET idx = ?, start_ms = ?, end_ms = ?, text = ?, speaker = ?,"
                        " words = ?, is_edited = ?, question_id = ?, voice = ?, flags = ? WHERE id = ?",
                        (i, s.start_ms, s.end_ms, s.text, s.speaker, _words_json(s.words),
                         int(s.is_edited), s.question_id, s.voice, json.dumps(s.flags), s.id))

    def search(self, query: str, limit: int = 50) -> list[tuple[str, Segment]]:
        """Full-text search over current transcripts: (interview_id, segment) pairs."""
        terms = " ".join('"' + t.replace('"', '""') + '"' for t in query.split() if t)
        if not terms:
            return []
        rows = self.vault.conn.execute(
            f"SELECT t.interview_id, {', '.join('s.' + c.strip() for c in _SEG_COLS.split(','))}"
            " FROM segments_fts f JOIN segments s ON s.id = f.rowid JOIN transcripts t ON t.id = s.transcript_id"
            " WHERE segments_fts MATCH ? AND t.is_current = 1 ORDER BY rank LIMIT ?", (terms, limit))
        return [(r[0], _segment_from_row(r[1:])) for r in rows]
