"""Delete an interview or one take, and prove it: one job per user action.

The job gathers what must disappear (participant code, names, pseudonym originals, phrases of
every transcript version including the words edited out, a few slices of each take's audio),
erases the rows (``core.vault.erase``), then decrypts every page of vault.db and every frame
of vault.db-wal independently (``core.audit.sqlcipher_pages``) and looks for them. The
result, counts only, goes into the security log. The needles live only in memory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from core.audit.sqlcipher_pages import find_in_vault_files
from core.audit.vault_checks import independent_db_key
from core.errors import CoreError, Join, Msg, NotFound
from core.jobs import CancelToken, Progress, ReportFn
from core.vault import Vault
from core.vault.erase import EraseCounts, EraseIncomplete, erase_interview, erase_recording

log = logging.getLogger(__name__)

AUDIO_SLICE_BYTES = 48
AUDIO_SLICES_PER_TAKE = 4
PHRASE_WORDS = 4
MIN_PHRASE_CHARS = 16
# The check reads every page once per needle (bytes.find runs at about 2 GB/s here), so the
# needles are capped: codes and names all (up to a bound), transcript and memo phrases sampled
# across every version. Measured in benchmarks/lifecycle: 760 needles took 27 s on a 66 MB vault.
MAX_NEEDLES = {"participant code": 4, "protected name": 32, "transcript phrase": 48, "memo phrase": 8}


class RemnantFound(CoreError):
    user_message = "The interview was deleted, but a copy of some of it is still inside the vault file."
    hint = ("Run `confidant audit` for details and report this as a bug; do not hand the vault "
            "to anyone until it is resolved.")


@dataclass(frozen=True)
class DeleteResult:
    """What a deletion removed and what the check after it found (counts; no content)."""

    counts: EraseCounts
    needles: int = 0
    pages_checked: int = 0
    remnants: dict[str, int] = field(default_factory=dict)   # kind -> places found

    @property
    def is_clean(self) -> bool:
        return not self.remnants


@dataclass(frozen=True)
class WhatGoes:
    """What a deletion would remove, for a plain confirmation ("2 takes, 14 min of audio, ...")."""

    interview_id: str
    participant_code: str
    takes: int
    audio_s: float
    transcripts: int
    segments: int
    memos: int
    shared_packets: int

    def message(self, *, shared: bool = True) -> Msg | Join:
        """What a deletion takes, in words; ``shared``: with the note that copies were shared."""
        base = Msg("lifecycle.what_goes", code=self.participant_code, takes=self.takes,
                   minutes=f"{self.audio_s / 60:.0f}", transcripts=self.transcripts, memos=self.memos)
        if shared and self.shared_packets:
            return Join([base, Msg("lifecycle.what_goes_shared", n=self.shared_packets)], " ")
        return base

    def sentence(self) -> str:
        """``message`` in English."""
        return self.message().render()


def what_goes(vault: Vault, interview_id: str) -> WhatGoes:
    conn = vault.conn
    row = conn.execute("SELECT participant_code FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    if row is None:
        raise NotFound(Msg("lifecycle.no_interview", interview_id=interview_id), Msg("lifecycle.no_interview.hint"))

    def one(sql: str) -> int:
        return int(conn.execute(sql, (interview_id,)).fetchone()[0] or 0)

    return WhatGoes(
        interview_id, row[0],
        takes=one("SELECT COUNT(*) FROM recordings WHERE interview_id = ?"),
        audio_s=sum(int(n) / max(int(r), 1) for n, r in conn.execute(
            "SELECT total_samples, sample_rate_hz FROM recordings WHERE interview_id = ?", (interview_id,))),
        transcripts=one("SELECT COUNT(*) FROM transcripts WHERE interview_id = ?"),
        segments=one("SELECT COUNT(*) FROM segments s JOIN transcripts t ON t.id = s.transcript_id"
                     " WHERE t.interview_id = ?"),
        memos=one("SELECT COUNT(*) FROM memos WHERE interview_id = ?"),
        shared_packets=one("SELECT COUNT(*) FROM packets_sent WHERE interview_id = ?"))


def take_id(vault: Vault, interview_id: str, take: int) -> int:
    """The recording id of take ``take`` (1 = the first recorded), as `confidant audio info` lists them."""
    ids = [r[0] for r in vault.conn.execute(
        "SELECT id FROM recordings WHERE interview_id = ? ORDER BY id", (interview_id,))]
    if not 1 <= take <= len(ids):
        raise NotFound(Msg("lifecycle.interview_no_take", interview_id=interview_id, take=take),
                       Msg("lifecycle.interview_no_take.hint", count=len(ids), interview_id=interview_id))
    return int(ids[take - 1])


# --- what to look for -------------------------------------------------------------------------
def _live_elsewhere(vault: Vault, needle: str, interview_id: str) -> bool:
    """True if another interview, a guide or a vault-wide name holds this text too (not a remnant)."""
    conn = vault.conn
    checks = [
        (("SELECT 1 FROM segments s JOIN transcripts t ON t.id = s.transcript_id WHERE t.interview_id != ?"
          " AND (instr(s.text, ?) OR instr(s.original_text, ?) OR instr(s.words, ?)) LIMIT 1"), 4),
        (("SELECT 1 FROM interviews WHERE id != ? AND (instr(participant_code, ?) OR instr(site, ?)"
          " OR instr(id, ?)) LIMIT 1"), 4),
        ("SELECT 1 FROM protected_names WHERE interview_id != ? AND instr(name, ?) LIMIT 1", 2),
        ("SELECT 1 FROM pseudonyms WHERE interview_id != ? AND instr(original, ?) LIMIT 1", 2),
        ("SELECT 1 FROM memos WHERE interview_id != ? AND instr(text, ?) LIMIT 1", 2),
    ]
    for sql, n in checks:
        args = (interview_id,) + (needle,) * (n - 1)
        if conn.execute(sql, args).fetchone():
            return True
    for sql in ("SELECT 1 FROM guides WHERE instr(yaml, ?) LIMIT 1",
                "SELECT 1 FROM workplace_names WHERE instr(name, ?) LIMIT 1",
                "SELECT 1 FROM themes WHERE instr(label, ?) OR instr(description, ?) LIMIT 1",
                "SELECT 1 FROM audit_log WHERE instr(details, ?) LIMIT 1"):
        if conn.execute(sql, (needle,) * sql.count("?")).fetchone():
            return True
    return False


def _spread(items: list[str], limit: int) -> list[str]:
    """At most ``limit`` items, evenly spread over the list (start, middle and end all looked at)."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def _phrases(text: str) -> list[str]:
    words = text.split()
    out = []
    for i in range(0, len(words), PHRASE_WORDS):
        phrase = " ".join(words[i:i + PHRASE_WORDS])
        if len(phrase) >= MIN_PHRASE_CHARS:
            out.append(phrase)
    return out


