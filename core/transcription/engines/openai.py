"""The openai-whisper engine (torch). Runs inside the engine child process.

CTranslate2 models reach it through ``core.transcription.converter`` (in memory). openai-whisper
has no VAD of its own, so it gets the same Silero VAD faster-whisper ships (ONNX, no torch):
only the speech is decoded and the timestamps are mapped back. Progress and cancel come from
its tqdm bar, which this module replaces in the child with one that reports to us.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Self

import numpy as np

from core.transcription.engine import DetectedLanguage, EngineOptions, RawSegment, RawWord
from core.transcription.registry import CT2, ModelInfo
from core.transcription.timemap import TimeMap

ProgressFn = Callable[[float, float], None]
_FRAMES_PER_S = 100  # openai-whisper counts progress in mel frames


class _ProgressBar:
    """Stands in for tqdm inside whisper.transcribe; forwards updates to ``current``."""

    current: Callable[[int, int], None] | None = None

    def __init__(self, *args: Any, total: int = 0, **kwargs: Any) -> None:
        self.total, self.n = total, 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        self.n += n
        if _ProgressBar.current is not None:
            _ProgressBar.current(self.n, self.total)


def speech_map(audio: np.ndarray) -> TimeMap:
    """The speech pieces Silero VAD finds (faster-whisper's defaults, as that engine uses)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = get_speech_timestamps(audio, VadOptions())
    return TimeMap(tuple((int(c["start"]), int(c["end"])) for c in chunks))


class OpenAIWhisperEngine:
    name = "openai-whisper"

    def __init__(self, model: ModelInfo, options: EngineOptions) -> None:
        import sys
        import types

        import torch
        import whisper  # noqa: F401 - loads whisper.transcribe (the module, shadowed by the function)

        from core.transcription.converter import checkpoint_from_ct2, load_openai_whisper

        torch.set_num_threads(options.threads)
        if model.engine_format == CT2:
            checkpoint = checkpoint_from_ct2(model.read_model_bin())
            config = json.loads((model.path / "config.json").read_text(encoding="utf-8"))
            self.model = load_openai_whisper(checkpoint, config.get("alignment_heads"))
        else:
            checkpoint = torch.load(model.path, map_location="cpu", weights_only=True)
            # openai-whisper's own checkpoints carry no alignment heads: Whisper() then uses
            # all heads of the upper half of the decoder for word timestamps.
            self.model = load_openai_whisper(checkpoint)
        del checkpoint
        # whisper.transcribe does `import tqdm; tqdm.tqdm(...)`: give that module our bar only.
        sys.modules["whisper.transcribe"].tqdm = types.SimpleNamespace(tqdm=_ProgressBar)  # type: ignore[attr-defined]
        self.english_only = not model.is_multilingual

    def detect_language(self, audio: np.ndarray) -> DetectedLanguage:
        """The language of the first 30 s of speech (silence cut by the same VAD)."""
        import torch
        import whisper

        if self.english_only:
            return DetectedLanguage("en", 1.0)
        clip = speech_map(audio).apply(audio)
        mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(clip if len(clip) else audio),
                                          self.model.dims.n_mels)
        with torch.inference_mode():
            _tokens, probs = self.model.detect_language(mel)
        language = max(probs, key=probs.get)
        return DetectedLanguage(language, float(probs[language]))

    def transcribe(self, audio: np.ndarray, options: EngineOptions,
                   on_progress: ProgressFn) -> tuple[list[RawSegment], str]:
        import torch
        import whisper

        total_s = len(audio) / 16000
        vad = speech_map(audio) if options.vad else TimeMap.keep_all(len(audio))
        clip = vad.apply(audio)
        if len(clip) == 0:
            return [], options.language or ("en" if self.english_only else "")

        def progress(frames: int, total_frames: int) -> None:
            on_progress(total_s * frames / max(1, total_frames), total_s)

        _ProgressBar.current = progress
        try:
            with torch.inference_mode():
                result = whisper.transcribe(
                    self.model, clip, verbose=False, language="en" if self.english_only else options.language,
                    beam_size=options.beam_size if options.beam_size > 1 else None,
                    best_of=5 if options.beam_size > 1 else None,
                    initial_prompt=options.initial_prompt or None,
                    condition_on_previous_text=options.condition_on_previous_text,
                    word_timestamps=options.word_timestamps, fp16=False)
        finally:
            _ProgressBar.current = None
        out: list[RawSegment] = []
        for seg in result["segments"]:
            words = [RawWord(vad.to_source_s(float(w["start"])), vad.to_source_s(float(w["end"]), is_end=True),
                             w["word"], float(w["probability"])) for w in seg.get("words", [])]
            out.append(RawSegment(vad.to_source_s(float(seg["start"])),
                                  vad.to_source_s(float(seg["end"]), is_end=True),
                                  seg["text"].strip(), float(seg["avg_logprob"]), float(seg["no_speech_prob"]),
                                  float(seg["compression_ratio"]), words))
        return out, str(result.get("language") or options.language or "")
