"""What every engine takes and gives: options in, timed segments with word confidences out.

These are plain picklable dataclasses: they cross the pipe between Confidant and the engine's
child process. Times are seconds on the clock of the audio the engine was given; the service
maps them back to the recording's clock.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = "faster-whisper"


@dataclass(frozen=True)
class EngineOptions:
    """The options both engines share (the guardrails are on by default)."""

    language: str | None = None          # None: detect (multilingual models) / "en"
    beam_size: int = 5
    initial_prompt: str | None = None    # custom vocabulary: names of places, jargon
    word_timestamps: bool = True         # per-word timings and probabilities
    vad: bool = True                     # skip long silences before decoding
    # Off by default: conditioning on earlier text is what lets Whisper loop on a phrase.
    condition_on_previous_text: bool = False
    # Detect the language of every 30 s window (faster-whisper only): for interviews that
    # switch between languages. Measured in benchmarks/transcription (decision 0131).
    multilingual: bool = False
    compute_type: str = "int8"           # faster-whisper only
    cpu_threads: int = 0                 # 0: one per core (CTranslate2 would take 4)

    @property
    def threads(self) -> int:
        """Threads to use: more than the cores only adds contention on a laptop."""
        import os
        return self.cpu_threads or max(1, os.cpu_count() or 1)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> EngineOptions:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RawWord:
    start_s: float
    end_s: float
    word: str
    probability: float


@dataclass
class RawSegment:
    start_s: float
    end_s: float
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float
    words: list[RawWord] = field(default_factory=list)


@dataclass
class EngineResult:
    segments: list[RawSegment]
    language: str
    audio_s: float
    elapsed_s: float
    language_probability: float = 0.0    # when the engine detected the language itself


@dataclass(frozen=True)
class DetectedLanguage:
    """What the engine heard in the first 30 s of speech."""

    language: str
    probability: float
