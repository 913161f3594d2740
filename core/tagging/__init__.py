"""Tagging: tie transcript segments to guide questions, suggest themes, manual coding, and
transcript import from other tools.

Imports core.errors, core.jobs, core.vault, core.guide; never Qt, deid, packets or above.
"""
