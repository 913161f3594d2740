"""Confidant's Qt-free core: the encrypted vault and every service the app offers.

Nothing in ``core`` may import PySide6, shiboken6 or ``desktop`` (an import-linter contract
and a test enforce it). Lower layers never import higher ones:
errors/jobs < vault < audio, guide < transcription, tagging, deid < packets, reports,
coordinator, audit < cli.
"""

import os as _os

__version__ = "0.1.0"

# Offline and quiet, in every process that loads Confidant, before any library is imported:
# no model hub lookups, and no onnxruntime telemetry client (it writes a session file into
# $TMPDIR otherwise; decision 0025).
for _name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ORT_DISABLE_TELEMETRY"):
    _os.environ.setdefault(_name, "1")
