"""Real recorded speech in Spanish and English for tests and benchmarks.

The Debian packages ``asterisk-core-sounds-es-wav`` and ``asterisk-core-sounds-en-wav``
(installed by installer/system-packages.sh) hold studio recordings of one human speaker,
Allison Smith, reading telephone prompts in Mexican Spanish and US English (CC-BY-SA-3.0),
with the text of each prompt in ``core-sounds-<lang>.txt.gz``. They are 8 kHz, so they are
harder than a laptop microphone, not easier. Nothing is synthesised here.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SOUNDS = Path("/usr/share/asterisk/sounds")
_FOLDERS = {"es": "es_MX_f_Allison", "en": "en_US_f_Allison"}
_TEXTS = {"es": Path("/usr/share/doc/asterisk-core-sounds-es/core-sounds-es.txt.gz"),
          "en": Path("/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz")}
# Long, varied prompts (no digit menus, which Whisper writes as numerals).
SPANISH_PROMPTS = ("demo-congrats", "demo-nogo", "conf-onlyperson", "confbridge-removed", "demo-thanks")
MIXED_PROMPTS = ("demo-nogo", "conf-onlyperson", "demo-thanks", "dir-nomatch", "conf-waitforleader",
                 "confbridge-removed")
PACKAGES = "asterisk-core-sounds-es-wav asterisk-core-sounds-es asterisk-core-sounds-en-wav asterisk-core-sounds-en"


def available() -> bool:
    return all((SOUNDS / f).is_dir() for f in _FOLDERS.values()) and all(p.is_file() for p in _TEXTS.values())


def require() -> None:
    """Fail (not skip) when the recordings are missing: a language check must run."""
    import pytest
    if not available():
        pytest.fail(f"real Spanish/English speech is missing: apt-get install {PACKAGES}")


def texts(language: str) -> dict[str, str]:
    with gzip.open(_TEXTS[language], "rt", encoding="utf-8", errors="replace") as fh:
        lines = [line.strip() for line in fh if ":" in line and not line.startswith(";")]
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in lines)}


def fold(text: str) -> str:
    """Without accents (the prompt texts are written without most of them)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def speech(items: list[tuple[str, str]], gap_s: float = 0.6) -> tuple[np.ndarray, str]:
    """The prompts ``[(language, name), ...]`` one after another with short pauses, as float32
    mono 16 kHz, and their reference text."""
    import numpy as np
    import soundfile as sf

    from core.audio.resample import downmix, resample

    pieces, words = [], []
    gap = np.zeros(int(gap_s * 16000), dtype=np.float32)
    for language, name in items:
        samples, rate = sf.read(SOUNDS / _FOLDERS[language] / f"{name}.wav", dtype="float32")
        pieces += [resample(downmix(samples), rate).astype(np.float32), gap]
        words.append(texts(language)[name])
    return np.ascontiguousarray(np.concatenate(pieces)), " ".join(words)


def spanish_speech() -> tuple[np.ndarray, str]:
    """About 70 s of real Spanish (more than the 30 s language detection looks at)."""
    return speech([("es", n) for n in SPANISH_PROMPTS])


def mixed_speech() -> tuple[np.ndarray, str]:
    """Spanish and English prompts taking turns (code-switching by one speaker)."""
    return speech([("es" if i % 2 == 0 else "en", n) for i, n in enumerate(MIXED_PROMPTS)])


def write_wav(audio: np.ndarray, path: Path) -> Path:
    import soundfile as sf
    sf.write(path, audio, 16000, subtype="PCM_16")
    return path
