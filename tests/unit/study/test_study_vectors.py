"""The study-file vectors: the reader's verdict on each, and the generator reproduces them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from core.study.studyfile import StudyRejected, decode

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "study"
CASES = sorted(p.stem for p in VECTORS.glob("*.cstudy"))


def test_there_are_vectors():
    assert {"valid", "tampered-body", "other-signer", "unknown-setting"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_reader_verdict(name):
    expected = json.loads((VECTORS / f"{name}.expected.json").read_text())
    data = (VECTORS / f"{name}.cstudy").read_bytes()
    if expected["verdict"] == "accept":
        signed = decode(data)
        assert list(signed.study.sites) == expected["sites"]
    else:
        with pytest.raises(StudyRejected) as err:
            decode(data)
        assert expected["contains"] in err.value.user_message


def test_generator_reproduces_the_committed_files():
    spec = importlib.util.spec_from_file_location("make_study_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, (data, _expected) in module.vectors().items():
        assert (VECTORS / f"{name}.cstudy").read_bytes() == data, f"{name} differs: run make_vectors.py"