def interview_needles(vault: Vault, interview_id: str) -> dict[str, bytes]:
    """Distinctive pieces of one interview, named by kind and number (names never leave memory)."""
    conn = vault.conn
    texts: dict[str, list[str]] = {"participant code": [], "protected name": [], "transcript phrase": [],
                                   "memo phrase": []}
    code = conn.execute("SELECT participant_code FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    if code:
        texts["participant code"].append(code[0])
    texts["protected name"] += [r[0] for r in conn.execute(
        "SELECT name FROM protected_names WHERE interview_id = ?", (interview_id,))]
    texts["protected name"] += [r[0] for r in conn.execute(
        "SELECT original FROM pseudonyms WHERE interview_id = ? UNION SELECT original FROM redactions"
        " WHERE interview_id = ?", (interview_id, interview_id))]
    for text, original in conn.execute(
            "SELECT s.text, s.original_text FROM segments s JOIN transcripts t ON t.id = s.transcript_id"
            " WHERE t.interview_id = ?", (interview_id,)):
        texts["transcript phrase"] += _phrases(text) + _phrases(original)
    for (text,) in conn.execute("SELECT text FROM memos WHERE interview_id = ?", (interview_id,)):
        texts["memo phrase"] += _phrases(text) or ([text] if len(text) >= 8 else [])
    needles: dict[str, bytes] = {}
    for kind, items in texts.items():
        picked = _spread(list(dict.fromkeys(t for t in items if len(t.strip()) >= 4)), MAX_NEEDLES[kind])
        for i, item in enumerate(picked):
            if not _live_elsewhere(vault, item, interview_id):
                needles[f"{kind} {i + 1}"] = item.encode("utf-8")
    rids = [r[0] for r in conn.execute("SELECT id FROM recordings WHERE interview_id = ?", (interview_id,))]
    for rid in rids:
        needles.update(take_needles(vault, rid, check_others=False))
    return _drop_audio_kept_elsewhere(vault, needles, rids)


def _drop_audio_kept_elsewhere(vault: Vault, needles: dict[str, bytes], going: list[int]) -> dict[str, bytes]:
    """Drop audio slices another take also holds (the same file imported twice is not a remnant)."""
    audio = {k: v for k, v in needles.items() if k.startswith("audio")}
    if not audio:
        return needles
    marks = ",".join("?" * len(going))
    for (data,) in vault.conn.execute(f"SELECT data FROM audio_chunks WHERE recording_id NOT IN ({marks})",
                                      going):
        data = bytes(data)
        for name in [k for k, v in audio.items() if v in data]:
            audio.pop(name)
            needles.pop(name)
        if not audio:
            break
    return needles


def take_needles(vault: Vault, recording_id: int, *, check_others: bool = True) -> dict[str, bytes]:
    """A few slices from the middle of a take's stored audio chunks."""
    rows = vault.conn.execute("SELECT seq, data FROM audio_chunks WHERE recording_id = ? ORDER BY seq",
                              (recording_id,)).fetchall()
    if not rows:
        return {}
    step = max(1, len(rows) // AUDIO_SLICES_PER_TAKE)
    out = {}
    for seq, data in rows[::step][:AUDIO_SLICES_PER_TAKE]:
        data = bytes(data)
        mid = len(data) // 2
        piece = data[mid:mid + AUDIO_SLICE_BYTES]
        if len(piece) == AUDIO_SLICE_BYTES and len(set(piece)) > 8:
            out[f"audio of take {recording_id} chunk {seq}"] = piece
    return _drop_audio_kept_elsewhere(vault, out, [recording_id]) if check_others else out


# --- the jobs ------------------------------------------------------------------------------------
def _verify(vault: Vault, needles: dict[str, bytes]) -> tuple[int, dict[str, int]]:
    master = getattr(vault, "_master_key", None)
    if master is None:
        raise CoreError(Msg("lifecycle.vault_locked"), Msg("lifecycle.vault_locked.hint"))
    key = independent_db_key(master, vault.vault_id)
    folder = Path(vault.folder)
    pages = (folder / "vault.db").stat().st_size // 4096
    hits = find_in_vault_files(folder, key, needles) if needles else {}
    by_kind: dict[str, int] = {}
    for name, places in hits.items():
        kind = name.rsplit(" ", 1)[0] if not name.startswith("audio") else "audio"
        by_kind[kind] = by_kind.get(kind, 0) + len(places)
    return pages, by_kind


def finish_erase(vault: Vault, counts: EraseCounts, needles: dict[str, bytes], report: ReportFn,
            subject: dict[str, object]) -> DeleteResult:
    if not counts.wal_truncated:
        raise EraseIncomplete()
    report(Progress(2, 3, "Checking that nothing is left"))
    pages, remnants = _verify(vault, needles)
    vault.audit("deletion_verified", {**subject, "needles": len(needles), "pages": pages,
                                      "found": sum(remnants.values()), "wal_truncated": counts.wal_truncated})
    result = DeleteResult(counts, len(needles), pages, remnants)
    report(Progress(3, 3, "Deleted"))
    if remnants:
        log.error("remnants after deletion %s: %s", subject, sorted(remnants))
        raise RemnantFound()
    return result


def make_delete_interview_job(vault: Vault, interview_id: str, *, event: str = "interview_deleted",
                              extra: dict[str, object] | None = None):  # -> Job[DeleteResult]
    """Delete an interview with everything in it, then check the file pages for any remnant."""
    def job(report: ReportFn, cancel: CancelToken) -> DeleteResult:
        report(Progress(0, 3, "Preparing"))
        needles = interview_needles(vault, interview_id)
        cancel.raise_if_cancelled()   # the last point where stopping leaves the interview as it was
        report(Progress(1, 3, "Deleting"))
        counts = erase_interview(vault, interview_id, event=event, extra=dict(extra or {}))
        return finish_erase(vault, counts, needles, report, {"interview": interview_id})
    return job


def make_delete_take_job(vault: Vault, interview_id: str, take: int):  # -> Job[DeleteResult]
    """Delete one take's audio and markers (its transcript stays), then check for remnants."""
    def job(report: ReportFn, cancel: CancelToken) -> DeleteResult:
        report(Progress(0, 3, "Preparing"))
        rid = take_id(vault, interview_id, take)
        needles = take_needles(vault, rid)
        cancel.raise_if_cancelled()
        report(Progress(1, 3, "Deleting"))
        counts = erase_recording(vault, rid)
        return finish_erase(vault, counts, needles, report, {"interview": interview_id, "recording": rid})
    return job
