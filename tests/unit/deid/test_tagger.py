"""The learned tagger (core/deid/tagger.py, decision 0236) on sentences written for this test
(none is in any training set), its decoys, its model file and what happens without it."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from core.deid import build_tagger, tagger
from core.deid.detect import detect, learned_problem
from core.errors import TaggerUnavailable
from tests.unit.deid.test_offline import _SCRIPT as _GUARDED

REPO = Path(__file__).resolve().parents[3]


def _found(text: str, language: str = "en", names=(), workplaces=()) -> list[tuple[str, str]]:
    return [(f.text, f.entity_type) for f in tagger.learned_findings(text, language=language, names=names,
                                                                      workplaces=workplaces)]


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "yesterday my lead, oksana, told me to stay late again", "oksana"),
    ("en", "i talked to my supervisor tomasz about it and he said no", "tomasz"),
    ("en", "me and kwabena usually split the route on fridays", "kwabena"),
    ("es", "la que me enseñó todo fue doña ixchel, ella ya se jubiló", "ixchel"),
])
def test_finds_unlisted_lower_case_names(language, text, name):
    assert (name, "PERSON") in _found(text, language)


@pytest.mark.parametrize(("language", "text", "kind", "span"), [
    ("en", "my address is thirty one twelve east grand boulevard, unit four", "ADDRESS",
     "thirty one twelve east grand boulevard, unit four"),
    ("en", "call me at four one five, two two eight, nine nine zero one", "PHONE",
     "four one five, two two eight, nine nine zero one"),
    ("es", "mi número es seis uno nueve, cuatro cuatro dos, cero uno cero cinco", "PHONE",
     "seis uno nueve, cuatro cuatro dos, cero uno cero cinco"),
    ("es", "vivo en la calle sargeant, cerca de la escuela", "ADDRESS", "calle sargeant"),
])
def test_finds_spoken_numbers_and_streets(language, text, kind, span):
    start = text.index(span)
    found = tagger.learned_findings(text, language=language)
    assert any(f.entity_type == kind and f.start <= start and start + len(span) <= f.end for f in found), found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "the charge nurse said the hour was over and the night supervisor agreed"),
    ("en", "in march they moved me to days, and in june back to nights"),
    ("en", "i take the 38 bus and then route 22 to get to work by seven"),
    ("en", "we lift like forty pounds, fifty times an hour"),
    ("es", "la gerente de turno dijo que en marzo nos iban a subir la hora"),
])
def test_does_not_propose_decoys(language, text):
    assert _found(text, language) == []


def test_listed_names_help():
    """A word the researcher listed is read as the person where the words around it alone are weak."""
    from core.deid.names import NameMatcher
    text = "i asked wren about the schedule"
    names, _ = tagger.listed(NameMatcher(["Wren Adebayo"], []))
    assert _found(text) == []
    assert _found(text, names=names) == [("wren", "PERSON")]


def test_detect_adds_the_tagger_and_keeps_types_consistent(presidio):
    text = "me and kwabena usually split the route, and dana said call two one seven five five five oh one nine two"
    with_model = detect(text, names=["Dana Ruiz"])
    spans = {(f.text, f.entity_type) for f in with_model}
    assert ("kwabena", "PERSON") in spans and ("dana", "PERSON") in spans
    assert any(f.entity_type == "PHONE" for f in with_model)
    assert all(a.end <= b.start for a, b in itertools.pairwise(with_model)), "findings overlap"


def test_model_card_matches_the_committed_data():
    """The shipped model is the one the build script makes from the committed sets: same files,
    interviews, tokens and labels, and the file's hash is the one the build wrote down."""
    card = json.loads(build_tagger.CARD_FILE.read_text(encoding="utf-8"))
    assert hashlib.sha256(tagger.MODEL_FILE.read_bytes()).hexdigest() == card["sha256"]
    files = build_tagger.training_files()
    assert [str(f.relative_to(REPO)) for f in files] == card["files"]
    interviews = build_tagger.load(files)
    labels: Counter[str] = Counter()
    for iv in interviews:
        labels.update(build_tagger.token_labels(iv, tagger.tokenize(iv.text)))
    assert len(interviews) == card["interviews"]
    assert sum(labels.values()) == card["tokens"]
    assert dict(sorted(labels.items())) == card["labels"]
    assert tagger.MODEL_FILE.stat().st_size < 5_000_000


@pytest.mark.slow
def test_build_script_reproduces_the_model(tmp_path):
    out = tmp_path / "again.crfsuite"
    stats = build_tagger.train(build_tagger.load(build_tagger.training_files()), out)
    card = json.loads(build_tagger.CARD_FILE.read_text(encoding="utf-8"))
    assert stats["state_features"] == card["state_features"]
    assert hashlib.sha256(out.read_bytes()).hexdigest() == card["sha256"]


