"""What the app should remind the researcher of now: a backup due, audio past its keep date."""

from __future__ import annotations

from core.vault import Vault


def reminders(vault: Vault) -> list[str]:
    """Plain sentences, most urgent first; [] when nothing is due. Never participant data."""
    from core.lifecycle.backup import backup_reminder
    from core.lifecycle.retention import reminder as retention_reminder
    out = []
    audio = retention_reminder(vault)
    if audio:
        out.append(audio)
    backup = backup_reminder(vault)
    if backup:
        out.append(backup)
    return out
