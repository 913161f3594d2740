"""Crash recovery of recordings: lives in ``core.vault.recovery`` because every unlock runs
it (``Vault.open``); named here too, beside the capture code whose crashes it repairs."""

from __future__ import annotations

from core.vault.recovery import recover_unfinished

__all__ = ["recover_unfinished"]
