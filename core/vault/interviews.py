"""Interviews, consent and the names to protect: the repository (the only SQL for them)."""

from __future__ import annotations

import builtins
import datetime as dt
import re
import secrets
from dataclasses import dataclass, field

from core.errors import InvalidInput, Msg, NotFound
from core.vault.db import Vault, now_iso

# Interview states, in the order an interview moves through them.
STATES = ("new", "recorded", "transcribed", "tagged", "reviewed", "exported")
# Each state in words for the command line (the desktop has its own, plainer ones).
STATE_WORDS = {"new": Msg("interview.state.new"), "recorded": Msg("interview.state.recorded"),
               "transcribed": Msg("interview.state.transcribed"), "tagged": Msg("interview.state.tagged"),
               "reviewed": Msg("interview.state.reviewed"), "exported": Msg("interview.state.exported")}


def state_word(state: str) -> Msg:
    return STATE_WORDS.get(state) or Msg("audit.plain", text=state)
CONSENT_METHODS = ("verbal", "written")
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


@dataclass(frozen=True)
class Consent:
    method: str
    given_at: str
    witnessed_by: str = ""
    script_read: bool = False
    notes: str = ""


@dataclass(frozen=True)
class ProtectedName:
    id: int
    name: str
    role: str = "person"


@dataclass(frozen=True)
class Interview:
    id: str
    participant_code: str
    site: str
    interview_date: str
    guide_pk: int | None
    state: str
    capture_off_record: bool
    created_at: str
    updated_at: str
    consent: Consent | None = None
    protected_names: list[ProtectedName] = field(default_factory=list)


# Who a protected name is (issue 16): the role becomes the placeholder, [SUPERVISOR 1].
# "other" is a person with no role to name ([PERSON 1]).
PROTECTED_ROLES = ("participant", "supervisor", "manager", "co-worker", "family", "other")


def parse_protected(entry: str) -> tuple[str, str]:
    """``"Kevin Walsh=supervisor"`` -> ("Kevin Walsh", "supervisor"); without a role: "other"."""
    name, _, role = entry.partition("=")
    name, role = name.strip(), role.strip().lower().replace("coworker", "co-worker") or "other"
    if not name:
        raise InvalidInput(Msg("vault.name_protect_empty"), Msg("vault.name_protect_empty.hint"))
    if role not in PROTECTED_ROLES:
        raise InvalidInput(Msg("vault.not_one_roles_protected", role=role),
                           Msg("vault.not_one_roles_protected.hint", protected_roles=', '.join(PROTECTED_ROLES)))
    return name, role


def validate_participant_code(code: str) -> str:
    """A participant code is a short pseudonym like P-001, never a name."""
    code = code.strip()
    if not _CODE_RE.match(code) or " " in code:
        raise InvalidInput(Msg("vault.not_participant_code", code=code),
                           Msg("vault.not_participant_code.hint"))
    if not any(ch.isdigit() for ch in code):
        raise InvalidInput(Msg("vault.participant_code_must_contain"),
                           Msg("vault.participant_code_must_contain.hint"))
    return code


def _new_id() -> str:
    return dt.date.today().strftime("%Y%m%d") + "-" + secrets.token_hex(3)


