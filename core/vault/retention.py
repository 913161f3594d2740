"""Retention rules for audio, and what is past its date: the SQL (decision 0139).

Two vault settings (a joined study sets the first with the same key):

* ``retention.audio_days_after_signoff`` = N: the audio of an interview is kept N days after
  its de-identification was signed off (the latest sign-off that is not void);
* ``retention.audio_days_after_receipt`` = N: kept N days after the coordinator's receipt for
  the interview's latest packet (0: as soon as the receipt arrives).

Absent means no rule. Whichever rule comes first decides. Only audio is deleted by retention;
the transcript stays (it is what was shared).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.errors import Join, Msg
from core.vault.db import Vault

KEY_DAYS_AFTER_SIGNOFF = "retention.audio_days_after_signoff"
KEY_DAYS_AFTER_RECEIPT = "retention.audio_days_after_receipt"
MAX_DAYS = 3650


@dataclass(frozen=True)
class Rule:
    days_after_signoff: int | None = None
    days_after_receipt: int | None = None

    @property
    def is_set(self) -> bool:
        return self.days_after_signoff is not None or self.days_after_receipt is not None

    def message(self) -> Msg:
        """The rule in words, with an id (rendered in the person's language)."""
        parts = []
        if self.days_after_signoff is not None:
            parts.append(Msg("retention.part_signoff", days=self.days_after_signoff))
        if self.days_after_receipt is not None:
            parts.append(Msg("retention.part_receipt", days=self.days_after_receipt))
        if not parts:
            return Msg("retention.no_rule")
        return Msg("retention.rule", parts=Join(parts, sep=Msg("retention.or")))

    def sentence(self) -> str:
        """The rule in English (logs, JSON facts); ``message`` for a person."""
        return self.message().render()


@dataclass(frozen=True)
class AudioDue:
    """An interview whose audio has a keep-until date under the rule."""

    interview_id: str
    participant_code: str
    recording_ids: tuple[int, ...]
    due_on: dt.datetime
    because: str            # "sign-off" | "receipt"

    def is_due(self, now: dt.datetime) -> bool:
        return self.due_on <= now


def _days(vault: Vault, key: str) -> int | None:
    raw = vault.get_setting(key)
    if raw is None or raw == "":
        return None
    try:
        return max(0, min(MAX_DAYS, int(raw)))
    except ValueError:
        return None


def rule(vault: Vault) -> Rule:
    return Rule(_days(vault, KEY_DAYS_AFTER_SIGNOFF), _days(vault, KEY_DAYS_AFTER_RECEIPT))


def set_rule(vault: Vault, *, days_after_signoff: int | None, days_after_receipt: int | None) -> Rule:
    """Set (or clear, with None) both rules; logged with the numbers only."""
    with vault.transaction() as conn:
        for key, value in ((KEY_DAYS_AFTER_SIGNOFF, days_after_signoff), (KEY_DAYS_AFTER_RECEIPT, days_after_receipt)):
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                              " SET value = excluded.value", (key, str(max(0, min(MAX_DAYS, int(value))))))
    vault.audit("retention_rule_set", {"days_after_signoff": days_after_signoff,
                                       "days_after_receipt": days_after_receipt})
    return rule(vault)


def _parse(at: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(at)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def audio_dates(vault: Vault) -> list[AudioDue]:
    """Every interview with audio and a keep-until date under the current rule (due or not)."""
    current = rule(vault)
    if not current.is_set:
        return []
    conn = vault.conn
    out = []
    rows = conn.execute("SELECT i.id, i.participant_code FROM interviews i WHERE EXISTS"
                        " (SELECT 1 FROM recordings r WHERE r.interview_id = i.id AND r.state != 'recording')"
                        " ORDER BY i.id").fetchall()
    for iid, code in rows:
        candidates: list[tuple[dt.datetime, str]] = []
        if current.days_after_signoff is not None:
            signed = conn.execute("SELECT signed_at FROM signoffs WHERE interview_id = ? AND is_void = 0"
                                  " ORDER BY id DESC LIMIT 1", (iid,)).fetchone()
            if signed:
                candidates.append((_parse(signed[0]) + dt.timedelta(days=current.days_after_signoff), "sign-off"))
        if current.days_after_receipt is not None:
            got = conn.execute(
                "SELECT r.received_at FROM packets_sent p JOIN receipts r ON r.packet_id = p.packet_id"
                " WHERE p.interview_id = ? AND r.status IN ('imported', 'superseded')"
                " ORDER BY r.received_at LIMIT 1", (iid,)).fetchone()
            if got:
                candidates.append((_parse(got[0]) + dt.timedelta(days=current.days_after_receipt), "receipt"))
        if not candidates:
            continue
        due_on, because = min(candidates)
        rids = tuple(r[0] for r in conn.execute(
            "SELECT id FROM recordings WHERE interview_id = ? AND state != 'recording' ORDER BY id", (iid,)))
        out.append(AudioDue(iid, code, rids, due_on, because))
    return out


def audio_past_due(vault: Vault, now: dt.datetime | None = None) -> list[AudioDue]:
    moment = now or dt.datetime.now(dt.UTC)
    return [d for d in audio_dates(vault) if d.is_due(moment)]
