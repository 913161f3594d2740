"""Spanish and code-switched (Spanish/English) transcription on real recorded speech.

Audio: Debian's asterisk-core-sounds-es-wav / -en-wav (one human speaker, Allison Smith,
reading prompts in Mexican Spanish and US English; 8 kHz studio recordings, CC-BY-SA-3.0),
through tests/helpers/prompts.py. Reference texts ship with the packages; WER is computed
with accents folded (the reference texts lack most of them) and punctuation removed.

Runs the engine child directly (faster-whisper, beam 5, VAD on, int8), so the numbers are the
model and the options, not the vault:
- Spanish, ~72 s: tiny.en with no language (what Confidant did before decision 0130), base
  told "es" (what a Spanish-guide interview now gets), base detecting the language.
- Mixed, ~37 s, the language changing every prompt: base fixed to es, fixed to en, detected on
  the first 30 s, faster-whisper's ``multilingual`` (detection per 30 s window), and
  per-pause detection (each VAD speech chunk gets its own language, then is decoded with it).

    .venv/bin/python benchmarks/transcription/bench_language.py

Writes benchmarks/results/transcription-language.json and prints a table.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results" / "transcription-language.json"
SR = 16000


def _wer(reference: str, hypothesis: str) -> float:
    from tests.helpers.prompts import fold
    from tests.helpers.transcription import wer
    return round(wer(fold(reference), fold(hypothesis)), 3)


def _run(proc, audio, options) -> tuple[str, str, float]:
    t0 = time.monotonic()
    result = proc.transcribe(audio, options)
    return " ".join(s.text for s in result.segments), result.language, time.monotonic() - t0


def _per_pause(proc, audio, options) -> tuple[str, str, float]:
    """Each speech chunk between pauses: detect its language, then decode it in that language."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    t0 = time.monotonic()
    chunks = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=400))
    texts, langs = [], []
    for c in chunks:
        clip = audio[max(0, c["start"] - 1600):c["end"] + 1600]
        lang = proc.detect_language(clip).language
        langs.append(lang)
        result = proc.transcribe(clip, replace(options, language=lang))
        texts += [s.text for s in result.segments]
    return " ".join(texts), ",".join(langs), time.monotonic() - t0


def main() -> int:
    from core.transcription.engine import EngineOptions
    from core.transcription.registry import find_model
    from core.transcription.runner import EngineProcess
    from tests.helpers import prompts

    if not prompts.available():
        print(f"needs the Debian packages: {prompts.PACKAGES}")
        return 1
    es_audio, es_ref = prompts.spanish_speech()
    mix_audio, mix_ref = prompts.mixed_speech()
    opts = EngineOptions(beam_size=5)
    rows = []
    with EngineProcess("faster-whisper", find_model("tiny.en"), opts) as tiny:
        text, lang, s = _run(tiny, es_audio, opts)
        rows.append(("spanish", "tiny.en, no language (before)", lang, _wer(es_ref, text), s))
    with EngineProcess("faster-whisper", find_model("base"), opts) as base:
        base.start()
        for label, o in (("base, es from the guide", replace(opts, language="es")),
                         ("base, detected", opts)):
            text, lang, s = _run(base, es_audio, o)
            rows.append(("spanish", label, lang, _wer(es_ref, text), s))
        detected = base.detect_language(mix_audio).language
        for label, o in (("base, fixed es", replace(opts, language="es")),
                         ("base, fixed en", replace(opts, language="en")),
                         (f"base, detected on first 30 s ({detected})", replace(opts, language=detected)),
                         ("base, multilingual (per 30 s window)", replace(opts, multilingual=True))):
            text, lang, s = _run(base, mix_audio, o)
            rows.append(("mixed", label, lang, _wer(mix_ref, text), s))
        text, langs, s = _per_pause(base, mix_audio, opts)
        rows.append(("mixed", "base, per-pause detection", langs, _wer(mix_ref, text), s))
    print(f"{'set':<8} {'how':<44} {'language':<18} {'WER':>6} {'s':>6}")
    for row in rows:
        print(f"{row[0]:<8} {row[1]:<44} {row[2][:18]:<18} {row[3]:>6.3f} {row[4]:>6.1f}")
    RESULTS.write_text(json.dumps({
        "machine": platform.platform(), "engine": "faster-whisper int8 beam 5 vad",
        "spanish_audio_s": round(len(es_audio) / SR, 1), "mixed_audio_s": round(len(mix_audio) / SR, 1),
        "rows": [dict(zip(("set", "how", "language", "wer", "seconds"), r, strict=True)) for r in rows]},
        indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
