"""What the app should remind the researcher of now: audio past its keep date, a backup due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.vault import Vault


@dataclass(frozen=True)
class Reminder:
    """One thing due. ``kind``: audio_past_date | no_backup | backup_old; numbers, never content."""

    kind: str
    count: int = 0          # interviews (audio_past_date) or days (backup_old)
    sentence: str = ""      # the same in English (CLI, logs); the desktop words it itself


def due_reminders(vault: Vault) -> list[Reminder]:
    """Most urgent first; [] when nothing is due."""
    from core.lifecycle.backup import SETTING_LAST_BACKUP, backup_reminder
    from core.lifecycle.retention import reminder as retention_reminder
    from core.vault.retention import audio_past_due
    out = []
    audio = retention_reminder(vault)
    if audio:
        out.append(Reminder("audio_past_date", len(audio_past_due(vault)), audio))
    backup = backup_reminder(vault)
    if backup:
        last = vault.get_setting(SETTING_LAST_BACKUP)
        if last is None:
            out.append(Reminder("no_backup", 0, backup))
        else:
            days = (dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(last)).days
            out.append(Reminder("backup_old", days, backup))
    return out


def reminders(vault: Vault) -> list[str]:
    """The reminders as plain English sentences."""
    return [r.sentence for r in due_reminders(vault)]
