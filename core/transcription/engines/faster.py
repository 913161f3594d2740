"""The faster-whisper engine (CTranslate2; no torch). Runs inside the engine child process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from core.transcription.engine import DetectedLanguage, EngineOptions, RawSegment, RawWord
from core.transcription.registry import CT2, ModelInfo

ProgressFn = Callable[[float, float], None]  # (done_s, total_s); may raise to stop


class FasterWhisperEngine:
    name = "faster-whisper"

    def __init__(self, model: ModelInfo, options: EngineOptions) -> None:
        from faster_whisper import WhisperModel

        if model.engine_format != CT2:
            raise ValueError("faster-whisper needs a CTranslate2 model")
        threads = options.threads
        if model.bin_parts:
            # A model shipped in parts is streamed from its parts, never assembled on disk
            # (decision 0020). CTranslate2 takes bytes or a file-like object, not a bytearray.
            stream = model.open_model_bin()
            files: dict[str, Any] = {"model.bin": stream}
            for name in ("config.json", "vocabulary.txt", "tokenizer.json", "preprocessor_config.json"):
                path = model.path / name
                if path.is_file():
                    files[name] = path.read_bytes()
            self.model = WhisperModel(model.name, device="cpu", compute_type=options.compute_type,
                                      cpu_threads=threads, files=files)
            stream.close()
            del files
        else:
            self.model = WhisperModel(str(model.path), device="cpu", compute_type=options.compute_type,
                                      cpu_threads=threads)
        self.english_only = not model.is_multilingual
        self.language_probability = 0.0

    def detect_language(self, audio: np.ndarray) -> DetectedLanguage:
        """The language of the first 30 s of speech (silence is skipped first)."""
        if self.english_only:
            return DetectedLanguage("en", 1.0)
        language, probability, _all = self.model.detect_language(audio, vad_filter=True)
        return DetectedLanguage(language, float(probability))

    def transcribe(self, audio: np.ndarray, options: EngineOptions,
                   on_progress: ProgressFn) -> tuple[list[RawSegment], str]:
        total_s = len(audio) / 16000
        language = "en" if self.english_only else options.language
        segments_iter, info = self.model.transcribe(
            audio, language=language, beam_size=options.beam_size,
            initial_prompt=options.initial_prompt or None,
            condition_on_previous_text=options.condition_on_previous_text,
            word_timestamps=options.word_timestamps, vad_filter=options.vad,
            multilingual=options.multilingual and not self.english_only)
        self.language_probability = float(info.language_probability or 0.0) if language is None else 0.0
        out: list[RawSegment] = []
        for seg in segments_iter:  # a generator: decoding happens as we iterate
            words = [RawWord(float(w.start), float(w.end), w.word, float(w.probability))
                     for w in (seg.words or [])]
            out.append(RawSegment(float(seg.start), float(seg.end), seg.text.strip(), float(seg.avg_logprob),
                                  float(seg.no_speech_prob), float(seg.compression_ratio), words))
            on_progress(min(float(seg.end), total_s), total_s)
        return out, info.language or (language or "")
