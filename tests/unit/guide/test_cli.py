"""`confidant guide validate` prints line-numbered problems and exits non-zero."""

from __future__ import annotations

from core.cli import main
from core.vault.guides import default_guides_dir


def test_validate_ok_and_broken(tmp_path, capsys):
    assert main(["guide", "validate", str(default_guides_dir() / "job-quality.es.yaml")]) == 0
    assert "job-quality-es@1.0" in capsys.readouterr().out
    bad = tmp_path / "g.yaml"
    bad.write_text("id: x\nversion: 1\ntitle: t\nlanguage: en\nthemes: []\nsections:\n\t- id: s\n")
    assert main(["guide", "validate", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "g.yaml, line 7: a tab is used to indent this line" in err
