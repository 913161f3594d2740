"""Limits a joined study sets that the laptop's own preferences may tighten, never loosen."""

from __future__ import annotations

from core.vault import Vault

AUTOLOCK_KEY = "autolock_minutes"  # core.study.format.SETTINGS: the study's longest idle time


def autolock_cap(vault: Vault) -> int | None:
    """The longest idle time before locking that the study allows, in minutes (None: no limit)."""
    raw = vault.get_setting(AUTOLOCK_KEY)
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def effective_autolock(preferred_minutes: int, cap: int | None) -> int:
    """The person's choice, but never longer than the study allows."""
    return min(preferred_minutes, cap) if cap else preferred_minutes
