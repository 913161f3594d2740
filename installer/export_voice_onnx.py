"""Export the GE2E voice encoder (resemblyzer's pretrained.pt) to ONNX for builds without torch.

Run at build time in the build venv (torch, resemblyzer and onnx installed)::

    .venv/bin/python installer/export_voice_onnx.py build/voice-onnx

It writes ``voice.onnx`` (LSTM, linear, ReLU and L2 normalisation in one graph: mel windows
in, unit voice vectors out; dynamic batch and frame count) and ``voice.json``.
core/speakers/encoder.py runs it with onnxruntime; tests/unit/speakers/test_encoder_onnx.py
checks its vectors against torch's. Decision 0125.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILES = ("voice.onnx", "voice.json")
FORMAT = 1  # = core.speakers.encoder.ONNX_FORMAT


def export(out_dir: Path) -> Path:
    """Write the export into ``out_dir`` and return it."""
    import torch

    from core.speakers.encoder import MODEL_NAME, WINDOW_FRAMES, build_torch_module, weights_path

    path = weights_path()
    if path is None:
        raise SystemExit("resemblyzer is not installed (pip install --no-deps resemblyzer==0.1.4).")
    started = time.monotonic()
    warnings.filterwarnings("ignore")  # the tracer's notes on LSTM batch_first
    torch.set_num_threads(1)
    module = build_torch_module(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    example = torch.rand(2, WINDOW_FRAMES, 40)
    with torch.no_grad():
        torch.onnx.export(module, (example,), str(out_dir / "voice.onnx"), input_names=["mels"],
                          output_names=["voice"], dynamic_axes={"mels": {0: "batch", 1: "frames"},
                                                                 "voice": {0: "batch"}},
                          opset_version=17, do_constant_folding=True, dynamo=False)
    (out_dir / "voice.json").write_text(json.dumps({
        "format": FORMAT, "model": MODEL_NAME, "source_package": "resemblyzer 0.1.4 (pretrained.pt)",
        "dimensions": 256, "window_frames": WINDOW_FRAMES, "mel": "40 Slaney bands, 25 ms / 10 ms, power",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"exported the voice encoder to {out_dir} in {time.monotonic() - started:.1f} s "
          f"({(out_dir / 'voice.onnx').stat().st_size / 1e6:.1f} MB)")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (e.g. build/voice-onnx)")
    export(parser.parse_args(argv).out_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
