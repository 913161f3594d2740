"""Constants of the study file format (docs/study-format.md §2); one definition of each."""

from __future__ import annotations

import re

from core.vault import settings_keys

MAGIC_LINE = "CONFIDANT-STUDY/1"
BODY_FORMAT = "confidant-study/1"
SIGNATURE_CONTEXT = b"confidant-study/v1 signature\n"
STUDY_SUFFIX = ".cstudy"
MAX_STUDY_LEN = 8 * 1024 * 1024      # bytes of the whole file
MAX_GUIDES = 32
MAX_GUIDE_LEN = 256 * 1024           # bytes of one guide's YAML
MAX_SITES = 500
MAX_RECIPIENTS = 16
MAX_TITLE_LEN = 200
STUDY_ID_RE = re.compile(r"^[0-9a-f]{32}$")
SITE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,39}$")

# Settings a study may carry: name -> (kind, low, high). Anything else is refused by name.
SETTINGS: dict[str, tuple[str, int, int]] = {
    "transcription.model.en": ("text", 1, 80),
    "transcription.model.es": ("text", 1, 80),
    "retention.audio_days_after_signoff": ("int", 0, 3650),
    "share.k": ("int", 2, 50),
    "share.quote_min_interviews": ("int", 1, 1000),
    "autolock_minutes": ("int", 1, 30),
}

# Vault settings where a joined study is kept (the researcher's vault; never in a packet body
# except STUDY_ID and STUDY_VERSION, which packets carry inside the encryption).
KEY_STUDY_ID = settings_keys.STUDY_ID
KEY_STUDY_VERSION = settings_keys.STUDY_VERSION
KEY_STUDY_TITLE = "study.title"
KEY_STUDY_SIGNER = "study.signer"
KEY_STUDY_SITES = "study.sites"
KEY_STUDY_ALLOW_OTHER_SITES = "study.allow_other_sites"
KEY_STUDY_FILE = "study.file"