class InterviewRepo:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def create(self, participant_code: str, site: str, *, guide_pk: int | None = None,
               interview_date: str | None = None, capture_off_record: bool = False,
               consent: Consent | None = None) -> Interview:
        code = validate_participant_code(participant_code)
        if not site.strip():
            raise InvalidInput(Msg("vault.site_empty"), Msg("vault.site_empty.hint"))
        interview_id, now = _new_id(), now_iso()
        with self.vault.transaction() as conn:
            conn.execute(
                "INSERT INTO interviews (id, participant_code, site, interview_date, guide_pk, state,"
                " capture_off_record, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (interview_id, code, site.strip(), interview_date or dt.date.today().isoformat(),
                 guide_pk, "new", int(capture_off_record), now, now))
            if consent is not None:
                self._write_consent(conn, interview_id, consent)
        self.vault.audit("interview_created", {"interview": interview_id})
        return self.get(interview_id)

    def get(self, interview_id: str) -> Interview:
        conn = self.vault.conn
        row = conn.execute(
            "SELECT id, participant_code, site, interview_date, guide_pk, state, capture_off_record,"
            " created_at, updated_at FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise NotFound(Msg("vault.no_interview", interview_id=interview_id),
                           Msg("vault.no_interview.hint"))
        c = conn.execute("SELECT method, given_at, witnessed_by, script_read, notes FROM consents"
                         " WHERE interview_id = ?", (interview_id,)).fetchone()
        consent = Consent(c[0], c[1], c[2], bool(c[3]), c[4]) if c else None
        names = [ProtectedName(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT id, name, role FROM protected_names WHERE interview_id = ? ORDER BY id", (interview_id,))]
        return Interview(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7], row[8],
                         consent, names)

    def list(self) -> list[Interview]:
        ids = [r[0] for r in self.vault.conn.execute(
            "SELECT id FROM interviews ORDER BY interview_date DESC, created_at DESC")]
        return [self.get(i) for i in ids]

    def set_state(self, interview_id: str, state: str) -> None:
        if state not in STATES:
            raise ValueError(state)
        with self.vault.transaction() as conn:
            cur = conn.execute("UPDATE interviews SET state = ?, updated_at = ? WHERE id = ?",
                               (state, now_iso(), interview_id))
            if cur.rowcount == 0:
                raise NotFound(Msg("vault.no_interview", interview_id=interview_id))

    def advance_state(self, interview_id: str, state: str) -> None:
        """Move forward to ``state`` unless the interview is already further along."""
        current = self.get(interview_id).state
        if STATES.index(state) > STATES.index(current):
            self.set_state(interview_id, state)

    def set_guide(self, interview_id: str, guide_pk: int) -> None:
        with self.vault.transaction() as conn:
            conn.execute("UPDATE interviews SET guide_pk = ?, updated_at = ? WHERE id = ?",
                         (guide_pk, now_iso(), interview_id))

    def set_consent(self, interview_id: str, consent: Consent) -> None:
        self.get(interview_id)
        with self.vault.transaction() as conn:
            self._write_consent(conn, interview_id, consent)

    @staticmethod
    def _write_consent(conn: object, interview_id: str, consent: Consent) -> None:
        if consent.method not in CONSENT_METHODS:
            raise InvalidInput(Msg("vault.unknown_consent_method", method=consent.method), Msg("vault.unknown_consent_method.hint"))
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO consents (interview_id, method, given_at, witnessed_by, script_read, notes)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(interview_id) DO UPDATE SET method=excluded.method,"
            " given_at=excluded.given_at, witnessed_by=excluded.witnessed_by,"
            " script_read=excluded.script_read, notes=excluded.notes",
            (interview_id, consent.method, consent.given_at, consent.witnessed_by,
             int(consent.script_read), consent.notes))

    def add_protected_name(self, interview_id: str, name: str, role: str = "person") -> None:
        name = name.strip()
        if not name:
            return
        with self.vault.transaction() as conn:
            conn.execute("INSERT INTO protected_names (interview_id, name, role) VALUES (?,?,?)",
                         (interview_id, name, role))

    def all_protected_names(self) -> builtins.list[str]:
        """Every name listed in any interview of the vault (a placeholder word must be none of them)."""
        return [r[0] for r in self.vault.conn.execute("SELECT DISTINCT name FROM protected_names")]

    def remove_protected_name(self, name_id: int) -> None:
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM protected_names WHERE id = ?", (name_id,))

    def delete(self, interview_id: str) -> None:
        """Erase the interview with no remnant (see ``core.vault.erase``); the id is logged."""
        from core.vault.erase import erase_interview
        erase_interview(self.vault, interview_id)

    # Vault-wide workplace names (employers, sites, teams) for de-identification.
    def workplace_names(self) -> builtins.list[str]:  # `list` is a method name here
        return [r[0] for r in self.vault.conn.execute("SELECT name FROM workplace_names ORDER BY name")]

    def add_workplace_name(self, name: str, kind: str = "workplace") -> None:
        with self.vault.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO workplace_names (name, kind) VALUES (?, ?)", (name.strip(), kind))
