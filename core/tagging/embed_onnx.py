"""all-MiniLM-L6-v2 through onnxruntime + tokenizers, for builds without torch (decision 0080).

The installer exports the packaged model at build time (installer/export_minilm_onnx.py) into
a folder holding ``model.onnx`` (transformer, mean pooling and L2 normalisation in one graph),
``tokenizer.json`` and ``minilm.json``. The vectors match the torch model's to cosine ≥ 0.999
(tests/unit/tagging/test_embed_onnx.py). Nothing here downloads anything.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

ENV_DIR = "CONFIDANT_MINILM_ONNX"
BUNDLE_SUBDIR = Path("models") / "minilm-onnx"
FORMAT = 1  # must match installer/export_minilm_onnx.py FORMAT
REQUIRED = ("model.onnx", "tokenizer.json", "minilm.json")


def find_export() -> Path | None:
    """The export folder to use: ``$CONFIDANT_MINILM_ONNX``, else the PyInstaller bundle's."""
    named = os.environ.get(ENV_DIR)
    candidates = [Path(named)] if named else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / BUNDLE_SUBDIR)
    for folder in candidates:
        if all((folder / name).is_file() for name in REQUIRED):
            return folder
    return None


class OnnxMiniLM:
    """Same ``encode`` as the SentenceTransformer call in embed.py: unit rows, float32."""

    def __init__(self, folder: Path, threads: int = 1) -> None:
        # onnxruntime starts a telemetry client that writes a session file into $TMPDIR unless
        # this is set before import (decision 0025); a privacy product runs no telemetry.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((folder / "minilm.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"unsupported MiniLM export format {meta.get('format')!r}")
        self.dimensions = int(meta["dimensions"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # Set again here so an export made by hand behaves the same as the installer's.
        self.tokenizer.enable_truncation(max_length=int(meta["max_seq_length"]))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        # One thread, like torch in embed.py: steadier on two shared cores.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / "model.onnx"), sess_options=options,
                                            providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Embed ``texts`` in batches; rows are unit length."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Sorting by length keeps padding (wasted work) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
            }
            (vectors,) = self.session.run(None, {k: v for k, v in feed.items()
                                                 if k in self._inputs})
            out[rows] = vectors
        return out


def load(folder: Path) -> OnnxMiniLM:
    """Load the export in ``folder`` (one intra-op thread) and log how long it took."""
    started = time.monotonic()
    model = OnnxMiniLM(folder)
    log.info("sentence model (onnx) loaded in %.1f s", time.monotonic() - started)
    return model
