"""Build the dev-split multi-voice sets of the speakers benchmark (decision 0200).

``dev4_joined``: four real voices taking 18 turns, joined from separate recordings, built the
way ``joined4`` (held out) was but from recordings that are already on the dev side: JFK's
inaugural address (the shared test speech), Allison Smith's US-English prompts (Debian
``asterisk-core-sounds-en-wav``, CC-BY-SA-3.0) and the second and third speakers of
``picovoice_falcon_3spk`` (Apache-2.0). Levels matched at -26 dBFS speech RMS, 0.3-0.9 s
pauses, fixed seed. The count estimate was tuned on this set, never on ``joined4``.

    .venv/bin/python benchmarks/speakers/make_dev_sets.py   # writes data/dev4_joined.flac + .rttm
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.speakers.vad import speech_regions

DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared" / "data"
if not SHARED.is_dir():
    SHARED = REPO.parents[1] / "shared" / "data"
ASTERISK = Path("/usr/share/asterisk/sounds/en")
PROMPTS = ["all-circuits-busy-now", "conf-onlyperson", "demo-congrats", "demo-echotest", "conf-waitforleader",
           "dir-instr", "demo-moreinfo", "conf-userswilljoin", "demo-thanks", "demo-abouttotry"]
SR = 16000


def load(path: Path) -> np.ndarray:
    audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    audio = audio.mean(axis=1)
    if sr != SR:
        from scipy.signal import resample_poly
        audio = resample_poly(audio, SR, sr).astype(np.float32)
    return audio


def utterances(audio: np.ndarray, min_s: float = 0.6, max_s: float = 4.0) -> list[np.ndarray]:
    """Stretches of speech of one recording: VAD regions joined while the piece stays under
    ``max_s`` (so a long prompt becomes several turns, cut in its own pauses)."""
    out: list[list[int]] = []
    for s, e in speech_regions(audio):
        if out and e - out[-1][0] <= max_s * SR and s - out[-1][1] < 0.6 * SR:
            out[-1][1] = e
        else:
            out.append([s, e])
    return [audio[s:e] for s, e in out if e - s >= min_s * SR]


def level(x: np.ndarray, dbfs: float = -26.0) -> np.ndarray:
    rms = float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))
    return (x * (10 ** (dbfs / 20) / max(rms, 1e-6))).astype(np.float32)


def cut_quiet(x: np.ndarray, target_s: float, reach_s: float = 0.3) -> np.ndarray:
    """The first ``target_s`` of a clip, cut at its quietest 20 ms within ``reach_s`` of that
    length (between words, mostly), so a short turn does not end in the middle of a word."""
    if len(x) <= (target_s + reach_s) * SR:
        return x
    hop = SR // 50
    lo, hi = int((target_s - reach_s) * SR) // hop, int((target_s + reach_s) * SR) // hop
    energy = [float(np.mean(x[i * hop:(i + 1) * hop] ** 2)) for i in range(lo, hi)]
    return x[:(lo + int(np.argmin(energy)) + 1) * hop]


def ami_turns(speaker: str) -> list[np.ndarray]:
    """The single-speaker stretches of one AMI speaker in the dev meeting clip (overlaps cut)."""
    audio = load(SHARED / "speakers" / "ami_ES2003a_0-30.wav")
    ref = []
    for line in (SHARED / "speakers" / "ami_ES2003a_0-30.amisetup_only_words.rttm").read_text().splitlines():
        f = line.split()
        ref.append((float(f[3]), float(f[3]) + float(f[4]), f[7]))
    out = []
    for s, e, k in ref:
        if k != speaker or any(k2 != k and s2 < e and e2 > s for s2, e2, k2 in ref):
            continue
        out += utterances(audio[int(s * SR):int(e * SR)])
    return out


def build(name: str, voices: dict[str, list[np.ndarray]], order: list[str], seed: int,
          pause_s: tuple[float, float] = (0.3, 0.9)) -> None:
    rng = np.random.default_rng(seed)
    used = {k: 0 for k in voices}
    pieces = [np.zeros(int(0.5 * SR), np.float32)]
    t = 0.5
    lines = []
    for who in order:
        clips = voices[who]
        clip = level(clips[used[who] % len(clips)])
        used[who] += 1
        lines.append(f"SPEAKER {name} 1 {t:.3f} {len(clip) / SR:.3f} <NA> <NA> {who} <NA> <NA>")
        pause = int(float(rng.uniform(*pause_s)) * SR)
        pieces += [clip, np.zeros(pause, np.float32)]
        t += (len(clip) + pause) / SR
    audio = np.concatenate(pieces)
    sf.write(str(DATA / f"{name}.flac"), audio, SR, subtype="PCM_16")
    (DATA / f"{name}.rttm").write_text("\n".join(lines) + "\n")
    print(f"{name}: {len(audio) / SR:.1f} s, {len(order)} turns, clips per voice "
          f"{ {k: len(v) for k, v in voices.items()} }")


def main() -> int:
    falcon = load(SHARED / "speakers" / "picovoice_falcon_3spk.wav")
    voices = {
        "jfk": utterances(load(SHARED / "audio" / "jfk.flac")),
        "allison": [u for p in PROMPTS for u in utterances(load(ASTERISK / f"{p}.wav"))],
        "falcon2": utterances(falcon[int(6.0 * SR):int(11.3 * SR)], 0.4, 2.6),
        "falcon3": utterances(falcon[int(12.6 * SR):int(18.2 * SR)], 0.4, 2.6),
    }
    order = ["allison", "jfk", "falcon2", "allison", "falcon3", "jfk", "allison", "falcon2", "falcon3",
             "allison", "jfk", "falcon3", "allison", "falcon2", "jfk", "allison", "falcon3", "falcon2"]
    build("dev4_joined", voices, order, 17)
    # Two of the four voices are the two people of one real meeting room (close voices, the
    # same microphone): the count must not merge them, nor split the others.
    room = {"mee009": ami_turns("MEE009"), "mee012": ami_turns("MEE012"), "jfk": voices["jfk"],
            "allison": voices["allison"]}
    order = ["mee009", "mee012", "jfk", "mee009", "allison", "mee012", "jfk", "mee009", "allison",
             "mee012", "mee009", "jfk", "allison", "mee012", "mee009", "allison", "jfk", "mee012"]
    build("dev4_room", room, order, 18)
    # Quick turn-taking (decision 0227): two voices answering each other with 50-200 ms gaps,
    # the way an interview's changes of speaker mostly come; every change is a boundary to find.
    # Short clips (about the first 0.9-3.0 s of each utterance, cut in a quiet spot) keep the
    # turns short, as in conversation.
    quick = {k: [cut_quiet(c, keep_s) for c, keep_s in zip(v, np.resize([0.9, 2.4, 1.4, 3.0, 1.8], len(v)))]
             for k, v in room.items()}
    build("dev2_room_quick", {k: quick[k] for k in ("mee009", "mee012")},
          ["mee009", "mee012"] * 10, 19, (0.05, 0.2))
    build("dev2_quick", {k: quick[k] for k in ("allison", "jfk")}, ["allison", "jfk"] * 10, 20, (0.05, 0.2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