# The socket guard of test_offline (every way out refused and counted), then the tagger alone.
_OFFLINE = _GUARDED.split("from core.deid.detect import detect")[0] + r"""
from core.deid import tagger
found = tagger.learned_findings("my supervisor tomasz said no")
print(json.dumps({"attempts": attempts, "found": [f.text for f in found]}))
"""


@pytest.mark.slow
def test_model_loads_offline(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", _OFFLINE], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"attempts": [], "found": ["tomasz"]}


@pytest.fixture(params=["missing", "damaged"])
def no_model(request, tmp_path, monkeypatch):
    path = tmp_path / "tagger.crfsuite"
    if request.param == "damaged":
        path.write_bytes(b"not a crfsuite model" * 10)
    monkeypatch.setattr(tagger, "MODEL_FILE", path)
    return path


def test_without_a_model_the_rules_still_run_and_say_so(no_model, presidio):
    found = detect("dana said call two one seven five five five oh one nine two", names=["Dana Ruiz"])
    assert {f.entity_type for f in found} == {"PERSON", "PHONE"}
    assert isinstance(learned_problem(), TaggerUnavailable)
    with pytest.raises(TaggerUnavailable):
        tagger.learned_findings("my supervisor tomasz said no")


def test_cli_scan_without_a_model_fails_loudly_after_the_rules(no_model, monkeypatch, capsys, presidio):
    from core.cli import main
    monkeypatch.setattr("sys.stdin", io.StringIO("dana said hi"))
    assert main(["deid", "scan", "-", "--names", "Dana Ruiz", "--json"]) != 0
    captured = capsys.readouterr()
    assert [s["text"] for s in json.loads(captured.out)] == ["dana"]
    assert "learned de-identification tagger could not be loaded" in captured.err


def test_scan_job_without_a_model_files_the_rules_and_fails(no_model, transcript, vault, presidio):
    from core.deid import review
    from core.jobs import run_job
    with pytest.raises(TaggerUnavailable):
        run_job(review.make_detect_job(vault, transcript.id))
    assert review.list_redactions(vault, transcript.id), "the rules' proposals were not filed"


_RULES_MISS = "the badge they gave me is k r seven seven four one, i say it every morning"


def test_cli_scan_and_the_interview_path_both_use_the_tagger(vault, interview, monkeypatch, capsys, presidio):
    """A spoken ID with no cue the rules know: only the tagger finds it, in `deid scan` and in
    the interview's scan job alike."""
    from core.cli import main
    from core.deid import review
    from core.jobs import run_job
    from core.vault.transcripts import Segment, TranscriptRepo
    assert not [f for f in detect(_RULES_MISS, use_learned=False) if "seven" in f.text]
    monkeypatch.setattr("sys.stdin", io.StringIO(_RULES_MISS))
    assert main(["deid", "scan", "-", "--json"]) == 0
    spans = json.loads(capsys.readouterr().out)
    assert [(s["text"], s["entity_type"], s["recognizer"]) for s in spans] == [
        ("k r seven seven four one", "ID_NUMBER", "learned_tagger")]
    TranscriptRepo(vault).create(interview.id, [Segment(0, 4000, _RULES_MISS)])
    run_job(review.make_detect_job(vault, interview.id))
    assert [(r.original, r.entity_type, r.state) for r in review.list_redactions(vault, interview.id)] == [
        ("k r seven seven four one", "ID_NUMBER", "proposed")]


def test_how_a_learned_span_joins_the_rules_findings():
    """Rules win a type conflict and keep their edges; the learned span's stretches outside them
    still count; one finding of the same type is widened and keeps its recognizer (its pseudonym)."""
    from core.deid.detect import _resolve
    from core.deid.findings import Finding
    text = "marisol lives at 412 pine street and fourteenth avenue south"

    def at(piece, etype, recognizer):
        s = text.index(piece)
        return Finding(s, s + len(piece), etype, piece, 0.9, recognizer, piece)

    out = _resolve([at("marisol", "PERSON", "name_list"),
                    at("marisol lives at 412 pine street", "ADDRESS", "learned_tagger"),
                    at("fourteenth avenue", "ADDRESS", "street_name"),
                    at("fourteenth avenue south", "ADDRESS", "learned_tagger")])
    assert [(f.text, f.entity_type, f.recognizer) for f in out] == [
        ("marisol", "PERSON", "name_list"),
        ("lives at 412 pine street", "ADDRESS", "learned_tagger"),
        ("fourteenth avenue south", "ADDRESS", "street_name")]
