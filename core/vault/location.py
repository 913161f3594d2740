"""Where a person's vault lives when they have not chosen a folder (CLI and desktop alike)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Confidant"


def default_vault_dir() -> Path:
    """$CONFIDANT_DATA_DIR, else the platform's user data folder (platformdirs) / "vault"."""
    env = os.environ.get("CONFIDANT_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"
