"""The share rules and quote decisions a coordinator vault keeps (decisions 0115, 0116).

k, the quote threshold and the report language are vault settings, so every report, brief and dashboard made from
this vault applies the same ones. Quote decisions (approve / reject a flagged quote) are kept
in the vault as one JSON map keyed by ``quote_key`` (no text), and each decision is written to
the security log with the key and the kinds of flag — never the quote's words.
"""

from __future__ import annotations

import json
import logging

from core.errors import InvalidInput, Msg
from core.reports.catalogue import check_language
from core.reports.disclosure import DEFAULT_K, DEFAULT_QUOTE_MIN_INTERVIEWS, Rules
from core.reports.share_quotes import APPROVED, REJECTED
from core.vault.db import Vault

log = logging.getLogger(__name__)

K_SETTING = "share.k"
QUOTE_MIN_SETTING = "share.quote_min_interviews"
DECISIONS_SETTING = "share.quote_decisions"


def rules(vault: Vault) -> Rules:
    """The vault's share rules (defaults k = 5, quotes from themes in >= 10 interviews)."""
    k = int(vault.get_setting(K_SETTING) or DEFAULT_K)
    quote_min = int(vault.get_setting(QUOTE_MIN_SETTING) or DEFAULT_QUOTE_MIN_INTERVIEWS)
    return Rules(k, max(quote_min, k))


def set_rules(vault: Vault, *, k: int | None = None, quote_min_interviews: int | None = None) -> Rules:
    """Change k and/or the quote threshold; logged in the security log."""
    current = rules(vault)
    new_k = current.k if k is None else k
    new_q = current.quote_min_interviews if quote_min_interviews is None else quote_min_interviews
    if new_k < 2:
        raise InvalidInput(Msg("coordinator.smallest_group_shown_must"),
                           Msg("coordinator.smallest_group_shown_must.hint"))
    if new_q < new_k:
        raise InvalidInput(Msg("coordinator.quotes_need_theme_raised", new_k=new_k),
                           Msg("coordinator.quotes_need_theme_raised.hint", new_k=new_k, default_quote_min_interviews=DEFAULT_QUOTE_MIN_INTERVIEWS))
    vault.set_setting(K_SETTING, str(new_k))
    vault.set_setting(QUOTE_MIN_SETTING, str(new_q))
    vault.audit("share_rules_changed", {"k": new_k, "quote_min_interviews": new_q})
    return Rules(new_k, new_q)


def quote_decisions(vault: Vault) -> dict[str, str]:
    """quote key -> "approved" | "rejected"."""
    raw = vault.get_setting(DECISIONS_SETTING)
    return dict(json.loads(raw)) if raw else {}


def decide_quote(vault: Vault, key: str, decision: str, *, kinds: list[str] | None = None) -> None:
    """Approve or reject one flagged quote for shared reports; logged (key and flag kinds only)."""
    if decision not in (APPROVED, REJECTED):
        raise ValueError(decision)
    decisions = quote_decisions(vault)
    decisions[key] = decision
    vault.set_setting(DECISIONS_SETTING, json.dumps(decisions, sort_keys=True))
    vault.audit(f"quote_{decision}", {"quote": key, "flags": sorted(set(kinds or []))})
    log.info("quote %s %s", key, decision)


LANGUAGE_SETTING = "report.language"


def report_language(vault: Vault, default: str = "en") -> str:
    """The language the coordinator's reports are written in (decision 0175): the vault's
    choice, else ``default`` (the desktop passes its interface language)."""
    from core.reports.catalogue import LANGUAGES
    stored = vault.get_setting(LANGUAGE_SETTING)
    return stored if stored in LANGUAGES else check_language(default)


def set_report_language(vault: Vault, language: str) -> str:
    """Keep the report language with the report settings ("en" or "es"; anything else refused)."""
    lang = check_language(language)
    vault.set_setting(LANGUAGE_SETTING, lang)
    return lang
