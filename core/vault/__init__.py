"""The encrypted vault: key file, SQLCipher connection, schema and migrations, audit log,
and the repositories that are the only code writing SQL.

Imports only ``core.errors`` and ``core.jobs`` from Confidant; never Qt or anything above.
"""

from core.vault.db import Vault

__all__ = ["Vault"]
