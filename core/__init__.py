"""Confidant's Qt-free core: the encrypted vault and every service the app offers.

Nothing in ``core`` may import PySide6, shiboken6 or ``desktop`` (an import-linter contract
and a test enforce it). Lower layers never import higher ones:
errors/jobs < vault < audio, guide < transcription, tagging, deid < packets, reports,
coordinator, audit < cli.
"""

__version__ = "0.1.0"
