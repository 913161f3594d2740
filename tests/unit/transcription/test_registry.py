"""The model registry: packaged models, the two-part base model, importing, missing models."""

from __future__ import annotations

import hashlib
import json
import struct

import pytest

from core.errors import InvalidInput, ModelNotInstalled
from core.transcription.ct2_format import read_ct2
from core.transcription.registry import (
    CT2,
    MANIFEST,
    default_model_name,
    find_model,
    import_model,
    list_models,
)


def test_packaged_models_are_listed(tiny):
    names = {m.name: m for m in list_models()}
    assert default_model_name() == "tiny.en"
    assert tiny.engine_format == CT2 and tiny.languages == ("en",) and tiny.source.startswith("package:")
    assert tiny.engines() == ("faster-whisper", "openai-whisper")
    base = names["base"]
    assert base.is_multilingual and len(base.bin_parts) == 2
    # The two parts are one model.bin: hashing the concatenation gives the listed checksum.
    h = hashlib.sha256()
    for part in base.bin_parts:
        h.update(part.read_bytes())
    assert h.hexdigest() == base.sha256
    with base.open_model_bin() as stream:  # what faster-whisper is given
        assert hashlib.sha256(stream.read()).hexdigest() == base.sha256
    data = base.read_model_bin()  # what the converter is given
    assert len(data) == base.size_bytes
    model = read_ct2(data)
    assert model.spec == "WhisperSpec" and model.scalar("decoder/num_heads") == 8


def test_missing_model_says_how_to_import(vault):
    with pytest.raises(ModelNotInstalled) as info:
        find_model("large-v3", vault)
    assert "models import" in info.value.hint


def _tiny_ct2_folder(path, vocab_size):
    """A structurally valid (not useful) CTranslate2 folder, so import is tested cheaply."""
    path.mkdir()
    name = b"WhisperSpec\0"
    (path / "model.bin").write_bytes(struct.pack("<I", 6) + struct.pack("<H", len(name)) + name
                                     + struct.pack("<II", 3, 0) + struct.pack("<I", 0))
    (path / "config.json").write_text(json.dumps({"alignment_heads": [[0, 0]]}))
    (path / "tokenizer.json").write_text("{}")
    (path / "vocabulary.txt").write_text("\n".join(f"t{i}" for i in range(vocab_size)) + "\n")
    return path


def test_import_ct2_folder_into_the_vault(vault, tmp_path):
    src = _tiny_ct2_folder(tmp_path / "small-es", 51865)
    info = import_model(vault, src)
    assert info.name == "small-es" and info.source == "vault" and info.is_multilingual
    assert info.sha256 == hashlib.sha256((src / "model.bin").read_bytes()).hexdigest()
    assert (vault.models_dir / "small-es" / MANIFEST).is_file()
    assert find_model("small-es", vault).path == vault.models_dir / "small-es"
    assert "small-es" in {m.name for m in list_models(models_dir=vault.models_dir)}
    with pytest.raises(InvalidInput):
        import_model(vault, src)  # same name twice
    # A vault model wins over a packaged one with the same name.
    info = import_model(vault, _tiny_ct2_folder(tmp_path / "x", 51864), name="tiny.en")
    assert find_model("tiny.en", vault).source == "vault" and info.languages == ("en",)


def test_import_rejects_what_is_not_a_model(vault, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.pt").write_bytes(b"not a checkpoint")
    for bad in (tmp_path / "notes.txt", tmp_path / "empty", tmp_path / "bad.pt"):
        with pytest.raises(InvalidInput):
            import_model(vault, bad)
    assert not vault.models_dir.exists() or not any(vault.models_dir.iterdir())


def test_import_openai_checkpoint(vault, tmp_path, tiny):
    import torch

    from core.transcription.converter import checkpoint_from_ct2
    torch.save(checkpoint_from_ct2(tiny.read_model_bin()), tmp_path / "tiny-en.pt")
    info = import_model(vault, tmp_path / "tiny-en.pt")
    assert (info.engine_format, info.languages, info.engines()) == ("openai-whisper", ("en",), ("openai-whisper",))
