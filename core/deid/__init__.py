"""De-identification: detect identifiers (Presidio + our recognizers, fully offline), keep a
consistent pseudonym map, let the researcher review and sign off.

Imports core.errors, core.jobs, core.vault, core.guide; never Qt, packets or above.
"""
