"""A vault with two full interviews, and an independent page scan to look for either one.

Every kind of row an interview has is written: consent, protected names, a real imported
recording with markers, two transcript versions (the first kept as history), an edit (so
``original_text`` holds the words edited out), tags, redactions, a pseudonym map, memos and a
de-identification scan. The scan decrypts every page of vault.db and every frame of
vault.db-wal with ``cryptography`` (core/audit/sqlcipher_pages.py, decision 0003), not with
SQLCipher.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.audit.sqlcipher_pages import find_in_vault_files
from core.audit.vault_checks import independent_db_key

# Words chosen so no other word in the vault shares their first letters: FTS5 stores a term
# after the previous one as (shared prefix length, rest), so a word must differ from its
# neighbour from the first letter on to appear whole in the index pages.
GONE = {
    "code": "P-9431",
    "name": "Xanthippe Quorvald",
    "said": "Quorvald docked our wages whenever the zymurgy line stopped early",
    "edited_out": "vexillology",
    "memo": "jaywalking memo about Quorvald",
    "site": "SITE-OKAPI",
}
KEPT = {
    "code": "P-2718",
    "name": "Ulrike Wendemuth",
    "said": "Wendemuth gave the night crew fair breaks and paid kumquat bonuses",
    "memo": "yodelling memo about Wendemuth",
}


@dataclass
class Made:
    interview_id: str
    recording_id: int


def make_interview(vault, words: dict[str, str], audio: Path | None, *, site: str = "SITE-A") -> Made:
    from core.vault.deid import DeidRepo, NewRedaction
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.memos import MemoRepo
    from core.vault.recordings import RecordingRepo
    from core.vault.tags import TagRepo
    from core.vault.themes import ThemeRepo
    from core.vault.transcripts import Segment, TranscriptRepo

    repo = InterviewRepo(vault)
    iv = repo.create(words["code"], site, consent=Consent("verbal", "2026-11-30T10:00:00"))
    repo.add_protected_name(iv.id, words["name"])
    rid = 0
    if audio is not None:
        from core.audio.importer import make_import_job
        from core.jobs import run_job
        run_job(make_import_job(vault, iv.id, audio))
        rid = RecordingRepo(vault).latest(iv.id).id
        RecordingRepo(vault).add_marker(rid, "next_question", 16000, "q1")
    transcripts = TranscriptRepo(vault)
    first_text = words["said"] + " " + words.get("edited_out", "")
    transcripts.create(iv.id, [Segment(0, 4000, first_text.strip())], recording_id=rid or None)
    second = transcripts.create(iv.id, [Segment(0, 4000, first_text.strip()),
                                        Segment(4000, 8000, "and that is all " + words["code"])],
                                recording_id=rid or None)
    segs = transcripts.segments(second.id)
    transcripts.update_text(segs[0].id, words["said"])     # the edited-out word stays in original_text
    themes = ThemeRepo(vault)
    if not any(t.id == "pay" for t in themes.list()):
        themes.add("pay", "Pay")
    TagRepo(vault).add_manual(iv.id, segs[0].id, "pay", 0, len(words["name"].split()[1]))
    surname = words["name"].split()[1]
    deid = DeidRepo(vault)
    deid.add_redactions(iv.id, [NewRedaction(segs[0].id, 0, len(surname), "PERSON", surname, "[PERSON 1]",
                                             0.9)])
    deid.add_pseudonym(iv.id, "PERSON", words["name"], "[PERSON 1]")
    deid.record_scan(iv.id, "0" * 64, 1)
    MemoRepo(vault).add(iv.id, words["memo"], segment_id=segs[0].id)
    return Made(iv.id, rid)


def needles(words: dict[str, str]) -> dict[str, bytes]:
    """What must not survive, in the encodings SQLite and FTS5 store (UTF-8, lower-case terms)."""
    out = {}
    for key, value in words.items():
        out[key] = value.encode()
    surname = words["name"].split()[1]
    out["surname"] = surname.encode()
    out["surname (index term)"] = surname.lower().encode()
    for word in words["said"].split():
        if len(word) >= 7 and word[0].lower() in "qzkxvjuyw":
            out[f"term {word.lower()}"] = word.lower().encode()
    return out


def scan(vault, words: dict[str, str]) -> dict[str, list[str]]:
    """Where each needle of ``words`` is found in the decrypted pages and WAL frames."""
    key = independent_db_key(vault._master_key, vault.vault_id)
    return find_in_vault_files(Path(vault.folder), key, needles(words))
