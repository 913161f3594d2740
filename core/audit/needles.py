"""What the plaintext scan looks for, gathered from the unlocked vault (through repositories).

Transcript text is sampled as phrases of four words (single common words would match any
English file); raw audio as short windows of loud samples in the encodings a leaked file would
use. Nothing gathered here is ever printed: reports name only the kind of needle.
"""

from __future__ import annotations

import base64
import logging
import random
from dataclasses import dataclass, field

import numpy as np

from core.audio.source import read_audio
from core.audit.scan import Needle, text_needles
from core.vault import Vault
from core.vault.interviews import InterviewRepo
from core.vault.keys import DeviceKeyRepo
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import TranscriptRepo

log = logging.getLogger(__name__)

MAX_INTERVIEWS = 50
PHRASES_PER_INTERVIEW = 4
MAX_RECORDINGS = 20
AUDIO_WINDOW_SAMPLES = 32
WINDOWS_PER_RECORDING = 3


@dataclass
class NeedleSet:
    needles: list[Needle] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)   # distinct items per kind
    recordings: int = 0

    def extend(self, kind: str, items: list[Needle]) -> None:
        self.needles.extend(items)
        if items:
            self.counts[kind] = self.counts.get(kind, 0) + len(items)

    def texts(self) -> list[str]:
        """The text needles (for checking the security log's details)."""
        out = []
        for n in self.needles:
            if n.kind in ("transcript phrase", "participant code", "protected name", "workplace name"):
                try:
                    out.append(n.data.decode("utf-8"))
                except UnicodeDecodeError:
                    continue
        return out


def _phrases(texts: list[str], rng: random.Random, k: int) -> list[str]:
    phrases = []
    for text in texts:
        words = text.split()
        for i in range(0, max(0, len(words) - 3), 4):
            phrase = " ".join(words[i:i + 4])
            if len(phrase) >= 16:
                phrases.append(phrase)
    rng.shuffle(phrases)
    return phrases[:k]


def audio_windows(samples: np.ndarray, rng: random.Random) -> list[Needle]:
    """Short windows of loud samples as PCM16 (two scalings) and float32, little-endian."""
    n = AUDIO_WINDOW_SAMPLES
    if len(samples) < n * 4:
        return []
    frames = len(samples) // n
    energy = np.abs(samples[: frames * n].reshape(frames, n)).mean(axis=1)
    loud = np.argsort(energy)[::-1][: max(WINDOWS_PER_RECORDING * 4, 1)]
    picked = rng.sample(list(loud), min(WINDOWS_PER_RECORDING, len(loud)))
    out = []
    for frame in picked:
        window = samples[frame * n:(frame + 1) * n].astype(np.float64)
        for scale in (32768.0, 32767.0):
            pcm = np.clip(np.round(window * scale), -32768, 32767).astype("<i2")
            if len(set(pcm.tolist())) < n // 2:   # near-silence would match unrelated files
                break
            out.append(Needle("raw audio (PCM16)", pcm.tobytes()))
        else:
            out.append(Needle("raw audio (float32)", window.astype("<f4").tobytes()))
    return out


def _recording_needles(vault: Vault, interview_ids: list[str], rng: random.Random,
                       found: NeedleSet) -> None:
    repo = RecordingRepo(vault)
    for iid in interview_ids:
        for rec in repo.for_interview(iid):
            if found.recordings >= MAX_RECORDINGS:
                return
            samples = read_audio(vault, rec.id)
            items = audio_windows(samples, rng)
            if items:
                found.recordings += 1
                found.extend("raw audio", items)


def _key_needles(vault: Vault) -> list[Needle]:
    secrets_: list[bytes] = []
    master = getattr(vault, "_master_key", None)
    for key in (master, vault.db_key()):
        if key:
            secrets_ += [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]
    repo = DeviceKeyRepo(vault)
    for kind in ("ed25519", "age", "device", "age_identity"):
        stored = repo.get(kind)
        if stored is not None and len(stored.secret) >= 16:
            secrets_.append(stored.secret.encode())
    return [Needle("key material", s) for s in secrets_]


def gather(vault: Vault, seed: int | None = None) -> NeedleSet:
    """Every needle for this vault's plaintext scan."""
    rng = random.Random(seed)
    found = NeedleSet()
    interviews = InterviewRepo(vault).list()[:MAX_INTERVIEWS]
    transcripts = TranscriptRepo(vault)
    phrases: list[str] = []
    for iv in interviews:
        texts = [s.text for s in transcripts.current_segments(iv.id)]
        phrases += _phrases(texts, rng, PHRASES_PER_INTERVIEW)
    found.extend("transcript phrase", text_needles("transcript phrase", phrases, 16))
    found.extend("participant code", text_needles("participant code", [i.participant_code for i in interviews]))
    names = [n.name for iv in interviews for n in iv.protected_names]
    found.extend("protected name", text_needles("protected name", names, 4))
    found.extend("workplace name", text_needles("workplace name", InterviewRepo(vault).workplace_names(), 5))
    _recording_needles(vault, [iv.id for iv in interviews], rng, found)
    found.extend("key material", _key_needles(vault))
    return found
