"""Names of vault settings that more than one layer reads (one definition of each)."""

from __future__ import annotations

STUDY_ID = "study.id"            # the study this researcher vault joined (core.study)
STUDY_VERSION = "study.version"  # its version; packets carry both (docs/packet-format.md §5.2)
COORDINATOR_STUDIES = "coordinator.studies"  # JSON {study id: title} of studies this vault signed
PDF_PAPER = "pdf.paper"          # "letter" (default) or "a4", for every PDF (core.reports.fonts)
