"""The CTranslate2 → openai-whisper converter matches CTranslate2 numerically."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def converted(tiny):
    from core.transcription.converter import checkpoint_from_ct2, load_openai_whisper
    config = json.loads((tiny.path / "config.json").read_text())
    return load_openai_whisper(checkpoint_from_ct2(tiny.read_model_bin()), config["alignment_heads"])


def test_encoder_outputs_and_greedy_tokens_match_ctranslate2(converted, tiny, jfk_audio):
    import ctranslate2
    import torch
    import whisper
    from whisper.tokenizer import get_tokenizer

    mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(torch.from_numpy(jfk_audio)))
    ct = ctranslate2.models.Whisper(str(tiny.path), device="cpu", compute_type="float32")
    with torch.no_grad():
        ours = converted.encoder(mel[None]).numpy()
    theirs = np.array(ct.encode(ctranslate2.StorageView.from_array(mel[None].numpy())))
    assert ours.shape == theirs.shape == (1, 1500, 384)
    assert np.abs(ours - theirs).max() < 1e-3

    tok = get_tokenizer(multilingual=False)
    prompt = [tok.sot, tok.no_timestamps]
    ct_tokens = ct.generate(ctranslate2.StorageView.from_array(mel[None].numpy()), [prompt], beam_size=1,
                            max_length=100)[0].sequences_ids[0]
    result = whisper.decode(converted, mel, whisper.DecodingOptions(language="en", without_timestamps=True,
                                                                    temperature=0.0, fp16=False))
    assert result.tokens == ct_tokens
    assert "ask not what your country can do for you" in tok.decode(ct_tokens).lower().replace(",", "")


def test_dimensions_and_tied_output(converted):
    d = converted.dims
    assert (d.n_mels, d.n_audio_layer, d.n_text_layer, d.n_vocab, d.n_audio_head) == (80, 4, 4, 51864, 6)
    assert converted.alignment_heads.to_dense().sum() > 0
