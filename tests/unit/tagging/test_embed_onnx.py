"""The ONNX sentence model (installer without torch) gives the torch model's vectors.

The export is made once per session by the real exporter (installer/export_minilm_onnx.py) in
a subprocess, into a temporary folder, and compared with the real torch model.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.errors import EmbeddingModelMissing
from core.guide.loader import load_guide
from core.tagging import embed, embed_onnx
from core.tagging.embed import MiniLMEmbedder
from core.tagging.suggest import ThemeIndex, suggest
from core.vault.guides import default_guides_dir

ROOT = Path(__file__).resolve().parents[3]
LONG = ("Well, it's hard to say, because when I started there it was a different place, we had "
        "a manager who actually walked the floor and asked how things were going, and if "
        "something broke you could tell her and it would get fixed that week, but after the "
        "buyout they brought in a new regional team and now every request goes through a "
        "ticket system that nobody reads, so people just stopped asking, and honestly that's "
        "when a lot of the older folks left, because they felt like nobody was listening to "
        "them anymore and the schedule changes came with no notice at all. ") * 3  # > 256 tokens

SENTENCES = [
    "Yes.",
    "Hm.",
    "I don't know.",
    "My supervisor never listens when we raise safety problems on the night shift.",
    "What does a good job mean to you?",
    "The pay is okay but the schedule changes every week and nobody tells us until Friday.",
    "I feel valued when the lead thanks us in front of everyone after a hard rush.",
    "If I could change one thing it would be having a say in how the line is staffed.",
    "We never got training on the new machines, we just figured it out ourselves.",
    "Honestly I'd like to move up to lead someday, but there is no path for that here.",
    "¿Qué es lo que más le gusta de su trabajo?",
    LONG,
]


@pytest.fixture(scope="session")
def onnx_export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("minilm-onnx")
    subprocess.run([sys.executable, str(ROOT / "installer" / "export_minilm_onnx.py"), str(out)],
                   check=True, cwd=ROOT, capture_output=True, timeout=300)
    return out


@pytest.fixture
def onnx_env(monkeypatch, onnx_export) -> Path:
    monkeypatch.setenv(embed_onnx.ENV_DIR, str(onnx_export))
    monkeypatch.setenv(embed.BACKEND_ENV, "onnx")
    return onnx_export


@pytest.fixture(scope="session")
def torch_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder("torch")


@pytest.fixture(scope="session")
def onnx_embedder(onnx_export) -> MiniLMEmbedder:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(embed_onnx.ENV_DIR, str(onnx_export))
        e = MiniLMEmbedder("onnx")
        e.encode(["warm up"])  # loads the model once; it stays loaded for the session
    return e


@pytest.mark.slow
def test_export_folder_is_complete(onnx_export):
    names = {p.name for p in onnx_export.iterdir()}
    assert set(embed_onnx.REQUIRED) <= names
    assert (onnx_export / "model.onnx").stat().st_size > 80e6  # fp32 weights, not a stub


@pytest.mark.slow
def test_onnx_vectors_match_torch(torch_embedder, onnx_embedder):
    a = torch_embedder.encode(SENTENCES)
    b = onnx_embedder.encode(SENTENCES)
    assert a.shape == b.shape == (len(SENTENCES), 384)
    assert b.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-4)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() >= 0.999, dict(zip(range(len(SENTENCES)), cosines.round(5)))
    # Unrelated sentences must not collapse onto one vector (a broken graph would).
    assert float(b[3] @ b[10]) < 0.9


@pytest.mark.slow
def test_onnx_vectors_do_not_depend_on_the_batch(onnx_export):
    model = embed_onnx.load(onnx_export)
    together = model.encode(SENTENCES, batch_size=5)
    alone = np.stack([model.encode([s])[0] for s in SENTENCES])
    assert ((together * alone).sum(axis=1)).min() >= 0.9999


@pytest.mark.slow
def test_theme_suggestions_rank_the_same(torch_embedder, onnx_embedder):
    guide = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))
    themes = list(guide.themes)
    texts = SENTENCES[3:10] + [LONG]
    qids = [None] * len(texts)
    speakers = ["participant"] * len(texts)
    results = []
    for emb in (torch_embedder, onnx_embedder):
        index = ThemeIndex(themes, emb)
        sims = index.similarity(emb.encode(texts))
        ranking = np.argsort(-sims, axis=1)[:, :3].tolist()
        found = sorted((s.segment, s.code_id) for s in
                       suggest(texts, qids, speakers, {}, index, emb, threshold=0.15))
        results.append((ranking, found, sims))
    (rank_t, found_t, sims_t), (rank_o, found_o, sims_o) = results
    assert rank_t == rank_o
    assert found_t == found_o and found_t  # the same themes, and some were suggested
    assert np.abs(sims_t - sims_o).max() < 2e-3


@pytest.mark.slow
def test_forced_onnx_backend_is_used(monkeypatch, onnx_env):
    monkeypatch.setattr(embed, "_models", {})  # as in a fresh process
    assert embed.choose_backend() == "onnx"
    vectors = MiniLMEmbedder().encode(["The night shift has no say in the schedule."])
    assert vectors.shape == (1, 384)
    assert embed.loaded_backends() == ["onnx"]


@pytest.mark.slow
def test_bundle_folder_is_found(monkeypatch, tmp_path, onnx_export):
    monkeypatch.delenv(embed_onnx.ENV_DIR, raising=False)
    (tmp_path / "models").mkdir()
    (tmp_path / embed_onnx.BUNDLE_SUBDIR).symlink_to(onnx_export, target_is_directory=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert embed_onnx.find_export() == tmp_path / embed_onnx.BUNDLE_SUBDIR


def test_forced_onnx_without_export_says_how_to_fix(monkeypatch, tmp_path):
    monkeypatch.setenv(embed_onnx.ENV_DIR, str(tmp_path))  # empty folder
    monkeypatch.setenv(embed.BACKEND_ENV, "onnx")
    monkeypatch.setattr(embed, "_models", {})  # as in a fresh process
    with pytest.raises(EmbeddingModelMissing) as err:
        MiniLMEmbedder().encode(["anything at all"])
    assert embed_onnx.ENV_DIR in err.value.hint


def test_unknown_backend_is_refused(monkeypatch):
    monkeypatch.setenv(embed.BACKEND_ENV, "tensorflow")
    with pytest.raises(EmbeddingModelMissing):
        embed.choose_backend()


def test_torch_is_preferred_when_installed(monkeypatch, tmp_path):
    monkeypatch.delenv(embed.BACKEND_ENV, raising=False)
    monkeypatch.setenv(embed_onnx.ENV_DIR, str(tmp_path))
    assert embed.choose_backend() == "torch"
    assert os.environ.get(embed.BACKEND_ENV) is None
