"""The GE2E voice encoder: 1.6 s of mel frames in, a unit 256-d voice vector out.

The weights are ``pretrained.pt`` inside the resemblyzer wheel (installed without its
dependencies: only the file is used, not its librosa/webrtcvad code). Two runtimes give the
same vectors: torch (development and the full install) and onnxruntime on the export the
installer makes at build time (``installer/export_voice_onnx.py``; decision 0125), so a
build without torch still tells voices apart. Load it in the speaker child process only.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np

from core.errors import VoiceModelMissing

log = logging.getLogger(__name__)

WINDOW_FRAMES = 160          # 1.6 s: the partial-utterance length the encoder was trained on
EMBEDDING_DIM = 256
ENV_DIR = "CONFIDANT_VOICE_ONNX"
BUNDLE_SUBDIR = Path("models") / "voice-onnx"
ONNX_FORMAT = 1              # must match installer/export_voice_onnx.py
ONNX_FILES = ("voice.onnx", "voice.json")
MODEL_NAME = "ge2e-resemblyzer-0.1.4"


class VoiceEncoder(Protocol):
    name: str

    def embed(self, mels: np.ndarray) -> np.ndarray:
        """(n, frames, 40) float32 mel windows -> (n, 256) unit vectors."""
        ...


def weights_path() -> Path | None:
    """resemblyzer's pretrained.pt, if the wheel is installed (found without importing it)."""
    spec = importlib.util.find_spec("resemblyzer")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "pretrained.pt"
    return path if path.is_file() else None


def onnx_export_dir() -> Path | None:
    """The ONNX export: ``$CONFIDANT_VOICE_ONNX``, else the PyInstaller bundle's folder."""
    named = os.environ.get(ENV_DIR)
    candidates = [Path(named)] if named else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / BUNDLE_SUBDIR)
    for folder in candidates:
        if all((folder / f).is_file() for f in ONNX_FILES):
            return folder
    return None


def build_torch_module(path: Path):  # -> torch.nn.Module
    """The encoder network with resemblyzer's weights (LSTM 3x256, linear, ReLU, L2 norm)."""
    import torch
    from torch import nn

    class _GE2E(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm = nn.LSTM(40, 256, 3, batch_first=True)
            self.linear = nn.Linear(256, EMBEDDING_DIM)

        def forward(self, mels: torch.Tensor) -> torch.Tensor:
            _, (hidden, _) = self.lstm(mels)
            raw = torch.relu(self.linear(hidden[-1]))
            return raw / torch.clamp(torch.norm(raw, dim=1, keepdim=True), min=1e-8)

    module = _GE2E()
    state = torch.load(path, map_location="cpu", weights_only=True)["model_state"]
    module.load_state_dict({k: v for k, v in state.items() if not k.startswith("similarity_")})
    module.eval()
    return module


BATCH = 64                   # windows per encoder call


class _Batched:
    """Runs ``_run`` on batches of windows, ``threads`` batches at a time.

    The runtimes' own intra-op threads stay at one: on a 2-core laptop with anything else
    running, torch's two OpenMP threads wait on each other at every LSTM step and the encoder
    ran 6-13x slower (27-81 windows/s against 300-360 with one thread; benchmarks/README.md).
    Whole batches on separate Python threads (both runtimes release the GIL) use the cores
    without that lock-step, and degrade gently when the machine is busy.
    """

    threads = 1
    _pool: ThreadPoolExecutor | None = None

    def _run(self, mels: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def embed(self, mels: np.ndarray, batch: int = BATCH) -> np.ndarray:
        out = np.zeros((len(mels), EMBEDDING_DIM), dtype=np.float32)
        spans = [(i, min(len(mels), i + batch)) for i in range(0, len(mels), batch)]
        if self.threads <= 1 or len(spans) < 2:
            for s, e in spans:
                out[s:e] = self._run(np.ascontiguousarray(mels[s:e], dtype=np.float32))
            return out
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="voice-encoder")
        results = self._pool.map(lambda se: self._run(np.ascontiguousarray(mels[se[0]:se[1]], dtype=np.float32)),
                                 spans)
        for (s, e), vec in zip(spans, results):
            out[s:e] = vec
        return out


class TorchEncoder(_Batched):
    name = MODEL_NAME

    def __init__(self, path: Path, threads: int = 1) -> None:
        import torch

        torch.set_num_threads(1)
        self._torch = torch
        self.threads = max(1, threads)
        self.module = build_torch_module(path)

    def _run(self, mels: np.ndarray) -> np.ndarray:
        with self._torch.inference_mode():  # thread-local: entered on each worker thread
            return self.module(self._torch.from_numpy(mels)).numpy()


class OnnxEncoder(_Batched):
    name = MODEL_NAME

    def __init__(self, folder: Path, threads: int = 1) -> None:
        # No telemetry session file in $TMPDIR (decision 0025).
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime as ort

        meta = json.loads((folder / "voice.json").read_text(encoding="utf-8"))
        if meta.get("format") != ONNX_FORMAT:
            raise ValueError(f"unsupported voice export format {meta.get('format')!r}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.threads = max(1, threads)
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / "voice.onnx"), sess_options=options,
                                            providers=["CPUExecutionProvider"])

    def _run(self, mels: np.ndarray) -> np.ndarray:
        (vec,) = self.session.run(None, {"mels": mels})
        return np.asarray(vec, dtype=np.float32)


def load_encoder(threads: int = 1, prefer: str = "") -> VoiceEncoder:
    """The ONNX export when present (installer) or asked for, else torch with the wheel's weights."""
    folder = onnx_export_dir()
    path = weights_path()
    if folder is not None and prefer != "torch":
        return OnnxEncoder(folder, threads)
    if path is not None and prefer != "onnx":
        try:
            return TorchEncoder(path, threads)
        except ImportError:
            pass
    raise VoiceModelMissing()
