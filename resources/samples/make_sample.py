"""Make the bundled sample interview from its script, reproducibly and without temp files.

    python resources/samples/make_sample.py

Speaks each turn of interview-script.yaml with espeak-ng (two voices), joins the turns with
short pauses at 16 kHz mono, and writes sample-interview.ogg (Vorbis) plus
sample-interview.markers.json (a next-question marker at the start of each question turn).
espeak-ng writes WAV to its stdout; the audio stays in memory until the OGG is written.
"""

from __future__ import annotations

import io
import json
import subprocess
from math import gcd
from pathlib import Path

import numpy as np
import soundfile as sf
import yaml
from scipy.signal import resample_poly

HERE = Path(__file__).resolve().parent
SAMPLE_RATE_HZ = 16000
WORDS_PER_MINUTE = 155
PAUSE_BETWEEN_TURNS_S = 0.7
PAUSE_AFTER_QUESTION_S = 0.9


def speak(text: str, voice: str) -> np.ndarray:
    """One turn as float32 mono at 16 kHz (espeak-ng speaks at 22.05 kHz)."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "--stdout", text],
                         check=True, capture_output=True).stdout
    audio, rate = sf.read(io.BytesIO(wav), dtype="float32")
    if audio.ndim > 1:
        audio = audio.mean(axis=1)
    g = gcd(rate, SAMPLE_RATE_HZ)
    return resample_poly(audio, SAMPLE_RATE_HZ // g, rate // g).astype(np.float32)


def build(script_path: Path = HERE / "interview-script.yaml") -> tuple[np.ndarray, list[dict]]:
    script = yaml.safe_load(script_path.read_text(encoding="utf-8"))
    voices = script["voices"]
    pieces: list[np.ndarray] = []
    markers: list[dict] = []
    offset = 0
    for turn in script["turns"]:
        if turn.get("question"):
            markers.append({"kind": "next_question", "question_id": turn["question"], "sample_offset": offset})
        audio = speak(turn["text"], voices[turn["speaker"]])
        pause_s = PAUSE_AFTER_QUESTION_S if turn.get("question") else PAUSE_BETWEEN_TURNS_S
        pause = np.zeros(int(pause_s * SAMPLE_RATE_HZ), dtype=np.float32)
        pieces += [audio, pause]
        offset += len(audio) + len(pause)
    signal = np.concatenate(pieces)
    signal = (0.8 * signal / max(1e-6, float(np.abs(signal).max()))).astype(np.float32)
    return signal, markers


def main() -> None:
    signal, markers = build()
    # libsndfile 1.2 crashes when Vorbis gets a long buffer in one write: write in blocks.
    with sf.SoundFile(HERE / "sample-interview.ogg", "w", SAMPLE_RATE_HZ, 1, format="OGG",
                      subtype="VORBIS") as out:
        for start in range(0, len(signal), 8192):
            out.write(signal[start:start + 8192])
    (HERE / "sample-interview.markers.json").write_text(
        json.dumps({"sample_rate_hz": SAMPLE_RATE_HZ, "markers": markers}, indent=2) + "\n", encoding="utf-8")
    print(f"sample-interview.ogg: {len(signal) / SAMPLE_RATE_HZ:.1f} s, {len(markers)} question markers")


if __name__ == "__main__":
    main()
