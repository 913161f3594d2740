"""The sites an interview may be at: the joined study's list (or anything, with no study)."""

from __future__ import annotations

import json

from core.errors import InvalidInput, Msg
from core.study import format as f
from core.vault import Vault


def study_sites(vault: Vault) -> tuple[str, ...] | None:
    """The study's sites, or None when the vault has joined no study."""
    raw = vault.get_setting(f.KEY_STUDY_SITES)
    return tuple(json.loads(raw)) if raw else None


def check_site(vault: Vault, site: str, *, confirmed: bool = False) -> str:
    """``site`` as the study spells it; refuses a site outside the study, with the list."""
    sites = study_sites(vault)
    if sites is None:
        return site
    for known in sites:
        if known.casefold() == site.strip().casefold():
            return known
    listed = ", ".join(sites)
    title = vault.get_setting(f.KEY_STUDY_TITLE) or "your study"
    if vault.get_setting(f.KEY_STUDY_ALLOW_OTHER_SITES) == "1":
        if confirmed:
            return site.strip()
        raise InvalidInput(Msg("study.not_one_sites", site=site, title=title, listed=listed),
                           Msg("study.not_one_sites_2.hint"))
    raise InvalidInput(Msg("study.not_one_sites", site=site, title=title, listed=listed),
                       Msg("study.not_one_sites.hint"))
