"""Interview guides and their codebook of themes: the YAML format, validation with line
numbers, and versions stored in the vault.

Imports core.errors, core.jobs and core.vault only.
"""
