"""CTranslate2 Whisper weights → an openai-whisper model, in memory.

openai-whisper only loads its own checkpoint format, and the models we can install without a
hub are CTranslate2 ones. The mapping is a renaming plus two splits (CTranslate2 fuses the
self-attention ``[q; k; v]`` rows and the cross-attention ``[k; v]`` rows); openai-whisper's
key projections have no bias, and its output projection is tied to the token embedding.
Nothing is written to disk: the checkpoint dict is built and loaded directly. Checked
numerically against CTranslate2 by tests/unit/transcription/test_converter.py.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from core.transcription.ct2_format import CT2Model, read_ct2

N_MELS_DEFAULT = 80


def _layers(model: CT2Model, prefix: str) -> int:
    pattern = re.compile(rf"^{prefix}/layer_(\d+)/")
    found = {int(m.group(1)) for name in model.variables if (m := pattern.match(name))}
    return max(found) + 1 if found else 0


def dims_of(model: CT2Model) -> dict[str, int]:
    """openai-whisper's ``ModelDimensions`` for a CTranslate2 Whisper model."""
    conv1 = model.variables["encoder/conv1/weight"]
    enc_pos = model.variables["encoder/position_encodings/encodings"]
    dec_pos = model.variables["decoder/position_encodings/encodings"]
    emb = model.variables["decoder/embeddings/weight"]
    return {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(enc_pos.shape[0]),
        "n_audio_state": int(enc_pos.shape[1]),
        "n_audio_head": model.scalar("encoder/num_heads"),
        "n_audio_layer": _layers(model, "encoder"),
        "n_vocab": int(emb.shape[0]),
        "n_text_ctx": int(dec_pos.shape[0]),
        "n_text_state": int(dec_pos.shape[1]),
        "n_text_head": model.scalar("decoder/num_heads"),
        "n_text_layer": _layers(model, "decoder"),
    }


def _attention(model: CT2Model, src: str, dst: str, out: dict[str, np.ndarray], *, cross: bool) -> None:
    if cross:
        q_w, q_b = model.get(f"{src}/linear_0/weight"), model.get(f"{src}/linear_0/bias")
        kv_w, kv_b = model.get(f"{src}/linear_1/weight"), model.get(f"{src}/linear_1/bias")
        k_w, v_w = np.split(kv_w, 2)
        _k_b, v_b = np.split(kv_b, 2)
        o = "linear_2"
    else:
        qkv_w, qkv_b = model.get(f"{src}/linear_0/weight"), model.get(f"{src}/linear_0/bias")
        q_w, k_w, v_w = np.split(qkv_w, 3)
        q_b, _k_b, v_b = np.split(qkv_b, 3)
        o = "linear_1"
    # The key bias is dropped: openai-whisper's key projection has none (it is zero here).
    out[f"{dst}.query.weight"], out[f"{dst}.query.bias"] = q_w, q_b
    out[f"{dst}.key.weight"] = k_w
    out[f"{dst}.value.weight"], out[f"{dst}.value.bias"] = v_w, v_b
    out[f"{dst}.out.weight"] = model.get(f"{src}/{o}/weight")
    out[f"{dst}.out.bias"] = model.get(f"{src}/{o}/bias")
    out[f"{dst}_ln.weight"] = model.get(f"{src}/layer_norm/gamma")
    out[f"{dst}_ln.bias"] = model.get(f"{src}/layer_norm/beta")


def _block(model: CT2Model, src: str, dst: str, out: dict[str, np.ndarray], *, cross: bool) -> None:
    _attention(model, f"{src}/self_attention", f"{dst}.attn", out, cross=False)
    if cross:
        _attention(model, f"{src}/attention", f"{dst}.cross_attn", out, cross=True)
    out[f"{dst}.mlp.0.weight"] = model.get(f"{src}/ffn/linear_0/weight")
    out[f"{dst}.mlp.0.bias"] = model.get(f"{src}/ffn/linear_0/bias")
    out[f"{dst}.mlp.2.weight"] = model.get(f"{src}/ffn/linear_1/weight")
    out[f"{dst}.mlp.2.bias"] = model.get(f"{src}/ffn/linear_1/bias")
    out[f"{dst}.mlp_ln.weight"] = model.get(f"{src}/ffn/layer_norm/gamma")
    out[f"{dst}.mlp_ln.bias"] = model.get(f"{src}/ffn/layer_norm/beta")


def state_dict_of(model: CT2Model) -> dict[str, np.ndarray]:
    """openai-whisper's state dict (float32 numpy arrays) for a CTranslate2 Whisper model."""
    dims = dims_of(model)
    out: dict[str, np.ndarray] = {}
    for conv in ("conv1", "conv2"):
        out[f"encoder.{conv}.weight"] = model.get(f"encoder/{conv}/weight")
        out[f"encoder.{conv}.bias"] = model.get(f"encoder/{conv}/bias")
    out["encoder.positional_embedding"] = model.get("encoder/position_encodings/encodings")
    for i in range(dims["n_audio_layer"]):
        _block(model, f"encoder/layer_{i}", f"encoder.blocks.{i}", out, cross=False)
    out["encoder.ln_post.weight"] = model.get("encoder/layer_norm/gamma")
    out["encoder.ln_post.bias"] = model.get("encoder/layer_norm/beta")
    out["decoder.token_embedding.weight"] = model.get("decoder/embeddings/weight")
    out["decoder.positional_embedding"] = model.get("decoder/position_encodings/encodings")
    for i in range(dims["n_text_layer"]):
        _block(model, f"decoder/layer_{i}", f"decoder.blocks.{i}", out, cross=True)
    out["decoder.ln.weight"] = model.get("decoder/layer_norm/gamma")
    out["decoder.ln.bias"] = model.get("decoder/layer_norm/beta")
    return out


def checkpoint_from_ct2(model_bin: bytes | bytearray | memoryview) -> dict[str, Any]:
    """An openai-whisper checkpoint ``{"dims", "model_state_dict"}`` (torch tensors)."""
    import torch

    model = read_ct2(model_bin)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state_dict_of(model).items()}
    return {"dims": dims_of(model), "model_state_dict": state}


def alignment_heads_mask(alignment_heads: list[list[int]], n_text_layer: int, n_text_head: int) -> Any:
    """openai-whisper's boolean (layer, head) mask from config.json's ``alignment_heads``."""
    import torch

    mask = torch.zeros(n_text_layer, n_text_head, dtype=torch.bool)
    for layer, head in alignment_heads:
        mask[layer, head] = True
    return mask


def load_openai_whisper(checkpoint: dict[str, Any], alignment_heads: list[list[int]] | None = None) -> Any:
    """Build a ``whisper.model.Whisper`` (float32, CPU) from a checkpoint dict."""
    from whisper.model import ModelDimensions, Whisper

    dims = ModelDimensions(**checkpoint["dims"])
    model = Whisper(dims)
    model.load_state_dict(checkpoint["model_state_dict"])
    if alignment_heads:
        # Word timestamps need the alignment heads; openai-whisper stores them as a sparse mask.
        mask = alignment_heads_mask(alignment_heads, dims.n_text_layer, dims.n_text_head)
        model.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)
    return model.eval()
